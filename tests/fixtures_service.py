"""Fixtures for the service tests: Redis, app, client, live gunicorn server.

Redis: the tests use the server at 127.0.0.1:6379 when one listens (the CI
machine usually has one), with their own database number and key prefix, and
delete their keys before and after each test. When none listens, a private
`redis-server` is started on a free port for the session. Tests that stop and
start Redis always get a private server of their own.
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
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import redis

from indexer.embedder import Embedder
from service import create_app
from service.settings import load_settings

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
TEST_DB = 13
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def listening(port: int, host: str = "127.0.0.1") -> bool:
    """Whether something accepts TCP connections on host:port."""
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.5):
        return True
    return False


class RedisProcess:
    """A private `redis-server` (no persistence) that a test can stop and start again."""

    def __init__(self, port: int | None = None) -> None:
        if not Path(REDIS_SERVER).exists():
            pytest.fail("redis-server is not installed: run `make system-deps`")
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None
        self.start()

    def start(self) -> None:
        """Start the server and wait until it answers PING."""
        self.proc = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis(port=self.port, socket_timeout=0.2)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.RedisError):
                if client.ping():
                    client.close()
                    return
            time.sleep(0.05)
        raise RuntimeError(f"redis-server on port {self.port} did not start")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then wait)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None


@dataclass
class RedisTarget:
    """Where a test's cache lives: URL, key prefix and a client to inspect it."""

    url: str
    prefix: str
    client: redis.Redis = field(repr=False)

    def saved_keys(self) -> list[str]:
        """The test's keys (not the lock keys)."""
        return [
            k.decode()
            for k in self.client.scan_iter(match=self.prefix + "*", count=1000)
            if not k.endswith(b":lock")
        ]

    def clean(self) -> None:
        """Delete the test's keys."""
        for key in self.client.scan_iter(match=self.prefix + "*", count=1000):
            self.client.delete(key)


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A Redis for the session: the one on 127.0.0.1:6379 if it listens, else a private one."""
    if listening(6379):
        yield f"redis://127.0.0.1:6379/{TEST_DB}"
        return
    server = RedisProcess()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def redis_target(redis_url: str) -> Iterator[RedisTarget]:
    """The session Redis with a key prefix of this test's own, cleaned before and after."""
    client = redis.Redis.from_url(redis_url, socket_timeout=2)
    target = RedisTarget(redis_url, f"morelike-test-{uuid.uuid4().hex[:8]}:", client)
    target.clean()
    yield target
    target.clean()
    client.close()


@pytest.fixture
def private_redis() -> Iterator[RedisProcess]:
    """A Redis server of this test's own, which it may stop and start."""
    server = RedisProcess()
    try:
        yield server
    finally:
        server.stop()


AppFactory = Callable[..., Any]


@pytest.fixture
def make_app(small_snapshot_dir: Path, embedder: Embedder) -> Iterator[AppFactory]:
    """Build apps with setting overrides (data dir: the small snapshot unless given)."""
    apps = []

    def factory(**overrides: Any) -> Any:
        overrides.setdefault("data_dir", small_snapshot_dir)
        app = create_app(load_settings(**overrides), embedder=embedder)
        app.config["TESTING"] = True
        apps.append(app)
        return app

    yield factory
    for app in apps:
        app.extensions["morelike"].holder.stop()


@pytest.fixture
def app(make_app: AppFactory) -> Any:
    """An app on the small snapshot with the in-process cache only."""
    return make_app()


@pytest.fixture
def client(app: Any) -> Any:
    """A test client of `app`."""
    return app.test_client()


class LiveServer:
    """`morelike serve` (gunicorn) in its own process group on a free loopback port."""

    def __init__(self, data_dir: Path, log: Path, **env: Any) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environ = {k: v for k, v in os.environ.items() if not k.startswith("MORELIKE_")}
        environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
        environ.update({f"MORELIKE_{k.upper()}": str(v) for k, v in env.items()})
        environ.setdefault("MORELIKE_ACCESS_LOG", "false")
        # tests about the model ask for it: a preloading master imports torch (seconds of CPU)
        environ.setdefault("MORELIKE_PRELOAD_MODEL", "false")
        self.log_path = log
        self._log = log.open("w")
        self.proc = subprocess.Popen(
            [str(VENV_BIN / "morelike"), "serve", "--data-dir", str(data_dir),
             "--port", str(self.port)],
            env=environ, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def wait_ready(self, path: str = "/healthz", timeout: float = 60) -> None:
        """Wait until `path` answers (any status below 500)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.base + path, timeout=2):
                    return
            except urllib.error.HTTPError as exc:
                if exc.code < 500:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server not ready: {self.log_path.read_text()[-3000:]}")

    def output(self) -> str:
        """What the server printed so far."""
        self._log.flush()
        return self.log_path.read_text()

    def stop(self) -> None:
        """SIGTERM the process group and wait for it."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._log.close()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    """Start live servers: `live_server(data_dir, workers=2, ...)`; all stopped at the end."""
    servers: list[LiveServer] = []

    def start(data_dir: Path, ready: str = "/healthz", **env: Any) -> LiveServer:
        server = LiveServer(data_dir, tmp_path / f"server-{len(servers)}.log", **env)
        servers.append(server)
        server.wait_ready(ready)
        return server

    yield start
    for server in servers:
        server.stop()
