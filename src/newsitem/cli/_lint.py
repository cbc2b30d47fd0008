"""``newsitem lint``: find the data-quality problems of items, and repair what can be.

Findings are printed like ``check``'s problems (severity ``warning``); an
invalid item is reported as ``check`` reports it and linted no further.
``--fix`` rewrites only the lines of the repaired values, atomically;
``--dry-run`` prints the diff instead. ``duplicate-item`` is reported once all
files are read, after the others.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import pydantic

from .. import corpus, lint
from ..errors import NewsItemError
from ..limits import DEFAULT_LIMITS
from ..lint._run import parse_codes  # pyright: ignore[reportPrivateUsage]
from ..lint._text import require_ftfy  # pyright: ignore[reportPrivateUsage]
from ..models import Article, Timestamp
from ._common import EXIT_OK, EXIT_PROBLEMS, Commands, UsageError, positive, progress
from ._paths import Input, iter_inputs
from ._report import FORMATS, Problem, Reporter, problems_from_error
from ._write import write_changes

__all__ = ["register", "run"]


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "lint",
        help="find data-quality problems (mojibake, entities, bad values) and fix them",
        description=(
            "Report the data-quality problems of news items as 'path:line:column: CODE "
            "message', and with --fix repair those that can be, changing only their lines. "
            f"Rules: {', '.join(lint.RULES)} (tracking-param is off unless selected). "
            "Settings: [tool.newsitem.lint] select/ignore in the nearest pyproject.toml; "
            "a value is silenced by '# newsitem: ignore[CODE]' on its line."
        ),
        epilog="exit status: 0 nothing found, 1 anything found (fixed or not) or an invalid "
        "item, 2 usage error",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, a folder (searched recursively for files that start with '---'), "
        "a quoted glob such as 'items/*.md', or - for standard input",
    )
    parser.add_argument(
        "--fix", action="store_true", help="repair what can be repaired, in place (atomically)"
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="with or without --fix: print the diff --fix would make, change no file",
    )
    parser.add_argument(
        "--select",
        metavar="CODES",
        help="comma-separated rule codes to run instead of the default (or project) rules",
    )
    parser.add_argument("--ignore", metavar="CODES", help="comma-separated rule codes to leave out")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="how findings are printed (default: %(default)s)",
    )
    parser.add_argument(
        "--pattern",
        default=None,
        metavar="GLOB",
        help="inside folders, only the files whose relative path matches GLOB",
    )
    parser.add_argument(
        "--now",
        type=_timestamp,
        default=None,
        metavar="DATETIME",
        help="the time of the run for future-date, such as 2024-05-01T12:00:00Z "
        "(default: the clock)",
    )
    parser.add_argument(
        "--no-config",
        action="store_true",
        help="ignore [tool.newsitem.lint] in pyproject.toml files",
    )
    parser.add_argument(
        "--workers",
        type=positive,
        default=1,
        metavar="N",
        help="lint in N processes (default: %(default)s)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print the findings only: no summary"
    )
    parser.set_defaults(run=run)


def _timestamp(text: str) -> datetime:
    try:
        return pydantic.TypeAdapter(Timestamp).validate_python(text)
    except pydantic.ValidationError:
        raise argparse.ArgumentTypeError(
            f"not a date-time with a time zone: {text!r} (such as 2024-05-01T12:00:00Z)"
        ) from None


def run(args: argparse.Namespace) -> int:
    try:
        select = None if args.select is None else parse_codes(args.select, "--select")
        ignore = parse_codes(args.ignore, "--ignore")
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if "mojibake" in (lint.DEFAULT_RULES if select is None else select) - ignore:
        try:  # here, before any output, and not in a worker
            require_ftfy()
        except ModuleNotFoundError as exc:
            raise UsageError(str(exc)) from None
    repair = args.fix or args.dry_run
    options: dict[str, Any] = {"select": select, "ignore": ignore, "now": args.now, "fix": repair}
    found = iter_inputs(args.paths, pattern=args.pattern)
    first = next(found, None)
    inputs = found if first is None else itertools.chain([first], found)
    # The repaired text of standard input goes to stdout: findings go to stderr then.
    stdin_fixed = args.fix and not args.dry_run and "-" in args.paths
    stream = sys.stderr if stdin_fixed else sys.stdout
    tally = _Tally()
    kept: list[lint.Report] = []
    show = not args.quiet and sys.stderr.isatty()
    with Reporter(args.format, stream) as reporter, progress(None, enabled=show) as bar:
        try:
            for one, report in bar.track(_reports(inputs, options, not args.no_config, args)):
                with bar.output():
                    _handle(one, report, args, reporter, tally)
                if report.web_url is not None:  # only what duplicate_items needs is kept
                    kept.append(
                        lint.Report(report.source, web_url=report.web_url, fixed=report.fixed)
                    )
        except ModuleNotFoundError as exc:  # a project's settings select mojibake
            if "newsitem[lint]" not in str(exc):
                raise
            raise UsageError(str(exc)) from None
        for source, findings in lint.duplicate_items(kept).items():
            tally.found(source, len(findings))
            for finding in findings:
                reporter.add(_problem(source, finding))
    if not args.quiet:
        print(tally.summary(repair, args.dry_run), file=sys.stderr)
    return EXIT_PROBLEMS if tally.problems or tally.invalid else EXIT_OK


def _reports(
    inputs: Iterable[Input], options: dict[str, Any], project: bool, args: argparse.Namespace
) -> Iterator[tuple[Input | None, lint.Report]]:
    """A report per input, in order; files go through the corpus run (in workers)."""
    for stdin, group in itertools.groupby(inputs, key=lambda one: one.is_stdin):
        if stdin:
            for one in group:
                yield one, _lint_stdin(one, options, project)
            continue
        work = functools.partial(lint.lint_result, project=project, **options)
        files = (one.path for one in group)
        # map_files reads each file's values and their positions in one
        # parse, for lint_result: every finding needs a position.
        reports = corpus.map_files(work, files, workers=args.workers)
        for report in reports:
            yield None, report


def _lint_stdin(one: Input, options: dict[str, Any], project: bool) -> lint.Report:
    try:
        text = one.read_text()
    except NewsItemError as exc:
        return lint.Report(one.path, error=exc)
    try:
        settings = lint.find_config(os.getcwd()) if project else lint.Config()
    except NewsItemError as exc:  # a broken pyproject.toml
        return lint.Report(one.path, error=exc)
    rules = settings.rules(options["select"], options["ignore"])
    result = corpus._load_text(  # pyright: ignore[reportPrivateUsage] - with positions, one parse
        text, Article, one.path, strict=False, limits=DEFAULT_LIMITS, located=True
    )
    report = lint.lint_result(
        result, select=rules, now=options["now"], fix=options["fix"], project=False
    )
    if report.error is None and report.original is None:
        report = lint.Report(
            report.source, report.findings, None, report.web_url, original=text, fixed=text
        )
    return report


def _handle(
    one: Input | None,
    report: lint.Report,
    args: argparse.Namespace,
    reporter: Reporter,
    tally: _Tally,
) -> None:
    tally.files += 1
    if report.error is not None:
        tally.invalid += 1
        for problem in problems_from_error(report.source, report.error):
            reporter.add(problem)
        return
    findings = report.findings
    tally.found(report.source, len(findings))
    repair = args.fix or args.dry_run
    changed = False
    if repair and report.original is not None and report.fixed is not None:
        try:
            changed = write_changes(
                report.source, report.original, report.fixed, dry_run=args.dry_run
            )
        except NewsItemError as exc:  # changed on disk since it was read: nothing written
            for problem in problems_from_error(report.source, exc):
                reporter.add(problem)
            tally.invalid += 1
            changed = False
    if changed:
        tally.changed += 1
        tally.fixed += sum(finding.fixable for finding in findings)
    for finding in findings:
        if changed and finding.fixable:
            continue  # repaired (or, with --dry-run, shown in the diff)
        reporter.add(_problem(report.source, finding))
    del one


def _problem(source: str, finding: lint.Finding) -> Problem:
    return Problem(
        source,
        finding.line,
        finding.column,
        finding.code,
        finding.message,
        finding.field or None,
        severity="warning",
    )


class _Tally:
    def __init__(self) -> None:
        self.files = 0
        self.invalid = 0
        self.problems = 0
        self.fixed = 0
        self.changed = 0
        self._with: set[str] = set()

    def found(self, source: str, count: int) -> None:
        if count:
            self.problems += count
            self._with.add(source)

    def summary(self, repair: bool, dry_run: bool) -> str:
        text = (
            f"linted {_count(self.files, 'file')}: {_count(self.problems, 'problem')} "
            f"in {_count(len(self._with), 'file')}, {self.invalid} invalid"
        )
        if repair:
            verb = "would fix" if dry_run else "fixed"
            text += f"; {verb} {self.fixed} in {_count(self.changed, 'file')}"
        return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
