"""Measure the dashboard's speed and memory and print the figures.

For the shipped corpus (built first) and for a synthetic store of N events (default 1,000,000,
written by dashboard.synthetic), with the app served by `streamlit run` and read in headless
Chromium (offline, as in the browser tests):

0. The floor: a bare Streamlit page with a heading and one figure, served and read the same way.
1. First page: seconds from the server's first answer to the Alliances heading, the headline
   figures and the drawn map; the same for the next visitor; the server's memory after it.
2. Replay step: a key press on the month slider until the map has its new layers (median).
3. Filter change: picking a source actor in the sidebar until the page has run again, per
   page (median of changes to actors not picked before, so no answer comes from a cache),
   timed from the first click in the box (opening the list and typing included) and from the
   click on the actor; and clearing the filter again.

    python scripts/bench_app.py [--events 1000000] [--skip-shipped] [--skip-synthetic]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import build, synthetic  # noqa: E402

APP = ROOT / "dashboard" / "app.py"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
SETTLED = "document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'"
PAGES = {
    "/": "Alliances",
    "/changes": "What changed",
    "/movements": "Troop movements",
    "/timeline": "Timeline",
    "/events": "Events",
}


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def memory_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def served(store: Path, app: Path = APP) -> Iterator[tuple[str, int, float]]:
    """The app on a free port against store: (address, server pid, moment it first answered)."""
    from tests.browser.conftest import free_port, wait_until_healthy

    port = free_port()
    env = {**os.environ, "GEOPOL_STORE": str(store), "GEOPOL_AUTOBUILD": "0", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port), "--server.headless", "true"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, server, timeout=300)
        yield url, server.pid, time.perf_counter()
    finally:
        server.terminate()
        server.wait(timeout=30)


def settle(page) -> None:
    page.wait_for_function(SETTLED, timeout=300_000)


def first_page(browser, url: str, answered: float, with_map: bool = True) -> dict[str, float]:
    from tests.browser.conftest import serve_offline

    figures = {}
    for visit in ("first visit", "next visit"):
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        page.route("**/*", serve_offline)
        started = answered if visit == "first visit" else time.perf_counter()
        page.goto(url)
        page.get_by_role("heading", name="Alliances", level=1).wait_for(timeout=300_000)
        figures[f"{visit}: heading shown"] = time.perf_counter() - started
        page.locator('[data-testid="stMetric"]').first.wait_for(timeout=300_000)
        figures[f"{visit}: headline figures shown"] = time.perf_counter() - started
        if with_map:
            page.frame_locator(MAP_FRAME).locator(".leaflet-overlay-pane path >> visible=true").first.wait_for(timeout=300_000)
            figures[f"{visit}: map drawn"] = time.perf_counter() - started
        context.close()
    return figures


BARE_PAGE = """import streamlit as st

st.title("Alliances")
st.metric("Events", "1")
"""


def bare_page(folder: Path) -> dict[str, float]:
    """The floor under the first page: a Streamlit page holding only a heading and one figure,
    served and read the same way, so the app's own share of the first page shows."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    app = folder / "bare.py"
    app.write_text(BARE_PAGE)
    with sync_playwright() as playwright, served(folder / "none.duckdb", app) as (url, _, answered):
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        figures = first_page(browser, url, answered, with_map=False)
        browser.close()
    return figures


