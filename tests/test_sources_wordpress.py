"""WordPress through its REST API: a real WordPress (Debian's package) on PHP's built-in server.

The site runs from a private tree (WordPress's PHP files, our `wp-config.php`)
on a MariaDB database of its own, is installed and seeded with PHP in
WordPress's own functions (`wp_install`, `wp_insert_post`, application
passwords), and is stopped and dropped after the module.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from pydantic import SecretStr
from sqlalchemy.engine import URL

from indexer.sources import Credentials, SourceError, SourceOptions, SourceRow, open_source
from indexer.sources.wordpress import WordPressSource
from service.cli import cli
from tests.fixtures_service import free_port, listening
from tests.fixtures_sources import sample_articles

WORDPRESS = Path("/usr/share/wordpress")
WP_CONFIG = """<?php
define('DB_NAME', getenv('WP_DB_NAME'));
define('DB_USER', getenv('WP_DB_USER'));
define('DB_PASSWORD', getenv('WP_DB_PASSWORD') ?: '');
define('DB_HOST', getenv('WP_DB_HOST'));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', getenv('WP_URL'));
define('WP_SITEURL', getenv('WP_URL'));
define('WP_ENVIRONMENT_TYPE', 'local');  // application passwords over plain http
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
"""
# Runs the PHP on stdin inside WordPress, with the JSON file argv[1] as $data; prints the result.
RUNNER = """<?php
function wp_mail() { return true; }
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url(getenv('WP_URL'), PHP_URL_HOST);
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$data = isset($argv[1]) ? json_decode(file_get_contents($argv[1]), true) : null;
echo json_encode(eval(stream_get_contents(STDIN)));
"""
SEED = """
$r = wp_install('Example News', 'editor', 'editor@example.test', true, '', wp_generate_password());
$uid = $r['user_id'];
wp_delete_post(1, true);
wp_delete_post(2, true);
wp_update_user(['ID' => $uid, 'display_name' => 'Maria Keller']);
$ids = [];
foreach ($data['posts'] as $p) {
    $cat = term_exists($p['section'], 'category') ?: wp_insert_term($p['section'], 'category');
    $ids[] = wp_insert_post([
        'post_title' => $p['title'], 'post_content' => $p['content'], 'post_status' => $p['status'],
        'post_author' => $uid, 'post_category' => [(int) $cat['term_id']],
        'tags_input' => $p['tags'], 'post_date_gmt' => $p['date_gmt'],
    ]);
}
$att = wp_insert_attachment(['post_mime_type' => 'image/jpeg', 'post_title' => 'Harbour',
    'post_status' => 'inherit'], '', $ids[0]);
update_post_meta($att, '_wp_attached_file', '2025/03/harbour.jpg');
set_post_thumbnail($ids[0], $att);
global $wpdb;  // modified in the past, so edits made by a test are later
$wpdb->query("UPDATE {$wpdb->posts} SET post_modified = '2025-03-01 10:00:00',"
    . " post_modified_gmt = '2025-03-01 10:00:00'");
list($password) = WP_Application_Passwords::create_new_application_password($uid,
    ['name' => 'morelike']);
