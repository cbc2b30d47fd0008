"""The fast read path gives exactly the values of the full path.

With the ``fast`` extra, ordinary front matter is read by yaml-rs; everything
else, and every edit and error, by the full path (ruamel.yaml's parsers and
newsitem's composer). This differential test holds the two to the same
values, type for type, on every fixture, example and corpus file, and on the
YAML 1.2 scalars where parsers commonly part ways. Whatever the guard sends to
the full path is fine; what it lets through must agree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from _hostile import same

from newsitem import NewsItemError, _fast, _io, _split, _yaml, frontmatter

pytestmark = pytest.mark.skipif(not _fast.available(), reason="the fast extra is not installed")

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


def _files() -> list[Path]:
    return sorted((ROOT / "tests" / "fixtures").rglob("*.md")) + sorted(
        (ROOT / "examples").rglob("*.md")
    )


FILES = _files()


def _yaml_of(path: Path) -> str | None:
    try:
        text = _io.decode(path.read_bytes())
        return _split.split(text).yaml
    except NewsItemError:
        return None


def _paths_agree(yaml: str) -> bool | None:
    """None when the guard sends ``yaml`` to the full path, else whether the values agree."""
    fast = _fast.values(yaml)
    if fast is None:
        return None
    try:
        full = _yaml.compose(yaml, line_offset=1).data
    except NewsItemError as exc:
        pytest.fail(f"the fast path read what the full path refuses: {exc}")
    return same(fast, full, ordered=True)


def _differing(files: list[Path]) -> tuple[list[str], int]:
    """The files whose fast values differ from the full path's, and how many went fast."""
    differing, fast_count = [], 0
    for path in files:
        yaml = _yaml_of(path)
        agree = None if yaml is None else _paths_agree(yaml)
        if agree is None:
            continue
        fast_count += 1
        if not agree:
            differing.append(path.relative_to(ROOT.parent).as_posix())
    return differing, fast_count


def test_every_fixture_and_example_read_fast_reads_the_same_on_the_full_path() -> None:
    """Fixtures and examples, many of them odd on purpose: one test, one report."""
    differing, fast_count = _differing(FILES)
    assert differing == []
    assert fast_count > 0


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")
def test_every_corpus_file_read_fast_reads_the_same_on_the_full_path() -> None:
    """Real front matter: the values agree, and most files are plain enough to go fast."""
    files = sorted(
        path
        for path in CORPUS.rglob("*")
        if path.is_file() and not path.name.endswith(".json") and path.name != "README.md"
    )
    differing, fast_count = _differing(files)
    assert differing == []
    # The guard must not send everything to the full path: the test would
    # then hold nothing.
    assert fast_count >= len(files) // 2, f"only {fast_count} of {len(files)} files read fast"


# Examples with no flow mappings, anchors, tags or tabs: what the fast path is for.
PLAIN_EXAMPLES = [
    "01-reference-style.md",
    "02-crlf-feed-fractions.md",
    "03-bom-comments.md",
    "04-four-space-single-quotes.md",
    "06-body-with-rule.md",
    "07-minimal-video.md",
]


@pytest.mark.parametrize("name", PLAIN_EXAMPLES)
def test_plain_examples_take_the_fast_path(name: str) -> None:
    """Items written like the reference item are read fast (the guard is not too shy)."""
    yaml = _yaml_of(ROOT / "examples" / "valid" / name)
    assert yaml is not None
    assert _fast.values(yaml) is not None


# YAML 1.2 core schema, as the full path resolves it: what each plain scalar is.
CORE_SCHEMA = [
    ("yes", "yes"),
    ("no", "no"),
    ("on", "on"),
    ("off", "off"),
    ("y", "y"),
    ("True", True),
    ("FALSE", False),
    ("null", None),
    ("Null", None),
    ("~", None),
    ("", None),
    ("012", 12),
    ("+1", 1),
    ("-0", 0),
    ("1e3", 1000.0),
    (".5", 0.5),
    ("-.inf", float("-inf")),
    (".NaN", float("nan")),
    ("0x1F", 31),
    ("0o17", 15),
    ("1_000", "1_000"),
    ("0b101", "0b101"),
    ("1:20", "1:20"),
    ("2021-09-27", dt.date(2021, 9, 27)),
    ('"2021-09-27"', "2021-09-27"),
    ("2021-09-27T18:46:00Z", dt.datetime(2021, 9, 27, 18, 46, tzinfo=dt.timezone.utc)),
    (
        "2021-09-27T18:46:00.1234567Z",
        dt.datetime(2021, 9, 27, 18, 46, 0, 123456, tzinfo=dt.timezone.utc),
    ),
    (
        "2021-09-27 18:46:00 -07:00",
        dt.datetime(2021, 9, 27, 18, 46, tzinfo=dt.timezone(dt.timedelta(hours=-7))),
    ),
    ("'it''s'", "it's"),
    ('"tab\\there"', "tab\there"),
]


@pytest.mark.parametrize(
    ("written", "value"), CORE_SCHEMA, ids=[w or "empty" for w, _ in CORE_SCHEMA]
)
def test_yaml_1_2_scalars_read_the_same_on_both_paths(written: str, value: Any) -> None:
    """Each scalar is the YAML 1.2 value, read fast or not (``yes`` is a string)."""
    yaml = f"key: {written}\nother: 1\n"
    agree = _paths_agree(yaml)
    assert agree in (None, True)
    data = frontmatter.loads(f"---\n{yaml}---\n").data
    assert same(data, {"key": value, "other": 1}, ordered=True), data
