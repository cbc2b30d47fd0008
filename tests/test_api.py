"""The typed API: load/loads/dump/dumps, edits through the model, errors, files on disk.

Every expected text below is written out in full, by hand, from the format's
rules (FORMAT.md and the reference item): an edit changes exactly the lines
of what changed, new text follows the file's habits, and anything untouched
comes back byte for byte.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pydantic
import pytest

from newsitem import (
    Article,
    ConflictError,
    Image,
    NewsItem,
    NewsItemError,
    Provider,
    RelatedItem,
    ValidationError,
    dump,
    dumps,
    load,
    loads,
)

UTC = timezone.utc


def dumps_checked(item: NewsItem[Any]) -> str:
    """``dumps(item)``, after checking that the text reads back as the item's values."""
    text = dumps(item)
    again = loads(text, model=type(item.article))
    assert again.article == item.article
    assert again.article.model_extra == item.article.model_extra
    assert again.body == item.body
    return text


# A file in the reference item's style (invented news): two-space indentation,
# sequences under their key, long strings double-quoted, `Z` timestamps, blank
# lines around the blocks, closing fence then one empty line.
REFERENCE_LIKE = """\
---
category: news
title: "Lakeside town pilots a solar ferry on its busiest crossing, Lakesideâ€™s first"
excerpt: "The twelve-seat ferry runs on roof panels and a small battery, all year round."
publishedDateTime: 2023-05-04T08:30:00Z
originalUrl: "https://www.lakesidegazette.example/2023/05/solar-ferry-pilot"
webUrl: "https://www.lakesidegazette.example/2023/05/solar-ferry-pilot"
type: article
quality: 15
heat: -1
published: false

provider:
  name: Lakeside Gazette
  domain: lakesidegazette.example

topics:
  - Energy
  - Transport

related:
  - title: "Electric boats: what a decade of pilots has taught the ferry operators"
    excerpt: "From Norway to the Netherlands, battery ferries now carry millions of people a year."
    publishedDateTime: 2023-04-20T12:00:00Z
    webUrl: "https://www.harbourweekly.example/features/electric-boats-decade"
    type: article
    provider:
      name: Harbour Weekly
      domain: harbourweekly.example
    quality: 40
    images:
      - url: "https://img.harbourweekly.example/2023/04/ferry.jpg"
        width: 640
        height: 360
        isCached: true
  - title: "Council budget sets aside funds for a second ferry"
    publishedDateTime: 2023-03-01T17:45:00Z
    webUrl: "https://www.lakesidegazette.example/2023/03/council-budget-ferry"
    type: article
    provider:
      name: Lakeside Gazette
      domain: lakesidegazette.example
    quality: 12
    images:
      - url: "https://www.lakesidegazette.example/img/council.png"
        width: 300
        height: 200
        isCached: false

secured: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=;ICEiIyQlJicoKSorLC0uLw=="
---

"""

# A short file, same style, for the edits that do not need the whole shape.
SHORT = """\
---
category: news
title: "Night buses return to the old town"
publishedDateTime: 2023-06-01T22:10:00Z
webUrl: "https://www.citynews.example/2023/06/night-buses"
type: article
quality: 3
heat: -1
published: false
---

"""


# -- scalars --------------------------------------------------------------------------------


def test_set_title_keeps_double_quotes_and_category_stays_plain() -> None:
    """A double-quoted title is rewritten double-quoted, a plain word stays plain; nothing else."""
    item = loads(SHORT)
    item.article.title = "Night buses return: six routes, every 20 minutes"
    item.article.category = "transport"
    assert (
        dumps_checked(item)
        == """\
---
category: transport
title: "Night buses return: six routes, every 20 minutes"
publishedDateTime: 2023-06-01T22:10:00Z
webUrl: "https://www.citynews.example/2023/06/night-buses"
type: article
quality: 3
heat: -1
published: false
---

"""
    )


def test_set_title_keeps_single_quotes() -> None:
    """A single-quoted title stays single-quoted, its apostrophe doubled."""
    item = loads(
        """\
---
title: 'Old title'
webUrl: 'https://www.citynews.example/a'
---
"""
    )
    item.article.title = "The mayor's new plan"
    assert (
        dumps_checked(item)
        == """\
---
title: 'The mayor''s new plan'
webUrl: 'https://www.citynews.example/a'
---
"""
    )


def test_set_title_with_mojibake_writes_it_verbatim() -> None:
    """Upstream mojibake set through the model is written as is, inside the title's quotes."""
    item = loads(SHORT)
    item.article.title = "Cityâ€™s night buses return"
    assert dumps_checked(item) == SHORT.replace(
        '"Night buses return to the old town"', '"Cityâ€™s night buses return"'
    )


def test_long_new_title_stays_on_one_double_quoted_line() -> None:
    """A 300-character title is written double-quoted on one line, never folded."""
    title = "Night buses return " + "and run every twenty minutes " * 10 + "from Friday"
    assert len(title) > 300
    item = loads(SHORT)
    item.article.title = title
    assert dumps_checked(item) == SHORT.replace(
        'title: "Night buses return to the old town"\n', 'title: "' + title + '"\n'
    )


def test_set_int() -> None:
    """An integer field is rewritten on its own line, plain."""
    item = loads(SHORT)
    item.article.quality = 250
    item.article.heat = 0
    assert (
        dumps_checked(item)
        == """\
---
category: news
title: "Night buses return to the old town"
publishedDateTime: 2023-06-01T22:10:00Z
webUrl: "https://www.citynews.example/2023/06/night-buses"
type: article
quality: 250
heat: 0
published: false
---

"""
    )


def test_set_bool() -> None:
    """A boolean is written ``true``/``false`` as the reference writes it."""
    item = loads(SHORT)
    item.article.published = True
    assert (
        dumps_checked(item)
        == """\
---
category: news
title: "Night buses return to the old town"
publishedDateTime: 2023-06-01T22:10:00Z
webUrl: "https://www.citynews.example/2023/06/night-buses"
type: article
quality: 3
heat: -1
published: true
---

"""
    )


def test_set_timestamp_keeps_z() -> None:
    """A new timestamp in a ``Z`` file is written plain with ``Z`` and no fraction."""
    item = loads(SHORT)
    item.article.published_date_time = datetime(2023, 6, 2, 5, 45, tzinfo=UTC)
    assert (
        dumps_checked(item)
        == """\
---
category: news
title: "Night buses return to the old town"
publishedDateTime: 2023-06-02T05:45:00Z
webUrl: "https://www.citynews.example/2023/06/night-buses"
type: article
quality: 3
heat: -1
published: false
---

"""
    )


def test_set_timestamp_keeps_plus_zero_offset() -> None:
    """A timestamp written with ``+00:00`` gets its new value with ``+00:00``."""
    item = loads(
        """\
---
title: "Tram strike called off"
publishedDateTime: 2023-06-01T06:00:00+00:00
webUrl: "https://www.citynews.example/tram-strike"
---
"""
    )
    item.article.published_date_time = datetime(2023, 6, 1, 9, 30, 15, tzinfo=UTC)
    assert (
        dumps_checked(item)
        == """\
---
title: "Tram strike called off"
publishedDateTime: 2023-06-01T09:30:15+00:00
webUrl: "https://www.citynews.example/tram-strike"
---
"""
    )


