"""The controls an analyst uses, in headless Chromium: the replay (France and Niger read as a
rupture at December 2023, figures and focus in step with the month, a play button), clearing
the filters, picking a pair on the timeline by clicking it, the selected period in the address
bar, an uploaded article that stays in the session when its events are opened and one that
adds a source to an event the store holds, and the event table in words (names, months,
'1 event', values of a link it could not use, no 'None')."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import (
    CHART,
    MAP_FRAME,
    TABLE,
    map_frame,
    metric,
    no_exception,
    open_page,
    replay_to,
    settle,
    shot,
    tie,
)
from tests.dashboard_fixtures import query, shipped_store

pytestmark = pytest.mark.browser

LATE_UPLOAD = (
    b"Niamey, December 12, 2024 -- Niger's leader Abdourahamane Tiani received a Russian military delegation "
    b"in Niamey on Thursday.\n"
)


def rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def test_at_december_2023_france_and_niger_read_as_rupture(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    replay_to(page, "Dec 2023")
    map_frame(page)
    found = tie(page, "FRA – NER")
    assert found and "rupture" in found["text"]
    red, _, blue = rgb(found["color"])
    assert red > blue  # red, not the blue of cooperation that PLOVER's RETREAT would give
    dated = query(shipped_store(), "SELECT count(DISTINCT event_id) FROM events WHERE date <= DATE '2023-12-31'")[0][0]
    assert metric(page, "Events") == str(dated)  # the headline follows the month
    assert "Jul 2023 – Dec 2023" in metric(page, "Dates")
    shot(page, "alliances-december-2023")
    page.locator(MAP_FRAME).screenshot(path=str(ARTIFACTS / "alliances-december-2023-map.png"))  # the whole map


def test_the_focus_stays_through_the_replay(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    focus = page.locator('[data-testid="stSelectbox"]').filter(has_text="Shade countries by their ties to")
    focus.click()
    page.get_by_role("option", name="FRA · France").click()
    settle(page)
    replay_to(page, "Dec 2023")
    assert focus.locator("input").input_value() == "FRA · France"
    assert "France: the focus" in " ".join(
        map_frame(page)
        .locator("body")
        .evaluate("() => Object.values(map_div._layers).filter(l => l.feature).map(l => l.feature.properties.note || '')")
    )
    assert "Clear some filters" not in page.locator("body").inner_text()


def test_an_empty_month_does_not_blame_filters_nobody_set(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    replay_to(page, "Jul 2023")
    text = page.locator("body").inner_text()
    assert "No ties between two coded actors yet by the end of July 2023" in text
    assert "filters" not in text.split("No ties", 1)[1].split(".", 1)[0]


def test_the_play_button_steps_through_the_months(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    slider = page.locator('input[type=range][aria-label^="Replay month"]')
    page.get_by_role("button", name="Play").click()
    seen = set()
    for _ in range(40):
        seen.add(slider.get_attribute("aria-valuetext"))
        if len(seen) >= 3:
            break
        page.wait_for_timeout(400)
    assert len(seen) >= 3, f"the replay did not move on by itself: {seen}"
    page.get_by_role("button", name="Pause").click()
    no_exception(page)


def test_clear_filters_clears_them_and_the_address_bar(page, app_url: str) -> None:
    open_page(page, app_url, "/events?actor=RUS&category=CONSULT", "Events", TABLE)
    assert "where the source is Russia (RUS)" in page.locator("body").inner_text()
    page.get_by_role("button", name="Clear filters").click()
    settle(page)
    assert "actor=" not in page.url and "category=" not in page.url
    total = query(shipped_store(), "SELECT count(DISTINCT event_id) FROM events")[0][0]
    assert re.search(rf"\b{total} events\. Filters are in the sidebar", page.locator("body").inner_text())


def point_of(page, chart: int, pair: str) -> dict:
    """The centre of the last point of a pair's line on the running-alignment chart."""
    page.locator(CHART).nth(chart).scroll_into_view_if_needed()
    boxes = (
        page.locator(CHART)
        .nth(chart)
        .locator("g.mark-symbol path")
        .evaluate_all(
            """(paths, pair) => paths.filter(p => (p.getAttribute('aria-label') || '').includes(pair))
            .map(p => { const r = p.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })""",
            pair,
        )
    )
    assert boxes, f"no point of {pair} on the chart"
    return boxes[-1]


def test_clicking_a_pair_on_the_timeline_selects_it(page, app_url: str) -> None:
    open_page(page, app_url, "/timeline", "Timeline", CHART)
    point = point_of(page, 2, "NER–USA")
    page.mouse.click(point["x"], point["y"])
    page.get_by_text(re.compile(r"Showing events between Niger \(NER\) and United States \(USA\)")).wait_for(timeout=30_000)
    settle(page)
    assert "pair=NER-USA" in page.url
    shot(page, "timeline-clicked-pair")


