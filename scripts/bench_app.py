"""Measure the dashboard's speed and print the figures.

1. First page in a real browser: the app is started on the shipped corpus (store built
   beforehand), and the clock starts when the server answers its health check; it stops when
   the Alliances heading shows and when the map has drawn (headless Chromium, offline, as in
   the browser tests; skipped when Chromium or Leaflet's npm files are missing).
2. Filter changes, server time: each page run headless (AppTest) and re-run after a filter
   change; the median of several changes.
3. The same on a synthetic store of N events (default 100,000): every page, and on the Events
   page a filter change, a text search and a page turn.

    python scripts/bench_app.py [--events 100000] [--no-browser]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import build, synthetic  # noqa: E402

APP = ROOT / "dashboard" / "app.py"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
PAGES = ("views/alliances.py", "views/movements.py", "views/timeline.py", "views/events.py", "views/article.py")


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_of(actions: list[Callable[[], object]]) -> float:
    return statistics.median(seconds(a) for a in actions)


def use_store(store: Path) -> None:
    os.environ["GEOPOL_STORE"] = str(store)
    os.environ["GEOPOL_AUTOBUILD"] = "0"


def apptest():
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(APP), default_timeout=300)


def filter_changes(at, key: str, values: list[list[str]]) -> list[Callable[[], object]]:
    return [lambda v=v: at.multiselect(key=key).set_value(v).run() for v in values]


def server_times(store: Path, actor: str, rounds: int = 6) -> dict[str, float]:
    """Median seconds of a re-run after a filter change, per page (AppTest, in process)."""
    use_store(store)
    at = apptest()
    at.run()
    figures = {}
    for page in PAGES:
        at.switch_page(page).run()
        at.run()  # warm: the page's first run fills its caches
        figures[page] = median_of(filter_changes(at, "f_actors", [[actor], []] * (rounds // 2)))
    return figures


def events_page_times(store: Path) -> dict[str, float]:
    use_store(store)
    at = apptest()
    first = seconds(at.run)
    at.switch_page("views/events.py").run()
    figures = {"first run (loads the store)": first}
    figures["filter: source actor"] = median_of(filter_changes(at, "f_actors", [["RUS"], [], ["USA"], []]))
    figures["filter: category"] = median_of(filter_changes(at, "f_categories", [["AID"], [], ["RETREAT"], []]))
    figures["text search"] = median_of(
        [lambda t=t: at.text_input(key="f_text").set_value(t).run() for t in ("number 12", "", "niger", "")]
    )
    figures["next page of the table"] = median_of([lambda p=p: at.get("pagination")[0].set_value(p).run() for p in (2, 3, 40, 1)])
    return figures


def first_paint(store: Path, folder: Path) -> dict[str, float] | None:
    """Seconds from the server's first answer to the heading, the figures and the drawn map;
    and, for scale, to the heading of a one-line Streamlit app on the same machine."""
    chromium = shutil.which("chromium")
    if not chromium or not (ROOT / "tests" / "browser" / "node_modules" / "leaflet").exists():
        print("  (no chromium or no tests/browser/node_modules: run scripts/test.sh first)")
        return None
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    hello = folder / "hello.py"
    hello.write_text('import streamlit as st\n\nst.title("Hello")\n', encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)  # the reader's browser is open
        figures = {"one-line app: heading shown": visit(browser, hello, store, "Hello", map_too=False)["heading shown"]}
        figures.update(visit(browser, APP, store, "Alliances", map_too=True))
        browser.close()
    return figures


def visit(browser, app: Path, store: Path, heading: str, map_too: bool) -> dict[str, float]:
    from tests.browser.conftest import free_port, serve_offline, wait_until_healthy

    port = free_port()
    env = {**os.environ, "GEOPOL_STORE": str(store), "GEOPOL_AUTOBUILD": "0", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port), "--server.headless", "true"]
    url = f"http://127.0.0.1:{port}"
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.route("**/*", serve_offline)
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    figures = {}
    try:
        wait_until_healthy(url, server)
        answered = time.perf_counter()
        page.goto(url)
        page.get_by_role("heading", name=heading, level=1).wait_for(timeout=60_000)
        figures["heading shown"] = time.perf_counter() - answered
        if map_too:
            page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
            figures["headline figures shown"] = time.perf_counter() - answered
            map_path = page.frame_locator(MAP_FRAME).locator(".leaflet-overlay-pane path").first
            map_path.wait_for(timeout=60_000)
            figures["map drawn"] = time.perf_counter() - answered
            page.reload()  # the next reader: the server is warm, the browser cache too
            started = time.perf_counter()
            map_path.wait_for(timeout=60_000)
            figures["map drawn, next visit"] = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
        context.close()
    return figures


def report(title: str, figures: dict[str, float]) -> None:
    print(title)
    for name, value in figures.items():
        print(f"  {name:<32} {value:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events in the synthetic store (default 100,000)")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-page measurement in Chromium")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory(prefix="geopol-bench-") as folder:
        corpus = Path(shutil.copytree(ROOT / "corpus", Path(folder) / "corpus"))
        shipped = Path(folder) / "geopol.duckdb"
        report("Build the shipped corpus", {"build": seconds(lambda: build.build(shipped, corpus))})
        if not args.no_browser:
            figures = first_paint(shipped, Path(folder))
            if figures:
                report("First page in Chromium, from the server's first answer (target: under 3 s)", figures)
        report("Shipped corpus: re-run after a filter change, median (target: under 0.3 s)", server_times(shipped, "RUS"))
        big = ROOT / "bench" / f"synthetic-{args.events}.duckdb"
        if not big.exists():
            report(
                f"Write a synthetic store of {args.events:,} events",
                {"write": seconds(lambda: synthetic.write(big, args.events))},
            )
        report(f"{args.events:,} events: Events page (target: under 1 s an interaction)", events_page_times(big))
        report(f"{args.events:,} events: re-run after a filter change, median, every page", server_times(big, "RUS"))


if __name__ == "__main__":
    main()
