"""The typed API as users meet it: lists without None, one error type, inputs and objects.

Every expected text below is written by hand from the format's rules (key
order, two-space indentation, the file's own quoting), not recorded from a run.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import pickle
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest

import newsitem
from newsitem import (
    Article,
    Image,
    NewsItem,
    Provider,
    RelatedItem,
    ValidatedList,
    ValidationError,
    dump,
    dumps,
    load,
    loads,
)

MINIMAL = """\
---
title: Lanterns on the river
webUrl: https://www.citynews.example/lanterns
provider:
  name: City News
---
Body.
"""

PLAIN_RELATED = """\
---
title: Night buses
webUrl: https://www.citynews.example/buses
related:
  - title: Old timetable
    webUrl: https://www.citynews.example/old
    images:
      - url: https://www.citynews.example/old.jpg
        width: 640
---
"""

QUOTED_RELATED = """\
---
title: 'Night buses'
webUrl: 'https://www.citynews.example/buses'
related:
  - title: 'Old timetable'
    webUrl: 'https://www.citynews.example/old'
---
"""

# -- lists are lists ----------------------------------------------------------------------------


def test_absent_lists_read_as_empty_lists_and_write_nothing() -> None:
    """An item without list keys has empty lists, and dumps back unchanged after reading them."""
    item = loads(MINIMAL)
    article = item.article
    assert (article.topics, article.related, article.tags, article.categories) == ([], [], [], [])
    assert article.provider is not None
    assert article.provider.images == []
    assert isinstance(article.related, ValidatedList)
    assert "related" not in article.model_fields_set
    assert "provider" in article.model_fields_set
    assert dumps(item) == MINIMAL


def test_appending_to_an_absent_list_writes_it_in_the_formats_place() -> None:
    """``related.append`` on an item without ``related`` writes the list after ``provider``."""
    item = loads(MINIMAL)
    item.article.related.append(
        RelatedItem(title="Festival map", web_url="https://www.citynews.example/map")
    )
    item.article.topics.append("Culture")
    assert "related" in item.article.model_fields_set
    assert dumps(item) == (
        "---\n"
        "title: Lanterns on the river\n"
        "webUrl: https://www.citynews.example/lanterns\n"
        "provider:\n"
        "  name: City News\n"
        "topics:\n"
        "  - Culture\n"
        "related:\n"
        "  - title: Festival map\n"  # plain, as the article's own title and webUrl
        "    webUrl: https://www.citynews.example/map\n"
        "---\n"
        "Body.\n"
    )


def test_a_first_related_item_is_quoted_as_the_articles_own_keys() -> None:
    """In a file that double-quotes its title and URL, a first related item is quoted alike."""
    item = loads('---\ntitle: "T"\nwebUrl: "https://www.citynews.example/t"\n---\n')
    item.article.related.append(RelatedItem(title="R", web_url="https://www.citynews.example/r"))
    assert dumps(item) == (
        "---\n"
        'title: "T"\n'
        'webUrl: "https://www.citynews.example/t"\n'
        "related:\n"
        '  - title: "R"\n'
        '    webUrl: "https://www.citynews.example/r"\n'
        "---\n"
    )


def test_a_null_list_reads_as_empty_and_stays_null() -> None:
    """``topics: ~`` is an empty list whose key was there; unchanged, it is written as it was."""
    text = "---\ntitle: T\nwebUrl: https://www.citynews.example/t\ntopics: ~\n---\n"
    item = loads(text)
    assert item.article.topics == []
    assert "topics" in item.article.model_fields_set
    assert dumps(item) == text
    item.article.topics.append("AI")
    assert (
        dumps(item)
        == "---\ntitle: T\nwebUrl: https://www.citynews.example/t\ntopics:\n  - AI\n---\n"
    )


def test_a_dict_appended_becomes_a_model() -> None:
    """A dict appended to ``related`` (by file keys or attribute names) becomes a RelatedItem."""
    item = loads(PLAIN_RELATED)
    item.article.related.append({"title": "New stop", "webUrl": "https://www.citynews.example/n"})
    item.article.related.append({"title": "Other", "web_url": "https://www.citynews.example/o"})
    assert isinstance(item.article.related[-2], RelatedItem)
    assert item.article.related[-2].title == "New stop"
    assert item.article.related[-1].web_url == "https://www.citynews.example/o"
    item.article.related[0].images.append({"url": "https://www.citynews.example/b.jpg"})
    assert isinstance(item.article.related[0].images[-1], Image)


def test_an_invalid_dict_appended_is_refused_with_its_path_and_file(tmp_path: Path) -> None:
    """A dict that is no RelatedItem raises at the append, naming the entry's path and the file."""
    path = tmp_path / "item.md"
    path.write_text(PLAIN_RELATED, encoding="utf-8")
    item = load(path)
    with pytest.raises(ValidationError) as info:
        item.article.related.append({"title": "No URL"})
    assert [(i.field, i.code) for i in info.value.issues] == [
        ("related[1].webUrl", "missing-field")
    ]
    assert info.value.path == str(path)
    assert isinstance(info.value.__cause__, pydantic.ValidationError)
    assert len(item.article.related) == 1
    with pytest.raises(ValidationError) as nested:
        item.article.related[0].images.append(
            {"url": "https://www.citynews.example/c.jpg", "width": "wide"}
        )
    assert [i.field for i in nested.value.issues] == ["related[0].images[1].width"]


