"""The JSON Schema says what the models say: what loads validates, what fails validation fails.

Each front matter is turned into JSON values the way a YAML editor sees it
(YAML 1.2 core schema: timestamps and dates are the strings written), then
checked with the ``jsonschema`` package, a validator that is not ours.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsitem import Article, Image, NewsItemError, Provider, RelatedItem, ValidationError, loads
from newsitem._split import split
from newsitem.models import TIMESTAMP_RULE, URL_RULE, field_keys
from newsitem.schema import DRAFT, field_table, json_schema

jsonschema = pytest.importorskip("jsonschema")
YAML = pytest.importorskip("ruamel.yaml").YAML

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def _editor_yaml() -> Any:
    """A YAML 1.2 reader that, like an editor, leaves timestamps as the text written."""
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)

    def as_text(constructor: Any, node: Any) -> str:
        return str(constructor.construct_scalar(node))

    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", as_text)
    return yaml


EDITOR_YAML = _editor_yaml()


def json_view(value: Any) -> Any:
    """A YAML value as JSON holds it: keys become strings, as in an editor."""
    if isinstance(value, dict):
        return {str(key): json_view(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_view(item) for item in value]
    return value


def verdicts(text: str) -> tuple[bool, bool] | None:
    """(the model accepts, the schema accepts) for an item's text; None when it is no item."""
    try:
        loads(text)
        model_ok = True
    except ValidationError:
        model_ok = False
    except NewsItemError:
        return None  # not a front-matter mapping: nothing to validate
    data = EDITOR_YAML.load(split(text).yaml)
    return model_ok, VALIDATOR.is_valid(json_view(data if data is not None else {}))


def item(*lines: str) -> str:
    """A valid minimal item, with ``lines`` added to (or replacing a key of) its front matter."""
    given = {line.split(":", 1)[0] for line in lines}
    base = ["title: T", "webUrl: https://example.com/a"]
    base = [line for line in base if line.split(":", 1)[0] not in given]
    return "\n".join(["---", *base, *lines, "---", ""])


def test_the_schema_is_valid_draft_2020_12() -> None:
    """The document declares draft 2020-12 and is valid against its meta-schema."""
    schema = json_schema()
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    json.dumps(schema)  # JSON-able as it is


def test_property_names_are_the_file_keys_and_every_field_is_described() -> None:
    """Every model's properties are its camelCase keys, each with a title and a description."""
    schema = json_schema()
    defs = schema["$defs"]
    for model, node in [
        (Article, schema),
        (RelatedItem, defs["RelatedItem"]),
        (Provider, defs["Provider"]),
        (Image, defs["Image"]),
    ]:
        assert list(node["properties"]) == list(field_keys(model))
        assert node["additionalProperties"] is True
        for key, prop in node["properties"].items():
            assert prop["title"], key
            assert prop["description"], key
    assert schema["required"] == ["title", "webUrl"]
    assert schema["properties"]["publishedDateTime"]["title"] == "Published date time"
    assert defs["Image"]["properties"]["isCached"]["description"] == (
        "Whether the upstream feed keeps a cached copy of the image."
    )


def _item_files() -> list[Path]:
    folders = [ROOT / "examples", ROOT / "tests" / "fixtures"]
    return sorted(path for folder in folders for path in folder.rglob("*.md"))


@pytest.mark.parametrize("path", _item_files(), ids=lambda path: path.name)
def test_examples_and_fixtures_agree(path: Path) -> None:
    """Each example and fixture item is accepted by the schema exactly when the model takes it."""
    result = verdicts(path.read_text(encoding="utf-8"))
    if result is None:
        pytest.skip("not a front-matter mapping")
    model_ok, schema_ok = result
    assert schema_ok == model_ok


def test_the_shipped_examples_cover_both_verdicts() -> None:
    """The examples hold items that load and items that fail validation, so both sides are run."""
    outcomes = {verdicts(path.read_text(encoding="utf-8")) for path in _item_files()}
    assert {(True, True), (False, False)} <= outcomes


