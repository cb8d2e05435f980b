"""SQL sources on the machine's real PostgreSQL and MariaDB, each test in a database of its own."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlalchemy.engine import URL

from indexer.build import BuildOptions, build
from indexer.embedder import Embedder
from indexer.snapshot import current_version, read_manifest, snapshots_dir
from indexer.sources import SourceOptions, SourceRow, open_source
from service.cli import cli
from tests.fixtures_sources import sample_articles

QUERY = (
    "SELECT article_id AS id, headline AS Title, body_text AS body, published AS published_at,"
    " updated_at, section, lang AS language,"
    " CASE WHEN is_draft THEN 'draft' ELSE 'published' END AS status FROM articles"
)
T0 = datetime(2025, 4, 1, 12, 0)


@pytest.fixture(params=["postgres", "mariadb"])
def db_url(request: pytest.FixtureRequest) -> URL:
    """A database of the test's own on PostgreSQL, then on MariaDB."""
    url: URL = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture
def articles_db(db_url: URL) -> Iterator[sa.Engine]:
    """An `articles` table as a CMS keeps it: 6 articles, a row without id, one without text."""
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "CREATE TABLE articles (article_id VARCHAR(64), headline VARCHAR(300),"
                " body_text TEXT, published TIMESTAMP NULL, updated_at TIMESTAMP NULL,"
                " section VARCHAR(40), lang VARCHAR(8), is_draft BOOLEAN)"
            )
        )
        rows = [
            {
                "id": a["id"],
                "title": a["title"],
                "body": a["body"],
                "pub": T0 + timedelta(days=i),
                "upd": T0 + timedelta(days=i),
                "section": a["section"],
                "draft": i == 5,
            }
            for i, a in enumerate(sample_articles(6))
        ]
        rows += [
            {"id": None, "title": "No id", "body": "Text.", "pub": None, "upd": T0,
             "section": "", "draft": False},
            {"id": "empty-1", "title": "", "body": "", "pub": None, "upd": T0,
             "section": "", "draft": False},
        ]  # fmt: skip
        conn.execute(
            sa.text(
                "INSERT INTO articles VALUES (:id, :title, :body, :pub, :upd, :section, 'en',"
                " :draft)"
            ),
            rows,
        )
    yield engine
    engine.dispose()


def test_rows_become_records_with_aliases_and_types(db_url: URL, articles_db: sa.Engine) -> None:
    source = open_source(db_url.render_as_string(False), SourceOptions(query=QUERY))
    items = list(source.records())
    source.close()
    assert len(items) == 8 and all(isinstance(i, SourceRow) for i in items)
    first = items[0].record  # type: ignore[union-attr]
    article = sample_articles(1)[0]
    assert first["id"] == article["id"] and first["title"] == article["title"]
    assert first["published_at"] == T0 and first["language"] == "en"
    assert items[5].record["status"] == "draft"  # type: ignore[union-attr]
    assert items[6].location.endswith(f"/{db_url.database} row 7")


def test_build_reports_bad_rows_by_row(
    db_url: URL, articles_db: sa.Engine, tmp_path: Path, embedder: Embedder
) -> None:
    options = BuildOptions(
        source=db_url.render_as_string(False),
        data_dir=tmp_path / "data",
        sources=SourceOptions(query=QUERY),
    )
    report = build(options, embedder)
    assert report.indexed == 6 and dict(report.skipped) == {"missing id": 1, "no text": 1}
    assert [loc.rsplit(" ", 1)[-1] for loc, _ in report.problems] == ["7", "8"]


def test_changes_since_the_cursor_and_ids_for_reconciliation(
    db_url: URL, articles_db: sa.Engine
) -> None:
    source = open_source(db_url.render_as_string(False), SourceOptions(query=QUERY))
    first = source.changes(None)
    assert len(first.items) == 8
    with articles_db.begin() as conn:
        conn.execute(
            sa.text(
                "UPDATE articles SET headline = 'Edited', updated_at = :t WHERE article_id = :i"
            ),
            {"t": T0 + timedelta(days=30), "i": sample_articles(2)[1]["id"]},
        )
        conn.execute(
            sa.text(
                "INSERT INTO articles VALUES ('new-1', 'New story', 'Fresh text.', :t, :t, 'news',"
                " 'en', FALSE)"
            ),
            {"t": T0 + timedelta(days=31)},
        )
        conn.execute(sa.text("DELETE FROM articles WHERE article_id = 'empty-1'"))
    changed = source.changes(first.cursor)
    assert [i.record["title"] for i in changed.items if isinstance(i, SourceRow)] == [
        "Edited",
        "New story",
    ]
    assert source.changes(changed.cursor).items == []
    ids = source.ids()
    assert "new-1" in ids and "empty-1" not in ids and len(ids) == 7
    source.close()


def test_credentials_never_reach_the_manifest_logs_or_errors(
    postgres_url: URL,
    mariadb_url: URL,
    tmp_path: Path,
    embedder: Embedder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "s3cret-Pa55word"
    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:  # trust auth: the password is sent and ignored
        conn.execute(sa.text("CREATE TABLE articles AS SELECT 'a1' AS id, 'Town hall' AS title"))
    engine.dispose()
    caplog.set_level(logging.DEBUG)
    data = tmp_path / "data"
    url = postgres_url.set(password=secret).render_as_string(False)
    report = build(
        BuildOptions(
            source=url, data_dir=data, sources=SourceOptions(query="SELECT * FROM articles")
        ),
        embedder,
    )
    manifest = (snapshots_dir(data) / str(current_version(data)) / "manifest.json").read_text()
    assert report.indexed == 1 and secret not in manifest
    assert ":***@" in read_manifest(snapshots_dir(data) / str(current_version(data)))["source"]
    # MariaDB refuses the wrong password: the error names the server, never the password.
    result = CliRunner().invoke(
        cli,
        ["build", "--source", mariadb_url.render_as_string(False), "--query", "SELECT 1 AS id",
         "--data-dir", str(tmp_path / "other")],
        env={"MORELIKE_SOURCE_PASSWORD": secret},
    )  # fmt: skip
    assert result.exit_code == 2 and "Access denied" in result.output
    assert secret not in result.output and secret not in caplog.text


def test_a_bad_query_or_none_is_exit_2_with_current_untouched(
    postgres_url: URL, data_dir_copy: Path
) -> None:
    before = current_version(data_dir_copy)
    url = postgres_url.render_as_string(False)
    runner = CliRunner()
    base = ["build", "--source", url, "--data-dir", str(data_dir_copy)]
    bad = runner.invoke(cli, [*base, "--query", "SELECT id FROM no_such_table"])
    assert (
        bad.exit_code == 2 and "no_such_table" in bad.output and postgres_url.database in bad.output
    )
    missing = runner.invoke(cli, base)
    assert missing.exit_code == 2 and "needs --query" in missing.output
    empty = runner.invoke(cli, [*base, "--query", "SELECT 'x' AS id WHERE 1 = 0"])
    assert empty.exit_code == 2 and "empty corpus" in empty.output
    assert current_version(data_dir_copy) == before