@pytest.mark.parametrize(
    ("text", "title_line", "url_line"),
    [
        (PLAIN_RELATED, "  - title: New stop", "    webUrl: https://www.citynews.example/n"),
        (QUOTED_RELATED, "  - title: 'New stop'", "    webUrl: 'https://www.citynews.example/n'"),
    ],
)
def test_a_new_related_item_takes_the_quoting_of_its_siblings(
    text: str, title_line: str, url_line: str
) -> None:
    """Plain siblings give a plain new entry; single-quoted siblings a single-quoted one."""
    item = loads(text)
    item.article.related.append(
        RelatedItem(title="New stop", web_url="https://www.citynews.example/n")
    )
    lines = dumps(item).splitlines()
    index = lines.index(title_line)
    assert lines[index + 1] == url_line
    assert lines[-1] == "---"


def test_a_new_image_takes_the_quoting_of_its_siblings() -> None:
    """An image appended next to a plain ``url`` is written plain."""
    item = loads(PLAIN_RELATED)
    item.article.related[0].images.append(Image(url="https://www.citynews.example/new.jpg"))
    assert dumps(item) == PLAIN_RELATED.replace(
        "        width: 640\n",
        "        width: 640\n      - url: https://www.citynews.example/new.jpg\n",
    )


def test_lists_keep_validating_after_pickling_and_deep_copy() -> None:
    """An item sent to another process, or deep-copied, still validates what is appended."""
    for article in (
        pickle.loads(pickle.dumps(loads(PLAIN_RELATED))).article,
        copy.deepcopy(loads(PLAIN_RELATED).article),
    ):
        article.related.append({"title": "Z", "webUrl": "https://www.citynews.example/z"})
        assert isinstance(article.related[-1], RelatedItem)
        with pytest.raises(ValidationError):
            article.related.append({"title": "no url"})


# -- None and del -------------------------------------------------------------------------------


def test_setting_an_absent_field_to_none_writes_nothing() -> None:
    """``locale = None`` on an item without ``locale`` (and ``topics = []``) changes no byte."""
    item = loads(MINIMAL)
    item.article.locale = None
    item.article.excerpt = None
    item.article.topics = []
    assert dumps(item) == MINIMAL


def test_nulls_in_keys_of_your_own_are_written() -> None:
    """Only the models' fields are left out when None: an extra key's nulls are data."""
    item = loads(MINIMAL)
    item.article.pipeline = {"title": None, "runs": []}
    item.article.review = None
    text = dumps(item)
    again = loads(text).article.model_extra
    assert again == {"pipeline": {"title": None, "runs": []}, "review": None}


def test_setting_a_present_field_to_none_writes_null() -> None:
    """A field the file has, set to None, is written as a null in place."""
    item = loads(MINIMAL.replace("provider:", "quality: 3\nprovider:"))
    item.article.quality = None
    assert "quality: null\n" in dumps(item)