@pytest.mark.parametrize(
    "line",
    [
        "category: 5",
        "title: ~",
        "title: [a]",
        "excerpt: 12",
        "publishedDateTime: 2024-02-30T10:00:00Z",
        "publishedDateTime: 2023-02-29T10:00:00Z",
        "publishedDateTime: '2024-03-11T09:15:00'",
        "publishedDateTime: 2024-03-11",
        "publishedDateTime: 2024-03-11T24:00:00Z",
        "publishedDateTime: 2024-03-11T09:15:00+24:00",
        "publishedDateTime: '0000-01-01T00:00:00Z'",
        "publishedDateTime: 1710148500",
        "originalUrl: /relative",
        "originalUrl: ftp://example.com/a",
        "originalUrl: 'https://'",
        "originalUrl: 'https://example.com:99999/'",
        "originalUrl: 'https://example.com:port/'",
        "originalUrl: 'https://exa mple.com/'",
        'originalUrl: "https://example.com/\\u200b"',
        "originalUrl: |\n  https://example.com/a",
        "originalUrl: 'http://[::1/'",
        "webUrl: ~",
        'webUrl: "https://example.com/\\n"',
        "type: true",
        "quality: lots",
        "quality: '5'",
        "quality: 5.5",
        "heat: .nan",
        "published: yes",
        "published: 'true'",
        "published: 1",
        "provider: Harbor Ledger",
        "provider: {domain: x.com}",
        "provider: {name: P, domain: [x]}",
        "provider: {name: P, images: [{url: /logo.png}]}",
        "topics: Robotics",
        "topics: [1, 2]",
        "related: {title: R}",
        "related: [{title: R}]",
        "related: [{title: R, webUrl: /rel}]",
        "related: [{title: R, webUrl: 'https://e.com/r', ampWebUrl: amp}]",
        "related: [{title: R, webUrl: 'https://e.com/r', cdnAmpWebUrl: 5}]",
        "related: [{title: R, webUrl: 'https://e.com/r', provider: {}}]",
        "related: [{title: R, webUrl: 'https://e.com/r', quality: high}]",
        "related: [{title: R, webUrl: 'http://r', images: [{url: 'http://i', width: w}]}]",
        "related: [{title: R, webUrl: 'http://r', images: [{url: 'http://i', isCached: 1}]}]",
        "related: [{title: R, webUrl: 'https://e.com/r', publishedDateTime: 2024-03-11}]",
        "secured: 5",
        "updatedDateTime: '2024-03-11 09:15'",
        "tags: [a, [b]]",
        "locale: 1",
        "categories: x",
        "path: [a]",
        "publishedDateTime: 2024-03-11T09:15:00",  # plain, no zone: refused by the model too
    ],
)
def test_each_invalid_value_fails_both(line: str) -> None:
    """A bad value of each field fails the model and the schema alike."""
    assert verdicts(item(line)) == (False, False)


@pytest.mark.parametrize(
    "line",
    [
        "publishedDateTime: 2024-06-21T14:30:00-07:00",
        "publishedDateTime: 2024-06-21T14:30:00.1234567Z",
        "publishedDateTime: '2024-06-21 14:30Z'",
        "publishedDateTime: '2024-02-29t14:30:00+0530'",
        "publishedDateTime: '2000-02-29T00:00:00z'",
        "publishedDateTime: '9999-12-31T23:59:59-23:59'",
        "publishedDateTime: ~",
        "originalUrl: 'HTTPS://Example.com/a%20b?x=1'",
        "originalUrl: 'https://例え.jp/パス'",
        "originalUrl: 'https://user:pw@Example.COM:8443/p;q?r=%7e#frag'",
        "originalUrl: 'http://[::1]:8080/'",
        "originalUrl: 'http://example.com:/'",
        "heat: -1",
        "quality: 0x10",
        "published: false",
        "provider: {name: P, logoColour: red}",
        "topics: []",
        "topics: ~",
        "related: []",
        "provider: {name: P, images: ~}",
        "wireDesk: {anything: [1, 2.5, null]}",
        "related: [{title: R, webUrl: 'https://e.com/r', focalRegion: {x1: 1}}]",
    ],
)
def test_each_valid_value_passes_both(line: str) -> None:
    """Odd but valid values, and unknown keys at any level, pass the model and the schema alike."""
    assert verdicts(item(line)) == (True, True)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("quality: 5.0", "JSON has one kind of number: 5.0 is the integer 5"),
        ("1: one", "JSON keys are strings"),
        ("publishedDateTime: 2024-3-11 9:15:00 +1", "a plain YAML 1.1 timestamp"),
    ],
)
def test_what_json_cannot_tell_apart(line: str, why: str) -> None:
    """The documented gaps: the model and a JSON view of the text disagree on these."""
    model_ok, schema_ok = verdicts(item(line)) or (None, None)
    assert model_ok != schema_ok, why


