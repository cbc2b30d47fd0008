"""The pydantic models of a news item, and the one place its keys are defined.

Attributes are snake_case; each one's file key is its camelCase alias, made by
:func:`pydantic.alias_generators.to_camel` and defined nowhere else. Fields are
declared in the order of the reference file, so :func:`field_keys` gives the
format's key order (the other known keys of FORMAT.md follow the reference
ones).

Every model is strict: no value is coerced into another type (``"15"`` is not
an int, ``yes`` is not a bool, ``1632768360`` is not a date-time). A coercion
would make the model disagree with the text of the file it came from. Unknown
keys are kept in ``model_extra``, and assignments are validated at once.
"""

from __future__ import annotations

import base64
import functools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar, get_args

import pydantic
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
)
from pydantic.alias_generators import to_camel
from pydantic.json_schema import WithJsonSchema
from pydantic_core import PydanticCustomError

from newsitem import _lists
from newsitem._lists import VALIDATED, ValidatedList, install
from newsitem.errors import Issue, ValidationError

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "TIMESTAMP_RULE",
    "URL_RULE",
    "Article",
    "HttpUrlStr",
    "Image",
    "ModelList",
    "NewsModel",
    "Provider",
    "RelatedItem",
    "SecuredParts",
    "SecuredText",
    "Text",
    "Timestamp",
    "ValidatedList",
    "WrittenQuoted",
    "empty",
    "field_keys",
    "quoted_keys",
]

_URL_EXPECTED = "an absolute http or https URL with a host"
_TIMESTAMP_EXPECTED = "an ISO 8601 date-time with a time zone, such as 2021-09-27T18:46:00Z"

# The two rules below are regular expressions in the common subset of Python's
# `re` and ECMA-262 (what JSON Schema validators and editors run), so that the
# model and the JSON Schema of newsitem.schema apply the very same rule: no
# named groups, no \d or \w (Unicode-wide in Python), no inline flags.

# What no URL holds: controls, spaces, and invisible formatting characters.
_NOT_IN_URL = (
    r"\x00-\x20\x7f-\x9f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f"
    r"\u205f-\u206f\u3000\ud800-\uf8ff\ufeff\ufff9-\ufffb\ufffe\uffff"
)
_PORT = r"0*(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
URL_RULE = (
    r"[hH][tT][tT][pP][sS]?://"
    rf"(?:[^{_NOT_IN_URL}/?#\[\]]*@)?"  # user info, up to the last @ of the authority
    rf"(?:\[[0-9A-Fa-f:.]+\]|[^{_NOT_IN_URL}/?#\[\]@:]+)"  # an IPv6 literal, or a host name
    rf"(?::(?:{_PORT})?)?"
    rf"(?:[/?#][^{_NOT_IN_URL}]*)?"
)
"""What an http(s) URL field accepts: the whole string must match.

An absolute ``http`` or ``https`` URL (scheme in any case) with a non-empty
host, an optional port from 0 to 65535, and no control, space or invisible
formatting character anywhere. Nothing is normalised: the string is kept as
given.
"""

_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
TIMESTAMP_RULE = (
    r"(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    rf"|{_LEAP_YEAR}-02-29)"
    r"[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?"
    r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])"
)
"""What a timestamp field accepts as a string: the whole string must match.

ISO 8601: a real calendar date (year 0001 to 9999), ``T``, ``t`` or a space,
hours and minutes, optional seconds with any number of fraction digits, and a
required zone: ``Z``, ``z`` or an offset ``+HH:MM``/``+HHMM`` under 24 hours.
"""

_URL = re.compile(URL_RULE)
_TIMESTAMP_TEXT = re.compile(TIMESTAMP_RULE)
# The parts of a string that matched TIMESTAMP_RULE. Seven fraction digits
# (the upstream feed's .0000000Z) are cut to Python's six.
_TIMESTAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"
    r"(?:[Zz]|([+-])(\d{2}):?(\d{2}))",
    re.ASCII,
)


def _check_http_url(text: str) -> str:
    if _URL.fullmatch(text) is None:
        raise PydanticCustomError(
            "newsitem_url", "expected {expected}", {"expected": _URL_EXPECTED}
        )
    return text  # the exact string: no normalising, no trailing slash


def _parse_timestamp(value: object) -> object:
    # Only strings are parsed here; anything else goes on to the strict
    # datetime check, which accepts only datetime objects.
    if not isinstance(value, str):
        return value
    match = _TIMESTAMP.fullmatch(value) if _TIMESTAMP_TEXT.fullmatch(value) else None
    try:
        if match is None:
            raise ValueError(value)
        year, month, day, hour, minute, second, fraction, sign, off_h, off_m = match.groups()
        offset = timezone.utc
        if sign is not None:
            delta = timedelta(hours=int(off_h), minutes=int(off_m))
            offset = timezone(-delta if sign == "-" else delta)
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            int((fraction or "0")[:6].ljust(6, "0")),
            tzinfo=offset,
        )
    except ValueError:
        raise PydanticCustomError(
            "newsitem_timestamp", "expected {expected}", {"expected": _TIMESTAMP_EXPECTED}
        ) from None


