"""validate(): pydantic's errors as Issues with file-key paths, codes and positions."""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from pathlib import Path

import pydantic
import pytest

from newsitem import load, loads
from newsitem._validation import Loc, Locator, from_pydantic_error, validate
from newsitem.errors import Issue, ValidationError
from newsitem.models import Article, NewsModel, Provider, RelatedItem

URL = "https://example.com/a"


def locator(positions: dict[Loc, tuple[int, int]]) -> tuple[list[Loc], Locator]:
    """A fake locate() reading a table, and the list of locations it was asked for."""
    asked: list[Loc] = []

    def locate(loc: Loc) -> tuple[int, int] | None:
        asked.append(loc)
        return positions.get(loc)

    return asked, locate


# Where each value of the "file" below sits, as a YAML layer would report it.
POSITIONS: dict[Loc, tuple[int, int]] = {
    (): (2, 1),
    ("title",): (2, 8),
    ("publishedDateTime",): (3, 20),
    ("webUrl",): (4, 9),
    ("quality",): (5, 10),
    ("published",): (6, 12),
    ("provider",): (8, 3),
    ("provider", "domain"): (8, 11),
    ("related",): (11, 3),
    ("related", 0): (11, 5),
    ("related", 1): (13, 5),
    ("related", 1, "title"): (13, 12),
    ("related", 1, "webUrl"): (14, 13),
    ("related", 1, "images", 0): (16, 9),
    ("related", 1, "images", 0, "url"): (16, 14),
    ("related", 1, "images", 0, "width"): (17, 16),
}

BROKEN: dict[str, object] = {
    "title": "T",
    "publishedDateTime": datetime(2021, 9, 27, 18, 46),
    "webUrl": URL,
    "quality": "lots",
    "published": "yes",
    "provider": {"domain": "example.com"},
    "related": [
        {"title": "R0", "webUrl": URL},
        {
            "title": "R1",
            "webUrl": "/relative",
            "images": [{"url": "https://example.com/i.jpg", "width": "701"}],
        },
    ],
}

BROKEN_ISSUES = [
    Issue(
        field="publishedDateTime",
        message="expected a date-time with a time zone, "
        "got a date-time 2021-09-27T18:46:00 without a time zone",
        code="invalid-value",
        line=3,
        column=20,
    ),
    Issue(
        field="quality",
        message="expected an integer, got a string 'lots'",
        code="wrong-type",
        line=5,
        column=10,
    ),
    Issue(
        field="published",
        message="expected a boolean (true or false), got a string 'yes'",
        code="wrong-type",
        line=6,
        column=12,
    ),
    Issue(
        field="provider.name",
        message="required field is missing",
        code="missing-field",
        line=8,
        column=3,
    ),
    Issue(
        field="related[1].webUrl",
        message="expected an absolute http or https URL with a host, got a string '/relative'",
        code="invalid-value",
        line=14,
        column=13,
    ),
    Issue(
        field="related[1].images[0].width",
        message="expected an integer, got a string '701'",
        code="wrong-type",
        line=17,
        column=16,
    ),
]


def test_every_problem_is_one_issue_with_path_code_and_position() -> None:
    """Six problems at four depths come back together, each with its file-key path and line."""
    _, locate = locator(POSITIONS)
    with pytest.raises(ValidationError) as caught:
        validate(Article, BROKEN, locate=locate, path="news/item.txt")
    error = caught.value
    assert list(error.issues) == BROKEN_ISSUES
    assert error.path == "news/item.txt"
    assert (error.line, error.column) == (3, 20)
    assert isinstance(error.__cause__, pydantic.ValidationError)
    assert str(error).splitlines()[1] == "news/item.txt:5:10: quality: " + BROKEN_ISSUES[1].message


def test_locate_gets_file_keys_and_list_indices() -> None:
    """locate() is asked about ("related", 1, "images", 0, "width"), never attribute names."""
    asked, locate = locator(POSITIONS)
    with pytest.raises(ValidationError):
        validate(Article, BROKEN, locate=locate)
    assert ("related", 1, "images", 0, "width") in asked
    assert ("publishedDateTime",) in asked
    assert not [loc for loc in asked if "published_date_time" in loc]


