"""The loop the reading and editing verbs share: load each input, report what fails, write."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence

from .. import frontmatter
from ..api import NewsItem
from ..errors import Issue, NewsItemError, ValidationError
from ..models import Article
from . import _fields
from ._common import EXIT_OK, EXIT_PROBLEMS
from ._paths import Input, iter_inputs
from ._report import Problem, Reporter, problems_from_error
from ._write import write_changes

__all__ = ["Edit", "edit_files", "loaded", "locate_issues", "several"]

Edit = Callable[[str, NewsItem[Article]], str]
"""What an editing verb does to one item: its text and item in, the new text out.

It raises :class:`~newsitem.errors.NewsItemError` or
:class:`~newsitem.cli._fields.FieldPathError` for what it cannot do.
"""


def several(paths: Sequence[str]) -> bool:
    """Whether ``paths`` may name more than one item (output lines get a ``path: `` prefix)."""
    return len(paths) > 1 or any(path != "-" and not _is_file(path) for path in paths)


def loaded(
    inputs: Iterator[Input], reporter: Reporter
) -> Iterator[tuple[Input, str, NewsItem[Article]]]:
    """``(input, text, item)`` for each input that loads; the others are reported."""
    for one in inputs:
        try:
            text = one.read_text()
            item = one.parse(text)
        except NewsItemError as exc:
            for problem in problems_from_error(one.path, exc):
                reporter.add(problem)
            continue
        yield one, text, item


def edit_files(
    verb: str,
    paths: Sequence[str],
    edit: Edit,
    *,
    dry_run: bool,
    quiet: bool,
    check: bool = False,
    check_message: str = "would change",
) -> int:
    """Apply ``edit`` to every input and write what changed; the exit status.

    Problems go to stderr (stdout carries the diffs, or the text of ``-``),
    except with ``check`` (``fmt --check``), which writes nothing and prints a
    ``would-change`` problem per file to stdout. Each file is written only
    when its own new text reads back valid.
    """
    reporter = Reporter("text", sys.stdout if check else sys.stderr)
    total = changed = 0
    with reporter:
        for one, text, item in loaded(iter_inputs(paths), reporter):
            total += 1
            try:
                new_text = edit(text, item)
                if check:
                    if new_text != text:
                        changed += 1
                        reporter.add(Problem(one.path, None, None, "would-change", check_message))
                    continue
                changed += write_changes(one.path, text, new_text, dry_run=dry_run)
            except ValidationError as exc:
                for problem in problems_from_error(one.path, locate_issues(exc, text)):
                    reporter.add(problem)
            except NewsItemError as exc:
                for problem in problems_from_error(one.path, exc):
                    reporter.add(problem)
            except _fields.FieldPathError as exc:
                reporter.add(Problem(one.path, None, None, _code(exc), exc.message))
    if not quiet:
        files = "file" if total == 1 else "files"
        done = "would change" if dry_run or check else "changed"
        print(f"{verb}: {changed} of {total} {files} {done}", file=sys.stderr)
    if reporter.count or ((dry_run or check) and changed):
        return EXIT_PROBLEMS
    return EXIT_OK


def locate_issues(error: ValidationError, text: str) -> ValidationError:
    """``error`` with each issue that has no line placed at its field's value in ``text``."""
    if all(issue.line is not None for issue in error.issues):
        return error
    try:
        document = frontmatter.loads(text)
    except NewsItemError:
        return error
    issues: list[Issue] = []
    for issue in error.issues:
        if issue.line is None and issue.field:
            try:
                steps = _fields.parse(issue.field)
                position = document.position([s for s in steps if isinstance(s, str | int)])
            except _fields.FieldPathError:
                position = None
            if position is not None:
                issue = Issue(issue.field, issue.message, issue.code, *position)
        issues.append(issue)
    return ValidationError(issues, path=error.path)


def _code(error: _fields.FieldPathError) -> str:
    return "missing-field" if isinstance(error, _fields.Missing) else "invalid-field-path"


def _is_file(path: str) -> bool:
    return os.path.isfile(path)