def test_deleting_a_field_removes_its_lines() -> None:
    """``del article.provider`` and ``del article.excerpt`` remove those keys' lines."""
    text = (
        "---\ntitle: T\n"
        "excerpt: A short one\n"
        "webUrl: https://www.citynews.example/t\n"
        "provider:\n  name: City News\n"
        "---\n"
    )
    item = loads(text)
    del item.article.excerpt
    del item.article.provider
    assert item.article.excerpt is None
    assert item.article.provider is None
    assert "excerpt" not in item.article.model_fields_set
    assert dumps(item) == "---\ntitle: T\nwebUrl: https://www.citynews.example/t\n---\n"


def test_deleting_a_list_field_removes_it_and_leaves_an_empty_list() -> None:
    """``del article.related`` removes the whole list; the attribute reads as ``[]``."""
    item = loads(PLAIN_RELATED)
    del item.article.related
    assert item.article.related == []
    assert (
        dumps(item) == "---\ntitle: Night buses\nwebUrl: https://www.citynews.example/buses\n---\n"
    )


def test_deleting_a_required_field_is_refused() -> None:
    """``del article.title`` raises a missing-field ValidationError and keeps the title."""
    item = loads(MINIMAL)
    with pytest.raises(ValidationError) as info:
        del item.article.title
    assert [(i.field, i.code, i.line) for i in info.value.issues] == [("title", "missing-field", 2)]
    assert item.article.title == "Lanterns on the river"


# -- one error type -----------------------------------------------------------------------------


def test_construction_and_model_validate_raise_our_error() -> None:
    """``Article(title="x")``, ``model_validate`` and ``model_validate_json`` raise ours."""
    with pytest.raises(ValidationError) as built:
        Article(title="x")  # type: ignore[call-arg]  # the mistake under test
    assert [(i.field, i.code) for i in built.value.issues] == [("webUrl", "missing-field")]
    assert isinstance(built.value, ValueError)
    assert isinstance(built.value.__cause__, pydantic.ValidationError)
    with pytest.raises(ValidationError) as validated:
        RelatedItem.model_validate({"title": "R", "webUrl": "/relative"})
    assert [(i.field, i.code) for i in validated.value.issues] == [("webUrl", "invalid-value")]
    with pytest.raises(ValidationError):
        Provider.model_validate_json('{"domain": "x.example"}')


def test_one_except_clause_catches_every_route() -> None:
    """Load, construction, validation, assignment and list mutation: one ``except ValueError``."""
    item = loads(PLAIN_RELATED)
    routes = [
        lambda: loads("---\ntitle: T\n---\n"),
        lambda: Article(title="T", web_url="relative"),
        lambda: Article.model_validate({"title": 1}),
        lambda: setattr(item.article, "quality", "high"),
        lambda: item.article.topics.append(3),
    ]
    for route in routes:
        with pytest.raises(ValueError) as info:  # noqa: PT011 - the broad class is the point
            route()
        assert type(info.value) is ValidationError


def test_an_assignment_error_names_the_file_the_path_and_the_line(tmp_path: Path) -> None:
    """A bad ``related[0].images[0].width`` names the file, the full path, the old value's place."""
    path = tmp_path / "buses.md"
    path.write_text(PLAIN_RELATED, encoding="utf-8")
    item = load(path)
    with pytest.raises(ValidationError) as info:
        item.article.related[0].images[0].width = "wide"  # type: ignore[assignment]
    (issue,) = info.value.issues
    assert (issue.field, issue.code, issue.line, issue.column) == (
        "related[0].images[0].width",
        "wrong-type",
        9,
        16,
    )
    assert str(info.value) == (
        f"{path}:9:16: related[0].images[0].width: expected an integer, got a string 'wide'"
    )
    assert item.article.related[0].images[0].width == 640


def test_an_unpickled_item_still_names_its_file_in_errors(tmp_path: Path) -> None:
    """An item that crossed a process boundary (a corpus worker) still gives file and line."""
    path = tmp_path / "buses.md"
    path.write_text(PLAIN_RELATED, encoding="utf-8")
    item = pickle.loads(pickle.dumps(load(path)))
    with pytest.raises(ValidationError) as info:
        item.article.related[0].images[0].width = "wide"  # type: ignore[assignment]
    assert (info.value.path, info.value.line, info.value.column) == (str(path), 9, 16)
    assert dumps(item) == PLAIN_RELATED


