"""The rules on URLs: tracking-param (a repair) and the host test of domain-mismatch."""

from __future__ import annotations

import functools
import re
from urllib.parse import unquote

from ._text import Problem

__all__ = ["domain_matches", "host_mismatch", "host_of", "tracking_param"]

_TRACKING = re.compile(r"[?&](?:utm_|fbclid|gclid)", re.IGNORECASE)


def _is_tracking(param: str) -> bool:
    name = unquote(param.partition("=")[0]).lower()
    return name.startswith("utm_") or name in ("fbclid", "gclid")


def tracking_param(url: str) -> Problem | None:
    """``utm_*``, ``fbclid`` and ``gclid`` query parameters, removed byte for byte."""
    if _TRACKING.search(url) is None:
        return None
    head, hash_, fragment = url.partition("#")
    base, question, query = head.partition("?")
    if not question:
        return None
    params = query.split("&")
    kept = [param for param in params if not _is_tracking(param)]
    if len(kept) == len(params):
        return None
    names = [param.partition("=")[0] for param in params if _is_tracking(param)]
    repaired = base + ("?" + "&".join(kept) if kept else "") + hash_ + fragment
    shown = ", ".join(dict.fromkeys(names))
    return Problem(f"tracking parameter(s) {shown} in the URL", repaired)


# The authority of an absolute URL (the models have checked its form): the
# host, after any user info, before any port.
_HOST = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?(\[[^\]/?#]*\]|[^:/?#]*)")


def host_of(url: str) -> str | None:
    """The URL's host, lower case, without a trailing dot; None when it has none."""
    match = _HOST.match(url)
    host = match.group(1) if match else ""
    return _ascii(host.rstrip(".")) if host else None


def host_mismatch(domain: str, url: str) -> str | None:
    """The host of ``url`` when ``domain`` is neither it nor a parent domain of it; else
    None (also for a URL without a host).
    """
    # The answer depends on the URL up to the "/" after its authority alone: a
    # corpus has few providers, and few hosts for each, so that part is cached.
    scheme = url.find("://")
    end = url.find("/", scheme + 3) if scheme >= 0 else -1
    return _host_mismatch(domain, url if end < 0 else url[:end])


@functools.lru_cache(maxsize=4096)
def _host_mismatch(domain: str, head: str) -> str | None:
    host = host_of(head)
    return host if host is not None and not domain_matches(domain, host) else None


def domain_matches(domain: str, host: str) -> bool:
    """Whether ``domain`` is ``host`` or a parent domain of it (case and IDN-insensitive)."""
    wanted = _ascii(domain.strip().lower().rstrip("."))
    return host == wanted or host.endswith("." + wanted)


def _ascii(name: str) -> str:
    """An internationalised name in its ASCII (punycode) form, to compare the two spellings."""
    if name.isascii():
        return name.lower()
    try:
        return name.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return name.lower()