def test_missing_key_points_at_the_nearest_located_parent() -> None:
    """A missing key has no position of its own, so the issue takes its mapping's."""
    asked, locate = locator({("related", 0): (11, 5)})
    data = {"title": "T", "webUrl": URL, "related": [{"webUrl": URL}]}
    with pytest.raises(ValidationError) as caught:
        validate(Article, data, locate=locate)
    assert caught.value.issues == (
        Issue("related[0].title", "required field is missing", "missing-field", 11, 5),
    )
    assert asked == [("related", 0, "title"), ("related", 0)]


def test_without_locate_issues_have_no_position_and_keep_model_order() -> None:
    """With no locator, issues come in field order with line and column None."""
    with pytest.raises(ValidationError) as caught:
        validate(Article, {"heat": "hot", "quality": 1.5})
    assert caught.value.issues == (
        Issue("title", "required field is missing", "missing-field"),
        Issue("webUrl", "required field is missing", "missing-field"),
        Issue("quality", "expected an integer, got a number 1.5", "wrong-type"),
        Issue("heat", "expected an integer, got a string 'hot'", "wrong-type"),
    )


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("title", None, "expected a string, got null"),
        ("title", True, "expected a string, got a boolean true"),
        ("title", 2021, "expected a string, got an integer 2021"),
        ("title", ["a"], "expected a string, got a list"),
        ("provider", "Daily Mail", "expected a mapping, got a string 'Daily Mail'"),
        ("related", {"title": "R"}, "expected a list, got a mapping"),
        ("published", "false", "expected a boolean (true or false), got a string 'false'"),
        (
            "publishedDateTime",
            1632768360,
            "expected a date-time with a time zone, got an integer 1632768360",
        ),
        ("quality", "x" * 100, "expected an integer, got a string '" + "x" * 57 + "...'"),
    ],
)
def test_wrong_type_messages(key: str, value: object, message: str) -> None:
    """Wrong-type messages say what was expected and what was found, in YAML's words."""
    data = {"title": "T", "webUrl": URL, key: value}
    with pytest.raises(ValidationError) as caught:
        validate(Article, data)
    (issue,) = caught.value.issues
    assert (issue.code, issue.message) == ("wrong-type", message)


def test_invalid_timestamp_string_message() -> None:
    """A string that is no ISO date-time is an invalid value, and says the expected form."""
    with pytest.raises(ValidationError) as caught:
        validate(Article, {"title": "T", "webUrl": URL, "updatedDateTime": "yesterday"})
    assert caught.value.issues == (
        Issue(
            "updatedDateTime",
            "expected an ISO 8601 date-time with a time zone, such as 2021-09-27T18:46:00Z, "
            "got a string 'yesterday'",
            "invalid-value",
        ),
    )


def test_non_string_key_is_a_wrong_type_issue() -> None:
    """A key such as `1:` is reported under its text, not as a list index."""
    with pytest.raises(ValidationError) as caught:
        validate(Article, {"title": "T", "webUrl": URL, 1: "x"})  # type: ignore[dict-item]
    assert caught.value.issues == (
        Issue("1", "expected a string key, got an integer 1", "wrong-type"),
    )


def test_keys_are_file_keys_only() -> None:
    """Front matter written with attribute names is not the format: web_url is no webUrl."""
    with pytest.raises(ValidationError) as caught:
        validate(Article, {"title": "T", "web_url": URL}, strict=True)
    assert caught.value.issues == (
        Issue("webUrl", "required field is missing", "missing-field"),
        Issue("web_url", "unknown key 'web_url' (not a field of Article)", "unknown-field"),
    )


