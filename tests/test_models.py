"""The models: keys and aliases, strict types, exact URLs, timestamps, secured."""

from __future__ import annotations

import base64
from datetime import date, datetime, timedelta, timezone
from typing import Any, cast

import pydantic
import pytest

from newsitem import errors
from newsitem.models import (
    Article,
    Image,
    NewsModel,
    Provider,
    RelatedItem,
    SecuredParts,
    field_keys,
)

UTC = timezone.utc

# `secured` of shared/format/000_997734302f4bacca.txt, copied by hand.
REFERENCE_SECURED = (
    "uNbqWiRPZ9g8iSxsRJ5tXne5VUEBl5a+9hAaAjv0AVnBhgdTedD48LiZeISfEFxW+0fcrQXIy//ISsGw6/Abum"
    "EmDNkpIdlh/uwVeEqI9Ozhhn5Qjhr36ZXfbIFq86fuTtByk56pHlNAxiEiLba6s4Uafs9OYg1J+09PEAX5uaFp"
    "ahZvieKZwOwm+P6hgVngY1zbbbZD4dF7pHdtyvEXWdFg4ZEBhn0j4sjweqLW+ztXx9F7JQMIJQnhroNmfkKFR0"
    "Bq2y6/YPBY8rCDvmzDr7LI02JLntfGFs6rc8F881/XyYwD7iX6AINFOcUmXPa65829qxfzrLZLCsNhBUDHls76"
    "6/bLxgnjzsxdW15eLxELUJkqoynHofIYAjEaiL+LMUxiM+UZR39Kqs6tcLNJKiJn8MIjLs/3ZRmn9yGA4TQySl"
    "1zgoDKY4Gw7Iqh4PdKEzUFUc5nPmz+kd0sEtcQXFRLl+hTBC9bxQkQrghHuVHfIFhk9IlezuLvRUW/a0Khe68D"
    "oi9Ji1pyYvi3ON3ePg==;3352nqLe1lVY/Zak5Ef50w=="
)

# The minimum each model needs, by file key.
REQUIRED: dict[type[NewsModel], dict[str, object]] = {
    Article: {"title": "T", "webUrl": "https://example.com/a"},
    RelatedItem: {"title": "T", "webUrl": "https://example.com/a"},
    Provider: {"name": "P"},
    Image: {"url": "https://example.com/i.jpg"},
}


def build(model: type[NewsModel], **keys: object) -> Any:
    """Validate the model's required keys plus ``keys`` (file keys)."""
    return model.model_validate({**REQUIRED[model], **keys})


def plain(value: object) -> object:
    """Models back to mappings of file keys, so they compare with the input."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(by_alias=True, exclude_unset=True)
    if isinstance(value, list):
        return [plain(item) for item in cast("list[object]", value)]
    return value


def test_field_keys_follow_the_reference_file_order() -> None:
    """field_keys gives the reference file's key order, then FORMAT.md's other keys."""
    assert field_keys(Article) == (
        "category",
        "title",
        "excerpt",
        "publishedDateTime",
        "originalUrl",
        "webUrl",
        "type",
        "quality",
        "heat",
        "published",
        "provider",
        "topics",
        "related",
        "secured",
        "updatedDateTime",
        "tags",
        "locale",
        "categories",
        "path",
    )
    assert field_keys(RelatedItem) == (
        "title",
        "excerpt",
        "publishedDateTime",
        "webUrl",
        "ampWebUrl",
        "cdnAmpWebUrl",
        "type",
        "provider",
        "quality",
        "images",
    )
    assert field_keys(Provider) == ("name", "domain", "images")
    assert field_keys(Image) == ("url", "width", "height", "isCached", "title", "attribution")


ALIASES = [
    (Article, "published_date_time", "publishedDateTime"),
    (Article, "original_url", "originalUrl"),
    (Article, "web_url", "webUrl"),
    (Article, "updated_date_time", "updatedDateTime"),
    (Article, "category", "category"),
    (Article, "secured", "secured"),
    (RelatedItem, "published_date_time", "publishedDateTime"),
    (RelatedItem, "web_url", "webUrl"),
    (RelatedItem, "amp_web_url", "ampWebUrl"),
    (RelatedItem, "cdn_amp_web_url", "cdnAmpWebUrl"),
    (Provider, "name", "name"),
    (Image, "is_cached", "isCached"),
]


@pytest.mark.parametrize(("model", "attribute", "key"), ALIASES)
def test_attribute_has_the_file_key_as_alias(
    model: type[NewsModel], attribute: str, key: str
) -> None:
    """Each snake_case attribute is read from its camelCase file key."""
    assert model.model_fields[attribute].alias == key


# A well-formed secured value: 16 bytes of ciphertext, a 16-byte IV.
SECURED = "AAECAwQFBgcICQoLDA0ODw==;EBESExQVFhcYGRobHB0eHw=="


def cause(error: errors.ValidationError) -> pydantic.ValidationError:
    """pydantic's error, chained under ours."""
    assert isinstance(error.__cause__, pydantic.ValidationError)
    return error.__cause__