def test_an_assignment_error_on_a_field_the_file_lacks_has_no_line(tmp_path: Path) -> None:
    """A bad value for a key the file does not have names the file and path, but no line."""
    path = tmp_path / "buses.md"
    path.write_text(PLAIN_RELATED, encoding="utf-8")
    item = load(path)
    with pytest.raises(ValidationError) as info:
        item.article.related[0].quality = "top"  # type: ignore[assignment]
    (issue,) = info.value.issues
    assert (issue.field, issue.line, info.value.path) == ("related[0].quality", None, str(path))


@pytest.mark.parametrize(
    "written",
    ["2021-09-27T18:46:00", "2021-09-27 18:46:00", "2021-09-27T18:46:00.0000000"],
)
def test_naive_timestamps_are_refused_unquoted_too(written: str) -> None:
    """A date-time without a zone is an invalid-value issue at its place, quoted or not."""
    for text in (written, f'"{written}"'):
        item = (
            "---\ntitle: T\nwebUrl: https://www.citynews.example/t\n"
            f"related:\n  - title: R\n    webUrl: https://www.citynews.example/r\n"
            f"    publishedDateTime: {text}\n---\n"
        )
        with pytest.raises(ValidationError) as info:
            loads(item)
        assert [(i.field, i.code, i.line, i.column) for i in info.value.issues] == [
            ("related[0].publishedDateTime", "invalid-value", 7, 24)
        ]


@pytest.mark.parametrize(
    "written",
    ["!!timestamp 2021-09-27T18:46:00", "&t 2021-09-27T18:46:00", "\n  2021-09-27T18:46:00"],
    ids=["tag", "anchor", "next-line"],
)
def test_naive_timestamps_behind_a_tag_an_anchor_or_a_line_break(written: str) -> None:
    """A date-time without a zone is refused however the scalar is introduced."""
    item = (
        "---\ntitle: T\nwebUrl: https://www.citynews.example/t\n"
        f"publishedDateTime: {written}\n---\n"
    )
    with pytest.raises(ValidationError) as info:
        loads(item)
    assert [(i.field, i.code) for i in info.value.issues] == [
        ("publishedDateTime", "invalid-value")
    ]


def test_aware_timestamps_still_load() -> None:
    """``Z``, ``+00:00`` and ``-07:00`` offsets, with or without a space, are accepted."""
    for written in (
        "2021-09-27T18:46:00Z",
        "2021-09-27T11:46:00-07:00",
        "2021-09-27 18:46:00 +00:00",
    ):
        text = (
            "---\ntitle: T\nwebUrl: https://www.citynews.example/t\n"
            f"publishedDateTime: {written}\n---\n"
        )
        assert loads(text).article.published_date_time is not None


def test_a_malformed_secured_value_is_an_issue_at_its_line() -> None:
    """``secured: "abc"`` is an invalid-secured issue when the item is loaded."""
    text = '---\ntitle: T\nwebUrl: https://www.citynews.example/t\nsecured: "abc"\n---\n'
    with pytest.raises(ValidationError) as info:
        loads(text)
    assert [(i.field, i.code, i.line, i.column) for i in info.value.issues] == [
        ("secured", "invalid-secured", 4, 10)
    ]


