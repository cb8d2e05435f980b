"""The build's heavy stages on a Ray cluster: the same snapshot, from more machines.

`morelike build --ray ADDRESS` reads and validates on the driver, then runs
the two heavy stages on the cluster's nodes, in batches of `--doc-batch`
consecutive articles:

1. Cleaning (`indexer.distributed.cleaning`): each article's extraction (HTML
   to main text, the boilerplate rules) as Ray tasks. The corpus-wide step
   (lines that recur across the corpus) needs every article and runs on the
   driver; so does the embedding-cache lookup, which is keyed by the cleaned
   text and therefore comes after both.
2. Embedding (this module): only the articles the cache misses go to the
   cluster, where one `EmbedWorker` actor per CPU of a node loads the model
   once and encodes batches with the same `Embedder` (same passages recipe,
   normalised) as a local build; so a snapshot built through Ray equals a local
   one within float noise.

Back-pressure: at most `IN_FLIGHT` batches per actor are outstanding, driven by
`ray.wait`, so memory on the driver and in the object store stays bounded for
any corpus size. Each batch is written to the cache as it comes back, so a
build that dies keeps what it embedded. Faults: an actor whose process dies is
restarted in place (`max_restarts`) and its calls retried (`max_task_retries`);
when a whole node is lost its actors die and the driver sends their batches to
the remaining actors (and to actors on nodes that join later). A head that
cannot be reached is a `ClusterError` before any work.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from tqdm import tqdm

from indexer.distributed.cleaning import clean_on_cluster, clean_on_ray
from indexer.distributed.cluster import (
    LOG_EVERY,
    NODE_WAIT,
    REFRESH_EVERY,
    ClusterError,
    Texts,
    _Actor,
    _Batch,
    _Pool,
    check_reachable,
    session,
)
from indexer.distributed.figures import ClusterFigures, NodeFigures
from indexer.distributed.worker import EmbedWorker, embedder_settings
from indexer.embedder import Embedder

if TYPE_CHECKING:
    from indexer.build import BuildOptions
    from indexer.embcache import EmbeddingCache
    from indexer.snapshot.write import BuildReport

__all__ = [
    "ClusterError",
    "ClusterFigures",
    "EmbedWorker",
    "NodeFigures",
    "check_reachable",
    "clean_on_cluster",
    "clean_on_ray",
    "embed_missing",
    "embed_on_ray",
    "embedder_settings",
]

logger = logging.getLogger(__name__)

Vectors = dict[str, np.ndarray]


def embed_on_ray(
    texts: Texts,
    address: str,
    *,
    model: str | None,
    settings: dict[str, Any],
    model_id: str,
    batch: int = 256,
    progress: bool = False,
    on_batch: Callable[[list[tuple[str, np.ndarray]]], None] | None = None,
    figures: ClusterFigures | None = None,
    wait: float = NODE_WAIT,
) -> tuple[Vectors, ClusterFigures]:
    """Embed `texts` on the cluster at `address`; vectors by hash and per-node figures.

    Batches are consecutive slices of `batch` articles of `texts`, exactly as a
    local build cuts them, so every article is encoded beside the same others
    (an int8 runtime's activation scales depend on the batch).

    `on_batch` receives each batch's (hash, vector) pairs as they come back (the
    build writes them to its cache). Raises `ClusterError` when the head cannot
    be reached or no node is left to embed on for `wait` seconds. `figures`,
    when given (the cleaning stage's), are added to.
    """
    figures = figures or ClusterFigures(address)
    with session(address, figures) as ray:
        vectors = _run(
            ray, texts, (model, settings, model_id), batch, progress, on_batch, figures, wait
        )
    return vectors, figures


def _run(
    ray: Any,
    texts: Texts,
    spec: tuple[str | None, dict[str, Any], str],
    size: int,
    progress: bool,
    on_batch: Callable[[list[tuple[str, np.ndarray]]], None] | None,
    figures: ClusterFigures,
    wait: float,
) -> Vectors:
    from ray.exceptions import GetTimeoutError, RayActorError, RayError, RayTaskError

    pool = _Pool(ray, spec)
    pool.refresh()
    figures.batch = size
    queue = deque(_Batch(n, texts[i : i + size]) for n, i in enumerate(range(0, len(texts), size)))
    out: Vectors = {}
    done: set[int] = set()
    inflight: dict[Any, tuple[str, _Batch]] = {}  # object ref -> (actor key, batch)
    bar = tqdm(total=len(texts), unit="article", desc="embedding on ray", disable=not progress)
    logged = waiting_since = time.monotonic()
    while queue or inflight:
        if time.monotonic() - pool.refreshed > REFRESH_EVERY or not pool.actors:
            pool.refresh()
        if not pool.actors and not inflight:
            if time.monotonic() - waiting_since > wait:
                raise ClusterError(
                    "no Ray node with CPUs left to embed on"
                    + (f" (last error: {pool.last_error})" if pool.last_error else "")
                )
            time.sleep(1.0)
            continue
        waiting_since = time.monotonic()
        _submit(pool, queue, inflight, done)
        if not inflight:
            continue
        ready, _ = ray.wait(list(inflight), num_returns=1, timeout=1.0)
        for ref in ready:
            key, batch = inflight.pop(ref)
            actor = pool.actors.get(key)
            if actor is not None:
                actor.inflight -= 1
            try:
                encoded, node, seconds, load = ray.get(ref, timeout=60)
            except RayTaskError as exc:  # the code raised: the same everywhere, so stop
                raise ClusterError(f"embedding failed on the cluster: {exc.cause!r}") from exc
            except (RayActorError, RayError, GetTimeoutError) as exc:
                pool.drop(key, exc)
                _lost(figures, pool, actor)
                if batch.number not in done:
                    batch.tries += 1
                    figures.retried += 1
                    queue.appendleft(batch)
                continue
            if batch.number in done:  # a duplicate sent to an idle actor finished second
                continue
            done.add(batch.number)
            fresh = [(h, v) for (h, _, _), v in zip(batch.items, encoded, strict=True)]
            if on_batch is not None:
                on_batch(fresh)
            out.update(fresh)
            figs = figures.node(pool.names.get(actor.node_id, node) if actor else node)
            figs.cpus = pool.cpus.get(actor.node_id, 0.0) if actor else figs.cpus
            if actor is not None:
                figs.actors = max(figs.actors, pool.live_on(actor.node_id))
            figs.articles += len(batch.items)
            figs.batches += 1
            figs.busy_seconds += seconds
            figs.load_seconds = max(figs.load_seconds, load)
            bar.update(len(batch.items))
            bar.set_postfix_str(figures.rates(), refresh=False)
        if time.monotonic() - logged > LOG_EVERY:
            logged = time.monotonic()
            logger.info(
                "ray: embedded %d of %d on %d actors (%s)",
                len(out),
                len(texts),
                len(pool.actors),
                figures.rates() or "loading the model",
            )
    bar.close()
    for actor in pool.actors.values():
        ray.kill(actor.handle, no_restart=True)
    return out


def _submit(
    pool: _Pool,
    queue: deque[_Batch],
    inflight: dict[Any, tuple[str, _Batch]],
    done: set[int],
) -> None:
    """Fill every actor up to `IN_FLIGHT` batches, spread over nodes (`next_free`).

    With the queue empty, an idle actor gets a copy of the oldest batch that
    another actor holds, so one slow or stuck node cannot hold the build up
    (the first answer wins).
    """
    while queue and queue[0].number in done:
        queue.popleft()
    while queue and (free := pool.next_free()) is not None:
        _send(free[1], free[0], queue.popleft(), inflight)
    for key, actor in pool.free():
        if not queue and not actor.inflight:
            copies = Counter(b.number for _, b in inflight.values())
            spare = next(
                (b for _, b in inflight.values() if copies[b.number] == 1 and b.number not in done),
                None,
            )
            if spare is not None:
                _send(actor, key, spare, inflight)


def _send(actor: _Actor, key: str, batch: _Batch, inflight: dict[Any, tuple[str, _Batch]]) -> None:
    docs = [(title, text) for _, title, text in batch.items]
    inflight[actor.handle.encode.remote(docs)] = (key, batch)
    actor.inflight += 1


def _lost(figures: ClusterFigures, pool: _Pool, actor: _Actor | None) -> None:
    """Mark the node of a lost actor in the figures (listed even if it embedded nothing)."""
    if actor is not None:
        figs = figures.node(pool.names.get(actor.node_id, actor.node_id[:8]))
        figs.lost = True
        figs.cpus = pool.cpus.get(actor.node_id, figs.cpus)


def embed_missing(
    texts: Texts,
    embedder: Embedder,
    cache: EmbeddingCache,
    options: BuildOptions,
    report: BuildReport,
) -> Vectors:
    """`build()`'s encoding of the articles its cache misses, on the cluster.

    The cluster figures go to `report.cluster_figures`, added to the cleaning
    stage's; a `ClusterError` becomes the build's `BuildError`.
    """
    from indexer.build import BuildError

    assert options.ray_address
    if report.cluster_figures is None:
        report.cluster_figures = ClusterFigures(options.ray_address)
    if not texts:
        return {}
    try:
        fresh, _ = embed_on_ray(
            texts,
            options.ray_address,
            model=options.model,
            settings=embedder_settings(embedder),
            model_id=embedder.model_id,
            batch=options.doc_batch,
            progress=options.progress,
            on_batch=cache.put_many,  # per batch: a killed build keeps what it embedded
            figures=report.cluster_figures,
            wait=options.ray_wait,
        )
    except ClusterError as exc:
        raise BuildError(str(exc)) from exc
    logger.info("ray: %d embedded on the cluster, %d from the cache", len(texts), report.reused)
    return fresh