# (model, file key, attribute, a valid value, a value of the wrong type)
WHEN = datetime(2021, 9, 27, 18, 46, tzinfo=UTC)
URL = "https://example.com/x"
TYPES = [
    (Article, "category", "category", "news", 1),
    (Article, "title", "title", "T", 1),
    (Article, "excerpt", "excerpt", "E", ["E"]),
    (Article, "publishedDateTime", "published_date_time", WHEN, 1632768360),
    (Article, "originalUrl", "original_url", URL, 1),
    (Article, "webUrl", "web_url", URL, None),
    (Article, "type", "type", "article", True),
    (Article, "quality", "quality", 15, "15"),
    (Article, "heat", "heat", -1, -1.0),
    (Article, "published", "published", False, "no"),
    (Article, "provider", "provider", {"name": "P"}, "P"),
    (Article, "topics", "topics", ["AI"], "AI"),
    (Article, "related", "related", [{"title": "R", "webUrl": URL}], {"title": "R"}),
    (Article, "secured", "secured", SECURED, b"a;b"),
    (Article, "updatedDateTime", "updated_date_time", WHEN, date(2021, 9, 27)),
    (Article, "tags", "tags", ["t"], [1]),
    (Article, "locale", "locale", "en-us", 1),
    (Article, "categories", "categories", ["c"], "c"),
    (Article, "path", "path", "/a/b", 1),
    (RelatedItem, "title", "title", "T", 1),
    (RelatedItem, "excerpt", "excerpt", "E", 1),
    (RelatedItem, "publishedDateTime", "published_date_time", WHEN, "yesterday"),
    (RelatedItem, "webUrl", "web_url", URL, 1),
    (RelatedItem, "ampWebUrl", "amp_web_url", URL, 1),
    (RelatedItem, "cdnAmpWebUrl", "cdn_amp_web_url", URL, 1),
    (RelatedItem, "type", "type", "video", 1),
    (RelatedItem, "provider", "provider", {"name": "P"}, ["P"]),
    (RelatedItem, "quality", "quality", 166, True),
    (RelatedItem, "images", "images", [{"url": URL}], {"url": URL}),
    (Provider, "name", "name", "Daily Mail", 1),
    (Provider, "domain", "domain", "dailymail.co.uk", 1),
    (Provider, "images", "images", [{"url": URL}], "x"),
    (Image, "url", "url", URL, 1),
    (Image, "width", "width", 701, "701"),
    (Image, "height", "height", 526, 526.0),
    (Image, "isCached", "is_cached", True, 1),
    (Image, "title", "title", "T", 1),
    (Image, "attribution", "attribution", "A", 1),
]


@pytest.mark.parametrize(("model", "key", "attribute", "good", "bad"), TYPES)
def test_field_type(
    model: type[NewsModel], key: str, attribute: str, good: object, bad: object
) -> None:
    """A value of the field's type is kept; a value of another type is rejected."""
    item = build(model, **{key: good})
    assert plain(getattr(item, attribute)) == good
    with pytest.raises(errors.ValidationError) as caught:
        build(model, **{key: bad})
    assert cause(caught.value).errors()[0]["loc"][0] == key


@pytest.mark.parametrize(
    ("model", "key"),
    [
        (Article, "title"),
        (Article, "webUrl"),
        (RelatedItem, "title"),
        (RelatedItem, "webUrl"),
        (Provider, "name"),
        (Image, "url"),
    ],
)
def test_required_fields(model: type[NewsModel], key: str) -> None:
    """The required keys of FORMAT.md can be neither left out nor null."""
    data = dict(REQUIRED[model])
    del data[key]
    with pytest.raises(errors.ValidationError):
        model.model_validate(data)
    with pytest.raises(errors.ValidationError):
        model.model_validate({**data, key: None})


