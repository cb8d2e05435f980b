"""The build's per-article cleaning as Ray tasks: the same lines, from more machines.

Each task runs `indexer.clean.rule_lines` (HTML to main text, the boilerplate
rules) on one batch of `doc_batch` consecutive articles and returns their
lines; the driver puts them back in corpus order, so the result is a local
build's, line for line. The corpus-wide step (lines that recur across the
corpus) needs every article's lines and stays on the driver, as does reading.

Placement and back-pressure: each batch goes to the alive node with the fewest
batches in flight per CPU, and at most `IN_FLIGHT` per CPU are outstanding
(`ray.wait`): every node gets work in proportion to its CPUs and its speed, and
the object store holds a few batches of article bodies whatever the corpus
size. Faults: the node is a soft preference, and Ray retries a task whose
worker or node died elsewhere (`TASK_RETRIES`); a batch whose retries ran out
is sent again by the driver, up to `MAX_TRIES` times. The stage starts once
`nodes` nodes with CPUs have joined; with too few after `wait` seconds, or none
left for that long, the build fails; an exception in the cleaning code
fails it at once (it would everywhere).
"""

from __future__ import annotations

import logging
import time
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from indexer.clean import CleanRules, rule_lines
from indexer.distributed.cluster import (
    IN_FLIGHT,
    LOG_EVERY,
    NODE_WAIT,
    REFRESH_EVERY,
    ClusterError,
    cpu_nodes,
    session,
    wait_for_nodes,
)
from indexer.distributed.figures import ClusterFigures

if TYPE_CHECKING:
    from indexer.build import BuildOptions, Prepared
    from indexer.snapshot.write import BuildReport

logger = logging.getLogger(__name__)

TASK_RETRIES = 3  # Ray's own, when a task's worker or node dies
MAX_TRIES = 3  # the driver's, after Ray's have run out

Docs = Sequence[tuple[str, str]]  # (body, title) per article, in corpus order


def clean_batch(docs: Docs, rules: CleanRules) -> tuple[list[list[str]], str, float]:
    """On a node: each article's `rule_lines`, the node's id, the seconds it took."""
    import ray

    start = time.perf_counter()
    lines = [rule_lines(body, rules, title) for body, title in docs]
    return lines, ray.get_runtime_context().get_node_id(), time.perf_counter() - start


@dataclass
class _Slice:
    start: int
    stop: int
    tries: int = 0


def clean_on_ray(
    docs: Docs,
    address: str,
    rules: CleanRules,
    *,
    batch: int = 256,
    progress: bool = False,
    figures: ClusterFigures | None = None,
    nodes: int = 1,
    wait: float = NODE_WAIT,
) -> tuple[list[list[str]], ClusterFigures]:
    """The lines of every (body, title) of `docs`, cleaned on the cluster at `address`.

    Starts once `nodes` nodes with CPUs have joined. Returns the lines in the
    order of `docs` and the figures (`figures`, added to, when given). Raises
    `ClusterError` when the head cannot be reached, fewer than `nodes` joined
    within `wait` seconds, or no node with CPUs is left for that long.
    """
    figures = figures or ClusterFigures(address)
    with session(address, figures) as ray:
        wait_for_nodes(ray, nodes, wait)
        lines = _run(ray, docs, rules, batch, progress, figures, wait)
    return lines, figures