return ['ids' => $ids, 'password' => $password];
"""


@dataclass
class WordPress:
    """A running WordPress: its URL, seeded post ids, an application password, PHP access."""

    url: str
    ids: list[int]
    user: str
    password: str
    root: Path
    env: dict[str, str]

    def php(self, code: str, data: Any = None) -> Any:
        """Run PHP inside WordPress (as the seeding did) and return what it returns."""
        args = ["php", str(self.root / "run.php")]
        if data is not None:
            (self.root / "data.json").write_text(json.dumps(data))
            args.append(str(self.root / "data.json"))
        done = subprocess.run(
            args, input=code, env=self.env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr + done.stdout
        return json.loads(done.stdout.strip().splitlines()[-1])

    def source(self, **options: Any) -> WordPressSource:
        """A source on this site."""
        source = open_source("wordpress+" + self.url, SourceOptions(**options))
        assert isinstance(source, WordPressSource)
        return source


def _posts() -> list[dict[str, Any]]:
    articles = sample_articles(6)
    posts = [
        {
            "title": a["title"],
            "content": "".join(f"<p>{p}</p>" for p in a["body"].split("\n\n")),
            "section": a["section"].title(),
            "tags": a["tags"][:2],
            "status": "publish",
            "date_gmt": f"2025-02-0{i + 1} 09:00:00",
        }
        for i, a in enumerate(articles)
    ]
    posts[0]["title"] = "Harbour & Quay: the council’s “final” vote"
    posts[4]["status"] = "draft"
    posts[5]["status"] = "private"
    return posts


def _tree(root: Path) -> None:
    """WordPress's files, with our wp-config.php instead of Debian's per-host one."""
    root.mkdir()
    for entry in WORDPRESS.iterdir():
        if entry.name == "wp-config.php" or entry.name == "wp-content":
            continue
        if entry.suffix == ".php":
            shutil.copy(entry, root / entry.name)  # copied: __DIR__ must be ours
        else:
            (root / entry.name).symlink_to(entry)
    for sub in ("plugins", "themes", "uploads"):
        (root / "wp-content" / sub).mkdir(parents=True)
    (root / "wp-config.php").write_text(WP_CONFIG)
    (root / "run.php").write_text(RUNNER)


@pytest.fixture(scope="module")
def wordpress(tmp_path_factory: pytest.TempPathFactory, mariadb_server: URL) -> Iterator[WordPress]:
    """A real WordPress, installed and seeded, on PHP's built-in server."""
    if not shutil.which("php") or not (WORDPRESS / "wp-settings.php").exists():
        pytest.fail("WordPress or PHP is not installed: run `make system-deps`")
    database = f"morelike_wp_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(mariadb_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {database}"))
    root = tmp_path_factory.mktemp("wordpress") / "site"
    _tree(root)
    url = f"http://127.0.0.1:{free_port()}"
    env = {
        **os.environ,
        "WP_URL": url,
        "WP_DB_NAME": database,
        "WP_DB_USER": mariadb_server.username or "root",
        "WP_DB_PASSWORD": mariadb_server.password or "",
        "WP_DB_HOST": f"{mariadb_server.host}:{mariadb_server.port or 3306}",
        "PHP_CLI_SERVER_WORKERS": "4",
    }
    site = WordPress(url, [], "editor", "", root, env)
    seeded = site.php(SEED, {"posts": _posts()})
    site.ids, site.password = seeded["ids"], seeded["password"]
    log = (root.parent / "php-server.log").open("w")
    server = subprocess.Popen(
        ["php", "-S", url.removeprefix("http://"), "-t", str(root)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        for _ in range(100):
            if listening(int(url.rsplit(":", 1)[1])):
                break
            if server.poll() is not None:
                pytest.fail(f"php -S exited: see {log.name}")
            time.sleep(0.1)
        yield site
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server and the workers it forked
        server.wait(timeout=30)
        log.close()
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {database}"))
        admin.dispose()


def _records(source: WordPressSource) -> dict[str, dict[str, Any]]:
    items = list(source.records())
    assert all(isinstance(i, SourceRow) for i in items), items
    return {i.record["id"]: i.record for i in items if isinstance(i, SourceRow)}


def test_published_posts_with_terms_author_image_paged(wordpress: WordPress) -> None:
    source = wordpress.source()
    source.per_page = 2  # 4 published posts: two pages by X-WP-TotalPages
    records = _records(source)
    assert set(records) == {str(i) for i in wordpress.ids[:4]}
    first = records[str(wordpress.ids[0])]
    article = sample_articles(1)[0]
    assert first["title"] == "Harbour & Quay: the council’s “final” vote"
    assert article["body"].split("\n\n")[0][:50] in first["body"]
    assert first["section"] == article["section"].title()
    assert set(first["tags"]) == set(article["tags"][:2])
    assert first["author"] == "Maria Keller" and first["status"] == "published"
    assert first["image_url"].endswith("/2025/03/harbour.jpg")
    assert first["published_at"] == "2025-02-01T09:00:00+00:00"
    assert first["url"].startswith(wordpress.url)
    assert "rest_route" in source.api_root()  # discovered: plain permalinks
    pages = list(source.listing({"_fields": "id", "status": "publish"}))
    assert [len(page[1]) for page in pages] == [2, 2]  # type: ignore[index]


def test_an_application_password_brings_drafts_and_private_posts(wordpress: WordPress) -> None:
    in_url = f"wordpress+http://editor:{wordpress.password}@{wordpress.url.removeprefix('http://')}"
    source = open_source(in_url, SourceOptions())
    assert wordpress.password not in source.name
    statuses = {r["id"]: r["status"] for r in _records(source).values()}  # type: ignore[arg-type]
    assert statuses[str(wordpress.ids[4])] == "draft"
    assert statuses[str(wordpress.ids[5])] == "unpublished"
    wrong = Credentials("editor", SecretStr("not-the-password"))
    with pytest.raises(SourceError, match="application password") as refused:
        list(wordpress.source(credentials=wrong).records())
    assert "not-the-password" not in str(refused.value)


def test_changes_by_modified_after_and_ids_after_a_deletion(wordpress: WordPress) -> None:
    creds = Credentials(wordpress.user, SecretStr(wordpress.password))
    source = wordpress.source(credentials=creds)
    everything = source.changes(None)
    assert len(everything.items) == 6
    assert json.loads(everything.cursor)["modified"] == "2025-03-01T10:00:00"
    edited, trashed = wordpress.ids[1], wordpress.ids[2]
    new = wordpress.php(
        f"wp_update_post(['ID' => {edited}, 'post_title' => 'Edited headline']);"
        f"wp_trash_post({trashed});"
        "return wp_insert_post(['post_title' => 'A new post', 'post_status' => 'publish',"
        " 'post_content' => '<p>Fresh from the newsroom.</p>']);"
    )
    changed = {i.record["id"]: i.record for i in source.changes(everything.cursor).items}  # type: ignore[union-attr]
    assert set(changed) == {str(edited), str(trashed), str(new)}
    assert changed[str(edited)]["title"] == "Edited headline"
    assert changed[str(trashed)]["status"] == "unpublished"
    ids = wordpress.source().ids()
    assert str(trashed) not in ids and {str(edited), str(new)} <= ids
    wordpress.php(f"wp_untrash_post({trashed}); wp_publish_post({trashed}); return 1;")


def test_morelike_build_from_wordpress(wordpress: WordPress, tmp_path: Path) -> None:
    creds = Credentials(wordpress.user, SecretStr(wordpress.password))
    expected = len(wordpress.source(credentials=creds).ids())
    result = CliRunner().invoke(
        cli,
        ["build", "--source", "wordpress+" + wordpress.url, "--data-dir", str(tmp_path / "d")],
        env={
            "MORELIKE_SOURCE_USER": wordpress.user,
            "MORELIKE_SOURCE_PASSWORD": wordpress.password,
        },
    )
    assert result.exit_code == 0, result.output
    assert f"from wordpress+{wordpress.url}" in result.output
    assert f"indexed {expected}," in result.output
    assert wordpress.password not in result.output
