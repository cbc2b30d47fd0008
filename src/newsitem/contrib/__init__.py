"""Recipes that hand newsitem's per-file work to engines that spread it over a cluster.

No scheduler of our own: :func:`newsitem.corpus.load_file` is a pure function
whose arguments and result pickle, so an engine maps it over paths.

- :mod:`newsitem.contrib.records`: one JSON-able record per file (no extra).
- :mod:`newsitem.contrib.dask`: check a folder with ``dask.bag`` and write the
  records as JSON Lines (the ``dask`` extra: ``pip install "newsitem[dask]"``).
"""