def test_set_timestamp_keeps_seven_fraction_digits() -> None:
    """The feed's ``.0000000Z`` shape is kept: seven digits, the microseconds then a zero."""
    text = """\
---
title: "Tram strike called off"
publishedDateTime: 2023-06-01T06:00:00.0000000Z
webUrl: "https://www.citynews.example/tram-strike"
related:
  - title: "Tram strike: what we know"
    publishedDateTime: 2023-05-31T18:00:00.0000000Z
    webUrl: "https://www.citynews.example/tram-strike-explainer"
---
"""
    item = loads(text)
    item.article.published_date_time = datetime(2023, 6, 1, 9, 30, tzinfo=UTC)
    assert item.article.related is not None
    item.article.related[0].published_date_time = datetime(
        2023, 5, 31, 19, 0, 0, 250000, tzinfo=UTC
    )
    assert (
        dumps_checked(item)
        == """\
---
title: "Tram strike called off"
publishedDateTime: 2023-06-01T09:30:00.0000000Z
webUrl: "https://www.citynews.example/tram-strike"
related:
  - title: "Tram strike: what we know"
    publishedDateTime: 2023-05-31T19:00:00.2500000Z
    webUrl: "https://www.citynews.example/tram-strike-explainer"
---
"""
    )


def test_edit_in_a_file_whose_keys_are_out_of_the_models_order() -> None:
    """Keys in the file's own order (the feed's ``updatedDateTime`` early) stay put on an edit."""
    item = loads(
        """\
---
webUrl: "https://www.citynews.example/tram-strike"
title: "Tram strike called off"
publishedDateTime: 2023-06-01T06:00:00.0000000Z
updatedDateTime: 2023-06-01T07:00:00.0000000Z
quality: 1
---
"""
    )
    item.article.quality = 2
    item.article.updated_date_time = datetime(2023, 6, 1, 8, 0, tzinfo=UTC)
    assert (
        dumps_checked(item)
        == """\
---
webUrl: "https://www.citynews.example/tram-strike"
title: "Tram strike called off"
publishedDateTime: 2023-06-01T06:00:00.0000000Z
updatedDateTime: 2023-06-01T08:00:00.0000000Z
quality: 2
---
"""
    )


def test_set_timestamp_with_another_offset_keeps_the_offset() -> None:
    """A value at ``-07:00`` is not moved to UTC: the offset is part of what was set."""
    item = loads(SHORT)
    item.article.published_date_time = datetime(
        2023, 6, 1, 15, 10, tzinfo=timezone(-timedelta(hours=7))
    )
    assert dumps_checked(item) == SHORT.replace(
        "publishedDateTime: 2023-06-01T22:10:00Z", "publishedDateTime: 2023-06-01T15:10:00-07:00"
    )


def test_set_quoted_timestamp_stays_quoted() -> None:
    """A timestamp the file wrote in double quotes keeps its quotes when its value changes."""
    item = loads(
        """\
---
title: "Tram strike called off"
publishedDateTime: "2023-06-01T06:00:00Z"
webUrl: "https://www.citynews.example/tram-strike"
---
"""
    )
    item.article.published_date_time = datetime(2023, 6, 2, 6, 0, tzinfo=UTC)
    assert (
        dumps_checked(item)
        == """\
---
title: "Tram strike called off"
publishedDateTime: "2023-06-02T06:00:00Z"
webUrl: "https://www.citynews.example/tram-strike"
---
"""
    )


def test_quoted_timestamp_stays_quoted_through_another_edit() -> None:
    """A quoted, unchanged timestamp keeps its exact text when another field changes."""
    item = loads(
        """\
---
title: "Tram strike called off"
publishedDateTime: "2023-06-01T06:00:00.000Z"
webUrl: "https://www.citynews.example/tram-strike"
quality: 1
---
"""
    )
    item.article.quality = 2
    assert (
        dumps_checked(item)
        == """\
---
title: "Tram strike called off"
publishedDateTime: "2023-06-01T06:00:00.000Z"
webUrl: "https://www.citynews.example/tram-strike"
quality: 2
---
"""
    )


# -- related items, nested models ------------------------------------------------------------


def test_append_related_item_in_the_reference_style() -> None:
    """A new related item follows the last: ``  - title:``, four-space continuation, quotes."""
    item = loads(REFERENCE_LIKE)
    assert item.article.related is not None
    item.article.related.append(
        RelatedItem(
            title="Ferry makers report a rise in orders from lake towns",
            excerpt="Three yards say small electric passenger boats are now half their order book.",
            published_date_time=datetime(2023, 5, 1, 9, 0, tzinfo=UTC),
            web_url="https://www.boattrade.example/news/ferry-orders-rise",
            type="article",
            provider=Provider(name="Boat Trade News", domain="boattrade.example"),
            quality=7,
            images=[
                Image(
                    url="https://www.boattrade.example/img/yard.jpg",
                    width=1024,
                    height=768,
                    is_cached=False,
                )
            ],
        )
    )
    assert (
        dumps_checked(item)
        == """\
---
category: news
title: "Lakeside town pilots a solar ferry on its busiest crossing, Lakesideâ€™s first"
excerpt: "The twelve-seat ferry runs on roof panels and a small battery, all year round."
publishedDateTime: 2023-05-04T08:30:00Z
originalUrl: "https://www.lakesidegazette.example/2023/05/solar-ferry-pilot"
webUrl: "https://www.lakesidegazette.example/2023/05/solar-ferry-pilot"
type: article
quality: 15
heat: -1
published: false

provider:
  name: Lakeside Gazette
  domain: lakesidegazette.example

topics:
  - Energy
  - Transport

related:
  - title: "Electric boats: what a decade of pilots has taught the ferry operators"
    excerpt: "From Norway to the Netherlands, battery ferries now carry millions of people a year."
    publishedDateTime: 2023-04-20T12:00:00Z
    webUrl: "https://www.harbourweekly.example/features/electric-boats-decade"
    type: article
    provider:
      name: Harbour Weekly
      domain: harbourweekly.example
    quality: 40
    images:
      - url: "https://img.harbourweekly.example/2023/04/ferry.jpg"
        width: 640
        height: 360
        isCached: true
  - title: "Council budget sets aside funds for a second ferry"
    publishedDateTime: 2023-03-01T17:45:00Z
    webUrl: "https://www.lakesidegazette.example/2023/03/council-budget-ferry"
    type: article
    provider:
      name: Lakeside Gazette
      domain: lakesidegazette.example
    quality: 12
    images:
      - url: "https://www.lakesidegazette.example/img/council.png"
        width: 300
        height: 200
        isCached: false
  - title: "Ferry makers report a rise in orders from lake towns"
    excerpt: "Three yards say small electric passenger boats are now half their order book."
    publishedDateTime: 2023-05-01T09:00:00Z
    webUrl: "https://www.boattrade.example/news/ferry-orders-rise"
    type: article
    provider:
      name: Boat Trade News
      domain: boattrade.example
    quality: 7
    images:
      - url: "https://www.boattrade.example/img/yard.jpg"
        width: 1024
        height: 768
        isCached: false

secured: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=;ICEiIyQlJicoKSorLC0uLw=="
---

"""
    )