def test_optional_fields_accept_null() -> None:
    """Nulls (`~`, `null` or nothing in the file) are fine for every optional key."""
    optional = [key for key in field_keys(Article) if key not in ("title", "webUrl")]
    article = build(Article, **dict.fromkeys(optional))
    assert article.provider is None
    assert article.published is None


def test_construct_by_attribute_name_or_file_key() -> None:
    """Both `web_url=` and `webUrl=` build the same article."""
    by_name = Article(title="T", web_url=URL, published_date_time=WHEN, quality=3)
    by_key = Article.model_validate(
        {"title": "T", "webUrl": URL, "publishedDateTime": WHEN, "quality": 3}
    )
    by_alias: dict[str, Any] = {"title": "T", "webUrl": URL, "publishedDateTime": WHEN}
    by_key_kwargs = Article(**by_alias)
    assert by_name.web_url == by_key.web_url == by_key_kwargs.web_url == URL
    assert by_name.published_date_time == by_key.published_date_time == WHEN
    assert by_name == by_key
    assert by_name.model_extra == {}


def test_dump_by_alias_gives_file_keys() -> None:
    """model_dump(by_alias=True) writes the camelCase keys back."""
    article = Article(title="T", web_url=URL, provider=Provider(name="P"))
    assert article.model_dump(by_alias=True, exclude_unset=True) == {
        "title": "T",
        "webUrl": URL,
        "provider": {"name": "P"},
    }
    dumped = article.model_dump(by_alias=True, exclude_none=True)
    assert dumped["topics"] == []
    assert type(dumped["topics"]) is list


def test_unknown_keys_are_kept_at_every_level() -> None:
    """Keys the format does not list land in model_extra, nested ones too."""
    article = build(
        Article,
        pipelineScore=0.5,
        provider={"name": "P", "logo": "l.png"},
        related=[
            {
                "title": "R",
                "webUrl": URL,
                "isLive": False,
                "images": [{"url": URL, "focalRegion": {"x1": 1}}],
            }
        ],
    )
    assert article.model_extra == {"pipelineScore": 0.5}
    assert article.provider.model_extra == {"logo": "l.png"}
    assert article.related[0].model_extra == {"isLive": False}
    assert article.related[0].images[0].model_extra == {"focalRegion": {"x1": 1}}


@pytest.mark.parametrize("bad", ["yes", "no", "on", "true", "Yes", "false", 1, 0])
def test_bool_is_strict(bad: object) -> None:
    """Only real booleans fit a bool: YAML 1.2 `yes` is a string, 1 is an int."""
    with pytest.raises(errors.ValidationError) as caught:
        build(Image, isCached=bad)
    assert cause(caught.value).errors()[0]["type"] == "bool_type"


@pytest.mark.parametrize("bad", ["15", "-1", 15.0, 1.5, True, False])
def test_int_is_strict(bad: object) -> None:
    """Strings, floats and booleans are not ints, even when they would convert cleanly."""
    with pytest.raises(errors.ValidationError) as caught:
        build(Article, quality=bad)
    assert cause(caught.value).errors()[0]["type"] == "int_type"


def test_str_is_strict() -> None:
    """Numbers and bytes are not silently made into strings."""
    for bad in (15, 1.5, False, b"news"):
        with pytest.raises(errors.ValidationError):
            build(Article, category=bad)


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://Example.com/a%20b?x=1",
        "https://example.com",
        "http://example.com/a/../b/",
        "https://user:pw@Example.COM:8443/p;q?r=%7e#frag",
        "https://例え.jp/パス",
        "http://127.0.0.1/x",
        "http://[::1]:8080/",
    ],
)
def test_url_is_kept_exactly(url: str) -> None:
    """A valid URL is stored byte for byte: no slash added, no case or escape change."""
    assert build(Article, originalUrl=url).original_url == url
    assert build(Image, url=url).url == url