def test_newsitem_check_reports_a_malformed_secured_value(tmp_path: Path) -> None:
    """The command line reports ``secured: "abc"`` and exits 1."""
    path = tmp_path / "item.md"
    path.write_text(
        '---\ntitle: T\nwebUrl: https://www.citynews.example/t\nsecured: "abc"\n---\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "newsitem", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1
    assert f"{path}:4:10: invalid-secured" in done.stdout + done.stderr


# -- inputs and objects -------------------------------------------------------------------------


def test_load_and_dump_take_text_files(tmp_path: Path) -> None:
    """``load(open(p))`` and ``dump(item, io.StringIO())`` work like their binary forms."""
    path = tmp_path / "item.md"
    path.write_text(MINIMAL, encoding="utf-8")
    with open(path, encoding="utf-8") as handle:
        item = load(handle)
    assert item.path == str(path)
    item.article.title = "Lanterns"
    out = io.StringIO()
    dump(item, out)
    assert out.getvalue() == MINIMAL.replace("Lanterns on the river", "Lanterns")
    with open(tmp_path / "out.md", "w", encoding="utf-8") as handle:
        dump(item, handle)
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == out.getvalue()
    binary = io.BytesIO()
    dump(item, binary)
    assert binary.getvalue() == out.getvalue().encode("utf-8")
    assert load(io.StringIO(MINIMAL)).article.title == "Lanterns on the river"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: loads(b"---\ntitle: T\n---\n"), ["loads()", "str", "not bytes"]),
        (lambda: dumps(loads(MINIMAL).article), ["dumps()", "NewsItem", "not Article"]),
        (lambda: dump(loads(MINIMAL).article, io.StringIO()), ["dump()", "NewsItem"]),
        (lambda: NewsItem({"title": "x"}), ["NewsItem()", "Article", "not dict"]),
        (lambda: NewsItem(Article(title="T", web_url="https://e.example/"), None), ["body", "str"]),
        (lambda: load(42), ["load()", "path", "file object", "not int"]),
        (lambda: dump(loads(MINIMAL), 42), ["dump()", "path", "file object", "not int"]),
    ],
)
def test_wrong_arguments_are_type_errors_that_say_what_is_accepted(
    call: object, words: list[str]
) -> None:
    """Each wrong argument is refused when given, naming what the function takes."""
    with pytest.raises(TypeError) as info:
        call()  # type: ignore[operator]
    for word in words:
        assert word in str(info.value)


def test_items_compare_by_article_and_body() -> None:
    """Two items are equal when their articles and bodies are; text and file do not matter."""
    read = loads(MINIMAL)
    built = NewsItem(
        Article(
            title="Lanterns on the river",
            web_url="https://www.citynews.example/lanterns",
            provider=Provider(name="City News"),
        ),
        "Body.\n",
    )
    assert read == built
    assert read == loads(MINIMAL.replace("name: City News", 'name: "City News"'))
    built.body = "Other.\n"
    assert read != built
    assert read != "not an item"


def test_item_repr_is_short_and_readable(tmp_path: Path) -> None:
    """``repr`` gives the model, the file, the title and the start of the body."""
    path = tmp_path / "a.md"
    path.write_text(MINIMAL, encoding="utf-8")
    assert repr(load(path)) == (
        f"NewsItem[Article](path={str(path)!r}, title='Lanterns on the river', body='Body.\\n')"
    )
    long_body = NewsItem(Article(title="T", web_url="https://e.example/"), "x" * 100)
    assert repr(long_body) == f"NewsItem[Article](title='T', body='{'x' * 37}...')"


def test_validation_error_is_exported_as_a_value_error() -> None:
    """``newsitem.ValidationError`` is both a NewsItemError and a ValueError."""
    assert issubclass(newsitem.ValidationError, newsitem.NewsItemError)
    assert issubclass(newsitem.ValidationError, ValueError)


# -- telling an unchanged item from a changed one -----------------------------------------------


@pytest.mark.parametrize(
    ("written", "new", "expected"),
    [
        ("1", 1.0, "1.0"),  # equal in Python, another type in the file
        ("1", True, "true"),
        (
            "2024-05-01T10:00:00Z",
            "2024-05-01T10:00:00Z",
            '"2024-05-01T10:00:00Z"',
        ),  # the string, quoted
    ],
)
def test_an_extra_value_equal_in_python_but_of_another_type_is_written(
    written: str, new: object, expected: str
) -> None:
    item = loads(MINIMAL.replace("provider:", f"score: {written}\nprovider:"))
    item.article.score = new
    assert f"score: {expected}\n" in dumps(item)


def test_the_same_instant_at_another_offset_is_written() -> None:
    item = loads(MINIMAL.replace("provider:", "datePublished: 2024-05-01T10:00:00Z\nprovider:"))
    published = item.article.datePublished
    assert published is not None
    item.article.datePublished = published.astimezone(dt.timezone(dt.timedelta(hours=2)))
    assert "datePublished: 2024-05-01T12:00:00+02:00\n" in dumps(item)


def test_an_edit_in_place_deep_in_a_list_is_written() -> None:
    item = loads(PLAIN_RELATED)
    item.article.related[0].images[0].width = 800
    assert "        width: 800\n" in dumps(item)
    item.article.related[0].images[0].width = 640
    assert dumps(item) == PLAIN_RELATED