def test_valid_data_returns_the_model_with_extras() -> None:
    """Valid data gives the model, its unknown keys kept when not strict."""
    when = datetime(2021, 9, 27, 18, 46, tzinfo=timezone.utc)
    data = {"title": "T", "webUrl": URL, "publishedDateTime": when, "mine": 1}
    article = validate(Article, {**data, "provider": {"name": "P", "x": 2}})
    assert isinstance(article, Article)
    assert (article.title, article.web_url, article.published_date_time) == ("T", URL, when)
    assert article.model_extra == {"mine": 1}
    assert article.provider is not None
    assert article.provider.model_extra == {"x": 2}


STRICT_DATA: dict[str, object] = {
    "title": "T",
    "mine": 1,
    "webUrl": URL,
    "quality": "lots",
    "provider": {"name": "P", "logo": "l.png", "images": [{"url": URL, "alt": "a"}]},
    "related": [
        {"title": "R0", "webUrl": URL},
        {
            "title": "R1",
            "webUrl": URL,
            "isLive": False,
            "images": [{"url": URL, "focalRegion": {"x1": 1}}],
        },
    ],
}


def unknown(field: str, owner: str, line: int, column: int) -> Issue:
    """The issue strict mode gives for an unknown key."""
    key = field.rsplit(".", 1)[-1]
    message = f"unknown key '{key}' (not a field of {owner})"
    return Issue(field, message, "unknown-field", line, column)


def test_strict_reports_unknown_keys_at_every_depth_with_other_issues() -> None:
    """strict=True adds one unknown-field issue per unknown key, sorted in with the rest."""
    _, locate = locator(
        {
            ("mine",): (3, 7),
            ("quality",): (5, 10),
            ("provider", "logo"): (8, 9),
            ("provider", "images", 0, "alt"): (10, 11),
            ("related", 1, "isLive"): (16, 13),
            ("related", 1, "images", 0, "focalRegion"): (19, 22),
        }
    )
    with pytest.raises(ValidationError) as caught:
        validate(Article, STRICT_DATA, strict=True, locate=locate)
    assert caught.value.issues == (
        unknown("mine", "Article", 3, 7),
        Issue("quality", "expected an integer, got a string 'lots'", "wrong-type", 5, 10),
        unknown("provider.logo", "Provider", 8, 9),
        unknown("provider.images[0].alt", "Image", 10, 11),
        unknown("related[1].isLive", "RelatedItem", 16, 13),
        unknown("related[1].images[0].focalRegion", "Image", 19, 22),
    )


def test_strict_fails_on_unknown_keys_alone() -> None:
    """Data valid for the model still fails in strict mode when it has unknown keys."""
    data = {**STRICT_DATA, "quality": 3}
    assert validate(Article, data).quality == 3
    with pytest.raises(ValidationError) as caught:
        validate(Article, data, strict=True)
    assert [issue.field for issue in caught.value.issues] == [
        "mine",
        "provider.logo",
        "provider.images[0].alt",
        "related[1].isLive",
        "related[1].images[0].focalRegion",
    ]
    assert caught.value.__cause__ is None


def test_strict_accepts_a_subclass_keys() -> None:
    """A subclass's own fields are known keys in strict mode."""

    class Mine(Article):
        mine: int

    article = validate(Mine, {"title": "T", "webUrl": URL, "mine": 1}, strict=True)
    assert article.mine == 1


def test_assignment_error_is_converted_with_file_keys() -> None:
    """A pydantic error from an assignment becomes our error with the field's file key."""
    item = RelatedItem(title="R", web_url=URL)
    with pytest.raises(ValidationError) as raised:
        item.published_date_time = "soon"  # type: ignore[assignment]
    cause = raised.value.__cause__
    assert isinstance(cause, pydantic.ValidationError)
    error = from_pydantic_error(cause, RelatedItem, prefix=("related", 1), path="a.txt")
    assert isinstance(error, ValidationError)
    assert error.path == "a.txt"
    assert error.issues == (
        Issue(
            "related[1].publishedDateTime",
            "expected an ISO 8601 date-time with a time zone, such as 2021-09-27T18:46:00Z, "
            "got a string 'soon'",
            "invalid-value",
        ),
    )


