"""Joining a Ray cluster, naming its nodes, and the embedding actors on them."""

from __future__ import annotations

import logging
import socket
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from indexer.distributed.figures import ClusterFigures
from indexer.distributed.worker import EmbedWorker

logger = logging.getLogger(__name__)

# One single-threaded actor per CPU: on the 2-core benchmark machine two 1-thread
# actors embed 1.8x as fast as one 2-thread actor (docs/ray-build.md).
ACTOR_CPUS = 1
IN_FLIGHT = 2  # batches outstanding per actor: one encoding, one queued
CONNECT_TIMEOUT = 5.0
MAX_ACTORS_PER_NODE_SLOT = 3  # actor creations per slot before a node is given up
# Both stages (cleaning tasks, embedding actors) schedule with these:
NODE_WAIT = 300.0  # default seconds to wait for nodes (`--ray-wait`) before the build fails
REFRESH_EVERY = 10.0  # seconds between looks for nodes that joined or left
LOG_EVERY = 15.0  # seconds between progress lines in the log

Texts = list[tuple[str, str, str]]  # (content hash, title, cleaned text), in build order


class ClusterError(RuntimeError):
    """The Ray cluster cannot be reached, or has no node left to clean or embed on."""


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise ClusterError("--ray needs the Ray extra: pip install 'morelike[ray]'") from exc
    return ray


def check_reachable(address: str, timeout: float = CONNECT_TIMEOUT) -> None:
    """Fail fast, in one line, when the head's GCS port does not answer.

    `auto` (the cluster this machine belongs to, or `RAY_ADDRESS`) is left to Ray.
    """
    _ray()
    target = address.removeprefix("ray://")
    if target == "auto" or ":" not in target:
        return
    host, _, port = target.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            return
    except ValueError:
        raise ClusterError(f"Ray address {address!r} is not HOST:PORT or auto") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ClusterError(f"Ray head {address} is unreachable: {reason.lower()}") from None


def connect(address: str) -> Any:
    """Connect this process to the cluster at `address` as a driver; returns `ray`."""
    check_reachable(address)
    ray = _ray()
    try:
        ray.init(
            address=address,
            namespace="morelike-build",
            logging_level=logging.WARNING,
            log_to_driver=False,
        )
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError...
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ClusterError(f"cannot join the Ray cluster at {address}: {first}") from None
    return ray


@contextmanager
def session(address: str, figures: ClusterFigures) -> Iterator[Any]:
    """`ray` connected to the cluster at `address` as a driver, for one stage.

    The stage's wall time is added to `figures.seconds`; the driver leaves the
    cluster afterwards, whether the stage finished or failed.
    """
    ray = connect(address)
    started = time.perf_counter()
    try:
        yield ray
    finally:
        figures.seconds += time.perf_counter() - started
        ray.shutdown()


def node_name(node: dict[str, Any]) -> str:
    """A node as progress, the summary and the manifest name it: `address/id prefix`."""
    return f"{node.get('NodeManagerAddress', '?')}/{node['NodeID'][:8]}"


def cpu_nodes(ray: Any) -> dict[str, tuple[str, float]]:
    """The alive nodes with CPUs: node id -> (name, CPUs)."""
    found = {}
    for node in ray.nodes():
        cpus = float(node.get("Resources", {}).get("CPU", 0))
        if node.get("Alive") and cpus >= 1:
            found[node["NodeID"]] = (node_name(node), cpus)
    return found


def wait_for_nodes(ray: Any, count: int, wait: float) -> dict[str, tuple[str, float]]:
    """The alive nodes with CPUs once `count` of them have joined, for `wait` seconds at most.

    A job started beside its cluster (compose, a Kubernetes Job) would otherwise
    begin on whichever nodes were up and leave late ones idle until the next
    look. Raises `ClusterError` when fewer than `count` joined in time.
    """
    deadline = time.monotonic() + wait
    said = -1
    while True:
        nodes = cpu_nodes(ray)
        if len(nodes) >= count:
            return nodes
        if time.monotonic() >= deadline:
            raise ClusterError(
                f"only {len(nodes)} of {count} Ray nodes with CPUs joined within {wait:g} s"
            )
        if len(nodes) != said:
            said = len(nodes)
            logger.info("ray: %d of %d nodes with CPUs joined, waiting", said, count)
        time.sleep(0.5)


