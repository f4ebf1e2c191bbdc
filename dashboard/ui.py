"""Streamlit glue shared by the pages: cached loading, first-run build, the session's data and
what every page reads from it (filter choices, names, military bases).

Everything slow is loaded once per process with st.cache_resource (country shapes, the coder,
each build of the store); what belongs to one user (filters, uploads) lives in st.session_state.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from dashboard import blocs, build, data, queries
from dashboard.filters import Filters
from dashboard.safe import md
from geopol import paths
from geopol.dictionaries import ActorInfo, Facility, load_facilities, load_states
from geopol.problems import DictionaryError, StoreError

if TYPE_CHECKING:
    import geopandas as gpd

    from dashboard.maps import Capital
    from dashboard.movement_map import Base
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

        def progress(share: float, text: str) -> None:
            bar.progress(min(1.0, share), text=text)

        problems = build.build(target, corpus, coder(), progress)
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
    return data.store_version(path)


def session_view() -> data.View:
    path = ensure_store()
    try:
        store = load_store(str(path), store_version(path))
    except (StoreError, OSError) as error:
        st.error(f"Cannot open the event store: {md(str(error))}. Rebuild it with `python -m geopol build`.")
        st.stop()
    except DictionaryError as error:  # data/alignment.csv, read with the store
        st.error(f"A data file of the dashboard has a bad row: {md(str(error))}")
        st.stop()
    return data.View(store, st.session_state.get("uploads"))


@st.cache_data(show_spinner=False, max_entries=64)
def options(_view: data.View, key: str) -> queries.Options:
    """Filter choices, cached per store build and set of uploads (key)."""
    return queries.options(_view)


@st.cache_resource(show_spinner=False)
def states() -> dict[str, ActorInfo]:
    """Every state of the dictionary: name, capital and its position."""
    return load_states(paths.DATA_DIR / "actors")[1]


def state_names() -> dict[str, str]:
    """ISO code -> name of every state (for countries where events happened)."""
    return {code: info.name for code, info in states().items()}


MISSION = ("NER", "RUS", "IRN", "USA", "MLI", "BFA")  # the capitals every map labels


def mission_capitals() -> list[Capital]:
    """Niamey, Moscow, Tehran, Washington, Bamako and Ouagadougou, from the states dictionary."""
    from dashboard.maps import Capital

    found = [states().get(code) for code in MISSION]
    return [Capital(s.code, s.seat, s.lat, s.lon) for s in found if s and s.seat and s.lat is not None and s.lon is not None]


@st.cache_resource(show_spinner=False)
def memberships() -> list[blocs.Membership]:
    return blocs.load_blocs()


def names(opts: queries.Options) -> dict[str, str]:
    """Code -> name of every state and every actor of the data."""
    return {**state_names(), **opts.actors}


@dataclass(frozen=True)
class Context:
    view: data.View
    filters: Filters
    options: queries.Options
    names: dict[str, str]


def context() -> Context:
    """What app.py prepared for this run: the page scripts start here."""
    return st.session_state["context"]


@st.cache_resource(show_spinner=False)
def facilities() -> list[Facility]:
    """The places dictionary, validated against the state codes; read without the gazetteer,
    which the full dictionaries need and which takes a second or two to load."""
    _, states = load_states(paths.DATA_DIR / "actors")
    return load_facilities(paths.DATA_DIR / "places" / "facilities.csv", set(states))


@st.cache_data(show_spinner=False, max_entries=64)
def bases(routes: pd.DataFrame, named: frozenset[str]) -> list[Base]:
    """Military bases and airports (facilities.csv) in the countries the movements start or end
    in, or named by the events shown; one marker per spot (an air base shares its airport)."""
    from dashboard.movement_map import Base

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