def test_append_related_item_in_a_four_space_file() -> None:
    """In a file of ``-   title:`` items at four spaces, a new item takes their shape and quotes."""
    text = """\
---
title: 'Heat-wave forecast beats the grid operator''s'
webUrl: 'https://www.citynews.example/heat-forecast'
related:
-   title: 'Grid operators turn to machine learning'
    webUrl: 'https://www.citynews.example/grid-ml'
    provider:
        name: GridBeat
    images:
    -   url: 'https://www.citynews.example/img/grid.jpg'
        width: 1600
---
"""
    item = loads(text)
    assert item.article.related is not None
    item.article.related.append(
        RelatedItem(
            title="Summer peaks, explained",
            web_url="https://www.citynews.example/summer-peaks",
            provider=Provider(name="City News"),
            images=[Image(url="https://www.citynews.example/img/peaks.jpg", width=800)],
        )
    )
    assert (
        dumps_checked(item)
        == """\
---
title: 'Heat-wave forecast beats the grid operator''s'
webUrl: 'https://www.citynews.example/heat-forecast'
related:
-   title: 'Grid operators turn to machine learning'
    webUrl: 'https://www.citynews.example/grid-ml'
    provider:
        name: GridBeat
    images:
    -   url: 'https://www.citynews.example/img/grid.jpg'
        width: 1600
-   title: 'Summer peaks, explained'
    webUrl: 'https://www.citynews.example/summer-peaks'
    provider:
        name: City News
    images:
    -   url: 'https://www.citynews.example/img/peaks.jpg'
        width: 800
---
"""
    )


def test_remove_related_item() -> None:
    """Removing the first related item removes exactly its lines."""
    item = loads(REFERENCE_LIKE)
    assert item.article.related is not None
    del item.article.related[0]
    assert (
        dumps_checked(item)
        == """\
---
category: news
title: "Lakeside town pilots a solar ferry on its busiest crossing, Lakesideâ€™s first"
excerpt: "The twelve-seat ferry runs on roof panels and a small battery, all year round."
publishedDateTime: 2023-05-04T08:30:00Z
originalUrl: "https://www.lakesidegazette.example/2023/05/solar-ferry-pilot"
webUrl: "https://www.lakesidegazette.example/2023/05/solar-ferry-pilot"
type: article
quality: 15
heat: -1
published: false

provider:
  name: Lakeside Gazette
  domain: lakesidegazette.example

topics:
  - Energy
  - Transport

related:
  - title: "Council budget sets aside funds for a second ferry"
    publishedDateTime: 2023-03-01T17:45:00Z
    webUrl: "https://www.lakesidegazette.example/2023/03/council-budget-ferry"
    type: article
    provider:
      name: Lakeside Gazette
      domain: lakesidegazette.example
    quality: 12
    images:
      - url: "https://www.lakesidegazette.example/img/council.png"
        width: 300
        height: 200
        isCached: false

secured: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=;ICEiIyQlJicoKSorLC0uLw=="
---

"""
    )


def test_change_nested_provider_field() -> None:
    """The article's provider domain changes on its line; the related item's provider does not."""
    item = loads(REFERENCE_LIKE)
    assert item.article.provider is not None
    item.article.provider.domain = "gazette.example"
    expected = REFERENCE_LIKE.replace(
        """\
provider:
  name: Lakeside Gazette
  domain: lakesidegazette.example
""",
        """\
provider:
  name: Lakeside Gazette
  domain: gazette.example
""",
    )
    assert expected.count("domain: gazette.example\n") == 1  # only the top-level provider changed
    assert dumps_checked(item) == expected


def test_change_image_field() -> None:
    """``related[0].images[0].width`` is rewritten on its line; the other ``width`` is untouched."""
    item = loads(REFERENCE_LIKE)
    assert item.article.related is not None
    images = item.article.related[0].images
    assert images is not None
    images[0].width = 1280
    assert (
        dumps_checked(item)
        == """\
---
category: news
title: "Lakeside town pilots a solar ferry on its busiest crossing, Lakesideâ€™s first"
excerpt: "The twelve-seat ferry runs on roof panels and a small battery, all year round."
publishedDateTime: 2023-05-04T08:30:00Z
originalUrl: "https://www.lakesidegazette.example/2023/05/solar-ferry-pilot"
webUrl: "https://www.lakesidegazette.example/2023/05/solar-ferry-pilot"
type: article
quality: 15
heat: -1
published: false

provider:
  name: Lakeside Gazette
  domain: lakesidegazette.example

topics:
  - Energy
  - Transport

related:
  - title: "Electric boats: what a decade of pilots has taught the ferry operators"
    excerpt: "From Norway to the Netherlands, battery ferries now carry millions of people a year."
    publishedDateTime: 2023-04-20T12:00:00Z
    webUrl: "https://www.harbourweekly.example/features/electric-boats-decade"
    type: article
    provider:
      name: Harbour Weekly
      domain: harbourweekly.example
    quality: 40
    images:
      - url: "https://img.harbourweekly.example/2023/04/ferry.jpg"
        width: 1280
        height: 360
        isCached: true
  - title: "Council budget sets aside funds for a second ferry"
    publishedDateTime: 2023-03-01T17:45:00Z
    webUrl: "https://www.lakesidegazette.example/2023/03/council-budget-ferry"
    type: article
    provider:
      name: Lakeside Gazette
      domain: lakesidegazette.example
    quality: 12
    images:
      - url: "https://www.lakesidegazette.example/img/council.png"
        width: 300
        height: 200
        isCached: false

secured: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=;ICEiIyQlJicoKSorLC0uLw=="
---

"""
    )


def test_append_topic() -> None:
    """A topic appended in place is a new ``  - item`` line after the last one."""
    item = loads(REFERENCE_LIKE)
    assert item.article.topics is not None
    item.article.topics.append("Local Government")
    expected = REFERENCE_LIKE.replace("  - Transport\n", "  - Transport\n  - Local Government\n")
    assert dumps_checked(item) == expected


# -- fields the file did not have, and nulls --------------------------------------------------

MINIMAL = """\
---
title: "Harbour ferry timetable changes on Monday"
webUrl: "https://www.citynews.example/2023/06/ferry-timetable"
---
"""


def test_new_excerpt_goes_after_title() -> None:
    """An ``excerpt`` the file lacked goes after ``title``, double-quoted as in the reference."""
    item = loads(MINIMAL)
    item.article.excerpt = "Early boats move fifteen minutes later."
    assert (
        dumps_checked(item)
        == """\
---
title: "Harbour ferry timetable changes on Monday"
excerpt: "Early boats move fifteen minutes later."
webUrl: "https://www.citynews.example/2023/06/ferry-timetable"
---
"""
    )