@pytest.mark.parametrize(
    "url",
    [
        "/relative/path",
        "example.com/a",
        "//example.com/a",
        "ftp://example.com/a",
        "mailto:someone@example.com",
        "https://",
        "https:///a",
        "http://:80/a",
        "https://example.com:port/",
        "http://[::1/",
        "https://exa mple.com/",
        "https://example.com/a b",
        " https://example.com/",
        "https://example.com/\n",
        "",
    ],
)
def test_url_rejected(url: str) -> None:
    """Relative, non-http(s), host-less and whitespace-carrying URLs are rejected."""
    with pytest.raises(errors.ValidationError) as caught:
        build(Article, webUrl=url)
    assert cause(caught.value).errors()[0]["type"] == "newsitem_url"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-09-27T18:46:00Z", datetime(2021, 9, 27, 18, 46, tzinfo=UTC)),
        ("2021-09-27T18:46:00.0000000Z", datetime(2021, 9, 27, 18, 46, tzinfo=UTC)),
        ("2021-09-27T18:46:00.1234567Z", datetime(2021, 9, 27, 18, 46, 0, 123456, tzinfo=UTC)),
        ("2021-09-27T18:46:00.5Z", datetime(2021, 9, 27, 18, 46, 0, 500000, tzinfo=UTC)),
        ("2021-09-27T18:46:00.123+00:00", datetime(2021, 9, 27, 18, 46, 0, 123000, tzinfo=UTC)),
        (
            "2021-09-27T11:46:00-07:00",
            datetime(2021, 9, 27, 11, 46, tzinfo=timezone(timedelta(hours=-7))),
        ),
        (
            "2021-09-27 18:46:00+0530",
            datetime(2021, 9, 27, 18, 46, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        ),
        ("2021-09-27T18:46Z", datetime(2021, 9, 27, 18, 46, tzinfo=UTC)),
        (
            "2021-09-27T18:46:00+05:59",
            datetime(2021, 9, 27, 18, 46, tzinfo=timezone(timedelta(hours=5, minutes=59))),
        ),
        (
            "2021-09-27T18:46:00-23:59",
            datetime(2021, 9, 27, 18, 46, tzinfo=timezone(-timedelta(hours=23, minutes=59))),
        ),
    ],
)
def test_timestamp_strings_are_parsed(text: str, expected: datetime) -> None:
    """ISO 8601 strings with an offset parse, 7 fraction digits truncated to 6."""
    value = build(Article, publishedDateTime=text).published_date_time
    assert value == expected
    assert value.utcoffset() == expected.utcoffset()
    assert value.microsecond == expected.microsecond


@pytest.mark.parametrize(
    "bad",
    [
        "2021-09-27T18:46:00",
        "2021-09-27",
        "1632768360",
        "27/09/2021 18:46",
        "2021-13-27T18:46:00Z",
        "2021-09-27T18:46:00+25:00",
        "2021-09-27T18:46:00+24:00",
        # Minutes of an offset run from 00 to 59, whatever the hour.
        "2021-09-27T18:46:00+05:60",
        "2021-09-27T18:46:00+05:99",
        "2021-09-27T18:46:00-0575",
        "2021-09-27T18:46:00+23:60",
        "",
    ],
)
def test_timestamp_strings_rejected(bad: str) -> None:
    """Strings without an offset, or that are no date-time, are rejected."""
    with pytest.raises(errors.ValidationError) as caught:
        build(Article, publishedDateTime=bad)
    assert cause(caught.value).errors()[0]["type"] == "newsitem_timestamp"


def test_datetime_objects_are_kept_and_must_be_aware() -> None:
    """An aware datetime from the YAML layer passes as it is; naive ones and dates fail."""
    offset = timezone(timedelta(hours=-7))
    aware = datetime(2021, 9, 27, 11, 46, tzinfo=offset)
    assert build(Article, publishedDateTime=aware).published_date_time.tzinfo is offset
    for bad, kind in [
        (datetime(2021, 9, 27, 18, 46), "timezone_aware"),
        (date(2021, 9, 27), "datetime_type"),
        (1632768360, "datetime_type"),
    ]:
        with pytest.raises(errors.ValidationError) as caught:
            build(RelatedItem, publishedDateTime=bad)
        assert cause(caught.value).errors()[0]["type"] == kind


def test_assignment_is_validated() -> None:
    """A wrong value assigned to a field raises our error at once and leaves the old value."""
    article: Article = build(Article, quality=15)
    with pytest.raises(errors.ValidationError) as caught:
        article.quality = "lots"  # type: ignore[assignment]
    assert isinstance(caught.value.__cause__, pydantic.ValidationError)
    assert [(i.field, i.code) for i in caught.value.issues] == [("quality", "wrong-type")]
    assert article.quality == 15
    with pytest.raises(errors.ValidationError):
        article.web_url = "/relative"
    article.published_date_time = "2021-09-27T18:46:00.0000000Z"  # type: ignore[assignment]
    assert article.published_date_time == WHEN
    article.provider = {"name": "P"}  # type: ignore[assignment]
    assert article.provider == Provider(name="P")


