"""Request and response models: validation and the OpenAPI document come from these.

flask-openapi3 validates path, query and body against the request models and
builds `/openapi.json` from all of them. It asks a query model for its JSON
schema on every request; `Model` memoises that, since generating it costs more
than the rest of a cached request.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from service.ranking.settings import RankingOptions

MAX_EXCLUDE = 200
BODY_FIELDS = ("text", "html")


def _one_body_schema(schema: dict[str, Any]) -> None:
    """Say in the schema what `RelatedBody._one_body` demands: `text` or `html`, not both.

    Each branch of the `oneOf` holds when its field is a string, so a null one
    counts as absent, as in the validator; a blank one is refused (`pattern`),
    as the cleaning step would (422 `empty_text`).
    """
    for name in BODY_FIELDS:
        schema["properties"][name]["pattern"] = r"\S"
    schema["oneOf"] = [
        {"required": [name], "properties": {name: {"type": "string"}}} for name in BODY_FIELDS
    ]


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


class RelatedQuery(RankingOptions, Model):
    """Query parameters of `GET /v1/articles/{id}/related`."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    exclude: str | None = Field(
        None, max_length=20_000, description="Comma-separated ids never to show."
    )


class RelatedBody(RankingOptions, Model):
    """Body of `POST /v1/related`: an article that is not indexed yet, and the filters."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        str_strip_whitespace=True,
        json_schema_extra=_one_body_schema,
    )

    title: str = Field("", max_length=2_000, description="The article's title.")
    text: str | None = Field(
        None,
        description="Plain text of the body (or give `html`). At most MORELIKE_POST_MAX_CHARS "
        "characters (default 500,000; 413 beyond); the first MORELIKE_POST_MAX_WORDS words "
        "(default 2,000) are embedded.",
    )
    html: str | None = Field(
        None,
        description="HTML of the body; boilerplate is removed. Limits as for `text`, and at "
        "most MORELIKE_POST_MAX_ELEMENTS elements nested MORELIKE_POST_MAX_DEPTH deep "
        "(defaults 10,000 and 100; 422 beyond).",
    )
    url: str = Field("", max_length=4_000, description="Its URL, so copies of it are dropped.")
    exclude: list[str] = Field(
        default_factory=list, max_length=MAX_EXCLUDE, description="Ids never to show."
    )

    @field_validator("limit", mode="before")
    @classmethod
    def _whole_number(cls, value: Any) -> Any:
        """JSON has one number type: 4.0 is the integer 4 (as JSON Schema says), 4.5 is not."""
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

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
    reason: str = Field(
        description="similar (clearly similar), related (fill by relevance), "
        "same_section_recent or recent (fill by recency: nothing else is related)"
    )


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


class SnapshotResponse(Model):
    """The manifest of the snapshot being served; `source` is only the source's name."""

    model_config = ConfigDict(extra="allow")

    version: str
    format_version: int
    created_at: str
    source: str | None = Field(
        None, description="Name of the build's source (a file name or a URL's host and path)."
    )
    model: dict[str, Any]
    counts: dict[str, Any]


class ReadyResponse(Model):
    """Whether a snapshot is loaded, and the state of the cache."""

    ready: bool
    snapshot: dict[str, Any] | None
    redis: str = Field(description="up, down or disabled (not required to be ready)")
    model: str = Field(
        description="loaded, loading, failed or not loaded (the model loads when a worker "
        "starts, or on the first POST with MORELIKE_PRELOAD_MODEL=false)"
    )
    problem: str | None = Field(
        None, description="What is wrong in the data dir while a good snapshot keeps serving."
    )
    error: ErrorDetail | None = None