def test_assignment_of_a_nested_mapping_is_converted() -> None:
    """An invalid mapping assigned to provider names the nested key."""
    article = Article(title="T", web_url=URL)
    with pytest.raises(ValidationError) as caught:
        article.provider = {"domain": 1}  # type: ignore[assignment]
    error = caught.value
    assert error.issues == (
        Issue("provider.name", "required field is missing", "missing-field"),
        Issue("provider.domain", "expected a string, got an integer 1", "wrong-type"),
    )
    assert article.provider is None
    assert Provider.model_fields["name"].is_required()


def test_strict_does_not_repeat_keys_a_forbidding_subclass_reports() -> None:
    """With extra="forbid" in a subclass, each unknown key is still reported once."""

    class Closed(Article):
        model_config = pydantic.ConfigDict(extra="forbid")

    with pytest.raises(ValidationError) as caught:
        validate(Closed, {"title": "T", "webUrl": URL, "mine": 1}, strict=True)
    assert caught.value.issues == (
        Issue("mine", "unknown key (extra keys are forbidden)", "unknown-field"),
    )


def test_issues_without_a_position_come_after_those_with_one() -> None:
    """Sorting by position puts the issues the locator cannot place last, in model order."""
    _, locate = locator({("quality",): (5, 10), ("heat",): (4, 7)})
    with pytest.raises(ValidationError) as caught:
        validate(Article, {"heat": "hot", "quality": "lots"}, locate=locate)
    assert caught.value.issues == (
        Issue("heat", "expected an integer, got a string 'hot'", "wrong-type", 4, 7),
        Issue("quality", "expected an integer, got a string 'lots'", "wrong-type", 5, 10),
        Issue("title", "required field is missing", "missing-field"),
        Issue("webUrl", "required field is missing", "missing-field"),
    )
    assert (caught.value.line, caught.value.column) == (4, 7)


class _NoOffset(tzinfo):
    """A time zone that gives no offset: such a date-time is naive all the same."""

    def utcoffset(self, dt: datetime | None) -> None:
        return None

    def tzname(self, dt: datetime | None) -> str:
        return "floating"

    def dst(self, dt: datetime | None) -> None:
        return None


def test_a_date_time_whose_zone_gives_no_offset_is_described_as_naive() -> None:
    """A ``tzinfo`` whose ``utcoffset()`` is None is no time zone, and the message says so."""
    when = datetime(2021, 9, 27, 18, 46, tzinfo=_NoOffset())
    with pytest.raises(ValidationError) as caught:
        validate(Article, {"title": "T", "webUrl": URL, "publishedDateTime": when})
    assert caught.value.issues == (
        Issue(
            "publishedDateTime",
            "expected a date-time with a time zone, "
            "got a date-time 2021-09-27T18:46:00 without a time zone",
            "invalid-value",
        ),
    )


def test_strict_goes_on_past_a_non_string_key() -> None:
    """An unknown key after a non-string key in the same mapping is still reported."""
    data: dict[object, object] = {1: "x", "title": "T", "webUrl": URL, "mine": 2}
    with pytest.raises(ValidationError) as caught:
        validate(Article, data, strict=True)  # type: ignore[arg-type]
    assert caught.value.issues == (
        Issue("1", "expected a string key, got an integer 1", "wrong-type"),
        Issue("mine", "unknown key 'mine' (not a field of Article)", "unknown-field"),
    )


LOADED = """\
---
title: "Council opens the new bridge"
webUrl: "https://www.citynews.example/news/bridge"
quality: 3
provider:
  name: "City News"
---
"""


def test_an_assignment_on_a_loaded_item_points_at_the_value_it_replaces() -> None:
    """The error of ``article.quality = "lots"`` gives the line and column of ``3``."""
    item = loads(LOADED)
    with pytest.raises(ValidationError) as caught:
        item.article.quality = "lots"  # type: ignore[assignment]  # the mistake under test
    assert caught.value.issues == (
        Issue("quality", "expected an integer, got a string 'lots'", "wrong-type", 4, 10),
    )
    assert item.article.provider is not None
    with pytest.raises(ValidationError) as nested:
        item.article.provider.name = 7  # type: ignore[assignment]  # the mistake under test
    assert nested.value.issues == (
        Issue("provider.name", "expected a string, got an integer 7", "wrong-type", 6, 9),
    )


