"""Real front matter (``../shared/corpus``) and the YAML test suite, judged by what they say.

* Every file of the corpus whose front matter ruamel.yaml's round-trip loader
  reads as a mapping loads and comes back byte for byte; the few exceptions
  are listed in ``CORPUS_EXCEPTIONS`` with the reason, each a strict xfail.
* Every valid case of the YAML test suite loads to the JSON the suite gives,
  and every error case is refused with a line and a column; each case where
  newsitem deviates is in the one table ``SUITE_DEVIATIONS``, a strict xfail
  naming why. A deviation that gets fixed fails as XPASS until it leaves the
  table; a case that starts to deviate fails.

The corpus is reference data read at test time, never copied into the project;
the whole module is skipped when the folder is absent. ``NEWSITEM_CORPUS``
points elsewhere (a git worktree has no ``../shared`` of its own).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from _support import split_front_matter, yaml_timestamp

from newsitem import errors, frontmatter

CORPUS = Path(
    os.environ.get("NEWSITEM_CORPUS")
    or Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
)

if not CORPUS.is_dir():
    pytest.skip(f"no corpus at {CORPUS}", allow_module_level=True)

SUITE = CORPUS / "yaml+yaml-test-suite"
SUITE_ERRORS = CORPUS / "yaml+yaml-test-suite-errors"

_LOCAL_TAG = "a local tag: newsitem refuses every tag it does not know (docs/safety.md)"

# Every case of the YAML test suite where newsitem does not do what the suite
# says: valid cases it refuses or reads wrongly, error cases it accepts.
# Case name -> why. Each is a strict xfail: remove the line when it is fixed.
SUITE_DEVIATIONS: dict[str, str] = {
    "7FWL": _LOCAL_TAG,
    "CUP7": _LOCAL_TAG,
    "M5C3": _LOCAL_TAG,
    "Z67P": _LOCAL_TAG,
}

# Files ruamel.yaml's round-trip loader reads that newsitem refuses, by design.
# Path below the corpus -> why. Each is a strict xfail.
CORPUS_EXCEPTIONS: dict[str, str] = {
    "jekyll+jekyll/test__fixtures__exploit_front_matter-604a7ae9b4.erb": (
        "`!ruby/hash:...`: a tag that would build an object is refused (docs/safety.md)"
    ),
    "github+explore/topics__opencomputers__index-8e11c52fa6.md": (
        "a double-quoted scalar's second line is not indented: YAML 1.2 refuses it "
        "(suite case QB6E), ruamel.yaml takes it"
    ),
    "yaml+yaml-test-suite/7FWL.md": _LOCAL_TAG,
    "yaml+yaml-test-suite/CUP7.md": _LOCAL_TAG,
    "yaml+yaml-test-suite/M5C3.md": _LOCAL_TAG,
    "yaml+yaml-test-suite/Z67P.md": _LOCAL_TAG,
}


def _documents() -> list[Path]:
    """Every document of the corpus: no dot or underscore files, no READMEs, no sidecars."""
    found = []
    for path in sorted(CORPUS.rglob("*")):
        relative = path.relative_to(CORPUS)
        if not path.is_file() or any(part.startswith((".", "_")) for part in relative.parts):
            continue
        if path.name.endswith(".expected.json") or relative == Path("README.md"):
            continue
        found.append(path)
    return found


def _sidecar(path: Path) -> Path:
    """``NAME.expected.json`` beside ``NAME.md``."""
    return path.with_name(path.stem + ".expected.json")


DOCUMENTS = _documents()
SUITE_VALID = sorted(path for path in SUITE.glob("*.md") if _sidecar(path).exists())
SUITE_INVALID = sorted(SUITE_ERRORS.glob("*.md"))


def _param(path: Path, name: str, reason: str | None) -> Any:
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(path, id=name, marks=marks)


def _corpus_params() -> list[Any]:
    params = []
    for path in DOCUMENTS:
        name = path.relative_to(CORPUS).as_posix()
        params.append(_param(path, name, CORPUS_EXCEPTIONS.get(name)))
    return params


def _suite_params(paths: list[Path]) -> list[Any]:
    return [_param(path, path.stem, SUITE_DEVIATIONS.get(path.stem)) for path in paths]


def test_corpus_is_not_empty() -> None:
    """The corpus folder, when present, holds thousands of documents and the suite's cases."""
    assert len(DOCUMENTS) > 3000
    assert len(SUITE_VALID) > 100
    assert len(SUITE_INVALID) > 70


def test_exception_tables_name_real_cases() -> None:
    """Every name in the two tables is a file of the corpus: no stale entries hide anything."""
    names = {path.relative_to(CORPUS).as_posix() for path in DOCUMENTS}
    assert set(CORPUS_EXCEPTIONS) <= names
    cases = {path.stem for path in SUITE_VALID} | {path.stem for path in SUITE_INVALID}
    assert set(SUITE_DEVIATIONS) <= cases
    assert not {p.stem for p in SUITE_VALID} & {p.stem for p in SUITE_INVALID}


