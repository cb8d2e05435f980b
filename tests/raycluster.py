"""A real multi-node Ray cluster on this machine, for tests and benchmarks.

Each node is a `ray start` of its own (a head with no CPUs, so that work lands
on the worker nodes, and worker nodes with a CPU or two), in a process group of
its own: killing a group kills that node (raylet, object store, workers) and
nothing else. Ray's session files go to a short directory under /tmp (its
socket paths have a length limit) that is removed on stop.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

RAY = str(Path(sys.executable).parent / "ray")
START_TIMEOUT = 180


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LocalRayCluster:
    """`ray start` nodes on 127.0.0.1: `start()`, `add_worker()`, `kill_worker()`, `stop()`."""

    workers: int = 2
    cpus_per_worker: int = 1
    # Lost nodes are noticed in a few seconds rather than Ray's default of about 30.
    fast_failure_detection: bool = True
    port: int = field(default_factory=free_port)
    temp_dir: Path = field(default_factory=lambda: Path(f"/tmp/rt-{os.getpid()}-{free_port()}"))
    groups: list[int] = field(default_factory=list)  # process groups: head first
    log: Path | None = None

    @property
    def address(self) -> str:
        """The head's GCS address, what `morelike build --ray` takes."""
        return f"127.0.0.1:{self.port}"

    def _start(self, args: list[str], env: dict[str, str] | None = None) -> int:
        self.temp_dir.mkdir(parents=True, exist_ok=True)
        log = self.log or self.temp_dir / "start.log"
        with log.open("a") as out:
            proc = subprocess.Popen(
                [RAY, "start", "--node-ip-address=127.0.0.1", "--disable-usage-stats", *args],
                stdout=out,
                stderr=subprocess.STDOUT,
                env={**os.environ, **(env or {})},
                start_new_session=True,  # the node's processes share this process group
            )
            self.groups.append(proc.pid)
            code = proc.wait(timeout=START_TIMEOUT)  # `ray start` returns once the node is up
        if code != 0:
            raise RuntimeError(f"ray start {' '.join(args)} failed, see {log}")
        return proc.pid

    def start(self) -> LocalRayCluster:
        """The head, then the worker nodes, each up before the next starts."""
        env = {}
        if self.fast_failure_detection:
            env = {
                "RAY_health_check_period_ms": "1000",
                "RAY_health_check_timeout_ms": "2000",
                "RAY_health_check_failure_threshold": "3",
            }
        self._start(
            [
                "--head",
                f"--port={self.port}",
                "--num-cpus=0",
                "--include-dashboard=false",
                f"--dashboard-agent-listen-port={free_port()}",
                f"--temp-dir={self.temp_dir}",
            ],
            env,
        )
        for _ in range(self.workers):
            self.add_worker()
        return self

    def add_worker(self, cpus: int | None = None) -> int:
        """Start one more worker node; returns its process group."""
        return self._start(
            [
                f"--address={self.address}",
                f"--num-cpus={cpus or self.cpus_per_worker}",
                f"--dashboard-agent-listen-port={free_port()}",
            ]
        )

    def kill_worker(self, index: int = 0) -> None:
        """SIGKILL every process of worker node `index`, as a machine that dies."""
        group = self.groups[1 + index]
        _signal_group(group, signal.SIGKILL)

    def stop(self) -> None:
        """Stop every node (workers first), then remove Ray's session files."""
        for group in reversed(self.groups):
            _signal_group(group, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(g) for g in self.groups):
            time.sleep(0.5)
        for group in self.groups:
            _signal_group(group, signal.SIGKILL)
        self.groups.clear()
        shutil.rmtree(self.temp_dir, ignore_errors=True)


def _signal_group(group: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, sig)


def _alive(group: int) -> bool:
    """Whether a process of `group` still runs (zombies do not count)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False
