"""What each error says, and where the fences are found.

Messages are part of what a user reads (``newsitem check`` prints them, the
docs show them): each is written here as the docs and the error's meaning
put it.
"""

from __future__ import annotations

import pickle

import pytest

from newsitem import Limits, _split, errors, frontmatter


def _error(text: str, **limits: int) -> errors.NewsItemError:
    with pytest.raises(errors.NewsItemError) as info:
        frontmatter.loads(text, limits=Limits(**limits))
    return info.value


# -- fences ---------------------------------------------------------------------------------

UNCLOSED = "front matter is not closed: no '---' line after the opening one"


@pytest.mark.parametrize(
    ("text", "code", "message", "where"),
    [
        (
            "x\n",
            "no-front-matter",
            "no front matter: the text must start with a '---' line",
            (1, 1),
        ),
        ("", "no-front-matter", "no front matter: the text must start with a '---' line", (1, 1)),
        ("---", "unclosed-front-matter", UNCLOSED, (1, 1)),
        ("---\na: 1\n", "unclosed-front-matter", UNCLOSED, (1, 1)),
        (
            "---\na: 1\n--- x\n",
            "fence-trailing-text",
            "the closing '---' fence has text after it",
            (3, 4),
        ),
        (
            "---\na: 1\n---\t#\n",
            "fence-trailing-text",
            "the closing '---' fence has text after it",
            (3, 4),
        ),
    ],
)
def test_fence_errors_say_what_is_wrong(
    text: str, code: str, message: str, where: tuple[int, int]
) -> None:
    """Each fence error has its code, its message and its place."""
    error = _error(text)
    assert type(error) is errors.FrontMatterError
    assert (error.code, error.message, (error.line, error.column)) == (code, message, where)


def test_a_dashes_line_that_is_no_fence_is_skipped() -> None:
    """``---x`` is no fence: the next ``---`` line closes; later ones are body."""
    parts = _split.split("---\na: 1\n---x\n---\nbody\n---\nmore\n")
    assert parts.yaml == "a: 1\n---x\n"
    assert parts.body == "body\n---\nmore\n"


def test_dashes_inside_a_line_are_no_fence() -> None:
    """``---`` after other text on a line is part of the value, not a fence."""
    assert frontmatter.loads("---\na: X---\nb: 1\n---\n").data == {"a": "X---", "b": 1}


def test_a_lone_cr_ends_the_line_before_a_fence() -> None:
    """A fence after a lone CR is a fence: CR ends a line as LF does."""
    parts = _split.split("---\ra: 1\r---\rbody")
    assert (parts.yaml, parts.tail, parts.body, parts.newline) == ("a: 1\r", "---\r", "body", "\r")


# -- limits ---------------------------------------------------------------------------------


def test_limit_messages_name_the_limit() -> None:
    """Each limit error says which bound was passed and its value."""
    assert _error("---\na: 1\n---\n", max_bytes=5).message == (
        "the text is longer than the limit of 5 characters"
    )
    assert _error("---\na: 1\n---\n", max_nodes=2).message == (
        "the front matter expands to more than 2 values (aliases count each time they are used)"
    )
    assert _error("---\na: [1]\n---\n", max_depth=1).message == (
        "the front matter is nested more than 1 levels deep"
    )


@pytest.mark.parametrize("name", ["max_bytes", "max_nodes", "max_depth"])
def test_limits_refusal_says_which_bound(name: str) -> None:
    """``Limits(name=0)`` says that bound must be at least 1."""
    with pytest.raises(ValueError, match="at least 1") as info:
        Limits(**{name: 0})
    assert str(info.value) == f"Limits.{name} must be at least 1"


def test_max_depth_refusal_says_why() -> None:
    """Past MAX_DEPTH, the message gives the cap and the reason."""
    with pytest.raises(ValueError, match="at most 200") as info:
        Limits(max_depth=201)
    assert str(info.value) == (
        "Limits.max_depth may be at most 200: reading, comparing and writing nested "
        "values recurse, and Python's stack is finite"
    )


# -- the error objects ----------------------------------------------------------------------


def test_str_and_location_leave_out_what_is_unknown() -> None:
    """``path:line:column: message``, ``<string>`` without a path, unknown parts left out."""
    error = errors.YAMLSyntaxError("bad", path="a.md", line=3, column=7)
    assert (str(error), error.location()) == ("a.md:3:7: bad", "a.md:3:7")
    assert str(errors.YAMLSyntaxError("bad", line=3)) == "<string>:3: bad"
    assert str(errors.YAMLSyntaxError("bad", column=7)) == "<string>: bad"
    assert str(errors.NewsItemError("bad")) == "<string>: bad"


def test_repr_shows_every_attribute() -> None:
    """The repr names the class and each attribute, code included."""
    error = errors.DuplicateKeyError(
        "twice", first_line=2, first_column=1, path="a.md", line=4, column=1
    )
    assert repr(error) == (
        "DuplicateKeyError(code='duplicate-key', message='twice', path='a.md', line=4, column=1)"
    )
    assert (error.first_line, error.first_column) == (2, 1)


def test_with_path_sets_and_returns() -> None:
    """``with_path`` sets the path, as a string, and returns the same error."""
    error = errors.StructureError("no map", line=2, column=1)
    from pathlib import Path

    assert error.with_path(Path("dir") / "x.md") is error
    assert error.path == str(Path("dir") / "x.md")
    assert str(error) == f"{Path('dir') / 'x.md'}:2:1: no map"