def replay_steps(browser, url: str, steps: int = 6) -> float:
    """Median seconds from a key press on the month slider to the map's new layers."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from tests.browser.conftest import serve_offline

    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.route("**/*", serve_offline)
    page.goto(url)
    page.frame_locator(MAP_FRAME).locator(".leaflet-overlay-pane path >> visible=true").first.wait_for(timeout=300_000)
    settle(page)
    frame = next(f for f in page.frames if "st_folium" in f.url)
    slider = page.locator('input[type=range][aria-label^="Replay month"]')
    times = []
    for _ in range(steps):
        layers = frame.evaluate("() => (window.feature_group || []).length")
        slider.focus()
        started = time.perf_counter()
        page.keyboard.press("ArrowLeft")
        page.wait_for_timeout(50)
        settle(page)
        with contextlib.suppress(PlaywrightTimeout):  # a month that changes nothing sends no new layers
            frame.wait_for_function(f"() => (window.feature_group || []).length > {layers}", timeout=3_000)
        times.append(time.perf_counter() - started)
    context.close()
    return statistics.median(times)


def pick_actor(page, code: str | None) -> tuple[float, float]:
    """Seconds from the first click (in the source actor box, or on Clear filters when code is
    None) to the page run again, and from the click that picks the actor (the same click for
    Clear filters): the first includes opening the list and typing in it."""
    started = time.perf_counter()
    if code is None:
        page.get_by_role("button", name="Clear filters").click()
        picked = started
    else:
        box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Source actor")
        box.locator("input").click()
        page.keyboard.type(code)
        option = page.get_by_role("option", name=f"{code} ·", exact=False).first
        option.wait_for()
        picked = time.perf_counter()
        option.click()
        page.keyboard.press("Escape")
    page.wait_for_timeout(150)  # the rerun request reaches the server before we wait for it to end
    settle(page)
    ended = time.perf_counter()
    return ended - started, ended - picked


def filter_changes(browser, url: str, actors: list[str]) -> dict[str, float]:
    """Per page: median seconds of a change to a new source actor, and of clearing it."""
    from tests.browser.conftest import serve_offline

    figures = {}
    for index, (path, title) in enumerate(PAGES.items()):
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        page.route("**/*", serve_offline)
        page.goto(url + path)
        page.get_by_role("heading", name=title, level=1).wait_for(timeout=300_000)
        settle(page)
        fresh = [actors[(index * 2 + i) % len(actors)] for i in range(2)]
        changes, picks, clears = [], [], []
        for code in fresh:
            change, pick = pick_actor(page, code)
            changes.append(change)
            picks.append(pick)
            clears.append(pick_actor(page, None)[0])
        figures[f"{title}: new source actor"] = statistics.median(changes)
        figures[f"{title}: new source actor, from the pick"] = statistics.median(picks)
        figures[f"{title}: clear filters"] = statistics.median(clears)
        context.close()
    return figures


def measure(store: Path, label: str, actors: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    with sync_playwright() as playwright, served(store) as (url, pid, answered):
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        report(f"{label}: first page in Chromium, from the server's first answer", first_page(browser, url, answered))
        memory = {"after the first page": memory_mb(pid)}
        report(f"{label}: replay step, key press to new map layers (median)", {"replay step": replay_steps(browser, url)})
        report(
            f"{label}: filter change in the sidebar until the page has run again (median)", filter_changes(browser, url, actors)
        )
        memory["after every page and filter"] = memory_mb(pid)
        report(f"{label}: server memory (resident, MB)", memory, unit="MB")
        browser.close()


def report(title: str, figures: dict[str, float], unit: str = "s") -> None:
    print(title, flush=True)
    for name, value in figures.items():
        print(f"  {name:<52} {value:8.2f} {unit}" if unit == "s" else f"  {name:<52} {value:8.0f} {unit}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the synthetic store (default 1,000,000)")
    parser.add_argument("--skip-shipped", action="store_true", help="measure the synthetic store only")
    parser.add_argument("--skip-synthetic", action="store_true", help="measure the shipped corpus only")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if not shutil.which("chromium") or not (ROOT / "tests" / "browser" / "node_modules" / "leaflet").exists():
        sys.exit("needs Debian's chromium and tests/browser/node_modules: run scripts/test.sh first")
    print(f"{os.cpu_count()} CPUs; load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory(prefix="geopol-bench-") as folder:
        report("A bare Streamlit page (a heading and one figure), from the server's first answer", bare_page(Path(folder)))
        if not args.skip_shipped:
            corpus = Path(shutil.copytree(ROOT / "corpus", Path(folder) / "corpus"))
            shipped = Path(folder) / "geopol.duckdb"
            report("Build the shipped corpus", {"build": seconds(lambda: build.build(shipped, corpus))})
            measure(shipped, "Shipped corpus", ["RUS", "USA", "FRA", "MLI", "NER", "BFA"])
        if not args.skip_synthetic:
            big = ROOT / "bench" / f"synthetic-{args.events}.duckdb"
            if not big.exists():
                report(
                    f"Write a synthetic store of {args.events:,} events",
                    {"write": seconds(lambda: synthetic.write(big, args.events))},
                )
            measure(big, f"{args.events:,} synthetic events", ["RUS", "USA", "FRA", "IRN", "MLI", "BFA", "TCD", "JNIM", "ECOWAS"])
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)


if __name__ == "__main__":
    main()