def test_new_category_goes_first() -> None:
    """A ``category`` the file lacked is the first key, plain."""
    item = loads(MINIMAL)
    item.article.category = "news"
    assert (
        dumps_checked(item)
        == """\
---
category: news
title: "Harbour ferry timetable changes on Monday"
webUrl: "https://www.citynews.example/2023/06/ferry-timetable"
---
"""
    )


def test_new_fields_in_format_order_between_existing_keys() -> None:
    """New ``publishedDateTime`` and ``quality`` land at their places in the format's key order."""
    item = loads(
        """\
---
title: "Harbour ferry timetable changes on Monday"
webUrl: "https://www.citynews.example/2023/06/ferry-timetable"
type: video
published: true
---
"""
    )
    item.article.quality = 5
    item.article.published_date_time = datetime(2023, 6, 3, 7, 0, tzinfo=UTC)
    assert (
        dumps_checked(item)
        == """\
---
title: "Harbour ferry timetable changes on Monday"
publishedDateTime: 2023-06-03T07:00:00Z
webUrl: "https://www.citynews.example/2023/06/ferry-timetable"
type: video
quality: 5
published: true
---
"""
    )


def test_new_excerpt_follows_the_files_single_quotes() -> None:
    """In a file that single-quotes its strings, a new quoted field is single-quoted too."""
    item = loads(
        """\
---
title: 'Harbour ferry timetable changes'
webUrl: 'https://www.citynews.example/2023/06/ferry-timetable'
---
"""
    )
    item.article.excerpt = "The first boat's new time is 6:15."
    assert (
        dumps_checked(item)
        == """\
---
title: 'Harbour ferry timetable changes'
excerpt: 'The first boat''s new time is 6:15.'
webUrl: 'https://www.citynews.example/2023/06/ferry-timetable'
---
"""
    )


def test_new_provider_mapping_in_a_file_without_blank_lines() -> None:
    """A new ``provider`` is a two-space block mapping between ``published`` and ``topics``."""
    item = loads(
        """\
---
title: "Harbour ferry timetable changes on Monday"
webUrl: "https://www.citynews.example/2023/06/ferry-timetable"
published: true
topics:
  - Transport
---
"""
    )
    item.article.provider = Provider(name="City News", domain="citynews.example")
    assert (
        dumps_checked(item)
        == """\
---
title: "Harbour ferry timetable changes on Monday"
webUrl: "https://www.citynews.example/2023/06/ferry-timetable"
published: true
provider:
  name: City News
  domain: citynews.example
topics:
  - Transport
---
"""
    )


def test_set_optional_field_to_none_writes_null_in_place() -> None:
    """An optional field set to None becomes ``null`` on its own line, the key kept."""
    item = loads(SHORT)
    item.article.published_date_time = None
    item.article.quality = None
    assert (
        dumps_checked(item)
        == """\
---
category: news
title: "Night buses return to the old town"
publishedDateTime: null
webUrl: "https://www.citynews.example/2023/06/night-buses"
type: article
quality: null
heat: -1
published: false
---

"""
    )


def test_nested_field_set_to_none() -> None:
    """A provider's ``domain`` set to None is ``null`` in place, nested indentation unchanged."""
    item = loads(REFERENCE_LIKE)
    assert item.article.provider is not None
    item.article.provider.domain = None
    expected = REFERENCE_LIKE.replace(
        "provider:\n  name: Lakeside Gazette\n  domain: lakesidegazette.example\n",
        "provider:\n  name: Lakeside Gazette\n  domain: null\n",
    )
    assert dumps_checked(item) == expected


# -- unknown keys, body, line endings, BOM ---------------------------------------------------

WITH_UNKNOWN_KEYS = """\
---
title: "Bridge repairs finish early"
wireDesk: europe   # the pipeline's desk
webUrl: "https://www.citynews.example/bridge-repairs"
related:
  - title: "Bridge closure: the detours"
    sourceId: 88
    webUrl: "https://www.citynews.example/bridge-detours"
quality: 4
---
"""


def test_unknown_keys_are_readable_and_kept_in_place_through_an_edit() -> None:
    """Undeclared keys are in ``model_extra`` and stay where they were, comments and all."""
    item = loads(WITH_UNKNOWN_KEYS)
    assert item.article.model_extra == {"wireDesk": "europe"}
    assert item.article.related is not None
    assert item.article.related[0].model_extra == {"sourceId": 88}
    item.article.title = "Bridge repairs finish two weeks early"
    item.article.quality = 5
    assert (
        dumps_checked(item)
        == """\
---
title: "Bridge repairs finish two weeks early"
wireDesk: europe   # the pipeline's desk
webUrl: "https://www.citynews.example/bridge-repairs"
related:
  - title: "Bridge closure: the detours"
    sourceId: 88
    webUrl: "https://www.citynews.example/bridge-detours"
quality: 5
---
"""
    )


def test_unknown_keys_after_the_declared_ones_are_kept_through_an_edit() -> None:
    """Unknown keys that end their mappings are readable and stay, comments and all, on an edit."""
    item = loads(
        """\
---
title: "Bridge repairs finish early"
webUrl: "https://www.citynews.example/bridge-repairs"
related:
  - title: "Bridge closure: the detours"
    webUrl: "https://www.citynews.example/bridge-detours"
    sourceId: 88
wireDesk: europe   # the pipeline's desk
---
"""
    )
    assert item.article.model_extra == {"wireDesk": "europe"}
    assert item.article.related is not None
    assert item.article.related[0].model_extra == {"sourceId": 88}
    item.article.title = "Bridge repairs finish two weeks early"
    item.article.related[0].title = "Bridge closure: the detours, mapped"
    assert (
        dumps_checked(item)
        == """\
---
title: "Bridge repairs finish two weeks early"
webUrl: "https://www.citynews.example/bridge-repairs"
related:
  - title: "Bridge closure: the detours, mapped"
    webUrl: "https://www.citynews.example/bridge-detours"
    sourceId: 88
wireDesk: europe   # the pipeline's desk
---
"""
    )


def test_unknown_list_and_mapping_edited_in_place_are_written() -> None:
    """Changing an unknown key's list or mapping in place (no assignment) is not lost."""
    text = """\
---
title: "Bridge repairs finish early"
webUrl: "https://www.citynews.example/bridge-repairs"
desks: [europe, asia]
routing: {priority: 1}
---
"""
    item = loads(text)
    assert item.article.model_extra is not None
    item.article.model_extra["desks"][0] = "africa"
    item.article.model_extra["routing"]["priority"] = 5
    assert (
        dumps_checked(item)
        == """\
---
title: "Bridge repairs finish early"
webUrl: "https://www.citynews.example/bridge-repairs"
desks: [africa, asia]
routing: {priority: 5}
---
"""
    )