def test_a_code_given_overrides_the_class_code() -> None:
    """``code=`` replaces the class's code on that error only."""
    assert errors.YAMLSyntaxError("x", code="invalid-tag-value").code == "invalid-tag-value"
    assert errors.YAMLSyntaxError("x").code == "yaml-syntax"


@pytest.mark.parametrize(
    "error",
    [
        errors.DecodeError(
            "bad byte", offset=5, path="a.md", line=1, column=6, code="invalid-character"
        ),
        errors.DuplicateKeyError("twice", first_line=2, first_column=3, line=4, column=5),
        errors.ValidationError(
            [errors.Issue("title", "missing", "missing-field", 2, 1)], path="a.md"
        ),
        errors.FrontMatterError("x", code="unclosed-front-matter", line=1, column=1),
    ],
)
def test_errors_pickle_with_every_attribute(error: errors.NewsItemError) -> None:
    """An error sent to another process comes back with the same class and attributes."""
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert back.__dict__ == error.__dict__
    assert str(back) == str(error)
    assert back.args == (error.message,)


class _Bare(errors.NewsItemError):
    """An error of your own that skips ``NewsItemError.__init__``: it has no ``message``."""

    def __init__(self) -> None:
        Exception.__init__(self, "bare")
        self.line = 3


def test_an_error_without_a_message_attribute_unpickles_with_an_empty_message() -> None:
    """It comes back from a pickle with ``""`` as its only argument, its attributes kept."""
    back = pickle.loads(pickle.dumps(_Bare()))
    assert type(back) is _Bare
    assert back.args == ("",)
    assert back.__dict__ == {"line": 3}


def test_validation_error_lists_each_issue_on_its_line() -> None:
    """``str`` of a ValidationError: one ``path:line:column: field: message`` line per issue."""
    error = errors.ValidationError(
        [
            errors.Issue("title", "required field is missing", "missing-field", 2, 1),
            errors.Issue("quality", "expected an integer", "wrong-type", 6),
            errors.Issue("", "not a mapping", "wrong-type"),
        ],
        path="a.md",
    )
    assert str(error) == (
        "a.md:2:1: title: required field is missing\n"
        "a.md:6: quality: expected an integer\n"
        "a.md: not a mapping"
    )
    assert (error.message, error.line, error.column, error.code) == (
        "3 invalid value(s)",
        2,
        1,
        "invalid-item",
    )
    empty = errors.ValidationError([])
    assert (str(empty), empty.line, empty.column) == ("<string>: 0 invalid value(s)", None, None)


def test_issue_defaults() -> None:
    """An Issue made with a field and message only is an ``invalid-value`` without a place."""
    issue = errors.Issue("webUrl", "bad")
    assert (issue.code, issue.line, issue.column) == ("invalid-value", None, None)


# -- validation issues ----------------------------------------------------------------------


def _assignment_issue(attribute: str, value: object) -> errors.Issue:
    import newsitem

    item = newsitem.loads("---\ntitle: T\nwebUrl: https://example.com/a\n---\n")
    with pytest.raises(errors.ValidationError) as info:
        setattr(item.article, attribute, value)
    (issue,) = info.value.issues
    return issue


def test_a_naive_datetime_is_described_as_without_a_time_zone() -> None:
    """Assigning a naive datetime: ``invalid-value``, naming what is missing."""
    import datetime as dt

    issue = _assignment_issue("published_date_time", dt.datetime(2024, 1, 1))
    assert (issue.field, issue.code) == ("publishedDateTime", "invalid-value")
    assert issue.message == (
        "expected a date-time with a time zone, got a date-time 2024-01-01T00:00:00 "
        "without a time zone"
    )


def test_bytes_are_described_as_binary_data() -> None:
    """A bytes value is named as such, not shown."""
    issue = _assignment_issue("title", b"xy")
    assert (issue.code, issue.message) == ("wrong-type", "expected a string, got binary data")


@pytest.mark.parametrize(
    ("value", "shown"),
    [("z" * 60, "'" + "z" * 60 + "'"), ("z" * 61, "'" + "z" * 57 + "...'")],
)
def test_long_strings_are_cut_after_57_characters(value: str, shown: str) -> None:
    """A string of up to 60 characters is shown whole; a longer one as its first 57 and '...'."""
    issue = _assignment_issue("quality", value)
    assert issue.message == f"expected an integer, got a string {shown}"


def test_issues_are_listed_in_file_order_with_their_places() -> None:
    """Every problem of a file, ordered by line and column, with its code."""
    import newsitem

    text = (
        "---\ntitle: T\nwebUrl: /x\nquality: q\nzz: 1\nrelated:\n  - title: x\n"
        "    quality: [1]\n---\n"
    )
    with pytest.raises(errors.ValidationError) as info:
        newsitem.loads(text, strict=True)
    found = [(i.field, i.code, i.line) for i in info.value.issues]
    assert found == [
        ("webUrl", "invalid-value", 3),
        ("quality", "wrong-type", 4),
        ("zz", "unknown-field", 5),
        ("related[0].webUrl", "missing-field", 7),
        ("related[0].quality", "wrong-type", 8),
    ]
