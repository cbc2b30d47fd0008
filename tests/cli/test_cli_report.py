"""The problem printer: each format's exact form for awkward text, written out by hand."""

from __future__ import annotations

import io
import json

import pytest

from newsitem import Issue, ValidationError
from newsitem.cli._report import Problem, Reporter, problems_from_error


def printed(fmt: str, *problems: Problem) -> str:
    stream = io.StringIO()
    with Reporter(fmt, stream) as reporter:
        for problem in problems:
            reporter.add(problem)
    return stream.getvalue()


AWKWARD = Problem("d/a,b.md", 3, None, "mojibake", "100% wrong:\nsee\r\nhere", severity="warning")


def test_text_leaves_out_unknown_parts() -> None:
    """No column: ``path:line: CODE message``; no line: ``path: CODE message``."""
    assert printed("text", AWKWARD, Problem("x.md", None, 4, "c", "m", "f")) == (
        "d/a,b.md:3: mojibake 100% wrong:\nsee\r\nhere\nx.md: c f: m\n"
    )


def test_github_escapes_data_and_properties() -> None:
    """``%``, CR and LF escaped in the message; also ``:`` and ``,`` in properties; warnings."""
    assert printed("github", AWKWARD) == (
        "::warning file=d/a%2Cb.md,line=3,title=mojibake::100%25 wrong:%0Asee%0D%0Ahere\n"
    )


def test_json_keeps_unknown_parts_as_null() -> None:
    """JSON Lines: every key present, ``null`` where unknown."""
    assert json.loads(printed("json", Problem("a.md", None, None, "c", "m"))) == {
        "path": "a.md",
        "line": None,
        "column": None,
        "code": "c",
        "field": None,
        "message": "m",
        "severity": "error",
    }


def test_sarif_region_and_level() -> None:
    """A warning is level ``warning``; a line without column gives ``startLine`` only."""
    log = json.loads(printed("sarif", AWKWARD))
    (result,) = log["runs"][0]["results"]
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "d/a%2Cb.md"},
        "region": {"startLine": 3},
    }


def test_problems_from_a_validation_error() -> None:
    """One problem per issue, with its field; an empty field is ``None``."""
    error = ValidationError(
        [Issue("quality", "bad", "wrong-type", 4, 10), Issue("", "whole", "invalid-item")]
    )
    assert problems_from_error("a.md", error) == [
        Problem("a.md", 4, 10, "wrong-type", "bad", "quality"),
        Problem("a.md", None, None, "invalid-item", "whole", None),
    ]


def test_unknown_format_is_refused() -> None:
    """A format that does not exist is a ValueError naming the choices."""
    with pytest.raises(ValueError, match="one of text, json, github, sarif"):
        Reporter("xml", io.StringIO())