def test_unknown_key_changed_by_attribute_and_removed_from_model_extra() -> None:
    """An unknown key set as an attribute is rewritten in place; a deleted one goes."""
    text = """\
---
title: "Bridge repairs finish early"
webUrl: "https://www.citynews.example/bridge-repairs"
wireDesk: europe
pipelineRun: 41
---
"""
    item = loads(text)
    item.article.wireDesk = "asia"
    assert item.article.model_extra is not None
    del item.article.model_extra["pipelineRun"]
    assert (
        dumps_checked(item)
        == """\
---
title: "Bridge repairs finish early"
webUrl: "https://www.citynews.example/bridge-repairs"
wireDesk: asia
---
"""
    )


def test_body_replaced() -> None:
    """A new body replaces everything after the closing fence and nothing before it."""
    item = loads(SHORT)
    assert item.body == "\n"
    item.body = "# Night buses\n\nRoutes N1 to N6 run from Friday.\n"
    assert (
        dumps_checked(item)
        == """\
---
category: news
title: "Night buses return to the old town"
publishedDateTime: 2023-06-01T22:10:00Z
webUrl: "https://www.citynews.example/2023/06/night-buses"
type: article
quality: 3
heat: -1
published: false
---
# Night buses

Routes N1 to N6 run from Friday.
"""
    )


def test_crlf_file_edited_new_lines_are_crlf() -> None:
    """In a CRLF file, changed and new lines end in CRLF like the rest."""
    lf_before = """\
---
title: "Council votes on the harbour plan"
publishedDateTime: 2023-07-01T10:00:00.0000000Z
webUrl: "https://www.citynews.example/harbour-plan"
quality: 9
topics:
  - Planning
---
"""
    lf_after = """\
---
title: "Council votes on the harbour plan"
excerpt: "The vote is set for Thursday evening."
publishedDateTime: 2023-07-01T10:00:00.0000000Z
webUrl: "https://www.citynews.example/harbour-plan"
quality: 10
topics:
  - Planning
  - Harbour
---
"""
    item = loads(lf_before.replace("\n", "\r\n"))
    item.article.excerpt = "The vote is set for Thursday evening."
    item.article.quality = 10
    assert item.article.topics is not None
    item.article.topics.append("Harbour")
    out = dumps_checked(item)
    assert "\n" not in out.replace("\r\n", "")
    assert out == lf_after.replace("\n", "\r\n")


def test_bom_kept_through_an_edit() -> None:
    """A byte-order mark stays at the start of the text after an edit."""
    item = loads(
        '\ufeff---\ntitle: "Bridge repairs"\nwebUrl: "https://www.citynews.example/b"\n---\n'
    )
    item.article.title = "Bridge repairs end"
    assert (
        dumps_checked(item)
        == '\ufeff---\ntitle: "Bridge repairs end"\nwebUrl: "https://www.citynews.example/b"\n---\n'
    )


def test_setting_a_value_back_restores_the_original_text() -> None:
    """A field changed then set back to its loaded value leaves the text byte for byte."""
    item = loads(REFERENCE_LIKE)
    item.article.quality = 99
    item.article.quality = 15
    assert dumps(item) == REFERENCE_LIKE


# -- unchanged files ----------------------------------------------------------------------------

UNCHANGED = {
    "reference-like": REFERENCE_LIKE,
    "crlf": (
        "---\r\n"
        'title: "Council votes on the harbour plan"\r\n'
        "publishedDateTime: 2023-07-01T10:00:00.0000000Z\r\n"
        'webUrl: "https://www.citynews.example/harbour-plan"\r\n'
        "topics:\r\n"
        "  - Planning\r\n"
        "---\r\n"
        "\r\n"
    ),
    "bom-and-comments": """\ufeff---
# from the partner feed
category: news   # always news
title: "Bridge repairs finish early"


webUrl: "https://www.citynews.example/bridge-repairs"
topics:
  # most specific first
  - Infrastructure
# end
---
A body line.
""",
    "four-spaces-single-quotes": """\
---
title: 'It''s the harbour''s week'
publishedDateTime: 2023-06-21T14:30:00-07:00
webUrl: 'https://www.citynews.example/harbour-week'
provider:
    name: City News
topics:
- Harbour
related:
-   title: 'The week in pictures'
    webUrl: 'https://www.citynews.example/pictures'
---
""",
    "flow-lists-and-nulls": """\
---
title: "Open data portal launches"
updatedDateTime: ~
originalUrl: null
path:
webUrl: "https://www.citynews.example/open-data"
tags: [open-data, city]
provider: {name: City News, domain: citynews.example}
topics: [Open Data, Government]
---
""",
    "block-scalars": """\
---
title: >-
  A folded title
  over two lines
excerpt: |
  A literal excerpt.
  Second line.
webUrl: "https://www.citynews.example/blocks"
---
Body.
""",
    "quoted-timestamps-no-final-newline": """\
---
title: "Quoted times"
publishedDateTime: "2023-06-01T06:00:00.000Z"
updatedDateTime: '2023-06-01T07:00:00+02:00'
webUrl: "https://www.citynews.example/quoted"
---
---
a rule above, and no newline at the end""",
}


@pytest.mark.parametrize("text", UNCHANGED.values(), ids=UNCHANGED.keys())
def test_unchanged_item_dumps_byte_for_byte(text: str) -> None:
    """An item loaded and dumped without a change is exactly its input."""
    assert dumps(loads(text)) == text


# -- new items ------------------------------------------------------------------------------


