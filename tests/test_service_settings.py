"""Settings from MORELIKE_* variables, clear errors for malformed values, the gunicorn config."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from service.gunicorn_conf import options
from service.serve import ServiceApplication, banner, example_id
from service.settings import SettingsError, load_settings
from service.worker import BufferedThreadWorker


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No MORELIKE_* variables from the developer's shell; what a test sets is undone."""
    import os

    for name in list(os.environ):
        if name.startswith("MORELIKE_"):
            monkeypatch.delenv(name)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                 "PROMETHEUS_MULTIPROC_DIR"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)  # restored after the test


def test_defaults_need_nothing_else() -> None:
    settings = load_settings()
    assert settings.redis_url is None
    assert settings.cors_origins == []
    assert settings.port == 8000 and settings.workers >= 1
    assert settings.ranking.candidates > 0


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MORELIKE_PORT", "9001")
    monkeypatch.setenv("MORELIKE_CORS_ORIGINS", "https://www.example.com/, https://m.example.com")
    monkeypatch.setenv("MORELIKE_REDIS_URL", "redis://127.0.0.1:6379/2")
    monkeypatch.setenv("MORELIKE_ACCESS_LOG", "false")
    monkeypatch.setenv("MORELIKE_RANK_MMR_LAMBDA", "0.5")
    settings = load_settings()
    assert settings.port == 9001
    assert settings.cors_origins == ["https://www.example.com", "https://m.example.com"]
    assert settings.redis_url == "redis://127.0.0.1:6379/2"
    assert settings.access_log is False
    assert settings.ranking.mmr_lambda == 0.5


def test_override_beats_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MORELIKE_CACHE_TTL", "60")
    assert load_settings(cache_ttl=5).cache_ttl == 5
    monkeypatch.setenv("MORELIKE_REDIS_URL", "")
    assert load_settings().redis_url is None


@pytest.mark.parametrize(
    ("name", "value", "needle"),
    [
        ("MORELIKE_PORT", "eighty", "MORELIKE_PORT"),
        ("MORELIKE_PORT", "70000", "MORELIKE_PORT"),
        ("MORELIKE_WORKERS", "0", "MORELIKE_WORKERS"),
        ("MORELIKE_REDIS_URL", "http://cache:6379", "not a Redis URL"),
        ("MORELIKE_REDIS_URL", "redis://host:port", "MORELIKE_REDIS_URL"),
        ("MORELIKE_CORS_ORIGINS", "example.com", "MORELIKE_CORS_ORIGINS"),
        ("MORELIKE_LOG_LEVEL", "loud", "MORELIKE_LOG_LEVEL"),
        ("MORELIKE_ACCESS_LOG", "perhaps", "MORELIKE_ACCESS_LOG"),
        ("MORELIKE_RANK_MMR_LAMBDA", "7", "MORELIKE_RANK_MMR_LAMBDA"),
    ],
)
def test_malformed_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, needle: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as err:
        load_settings()
    assert needle in str(err.value)
    assert name in str(err.value)


def test_gunicorn_options_come_from_one_settings_object(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "metrics"))
    monkeypatch.setenv("MORELIKE_METRICS_DIR_EMPTIED", "")  # restored after the test
    monkeypatch.setenv("MORELIKE_WORKERS", "7")  # the object wins: nothing reads it again
    (tmp_path / "metrics").mkdir()
    (tmp_path / "metrics" / "counter_1.db").write_bytes(b"stale")
    settings = load_settings(workers=3, threads=1, host="::1", port=8123, request_read_timeout=4)
    conf = options(settings)
    assert conf["bind"] == ["[::1]:8123"]
    assert conf["workers"] == 3 and conf["threads"] == 1
    assert conf["worker_class"] == "service.worker.BufferedThreadWorker"
    assert BufferedThreadWorker.read_timeout == 4
    assert conf["preload_app"] is True and conf["http2_cleartext"] == "off"
    assert conf["max_requests"] > 0 and conf["max_requests_jitter"] > 0
    assert conf["accesslog"] == "-" and conf["errorlog"] == "-"
    assert all(callable(conf[h]) for h in ("post_fork", "pre_fork", "on_starting", "child_exit"))
    assert not list((tmp_path / "metrics").glob("*.db"))  # emptied once, before the app
    (tmp_path / "metrics" / "gauge_1.db").write_bytes(b"live")
    options(settings)  # a reload in the same master keeps the live workers' files
    assert list((tmp_path / "metrics").glob("*.db"))


def test_serve_hands_gunicorn_the_settings_it_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    monkeypatch.setenv("MORELIKE_METRICS_DIR_EMPTIED", "")  # restored after the test
    monkeypatch.setenv("MORELIKE_WORKERS", "5")
    settings = load_settings(workers=2, port=8124)
    app = ServiceApplication(settings)
    assert app.cfg.workers == 2 and app.cfg.bind == ["127.0.0.1:8124"]
    assert app.cfg.worker_class_str == "service.worker.BufferedThreadWorker"
    assert "MORELIKE_PORT" not in os.environ  # nothing written back into the environment


def test_plain_gunicorn_reads_the_same_options(tmp_path: Path) -> None:
    """The repository's gunicorn.conf.py: the environment, through the same `options`."""
    conf = Path(__file__).parent.parent / "gunicorn.conf.py"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MORELIKE_")}
    env.update(MORELIKE_WORKERS="3", PROMETHEUS_MULTIPROC_DIR=str(tmp_path))
    code = f"import runpy; c = runpy.run_path({str(conf)!r}); print(c['workers'], c['bind'])"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == "3"
    env["MORELIKE_TIMEOUT"] = "never"
    bad = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert bad.returncode == 2 and "MORELIKE_TIMEOUT" in bad.stderr


def test_banner_has_a_curl_line(small_snapshot_dir: Path, tmp_path: Path) -> None:
    assert example_id(small_snapshot_dir) == "space-1"
    lines = banner(load_settings(data_dir=small_snapshot_dir, host="0.0.0.0", port=8080))
    assert any(
        "curl 'http://127.0.0.1:8080/v1/articles/space-1/related?limit=4'" in line for line in lines
    )
    empty = banner(load_settings(data_dir=tmp_path))
    assert any("No snapshot yet" in line for line in empty)
