"""Suite-wide settings: the hypothesis profiles.

``ci`` (the default) is derandomised: the examples come from a fixed seed,
so a red run is red again on the next machine and the next day.
``thorough`` runs the same properties on many more, random, examples:

    NEWSITEM_HYPOTHESIS_PROFILE=thorough .venv/bin/pytest tests/frontmatter/test_properties.py

Property tests ask for ``max(their own count, the profile's)`` examples, so
the profile raises every count and lowers none (see docs/testing.md), except
``mutation``: ``scripts/mutation.py`` runs the properties once per mutant, and
there every property test takes the profile's 25 examples (still derandomised),
and a failing example is not shrunk.
Fewer examples can only let more mutants survive, never fewer, so a mutation
figure measured this way is a floor.
"""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import HealthCheck, Phase, settings

_COMMON = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

settings.register_profile("ci", _COMMON, derandomize=True, print_blob=True)
settings.register_profile("thorough", _COMMON, max_examples=3000, print_blob=True)
# No shrinking: a mutant is killed by the first failing example, and shrinking
# it would take longer than the run itself.
settings.register_profile(
    "mutation",
    _COMMON,
    max_examples=25,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
)
settings.load_profile(os.environ.get("NEWSITEM_HYPOTHESIS_PROFILE", "ci"))


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under ``mutation``, empty newsitem's ``functools`` caches before each run.

    mutmut runs each mutant's tests in a process forked from one that has run
    the suite already: a cached answer (``_lists.tracked_class`` and the like)
    would be given back without the mutated code running at all.
    """
    if os.environ.get("NEWSITEM_HYPOTHESIS_PROFILE") != "mutation":
        return
    for name, module in list(sys.modules.items()):
        if name == "newsitem" or name.startswith("newsitem."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()