def test_new_item_dumps_in_the_reference_style() -> None:
    """An item built in code is written in the reference's key order and style, in any order."""
    article = Article(
        secured="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=;ICEiIyQlJicoKSorLC0uLw==",
        related=[
            RelatedItem(
                web_url="https://www.harbourweekly.example/features/electric-boats-decade",
                title="Electric boats: what a decade of pilots has taught the ferry operators",
                quality=40,
                provider=Provider(domain="harbourweekly.example", name="Harbour Weekly"),
                type="article",
                published_date_time=datetime(2023, 4, 20, 12, 0, tzinfo=UTC),
                excerpt="From Norway to the Netherlands, battery ferries now carry millions.",
                amp_web_url="https://www.harbourweekly.example/amp/electric-boats-decade",
                cdn_amp_web_url="https://www-harbourweekly-example.cdn.ampproject.org/c/s/www.harbourweekly.example/amp/electric-boats-decade",
                images=[
                    Image(
                        is_cached=True,
                        url="https://img.harbourweekly.example/2023/04/ferry.jpg",
                        height=360,
                        width=640,
                    )
                ],
            ),
            RelatedItem(
                title="Council budget sets aside funds for a second ferry",
                web_url="https://www.lakesidegazette.example/2023/03/council-budget-ferry",
            ),
        ],
        topics=["Energy", "Transport"],
        provider=Provider(name="Lakeside Gazette", domain="lakesidegazette.example"),
        published=False,
        heat=-1,
        quality=15,
        type="article",
        web_url="https://www.lakesidegazette.example/2023/05/solar-ferry-pilot",
        original_url="https://www.lakesidegazette.example/2023/05/solar-ferry-pilot",
        published_date_time=datetime(2023, 5, 4, 8, 30, tzinfo=UTC),
        excerpt="The twelve-seat ferry runs on roof panels and a small battery.",
        title="Lakeside town pilots a solar ferry, Lakesideâ€™s first",
        category="news",
    )
    item = NewsItem(article)
    assert item.body == "\n"
    assert (
        dumps_checked(item)
        == """\
---
category: news
title: "Lakeside town pilots a solar ferry, Lakesideâ€™s first"
excerpt: "The twelve-seat ferry runs on roof panels and a small battery."
publishedDateTime: 2023-05-04T08:30:00Z
originalUrl: "https://www.lakesidegazette.example/2023/05/solar-ferry-pilot"
webUrl: "https://www.lakesidegazette.example/2023/05/solar-ferry-pilot"
type: article
quality: 15
heat: -1
published: false

provider:
  name: Lakeside Gazette
  domain: lakesidegazette.example

topics:
  - Energy
  - Transport

related:
  - title: "Electric boats: what a decade of pilots has taught the ferry operators"
    excerpt: "From Norway to the Netherlands, battery ferries now carry millions."
    publishedDateTime: 2023-04-20T12:00:00Z
    webUrl: "https://www.harbourweekly.example/features/electric-boats-decade"
    ampWebUrl: "https://www.harbourweekly.example/amp/electric-boats-decade"
    cdnAmpWebUrl: "https://www-harbourweekly-example.cdn.ampproject.org/c/s/www.harbourweekly.example/amp/electric-boats-decade"
    type: article
    provider:
      name: Harbour Weekly
      domain: harbourweekly.example
    quality: 40
    images:
      - url: "https://img.harbourweekly.example/2023/04/ferry.jpg"
        width: 640
        height: 360
        isCached: true
  - title: "Council budget sets aside funds for a second ferry"
    webUrl: "https://www.lakesidegazette.example/2023/03/council-budget-ferry"

secured: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=;ICEiIyQlJicoKSorLC0uLw=="
---

"""
    )


def test_minimal_new_item() -> None:
    """The two required keys, double-quoted, then the closing fence and an empty line."""
    item = NewsItem(Article(title="Short", web_url="https://www.citynews.example/short"))
    assert (
        dumps(item) == '---\ntitle: "Short"\nwebUrl: "https://www.citynews.example/short"\n---\n\n'
    )


def test_new_item_built_by_file_keys_and_with_a_body() -> None:
    """Models built by camelCase keys dump the same, and a given body follows the fence."""
    article = Article.model_validate(
        {"webUrl": "https://www.citynews.example/k", "title": "Keys", "heat": 2}
    )
    item = NewsItem(article, "Body text.\n")
    assert dumps(item) == (
        '---\ntitle: "Keys"\nwebUrl: "https://www.citynews.example/k"\nheat: 2\n---\nBody text.\n'
    )


def test_new_item_with_invalid_list_content_fails_when_added() -> None:
    """A new item's list refuses an invalid value as it is appended, and keeps its entries."""
    item = NewsItem(Article(title="T", web_url="https://www.citynews.example/t", topics=["A"]))
    with pytest.raises(ValidationError) as info:
        item.article.topics.append(5)  # type: ignore[arg-type]  # the mistake under test
    assert [(i.field, i.code) for i in info.value.issues] == [("topics[1]", "wrong-type")]
    assert item.article.topics == ["A"]


# -- strict, subclasses -------------------------------------------------------------------------

STRICT_TEXT = """\
---
title: "Strict mode"
webUrl: "https://www.citynews.example/strict"
wireDesk: europe
related:
  - title: "Nested"
    webUrl: "https://www.citynews.example/nested"
    sourceId: 88
---
"""


def test_strict_reports_unknown_keys() -> None:
    """``strict=True`` lists every undeclared key, at any depth, as ``unknown-field``."""
    with pytest.raises(ValidationError) as info:
        loads(STRICT_TEXT, strict=True)
    assert [(i.field, i.code, i.line, i.column) for i in info.value.issues] == [
        ("wireDesk", "unknown-field", 4, 11),
        ("related[0].sourceId", "unknown-field", 8, 15),
    ]


def test_default_keeps_unknown_keys() -> None:
    """Without ``strict`` the same file loads, its unknown keys kept in ``model_extra``."""
    item = loads(STRICT_TEXT)
    assert item.article.model_extra == {"wireDesk": "europe"}
    assert item.article.related is not None
    assert item.article.related[0].model_extra == {"sourceId": 88}
    assert dumps(item) == STRICT_TEXT


class WireArticle(Article):
    """A pipeline's own article: two keys of its own."""

    wire_desk: str | None = None
    pipeline_id: int | None = None


def test_model_subclass_loads_and_dumps_its_own_fields() -> None:
    """``model=WireArticle`` gives a ``WireArticle`` whose own camelCase keys load and dump."""
    item = loads(
        """\
---
title: "Pipeline keys"
webUrl: "https://www.citynews.example/pipeline"
wireDesk: europe
---
""",
        model=WireArticle,
    )
    assert type(item.article) is WireArticle
    assert item.article.wire_desk == "europe"
    assert item.article.pipeline_id is None
    assert item.article.model_extra == {}
    item.article.wire_desk = "asia"
    item.article.pipeline_id = 7
    assert (
        dumps_checked(item)
        == """\
---
title: "Pipeline keys"
webUrl: "https://www.citynews.example/pipeline"
wireDesk: asia
pipelineId: 7
---
"""
    )


def test_model_subclass_edit_with_its_key_before_article_keys() -> None:
    """A subclass key written before ``related`` stays there when the item is edited."""
    item = loads(STRICT_TEXT, model=WireArticle)
    item.article.pipeline_id = 7
    assert (
        dumps_checked(item)
        == """\
---
title: "Strict mode"
webUrl: "https://www.citynews.example/strict"
wireDesk: europe
pipelineId: 7
related:
  - title: "Nested"
    webUrl: "https://www.citynews.example/nested"
    sourceId: 88
---
"""
    )


def test_model_subclass_with_strict_reports_only_undeclared_keys() -> None:
    """With the subclass declaring ``wireDesk``, strict reports only the nested ``sourceId``."""
    with pytest.raises(ValidationError) as info:
        loads(STRICT_TEXT, model=WireArticle, strict=True)
    assert [(i.field, i.code, i.line, i.column) for i in info.value.issues] == [
        ("related[0].sourceId", "unknown-field", 8, 15),
    ]


def test_model_subclass_assignment_error_names_the_file_key() -> None:
    """A bad value for a subclass's own field is reported under its camelCase key."""
    item = loads(STRICT_TEXT, model=WireArticle)
    with pytest.raises(ValidationError) as info:
        item.article.pipeline_id = "seven"  # type: ignore[assignment]  # the mistake under test
    assert [(i.field, i.code) for i in info.value.issues] == [("pipelineId", "wrong-type")]


