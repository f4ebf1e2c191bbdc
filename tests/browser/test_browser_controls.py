"""The controls an analyst uses, in headless Chromium: the replay (France and Niger read as a
rupture at December 2023, figures and focus in step with the month, a play button), clearing
the filters, picking a pair on the timeline by clicking it, the selected period in the address
bar, a pair that keeps its colour whatever period or pair is selected, an uploaded article that
stays in the session when its events are opened and one that adds a source to an event the
store holds, the event table in words (names, months, '1 event', values of a link it could not
use, no 'None'), an article dated to its month published in that month, and a link that names a
country instead of its code. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from datetime import date

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
    selected_values,
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
    shot(page, "alliances-focus-on-france-at-december-2023", page.locator(MAP_FRAME))


def test_an_empty_month_does_not_blame_filters_nobody_set(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    replay_to(page, "Jul 2023")
    text = page.locator("body").inner_text()
    assert "No ties between two coded actors yet by the end of July 2023" in text
    assert "filters" not in text.split("No ties", 1)[1].split(".", 1)[0]
    shot(page, "alliances-empty-july-2023")


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
    page.get_by_role("button", name="Play").wait_for(timeout=30_000)
    settle(page)
    no_exception(page)
    shot(page, "alliances-replay-paused-after-playing")


def test_clear_filters_clears_them_and_the_address_bar(page, app_url: str) -> None:
    open_page(page, app_url, "/events?actor=RUS&category=CONSULT", "Events", TABLE)
    assert "where the source is Russia (RUS)" in page.locator("body").inner_text()
    page.get_by_role("button", name="Clear filters").click()
    settle(page)
    assert "actor=" not in page.url and "category=" not in page.url
    total = query(shipped_store(), "SELECT count(DISTINCT event_id) FROM events")[0][0]
    assert re.search(rf"\b{total} events\. Filters are in the sidebar", page.locator("body").inner_text())
    shot(page, "events-filters-cleared")


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


PAIR_COLOURS = """(chart) => {
    const points = {};
    for (const p of chart.querySelectorAll('g.mark-symbol path')) {  // the points; the legend's swatches have no label
        const pair = /(?:^|; )pair: ([^;]+)/.exec(p.getAttribute('aria-label') || '');
        if (pair) (points[pair[1]] ||= new Set()).add(p.getAttribute('fill'));
    }
    const labels = [...chart.querySelectorAll('.role-legend-label text')].map(t => t.textContent);
    const symbols = [...chart.querySelectorAll('.role-legend-symbol path')].map(p => p.getAttribute('fill'));
    return {
        points: Object.fromEntries(Object.entries(points).map(([pair, fills]) => [pair, [...fills]])),
        legend: Object.fromEntries(labels.map((label, i) => [label, symbols[i]])),
    };
}"""


def pair_chart(page):
    return page.locator(CHART).filter(has_text="Running alignment per pair")


def pair_colours(page) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The running-alignment chart as drawn: pair -> the fills of its points, and pair -> its legend swatch."""
    found = pair_chart(page).evaluate(PAIR_COLOURS)
    assert found["legend"], "the running-alignment chart has no legend"
    return found["points"], found["legend"]


def same_colours(page, legend: dict[str, str]) -> dict[str, list[str]]:
    """The pairs drawn now, after checking that each wears the colour it had in legend."""
    points, key = pair_colours(page)
    assert points, "no pair drawn"
    assert {pair: key.get(pair) for pair in legend} == legend  # every pair's swatch as before
    known = {pair: fills for pair, fills in points.items() if pair in legend}
    assert known == {pair: [legend[pair]] for pair in known}  # and every point
    return points


def test_a_pair_keeps_its_colour_on_the_timeline_whatever_is_selected(page, app_url: str) -> None:
    open_page(page, app_url, "/timeline", "Timeline", CHART)
    points, legend = pair_colours(page)
    assert points == {pair: [legend[pair]] for pair in points}  # a point wears its legend's colour
    shot(page, "timeline-pair-colours-all-months", pair_chart(page))

    open_page(page, app_url, "/timeline?period=2024-01..2024-03", "Timeline", CHART)
    page.get_by_text("Period: Jan 2024 – Mar 2024").wait_for(timeout=30_000)
    drawn = same_colours(page, legend)
    assert 0 < len(drawn) < len(points)  # fewer pairs in the period ...
    moved = [p for i, p in enumerate(sorted(drawn)) if list(legend).index(p) != i]
    assert moved  # ... so colours handed out in turn to the pairs drawn would have changed
    shot(page, "timeline-pair-colours-january-to-march-2024", pair_chart(page))

    open_page(page, app_url, "/timeline?pair=NER-USA", "Timeline", CHART)
    assert "NER – USA" in selected_values(page)
    same_colours(page, legend)
    shot(page, "timeline-pair-colours-ner-usa-picked", pair_chart(page))