def test_an_append_to_an_article_built_in_code_names_no_file() -> None:
    """An article that was never read has no file: the error's path stays None."""
    article = Article(title="T", web_url=URL, topics=["roads"])
    with pytest.raises(ValidationError) as caught:
        article.topics.append(5)  # type: ignore[arg-type]  # the mistake under test
    assert caught.value.issues == (
        Issue("topics[1]", "expected a string, got an integer 5", "wrong-type"),
    )
    assert caught.value.path is None
    assert str(caught.value) == "<string>: topics[1]: expected a string, got an integer 5"


NAIVE = "expected a date-time with a time zone, got {!r} without one (add Z for UTC)"


def test_every_naive_date_time_of_a_mapping_is_reported() -> None:
    """Both date-times of the article, written without a zone, are issues at their places."""
    text = (
        "---\n"
        "title: T\n"
        "webUrl: https://www.citynews.example/t\n"
        "publishedDateTime: 2021-09-27T18:46:00\n"
        "updatedDateTime: 2021-09-28 07:05:00\n"
        "provider:\n"
        "  name: City News\n"
        "---\n"
    )
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert caught.value.issues == (
        Issue(
            "publishedDateTime",
            NAIVE.format("2021-09-27T18:46:00"),
            "invalid-value",
            4,
            20,
        ),
        Issue("updatedDateTime", NAIVE.format("2021-09-28 07:05:00"), "invalid-value", 5, 18),
    )


def test_a_timestamp_under_a_string_key_is_a_wrong_type_only() -> None:
    """``title: 2021-09-27T18:46:00`` is a wrong type for a string, not a missing zone."""
    text = (
        "---\n"
        "title: 2021-09-27T18:46:00\n"
        "webUrl: https://www.citynews.example/t\n"
        "publishedDateTime: 2021-09-27T18:46:00\n"
        "---\n"
    )
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert [(issue.field, issue.code, issue.line) for issue in caught.value.issues] == [
        ("title", "wrong-type", 2),
        ("publishedDateTime", "invalid-value", 4),
    ]


def test_a_naive_date_time_after_a_byte_order_mark_is_found() -> None:
    """A BOM is not a column: the timestamps on lines 2 and 3 are still read in place."""
    text = (
        "\ufeff---\n"
        "publishedDateTime: 2021-09-27T18:46:00\n"
        "updatedDateTime: 2021-09-28T07:05:00\n"
        "title: T\n"
        "webUrl: https://www.citynews.example/t\n"
        "---\n"
    )
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert caught.value.issues == (
        Issue(
            "publishedDateTime",
            NAIVE.format("2021-09-27T18:46:00"),
            "invalid-value",
            2,
            20,
        ),
        Issue("updatedDateTime", NAIVE.format("2021-09-28T07:05:00"), "invalid-value", 3, 18),
    )


def test_deleting_a_required_field_names_its_file_key_file_and_place(tmp_path: Path) -> None:
    """``del article.web_url`` on a loaded item: the webUrl key, the file, line 3 column 9."""
    path = tmp_path / "bridge.md"
    path.write_text(LOADED, encoding="utf-8")
    item = load(path)
    with pytest.raises(ValidationError) as caught:
        del item.article.web_url
    assert caught.value.issues == (
        Issue("webUrl", "required field cannot be deleted", "missing-field", 3, 9),
    )
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}:3:9: webUrl: required field cannot be deleted"
    assert item.article.web_url == "https://www.citynews.example/news/bridge"
    with pytest.raises(ValidationError) as untitled:
        del item.article.title
    assert untitled.value.issues == (
        Issue("title", "required field cannot be deleted", "missing-field", 2, 8),
    )


