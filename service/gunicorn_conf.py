"""gunicorn configuration for `service:create_app()`, read from the `MORELIKE_*` settings.

`morelike serve` runs gunicorn with this module (`-c python:service.gunicorn_conf`);
the repository's `gunicorn.conf.py` re-exports it, so plain `gunicorn` in the
repository root (or with `-c /etc/morelike/gunicorn.conf.py` in the image) runs
the same thing.

- Workers and threads from the environment; `service.worker.BufferedThreadWorker`
  (gthread that reads each request whole before a thread takes it).
- The app is loaded in the master before forking (`preload_app`): the first
  snapshot's pages and the imported libraries are shared by every worker.
  Each worker then watches `CURRENT` on its own.
- Prometheus multiprocess mode: a metrics directory is created (or taken from
  `PROMETHEUS_MULTIPROC_DIR`) and emptied before the app is imported, and a
  dead worker's live gauges are dropped.
- Timeouts, `max_requests` with jitter, access and error logs to stdout.
"""

from __future__ import annotations

import gc
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from service.settings import SettingsError, load_settings
from service.worker import configure as configure_worker

_log = logging.getLogger(__name__)

try:
    _settings = load_settings()
except SettingsError as _exc:
    raise SystemExit(f"error: {_exc}") from None

# One BLAS/OpenMP thread per worker: workers are the parallelism, and threads of
# several workers fighting over the cores make every numpy and FAISS call slower.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="morelike-metrics-")


def _empty_metrics_dir() -> None:
    """Values of an earlier run must not be merged in: empty the directory once, at start.

    Done here, before gunicorn loads the app (hooks such as `on_starting` run after it).
    """
    directory = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    if os.environ.get("MORELIKE_METRICS_DIR_EMPTIED") == str(directory):
        return  # a configuration reload (HUP): live workers' files stay
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink(missing_ok=True)
    os.environ["MORELIKE_METRICS_DIR_EMPTIED"] = str(directory)


_empty_metrics_dir()

_host = _settings.host
if ":" in _host and not _host.startswith("["):
    _host = f"[{_host}]"

wsgi_app = "service:create_app()"
bind = [f"{_host}:{_settings.port}"]
workers = _settings.workers
threads = _settings.threads
# gthread whose event loop reads each request whole before a thread takes it:
# slow or half-open clients wait in the poller, not in a thread (service/worker.py)
worker_class = configure_worker(_settings.request_read_timeout, _settings.max_body_bytes)
http2_cleartext = "off"
preload_app = True
timeout = _settings.timeout
graceful_timeout = _settings.graceful_timeout
keepalive = _settings.keepalive
max_requests = _settings.max_requests
max_requests_jitter = _settings.max_requests_jitter
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
proc_name = "morelike"
control_socket_disable = True  # nothing uses it; it would need a writable home
accesslog = "-" if _settings.access_log else None
errorlog = "-"
loglevel = _settings.log_level
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
logconfig_dict: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": _settings.log_level.upper(), "handlers": ["console"]},
    "loggers": {
        "gunicorn.error": {"level": _settings.log_level.upper(), "handlers": [], "propagate": True},
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


def when_ready(server: Any) -> None:
    """Log where the service listens."""
    _log.info(
        "morelike ready on %s with %d worker(s) x %d thread(s), data dir %s",
        ", ".join(bind),
        workers,
        threads,
        _settings.data_dir,
    )


def pre_fork(server: Any, worker: Any) -> None:
    """Move the preloaded objects out of the GC's reach so workers keep sharing their pages."""
    gc.freeze()


def on_starting(server: Any) -> None:
    """In the master, before forking: drop its gauges, import the model's libraries.

    The master preloaded the app but serves nothing, so its gauges must not count
    (see service.metrics). Importing sentence-transformers (torch) here, once,
    lets every worker share those pages and load only the weights when it starts.
    """
    from service import metrics

    metrics.forget_master(os.getpid())
    if _settings.preload_model:
        _import_model_libraries()


def _import_model_libraries() -> None:
    """Import the embedding libraries without running them (no thread pool starts before fork)."""
    try:
        import sentence_transformers  # noqa: F401
    except Exception:  # each worker tries again, and reports it, when it loads the model
        _log.exception("importing sentence-transformers in the master failed")


def post_fork(server: Any, worker: Any) -> None:
    """Per worker, before it takes requests: FAISS threads, then `State.start_worker`.

    That chooses and warms the snapshot (not the master's if CURRENT has moved),
    publishes the worker's gauges and starts loading the model in the background.
    """
    import faiss

    faiss.omp_set_num_threads(int(os.environ.get("OMP_NUM_THREADS") or 1))
    try:
        server.app.wsgi().extensions["morelike"].start_worker()
    except Exception:  # the first request retries; never stop a worker from booting
        _log.exception("worker %s: start failed", worker.pid)


def child_exit(server: Any, worker: Any) -> None:
    """Drop the live gauges of a worker that exited."""
    from service import metrics

    metrics.mark_process_dead(worker.pid)
