"""gunicorn's configuration for the service, from one `Settings` object: the only place
that prepares the worker processes.

`options(settings)` gives every gunicorn setting and hook. `morelike serve` hands
them to gunicorn in-process (`service.serve.ServiceApplication`) with the settings
it read once; the repository's `gunicorn.conf.py` (also `/etc/morelike/` in the
image) applies the same options for plain `gunicorn`, reading the `MORELIKE_*`
environment. Nothing here runs on import.

- Workers and threads from the settings; `service.worker.BufferedThreadWorker`
  (gthread that reads each request whole before a thread takes it).
- The app is loaded in the master before forking (`preload_app`): the first
  snapshot's pages and the imported libraries are shared by every worker. Each
  worker then chooses and warms its snapshot, watches `CURRENT` on its own and
  loads the embedding model (`State.start_worker`); it takes its first request
  once the model is warm (`post_worker_init`, at most MORELIKE_MODEL_WAIT_SECONDS).
- Prometheus multiprocess mode: a metrics directory is created (or taken from
  `PROMETHEUS_MULTIPROC_DIR`) and emptied before the app is imported, the
  master's gauges are dropped, and so are a dead worker's.
- Timeouts, `max_requests` with jitter, access and error logs to stdout.
"""

from __future__ import annotations

import gc
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from service.settings import Settings
from service.worker import configure as configure_worker

_log = logging.getLogger(__name__)

METRICS_ENV = "PROMETHEUS_MULTIPROC_DIR"
EMPTIED_ENV = "MORELIKE_METRICS_DIR_EMPTIED"


def prepare_process() -> Path:
    """Environment the workers inherit: one BLAS thread each, an empty metrics directory.

    Must run before the app (and with it prometheus_client) is imported: the
    multiprocess directory is read at import. Emptied once per master, so values
    of an earlier run are not merged in; a configuration reload (HUP) keeps the
    live workers' files.
    """
    # workers are the parallelism: threads of several workers fighting over the
    # cores make every numpy and FAISS call slower
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    if not os.environ.get(METRICS_ENV):
        os.environ[METRICS_ENV] = tempfile.mkdtemp(prefix="morelike-metrics-")
    directory = Path(os.environ[METRICS_ENV])
    if os.environ.get(EMPTIED_ENV) != str(directory):
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("*.db"):
            stale.unlink(missing_ok=True)
        os.environ[EMPTIED_ENV] = str(directory)
    return directory


def _bind(settings: Settings) -> list[str]:
    host = settings.host
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return [f"{host}:{settings.port}"]


def _logging(level: str) -> dict[str, Any]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "root": {"level": level.upper(), "handlers": ["console"]},
        "loggers": {
            "gunicorn.error": {"level": level.upper(), "handlers": [], "propagate": True},
            "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": True},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "generic",
                "stream": "ext://sys.stdout",
            }
        },
        "formatters": {
            "generic": {
                "format": "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s",
                "class": "logging.Formatter",
            }
        },
    }


def options(settings: Settings) -> dict[str, Any]:
    """Every gunicorn setting and hook for `settings` (prepares the process first)."""
    prepare_process()
    bind = _bind(settings)
    return {
        "wsgi_app": "service:create_app()",  # plain gunicorn; `morelike serve` passes the app
        "bind": bind,
        "workers": settings.workers,
        "threads": settings.threads,
        # slow or half-open clients wait in the poller, not in a thread (service/worker.py)
        "worker_class": configure_worker(settings.request_read_timeout, settings.max_body_bytes),
        "http2_cleartext": "off",
        "preload_app": True,
        "timeout": settings.timeout,
        "graceful_timeout": settings.graceful_timeout,
        "keepalive": settings.keepalive,
        "max_requests": settings.max_requests,
        "max_requests_jitter": settings.max_requests_jitter,
        "worker_tmp_dir": "/dev/shm" if os.path.isdir("/dev/shm") else None,
        "proc_name": "morelike",
        "control_socket_disable": True,  # nothing uses it; it would need a writable home
        "accesslog": "-" if settings.access_log else None,
        "errorlog": "-",
        "loglevel": settings.log_level,
        "access_log_format": '%(h)s "%(r)s" %(s)s %(b)s %(M)sms',
        "logconfig_dict": _logging(settings.log_level),
        **hooks(settings, bind),
    }