# -- invalid files ------------------------------------------------------------------------------

SEVERAL_INVALID = """\
---
title: "Several values are wrong"
publishedDateTime: "last Tuesday"
webUrl: "https://www.citynews.example/news/several-wrong"
quality: lots
published: yes
related:
  - title: "A fine related item"
    webUrl: "https://www.citynews.example/news/fine"
  - title: "A related item with a relative URL"
    webUrl: "/news/relative"
    images:
      - url: "https://www.citynews.example/img/a.jpg"
        width: wide
  - title: "A related item without a URL"
---
"""

# Each issue: field, code, line, column (counted by hand: the fence is line 1).
SEVERAL_INVALID_ISSUES = [
    ("publishedDateTime", "invalid-value", 3, 20),
    ("quality", "wrong-type", 5, 10),
    ("published", "wrong-type", 6, 12),
    ("related[1].webUrl", "invalid-value", 11, 13),
    ("related[1].images[0].width", "wrong-type", 14, 16),
    ("related[2].webUrl", "missing-field", 15, 5),
]

SEVERAL_INVALID_MESSAGES = [
    "expected an ISO 8601 date-time with a time zone, such as 2021-09-27T18:46:00Z, "
    "got a string 'last Tuesday'",
    "expected an integer, got a string 'lots'",
    "expected a boolean (true or false), got a string 'yes'",
    "expected an absolute http or https URL with a host, got a string '/news/relative'",
    "expected an integer, got a string 'wide'",
    "required field is missing",
]


def test_several_invalid_values_raise_one_error_listing_them_all() -> None:
    """One ValidationError lists every invalid value with its field path, code, line and column."""
    with pytest.raises(ValidationError) as info:
        loads(SEVERAL_INVALID)
    error = info.value
    assert isinstance(error, NewsItemError)
    assert error.code == "invalid-item"
    assert [(i.field, i.code, i.line, i.column) for i in error.issues] == SEVERAL_INVALID_ISSUES
    assert [i.message for i in error.issues] == SEVERAL_INVALID_MESSAGES
    assert (error.line, error.column) == (3, 20)  # the first issue
    assert error.path is None


def test_validation_error_str_has_one_line_per_issue() -> None:
    """``str(error)`` is ``path:line:column: field: message``, one line per issue."""
    with pytest.raises(ValidationError) as info:
        loads(SEVERAL_INVALID)
    assert str(info.value) == (
        "<string>:3:20: publishedDateTime: expected an ISO 8601 date-time with a time zone, "
        "such as 2021-09-27T18:46:00Z, got a string 'last Tuesday'\n"
        "<string>:5:10: quality: expected an integer, got a string 'lots'\n"
        "<string>:6:12: published: expected a boolean (true or false), got a string 'yes'\n"
        "<string>:11:13: related[1].webUrl: expected an absolute http or https URL with a host, "
        "got a string '/news/relative'\n"
        "<string>:14:16: related[1].images[0].width: expected an integer, got a string 'wide'\n"
        "<string>:15:5: related[2].webUrl: required field is missing"
    )


def test_validation_error_is_caused_by_pydantics_error() -> None:
    """pydantic's exception is the cause of the error raised, never the error itself."""
    with pytest.raises(ValidationError) as info:
        loads(SEVERAL_INVALID)
    assert not isinstance(info.value, pydantic.ValidationError)
    assert isinstance(info.value.__cause__, pydantic.ValidationError)


def test_load_path_puts_the_path_in_the_error(tmp_path: Path) -> None:
    """``load(path)`` names the file in the error and in every line of its text."""
    path = tmp_path / "several.md"
    path.write_bytes(SEVERAL_INVALID.encode("utf-8"))
    with pytest.raises(ValidationError) as info:
        load(path)
    error = info.value
    assert error.path == str(path)
    assert [(i.field, i.code, i.line, i.column) for i in error.issues] == SEVERAL_INVALID_ISSUES
    lines = str(error).split("\n")
    assert lines[0] == (
        f"{path}:3:20: publishedDateTime: expected an ISO 8601 date-time with a time zone, "
        "such as 2021-09-27T18:46:00Z, got a string 'last Tuesday'"
    )
    assert lines[5] == f"{path}:15:5: related[2].webUrl: required field is missing"


def test_missing_required_field_points_at_the_front_matter() -> None:
    """A missing top-level key is reported at the first key of the front matter (2:1)."""
    with pytest.raises(ValidationError) as info:
        loads('---\ncategory: news\ntitle: "No URL"\n---\n')
    assert [(i.field, i.code, i.line, i.column) for i in info.value.issues] == [
        ("webUrl", "missing-field", 2, 1)
    ]


def test_position_counts_from_the_fence_in_a_bom_crlf_file() -> None:
    """In a BOM + CRLF file the line counts the fence, and neither the BOM nor CR is a column."""
    text = (
        '\ufeff---\r\ntitle: "T"\r\nwebUrl: "https://www.citynews.example/t"\r\n'
        "heat: hot\r\n---\r\n"
    )
    with pytest.raises(ValidationError) as info:
        loads(text)
    assert [(i.field, i.code, i.line, i.column) for i in info.value.issues] == [
        ("heat", "wrong-type", 4, 7)
    ]


# -- editing errors -----------------------------------------------------------------------------


def test_invalid_assignment_raises_at_once() -> None:
    """``article.quality = "lots"`` raises our ValidationError immediately and leaves the value."""
    item = loads(SHORT)
    with pytest.raises(ValidationError) as info:
        item.article.quality = "lots"  # type: ignore[assignment]  # the mistake under test
    error = info.value
    assert isinstance(error, NewsItemError)
    assert isinstance(error.__cause__, pydantic.ValidationError)
    assert [(i.field, i.code) for i in error.issues] == [("quality", "wrong-type")]
    assert error.issues[0].message == "expected an integer, got a string 'lots'"
    assert item.article.quality == 3
    assert dumps(item) == SHORT


def test_invalid_nested_assignment_raises_at_once() -> None:
    """A bad value assigned to a nested model (an image width) raises our ValidationError too."""
    item = loads(REFERENCE_LIKE)
    assert item.article.related is not None
    images = item.article.related[0].images
    assert images is not None
    with pytest.raises(ValidationError) as info:
        images[0].width = "wide"  # type: ignore[assignment]  # the mistake under test
    assert [i.code for i in info.value.issues] == ["wrong-type"]
    assert dumps(item) == REFERENCE_LIKE


