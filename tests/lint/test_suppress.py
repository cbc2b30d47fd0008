"""Silencing rules: a comment on the value's line, and [tool.newsitem.lint] in pyproject.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsitem
from newsitem import NewsItemError, corpus, lint

ITEM = """\
---
title: "Â£5 off: Fish &amp; Chips"  # newsitem: ignore[mojibake]
excerpt: "Â£5 off"  # newsitem: ignore[html-entity, markup]
webUrl: https://www.example.com/a
heat: -9  # newsitem: ignore
quality: -2  # an ordinary comment
topics: [Â£5, "Ã©"]  # newsitem: ignore[mojibake]
related:
  - title: >-  # newsitem: ignore[whitespace]
      two  spaces
    webUrl: https://www.example.com/b
---
"""


def test_comment_silences_its_line_only() -> None:
    """Each comment silences the codes it names (all, when bare) on its own line."""
    found = lint.check(newsitem.loads(ITEM))
    assert [(f.code, f.field, f.line) for f in found] == [
        ("html-entity", "title", 2),
        ("mojibake", "excerpt", 3),
        ("quality-range", "quality", 6),
    ]


def test_fix_leaves_silenced_values_alone() -> None:
    """A silenced mojibake is meant: fix repairs the entity beside it and nothing else."""
    item = newsitem.loads(ITEM)
    fixed = lint.fix(item)
    assert [(f.code, f.field) for f in fixed] == [("html-entity", "title"), ("mojibake", "excerpt")]
    assert newsitem.dumps(item) == ITEM.replace("Fish &amp; Chips", "Fish & Chips").replace(
        'excerpt: "Â£5 off"', 'excerpt: "£5 off"'
    )


def test_comment_inside_a_string_is_not_a_comment() -> None:
    """``# newsitem: ignore`` written inside the quoted value itself silences nothing."""
    text = '---\ntitle: "Ã© # newsitem: ignore"\nwebUrl: https://a.example.com/\n---\n'
    assert [f.code for f in lint.check(newsitem.loads(text))] == ["mojibake"]


PAIRS = """\
---
title: Fish and chips
webUrl: https://www.example.com/a
notes: [p: Fish &amp; Chips  # newsitem: ignore[html-entity]
  , q: R&amp;D  # an ordinary comment
  , r:  # newsitem: ignore[html-entity]
  , s: Salt &amp; vinegar]
more:
- [p:  # newsitem: ignore[html-entity]
  , q: Cod &amp; chips]
- [p: Rock &amp; roll  # newsitem: ignore
  ]
---
"""


def test_comment_on_a_flow_pair_s_line() -> None:
    """In flow lists over lines, a comment silences the pair whose value ends on its
    line, empty or not; the pairs on the lines after it are reported.
    """
    found = lint.check(newsitem.loads(PAIRS))
    assert [(f.code, f.field, f.line) for f in found] == [
        ("html-entity", "notes[1].q", 5),
        ("html-entity", "notes[3].s", 7),
        ("html-entity", "more[0][1].q", 10),
    ]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


RANGES = (
    "---\ntitle: T\nwebUrl: https://www.example.com/a?utm_source=x\nheat: -5\nquality: -1\n---\n"
)


def _codes(path: Path, **options: object) -> list[str]:
    report = lint.lint_result(corpus.load_file(path), **options)  # type: ignore[arg-type]
    return [f.code for f in report.findings]


def test_nearest_pyproject_sets_the_rules(tmp_path: Path) -> None:
    """The nearest pyproject.toml with the table wins; one without it is passed over."""
    _write(tmp_path / "pyproject.toml", '[tool.newsitem.lint]\nignore = ["heat-range"]\n')
    _write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n')
    _write(
        tmp_path / "a" / "b" / "pyproject.toml",
        '[tool.newsitem.lint]\nselect = ["heat-range", "tracking-param"]\n',
    )
    top = _write(tmp_path / "top.md", RANGES)
    under_a = _write(tmp_path / "a" / "item.md", RANGES)
    under_b = _write(tmp_path / "a" / "b" / "c" / "item.md", RANGES)
    assert _codes(top) == ["quality-range"]
    assert _codes(under_a) == ["quality-range"]
    assert _codes(under_b) == ["tracking-param", "heat-range"]
    # Options given in code: select replaces the project's, ignore adds to it.
    assert _codes(under_b, select=["quality-range", "heat-range"]) == [
        "heat-range",
        "quality-range",
    ]
    assert _codes(under_b, ignore=["heat-range"]) == ["tracking-param"]
    assert _codes(under_b, project=False) == ["heat-range", "quality-range"]
    assert lint.find_config(under_b).path == str(tmp_path / "a" / "b" / "pyproject.toml")
    assert lint.find_config(tmp_path / "a").select is None


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[tool.newsitem.lint]\nselect = ["mojibak"]\n', "unknown rule code"),
        ("[tool.newsitem.lint]\nignore = 3\n", "must be a list"),
        ("[tool.newsitem.lint\n", "cannot read the lint settings"),
        ("[tool.newsitem]\nlint = 1\n", "must be a table"),
    ],
)
def test_bad_settings_are_an_error(tmp_path: Path, toml: str, message: str) -> None:
    """Broken settings are a NewsItemError with code invalid-config, naming the file."""
    folder = tmp_path / message.replace(" ", "-")
    _write(folder / "pyproject.toml", toml)
    with pytest.raises(NewsItemError, match=message) as caught:
        lint.find_config(folder)
    assert caught.value.code == "invalid-config"
    assert caught.value.path == str(folder / "pyproject.toml")