def hooks(settings: Settings, bind: list[str]) -> dict[str, Any]:
    """The server hooks, bound to `settings`."""

    def when_ready(server: Any) -> None:
        """Log where the service listens."""
        _log.info(
            "morelike ready on %s with %d worker(s) x %d thread(s), data dir %s",
            ", ".join(bind),
            settings.workers,
            settings.threads,
            settings.data_dir,
        )

    def on_starting(server: Any) -> None:
        """In the master, before forking: drop its gauges, import the model's libraries.

        The master preloaded the app but serves nothing, so its gauges must not
        count (see service.metrics). Importing sentence-transformers (torch) here,
        once, lets every worker share those pages and load only the weights.
        """
        from service import metrics

        metrics.forget_master(os.getpid())
        if settings.preload_model:
            _import_model_libraries()

    def post_worker_init(worker: Any) -> None:
        """Per worker, just before its first request: wait for the model to be warm.

        The worker's heartbeat goes on while it waits; past `model_wait_seconds`
        it serves anyway (a POST then waits for the load, GETs never need it).
        """
        state = worker.app.wsgi().extensions["morelike"]
        started = time.monotonic()
        pool = getattr(worker, "tpool", None)
        if pool is not None:  # gthread: its first thread starts now, not in a first request
            pool.submit(time.monotonic).result()

        def beat() -> bool:
            worker.notify()
            return bool(worker.alive)

        if state.wait_for_model(settings.model_wait_seconds, beat):
            _log.debug("worker %s warm in %.1f s", worker.pid, time.monotonic() - started)
        else:
            _log.warning(
                "worker %s: model not loaded after %.0f s; serving without it",
                worker.pid,
                settings.model_wait_seconds,
            )

    return {
        "when_ready": when_ready,
        "on_starting": on_starting,
        "pre_fork": pre_fork,
        "post_fork": post_fork,
        "post_worker_init": post_worker_init,
        "child_exit": child_exit,
    }


def _import_model_libraries() -> None:
    """Import the embedding libraries that are safe to share across fork, without running them.

    Not ONNX Runtime: imported before fork, it leaves every worker hanging at
    exit until the master's graceful timeout kills it (30 s for a SIGTERM); a
    worker imports it in about 0.1 s.
    """
    from indexer.embedder import DEFAULT_BACKEND

    try:
        import tokenizers  # noqa: F401

        if not DEFAULT_BACKEND.startswith("onnx"):
            import sentence_transformers  # noqa: F401
    except Exception:  # each worker tries again, and reports it, when it loads the model
        _log.exception("importing the embedding runtime in the master failed")


def pre_fork(server: Any, worker: Any) -> None:
    """Move the preloaded objects out of the GC's reach so workers keep sharing their pages."""
    gc.freeze()


def post_fork(server: Any, worker: Any) -> None:
    """Per worker, before it takes requests: FAISS threads, then `State.start_worker`.

    That chooses and warms the snapshot (not the master's if CURRENT has moved),
    publishes the worker's gauges and starts loading the model in the background.
    """
    import faiss
    from threadpoolctl import threadpool_limits

    faiss.omp_set_num_threads(int(os.environ.get("OMP_NUM_THREADS") or 1))
    # `morelike serve` imports numpy before `prepare_process` sets
    # OPENBLAS_NUM_THREADS, so OpenBLAS started with a thread per core: its
    # threads then fought the model's over both cores in every POST (a fifth of
    # a POST went to one small matrix product). Limited here, per worker.
    threadpool_limits(int(os.environ.get("OPENBLAS_NUM_THREADS") or 1), user_api="blas")
    try:
        server.app.wsgi().extensions["morelike"].start_worker()
    except Exception:  # the first request retries; never stop a worker from booting
        _log.exception("worker %s: start failed", worker.pid)


def child_exit(server: Any, worker: Any) -> None:
    """Drop the live gauges of a worker that exited."""
    from service import metrics

    metrics.mark_process_dead(worker.pid)