url_text = st.builds(
    "".join,
    st.lists(
        st.sampled_from(
            [
                *("http", "https", "HTTPS", "ftp", "://", "/", ":", "@", "[", "]", "::1", "?", "#"),
                *("a", "ex.com", "例", "80", "65535", "65536", "0", " ", "\n", "\t", "\u00a0"),
                *("\u200b", "\x7f", "%20", "-", "."),
            ]
        ),
        max_size=10,
    ),
)


@given(st.one_of(url_text, st.from_regex(URL_RULE, fullmatch=True)))
def test_url_rule_is_the_schemas_rule(text: str) -> None:
    """For any string, the model takes a URL exactly when the schema's pattern does."""
    data = {"title": "T", "webUrl": text}
    try:
        Article.model_validate(data)
        model_ok = True
    except Exception:
        model_ok = False
    assert VALIDATOR.is_valid(data) == model_ok


timestamp_text = st.builds(
    "".join,
    st.lists(
        st.sampled_from(
            [
                *("2024", "0000", "1900", "2000", "-", "02", "29", "30", "13", "00", "T", "t"),
                *(" ", ":", "23", "24", "59", "60", ".", "1234567", "Z", "z", "+", "05", "99"),
            ]
        ),
        max_size=14,
    ),
)


@given(st.one_of(timestamp_text, st.from_regex(TIMESTAMP_RULE, fullmatch=True)))
def test_timestamp_rule_is_the_schemas_rule(text: str) -> None:
    """For any string, the model takes a timestamp exactly when the schema's pattern does."""
    data = {"title": "T", "webUrl": "https://e.com/", "publishedDateTime": text}
    try:
        Article.model_validate(data)
        model_ok = True
    except Exception:
        model_ok = False
    assert VALIDATOR.is_valid(data) == model_ok


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(
        path
        for path in CORPUS.rglob("*")
        if path.is_file() and not path.name.startswith(("_", ".")) and path.suffix != ".json"
    )


def test_corpus_agrees() -> None:
    """Every item of ../shared/corpus that loads validates, and every one that fails, fails."""
    files = _corpus_files()
    if not files:
        pytest.skip(f"no corpus at {CORPUS}")
    disagree = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        try:
            result = verdicts(text)
        except Exception:  # the editor's YAML reader refuses what ours reads
            continue
        if result is not None and result[0] != result[1]:
            disagree.append(path.name)
    assert disagree == []


def test_field_table_has_one_row_per_field() -> None:
    """The table lists each field once: key, attribute, type, required, description."""
    table = field_table(Image).splitlines()
    assert table[0] == "| key | attribute | type | required | description |"
    assert len(table) == 2 + len(Image.model_fields)
    assert table[2] == (
        "| `url` | `url` | <code>HttpUrlStr</code> | yes | "
        "Where the image is: an absolute http(s) URL. |"
    )
    assert table[5] == (
        "| `isCached` | `is_cached` | <code>bool &#124; None</code> |  | "
        "Whether the upstream feed keeps a cached copy of the image. |"
    )


def test_cli_prints_the_schema(tmp_path: Path) -> None:
    """`newsitem schema` prints the JSON Schema; `--model` takes a subclass of Article."""
    (tmp_path / "mymodels.py").write_text(
        "from newsitem import Article\n\n"
        "class PipelineArticle(Article):\n"
        "    pipeline_score: int = 0\n"
        '    """The score our pipeline gives."""\n',
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "newsitem", "schema"], capture_output=True, text=True, check=False
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert json.loads(run.stdout) == json_schema()
    run = subprocess.run(
        [sys.executable, "-m", "newsitem", "schema", "--model", "mymodels:PipelineArticle"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    prop = json.loads(run.stdout)["properties"]["pipelineScore"]
    assert prop == {
        "default": 0,
        "description": "The score our pipeline gives.",
        "title": "Pipeline score",
        "type": "integer",
    }


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nosuchmodule:Article", "cannot import module 'nosuchmodule'"),
        ("newsitem:NoSuch", "module 'newsitem' has no 'NoSuch'"),
        ("newsitem", "expected module:Class"),
        ("newsitem:load", "'newsitem:load' is not a pydantic model"),
    ],
)
def test_cli_bad_model_is_a_usage_error(spec: str, message: str) -> None:
    """A --model that names no model exits 2 and says why, without a traceback."""
    run = subprocess.run(
        [sys.executable, "-m", "newsitem", "schema", "--model", spec],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert message in run.stderr
    assert "Traceback" not in run.stderr
