"""Request and response models: validation and the OpenAPI document come from these.

flask-openapi3 validates path, query and body against the request models and
builds `/openapi.json` from all of them. It asks a query model for its JSON
schema on every request; `Model` memoises that, since generating it costs more
than the rest of a cached request.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from service.ranking.settings import IsoDateTime, RankingOptions

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
    list_id: str = Field(
        description="Id of this version of the list (a hash of its items): events name it."
    )
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


# The block on the page (service/page.py) and its events (service/events.py).
REASONS = ("similar", "related", "same_section_recent", "recent")
MAX_EVENTS = 50  # one impression per card of the longest list


class Event(Model):
    """One impression or click on a card of a related block, as widget.js sends it."""

    model_config = ConfigDict(extra="forbid", strict=True)

    type: Literal["impression", "click"] = Field(description="The card was seen, or clicked.")
    article: str = Field(min_length=1, max_length=512, description="The article the block is on.")
    item: str = Field(min_length=1, max_length=512, description="The card's article.")
    position: int = Field(ge=1, le=50, description="The card's place in the list, from 1.")
    reason: Literal["similar", "related", "same_section_recent", "recent"] = Field(
        description="Why the card was chosen (the item's `reason`)."
    )
    list_id: str = Field(
        pattern=r"^[0-9a-f]{16}$", description="`list_id` of the related answer shown."
    )


class EventBatch(Model):
    """Body of `POST /v1/events`: one event, or up to 50 as `{"events": [...]}`."""

    model_config = ConfigDict(extra="forbid", strict=True)

    events: list[Event] = Field(min_length=1, max_length=MAX_EVENTS)


class AmpQuery(RelatedQuery):
    """The related query, plus the source origin that older AMP runtimes append."""

    amp_source_origin: str | None = Field(None, alias="__amp_source_origin", max_length=300)


# -- admin API -------------------------------------------------------------------


class ArticleIn(Model):
    """An article to create or replace: the corpus fields (unknown ones are kept as metadata).

    A title is required (the list's cards show it); `body` or `html` may be empty.
    """

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, strict=True)

    title: str = Field(min_length=1, max_length=2_000, pattern=r"\S")
    body: str | None = Field(None, description="Text or HTML (boilerplate is removed).")
    html: str | None = Field(None, description="HTML of the body (instead of `body`).")
    url: str | None = Field(None, max_length=4_000)
    published_at: IsoDateTime | None = Field(
        None, strict=False, description="In the future: embargoed until then."
    )
    updated_at: IsoDateTime | None = Field(None, strict=False)
    expires_at: IsoDateTime | None = Field(
        None, strict=False, description="In the past: off every list."
    )
    section: str | None = Field(None, max_length=200)
    tags: list[str] | None = Field(None, max_length=200)
    language: str | None = Field(None, max_length=35)
    author: str | None = Field(None, max_length=500)
    image_url: str | None = Field(None, max_length=4_000)
    canonical_url: str | None = Field(None, max_length=4_000)
    status: Literal["published", "draft", "unpublished"] | None = Field(
        None, description="published (default); draft or unpublished take it off every list."
    )
    sponsored: bool | None = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if self.body is not None and self.html is not None:
            raise ValueError("give `body` or `html`, not both")
        return self


class BatchItem(Model):
    """One change of a batch."""

    op: Literal["upsert", "delete"]
    id: str = Field(min_length=1, max_length=512)
    article: dict[str, Any] | None = Field(None, description="The fields, for an upsert.")


class BatchIn(Model):
    """Many changes at once."""

    items: list[BatchItem] = Field(min_length=1)


class ChangeOut(Model):
    """An acknowledged change: written to the journal, served within seconds."""

    id: str
    op: str
    seq: int = Field(description="Position in the journal.")


class BatchOut(Model):
    """A result per item (`status` 200 with `seq`, or an error) and how many were written."""

    results: list[dict[str, Any]]
    written: int


class ControlsIn(Model):
    """An editor's controls for one article's list."""

    model_config = ConfigDict(extra="forbid", strict=True)

    pinned: list[str] = Field(
        default_factory=list, max_length=20, description="Shown first, in this order."
    )
    blocked: list[str] = Field(
        default_factory=list, max_length=200, description="Never shown with this article."
    )
    disabled: bool = Field(False, description="No block on this article's page.")


class SiteControlsIn(Model):
    """Site-wide exclusions: never shown in any list."""

    model_config = ConfigDict(extra="forbid", strict=True)

    excluded_ids: list[str] = Field(default_factory=list, max_length=10_000)
    excluded_sections: list[str] = Field(default_factory=list, max_length=200)
    excluded_tags: list[str] = Field(default_factory=list, max_length=1_000)