def test_invalid_value_appended_in_place_is_refused_at_once(tmp_path: Path) -> None:
    """``topics.append(5)`` raises our error, naming the file; the item and file stay as read."""
    path = tmp_path / "item.md"
    path.write_bytes(REFERENCE_LIKE.encode("utf-8"))
    item = load(path)
    with pytest.raises(ValidationError) as info:
        item.article.topics.append(5)  # type: ignore[arg-type]  # the mistake under test
    assert [(i.field, i.code) for i in info.value.issues] == [("topics[2]", "wrong-type")]
    assert info.value.issues[0].message == "expected a string, got an integer 5"
    assert info.value.path == str(path)
    assert isinstance(info.value.__cause__, pydantic.ValidationError)
    dump(item, path)
    assert path.read_bytes() == REFERENCE_LIKE.encode("utf-8")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda topics: topics.extend(["fine", 5]),
        lambda topics: topics.insert(0, 5),
        lambda topics: topics.__setitem__(0, 5),
        lambda topics: topics.__setitem__(slice(0, 1), [5]),
        lambda topics: topics.__iadd__([5]),
    ],
)
def test_every_way_of_adding_to_a_list_validates(mutate: Any) -> None:
    """extend, insert, item and slice assignment and += validate like append; nothing is added."""
    item = loads(REFERENCE_LIKE)
    before = list(item.article.topics)
    with pytest.raises(ValidationError) as info:
        mutate(item.article.topics)
    assert [i.code for i in info.value.issues] == ["wrong-type"]
    assert info.value.issues[0].field.startswith("topics[")
    assert item.article.topics == before
    assert dumps(item) == REFERENCE_LIKE


def test_invalid_nested_value_appended_in_place_names_its_path() -> None:
    """A string appended to a related item's images is refused at ``related[1].images[1]``."""
    item = loads(REFERENCE_LIKE)
    images = item.article.related[1].images
    with pytest.raises(ValidationError) as info:
        images.append("https://www.citynews.example/not-a-mapping.jpg")  # type: ignore[arg-type]
    assert [(i.field, i.code) for i in info.value.issues] == [
        ("related[1].images[1]", "wrong-type")
    ]
    assert dumps(item) == REFERENCE_LIKE  # the refused value left nothing behind


def test_invalid_related_item_appended_in_place_is_caught_at_dump() -> None:
    """A related item built without validation (``model_construct``) is refused at dump."""
    item = loads(REFERENCE_LIKE)
    assert item.article.related is not None
    item.article.related.append(RelatedItem.model_construct(title="No URL", web_url="/relative"))
    with pytest.raises(ValidationError) as info:
        dumps(item)
    assert [(i.field, i.code) for i in info.value.issues] == [
        ("related[2].webUrl", "invalid-value")
    ]


# -- files --------------------------------------------------------------------------------------

SHORT_QUALITY_4 = """\
---
category: news
title: "Night buses return to the old town"
publishedDateTime: 2023-06-01T22:10:00Z
webUrl: "https://www.citynews.example/2023/06/night-buses"
type: article
quality: 4
heat: -1
published: false
---

"""

SHORT_QUALITY_5_PUBLISHED = """\
---
category: news
title: "Night buses return to the old town"
publishedDateTime: 2023-06-01T22:10:00Z
webUrl: "https://www.citynews.example/2023/06/night-buses"
type: article
quality: 5
heat: -1
published: true
---

"""


def test_dump_then_load_round_trips(tmp_path: Path) -> None:
    """An edited item dumped to a new path loads back with the same values and text."""
    item = loads(SHORT)
    item.article.quality = 4
    path = tmp_path / "out.md"
    dump(item, path)
    assert path.read_bytes() == SHORT_QUALITY_4.encode("utf-8")
    again = load(path)
    assert again.article == item.article
    assert again.path == str(path)
    assert dumps(again) == SHORT_QUALITY_4


def test_new_item_dumped_to_a_path_loads_back(tmp_path: Path) -> None:
    """A new item written to a path is the reference-style text and loads back equal."""
    item = NewsItem(Article(title="Short", web_url="https://www.citynews.example/short"))
    path = tmp_path / "new.md"
    dump(item, path)
    assert (
        path.read_bytes()
        == b'---\ntitle: "Short"\nwebUrl: "https://www.citynews.example/short"\n---\n\n'
    )
    assert load(path).article == item.article


def test_dump_crlf_bom_file_keeps_its_bytes(tmp_path: Path) -> None:
    """A BOM + CRLF file edited and dumped to its own path keeps both in the bytes on disk."""
    path = tmp_path / "crlf.md"
    path.write_bytes(
        b'\xef\xbb\xbf---\r\ntitle: "Old"\r\nwebUrl: "https://www.citynews.example/c"\r\n---\r\n'
    )
    item = load(path)
    item.article.title = "New"
    dump(item, path)
    assert path.read_bytes() == (
        b'\xef\xbb\xbf---\r\ntitle: "New"\r\nwebUrl: "https://www.citynews.example/c"\r\n---\r\n'
    )


def test_dump_twice_to_its_own_path(tmp_path: Path) -> None:
    """The second dump to the source path sees the first as its base, not as a conflict."""
    path = tmp_path / "item.md"
    path.write_bytes(SHORT.encode("utf-8"))
    item = load(path)
    item.article.quality = 4
    dump(item, path)
    assert path.read_bytes() == SHORT_QUALITY_4.encode("utf-8")
    item.article.quality = 5
    item.article.published = True
    dump(item, path)
    assert path.read_bytes() == SHORT_QUALITY_5_PUBLISHED.encode("utf-8")
    assert dumps(load(path)) == SHORT_QUALITY_5_PUBLISHED


OTHER_WRITER = """\
---
title: "Another writer's version"
webUrl: "https://www.citynews.example/2023/06/night-buses"
---
"""


def test_dump_to_a_changed_source_raises_conflict_and_leaves_the_file(tmp_path: Path) -> None:
    """If the file changed on disk since load, dump raises ConflictError and writes nothing."""
    path = tmp_path / "item.md"
    path.write_bytes(SHORT.encode("utf-8"))
    item = load(path)
    path.write_bytes(OTHER_WRITER.encode("utf-8"))
    item.article.quality = 4
    with pytest.raises(ConflictError) as info:
        dump(item, path)
    assert isinstance(info.value, NewsItemError)
    assert info.value.code == "file-changed"
    assert info.value.path == str(path)
    assert path.read_bytes() == OTHER_WRITER.encode("utf-8")


def test_unchanged_item_to_a_changed_source_raises_conflict(tmp_path: Path) -> None:
    """Even an unedited item refuses to replace a file another writer changed."""
    path = tmp_path / "item.md"
    path.write_bytes(SHORT.encode("utf-8"))
    item = load(path)
    path.write_bytes(OTHER_WRITER.encode("utf-8"))
    with pytest.raises(ConflictError):
        dump(item, path)
    assert path.read_bytes() == OTHER_WRITER.encode("utf-8")


def test_overwrite_replaces_a_changed_source(tmp_path: Path) -> None:
    """``overwrite=True`` writes the item (its base plus its edits) over the other writer's file."""
    path = tmp_path / "item.md"
    path.write_bytes(SHORT.encode("utf-8"))
    item = load(path)
    path.write_bytes(OTHER_WRITER.encode("utf-8"))
    item.article.quality = 4
    dump(item, path, overwrite=True)
    assert path.read_bytes() == SHORT_QUALITY_4.encode("utf-8")
