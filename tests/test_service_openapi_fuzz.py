"""schemathesis against the app's own `/openapi.json`: the document is valid and tells the truth.

Every operation loads, and generated requests (valid and invalid ones, and
methods no route has) go to the in-process WSGI app under all of
schemathesis's checks: no 5xx, only documented statuses and content types,
bodies that match their schemas, valid data accepted, invalid data rejected,
405 with `Allow` for a method a route does not have. Examples are bounded and
the seed fixed, so the run is repeatable and stays well under a minute.

The document does not depend on the snapshot, so it is read at import from an
app on an empty data dir (schemathesis builds one test per operation when the
module is collected); the requests go to an app on the small snapshot, which
serves the same document (checked below).
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig

from indexer.embedder import Embedder
from service import create_app
from service.settings import load_settings

MAX_EXAMPLES = 30
OPERATIONS = {
    "GET /v1/articles/{article_id}/related",
    "POST /v1/related",
    "GET /v1/articles/{article_id}",
    "GET /v1/snapshot",
    "GET /healthz",
    "GET /readyz",
    "GET /metrics",
    "PUT /v1/articles/{article_id}",
    "DELETE /v1/articles/{article_id}",
    "POST /v1/batch",
    "GET /v1/articles/{article_id}/controls",
    "PUT /v1/articles/{article_id}/controls",
    "GET /v1/controls",
    "PUT /v1/controls",
}
TOKEN = "fuzz-admin-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CALLS: Counter[str] = Counter()
METHODS: Counter[str] = Counter()


def fuzz_config() -> SchemathesisConfig:
    """All checks, valid and invalid data, the examples, coverage and fuzzing phases."""
    return SchemathesisConfig.from_dict(
        {
            "seed": 20261201,
            "generation": {"max-examples": MAX_EXAMPLES, "mode": "all", "database": "none"},
            "phases": {
                "examples": {"enabled": True},
                "coverage": {"enabled": True},
                "fuzzing": {"enabled": True},
            },
            # every check but ignored_auth, whose probe without the token cannot reach an
            # in-process app (schemathesis sends it over HTTP); tests/test_admin.py proves
            # that every admin operation refuses a missing or wrong token
            "checks": {"enabled": True, "ignored_auth": {"enabled": False}},
        }
    )


def served_document() -> dict[str, Any]:
    """`/openapi.json` as an app with no snapshot serves it."""
    with tempfile.TemporaryDirectory() as empty:
        app = create_app(load_settings(data_dir=Path(empty)))
        try:
            document: dict[str, Any] = app.test_client().get("/openapi.json").get_json()
        finally:
            app.extensions["morelike"].holder.stop()
    return document


DOCUMENT = served_document()
schema = schemathesis.openapi.from_dict(DOCUMENT, config=fuzz_config())


@pytest.fixture(scope="module")
def fuzz_app(
    small_snapshot_dir: Path, embedder: Embedder, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    """One app on a copy of the small snapshot for every generated case (Hypothesis wants no
    per-test one), with the admin API on: its generated changes go to that copy's journal."""
    data_dir = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(small_snapshot_dir, data_dir)
    app = create_app(load_settings(data_dir=data_dir, admin_token=TOKEN), embedder=embedder)
    yield app
    app.extensions["morelike"].holder.stop()


def test_the_fuzzed_app_serves_this_document(fuzz_app: Any) -> None:
    assert fuzz_app.test_client().get("/openapi.json").get_json() == DOCUMENT


def test_every_operation_loads() -> None:
    loaded, errors = set(), []
    for result in schema.get_all_operations():
        try:
            operation = result.ok()
        except Exception:  # the result is an error: that operation's definition is invalid
            errors.append(str(result.err()))
            continue
        loaded.add(f"{operation.method.upper()} {operation.path}")
    assert not errors
    assert loaded == OPERATIONS


@schema.parametrize()
def test_generated_requests_pass_all_checks(case: Any, fuzz_app: Any) -> None:
    CALLS[f"{case.operation.method.upper()} {case.operation.path}"] += 1
    METHODS[case.method.upper()] += 1
    case.call_and_validate(app=fuzz_app, headers=AUTH)


def test_every_operation_was_exercised() -> None:
    """Runs after the fuzz test (file order): each operation got generated cases, and
    methods the routes do not have were sent too (the 405 and `Allow` checks ran)."""
    if not CALLS:
        pytest.skip("only meaningful together with test_generated_requests_pass_all_checks")
    assert set(CALLS) == OPERATIONS
    assert min(CALLS.values()) >= 5, CALLS
    assert {"DELETE", "PUT", "PATCH", "TRACE"} <= set(METHODS), METHODS
