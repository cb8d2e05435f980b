"""The read side of Morelike: the related-articles HTTP service.

`create_app(settings=None)` builds the Flask app: defaults, then `MORELIKE_*`
environment variables, then a test's override. gunicorn serves
`service:create_app()` with the configuration in `service.gunicorn_conf`.
The app's modules are imported on first call, so the `morelike` command starts
quickly for the indexer's subcommands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask_openapi3 import OpenAPI

    from indexer.embedder import Embedder
    from service.settings import Settings

__all__ = ["create_app"]


def create_app(settings: Settings | None = None, *, embedder: Embedder | None = None) -> OpenAPI:
    """The Flask app serving the current snapshot of `settings.data_dir`.

    `settings` defaults to the `MORELIKE_*` environment; `embedder` lets tests
    share a model that is already loaded.
    """
    from service.app import build_app

    return build_app(settings, embedder=embedder)
