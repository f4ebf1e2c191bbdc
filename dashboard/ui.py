"""Streamlit glue shared by the pages: cached loading, first-run build, the session's data,
the filter sidebar mirrored in the URL, and the event tables.

Everything slow is loaded once per process with st.cache_resource (country shapes, the coder,
each build of the store); what belongs to one user (filters, uploads) lives in st.session_state.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import geopandas as gpd
import pandas as pd
import streamlit as st

from dashboard import build, data, queries
from dashboard.filters import LIST_KEYS, QUERY_KEYS, Filters
from dashboard.safe import http_url, md
from geopol import paths
from geopol.dictionaries import Facility, load_facilities, load_states
from geopol.problems import DictionaryError, StoreError

if TYPE_CHECKING:
    from dashboard.maps import Base
    from geopol.pipeline import Coder

PAGE_KEYS = frozenset({"article", "event"})  # owned by the article page, kept beside the filters


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
    return data.load_store(Path(path), countries_frame())


@st.cache_data(ttl=10, show_spinner=False)
def stale(store: str, corpus: str) -> bool:
    """Checked at most every few seconds: a stat of every corpus file is cheap, not free."""
    return build.is_stale(Path(store), Path(corpus))


def ensure_store() -> Path:
    """The store to show, built first when it is missing or older than the corpus."""
    path, corpus = data.store_path(), data.corpus_path()
    if not data.autobuild() or not stale(str(path), str(corpus)):
        return path
    target = build.writable_store(path)
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
    except (StoreError, FileNotFoundError) as error:
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


# --- the filter sidebar ---------------------------------------------------------------------


def seed_widgets(opts: queries.Options) -> None:
    """On a session's first run, the URL's filters become the widgets' starting values."""
    if st.session_state.get("f_seeded"):
        return
    query = {k: st.query_params.get_all(k) for k in QUERY_KEYS}
    given = Filters.from_query(query)
    allowed = {
        "actors": opts.sources,
        "recipients": opts.recipients,
        "countries": opts.countries,
        "categories": opts.categories,
        "quads": opts.quads,
        "places": opts.places,
        "outlets": opts.outlets,
    }
    for name, choices in allowed.items():
        st.session_state[f"f_{name}"] = [v for v in getattr(given, name) if v in choices]
    first, last = opts.first or date.today(), opts.last or date.today()
    start = min(max(given.start or first, first), last)
    end = max(min(given.end or last, last), start)
    st.session_state["f_dates"] = (start, end)
    st.session_state["f_undated"] = given.undated
    st.session_state["f_sources"] = min(given.min_sources, max(1, opts.max_sources))
    st.session_state["f_text"] = given.text
    st.session_state["f_seeded"] = True


def clear_filters() -> None:
    for key in [k for k in st.session_state if str(k).startswith("f_")]:
        del st.session_state[key]


def filter_sidebar(opts: queries.Options) -> Filters:
    seed_widgets(opts)
    names = opts.actors

    def actor_name(code: str) -> str:
        return f"{code} · {names.get(code, code)}"

    with st.sidebar:
        st.subheader("Filters")
        st.caption("They apply to every page, and the address bar keeps them: copy it to share this view.")
        dates = ()
        if opts.first and opts.last:
            dates = st.date_input("Dates", min_value=opts.first, max_value=opts.last, key="f_dates", format="YYYY-MM-DD")
        st.checkbox("Include undated events", key="f_undated", help="Events whose date the articles do not give.")
        st.multiselect("Source actor", opts.sources, key="f_actors", format_func=actor_name, placeholder="any")
        st.multiselect("Recipient", opts.recipients, key="f_recipients", format_func=actor_name, placeholder="any")
        st.multiselect("Country (where it happened)", opts.countries, key="f_countries", placeholder="any")
        st.multiselect("Category", opts.categories, key="f_categories", placeholder="any")
        st.multiselect("Quad class", opts.quads, key="f_quads", placeholder="any")
        st.multiselect("Place", opts.places, key="f_places", placeholder="any")
        st.multiselect("Outlet", opts.outlets, key="f_outlets", placeholder="any")
        if opts.max_sources > 1:
            st.slider("Reported by at least this many articles", 1, opts.max_sources, key="f_sources")
        st.text_input("Search the sentences", key="f_text", max_chars=200, placeholder="words in the sentence, title or place")
        st.button("Clear filters", on_click=clear_filters, width="stretch")
    start, end = date_range(dates, opts)
    return Filters(
        start=start,
        end=end,
        undated=bool(st.session_state.get("f_undated", True)),
        min_sources=int(st.session_state.get("f_sources", 1)) if opts.max_sources > 1 else 1,
        text=str(st.session_state.get("f_text") or ""),
        **{name: tuple(st.session_state.get(f"f_{name}") or ()) for name in LIST_KEYS.values()},
    )


def date_range(value: object, opts: queries.Options) -> tuple[date | None, date | None]:
    """The picked range, with the data's own bounds meaning "no limit"; half a range (while
    the user is still picking) counts from its start."""
    picked = tuple(value) if isinstance(value, tuple | list) else ()
    start = picked[0] if picked else None
    end = picked[1] if len(picked) > 1 else None
    return (None if start == opts.first else start), (None if end in (opts.last, None) else end)


def sync_query(filters: Filters) -> None:
    """Mirror the filters in the URL, leaving the page's own keys (article, event) alone."""
    wanted = filters.to_query()
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    target = {k: v for k, v in current.items() if k in PAGE_KEYS}
    target.update(wanted)
    normal = {k: v if isinstance(v, list) else [v] for k, v in target.items()}
    if normal != current:
        st.query_params.from_dict(normal)


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