class PipelineArticle(Article):
    """An article with keys of a user's own pipeline."""

    pipeline_score: int | None = None
    run_id: str | None = pydantic.Field(default=None, alias="x-run-id")


def test_subclass_adds_keys_with_the_alias_generator() -> None:
    """A subclass's fields get camelCase keys (or their explicit alias) and follow the format's."""
    assert PipelineArticle.model_fields["pipeline_score"].alias == "pipelineScore"
    assert field_keys(PipelineArticle) == (*field_keys(Article), "pipelineScore", "x-run-id")
    item = PipelineArticle.model_validate(
        {**REQUIRED[Article], "pipelineScore": 3, "x-run-id": "r1", "other": 1}
    )
    assert (item.pipeline_score, item.run_id, item.web_url) == (3, "r1", "https://example.com/a")
    assert item.model_extra == {"other": 1}
    assert PipelineArticle(title="T", web_url=URL, pipeline_score=4).pipeline_score == 4
    with pytest.raises(errors.ValidationError):
        PipelineArticle.model_validate({**REQUIRED[Article], "pipelineScore": "3"})


def test_secured_parts_of_the_reference_value() -> None:
    """The reference file's secured value splits into 400 ciphertext bytes and a 16-byte IV."""
    parts = build(Article, secured=REFERENCE_SECURED).secured_parts()
    assert parts is not None
    assert len(parts.ciphertext) == 400
    assert len(parts.iv) == 16
    assert base64.b64encode(parts.iv) == b"3352nqLe1lVY/Zak5Ef50w=="
    ciphertext_text = REFERENCE_SECURED.split(";")[0]
    assert base64.b64encode(parts.ciphertext).decode() == ciphertext_text


def test_secured_parts_is_none_without_secured() -> None:
    """An article without `secured` has no parts."""
    assert build(Article).secured_parts() is None


def _b64(size: int) -> str:
    return base64.b64encode(bytes(range(size))).decode()


_PARTS = "expected base64 ciphertext and base64 IV joined by one ';', got {} part(s)"
_BLOCKS = "expected a ciphertext of whole 16-byte blocks, got {} bytes"


@pytest.mark.parametrize(
    ("secured", "message"),
    [
        (_b64(32), _PARTS.format(1)),
        (f"{_b64(32)};{_b64(16)};{_b64(16)}", _PARTS.format(3)),
        (f"{_b64(32)};{_b64(15)}", "expected a 16-byte IV, got 15 bytes"),
        (f"{_b64(32)};{_b64(17)}", "expected a 16-byte IV, got 17 bytes"),
        (f";{_b64(16)}", _BLOCKS.format(0)),
        (f"{_b64(33)};{_b64(16)}", _BLOCKS.format(33)),
        (f"{_b64(32)[:-4]}!!!!;{_b64(16)}", "the ciphertext is not valid base64"),
        (f"{_b64(32)};{_b64(16).rstrip('=')}", "the IV is not valid base64"),
        (f"{_b64(32)};{_b64(16)[:4]}\n{_b64(16)[4:]}", "the IV is not valid base64"),
        (f"{_b64(32)};{_b64(16)[:-3]}é==", "the IV is not valid base64"),
        ("-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_;" + _b64(16), "the ciphertext is not valid base64"),
    ],
)
def test_secured_parts_rejects_malformed_values(secured: str, message: str) -> None:
    """A malformed secured value is refused when the article is validated, and by parse(),
    with one ``invalid-secured`` issue on ``secured`` that says what is wrong."""
    with pytest.raises(errors.ValidationError) as caught:
        build(Article, secured=secured)
    (issue,) = caught.value.issues
    assert (issue.field, issue.code, issue.message) == ("secured", "invalid-secured", message)
    with pytest.raises(errors.ValidationError) as parsed:
        SecuredParts.parse(secured)
    (issue,) = parsed.value.issues
    assert (issue.field, issue.code, issue.message) == ("secured", "invalid-secured", message)