def test_picking_a_pair_outside_the_busiest_keeps_the_others_colours(page, app_url: str) -> None:
    open_page(page, app_url, "/timeline", "Timeline", CHART)
    _, legend = pair_colours(page)
    quiet = sorted(
        f"{a}–{b}"
        for a, b in query(
            shipped_store(),
            "SELECT DISTINCT least(actor_code, recipient_code), greatest(actor_code, recipient_code) FROM events "
            "WHERE date IS NOT NULL AND actor_code <> '' AND recipient_code <> '' AND actor_code <> recipient_code",
        )
        if f"{a}–{b}" not in legend
    )
    if not quiet:
        pytest.skip("every pair with dated events is among the busiest")
    first = quiet[0]
    assert any(pair > first for pair in legend)  # a pair named after it, whose colour a shift would move
    open_page(page, app_url, f"/timeline?pair={first.replace('–', '-')}", "Timeline", CHART)
    assert first.replace("–", " – ") in selected_values(page)
    shot(page, "timeline-pair-colours-quiet-pair-picked", pair_chart(page))
    same_colours(page, legend)
    _, key = pair_colours(page)
    assert key[first] not in legend.values()  # the picked pair stands apart from the busiest


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
    shot(page, "alliances-all-ties", page.locator(MAP_FRAME))
    page.get_by_role("button", name="events as points").click()
    settle(page)
    map_frame(page)
    assert page.frame_locator(MAP_FRAME).locator("body").evaluate(points) == 0
    shot(page, "alliances-all-ties-without-event-points", page.locator(MAP_FRAME))
    members = (
        "() => Object.values(map_div._layers).filter(l => l.feature"
        " && String(l.feature.properties.note || '').includes('member of')).length"
    )
    assert page.frame_locator(MAP_FRAME).locator("body").evaluate(members) > 0  # the AES and ECOWAS outlined
    page.get_by_role("button", name="blocs").click()
    settle(page)
    map_frame(page)
    assert page.frame_locator(MAP_FRAME).locator("body").evaluate(members) == 0
    shot(page, "alliances-all-ties-without-points-or-blocs", page.locator(MAP_FRAME))


def test_the_legend_follows_the_focus_and_the_layers(page, app_url: str) -> None:
    open_page(page, app_url, "/", "Alliances", MAP_FRAME)
    legend = map_frame(page).locator("details.geopol-legend")
    before = legend.inner_text()
    assert "Niger; countries shaded by their ties to it" in before
    assert "Alliance of Sahel States (AES) members" in before and "ECOWAS members" in before
    assert "events at a place" in before
    focus = page.locator('[data-testid="stSelectbox"]').filter(has_text="Shade countries by their ties to")
    focus.click()
    page.get_by_role("option", name="FRA · France").click()
    settle(page)
    for layer in ("events as points", "blocs"):
        page.get_by_role("button", name=layer).click()
        settle(page)
    text = map_frame(page).locator("details.geopol-legend").inner_text()
    assert "France; countries shaded by their ties to it" in text and "Niger;" not in text
    assert "members" not in text and "events at a place" not in text
    assert "rupture (withdrawals" in text  # the ties are still drawn, and their rows stay
    shot(page, "alliances-legend-france-without-blocs-or-points", page.locator(MAP_FRAME))


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
    open_page(page, app_url, "/events?actor=FRA&category=RETREAT&country=Atlantis", "Events", TABLE)
    body = page.locator("body").inner_text()
    assert re.search(r"\b1 event where the source is France \(FRA\)", body)  # one event, not '1 events'
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "country=Atlantis" in sidebar  # a value of the link the data does not have is named
    assert "FRA · France" in sidebar and "RETREAT · withdraw, release or yield" in sidebar  # names, not bare codes
    assert [r["Date"] for r in table_rows(page)] == ["2023-12"]  # France's withdrawal, known to its month, shown as one
    no_exception(page)
    shot(page, "events-table-french-withdrawal-dated-to-its-month")


def test_an_article_dated_to_its_month_is_published_in_that_month_not_on_its_first(page, app_url: str) -> None:
    first: dict[str, tuple[str, date]] = {}  # precision -> the first article dated so
    for precision, article, published in query(
        shipped_store(),
        "SELECT published_precision, article_id, published FROM articles WHERE published IS NOT NULL ORDER BY article_id",
    ):
        first.setdefault(precision, (article, published))
    (month_article, month), (day_article, day) = first["month"], first["day"]  # 002, December 2023, say
    open_page(page, app_url, f"/article?article={day_article}", "Article view", "mark")
    assert f"published {day.day} {day:%B %Y}" in page.locator('[data-testid="stMain"]').inner_text()  # a day when known
    open_page(page, app_url, f"/article?article={month_article}", "Article view", "mark")
    meta = page.locator('[data-testid="stCaptionContainer"]').filter(has_text="published").first.inner_text()
    assert f"published {month:%B %Y}" in meta
    assert not re.search(rf"\b0?1 {month:%B}|{month:%Y}-{month:%m}-01", meta)  # no made-up first of the month
    no_exception(page)
    shot(page, f"article-published-{month:%B-%Y}".lower())


def test_a_link_reads_a_country_by_its_name_and_names_the_date_it_could_not_use(page, app_url: str) -> None:
    caption = re.compile(r"([\d,]+) events? where the place is in Niger \(NER\)")
    open_page(page, app_url, "/events?country=NER", "Events", TABLE)
    by_code = caption.search(page.locator("body").inner_text())
    assert by_code
    open_page(page, app_url, "/events?country=Niger&from=2030", "Events", TABLE)
    by_name = caption.search(page.locator("body").inner_text())
    assert by_name and by_name.group(1) == by_code.group(1)  # Niger read as NER: the same events
    total = query(shipped_store(), "SELECT count(DISTINCT event_id) FROM events")[0][0]
    assert 0 < int(by_name.group(1).replace(",", "")) < total
    sidebar = page.locator('[data-testid="stSidebar"]')
    countries = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Country (where it happened)")
    assert "NER · Niger" in countries.inner_text()
    notes = sidebar.locator('[data-testid="stAlert"]').filter(has_text="Not used from the link")
    assert "from=2030" in notes.inner_text() and "country" not in notes.inner_text()
    first = query(shipped_store(), "SELECT min(date) FROM events")[0][0]
    assert sidebar.locator('[data-testid="stDateInput"] input').first.input_value().startswith(f"{first:%Y-%m-%d}")  # not 2030
    assert "country=NER" in page.url and "from=" not in page.url  # the address bar keeps what was used
    no_exception(page)
    shot(page, "events-link-country-niger-from-2030", countries)


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
