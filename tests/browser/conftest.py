"""The running app and a headless Chromium for the browser tests.

The app runs on a free local port against the shipped corpus, built into a temporary store.
Chromium is Debian's (never downloaded). There is no network: the CDN files folium asks for
are served from the npm packages scripts/test.sh installs under tests/browser/node_modules,
the stylesheets and scripts the maps do not need are answered empty, and anything else
(map tiles) is refused, so the maps must read without tiles.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dashboard_fixtures import ROOT, shipped_store

NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# CDN address fragment -> file under node_modules that stands in for it
CDN_FILES = {
    "leaflet.js": ("leaflet/dist/leaflet.js", "application/javascript"),
    "leaflet.css": ("leaflet/dist/leaflet.css", "text/css"),
    "jquery": ("jquery/dist/jquery.min.js", "application/javascript"),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the app did not answer at {url} within {timeout} s")


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "GEOPOL_STORE": str(shipped_store()), "GEOPOL_AUTOBUILD": "0", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    log = (ARTIFACTS / "app.log").open("w") if ARTIFACTS.mkdir(exist_ok=True) is None else None
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if log:
            log.close()


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise RuntimeError("Debian's chromium is not installed: apt-get install chromium (scripts/test.sh does it)")
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    missing = [name for name, _ in CDN_FILES.values() if not (NODE_MODULES / name).exists()]
    if missing:
        raise RuntimeError(f"missing {', '.join(missing)} under tests/browser/node_modules: run scripts/test.sh")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def serve_offline(route) -> None:
    """Local requests pass; CDN files come from node_modules; tiles and the rest are refused."""
    url = route.request.url
    if url.startswith(("http://127.0.0.1", "http://localhost")):
        route.continue_()
        return
    for fragment, (name, kind) in CDN_FILES.items():
        if fragment in url:
            route.fulfill(path=str(NODE_MODULES / name), content_type=kind)
            return
    if url.endswith((".css", ".js")):  # bootstrap, icon fonts, marker plugins: unused by these maps
        route.fulfill(body="", content_type="text/css" if url.endswith(".css") else "application/javascript")
        return
    route.abort()


SIZES = {"wide": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}


def new_tab(browser, size: str = "wide"):
    phone = size == "phone"
    context = browser.new_context(viewport=SIZES[size], is_mobile=phone, has_touch=phone, accept_downloads=True)
    tab = context.new_page()
    tab.route("**/*", serve_offline)
    return context, tab


@pytest.fixture
def page(browser) -> Iterator:
    """A laptop's window, 1440 x 900."""
    context, tab = new_tab(browser, "wide")
    yield tab
    context.close()


@pytest.fixture
def phone(browser) -> Iterator:
    """A phone's screen, 390 x 844, touch."""
    context, tab = new_tab(browser, "phone")
    yield tab
    context.close()