def test_brushing_months_narrows_the_rest_and_goes_in_the_address_bar(page, app_url: str) -> None:
    open_page(page, app_url, "/timeline", "Timeline", CHART)
    before = selection_size(page)
    box = page.locator(CHART).first.bounding_box()
    y = box["y"] + box["height"] * 0.6
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.8, y, steps=8)
    page.mouse.up()
    page.get_by_text(re.compile(r"Showing events dated \d{4}-\d\d-01 to \d{4}-\d\d-\d\d")).wait_for(timeout=30_000)
    settle(page)
    assert 0 < selection_size(page) < before
    assert re.search(r"period=\d{4}-\d\d\.\.\d{4}-\d\d", page.url)
    shared = page.url
    other = page.context.new_page()
    other.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
    other.goto(shared)
    other.get_by_text(re.compile(r"Showing events dated")).wait_for(timeout=60_000)  # the link opens on the period
    shot(page, "timeline-period")


def selection_size(page) -> int:
    return int(
        re.search(r"Events in the selection\s+([\d,]+) events?", page.locator("body").inner_text()).group(1).replace(",", "")
    )


def test_an_upload_stays_in_the_session_when_its_event_is_opened(page, app_url: str, tmp_path) -> None:
    article = tmp_path / "late.txt"
    article.write_bytes(LATE_UPLOAD)
    open_page(page, app_url, "/article", "Article view", "mark")
    page.get_by_text("Code your own article").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(article))
    page.get_by_text(re.compile("Coded 1 event")).wait_for(timeout=90_000)
    settle(page)
    page.get_by_role("link", name="Events").first.click()  # the app's own navigation: the same session
    page.get_by_role("heading", name="Events", level=1).wait_for(timeout=30_000)
    settle(page)
    total = query(shipped_store(), "SELECT count(DISTINCT event_id) FROM events")[0][0]
    assert f"{total + 1} events." in page.locator("body").inner_text()  # the new one is not hidden by the old end date
    assert page.locator('[data-testid="stDateInput"] input').last.input_value() == "2024-12-12"  # the range grew
    grid = page.locator(TABLE).first.bounding_box()
    page.mouse.click(grid["x"] + 14, grid["y"] + 35 + 17)  # the first row (the latest event): its selection box
    link = page.get_by_role("link", name="Read it highlighted").first
    link.wait_for(timeout=30_000)
    pages_before = len(page.context.pages)
    link.click()
    page.get_by_role("heading", name="Article view", level=1).wait_for(timeout=30_000)
    settle(page)
    assert len(page.context.pages) == pages_before  # no new tab, so no new session
    assert "Tiani received a Russian military delegation" in page.locator("mark").first.inner_text()
    shot(page, "upload-opened")