def _ruamel_reads(yaml_text: str) -> str:
    """What ruamel.yaml's round-trip loader makes of ``yaml_text``.

    ``"mapping"`` (a mapping, or nothing at all), ``"other"`` (a list or a
    scalar) or ``"refused"`` (it raised).
    """
    from ruamel.yaml import YAML

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = YAML(typ="rt").load(yaml_text)
        except Exception:  # any refusal by ruamel: the file is judged on its own below
            return "refused"
    return "mapping" if value is None or isinstance(value, Mapping) else "other"


@pytest.mark.parametrize("path", _corpus_params())
def test_corpus_file(path: Path) -> None:
    """A file ruamel.yaml reads as a mapping loads and round-trips byte for byte.

    Files in the suite's error folder are judged by the suite test below, not by
    ruamel.yaml. Others must round-trip or fail with a located NewsItemError: a
    file that is not UTF-8 with a DecodeError at its first bad byte, one whose
    front matter ruamel.yaml reads as a list or scalar with an error.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_offset = exc.start
    else:
        _check_text(path, text)
        return
    with pytest.raises(errors.DecodeError) as info:
        frontmatter.load(path)
    assert info.value.offset == bad_offset
    assert info.value.line is not None


def _check_text(path: Path, text: str) -> None:
    parts = split_front_matter(text)
    verdict = "no front matter" if parts is None else _ruamel_reads(parts[1])
    if verdict == "mapping" and path.parent != SUITE_ERRORS:
        doc = frontmatter.loads(text)  # any error fails the test
        assert frontmatter.dumps(doc) == text
        return
    outcome = _load_or_error(text)
    if isinstance(outcome, errors.NewsItemError):
        assert outcome.line is not None, repr(outcome)
        assert outcome.column is not None, repr(outcome)
        return
    assert verdict != "other", "a list or scalar front matter was accepted"
    assert verdict != "no front matter", "a file without fences was accepted"
    assert frontmatter.dumps(outcome) == text


def _load_or_error(text: str) -> frontmatter.FrontMatterDocument | errors.NewsItemError:
    """The loaded document, or the NewsItemError ``loads`` raised (any other exception escapes)."""
    try:
        return frontmatter.loads(text)
    except errors.NewsItemError as error:
        return error


class NotRepresentable(Exception):
    """The suite's JSON cannot say what the value is (non-string keys and the like)."""


def _json_differences(actual: Any, expected: Any, where: str = "$") -> list[str]:
    """Differences between a loaded value and the JSON the YAML test suite expects.

    JSON has no timestamps: a datetime or date must come from an expected
    string that is that YAML timestamp. Numbers compare by value, booleans
    never equal numbers.
    """
    if isinstance(actual, dict):
        if not isinstance(expected, dict):
            return [f"{where}: mapping {actual!r} != {expected!r}"]
        if any(not isinstance(key, str) for key in actual):
            raise NotRepresentable(f"{where}: non-string key in {list(actual)!r}")
        if set(actual) != set(expected):
            return [f"{where}: keys {sorted(actual)!r} != {sorted(expected)!r}"]
        problems = []
        for key in expected:
            problems += _json_differences(actual[key], expected[key], f"{where}.{key}")
        return problems
    if isinstance(actual, list):
        if not isinstance(expected, list) or len(actual) != len(expected):
            return [f"{where}: sequence {actual!r} != {expected!r}"]
        problems = []
        for index, (left, right) in enumerate(zip(actual, expected, strict=True)):
            problems += _json_differences(left, right, f"{where}[{index}]")
        return problems
    if isinstance(actual, (dt.date, dt.datetime)):
        if not isinstance(expected, str):
            return [f"{where}: timestamp {actual!r} != {expected!r}"]
        wanted = yaml_timestamp(expected)
        same = type(wanted) is type(actual) and wanted == actual
        return [] if same else [f"{where}: timestamp {actual!r} from {expected!r}"]
    if isinstance(actual, bool) or isinstance(expected, bool) or actual is None or expected is None:
        ok = actual is expected
        return [] if ok else [f"{where}: {actual!r} != {expected!r}"]
    if isinstance(actual, (int, float)):
        if isinstance(actual, float) and (math.isnan(actual) or math.isinf(actual)):
            raise NotRepresentable(f"{where}: {actual!r}")
        ok = isinstance(expected, (int, float)) and actual == expected
        return [] if ok else [f"{where}: {actual!r} != {expected!r}"]
    if isinstance(actual, str):
        return [] if actual == expected else [f"{where}: {actual!r} != {expected!r}"]
    return [f"{where}: unexpected type {type(actual).__qualname__}"]


@pytest.mark.parametrize("path", _suite_params(SUITE_VALID))
def test_suite_valid_case_loads_to_its_json(path: Path) -> None:
    """A valid case of the YAML test suite loads, and ``doc.data`` is the suite's JSON."""
    expected = json.loads(_sidecar(path).read_text(encoding="utf-8"))
    doc = frontmatter.loads(path.read_bytes().decode("utf-8"))  # a refusal fails the test
    problems = _json_differences(doc.data, expected)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", _suite_params(SUITE_INVALID))
def test_suite_error_case_is_refused_with_a_position(path: Path) -> None:
    """An error case of the YAML test suite raises a NewsItemError with a line and column."""
    with pytest.raises(errors.NewsItemError) as info:
        frontmatter.loads(path.read_bytes().decode("utf-8"))
    assert info.value.line is not None, repr(info.value)
    assert info.value.column is not None, repr(info.value)
