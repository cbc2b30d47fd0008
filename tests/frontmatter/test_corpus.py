"""Real front matter from public projects (``../shared/corpus``) round-trips byte for byte.

The corpus is reference data read at test time, never copied into the project;
the whole module is skipped when the folder is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from _support import split_front_matter, yaml_timestamp

from newsitem import errors, frontmatter

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

if not CORPUS.is_dir():
    pytest.skip(f"no corpus at {CORPUS}", allow_module_level=True)

SUITE = CORPUS / "yaml+yaml-test-suite"


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


DOCUMENTS = _documents()
IDS = [path.relative_to(CORPUS).as_posix() for path in DOCUMENTS]


def _sidecar(path: Path) -> Path:
    """``NAME.expected.json`` beside ``NAME.md``."""
    return path.with_name(path.stem + ".expected.json")


SUITE_CASES = sorted(path for path in SUITE.glob("*.md") if _sidecar(path).exists())


def test_corpus_is_not_empty() -> None:
    """The corpus folder, when present, holds thousands of documents."""
    assert len(DOCUMENTS) > 1000


@pytest.mark.parametrize("path", DOCUMENTS, ids=IDS)
def test_corpus_file_round_trips_or_raises_a_typed_error(path: Path) -> None:
    """Each file comes back byte for byte, or fails with a located NewsItemError, nothing else."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_offset = exc.start
    else:
        outcome = _load_or_error(text)
        if isinstance(outcome, errors.NewsItemError):
            assert outcome.line is not None, repr(outcome)
            assert outcome.column is not None, repr(outcome)
        else:
            assert frontmatter.dumps(outcome) == text
        return
    with pytest.raises(errors.DecodeError) as info:
        frontmatter.load(path)
    assert info.value.offset == bad_offset


def _load_or_error(text: str) -> frontmatter.FrontMatterDocument | errors.NewsItemError:
    """The loaded document, or the NewsItemError ``loads`` raised (any other exception escapes)."""
    try:
        return frontmatter.loads(text)
    except errors.NewsItemError as error:
        return error


def _ruamel_accepts(yaml_text: str) -> bool:
    """Whether ruamel.yaml's round-trip loader reads ``yaml_text`` as a mapping (or nothing)."""
    from ruamel.yaml import YAML

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = YAML(typ="rt").load(yaml_text)
        except Exception:  # any refusal by ruamel puts the file out of scope
            return False
    return value is None or isinstance(value, Mapping)


# Files ruamel.yaml reads that YAML 1.2 refuses, with the suite case that says so.
RUAMEL_LENIENT = {
    # a double-quoted scalar's second line is not indented (suite case QB6E)
    "github+explore/topics__opencomputers__index-8e11c52fa6.md",
}


def test_every_file_ruamel_parses_round_trips() -> None:
    """Every file whose front matter ruamel.yaml parses as a mapping round-trips byte for byte.

    The allowed refusals are an UnsupportedTagError (the contract forbids
    constructing unknown tags that ruamel's round-trip loader keeps) and the
    texts YAML 1.2 refuses that ruamel.yaml takes (``RUAMEL_LENIENT``).
    """
    failures = []
    checked = 0
    for path, name in zip(DOCUMENTS, IDS, strict=True):
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        parts = split_front_matter(text)
        if parts is None or not _ruamel_accepts(parts[1]):
            continue
        checked += 1
        try:
            doc = frontmatter.loads(text)
        except errors.UnsupportedTagError:
            continue
        except errors.YAMLSyntaxError:
            if name in RUAMEL_LENIENT or name.startswith("yaml+yaml-test-suite-errors/"):
                continue
            failures.append(f"{name}: refused")
            continue
        except errors.NewsItemError as error:
            failures.append(f"{name}: {error!r}")
            continue
        if frontmatter.dumps(doc) != text:
            failures.append(f"{name}: not byte-identical")
    assert checked > 1000
    assert not failures, f"{len(failures)}/{checked} failed:\n" + "\n".join(failures[:100])


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


# Cases where newsitem's parser reads the text differently from the suite.
# Strict xfail: a fixed parser shows up. (None today.)
PARSER_DEVIATIONS: dict[str, str] = {}


def _suite_param(path: Path) -> object:
    reason = PARSER_DEVIATIONS.get(path.stem)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(path, id=path.stem, marks=marks)


@pytest.mark.parametrize("path", [_suite_param(path) for path in SUITE_CASES])
def test_yaml_test_suite_values(path: Path) -> None:
    """Where the YAML test suite gives the expected value, ``doc.data`` is that value."""
    expected = json.loads(_sidecar(path).read_text(encoding="utf-8"))
    try:
        doc = frontmatter.loads(path.read_bytes().decode("utf-8"))
    except errors.NewsItemError as error:
        pytest.skip(f"refused: {error!r}")
    try:
        problems = _json_differences(doc.data, expected)
    except NotRepresentable as exc:
        pytest.skip(f"expected value not representable in JSON: {exc}")
    assert not problems, "\n".join(problems)
