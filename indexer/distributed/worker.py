"""The Ray actor that embeds: one model copy per CPU of a node, loaded once."""

from __future__ import annotations

import inspect
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from indexer.embedder import RECIPE_FIELDS, Embedder


class EmbedWorker:
    """One model copy on a cluster node, loaded once; encodes batches of articles."""

    def __init__(self, model: str | None, settings: dict[str, Any], model_id: str, threads: int):
        start = time.perf_counter()
        self.embedder = _make_embedder(model, settings, threads)
        if self.embedder.model_id != model_id:
            raise ValueError(
                f"this node embeds as {self.embedder.model_id!r}, the build as {model_id!r}: "
                "every node must run the same morelike version and model"
            )
        self.embedder.encode_texts(["warm-up"])  # loads the model now, not on the first batch
        self.load_seconds = time.perf_counter() - start
        import ray

        self.node_id = ray.get_runtime_context().get_node_id()
        self.host = f"{ray.util.get_node_ip_address()}/{self.node_id[:8]}"

    def encode(self, docs: Sequence[tuple[str, str]]) -> tuple[np.ndarray, str, float, float]:
        """(vectors, node, seconds encoding, seconds loading the model) for one batch."""
        start = time.perf_counter()
        vectors = self.embedder.encode_articles(docs)
        return vectors, self.host, time.perf_counter() - start, self.load_seconds


def _make_embedder(model: str | None, settings: dict[str, Any], threads: int) -> Embedder:
    accepted = inspect.signature(Embedder).parameters
    kwargs = {k: v for k, v in settings.items() if k in accepted}
    if "threads" in accepted:
        kwargs["threads"] = threads
    if settings.get("backend", "torch").startswith("torch"):
        import torch

        torch.set_num_threads(threads)
    return Embedder(model, **kwargs)


def embedder_settings(embedder: Embedder) -> dict[str, Any]:
    """What an actor needs to embed exactly as `embedder` does (its model aside)."""
    names = ("batch_size", *RECIPE_FIELDS)
    return {name: getattr(embedder, name) for name in names if hasattr(embedder, name)}