@dataclass
class _Actor:
    handle: Any
    node_id: str
    slot: int
    inflight: int = 0


@dataclass
class _Batch:
    number: int
    items: Texts
    tries: int = 0


class _Pool:
    """The actors on the cluster's nodes, created as nodes appear, dropped as they die."""

    def __init__(self, ray: Any, spec: tuple[str | None, dict[str, Any], str]) -> None:
        self.ray = ray
        self.spec = spec
        self.actors: dict[str, _Actor] = {}  # actor key -> actor
        self.created: dict[tuple[str, int], int] = {}  # (node id, slot) -> creations
        self.names: dict[str, str] = {}  # node id -> display name
        self.cpus: dict[str, float] = {}
        self.last_error = ""
        self.refreshed = 0.0

    def refresh(self) -> None:
        """Start actors on alive nodes with CPUs that have fewer than their share."""
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        self.refreshed = time.monotonic()
        live = {a.node_id for a in self.actors.values()}
        for node_id, (name, cpus) in cpu_nodes(self.ray).items():
            if node_id in live:
                continue
            slots = max(1, int(cpus) // ACTOR_CPUS)
            self.names[node_id] = name
            self.cpus[node_id] = cpus
            for slot in range(slots):
                if self.created.get((node_id, slot), 0) >= MAX_ACTORS_PER_NODE_SLOT:
                    continue
                self.created[(node_id, slot)] = self.created.get((node_id, slot), 0) + 1
                threads = max(1, int(cpus) // slots)
                handle = (
                    self.ray.remote(EmbedWorker)
                    .options(
                        num_cpus=threads,
                        max_restarts=2,
                        max_task_retries=2,
                        # The node or nothing: when it is gone, its batches go elsewhere.
                        scheduling_strategy=NodeAffinitySchedulingStrategy(node_id, soft=False),
                    )
                    .remote(*self.spec, threads)
                )
                key = f"{node_id}:{slot}:{self.created[(node_id, slot)]}"
                self.actors[key] = _Actor(handle, node_id, slot)
                logger.info("ray: embedding actor on %s (%d threads)", self.names[node_id], threads)

    def live_on(self, node_id: str) -> int:
        """How many actors node `node_id` has now."""
        return sum(1 for a in self.actors.values() if a.node_id == node_id)

    def drop(self, key: str, error: BaseException) -> None:
        """Forget an actor that died; a later refresh may start another on a live node."""
        actor = self.actors.pop(key, None)
        self.last_error = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        if actor is not None:
            logger.warning(
                "ray: actor on %s lost (%s); its batches go to the others",
                self.names.get(actor.node_id, actor.node_id[:8]),
                self.last_error,
            )
            try:
                self.ray.kill(actor.handle, no_restart=True)
            except Exception:  # already gone with its node
                logger.debug("ray: kill of a lost actor failed", exc_info=True)

    def free(self) -> list[tuple[str, _Actor]]:
        """Actors with room for another batch."""
        return [(k, a) for k, a in self.actors.items() if a.inflight < IN_FLIGHT]

    def next_free(self) -> tuple[str, _Actor] | None:
        """The actor the next batch goes to: fewest in flight, then on the least loaded node.

        So batches spread over nodes (and a node's actors) before any actor gets
        a second one: a corpus of a few batches is embedded on every node.
        """
        load: Counter[str] = Counter()
        for actor in self.actors.values():
            load[actor.node_id] += actor.inflight
        free = self.free()
        if not free:
            return None
        return min(
            free,
            key=lambda item: (
                item[1].inflight,
                load[item[1].node_id] / self.cpus.get(item[1].node_id, 1.0),
            ),
        )
