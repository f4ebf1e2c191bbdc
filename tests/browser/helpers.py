"""What the browser tests do again and again: open a page, wait for Streamlit, read the map."""

from __future__ import annotations

from tests.browser.conftest import ARTIFACTS

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TABLE = '[data-testid="stDataFrame"]'
CHART = '[data-testid="stVegaLiteChart"]'


def open_page(page, app_url: str, path: str, title: str, main: str | None = None):
    page.goto(app_url + path)
    page.get_by_role("heading", name=title, level=1).wait_for(timeout=60_000)
    if main:
        page.locator(main).first.wait_for(timeout=60_000)
    settle(page)
    return page


def settle(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_function(
        "document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'", timeout=60_000
    )
    page.wait_for_timeout(600)


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


def shot(page, name: str, centre=None) -> None:
    """A screenshot of the window, test-artifacts/NAME.png; centre (a locator) is scrolled to its middle first."""
    if centre is not None:
        centre.first.evaluate("e => e.scrollIntoView({block: 'center', inline: 'nearest'})")
        page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def map_frame(page):
    # A map made anew (other bounds, another legend) replaces the old one a moment after the run.
    page.wait_for_function(f"document.querySelectorAll('{MAP_FRAME}').length === 1", timeout=60_000)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".leaflet-overlay-pane path >> visible=true").first.wait_for(timeout=60_000)
    page.wait_for_timeout(400)  # the labels are placed a moment after the map draws
    return frame


def in_map(page, script: str, arg=None):
    """Run a function of (body, arg) inside the map's frame, where map_div is the Leaflet map."""
    return page.frame_locator(MAP_FRAME).locator("body").evaluate(script, arg)


LABEL_BOXES = """() => Array.from(document.querySelectorAll('.geopol-label'))
    .filter(l => !l.classList.contains('hidden'))
    .map(l => {
        const r = l.getBoundingClientRect();
        return {text: l.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    })"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]:
                found.append((a["text"], b["text"]))
    return found


# The markers a label must not cover: bases, armed groups, capitals and actors.
MARK_BOXES = """() => Array.from(document.querySelectorAll('.geopol-base, .geopol-armed, .geopol-mark'))
    .map(m => {
        const r = m.getBoundingClientRect();
        return {text: m.className.baseVal === undefined ? m.className : m.className.baseVal,
                left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    })"""


def covering(labels: list[dict], marks: list[dict], slack: float = 2) -> list[tuple[str, str]]:
    """The labels that cover a marker by more than slack pixels each way."""
    found = []
    for a in labels:
        for b in marks:
            across = min(a["right"], b["right"]) - max(a["left"], b["left"])
            down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if across > slack and down > slack:
                found.append((a["text"], f"{b['text']} at {round(b['left'])},{round(b['top'])}"))
    return found


TIE = """(body, tie) => {
    for (const layer of Object.values(map_div._layers)) {
        const tip = layer.getTooltip && layer.getTooltip();
        const text = tip && String(tip.getContent());
        if (layer.getLatLngs && text && text.includes(tie + ':')) {
            const points = layer.getLatLngs();
            const p = map_div.latLngToContainerPoint(points[Math.floor(points.length / 2)]);
            return {x: p.x, y: p.y, color: layer.options.color, text: text};
        }
    }
    return null;
}"""


def tie(page, name: str) -> dict | None:
    """Where the line of a tie passes on the map, its colour and its tooltip."""
    return in_map(page, TIE, name)


def replay_to(page, month: str, limit: int = 24) -> None:
    """Move the replay slider with the keyboard until it reads month ("Dec 2023")."""
    slider = page.locator('input[type=range][aria-label^="Replay month"]')
    for _ in range(limit):
        if slider.get_attribute("aria-valuetext") == month:
            break
        slider.focus()
        page.keyboard.press("ArrowLeft")
        page.wait_for_timeout(300)
        settle(page)
    assert slider.get_attribute("aria-valuetext") == month


def metric(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]').filter(has=page.get_by_text(label, exact=True))
    return box.locator('[data-testid="stMetricValue"]').inner_text().strip()


def selected_values(page) -> list[str]:
    return page.locator('[data-testid="stSelectbox"] input').evaluate_all("inputs => inputs.map(i => i.value)")


# The visible labels that a tie or an arrow crosses: each line sampled every 2 pixels, a label
# crossed when a sample falls more than a pixel inside its box.
LABELS_ON_LINES = """(body) => {
    const frame = map_div.getContainer().getBoundingClientRect();
    const boxes = Array.from(document.querySelectorAll('.geopol-label'))
        .filter(l => !l.classList.contains('hidden'))
        .map(l => ({text: l.textContent, r: l.getBoundingClientRect()}));
    const crossed = new Set();
    map_div.eachLayer(layer => {
        if (!(layer instanceof L.Polyline) || layer instanceof L.Polygon) return;
        let points = layer.getLatLngs();
        if (!L.LineUtil.isFlat(points)) points = points.flat();
        for (let i = 1; i < points.length; i++) {
            const a = map_div.latLngToContainerPoint(points[i - 1]), b = map_div.latLngToContainerPoint(points[i]);
            const steps = Math.max(1, Math.ceil(a.distanceTo(b) / 2));
            for (let k = 0; k <= steps; k++) {
                const x = frame.left + a.x + (b.x - a.x) * k / steps, y = frame.top + a.y + (b.y - a.y) * k / steps;
                for (const {text, r} of boxes) {
                    if (x > r.left + 1 && x < r.right - 1 && y > r.top + 1 && y < r.bottom - 1) crossed.add(text);
                }
            }
        }
    });
    return [...crossed];
}"""