def _run(
    ray: Any,
    docs: Docs,
    rules: CleanRules,
    size: int,
    progress: bool,
    figures: ClusterFigures,
    wait: float,
) -> list[list[str]]:
    from ray.exceptions import GetTimeoutError, RayError, RayTaskError
    from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

    task = ray.remote(clean_batch)
    rules_ref = ray.put(rules)
    queue = deque(_Slice(i, min(i + size, len(docs))) for i in range(0, len(docs), size))
    out: list[list[str]] = [[] for _ in docs]
    inflight: dict[Any, tuple[str, _Slice]] = {}  # object ref -> (node id sent to, batch)
    nodes = _Nodes(ray, figures)
    bar = tqdm(total=len(docs), unit="article", desc="cleaning on ray", disable=not progress)
    done = 0
    logged = waiting_since = time.monotonic()
    while queue or inflight:
        nodes.refresh_if_due()
        # Each batch to the least loaded node (in flight per CPU), as a soft
        # preference: a node that is gone by then leaves its batch to Ray.
        while queue and (target := nodes.least_loaded()) is not None:
            part = queue.popleft()
            ref = task.options(
                num_cpus=1,
                max_retries=TASK_RETRIES,
                scheduling_strategy=NodeAffinitySchedulingStrategy(target, soft=True),
            ).remote(list(docs[part.start : part.stop]), rules_ref)
            inflight[ref] = (target, part)
            nodes.load[target] += 1
        if not inflight:  # no node with CPUs: wait for one to join, for so long
            if time.monotonic() - waiting_since > wait:
                raise ClusterError("no Ray node with CPUs left to clean on")
            time.sleep(1.0)
            nodes.refresh()
            continue
        waiting_since = time.monotonic()
        ready, _ = ray.wait(list(inflight), num_returns=1, timeout=1.0)
        for ref in ready:
            target, part = inflight.pop(ref)
            nodes.load[target] -= 1
            try:
                lines, node_id, seconds = ray.get(ref, timeout=60)
            except RayTaskError as exc:  # the code raised: the same everywhere, so stop
                raise ClusterError(f"cleaning failed on the cluster: {exc.cause!r}") from exc
            except (RayError, GetTimeoutError) as exc:  # Ray's retries ran out
                part.tries += 1
                if part.tries >= MAX_TRIES:
                    raise ClusterError(f"a batch failed {part.tries} times: {exc}") from exc
                figures.retried += 1
                queue.appendleft(part)
                nodes.refresh()
                continue
            out[part.start : part.stop] = lines
            done += part.stop - part.start
            figs = figures.node(nodes.name(node_id))
            figs.cleaned += part.stop - part.start
            figs.clean_batches += 1
            figs.clean_busy_seconds += seconds
            bar.update(part.stop - part.start)
            bar.set_postfix_str(figures.clean_rates(), refresh=False)
        if time.monotonic() - logged > LOG_EVERY:
            logged = time.monotonic()
            logger.info(
                "ray: cleaned %d of %d on %d nodes (%s)",
                done,
                len(docs),
                len(nodes.alive),
                figures.clean_rates() or "starting",
            )
    bar.close()
    return out


class _Nodes:
    """The cluster's CPU nodes (looked at every `REFRESH_EVERY` seconds) and their load."""

    def __init__(self, ray: Any, figures: ClusterFigures) -> None:
        self.ray = ray
        self.figures = figures
        self.known: dict[str, tuple[str, float]] = {}  # every node seen alive, by id
        self.alive: dict[str, tuple[str, float]] = {}
        self.load: Counter[str] = Counter()  # batches in flight, by the node sent to
        self.refreshed = 0.0

    def refresh_if_due(self) -> None:
        """`refresh()` when the last look is older than `REFRESH_EVERY`."""
        if time.monotonic() - self.refreshed > REFRESH_EVERY:
            self.refresh()

    def refresh(self) -> None:
        """Look at the nodes again; a node that cleaned and is gone is marked lost."""
        self.refreshed = time.monotonic()
        self.alive = cpu_nodes(self.ray)
        self.known.update(self.alive)
        for node_id, (name, _) in self.known.items():
            if node_id not in self.alive and name in self.figures.nodes:
                self.figures.nodes[name].lost = True

    def least_loaded(self) -> str | None:
        """The alive node with the fewest batches in flight per CPU, if one has room."""
        room = [
            (self.load[node_id] / cpus, node_id)
            for node_id, (_, cpus) in self.alive.items()
            if self.load[node_id] < IN_FLIGHT * cpus
        ]
        return min(room)[1] if room else None

    def name(self, node_id: str) -> str:
        """The display name of node `node_id`; its figures get its CPUs."""
        if node_id not in self.known:
            self.refresh()
        name, cpus = self.known.get(node_id, (node_id[:8], 0.0))
        self.figures.node(name).cpus = cpus
        return name


def clean_on_cluster(docs: list[Prepared], options: BuildOptions, report: BuildReport) -> None:
    """`build()`'s per-article cleaning on the cluster: each doc's `lines`, as locally.

    The cluster figures go to `report.cluster_figures` (the embedding stage
    adds to them); a `ClusterError` becomes the build's `BuildError`.
    """
    from indexer.build import BuildError

    assert options.ray_address
    figures = report.cluster_figures = ClusterFigures(options.ray_address)
    if docs:
        try:
            lines, _ = clean_on_ray(
                [(d.article.body, d.article.title) for d in docs],
                options.ray_address,
                options.rules,
                batch=options.doc_batch,
                progress=options.progress,
                figures=figures,
                nodes=options.ray_nodes,
                wait=options.ray_wait,
            )
        except ClusterError as exc:
            raise BuildError(str(exc)) from exc
        for doc, kept in zip(docs, lines, strict=True):
            doc.lines = kept
        logger.info("ray: %d articles cleaned on the cluster", len(docs))
