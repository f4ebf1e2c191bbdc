"""Streamlit glue shared by the pages: cached loading, first-run build, the session's data,
the filter sidebar mirrored in the URL, and the event tables.

Everything slow is loaded once per process with st.cache_resource (country shapes, the coder,
each build of the store); what belongs to one user (filters, uploads) lives in st.session_state.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import build, data, queries
from dashboard.filters import Filters
from dashboard.safe import http_url, md
from geopol import paths
from geopol.dictionaries import Facility, load_facilities, load_states
from geopol.problems import DictionaryError, StoreError

if TYPE_CHECKING:
    import geopandas as gpd

    from dashboard.maps import Base
    from geopol.pipeline import Coder


@st.cache_resource(show_spinner=False)
def countries_frame() -> gpd.GeoDataFrame:
    return data.load_countries()


@st.cache_resource(show_spinner=False)
def countries_geojson() -> dict:
    return json.loads(paths.COUNTRIES_GEOJSON.read_text(encoding="utf-8"))


@st.cache_resource(show_spinner=False)
def coder() -> Coder:
    from geopol.pipeline import Coder  # spaCy: loaded for a build or an upload only

    return Coder()


@st.cache_resource(show_spinner=False)
def build_lock() -> threading.Lock:
    return threading.Lock()


@st.cache_resource(show_spinner=False, max_entries=2)
def load_store(path: str, version: str) -> data.Store:
    """One in-memory copy per build of the store; version changes when the file is rebuilt."""
    return data.load_store(Path(path), countries_frame)  # polygons only for a store without place_country


@st.cache_data(ttl=10, show_spinner=False)
def stale(store: str, corpus: str) -> bool:
    """Checked at most every few seconds: a stat of every corpus file is cheap, not free."""
    return build.is_stale(Path(store), Path(corpus))


def ensure_store() -> Path:
    """The store to show, built first when it is missing or older than the corpus (into the
    system's temporary folder when the checkout is read-only)."""
    path, corpus = data.store_path(), data.corpus_path()
    target = build.writable_store(path)
    if not data.autobuild():
        return path
    for candidate in dict.fromkeys((path, target)):
        if not stale(str(candidate), str(corpus)):
            return candidate
    with build_lock():  # one build per process; other sessions wait for it, then find it fresh
        if build.is_stale(target, corpus) and corpus.exists():
            run_build(target, corpus, have_old=target.exists())
    stale.clear()
    return target


def run_build(target: Path, corpus: Path, have_old: bool) -> None:
    bar = st.progress(0.0, text="Building the event store from the corpus (first run)…")
    try:
        problems = build.build(target, corpus, coder(), lambda share, text: bar.progress(min(1.0, share), text=text))
        for problem in problems:
            st.toast(md(str(problem)))
    except (StoreError, DictionaryError) as error:
        if not have_old:
            st.error(f"The event store could not be built: {md(str(error))}")
            st.stop()
        st.warning(f"Showing the previous store; the rebuild failed: {md(str(error))}")
    finally:
        bar.empty()


def store_version(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_mtime_ns}-{stat.st_size}"


def session_view() -> data.View:
    path = ensure_store()
    try:
        store = load_store(str(path), store_version(path))
    except (StoreError, OSError) as error:
        st.error(f"Cannot open the event store: {md(str(error))}. Rebuild it with `python -m geopol build`.")
        st.stop()
    return data.View(store, st.session_state.get("uploads"))


@st.cache_data(show_spinner=False, max_entries=64)
def options(_view: data.View, key: str) -> queries.Options:
    """Filter choices, cached per store build and set of uploads (key)."""
    return queries.options(_view)


@dataclass(frozen=True)
class Context:
    view: data.View
    filters: Filters
    options: queries.Options


def context() -> Context:
    """What app.py prepared for this run: the page scripts start here."""
    return st.session_state["context"]


@st.cache_resource(show_spinner=False)
def facilities() -> list[Facility]:
    """The places dictionary, validated against the state codes; read without the gazetteer,
    which the full dictionaries need and which takes a second or two to load."""
    _, states = load_states(paths.DATA_DIR / "actors")
    return load_facilities(paths.DATA_DIR / "places" / "facilities.csv", set(states))


def bases(routes: pd.DataFrame, named: set[str]) -> list[Base]:
    """Military bases and airports (facilities.csv) in the countries the movements start or end
    in, or named by the events shown; one marker per spot (an air base shares its airport)."""
    from dashboard.maps import Base

    points = pd.DataFrame(
        {
            "lat": pd.concat([routes["origin_lat"], routes["destination_lat"]], ignore_index=True),
            "lon": pd.concat([routes["origin_lon"], routes["destination_lon"]], ignore_index=True),
        }
    ).dropna()
    countries = set(data.place_countries(points, countries_frame())["place_country"])
    kept: list[Base] = []
    for f in sorted(facilities(), key=lambda f: f.name not in named):
        if f.kind != "facility" or not (f.country in countries or f.name in named):
            continue
        if not any(abs(f.lat - b.lat) < 0.05 and abs(f.lon - b.lon) < 0.05 for b in kept):
            kept.append(Base(f.name, f.lat, f.lon, f.near, f.source, f.country, f.name in named))
    return kept


def article_link(article_id: object, event_id: object | None = None) -> str:
    """The in-app article view of an event, relative to the app's address."""
    params = {"article": str(article_id)}
    if event_id:
        params["event"] = str(event_id)
    return "article?" + urlencode(params)


# --- tables ---------------------------------------------------------------------------------


def event_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The table's columns, with links only for http(s) URLs."""
    return pd.DataFrame(
        {
            "date": [day(d) for d in events["date"]],
            "actors": events["actors"],
            "category": events["event_type"],
            "place": events["place"],
            "quantity": [quantity(q, u) for q, u in zip(events["quantity"], events["quantity_unit"], strict=True)],
            "sources": events["source_count"].fillna(0).astype(int),
            "article view": [article_link(a, e) for a, e in zip(events["article_id"], events["event_id"], strict=True)],
            "original": [http_url(u) for u in events["source_url"]],
            "sentence": events["sentence"],
            "event_id": events["event_id"],
        }
    )


def day(value: object) -> str:
    """ISO date text, so the column sorts by date and says "undated" rather than None."""
    return "undated" if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()  # type: ignore[arg-type]


def quantity(value: object, unit: object) -> str:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return ""
    return f"{int(float(value)):,} {unit or ''}".strip()  # type: ignore[arg-type]


EVENT_COLUMNS = {
    "date": st.column_config.TextColumn("Date", width=92),
    "actors": st.column_config.TextColumn("Actors", help="source → recipient; ? where the text names none", width=150),
    "category": st.column_config.TextColumn("Category", width=105),
    "place": st.column_config.TextColumn("Place", width=115),
    "quantity": st.column_config.TextColumn("Quantity", width=100),
    "sources": st.column_config.NumberColumn("Sources", help="articles reporting the event", width=68),
    "article view": st.column_config.LinkColumn("Article view", display_text="highlighted", width=92),
    "original": st.column_config.LinkColumn("Original", display_text="open ↗", width=72),
    "sentence": st.column_config.TextColumn("Sentence", width="large"),
    "event_id": None,
}


def show_events(events: pd.DataFrame, key: str, height: int | str = "auto") -> list[str]:
    """The event table; returns the event ids of the rows the user selected."""
    frame = event_frame(events)
    state = st.dataframe(
        frame,
        column_config=EVENT_COLUMNS,
        hide_index=True,
        key=key,
        on_select="rerun",
        selection_mode="multi-row",
        height=height,
        width="stretch",
    )
    rows = state.selection.rows if state is not None and hasattr(state, "selection") else []
    return [str(frame["event_id"].iloc[i]) for i in rows if i < len(frame)]


def show_sources(view: data.View, event_ids: list[str]) -> None:
    """Every article that reports the selected events, with the sentence it says it in."""
    reports = queries.sources(view, event_ids)
    table = pd.DataFrame(
        {
            "event": reports["event_id"],
            "outlet": reports["outlet"],
            "title": reports["title"],
            "published": [day(d) for d in reports["published"]],
            "article view": [article_link(a, e) for a, e in zip(reports["article_id"], reports["event_id"], strict=True)],
            "original": [http_url(u) for u in reports["source_url"]],
            "sentence": reports["sentence"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "original": st.column_config.LinkColumn("Original", display_text="open ↗"),
            "article view": st.column_config.LinkColumn("Article view", display_text="highlighted"),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
        },
    )
