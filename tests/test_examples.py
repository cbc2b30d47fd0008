"""The shipped examples: the valid round-trip byte for byte, the invalid fail as documented.

The expected values and errors are written by hand from the files and from
``examples/README.md``; a file added to either folder without an entry here
fails the inventory tests.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from newsitem import (
    FrontMatterError,
    NewsItemError,
    ValidationError,
    dump,
    dumps,
    load,
    loads,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
VALID = EXAMPLES / "valid"
INVALID = EXAMPLES / "invalid"

UTC = timezone.utc
MINUS_7 = timezone(-timedelta(hours=7))

# A few values per valid file, read off the file by eye: the loader must see
# what the text says, not just give the text back.
VALID_VALUES: dict[str, dict[str, Any]] = {
    "01-reference-style.md": {
        "category": "news",
        "published_date_time": datetime(2024, 3, 11, 9, 15, tzinfo=UTC),
        "quality": 23,
        "heat": -1,
        "published": False,
        "topics": ["Robotics", "Logistics", "Automation"],
        "related[1].images[0].width": 800,
        "related[1].images[0].is_cached": False,
        "related[0].provider.name": "Meridian Wire",
        "body": "\n",
    },
    "02-crlf-feed-fractions.md": {
        "published_date_time": datetime(2024, 4, 18, 7, 30, tzinfo=UTC),
        "updated_date_time": datetime(2024, 4, 18, 11, 2, 13, tzinfo=UTC),
        "heat": 3,
        "published": True,
        "topics": ["Government", "Generative AI"],
        "related[0].published_date_time": datetime(2024, 1, 9, 16, 45, tzinfo=UTC),
        "body": "",
    },
    "03-bom-comments.md": {
        "category": "news",
        "published_date_time": datetime(2024, 5, 6, 6, 0, tzinfo=UTC),
        "locale": "en-GB",
        "model_extra": {"wireDesk": "europe"},
        "topics": ["Healthcare", "Machine Learning"],
        "related[0].images[0].url": (
            "https://images.medtechbrief.com/explainers/sepsis-model-diagram.png"
        ),
        "body": "\nEditor's note: figures come from the trust's interim report, "
        "not yet peer reviewed.\n",
    },
    "04-four-space-single-quotes.md": {
        "title": (
            "Phoenix utility's heat-wave forecast model beats the grid operator's by 6 percent"
        ),
        "published_date_time": datetime(2024, 6, 21, 14, 30, tzinfo=MINUS_7),
        "provider.domain": "sonorangazette.com",
        "topics": ["Energy", "Climate", "Forecasting"],
        "related[0].images[0].height": 900,
        "secured": None,
        "body": "",
    },
    "05-flow-block-nulls.md": {
        "excerpt": "The Tejo Speech Lab released weights and training code for a "
        "1.2-billion-parameter recognition model under the Apache 2.0 licence.",
        "published_date_time": datetime(2024, 7, 2, 10, 5, 30, 250000, tzinfo=UTC),
        "updated_date_time": None,
        "original_url": None,
        "path": None,
        "tags": ["open-source", "speech", "europe"],
        "provider.name": "TechFaro",
        "topics": ["Speech Recognition", "Open Source", "AI"],
        "related[0].excerpt": "A side-by-side of word error rates on six public test sets.\n"
        "Lower is better.\n",
        "related[0].images[0].width": 720,
        "body": "",
    },
    "06-body-with-rule.md": {
        "quality": 8,
        "topics": ["Accessibility", "3D Printing"],
        "body": "# Tactile maps at Rivermouth\n\nThe maps cover the routes most asked for by "
        "members.\n\n---\n\n*Design files will be posted once the volunteers finish the legend.*",
    },
    "07-minimal-video.md": {
        "title": "Watch: a drone survey maps a glacier's retreat in 48 hours",
        "type": "video",
        "category": None,
        "related": [],  # absent: an empty list
        "body": "",
    },
}

# What each invalid file raises: class, code, (line, column) of the error, and
# the issues (field, code, line, column) of a validation error. From README.md.
INVALID_ERRORS: dict[str, tuple[type[NewsItemError], str, tuple[int, int], list[Any]]] = {
    "01-missing-weburl.md": (
        ValidationError,
        "invalid-item",
        (2, 1),
        [("webUrl", "missing-field", 2, 1)],
    ),
    "02-quality-lots.md": (
        ValidationError,
        "invalid-item",
        (6, 10),
        [("quality", "wrong-type", 6, 10)],
    ),
    "03-relative-related-url.md": (
        ValidationError,
        "invalid-item",
        (8, 13),
        [("related[0].webUrl", "invalid-value", 8, 13)],
    ),
    "04-unclosed-fence.md": (FrontMatterError, "unclosed-front-matter", (1, 1), []),
}


def names(folder: Path) -> list[str]:
    """The example files of ``folder``, sorted."""
    return sorted(path.name for path in folder.iterdir() if path.is_file())


def value_at(item: Any, dotted: str) -> Any:
    """The value at ``related[1].images[0].width`` style attribute paths (``body`` on the item)."""
    if dotted == "body":
        return item.body
    value = item.article
    for part in dotted.split("."):
        name, _, index = part.partition("[")
        value = getattr(value, name)
        while index:
            position, _, index = index.partition("]")
            value = value[int(position)]
            index = index.removeprefix("[")
    return value


def test_every_valid_example_has_expected_values() -> None:
    """The table above covers exactly the files in ``examples/valid``."""
    assert names(VALID) == sorted(VALID_VALUES)


def test_every_invalid_example_has_an_expected_error() -> None:
    """The table above covers exactly the files in ``examples/invalid``."""
    assert names(INVALID) == sorted(INVALID_ERRORS)


@pytest.mark.parametrize("name", sorted(VALID_VALUES))
def test_valid_example_round_trips_byte_for_byte(name: str, tmp_path: Path) -> None:
    """A valid example, loaded from its path and dumped unchanged, is its exact bytes."""
    source = VALID / name
    data = source.read_bytes()
    item = load(source)
    assert dumps(item).encode("utf-8") == data
    assert dumps(loads(data.decode("utf-8"))).encode("utf-8") == data
    copy = tmp_path / name
    dump(item, copy)
    assert copy.read_bytes() == data


@pytest.mark.parametrize("name", sorted(VALID_VALUES))
def test_valid_example_values(name: str) -> None:
    """A valid example's values are the ones its text spells out."""
    item = load(VALID / name)
    for dotted, expected in VALID_VALUES[name].items():
        assert value_at(item, dotted) == expected, dotted


@pytest.mark.parametrize("name", sorted(INVALID_ERRORS))
def test_invalid_example_raises_the_documented_error(name: str) -> None:
    """An invalid example raises the class, code, position and issues that README.md documents."""
    error_class, code, (line, column), issues = INVALID_ERRORS[name]
    source = INVALID / name
    with pytest.raises(NewsItemError) as info:
        load(source)
    error = info.value
    assert type(error) is error_class
    assert error.code == code
    assert (error.line, error.column) == (line, column)
    assert error.path == str(source)
    if isinstance(error, ValidationError):
        assert [(i.field, i.code, i.line, i.column) for i in error.issues] == issues
    assert str(error).startswith(f"{source}:{line}:{column}: ")