class WrittenQuoted:
    """Field metadata: a new value is written quoted, as the reference file does.

    The reference item double-quotes its titles, excerpts, URLs and ``secured``
    and leaves short words plain; the dumper reads this marker to do the same.
    """

    def __repr__(self) -> str:
        return "WrittenQuoted()"


QUOTED = WrittenQuoted()

Text = Annotated[str, QUOTED]
"""A string that a new item writes in quotes (titles, excerpts)."""


def _whole(rule: str) -> str:
    """``rule`` as a JSON Schema ``pattern``, which matches anywhere unless anchored.

    ``(?![\\s\\S])`` is the end of the text in both dialects; ``$`` is not, as
    Python's also matches before a final newline.
    """
    return rf"^(?:{rule})(?![\s\S])"


HttpUrlStr = Annotated[
    str,
    AfterValidator(_check_http_url),
    WithJsonSchema({"type": "string", "pattern": _whole(URL_RULE)}),
    QUOTED,
]
"""An absolute http or https URL with a host, kept as the exact string given."""

Timestamp = Annotated[
    AwareDatetime,
    BeforeValidator(_parse_timestamp),
    # A YAML editor and a JSON document see the text of a timestamp, not a datetime.
    WithJsonSchema({"type": "string", "pattern": _whole(TIMESTAMP_RULE)}),
]
"""An aware datetime; ISO 8601 strings are parsed, extra fraction digits dropped."""


T = TypeVar("T")


def _null_as_empty(value: object) -> object:
    return [] if value is None else value  # `topics: ~` is an empty list, kept as written


def empty() -> list[Any]:
    """The default of a list field: a new empty list (a ``default_factory``)."""
    return []


ModelList = Annotated[list[T], BeforeValidator(_null_as_empty), VALIDATED]
"""The annotation of a list field: ``list[T]`` to type checkers, a :class:`ValidatedList`
at run time (entries added later are validated). An absent key, or a null, reads as ``[]``;
``model_fields_set`` tells whether the key was given."""


class NewsModel(BaseModel):
    """The base of every newsitem model; subclass it (or a model) for your own keys.

    A field ``pipeline_id`` is read from and written to the key ``pipelineId``
    unless it is given an explicit ``Field(alias=...)``. Models are built by
    attribute name or by file key, keep unknown keys in ``model_extra``,
    validate assignments, and never coerce types (``Field(strict=False)`` opts
    a field of your own out). Every validation failure, on construction,
    ``model_validate`` or assignment, is a :class:`newsitem.ValidationError`.
    ``del model.field`` resets an optional field to its default (unset).
    """

    # The link to what holds the model, and whether it handed out a value it
    # cannot watch (see newsitem._lists); neither is copied or pickled.
    __slots__ = ("__weakref__", "_newsitem_exposed", "_newsitem_parent")

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        extra="allow",
        validate_assignment=True,
        strict=True,
        # Each field's docstring is its description (in the JSON Schema too).
        use_attribute_docstrings=True,
        field_title_generator=lambda name, _info: name.replace("_", " ").capitalize(),
    )

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except pydantic.ValidationError as exc:
            raise _wrapped(exc, type(self)) from exc

    # Not a custom __init__ to pydantic: nested models are still built in
    # pydantic's core, without a call back into Python for each one.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]  # pyright: ignore[reportFunctionMemberAccess]

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """pydantic's ``model_validate``; failures are :class:`newsitem.ValidationError`."""
        try:
            return super().model_validate(obj, **options)
        except pydantic.ValidationError as exc:
            raise _wrapped(exc, cls) from exc

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:
        """pydantic's ``model_validate_json``; failures are :class:`newsitem.ValidationError`."""
        try:
            return super().model_validate_json(json_data, **options)
        except pydantic.ValidationError as exc:
            raise _wrapped(exc, cls) from exc

    @classmethod
    def model_validate_strings(cls, obj: Any, **options: Any) -> Self:
        """pydantic's ``model_validate_strings``; failures are :class:`newsitem.ValidationError`."""
        try:
            return super().model_validate_strings(obj, **options)
        except pydantic.ValidationError as exc:
            raise _wrapped(exc, cls) from exc

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        install(cls)  # list fields read as validated lists, linked to their model

    def __setattr__(self, name: str, value: Any) -> None:
        # pydantic validates the assignment; its error is wrapped, never leaked.
        try:
            super().__setattr__(name, value)
        except pydantic.ValidationError as exc:
            from newsitem._validation import assignment_error  # _validation imports us

            raise assignment_error(exc, self, name) from exc
        finally:
            _lists.changed()
        if not _lists.frozen(value):  # what was stored (validated, or as given) is watched
            _lists.adopt_assigned(self, name, value)

    def __delattr__(self, name: str) -> None:
        try:
            info = type(self).model_fields.get(name)
            if info is None:
                super().__delattr__(name)  # an extra key, or a plain attribute
                return
            if info.is_required():
                from newsitem._validation import assignment_error

                raise assignment_error(None, self, name)
            value = info.get_default(call_default_factory=True, validated_data={})
            super().__setattr__(name, value)  # validated: a list default becomes a ValidatedList
            self.__pydantic_fields_set__.discard(name)
        finally:
            _lists.changed()

    # What pydantic hands out that the model cannot watch marks it exposed
    # (see newsitem._lists): an item holding it is compared on every dump.

    @property
    def model_extra(self) -> dict[str, Any] | None:
        """pydantic's ``model_extra``: the unknown keys, a dict that may be changed in place."""
        _lists.expose(self)
        return self.__pydantic_extra__

    @property
    def model_fields_set(self) -> set[str]:
        """pydantic's ``model_fields_set``: the fields given or set, a set that may be changed."""
        _lists.expose(self)
        return self.__pydantic_fields_set__

    if not TYPE_CHECKING:  # pydantic's own __getattr__ gives the unknown keys

        def __getattr__(self, name: str) -> Any:
            value = super().__getattr__(name)
            if not _lists.frozen(value):
                _lists.expose(self)
            return value

    def __iter__(self) -> Any:
        """The fields and unknown keys, as pydantic gives them; lists as attributes give them."""
        for name in list(vars(self)):
            if not name.startswith("_"):
                yield name, getattr(self, name)
        extra = self.__pydantic_extra__
        if extra:
            if not all(_lists.frozen(value) for value in extra.values()):
                _lists.expose(self)
            yield from list(extra.items())


