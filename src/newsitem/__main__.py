"""``python -m newsitem``: the ``newsitem`` command."""

from newsitem.cli import main

if __name__ == "__main__":  # worker processes import this module again: run nothing then
    raise SystemExit(main())
