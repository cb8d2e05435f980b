"""One entry point for every source: dispatch, local files, empty sources, strict mode, secrets."""

from __future__ import annotations

import base64
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import SecretStr

from indexer.build import BuildError, BuildOptions, build
from indexer.embedder import Embedder
from indexer.readers import open_source as read_files
from indexer.snapshot import current_version, read_manifest, snapshots_dir
from indexer.sources import (
    Credentials,
    SourceError,
    SourceOptions,
    SourceRow,
    open_source,
    source_kind,
)
from service.cli import cli
from tests.conftest import SMALL_CORPUS
from tests.fixtures_sources import Fault, Site, page_html, rss, rss_item, urlset

FAST = SourceOptions(timeout=0.5, retries=1, backoff=0.01)


@pytest.mark.parametrize(
    ("spec", "kind"),
    [
        ("samples/articles.jsonl", "file"),
        (Path("https://not-a-url"), "file"),
        ("file:///srv/articles.csv", "file"),
        ("https://example.test/feed.xml", "feed"),
        ("http://example.test/?feed=rss2", "feed"),
        ("sitemap+https://example.test/sitemap.xml", "sitemap"),
        ("wordpress+https://user:pw@example.test", "wordpress"),
        ("postgresql://reader@db.internal/cms", "sql"),
        ("postgres://reader@db.internal/cms", "sql"),
        ("mysql+pymysql://reader@db.internal/cms", "sql"),
        ("mariadb://reader@db.internal/cms", "sql"),
        ("sqlite:///var/cms.db", "sql"),
    ],
)
def test_the_kind_follows_from_the_string(spec: str | Path, kind: str) -> None:
    assert source_kind(spec) == kind


def test_an_unknown_url_kind_is_a_clear_error_without_the_password() -> None:
    with pytest.raises(SourceError, match="unknown source kind 'ftp://'") as caught:
        source_kind("ftp://user:hunter2@example.test/articles.jsonl")
    assert "hunter2" not in str(caught.value) and "user:***@" in str(caught.value)


def test_local_files_read_as_before_and_answer_sync(tmp_path: Path) -> None:
    source = open_source(SMALL_CORPUS)
    assert [i.record for i in source.records()] == [i.record for i in read_files(SMALL_CORPUS)]  # type: ignore[union-attr]
    first = source.changes(None)
    assert len(first.items) == len(list(read_files(SMALL_CORPUS)))
    assert source.changes(first.cursor).items == []  # same bytes: nothing to apply
    copy = tmp_path / "a.jsonl"
    copy.write_text(SMALL_CORPUS.read_text() + json.dumps({"id": "extra", "title": "New"}) + "\n")
    moved = open_source(copy).changes(first.cursor)
    assert len(moved.items) == len(first.items) + 1
    assert "extra" in open_source(copy).ids()
    with pytest.raises(SourceError, match="source not found"):
        open_source(tmp_path / "missing.jsonl")


def test_a_source_that_yields_nothing_exits_2_with_current_untouched(
    site: Site, data_dir_copy: Path
) -> None:
    before = current_version(data_dir_copy)
    site.write("empty.xml", rss([]))
    site.faults["/down.xml"] = Fault(status=503)
    runner = CliRunner()
    for path, reason in (("empty.xml", "empty corpus"), ("down.xml", "http 503: 1")):
        result = runner.invoke(
            cli,
            ["build", "--source", site.url(path), "--data-dir", str(data_dir_copy),
             "--fetch-timeout", "1"],
        )  # fmt: skip
        assert result.exit_code == 2 and reason in result.output, result.output
        assert result.output.count("error:") == 1
    assert current_version(data_dir_copy) == before
    assert len(list((snapshots_dir(data_dir_copy)).iterdir())) == 1


def test_strict_mode_fails_on_an_unreadable_page(site: Site, tmp_path: Path) -> None:
    site.write("ok.html", page_html({"id": "x", "title": "T", "body": "Words " * 40,
                                     "published_at": "2025-01-01"}))  # fmt: skip
    site.faults["/bad.html"] = Fault(status=500)
    site.write("sitemap.xml", urlset([(site.url("ok.html"), None), (site.url("bad.html"), None)]))
    options = BuildOptions(
        source="sitemap+" + site.url("sitemap.xml"), data_dir=tmp_path, strict=True, sources=FAST
    )
    with pytest.raises(BuildError, match=r"strict mode: 1 bad records .*bad\.html: HTTP 500"):
        build(options)
    assert current_version(tmp_path) is None


def test_credentials_reach_only_the_source_and_are_never_shown(
    site: Site, tmp_path: Path, embedder: Embedder, caplog: pytest.LogCaptureFixture
) -> None:
    other = Site(tmp_path / "cdn")
    other.root.mkdir()
    try:
        article = {"id": "p1", "title": "Harbour works", "body": "The quay is rebuilt. " * 20,
                   "published_at": "2025-01-01T00:00:00Z"}  # fmt: skip
        page = other.write("p1.html", page_html(article))
        site.write("sitemap.xml", urlset([(page, None)]))
        caplog.set_level(logging.DEBUG)
        spec = "sitemap+" + site.url("sitemap.xml").replace("://", "://reader:Sup3r-secret@")
        report = build(BuildOptions(source=spec, data_dir=tmp_path / "d", sources=FAST), embedder)
        token = base64.b64encode(b"reader:Sup3r-secret").decode()
        assert site.hits_for("sitemap.xml")[0].headers["Authorization"] == f"Basic {token}"
        assert all("Authorization" not in h.headers for h in other.hits)  # another origin
        assert report.indexed == 1
        manifest = read_manifest(snapshots_dir(tmp_path / "d") / report.version)
        shown = json.dumps(manifest) + caplog.text + report.source
        assert "Sup3r-secret" not in shown and report.source == "sitemap+" + site.url("sitemap.xml")
    finally:
        other.stop()


def test_credentials_from_the_environment_or_a_file(tmp_path: Path) -> None:
    env = {"MORELIKE_SOURCE_PASSWORD": "from-env"}
    assert Credentials.resolve("u", None, env).password == SecretStr("from-env")
    secret = tmp_path / "password"
    secret.write_text("from-file\n")
    creds = Credentials.resolve("u", secret, env)
    assert creds.password is not None and creds.password.get_secret_value() == "from-file"
    assert "from-file" not in repr(creds)
    with pytest.raises(SourceError, match="cannot read the password file"):
        Credentials.resolve("u", tmp_path / "nope", env)
    result = CliRunner().invoke(
        cli,
        ["build", "--source", "https://example.test/feed.xml", "--source-password-file",
         str(tmp_path / "nope"), "--data-dir", str(tmp_path / "d")],
    )  # fmt: skip
    assert result.exit_code == 2 and "password file" in result.output


def test_records_of_every_kind_are_source_rows(site: Site) -> None:
    """The shape every source yields is the one the file readers yield."""
    article = {"id": "g1", "url": "https://ex.test/g1", "title": "T", "body": "B"}
    url = site.write("feed.xml", rss([rss_item(article, datetime(2025, 3, 1, tzinfo=UTC))]))
    [item] = list(open_source(url, FAST).records())
    assert isinstance(item, SourceRow) and item.location == "https://ex.test/g1"
    assert set(item.record) >= {"id", "url", "title", "body", "published_at", "tags"}
