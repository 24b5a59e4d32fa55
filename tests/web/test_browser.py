"""End to end in a real browser: a real `datasette serve` (the command `tracker serve` runs) on a database built
from data/articles, driven with Chromium. Set TRACKER_SCREENSHOT=docs/annotation.png to refresh the README
screenshot."""

import contextlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.web.conftest import plant_conflict
from tracker.review.annotations import ensure_annotation_schema
from tracker.review.users import add_user, users_path
from tracker.store.db import connect
from tracker.store.ingest import ingest
from tracker.web.serve import serve_command

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "correct horse battery"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium to run browser tests)"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db_path):
    """`datasette serve` (the command `tracker serve` runs) on db_path, on a free port: (base URL, port)."""
    port = free_port()
    proc = subprocess.Popen(
        serve_command(db_path, "127.0.0.1", port, workdir=Path(db_path).parent),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if proc.poll() is not None:
                pytest.fail(f"datasette exited: {proc.stderr.read().decode()[-2000:]}")
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("datasette did not start")
        yield base, port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    db_path = folder / "tracker.db"
    ingest([str(ROOT / "data" / "articles")], db_path)
    db = connect(db_path)
    ensure_annotation_schema(db)
    db.close()
    add_user(users_path(db_path), "alice", PASSWORD)
    plant_conflict(db_path)
    with serving(db_path) as (base, port):
        yield base, db_path, port


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def example_claim(db_path) -> tuple[str, str]:
    conn = sqlite3.connect(db_path)
    rows = conn.execute(
        "select c.id, c.text from claims c join articles a on a.id = c.article_id "
        "where a.path like '%turkey-s400-sanctions-review.txt' order by (c.text like '%$2.5 billion%') desc, c.start"
    ).fetchall()
    conn.close()
    assert rows, "the example article yields claims"
    return rows[0]


def count_annotations(db_path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("select count(*) from annotations").fetchone()[0]
    finally:
        conn.close()


def test_anonymous_sees_no_form_and_cannot_post(server, browser):
    base, db_path, _ = server
    cid, _ = example_claim(db_path)
    page = browser.new_page()
    page.goto(f"{base}/tracker/claims/{cid}")
    assert page.locator("section.tracker-annotations").count() == 1
    assert page.locator("form#annotate").count() == 0
    assert page.locator("section.tracker-annotations a", has_text="Log in").is_visible()
    # A same-origin POST without a login, as a script on the page could send it.
    status, body = page.evaluate(
        """async (cid) => {
            const r = await fetch('/tracker/annotate', {method: 'POST', headers: {'Accept': 'application/json'},
              body: new URLSearchParams({target_id: cid, verdict: 'false', wrong: '', note: '', sources: ''})});
            return [r.status, await r.text()];
        }""",
        cid,
    )
    assert status == 403 and "Only logged-in users may annotate" in body
    assert count_annotations(db_path) == 0
    page.close()


def test_login_annotate_and_see_history(server, browser, tmp_path):
    base, db_path, port = server
    cid, text = example_claim(db_path)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()

    page.goto(f"{base}/-/login?next=/tracker/claims/{cid}")
    page.fill("#username", "alice")
    page.fill("#password", "not the password")
    page.click("input[type=submit]")
    assert "Wrong user name or password" in page.content()
    assert not [c for c in context.cookies() if c["name"] == "ds_actor"]

    page.fill("#username", "alice")
    page.fill("#password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"**/tracker/claims/{cid}")
    assert page.locator("form#annotate").is_visible()

    for verdict, note, sources in (
        ("half true", "First pass: the figure is right, the date needs checking.", ""),
        (
            "false",
            "The batteries were delivered in July 2019, but the reported price differs.",
            "https://example.org/sipri-arms-transfers\nhttps://example.org/reuters-s400",
        ),
    ):
        page.select_option("#tracker-verdict", verdict)
        page.fill("#tracker-note", note)
        page.fill("#tracker-sources", sources)
        with page.expect_navigation():
            page.click("form#annotate input[type=submit]")
        page.wait_for_selector(f"text={note}")
    history = page.locator("ol.tracker-history li")
    assert history.count() == 2
    assert "false" in history.nth(0).inner_text() and "half true" in history.nth(1).inner_text()
    assert "alice" in history.nth(0).locator(".tracker-annotator").inner_text()
    assert count_annotations(db_path) == 2

    # The database's refusal reaches the person, next to the button, and nothing is stored.
    page.select_option("#tracker-verdict", "true")
    page.fill("#tracker-sources", "ftp://example.org/file")
    page.click("form#annotate input[type=submit]")
    page.wait_for_selector(".tracker-error:has-text('sources must be http(s) URLs')")
    assert count_annotations(db_path) == 2

    page.reload()
    assert page.locator(".tracker-error").inner_text() == ""
    shot = tmp_path / "annotation.png"
    page.screenshot(path=str(shot), full_page=True)
    if os.environ.get("TRACKER_SCREENSHOT"):
        shutil.copy(shot, ROOT / os.environ["TRACKER_SCREENSHOT"])

    page.goto(f"{base}/tracker/current_verdicts?target_id={cid}")
    row = page.locator("table.rows-and-columns tbody tr")
    assert row.count() == 1 and "false" in row.inner_text() and "alice" in row.inner_text()

    # A forged cross-site form post carrying alice's session: a page on another site (localhost is not
    # 127.0.0.1) submits to the annotate query. Datasette refuses it before it runs.
    evil = context.new_page()
    evil.goto(f"http://localhost:{port}/-/login")
    with evil.expect_navigation():
        evil.evaluate(
            """([target, cid]) => {
                const f = document.createElement('form');
                f.method = 'POST'; f.action = target;
                for (const [k, v] of Object.entries({target_id: cid, verdict: 'true', wrong: '', note: 'forged',
                                                      sources: ''})) {
                    const i = document.createElement('input'); i.name = k; i.value = v; f.appendChild(i);
                }
                document.body.appendChild(f); f.submit();
            }""",
            [f"{base}/tracker/annotate", cid],
        )
    assert "Sec-Fetch-Site was 'cross-site'" in evil.content()
    assert count_annotations(db_path) == 2
    context.close()


def current_verdicts(db_path) -> dict[str, str]:
    conn = sqlite3.connect(db_path)
    try:
        return dict(conn.execute("select target_id, verdict from current_verdicts where target_type = 'claim'"))
    finally:
        conn.close()


def test_reader_marks_link_to_their_pages(server, browser):
    base, db_path, _ = server
    conn = sqlite3.connect(db_path)
    article, title = conn.execute(
        "select id, title from articles where path like '%turkey-s400-sanctions-review.txt'"
    ).fetchone()
    claim_id, claim_text = conn.execute(
        "select id, text from claims where article_id = ? order by score desc, start limit 1", [article]
    ).fetchone()
    quote_id, speaker = conn.execute(
        "select q.id, s.name from quotes q join speakers s on s.id = q.speaker_id where q.article_id = ? "
        "order by q.start limit 1",
        [article],
    ).fetchone()
    conn.close()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/tracker/articles/{article}")
    assert page.locator("h1.tracker-headline").inner_text() == title
    assert page.locator(".tracker-body mark.tracker-quote").count() >= 3
    assert page.locator(f'.tracker-body mark[data-quote-id="{quote_id}"]').first.is_visible()
    badge = page.locator(f'.tracker-body a.tracker-quote-tag[data-quote-id="{quote_id}"]')
    assert badge.inner_text() == speaker
    with page.expect_navigation():
        badge.click()
    assert page.url == f"{base}/tracker/quotes/{quote_id}"
    assert speaker in page.locator(".tracker-meta").inner_text()
    page.go_back()
    claim = page.locator(f'.tracker-body a.tracker-claim-tag[data-claim-id="{claim_id}"]')
    with page.expect_navigation():
        claim.click()
    assert page.url == f"{base}/tracker/claims/{claim_id}"
    assert page.locator("h1.tracker-claim-heading").inner_text() == claim_text
    page.close()


def test_conflict_links_to_both_claims(server, browser):
    base, db_path, _ = server
    conn = sqlite3.connect(db_path)
    a, b = conn.execute("select claim_id, other_claim_id from claim_conflicts order by id limit 1").fetchone()
    conn.close()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/tracker/claim_conflicts_side_by_side")
    # The two claims of each conflict side by side, within 1280 px: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    card = page.locator(".tracker-conflict").first
    for target in (a, b):
        link = card.locator(f'a.tracker-claim-text[href="/tracker/claims/{target}"]')
        assert link.count() == 1 and link.is_visible()
        box = link.bounding_box()
        assert box["x"] + box["width"] <= 1280
    with page.expect_navigation():
        card.locator(f'a.tracker-claim-text[href="/tracker/claims/{b}"]').click()
    assert page.url == f"{base}/tracker/claims/{b}"
    assert page.locator(f'.tracker-conflicts a.tracker-conflict-link[href="/tracker/claims/{a}"]').is_visible()
    page.close()


def test_reviewer_annotates_three_claims_from_the_keyboard(server, browser, tmp_path):
    base, db_path, _ = server
    anonymous = browser.new_page()
    anonymous.goto(f"{base}/-/review")
    assert anonymous.locator("a", has_text="Log in to review").is_visible()
    assert anonymous.locator(".tracker-card").count() == 0
    anonymous.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/-/login?next=/-/review")
    page.fill("#username", "alice")
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert page.url == f"{base}/-/review"
    before = current_verdicts(db_path)
    queue = [page.locator(".tracker-card").nth(i).get_attribute("data-claim-id") for i in range(3)]
    assert not set(queue) & set(before)
    for i, (key, verdict) in enumerate((("5", "false"), ("1", "true"), ("3", "half true"))):
        card = page.locator(".tracker-card").nth(i)
        assert "tracker-active" in card.get_attribute("class")
        page.keyboard.press(key)
        assert card.locator(f'input[name=verdict][value="{verdict}"]').is_checked()
        page.keyboard.press("Enter")
        card.locator(".tracker-saved", has_text=f"Saved: {verdict}").wait_for()
    assert "tracker-active" in page.locator(".tracker-card").nth(3).get_attribute("class")
    verdicts = current_verdicts(db_path)
    assert [verdicts.get(c) for c in queue] == ["false", "true", "half true"]
    shot = tmp_path / "review.png"
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shot))
    if os.environ.get("TRACKER_SCREENSHOT_DIR"):
        shutil.copy(shot, ROOT / os.environ["TRACKER_SCREENSHOT_DIR"] / "review.png")
    # Reloaded, the queue no longer offers them.
    page.reload()
    remaining = page.locator(".tracker-card").evaluate_all("cards => cards.map(c => c.dataset.claimId)")
    assert not set(queue) & set(remaining)
    context.close()


# Articles as a real archive has them: long headlines (so 80-character slug ids), long speaker and source
# names, figures in words. Two of them disagree about the same project's cost.
LONG_ARTICLES = [
    {
        "title": "Parliamentary budget committee questions the Golden Silver Corridor rail project as cost "
        "overruns mount across the northern provinces",
        "published": "2021-06-02",
        "source": "Agencia Internacional de Noticias Económicas",
        "url": "https://example.org/corridor-committee",
        "text": "Officials in Spain put the cost of the Golden Silver Corridor project at $1.527 billion, "
        "according to the parliamentary budget committee of the Cortes Generales.\n\n"
        '"We will not approve another euro," committee chair Maria Gonzalez-Fernandez de la Vega said.',
    },
    {
        "title": "Finance ministry defends the Golden Silver Corridor rail project before the European "
        "Commission's infrastructure review panel in Brussels",
        "published": "2021-06-19",
        "source": "International Economic Wire Service",
        "url": "https://example.org/corridor-ministry",
        "text": '"The Golden Silver Corridor project will cost Spain $2.25 billion in total," Finance Minister '
        "Alejandro Castellanos-Rodriguez y Montenegro said on Monday in Brussels.",
    },
]


@pytest.fixture(scope="module")
def long_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("long")
    src = folder / "long.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in LONG_ARTICLES), encoding="utf-8")
    db_path = folder / "tracker.db"
    ingest([str(src)], db_path)
    conn = sqlite3.connect(db_path)
    a, b = (
        conn.execute(
            "select c.id from claims c join quantities q on q.claim_id = c.id where q.unit = 'USD' and q.value = ?",
            [v],
        ).fetchone()[0]
        for v in (1.527e9, 2.25e9)
    )
    conn.execute("delete from claim_conflicts")
    conn.execute(
        "insert into claim_conflicts (claim_id, other_claim_id, unit, value, other_value, shared_entities, "
        "wording_overlap) values (?, ?, 'USD', 1.527e9, 2.25e9, 2, 0.62)",
        [a, b],
    )
    conn.commit()
    conn.close()
    assert min(len(a), len(b)) >= 75, "the ids are long slugs"
    with serving(db_path) as (base, _):
        yield base, a, b


READABLE_COLUMN = 40  # px: a number, a short id or a wrapped header; one letter a line is about 20


@pytest.mark.parametrize("page_path", ["claim_conflicts_side_by_side", "conflicting_figures?entity=Spain"])
def test_side_by_side_pages_fit_1280_px_with_long_titles_and_ids(long_server, browser, tmp_path, page_path):
    base, a, b = long_server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/tracker/{page_path}")
    # Both claims of the conflict side by side on screen, readable widths, nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    card = page.locator(".tracker-conflict")
    assert card.count() == 1
    boxes = []
    for claim in (a, b):
        link = card.locator(f'a.tracker-claim-text[href="/tracker/claims/{claim}"]')
        assert link.count() == 1 and link.is_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
        boxes.append(box)
    assert boxes[0]["x"] + boxes[0]["width"] <= boxes[1]["x"]  # a beside b, not below it
    assert all(w >= 400 for w in card.locator(".tracker-side").evaluate_all("s => s.map(e => e.offsetWidth)"))
    assert card.locator(".tracker-figure-big").all_inner_texts() == ["$1.527 billion", "$2.25 billion"]
    page.screenshot(path=str(tmp_path / "cards.png"))
    # The table, one click away: no column squeezed to a letter a line, the ids short with the full id kept in
    # the title, and the page itself still does not scroll sideways (the table scrolls in its frame).
    with page.expect_navigation():
        page.click("text=show as a table")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    widths = page.locator("table.rows-and-columns thead th").evaluate_all(
        "ths => ths.map(th => [th.className, th.getBoundingClientRect().width])"
    )
    assert len(widths) == 21
    narrow = [(name, round(w)) for name, w in widths if w < READABLE_COLUMN]
    assert not narrow
    for column, claim in (("claim_id_a", a), ("claim_id_b", b)):
        link = page.locator(f"td.col-{column} a")
        assert link.get_attribute("title") == claim and link.inner_text() == claim.rsplit("-", 1)[1]
    row = page.locator("table.rows-and-columns tbody tr").first.bounding_box()
    assert row["height"] < 300  # one letter a line made rows over 1,000 px tall
    page.close()