@pytest.mark.parametrize("size", range(1, 66))
def test_a_ciphertext_is_accepted_only_in_whole_16_byte_blocks(size: int) -> None:
    """Every ciphertext length, with each of base64's three paddings: 16, 32, 48 and 64
    bytes are whole AES blocks; any other length is refused, with its size."""
    secured = f"{_b64(size)};{_b64(16)}"
    if size % 16 == 0:
        assert build(Article, secured=secured).secured == secured
        return
    with pytest.raises(errors.ValidationError) as caught:
        build(Article, secured=secured)
    (issue,) = caught.value.issues
    assert (issue.code, issue.message) == ("invalid-secured", _BLOCKS.format(size))


def test_secured_parts_is_a_frozen_value() -> None:
    """SecuredParts compares by value and cannot be changed."""
    parts = SecuredParts.parse(f"{_b64(16)};{_b64(16)}")
    assert parts == SecuredParts(ciphertext=bytes(range(16)), iv=bytes(range(16)))
    with pytest.raises(AttributeError):
        parts.iv = b""  # type: ignore[misc]


_IMAGE = "https://example.com/i.jpg"


def _by_dict(**options: Any) -> Image:
    return Image.model_validate({"url": _IMAGE, "is_cached": True}, **options)


def _by_json(**options: Any) -> Image:
    return Image.model_validate_json(f'{{"url": "{_IMAGE}", "is_cached": true}}', **options)


def _by_strings(**options: Any) -> Image:
    return Image.model_validate_strings({"url": _IMAGE, "is_cached": "true"}, **options)


@pytest.mark.parametrize(
    "route",
    [_by_dict, _by_json, _by_strings],
    ids=["model_validate", "model_validate_json", "model_validate_strings"],
)
def test_validation_options_reach_pydantic(route: Any) -> None:
    """Each route validates by name by default; ``by_name=False`` makes the attribute name
    an unknown key, kept as given."""
    assert route().is_cached is True
    by_alias = route(by_name=False)
    assert by_alias.is_cached is None
    assert set(by_alias.model_extra) == {"is_cached"}


@pytest.mark.parametrize(
    "route",
    [
        pytest.param(lambda: Provider.model_validate({"domain": "x"}), id="model_validate"),
        pytest.param(lambda: Provider.model_validate_json('{"domain": "x"}'), id="json"),
        pytest.param(lambda: Provider.model_validate_strings({"domain": "x"}), id="strings"),
        pytest.param(lambda: Provider(domain="x"), id="construction"),  # type: ignore[call-arg]
    ],
)
def test_every_validation_route_raises_our_error_with_file_keys(route: Any) -> None:
    with pytest.raises(errors.ValidationError) as caught:
        route()
    assert [(i.field, i.code, i.message) for i in caught.value.issues] == [
        ("name", "missing-field", "required field is missing")
    ]
    assert isinstance(caught.value.__cause__, pydantic.ValidationError)


def test_iterating_a_model_gives_its_fields_then_its_unknown_keys() -> None:
    """``dict(model)``: attribute names in declaration order, then unknown keys as written;
    a list field is the model's own validated list."""
    provider = Provider.model_validate(
        {"name": "P", "images": [{"url": _IMAGE}], "desk": {"city": "Oslo"}}
    )
    pairs = list(provider)
    assert [name for name, _ in pairs] == ["name", "domain", "images", "desk"]
    as_dict = dict(pairs)
    assert as_dict["name"] == "P"
    assert as_dict["domain"] is None
    assert as_dict["images"] is provider.images
    assert as_dict["desk"] == {"city": "Oslo"}
    bare = Image(url=_IMAGE)
    assert dict(bare) == {
        "url": _IMAGE,
        "width": None,
        "height": None,
        "is_cached": None,
        "title": None,
        "attribution": None,
    }


class _Desk(Article):
    """A subclass with defaults of its own: a value, and a factory."""

    lang: str = "en"
    labels: dict[str, str] = pydantic.Field(default_factory=lambda: {"kind": "news"})


def test_del_resets_a_field_to_its_own_default_and_unsets_it() -> None:
    desk = _Desk.model_validate({**REQUIRED[Article], "lang": "nb", "labels": {"kind": "sport"}})
    del desk.lang
    del desk.labels
    assert desk.lang == "en"
    assert desk.labels == {"kind": "news"}
    assert {"lang", "labels"}.isdisjoint(desk.model_fields_set)
    assert "lang" not in desk.model_dump(by_alias=True, exclude_unset=True)


def test_del_removes_an_unknown_key() -> None:
    article = build(Article, wire={"desk": "Oslo"}, note="x")
    del article.wire
    assert article.model_extra == {"note": "x"}
    with pytest.raises(AttributeError):
        del article.wire
