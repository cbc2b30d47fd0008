"""newsitem: read, validate, edit and write news-item files without losing a byte.

>>> import newsitem
>>> item = newsitem.loads("---\\ntitle: Hello\\nwebUrl: https://example.com/a\\n---\\n")
>>> item.article.title = "Hello, world"
>>> newsitem.dumps(item)
'---\\ntitle: Hello, world\\nwebUrl: https://example.com/a\\n---\\n'
"""

from . import corpus, export, frontmatter, schema
from .api import NewsItem, dump, dumps, load, loads
from .errors import (
    ConflictError,
    DecodeError,
    DuplicateKeyError,
    EditError,
    FrontMatterError,
    Issue,
    LimitExceededError,
    NewsItemError,
    StructureError,
    UnsupportedTagError,
    ValidationError,
    YAMLSyntaxError,
)
from .limits import DEFAULT_LIMITS, MAX_DEPTH, Limits
from .models import (
    Article,
    Image,
    NewsModel,
    Provider,
    RelatedItem,
    SecuredParts,
    ValidatedList,
)

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_DEPTH",
    "Article",
    "ConflictError",
    "DecodeError",
    "DuplicateKeyError",
    "EditError",
    "FrontMatterError",
    "Image",
    "Issue",
    "LimitExceededError",
    "Limits",
    "NewsItem",
    "NewsItemError",
    "NewsModel",
    "Provider",
    "RelatedItem",
    "SecuredParts",
    "StructureError",
    "UnsupportedTagError",
    "ValidatedList",
    "ValidationError",
    "YAMLSyntaxError",
    "corpus",
    "dump",
    "dumps",
    "export",
    "frontmatter",
    "load",
    "loads",
    "schema",
]