def test_a_bad_value_for_an_aliased_field_points_at_its_file_key() -> None:
    """Assigning a relative URL to ``web_url`` points at the value of ``webUrl:``."""
    item = loads(LOADED)
    with pytest.raises(ValidationError) as caught:
        item.article.web_url = "/bridge"
    assert caught.value.issues == (
        Issue(
            "webUrl",
            "expected an absolute http or https URL with a host, got a string '/bridge'",
            "invalid-value",
            3,
            9,
        ),
    )
    assert caught.value.path is None


def test_an_alias_of_an_aware_timestamp_is_no_naive_date_time() -> None:
    """``updatedDateTime: *t`` of an aware value passes; the naive one beside it does not."""
    text = (
        "---\n"
        "title: T\n"
        "webUrl: https://www.citynews.example/t\n"
        "seen: &t 2021-09-27T18:46:00Z\n"
        "publishedDateTime: 2021-09-27T18:46:00\n"
        "updatedDateTime: *t\n"
        "---\n"
    )
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert caught.value.issues == (
        Issue(
            "publishedDateTime",
            NAIVE.format("2021-09-27T18:46:00"),
            "invalid-value",
            5,
            20,
        ),
    )


def test_a_naive_date_time_before_an_aware_one_of_the_same_key_is_found() -> None:
    """The article's naive publishedDateTime is found though a related item's is aware."""
    text = (
        "---\n"
        "title: T\n"
        "webUrl: https://www.citynews.example/t\n"
        "publishedDateTime: 2021-09-27T18:46:00\n"
        "related:\n"
        "  - title: R\n"
        "    webUrl: https://www.citynews.example/r\n"
        "    publishedDateTime: 2021-09-26T08:00:00Z\n"
        "---\n"
    )
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert caught.value.issues == (
        Issue(
            "publishedDateTime",
            NAIVE.format("2021-09-27T18:46:00"),
            "invalid-value",
            4,
            20,
        ),
    )


def test_an_aware_date_time_and_a_set_are_described_in_words() -> None:
    """Found values of other kinds: an aware date-time with its offset, a set by its type."""
    when = datetime(2021, 9, 27, 18, 46, tzinfo=timezone.utc)
    with pytest.raises(ValidationError) as caught:
        validate(Article, {"title": when, "webUrl": URL, "topics": {"roads"}})
    assert caught.value.issues == (
        Issue(
            "title",
            "expected a string, got a date-time 2021-09-27T18:46:00+00:00",
            "wrong-type",
        ),
        Issue("topics", "expected a list, got a set", "wrong-type"),
    )


def test_issues_on_one_line_are_sorted_by_column() -> None:
    """Two issues on line 5 come in column order, not in the model's field order."""
    _, locate = locator({("quality",): (5, 20), ("heat",): (5, 10), (): (2, 1)})
    with pytest.raises(ValidationError) as caught:
        validate(Article, {"title": "T", "webUrl": URL, "quality": "x", "heat": "y"}, locate=locate)
    assert [(issue.field, issue.line, issue.column) for issue in caught.value.issues] == [
        ("heat", 5, 10),
        ("quality", 5, 20),
    ]


def test_a_nested_non_string_key_keeps_its_mapping_path() -> None:
    """``provider: {1: x}`` is reported as ``provider.1``."""
    data = {"title": "T", "webUrl": URL, "provider": {"name": "P", 1: "x"}}
    with pytest.raises(ValidationError) as caught:
        validate(Article, data)
    assert caught.value.issues == (
        Issue("provider.1", "expected a string key, got an integer 1", "wrong-type"),
    )


def test_a_bad_assignment_to_an_article_built_in_code_names_no_file() -> None:
    """The article was never read: the error has no path and no position."""
    article = Article(title="T", web_url=URL)
    with pytest.raises(ValidationError) as caught:
        article.quality = "lots"  # type: ignore[assignment]  # the mistake under test
    assert caught.value.path is None
    assert caught.value.issues == (
        Issue("quality", "expected an integer, got a string 'lots'", "wrong-type"),
    )


TOPICS = """\
---
title: "Council opens the new bridge"
webUrl: "https://www.citynews.example/news/bridge"
topics:
  - roads
---
"""


