"""Settings from MORELIKE_* variables, clear errors for malformed values, the gunicorn config."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

from service.serve import banner, example_id
from service.settings import SettingsError, load_settings


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


def load_gunicorn_conf() -> Any:
    """Import the gunicorn configuration module afresh (it reads and sets the environment)."""
    sys.modules.pop("service.gunicorn_conf", None)
    return importlib.import_module("service.gunicorn_conf")


def test_gunicorn_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "metrics"))
    monkeypatch.setenv("MORELIKE_WORKERS", "3")
    monkeypatch.setenv("MORELIKE_THREADS", "1")
    monkeypatch.setenv("MORELIKE_HOST", "::1")
    monkeypatch.setenv("MORELIKE_PORT", "8123")
    (tmp_path / "metrics").mkdir()
    (tmp_path / "metrics" / "counter_1.db").write_bytes(b"stale")
    monkeypatch.delenv("MORELIKE_METRICS_DIR_EMPTIED", raising=False)
    conf = load_gunicorn_conf()
    assert conf.wsgi_app == "service:create_app()"
    assert conf.bind == ["[::1]:8123"]
    assert conf.workers == 3 and conf.threads == 1
    assert conf.worker_class == "service.worker.BufferedThreadWorker"
    assert conf.preload_app is True
    assert conf.max_requests > 0 and conf.max_requests_jitter > 0
    assert conf.accesslog == "-" and conf.errorlog == "-"
    assert not list((tmp_path / "metrics").glob("*.db"))
    monkeypatch.setenv("MORELIKE_THREADS", "8")
    monkeypatch.setenv("MORELIKE_REQUEST_READ_TIMEOUT", "4")
    conf = load_gunicorn_conf()
    assert conf.threads == 8 and conf.http2_cleartext == "off"
    from service.worker import BufferedThreadWorker

    assert BufferedThreadWorker.read_timeout == 4


def test_gunicorn_config_refuses_malformed_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MORELIKE_TIMEOUT", "never")
    with pytest.raises(SystemExit) as err:
        load_gunicorn_conf()
    assert "MORELIKE_TIMEOUT" in str(err.value.code)


def test_repository_gunicorn_conf_reexports_the_package_one() -> None:
    text = (Path(__file__).parent.parent / "gunicorn.conf.py").read_text()
    assert "from service.gunicorn_conf import *" in text


def test_banner_has_a_curl_line(small_snapshot_dir: Path, tmp_path: Path) -> None:
    assert example_id(small_snapshot_dir) == "space-1"
    lines = banner(load_settings(data_dir=small_snapshot_dir, host="0.0.0.0", port=8080))
    assert any(
        "curl 'http://127.0.0.1:8080/v1/articles/space-1/related?limit=4'" in line for line in lines
    )
    empty = banner(load_settings(data_dir=tmp_path))
    assert any("No snapshot yet" in line for line in empty)
