"""An analyst reviews in headless Chromium: rejects a troop movement, corrects the category of
an event between Niger and the United States, adds an event the coder missed; the store is then
rebuilt from scratch, and all three reviews still hold on the alliance map and the movements.
Screenshots go to test-artifacts/."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, free_port, wait_until_healthy
from tests.browser.helpers import MAP_FRAME, in_map, map_frame, no_exception, open_page, settle, shot, tie
from tests.dashboard_fixtures import ROOT, query

pytestmark = pytest.mark.browser
PASSWORD = "sahel analyst"
TOOLTIPS = """() => Object.values(map_div._layers)
    .map(l => l.getTooltip && l.getTooltip() ? String(l.getTooltip().getContent()) : '')
    .filter(t => t)"""


def build(corpus: Path, store: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "geopol", "build", "--corpus", str(corpus), "--store", str(store), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def reviewed_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """The app with reviewing on, over a store of its own built from a copy of the corpus."""
    folder = tmp_path_factory.mktemp("review-app")
    corpus = Path(shutil.copytree(ROOT / "corpus", folder / "corpus"))
    store = folder / "store" / "geopol.duckdb"
    build(corpus, store)
    port = free_port()
    env = {
        **os.environ,
        "GEOPOL_STORE": str(store),
        "GEOPOL_AUTOBUILD": "0",
        "GEOPOL_REVIEW_PASSWORD": PASSWORD,
        "PYTHONPATH": str(ROOT),
    }
    env.pop("GEOPOL_REVIEWS", None)
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "review-app.log").open("w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(url, process)
            yield url, corpus, store
        finally:
            process.terminate()
            process.wait(timeout=10)


def unlock(page) -> None:
    page.get_by_label("Review password").fill(PASSWORD)
    page.get_by_role("button", name="Start reviewing").click()
    settle(page)


def form(page, text: str):
    return page.locator('[data-testid="stForm"]').filter(has_text=text)


def choose(page, box, option: str) -> None:
    box.click()
    page.keyboard.type(option)  # the list is virtual: only the options in view exist
    page.get_by_role("option", name=option, exact=True).click()


def hostile_counts(text: str) -> tuple[int, int]:
    found = re.search(r"PLOVER: (\d+) cooperative, (\d+) hostile", text)
    assert found, text
    return int(found.group(1)), int(found.group(2))


def picks(store: Path) -> tuple[tuple[str, str, str], tuple[str, str]]:
    """A troop movement on a route of its own (article, event, route) and a cooperative event
    between Niger and the United States with one actor pair (article, event)."""
    [move] = query(
        store,
        "SELECT any_value(article_id), event_id, any_value(origin) || ' → ' || any_value(destination) FROM events "
        "WHERE event_type IN ('AID', 'RETREAT', 'MOBILIZE') AND origin_lat IS NOT NULL AND destination_lat IS NOT NULL "
        "AND actor_code <> '' AND recipient_code <> '' GROUP BY event_id "
        "HAVING count(*) = 1 ORDER BY max(quantity) DESC NULLS LAST, event_id LIMIT 1",
    )
    [pair] = query(
        store,
        "SELECT any_value(article_id), event_id FROM events WHERE event_type IN ('AGREE', 'SUPPORT', 'CONSULT', 'COOPERATE') "
        "AND least(actor_code, recipient_code) = 'NER' AND greatest(actor_code, recipient_code) = 'USA' "
        "GROUP BY event_id HAVING count(*) = 1 ORDER BY event_id LIMIT 1",
    )
    return (str(move[0]), str(move[1]), str(move[2])), (str(pair[0]), str(pair[1]))


def test_three_reviews_hold_after_a_rebuild_from_scratch(page, reviewed_app) -> None:
    url, corpus, store = reviewed_app
    (move_article, move_event, route), (pair_article, pair_event) = picks(store)
    open_page(page, url, "/movements", "Troop movements", MAP_FRAME)
    map_frame(page)
    assert any(route in t for t in in_map(page, TOOLTIPS)), route
    open_page(page, url, "/", "Alliances", MAP_FRAME)
    map_frame(page)
    found = tie(page, "NER – USA")
    assert found
    coop, hostile = hostile_counts(found["text"])

    # 1. reject the movement, from its sentence in the article view
    open_page(page, url, f"/article?article={move_article}&event={move_event}", "Article view", "mark")
    unlock(page)
    form(page, "Save correction").get_by_label("Note (why)").fill("<script>alert(1)</script> advisers already there")
    form(page, "Save correction").get_by_role("button", name="Reject").click()
    settle(page)
    page.get_by_text("is rejected").first.wait_for(timeout=30_000)
    no_exception(page)

    # 2. correct the category of a cooperative NER-USA event to DISAPPROVE
    open_page(page, url, f"/article?article={pair_article}&event={pair_event}", "Article view", "mark")
    unlock(page)
    correct = form(page, "Save correction")
    choose(page, correct.locator('[data-testid="stSelectbox"]').filter(has_text="Category"), "DISAPPROVE")
    correct.get_by_role("button", name="Save correction").click()
    settle(page)
    page.get_by_text("is corrected").first.wait_for(timeout=30_000)

    # 3. add an event the coder missed: Niger and Turkey, in Ankara
    open_page(page, url, f"/article?article={pair_article}", "Article view", "mark")
    unlock(page)
    add = form(page, "Add an event the coder missed")
    choose(page, add.locator('[data-testid="stSelectbox"]').filter(has_text="Category"), "COOPERATE")
    add.get_by_label("Source (actor code)").fill("NER")
    add.get_by_label("Recipient (actor code)").fill("TUR")
    add.get_by_label("Place").fill("Ankara")
    page.keyboard.press("Escape")
    shot(page, "review-add-form")
    date_box = add.locator('[data-testid="stDateInput"] input')
    date_box.fill("2024/05/02")
    date_box.press("Enter")
    add.get_by_role("button", name="Add event").click()
    settle(page)
    page.get_by_text("the event is added").first.wait_for(timeout=30_000)
    no_exception(page)
    shot(page, "review-article-view")
    assert page.locator("script", has_text="alert(1)").count() == 0

    # rebuild the store from scratch: the reviews live beside it, not in it
    for leftover in store.parent.glob("geopol.*"):
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    build(corpus, store)
    statuses = dict(query(store, "SELECT event_id, any_value(review_status) FROM events GROUP BY event_id"))
    assert statuses[move_event] == "rejected" and statuses[pair_event] == "corrected"
    assert "added" in statuses.values()

    open_page(page, url, "/", "Alliances", MAP_FRAME)
    map_frame(page)
    after = tie(page, "NER – USA")
    assert after and hostile_counts(after["text"]) == (coop - 1, hostile + 1)
    assert tie(page, "NER – TUR"), "the added event draws no tie"
    no_exception(page)
    shot(page, "review-alliances-after-rebuild")
    open_page(page, url, "/movements", "Troop movements", MAP_FRAME)
    map_frame(page)
    assert not any(route in t for t in in_map(page, TOOLTIPS)), f"{route} is still drawn"
    shot(page, "review-movements-after-rebuild")
