"""Stores and helpers for the dashboard tests.

The shipped corpus is built once per test process into a temporary folder (a copy of corpus/,
so the store is never rebuilt under a test); synthetic stores carry known events and hostile
text. Oracles read the store with plain SQL, independently of the app's own queries.
"""

from __future__ import annotations

import atexit
import csv
import functools
import io
import shutil
import tempfile
from pathlib import Path

from dashboard import build, synthetic
from geopol.store import connect

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
PAGES = (
    "views/alliances.py",
    "views/changes.py",
    "views/movements.py",
    "views/timeline.py",
    "views/events.py",
    "views/article.py",
    "views/glossary.py",
)
HOSTILE_TAGS = ("<script>", "<img src=x onerror", "${alert")


def scratch(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, True)
    return folder


@functools.cache
def shipped_store() -> Path:
    """The shipped corpus, coded and stored once for every test that needs it."""
    folder = scratch("geopol-shipped-")
    corpus = Path(shutil.copytree(ROOT / "corpus", folder / "corpus"))
    store = folder / "geopol.duckdb"
    build.build(store, corpus)
    return store


@functools.cache
def hostile_store() -> Path:
    """Forty synthetic events; every fifth sentence, one title and one outlet carry script tags,
    Markdown, a template-literal injection and a spreadsheet formula; half the URLs are javascript:."""
    return synthetic.write(scratch("geopol-hostile-") / "hostile.duckdb", 40, hostile_every=5)


@functools.cache
def synthetic_store() -> Path:
    """A thousand synthetic events: states, blocs and armed groups, one-sided events, events
    with two actor pairs, dates known to the day or to the month."""
    return synthetic.write(scratch("geopol-synthetic-") / "synthetic.duckdb", 1000)


@functools.cache
def empty_store() -> Path:
    """One article and no events at all."""
    return synthetic.write(scratch("geopol-empty-") / "empty.duckdb", 0)


def query(store: Path, sql: str, params: list | None = None) -> list[tuple]:
    with connect(store) as con:
        return con.execute(sql, params or []).fetchall()


def event_ids(store: Path, where: str = "TRUE", params: list | None = None) -> set[str]:
    return {row[0] for row in query(store, f"SELECT DISTINCT event_id FROM events WHERE {where}", params)}


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))
