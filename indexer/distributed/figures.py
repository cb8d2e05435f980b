"""What each node of a Ray cluster did for a build: for progress, the summary, the manifest.

Two stages run on the cluster: cleaning (per-article extraction, as tasks) and
embedding (as actors). A node's figures cover both; `articles` and its rate are
the embedding's, as before cleaning ran there too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class NodeFigures:
    """What one node of the cluster did for this build."""

    node: str
    cpus: float = 0.0
    actors: int = 0
    articles: int = 0  # embedded
    batches: int = 0
    busy_seconds: float = 0.0  # summed over its actors
    load_seconds: float = 0.0  # longest model load of its actors
    cleaned: int = 0
    clean_batches: int = 0
    clean_busy_seconds: float = 0.0  # summed over its cleaning tasks
    lost: bool = False

    @property
    def rate(self) -> float:
        """Articles per second while its actors were encoding, all actors together."""
        if not self.busy_seconds:
            return 0.0
        return self.articles * max(1, self.actors) / self.busy_seconds

    @property
    def clean_rate(self) -> float:
        """Articles per second while cleaning, one task per CPU together."""
        if not self.clean_busy_seconds:
            return 0.0
        return self.cleaned * max(1, int(self.cpus)) / self.clean_busy_seconds

    def as_dict(self) -> dict[str, Any]:
        """For the report, the summary and the manifest."""
        return {
            "node": self.node,
            "cpus": self.cpus,
            "actors": self.actors,
            "articles": self.articles,
            "batches": self.batches,
            "busy_seconds": round(self.busy_seconds, 3),
            "load_seconds": round(self.load_seconds, 3),
            "articles_per_second": round(self.rate, 3),
            "cleaned": self.cleaned,
            "clean_batches": self.clean_batches,
            "clean_busy_seconds": round(self.clean_busy_seconds, 3),
            "cleaned_per_second": round(self.clean_rate, 3),
            "lost": self.lost,
        }


@dataclass
class ClusterFigures:
    """The cluster's part of a build: per-node figures, retries, wall time."""

    address: str
    batch: int = 0
    seconds: float = 0.0  # on the cluster, both stages
    retried: int = 0  # batches sent again after their actor, task or node was lost
    nodes: dict[str, NodeFigures] = field(default_factory=dict)

    def node(self, name: str) -> NodeFigures:
        """The figures of node `name`, created on first use."""
        return self.nodes.setdefault(name, NodeFigures(name))

    def rates(self) -> str:
        """`node rate/s` for each node that embedded something, for progress lines."""
        return ", ".join(f"{n.node} {n.rate:.1f}/s" for n in self.nodes.values() if n.articles)

    def clean_rates(self) -> str:
        """`node rate/s` for each node that cleaned something, for progress lines."""
        return ", ".join(f"{n.node} {n.clean_rate:.0f}/s" for n in self.nodes.values() if n.cleaned)

    def as_dict(self) -> dict[str, Any]:
        """For the report and the manifest."""
        return {
            "engine": "ray",
            "address": self.address,
            "batch": self.batch,
            "seconds": round(self.seconds, 3),
            "retried_batches": self.retried,
            "nodes": [n.as_dict() for n in sorted(self.nodes.values(), key=lambda n: n.node)],
        }