def test_a_bad_append_to_a_loaded_list_points_at_the_list() -> None:
    """``topics.append(5)`` points at the list in the file, even after a good append."""
    item = loads(TOPICS)
    with pytest.raises(ValidationError) as caught:
        item.article.topics.append(5)  # type: ignore[arg-type]  # the mistake under test
    assert caught.value.issues == (
        Issue("topics[1]", "expected a string, got an integer 5", "wrong-type", 5, 3),
    )
    item.article.topics.append("bridges")
    with pytest.raises(ValidationError) as again:
        item.article.topics.append(6)  # type: ignore[arg-type]  # the mistake under test
    assert again.value.issues == (
        Issue("topics[2]", "expected a string, got an integer 6", "wrong-type", 5, 3),
    )


class _Venue(NewsModel):
    """A model of a user's own, nested in an article subclass, with a date-time."""

    opened: pydantic.AwareDatetime | None = None


class _EventArticle(Article):
    venue: _Venue | None = None


def test_a_naive_date_time_in_a_nested_model_of_a_subclass_is_found() -> None:
    """A subclass's nested model is searched for naive date-times like the article's own."""
    text = (
        "---\n"
        "title: T\n"
        "webUrl: https://www.citynews.example/t\n"
        "venue:\n"
        "  opened: 2021-09-27T18:46:00\n"
        "---\n"
    )
    with pytest.raises(ValidationError) as caught:
        loads(text, model=_EventArticle)
    assert caught.value.issues == (
        Issue("venue.opened", NAIVE.format("2021-09-27T18:46:00"), "invalid-value", 5, 11),
    )


class _TypedExtras(Article):
    """Extra keys validated as providers: errors below an extra key have a path too."""

    __pydantic_extra__: dict[str, Provider]  # pyright: ignore[reportIncompatibleVariableOverride]


def test_an_error_below_a_typed_extra_key_names_its_path() -> None:
    """``mine: {name: 1}`` under typed extras is ``mine.name``, a wrong type."""
    data = {"title": "T", "webUrl": URL, "mine": {"name": 1}}
    with pytest.raises(ValidationError) as caught:
        validate(_TypedExtras, data)
    assert caught.value.issues == (
        Issue("mine.name", "expected a string, got an integer 1", "wrong-type"),
    )


def test_a_naive_date_time_between_aware_ones_of_the_same_key_is_found() -> None:
    """Every occurrence of a date-time key is looked at, not only the first or the last."""
    text = (
        "---\n"
        "title: T\n"
        "webUrl: https://www.citynews.example/t\n"
        "publishedDateTime: 2021-09-27T18:46:00Z\n"
        "related:\n"
        "  - title: R\n"
        "    webUrl: https://www.citynews.example/r\n"
        "    publishedDateTime: 2021-09-26T08:00:00\n"
        "  - title: S\n"
        "    webUrl: https://www.citynews.example/s\n"
        "    publishedDateTime: 2021-09-25T08:00:00+02:00\n"
        "---\n"
    )
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert caught.value.issues == (
        Issue(
            "related[0].publishedDateTime",
            NAIVE.format("2021-09-26T08:00:00"),
            "invalid-value",
            8,
            24,
        ),
    )


@pytest.mark.parametrize(
    ("quality", "line", "column"),
    [
        pytest.param("quality: &q !!str\n", 4, 18, id="on-the-key's-line"),
        pytest.param("quality:\n  &q !!str\n", 5, 11, id="below-the-key"),
        pytest.param("quality: &q\n  !!str  # none\n", 5, 8, id="on-both-lines"),
    ],
)
def test_an_empty_value_is_placed_just_after_its_properties(
    quality: str, line: int, column: int
) -> None:
    """``!!str`` with no content is ``''``, reported where its content would start."""
    text = f'---\ntitle: "T"\nwebUrl: "{URL}"\n{quality}---\n'
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert caught.value.issues == (
        Issue("quality", "expected an integer, got a string ''", "wrong-type", line, column),
    )