def _wrapped(exc: pydantic.ValidationError, model: type[BaseModel]) -> ValidationError:
    from newsitem._validation import from_pydantic_error  # _validation imports us

    return from_pydantic_error(exc, model)


class Image(NewsModel):
    """An image of a related item or a provider."""

    url: HttpUrlStr
    """Where the image is: an absolute http(s) URL."""
    width: int | None = None
    """The image's width in pixels."""
    height: int | None = None
    """The image's height in pixels."""
    is_cached: bool | None = None
    """Whether the upstream feed keeps a cached copy of the image."""
    title: str | None = None
    """A caption or title for the image."""
    attribution: str | None = None
    """Who the image is credited to."""


class Provider(NewsModel):
    """The publisher of an article or a related item."""

    name: str
    """The publisher's name, such as `Harbor Ledger`."""
    domain: str | None = None
    """The publisher's domain name, such as `harborledger.com`."""
    images: ModelList[Image] = Field(default_factory=empty)
    """The publisher's logos or other images."""


class RelatedItem(NewsModel):
    """One entry of an article's ``related`` list."""

    title: Text
    """The related article's headline."""
    excerpt: Text | None = None
    """A sentence or two from or about the related article."""
    published_date_time: Timestamp | None = None
    """When the related article was published: an ISO 8601 date-time with a time zone."""
    web_url: HttpUrlStr
    """Where the related article is read: an absolute http(s) URL."""
    amp_web_url: HttpUrlStr | None = None
    """The address of the related article's AMP page."""
    cdn_amp_web_url: HttpUrlStr | None = None
    """The address of the related article's AMP page on an AMP cache."""
    type: str | None = None
    """What the related item is: `article`, `video`, ... (an open set)."""
    provider: Provider | None = None
    """Who published the related article."""
    quality: int | None = None
    """The upstream feed's quality score for the related article."""
    images: ModelList[Image] = Field(default_factory=empty)
    """Images of the related article."""


@dataclass(frozen=True)
class SecuredParts:
    """The two decoded halves of an article's ``secured`` value."""

    ciphertext: bytes
    iv: bytes

    @classmethod
    def parse(cls, text: str) -> SecuredParts:
        """Split ``base64(ciphertext);base64(iv)`` and check the AES-CBC shape.

        Raises:
            newsitem.errors.ValidationError: one ``invalid-secured`` issue when
                the text is not two strict base64 parts, the IV is not 16
                bytes, or the ciphertext is empty or not whole 16-byte blocks.
        """
        parts = text.split(";")
        if len(parts) != 2:
            _secured_error(
                f"expected base64 ciphertext and base64 IV joined by one ';', "
                f"got {len(parts)} part(s)"
            )
        ciphertext = _b64(parts[0], "ciphertext")
        iv = _b64(parts[1], "IV")
        if len(iv) != 16:
            _secured_error(f"expected a 16-byte IV, got {len(iv)} bytes")
        if not ciphertext or len(ciphertext) % 16:
            _secured_error(
                f"expected a ciphertext of whole 16-byte blocks, got {len(ciphertext)} bytes"
            )
        return cls(ciphertext=ciphertext, iv=iv)


