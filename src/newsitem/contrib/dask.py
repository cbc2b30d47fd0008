"""Check a folder on a Dask cluster: ``dask.bag`` maps the per-file check.

Needs the ``dask`` extra (``pip install "newsitem[dask]"``); without it,
importing this module raises an ``ImportError`` that says so. The paths are
listed here (names only, no file is read), then each worker loads and
validates its share with :func:`~newsitem.contrib.records.check_file`, and
the records are written as JSON Lines, one file per partition, in the order
of the paths::

    from distributed import Client
    from newsitem.contrib.dask import check_folder

    client = Client("tcp://scheduler:8786")  # or Client(LocalCluster())
    written = check_folder("items/", "results/")  # results/part-00000.jsonl, ...

The work runs on the current ``distributed`` client when there is one, else
on Dask's default scheduler for bags (a local process pool). The workers must
see the files at the same paths (a shared file system) and have ``newsitem``
installed. To keep the records in Dask instead of writing them, use
:func:`check_bag` and go on from the bag (``.filter``, ``.to_dataframe``...).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import partial
from typing import Any, cast

try:
    import dask.bag as db
except ImportError as exc:  # the extra is not installed
    raise ImportError(
        "newsitem.contrib.dask needs Dask: install the \"dask\" extra, pip install 'newsitem[dask]'"
    ) from exc

from ..corpus import paths
from ..limits import DEFAULT_LIMITS, Limits
from ..models import Article
from .records import check_file

__all__ = ["check_bag", "check_folder"]

StrPath = str | os.PathLike[str]


def check_bag(
    source: StrPath | Iterable[StrPath],
    *,
    pattern: str = "**/*.md",
    npartitions: int | None = None,
    model: type[Article] = Article,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> db.Bag:
    """A lazy ``dask.bag.Bag`` of the :class:`~newsitem.contrib.records.Record` of each file.

    ``source`` and ``pattern`` name the files as for
    :func:`newsitem.corpus.paths`. ``npartitions`` defaults to Dask's choice
    (about a hundred partitions). ``model`` must be importable by the workers
    (defined at the top level of a module).
    """
    files = list(paths(source, pattern=pattern))
    work = partial(check_file, model=model, strict=strict, limits=limits)
    # dask's own annotations are partial: called as Any, returned as the Bag it is.
    bags: Any = db
    return cast("db.Bag", bags.from_sequence(files, npartitions=npartitions).map(work))


def check_folder(
    source: StrPath | Iterable[StrPath],
    output: StrPath,
    *,
    pattern: str = "**/*.md",
    npartitions: int | None = None,
    model: type[Article] = Article,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> list[str]:
    """Check every file of ``source`` and write the records under the folder ``output``.

    Writes ``part-00000.jsonl``, ``part-00001.jsonl``... (one per partition,
    one JSON record per line, in the order of the paths) and returns their
    paths in that order. Options as for :func:`check_bag`.
    """
    records: Any = check_bag(
        source, pattern=pattern, npartitions=npartitions, model=model, strict=strict, limits=limits
    )
    target = os.fspath(output).rstrip("/\\") + "/part-*.jsonl"
    written = records.map(json.dumps).to_textfiles(
        target, name_function=_part_name, last_endline=True
    )
    return [str(path) for path in written]


def _part_name(index: int) -> str:
    return f"{index:05d}"
