"""What one app holds: settings, the snapshot holder, the cache and the embedding model.

Built once by `create_app` and kept in `app.extensions["morelike"]`. Under
gunicorn, `State.start_worker` runs in each worker before it takes requests:
it warms the snapshot and loads the embedding model (`POST /v1/related` needs
it) in the background, so neither the first GET nor the first POST pays for a
cold start. The model is loaded once per process, under a lock, so a POST that
comes while it loads waits for that load instead of starting another.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from flask import current_app

from indexer.embedder import RECIPE_FIELDS, Embedder, ModelNotFound
from indexer.snapshot.journal import Journal
from service import metrics
from service.cache import ResponseCache
from service.errors import NoSnapshot, Unavailable
from service.live import LiveView
from service.ranking import related, resolve, source_from_row
from service.ranking.base import Corpus
from service.ranking.view import view_of
from service.settings import Settings
from service.snapshots import SnapshotHolder

logger = logging.getLogger(__name__)

EXTENSION = "morelike"
WARM_QUERIES = 8  # searches run on a new snapshot before it serves


class EmbedderPool:
    """Embedders by recipe (model, backend, passages), created and loaded once per process.

    A POSTed text is embedded as the snapshot's articles were: the model,
    runtime and passage recipe come from the snapshot's manifest (the
    configured `model` overrides the name only).
    """

    def __init__(self, model: str | None, preset: Embedder | None = None) -> None:
        self.model = model
        self._embedders: dict[str, Embedder] = {}  # by model id
        self._by_recipe: dict[tuple[Any, ...], Embedder] = {}  # by what a manifest says
        self._lock = threading.Lock()
        self._preloading = False
        self._preload_error: str | None = None
        self._preset = preset  # tests: one embedder for every snapshot

    @property
    def loaded(self) -> bool:
        """Whether this process has a model in memory."""
        found = [*self._embedders.values(), *([self._preset] if self._preset else [])]
        return any(e._model is not None for e in found)

    @property
    def status(self) -> str:
        """`loaded`, `loading`, `failed` or `not loaded`, for /readyz."""
        if self.loaded:
            return "loaded"
        if self._preloading:
            return "loading"
        return "failed" if self._preload_error else "not loaded"

    def for_snapshot(self, snapshot: Corpus | None) -> Embedder:
        """The loaded embedder of the snapshot's recipe (the bundled model's without one)."""
        embedder = self._load(snapshot.manifest.get("model") or {} if snapshot else {})
        dim = (snapshot.manifest.get("model") or {}).get("dimension") if snapshot else None
        if snapshot is not None and dim and embedder.dimension != int(dim):
            raise Unavailable(
                f"model {embedder.model_name} gives {embedder.dimension}-d vectors, "
                f"snapshot {snapshot.version} has {dim}-d ones"
            )
        return embedder

    def preload(self, snapshot: Corpus | None) -> None:
        """Load the model and run one encode now, so the first POST does not wait for either.

        Runs in a worker's background thread; a failure is logged, and POST
        answers 503 with the reason as it would without preloading.
        """
        self._preloading = True
        started = time.perf_counter()
        try:
            embedder = self.for_snapshot(snapshot)
            embedder.encode_articles([("Warm-up", "The first encode sets up the tokenizer.")])
        except Exception as exc:  # a background thread: nobody else would see it
            self._preload_error = str(exc)
            unexpected = not isinstance(exc, Unavailable)
            logger.error("preloading the embedding model failed: %s", exc, exc_info=unexpected)
            return
        finally:
            self._preloading = False
        logger.info(
            "embedding model %s ready in %.1f s", embedder.model_id, time.perf_counter() - started
        )

    def _load(self, info: dict[str, Any]) -> Embedder:
        if self._preset is not None:
            return self._preset
        recipe = tuple(info.get(name) for name in ("name", "id", *RECIPE_FIELDS))
        embedder = self._by_recipe.get(recipe)  # a POST's path: no Embedder built per request
        if embedder is not None and embedder._model is not None:
            return embedder
        try:
            wanted = Embedder.from_manifest(info, model=self.model)
        except (ModelNotFound, ValueError) as exc:
            raise Unavailable(str(exc)) from exc
        with self._lock:  # one per model id, whichever manifest spelling named it
            embedder = self._embedders.setdefault(wanted.model_id, wanted)
            if embedder._model is None:
                logger.info("loading the embedding model %s", embedder.model_id)
                _ = embedder.model  # load inside the lock: once per process
                metrics.MODEL_LOADED.set(1)
            self._by_recipe[recipe] = embedder
        return embedder


@dataclass
class State:
    """The shared clients of one app."""

    settings: Settings
    holder: SnapshotHolder
    cache: ResponseCache
    embedders: EmbedderPool
    live: LiveView
    journal: Journal  # the admin API's writer (the live view reads its own)
    preloader: threading.Thread | None = None  # loads the model in a serving worker

    def start_worker(self) -> None:
        """Make this process a serving worker (gunicorn's `post_fork`).

        Publishes this worker's gauges, chooses and warms its snapshot, starts
        its watcher and, unless `MORELIKE_PRELOAD_MODEL=false`, loads the model
        in the background, so no client request pays for any of it.
        """
        self.holder.publish_gauges()  # at once: a gauge this worker never set reads 0
        metrics.start_series()
        store = self.cache.store
        if store is not None:  # each worker's own value: the gauge is a min over workers
            metrics.REDIS_UP.set(1 if store.ping() else 0)
        self.holder.start(warm=self.warm_snapshot)
        # the merge with the journal, warmed, and its watcher: not in a first request
        # (no snapshot yet: the first request after one appears merges it)
        with contextlib.suppress(NoSnapshot):
            self.live.get()
        if self.settings.preload_model:
            loaded = self.holder.loaded
            self.preloader = threading.Thread(
                target=self.embedders.preload,
                args=(loaded.snapshot if loaded else None,),
                name="morelike-model-preload",
                daemon=True,
            )
            self.preloader.start()

    def wait_for_model(self, limit: float, beat: Callable[[], bool]) -> bool:
        """Until the model `start_worker` loads is ready (at most `limit` seconds).

        gunicorn's `post_worker_init` calls this so that a worker takes its first
        request only when warm: a model loading beside requests made the first
        second after a start slow (the loading takes both cores). `beat` runs
        every second (the worker's heartbeat) and returns False to stop waiting
        (the worker is shutting down). False when it gave up waiting.
        """
        thread = self.preloader
        deadline = time.monotonic() + limit
        while thread is not None and thread.is_alive() and time.monotonic() < deadline:
            if not beat():
                break
            thread.join(min(1.0, max(0.0, deadline - time.monotonic())))
        return thread is None or not thread.is_alive()

    def warm_snapshot(self, snapshot: Corpus) -> None:
        """Do what a snapshot's first requests would, before it serves.

        Builds the per-snapshot arrays (`view_of`), the calibrated floors for the
        configured ranking, pages in the index around a few articles with real
        searches and loads the term model POST uses. Files that fail here make
        the holder refuse the snapshot.
        """
        ranking = resolve(self.settings.ranking)
        now = time.time()
        view_of(snapshot)
        rows = np.unique(np.linspace(0, snapshot.count - 1, min(WARM_QUERIES, snapshot.count)))
        for row in rows.astype(int).tolist():
            items = related(snapshot, source_from_row(snapshot, row), ranking, now)
            snapshot.articles_at([item.row for item in items])
        _ = snapshot.terms


def state() -> State:
    """The current app's state."""
    found: State = current_app.extensions[EXTENSION]
    return found