# The usual shape, checked without decoding: strict base64 ciphertext, ';',
# and 24 characters of base64 for a 16-byte IV.
_SECURED_SHAPE = re.compile(
    r"((?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?);[A-Za-z0-9+/]{22}=="
)


def _check_secured(text: str) -> str:
    shape = _SECURED_SHAPE.fullmatch(text)
    if shape is not None:
        ciphertext = shape.group(1)
        if (len(ciphertext) * 3 // 4 - ciphertext.count("=")) % 16 == 0:
            return text
    try:
        SecuredParts.parse(text)
    except ValidationError as exc:
        raise PydanticCustomError(
            "newsitem_secured", "{detail}", {"detail": exc.issues[0].message}
        ) from None
    return text


SecuredText = Annotated[Text, AfterValidator(_check_secured)]
"""``base64(ciphertext);base64(iv)``: checked when the item is validated (``invalid-secured``)."""


def _secured_error(message: str) -> NoReturn:
    raise ValidationError([Issue(field="secured", code="invalid-secured", message=message)])


def _b64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:  # binascii.Error, or a non-ASCII character
        _secured_error(f"the {what} is not valid base64")


class Article(NewsModel):
    """A news item's front matter. Only ``title`` and ``webUrl`` are required."""

    category: str | None = None
    """The section the item is filed in, such as `news`."""
    title: Text
    """The headline."""
    excerpt: Text | None = None
    """A sentence or two that sums the article up."""
    published_date_time: Timestamp | None = None
    """When the article was published: an ISO 8601 date-time with a time zone."""
    original_url: HttpUrlStr | None = None
    """Where the article was first published: an absolute http(s) URL."""
    web_url: HttpUrlStr
    """Where the article is read: an absolute http(s) URL."""
    type: str | None = None
    """What the item is: `article`, `video`, ... (an open set)."""
    quality: int | None = None
    """The upstream feed's quality score."""
    heat: int | None = None
    """How much attention the story draws; `-1` means unknown."""
    published: bool | None = None
    """Whether the item is published."""
    provider: Provider | None = None
    """Who published the article."""
    topics: ModelList[str] = Field(default_factory=empty)
    """The topics the article is about, such as `Robotics`."""
    related: ModelList[RelatedItem] = Field(default_factory=empty)
    """Other articles on the same story."""
    secured: SecuredText | None = None
    """Opaque encrypted data: base64 ciphertext, `;`, base64 16-byte IV."""
    # The other keys FORMAT.md names, in the order it names them.
    updated_date_time: Timestamp | None = None
    """When the article was last updated: an ISO 8601 date-time with a time zone."""
    tags: ModelList[str] = Field(default_factory=empty)
    """Free-form tags from the upstream feed."""
    locale: str | None = None
    """The article's language and region, such as `en-GB`."""
    categories: ModelList[str] = Field(default_factory=empty)
    """The upstream feed's categories for the article."""
    path: str | None = None
    """The item's path in the upstream feed."""

    def secured_parts(self) -> SecuredParts | None:
        """The decoded ``secured`` value, or None when the article has none.

        Raises:
            newsitem.errors.ValidationError: when ``secured`` is malformed.
        """
        return None if self.secured is None else SecuredParts.parse(self.secured)


def field_keys(model_cls: type[BaseModel]) -> tuple[str, ...]:
    """The file keys of a model's fields, in declaration order (the format's order)."""
    return tuple(info.alias or name for name, info in model_cls.model_fields.items())


@functools.cache
def quoted_keys(model_cls: type[BaseModel]) -> frozenset[str]:
    """The file keys, in ``model_cls`` and the models inside it, marked :data:`QUOTED`."""
    found: set[str] = set()
    seen: set[type[BaseModel]] = set()
    pending = [model_cls]
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            if QUOTED in info.metadata or _marked(info.annotation):
                found.add(info.alias or name)
            pending.extend(_models_in(info.annotation))
    return frozenset(found)


def _marked(annotation: object) -> bool:
    """Whether ``QUOTED`` is in the Annotated metadata of ``annotation`` or its arguments."""
    if QUOTED in getattr(annotation, "__metadata__", ()):
        return True
    return any(_marked(arg) for arg in get_args(annotation))


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]
