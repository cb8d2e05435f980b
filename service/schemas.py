"""Request and response models: validation and the OpenAPI document come from these.

flask-openapi3 validates path, query and body against the request models and
builds `/openapi.json` from all of them. It asks a query model for its JSON
schema on every request; `Model` memoises that, since generating it costs more
than the rest of a cached request.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_LIMIT = 50
MAX_EXCLUDE = 200

_LIMIT = Field(4, ge=1, le=MAX_LIMIT, description=f"How many items (1..{MAX_LIMIT}).")
_SECTION = Field(None, max_length=200, description="Only articles of this section.")
_LANGUAGE = Field(
    None,
    max_length=35,
    description='Only articles in this language; default: the article\'s own; "any": all.',
)
_MAX_AGE = Field(
    None, gt=0, le=36_500, allow_inf_nan=False, description="Only articles this recent (days)."
)
_MIN_SCORE = Field(
    None, ge=-1e6, le=1e6, allow_inf_nan=False, description="Drop items scoring below this."
)


_AFTER = Field(
    None, strict=False, description="Only articles published at or after this time (ISO 8601)."
)
_BEFORE = Field(
    None, strict=False, description="Only articles published before this time (ISO 8601)."
)
_FRESHNESS = Field(None, description="Decay scores by age (default: the setting).")
_DIVERSITY = Field(
    None, ge=0, le=1, allow_inf_nan=False, description="MMR lambda, 1 = pure relevance."
)
_FALLBACK = Field(None, description="Fill a short list with recent articles (default: on).")
_SPONSORED = Field(None, description="Allow sponsored articles (default: the setting).")


class Model(BaseModel):
    """Base model whose JSON schema is generated once per set of arguments."""

    _schemas: ClassVar[dict[tuple[Any, ...], dict[str, Any]]] = {}

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The JSON schema, memoised and shared: callers only read it (flask-openapi3 does)."""
        key = (cls, args, tuple(sorted(kwargs.items(), key=lambda kv: kv[0])))
        schema = Model._schemas.get(key)
        if schema is None:
            schema = Model._schemas[key] = super().model_json_schema(*args, **kwargs)
        return schema


class ArticlePath(Model):
    """The article id in the URL."""

    article_id: str = Field(min_length=1, max_length=512, description="The article's id.")


class RankingOptions(Model):
    """Filters and ranking overrides shared by the GET query and the POST body."""

    limit: int = _LIMIT
    section: str | None = _SECTION
    language: str | None = _LANGUAGE
    max_age_days: float | None = _MAX_AGE
    min_score: float | None = _MIN_SCORE
    published_after: datetime | None = _AFTER
    published_before: datetime | None = _BEFORE
    freshness: bool | None = _FRESHNESS
    diversity: float | None = _DIVERSITY
    fallback: bool | None = _FALLBACK
    sponsored: bool | None = _SPONSORED


class RelatedQuery(RankingOptions):
    """Query parameters of `GET /v1/articles/{id}/related`."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    exclude: str | None = Field(
        None, max_length=20_000, description="Comma-separated ids never to show."
    )


class RelatedBody(RankingOptions):
    """Body of `POST /v1/related`: an article that is not indexed yet, and the filters."""

    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)

    title: str = Field("", max_length=2_000, description="The article's title.")
    text: str | None = Field(None, description="Plain text of the body (or give `html`).")
    html: str | None = Field(None, description="HTML of the body; boilerplate is removed.")
    url: str = Field("", max_length=4_000, description="Its URL, so copies of it are dropped.")
    exclude: list[str] = Field(
        default_factory=list, max_length=MAX_EXCLUDE, description="Ids never to show."
    )

    @model_validator(mode="after")
    def _one_body(self) -> RelatedBody:
        if self.text is None and self.html is None:
            raise ValueError("give the article's body as `text` or `html`")
        if self.text is not None and self.html is not None:
            raise ValueError("give `text` or `html`, not both")
        return self


class ErrorDetail(Model):
    """What is wrong, and where."""

    code: str = Field(description="Stable, machine-readable: article_not_found, invalid_body...")
    message: str = Field(description="For people.")
    details: list[dict[str, Any]] | None = Field(None, description="Per-field problems.")


class ErrorResponse(Model):
    """Every error has this shape."""

    error: ErrorDetail


class Card(Model):
    """The fields a "You might also like" card shows."""

    id: str | None
    url: str
    title: str
    snippet: str
    published_at: str | None
    section: str
    image_url: str


class Item(Card):
    """One recommended article, with its score and why it was chosen."""

    score: float
    reason: str = Field(description="similar, same_section_recent or recent")


class RelatedResponse(Model):
    """The related list for one article."""

    article: dict[str, Any] = Field(description="The article the list is for.")
    snapshot: str = Field(description="Version of the snapshot that answered.")
    items: list[Item]


class ArticleResponse(Model):
    """One indexed article's metadata."""

    article: dict[str, Any]
    snapshot: str


class HealthResponse(Model):
    """The process is alive."""

    status: str


class ReadyResponse(Model):
    """Whether a snapshot is loaded, and the state of the cache."""

    ready: bool
    snapshot: dict[str, Any] | None
    redis: str = Field(description="up, down or disabled (not required to be ready)")
    model: str = Field(description="loaded or not loaded (loaded on the first POST)")
    error: ErrorDetail | None = None
