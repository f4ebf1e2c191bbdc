"""Every page opened in headless Chromium at 1440 x 900 and on a 390 x 844 phone: its main
element shows, no Streamlit exception box, the maps draw without tiles and read well (labels
never overlap each other or the markers, arrowheads keep their size in pixels, the capitals are
named), downloads work one after the other. Screenshots go to test-artifacts/."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from tests.browser.helpers import (
    CHART,
    LABEL_BOXES,
    LABELS_ON_LINES,
    MAP_FRAME,
    MARK_BOXES,
    TABLE,
    covering,
    in_map,
    map_frame,
    no_exception,
    open_page,
    overlapping,
    selected_values,
    settle,
    shot,
    tie,
)

pytestmark = pytest.mark.browser

PAGES = {
    "alliances": ("/", "Alliances", MAP_FRAME),
    "changes": ("/changes", "What changed", TABLE),
    "movements": ("/movements", "Troop movements", MAP_FRAME),
    "timeline": ("/timeline", "Timeline", CHART),
    "events": ("/events", "Events", TABLE),
    "article": ("/article?article=004", "Article view", "mark"),
    "glossary": ("/glossary", "Glossary", TABLE),
}


def sidebar_width(page) -> float:
    return page.evaluate(
        "() => { const r = document.querySelector('[data-testid=stSidebar]').getBoundingClientRect();"
        " return Math.max(0, Math.min(r.right, window.innerWidth) - Math.max(r.left, 0)); }"
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_shows_its_main_element(page, app_url: str, name: str) -> None:
    path, title, main = PAGES[name]
    open_page(page, app_url, path, title, main)
    no_exception(page)
    assert page.get_by_text("Filters", exact=True).is_visible()  # the shared sidebar, open on a wide screen
    assert sidebar_width(page) > 200
    shot(page, f"{name}-wide")


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_reads_on_a_phone_with_the_sidebar_closed(phone, app_url: str, name: str) -> None:
    path, title, main = PAGES[name]
    open_page(phone, app_url, path, title, main)
    no_exception(phone)
    assert sidebar_width(phone) == 0  # closed: open, it would cover 80% of the screen
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1  # nothing sticks out sideways
    shot(phone, f"{name}-phone")


def test_the_alliance_map_draws_countries_ties_and_actors_without_tiles(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    frame = map_frame(page)
    borders = frame.locator('.leaflet-overlay-pane path[stroke="#b9b3a6"]')
    assert borders.count() > 150  # every country is drawn: the basemap
    assert frame.locator('.leaflet-overlay-pane path[fill="none"]').count() >= 4  # ties, bloc outlines
    for name in ("NER – RUS", "NER – USA", "FRA – NER", "IRN – NER"):
        assert tie(page, name), f"no {name} line"
    labels = " ".join(frame.locator(".geopol-label").all_text_contents())
    for capital in ("Niger · Niamey", "Mali · Bamako", "Burkina Faso · Ouagadougou", "Moscow", "Tehran", "Washington"):
        assert capital in labels  # the mission's six capitals are named (hidden while out of view)
    assert frame.locator(".leaflet-tile-loaded").count() == 0
    assert frame.locator("details.geopol-legend[open]").is_visible()
    shot(page, "alliances-map-without-tiles", page.locator(MAP_FRAME))


def test_the_map_loads_leaflet_alone_and_a_clicked_tie_shows_its_sentences(page, app_url: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    map_frame(page)
    scripts = [url.rsplit("/", 1)[-1] for url in asked if url.endswith(".js") and not url.startswith(app_url)]
    assert scripts == ["leaflet.js"]  # no jQuery, Bootstrap script or marker plugin to wait for
    page.locator(MAP_FRAME).scroll_into_view_if_needed()  # the whole map on the screen, so the click lands where measured
    page.wait_for_timeout(300)
    found = tie(page, "IRN – NER")
    assert found, "no IRN – NER line"
    box = page.locator(MAP_FRAME).bounding_box()
    assert box
    page.mouse.click(box["x"] + found["x"], box["y"] + found["y"])
    popup = page.frame_locator(MAP_FRAME).locator(".leaflet-popup-content")
    popup.wait_for(timeout=30_000)
    assert "IRN – NER" in popup.inner_text()
    assert popup.locator(".geopol-popup tr").count() >= 1  # the tie's latest sentences
    picked = "() => [...document.querySelectorAll('[data-testid=stSelectbox] input')].some(i => i.value === 'IRN – NER')"
    page.wait_for_function(picked)
    settle(page)
    assert "IRN – NER" in selected_values(page)  # the click picks the pair for the list of events below the map
    shot(page, "alliances-clicked-tie", page.locator(MAP_FRAME))


@pytest.mark.parametrize("where", ["/", "/movements"])
def test_map_labels_never_overlap_on_a_laptop_or_a_phone(page, phone, app_url: str, where: str) -> None:
    title = "Alliances" if where == "/" else "Troop movements"
    for tab, size in ((page, "wide"), (phone, "phone")):
        open_page(tab, app_url, where, title, MAP_FRAME)
        frame = map_frame(tab)
        for zoom in (None, 2, 6):
            if zoom:
                in_map(tab, "(body, z) => map_div.setZoom(z, {animate: false})", zoom)
                tab.wait_for_timeout(500)
            boxes = frame.locator("body").evaluate(LABEL_BOXES)
            assert boxes, f"no label shown at zoom {zoom} on the {size} screen"
            assert overlapping(boxes) == [], f"labels overlap at zoom {zoom} on the {size} screen"
            marks = frame.locator("body").evaluate(MARK_BOXES)
            assert marks, f"no marker at zoom {zoom} on the {size} screen"
            assert covering(boxes, marks) == [], f"labels cover markers at zoom {zoom} on the {size} screen"
            if zoom is None:
                shot(tab, f"{where.strip('/') or 'alliances'}-labels-clear-of-markers-{size}", tab.locator(MAP_FRAME))
        shot(tab, f"{where.strip('/') or 'alliances'}-labels-apart-at-zoom-6-{size}", tab.locator(MAP_FRAME))


def test_labels_with_a_side_clear_of_the_ties_are_not_written_across_them(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    frame = map_frame(page)
    shown = {box["text"] for box in frame.locator("body").evaluate(LABEL_BOXES)}
    crossed = set(in_map(page, LABELS_ON_LINES))
    # Bamako and the G5 Sahel have a side no tie crosses (Niamey, where ties leave in every
    # direction, has none, and its label may lie across them)
    for name in ("Mali · Bamako", "G5 Sahel"):
        assert name in shown and name not in crossed, f"{name} written across a tie"
    shot(page, "alliances-labels-clear-of-ties", page.locator(MAP_FRAME))


def test_arrowheads_keep_their_size_in_pixels_when_zooming(page, app_url: str) -> None:
    open_page(page, app_url, "/movements", "Troop movements", MAP_FRAME)
    frame = map_frame(page)
    heads = frame.locator(".geopol-arrowhead svg")
    assert heads.count() >= 3

    def sizes() -> list[tuple[int, int]]:
        return [(round(b["width"]), round(b["height"])) for b in (heads.nth(i).bounding_box() for i in range(heads.count())) if b]

    before = sizes()
    in_map(page, "(body) => map_div.setZoom(map_div.getZoom() + 3, {animate: false})")
    page.wait_for_timeout(500)
    assert sizes() == before  # a head over Niamey does not grow into a triangle over half the country
    assert max(w for w, _ in before) <= 30
    shot(page, "movements-zoomed")


def test_the_movement_map_names_bases_capitals_and_the_french_withdrawal(page, app_url: str) -> None:
    open_page(page, app_url, "/movements", "Troop movements", MAP_FRAME)
    frame = map_frame(page)
    text = " ".join(frame.locator(".geopol-label").all_text_contents())
    assert "1,500 troops · 2023-12" in text  # the French withdrawal, dated to its month
    assert "Air Base 201" in text
    for city in ("Niamey", "Bamako", "Ouagadougou"):
        assert city in text
    assert frame.locator(".geopol-base").count() >= 2


def test_the_legend_folds_and_starts_folded_on_a_phone(page, phone, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    legend = map_frame(page).locator("details.geopol-legend")
    assert legend.get_attribute("open") is not None
    legend.locator("summary").click()
    assert legend.get_attribute("open") is None
    open_page(phone, app_url, "/", "Alliances", MAP_FRAME)
    folded = map_frame(phone).locator("details.geopol-legend")
    assert folded.get_attribute("open") is None  # a third of a phone's map is not a legend's
    phone.locator(MAP_FRAME).scroll_into_view_if_needed()
    shot(phone, "alliances-map-phone")


def test_downloading_geojson_right_after_csv_works(page, app_url: str) -> None:
    open_page(page, app_url, "/events?category=CONSULT", "Events", TABLE)
    shown = int(re.search(r"([\d,]+) events? where the category is CONSULT", page.locator("body").inner_text()).group(1))
    with page.expect_download(timeout=30_000) as csv_file:
        page.get_by_role("button", name="Download CSV").click()
    with page.expect_download(timeout=30_000) as geojson_file:  # at once, before any rerun could land
        page.get_by_role("button", name="Download GeoJSON").click()
    rows = list(csv.DictReader(io.StringIO(Path(csv_file.value.path()).read_text(encoding="utf-8"))))
    assert rows and {r["event_type"] for r in rows} == {"CONSULT"}
    assert len({r["event_id"] for r in rows}) == shown
    assert '"FeatureCollection"' in Path(geojson_file.value.path()).read_text(encoding="utf-8")
    no_exception(page)
    shot(page, "events-csv-then-geojson-downloaded")


def test_the_timeline_charts_keep_their_height_when_a_pair_is_picked(page, app_url: str) -> None:
    open_page(page, app_url, "/timeline?pair=NER-RUS", "Timeline", CHART)
    settle(page)
    assert "NER – RUS" in selected_values(page)
    charts = page.locator(CHART)
    quad, categories = charts.nth(0).bounding_box(), charts.nth(1).bounding_box()
    assert quad["height"] >= 260  # events per month: a chart, not a strip
    rows = len(page.locator(CHART).nth(1).locator(".mark-rect path").all())
    assert categories["height"] >= 150 and rows >= 1
    shot(page, "timeline-pair")
