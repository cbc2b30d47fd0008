"""domain-mismatch's host test: the host of a URL against a provider's domain.

``host_mismatch`` answers from the URL up to the ``/`` after its authority,
and caches that answer (a corpus has few providers and few hosts for each):
these tests hold it to the URL's host as written out by hand, and, on URLs
built at random, to the host test done on the whole URL each time.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsitem.lint import _urls


@pytest.mark.parametrize(
    ("domain", "url", "mismatch"),
    [
        ("example.com", "https://www.example.com/a/b", None),
        ("example.com", "https://example.com", None),  # no path
        ("example.com", "https://example.com?x=1/2", None),  # a query before any "/"
        ("example.com", "https://example.com#top/a", None),
        ("example.com", "https://user:pw@www.example.com:8443/a", None),
        ("EXAMPLE.com.", "https://WWW.Example.COM./a", None),  # case, trailing dots
        ("bücher.de", "https://www.xn--bcher-kva.de/a", None),  # IDN, both spellings
        ("xn--bcher-kva.de", "https://BÜCHER.de/", None),
        ("example.com", "https://other.org/a", "other.org"),
        ("ample.com", "https://example.com/", "example.com"),  # a suffix, not a parent
        ("www.example.com", "https://example.com/", "example.com"),  # a child, not a parent
        ("example.com", "https://[2001:db8::1]:80/a", "[2001:db8::1]"),
        ("other.org", "https://other.org@example.com/a", "example.com"),  # after user info
        ("example.com", "no-scheme/a/b", None),  # no host: nothing to compare
    ],
)
def test_the_host_against_the_domain(domain: str, url: str, mismatch: str | None) -> None:
    assert _urls.host_mismatch(domain, url) == mismatch


def test_one_host_asked_with_two_domains() -> None:
    """The cache is by domain and URL head: the same head gives each domain its answer."""
    assert _urls.host_mismatch("example.com", "https://other.org/x") == "other.org"
    assert _urls.host_mismatch("other.org", "https://other.org/y") is None
    assert _urls.host_mismatch("example.com", "https://other.org/z") == "other.org"


def direct(domain: str, url: str) -> str | None:
    host = _urls.host_of(url)
    return host if host is not None and not _urls.domain_matches(domain, host) else None


PART = st.text("abé.-", min_size=1, max_size=6)


@given(
    domain=PART,
    scheme=st.sampled_from(["https://", "http://", "HTTPS://", "ftp:/", ""]),
    user=st.sampled_from(["", "u@", "u:p@", "a.b@"]),
    host=PART,
    port=st.sampled_from(["", ":80", ":"]),
    rest=st.text("/?#a=&", max_size=8),
)
def test_the_cached_answer_is_the_answer_for_the_whole_url(
    domain: str, scheme: str, user: str, host: str, port: str, rest: str
) -> None:
    url = scheme + user + host + port + rest
    assert _urls.host_mismatch(domain, url) == direct(domain, url)
