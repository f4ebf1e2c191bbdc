"""Every page opened in headless Chromium: its main element shows, no Streamlit exception box,
the maps draw their polygons, lines, markers and arrows without tiles, and a click on a tie
lists its events. Screenshots go to test-artifacts/."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
PAGES = {
    "alliances": ("/", "Alliances", MAP_FRAME),
    "movements": ("/movements", "Troop movements", MAP_FRAME),
    "timeline": ("/timeline", "Timeline", '[data-testid="stVegaLiteChart"]'),
    "events": ("/events", "Events", '[data-testid="stDataFrame"]'),
    "article": ("/article?article=004", "Article view", "mark"),
}


def open_page(page, app_url: str, path: str, title: str, main: str):
    page.goto(app_url + path)
    page.get_by_role("heading", name=title, level=1).wait_for(timeout=60_000)
    page.locator(main).first.wait_for(timeout=60_000)
    return page


def settle(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_function(
        "document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'", timeout=60_000
    )
    page.wait_for_timeout(500)


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_shows_its_main_element(page, app_url: str, name: str) -> None:
    path, title, main = PAGES[name]
    open_page(page, app_url, path, title, main)
    settle(page)
    no_exception(page)
    assert page.get_by_text("Filters", exact=True).is_visible()  # the shared sidebar
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def map_frame(page):
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".leaflet-overlay-pane path").first.wait_for(timeout=60_000)
    return frame


def test_the_alliance_map_draws_countries_ties_and_actors_without_tiles(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    frame = map_frame(page)
    borders = frame.locator('.leaflet-overlay-pane path[stroke="#b9b3a6"]')
    ties = frame.locator('.leaflet-overlay-pane path[fill="none"]')
    assert borders.count() > 150  # every country is drawn: the basemap
    assert ties.count() >= 4  # Niger's ties to Russia, the US, France and Iran at least
    labels = frame.locator(".geopol-label").all_inner_texts()
    assert {"Niger", "Russia", "United States", "France"} <= set(labels)
    assert frame.locator(".leaflet-tile-loaded").count() == 0
    assert frame.locator(".geopol-legend").is_visible()


def selected_values(page) -> list[str]:
    return page.locator('[data-testid="stSelectbox"] input').evaluate_all("inputs => inputs.map(i => i.value)")


def line_middle(page, tie: str) -> dict | None:
    """Where on the map the line of a tie passes, from Leaflet's own layers."""
    return (
        page.frame_locator(MAP_FRAME)
        .locator("body")
        .evaluate(
            """(body, tie) => {
            for (const layer of Object.values(map_div._layers)) {
                const tip = layer.getTooltip && layer.getTooltip();
                const text = tip && String(tip.getContent());
                if (layer.getLatLngs && text && text.includes(tie + ':')) {
                    const points = layer.getLatLngs();
                    const p = map_div.latLngToContainerPoint(points[Math.floor(points.length / 2)]);
                    return {x: p.x, y: p.y};
                }
            }
            return null;
        }""",
            tie,
        )
    )


def test_clicking_a_tie_lists_its_events(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    settle(page)
    frame = map_frame(page)
    tie, names = (
        ("NER – RUS", "Niger and Russia")
        if "NER – RUS" not in selected_values(page)
        else ("NER – USA", "Niger and United States")
    )
    point = line_middle(page, tie)
    assert point, f"no {tie} line on the map"
    frame.locator(".leaflet-container").click(position=point)
    page.get_by_text(re.compile(rf"\d+ events between {names}")).wait_for(timeout=30_000)
    settle(page)
    assert tie in selected_values(page)
    page.screenshot(path=str(ARTIFACTS / "alliances-clicked.png"), full_page=True)


def test_the_movement_map_draws_arrows_labels_and_bases(page, app_url: str) -> None:
    open_page(page, app_url, "/movements", "Troop movements", MAP_FRAME)
    frame = map_frame(page)
    text = " ".join(frame.locator(".geopol-label").all_inner_texts())
    assert "1,500 troops" in text  # the French withdrawal
    assert "Air Base 201" in text
    arrowheads = frame.locator('.leaflet-overlay-pane path[fill-opacity="1"]')
    assert arrowheads.count() >= 3
    assert frame.locator(".geopol-base").count() >= 2


def test_the_csv_download_holds_the_filtered_rows(page, app_url: str) -> None:
    open_page(page, app_url, "/events?category=CONSULT", "Events", '[data-testid="stDataFrame"]')
    settle(page)
    shown = int(re.search(r"([\d,]+) events where the category is CONSULT", page.locator("body").inner_text()).group(1))
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert rows and {r["event_type"] for r in rows} == {"CONSULT"}
    assert len({r["event_id"] for r in rows}) == shown


def selection_size(page) -> int:
    return int(re.search(r"Events in the selection\s+(\d+) events", page.locator("body").inner_text()).group(1))


def test_brushing_months_on_the_timeline_narrows_the_rest(page, app_url: str) -> None:
    open_page(page, app_url, "/timeline", "Timeline", '[data-testid="stVegaLiteChart"]')
    settle(page)
    before = selection_size(page)
    box = page.locator('[data-testid="stVegaLiteChart"]').first.bounding_box()
    y = box["y"] + box["height"] * 0.55
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.8, y, steps=8)
    page.mouse.up()
    page.get_by_text(re.compile(r"Showing events dated \d{4}-\d\d-01 to \d{4}-\d\d-\d\d")).wait_for(timeout=30_000)
    settle(page)
    after = selection_size(page)
    assert 0 < after < before
    page.screenshot(path=str(ARTIFACTS / "timeline-period.png"), full_page=True)