def test_the_map_opens_on_all_ties_and_drops_a_layer_when_asked(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    map_frame(page)
    north = page.frame_locator(MAP_FRAME).locator("body").evaluate("() => map_div.getBounds().getNorth()")
    assert north < 40  # the Sahel, not the world
    page.get_by_role("radio", name="all ties").click()
    settle(page)
    map_frame(page)
    wider = page.frame_locator(MAP_FRAME).locator("body").evaluate("() => map_div.getBounds().getNorth()")
    assert wider > 55  # Moscow is in view
    points = (
        "() => Object.values(map_div._layers).filter(l => l.getTooltip && l.getTooltip()"
        " && String(l.getTooltip().getContent()).includes('; latest ')).length"
    )
    assert page.frame_locator(MAP_FRAME).locator("body").evaluate(points) > 0
    page.get_by_role("button", name="events as points").click()
    settle(page)
    map_frame(page)
    assert page.frame_locator(MAP_FRAME).locator("body").evaluate(points) == 0
    members = (
        "() => Object.values(map_div._layers).filter(l => l.feature"
        " && String(l.feature.properties.note || '').includes('member of')).length"
    )
    assert page.frame_locator(MAP_FRAME).locator("body").evaluate(members) > 0  # the AES and ECOWAS outlined
    page.get_by_role("button", name="blocs").click()
    settle(page)
    map_frame(page)
    assert page.frame_locator(MAP_FRAME).locator("body").evaluate(members) == 0


def test_a_row_of_what_changed_opens_its_evidence(page, app_url: str) -> None:
    open_page(page, app_url, "/changes?months=3&until=2024-03", "What changed", TABLE)
    grid = page.locator(TABLE).first.bounding_box()
    page.mouse.click(grid["x"] + 14, grid["y"] + 35 + 17)  # the first row: the tie that moved most
    evidence = re.compile(r"\d+ events? between .+ \([A-Z]+\) and .+ \([A-Z]+\), dated 2023-10-01 to 2024-03-31")
    page.get_by_text(evidence).wait_for(timeout=30_000)
    no_exception(page)
    shot(page, "changes-evidence")
    page.get_by_role("radio", name="6 months").click()  # a longer comparison, kept in the address bar
    page.get_by_text("Oct 2023 – Mar 2024 against Apr 2023 – Sep 2023").wait_for(timeout=30_000)
    settle(page)
    assert "months=6" in page.url and "until=2024-03" in page.url


CALL_UPLOAD = (
    b"Niamey, March 26, 2024 -- Russian President Vladimir Putin and Niger's leader Abdourahamane Tiani "
    b"discussed security cooperation by telephone on Tuesday, the Kremlin said.\n"
)


def table_rows(page) -> list[dict[str, str]]:
    """The rows of the first table as drawn (the grid's accessible copy, the columns in view): header -> text."""
    grid = page.locator(TABLE).first
    headers = dict(
        grid.locator("th[role=columnheader]").evaluate_all("hs => hs.map(h => [h.getAttribute('aria-colindex'), h.textContent])")
    )
    cells = grid.locator("td[role=gridcell]").evaluate_all(
        "cs => cs.map(c => [c.closest('tr').getAttribute('aria-rowindex'), c.getAttribute('aria-colindex'), c.textContent])"
    )
    rows: dict[str, dict[str, str]] = {}
    for row, column, text in cells:
        if column in headers:
            rows.setdefault(row, {})[headers[column].strip()] = text.strip()
    return [rows[r] for r in sorted(rows, key=int)]


def test_the_events_table_reads_in_words(page, app_url: str) -> None:
    open_page(page, app_url, "/events", "Events", TABLE)
    rows = table_rows(page)
    headers = list(rows[0])
    sentence = next(i for i, h in enumerate(headers) if h.startswith("Sentence"))
    assert sentence < headers.index("Place")  # the evidence before the details, so never cut off at the right edge
    assert all(v not in ("None", "nan", "NaT") for r in rows for v in r.values())  # empty cells are empty
    shot(page, "events-table")
    open_page(page, app_url, "/events?actor=FRA&category=RETREAT&country=Atlantis", "Events", TABLE)
    body = page.locator("body").inner_text()
    assert re.search(r"\b1 event where the source is France \(FRA\)", body)  # one event, not '1 events'
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "country=Atlantis" in sidebar  # a value of the link the data does not have is named
    assert "FRA · France" in sidebar and "RETREAT · withdraw, release or yield" in sidebar  # names, not bare codes
    assert [r["Date"] for r in table_rows(page)] == ["2023-12"]  # France's withdrawal, known to its month, shown as one
    no_exception(page)


def test_an_uploaded_report_of_a_stored_event_adds_a_source(page, app_url: str, tmp_path) -> None:
    total = query(shipped_store(), "SELECT count(DISTINCT event_id) FROM events")[0][0]
    article = tmp_path / "call.txt"
    article.write_bytes(CALL_UPLOAD)  # the Tiani-Putin call of 26 March 2024, which the store holds
    open_page(page, app_url, "/article", "Article view", "mark")
    page.get_by_text("Code your own article").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(article))
    coded = page.get_by_text(re.compile(r"Coded \d+ events? from"))
    coded.wait_for(timeout=90_000)
    new = int(re.search(r"Coded (\d+)", coded.inner_text()).group(1)) - 1  # the call is no new event
    settle(page)
    page.get_by_role("link", name="Events").first.click()
    page.get_by_role("heading", name="Events", level=1).wait_for(timeout=30_000)
    settle(page)
    assert f"{total + new} events." in page.locator("body").inner_text()
    page.get_by_label("Search the sentences").fill("Kremlin")  # the stored report of the call says so
    page.get_by_label("Search the sentences").press("Enter")
    page.get_by_text(re.compile(r'^1 event mentioning "Kremlin"')).wait_for(timeout=30_000)  # one row, no second copy
    settle(page)
    assert [r["Date"] for r in table_rows(page)] == ["2024-03-26"]
    grid = page.locator(TABLE).first.bounding_box()
    page.mouse.click(grid["x"] + 14, grid["y"] + 35 + 17)  # its selection box
    page.get_by_text(re.compile(r"^uploaded file · ")).first.wait_for(timeout=30_000)  # the upload is one of its sources
    no_exception(page)
    shot(page, "upload-corroborated")
