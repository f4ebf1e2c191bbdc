"""The pages' queries, cached per store build, uploads and filters: a rerun that changes no
filter (a click on a table row, a replay step, a page turn elsewhere) reads the answers back
instead of asking DuckDB again. key is View.key; the view itself is not hashed."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import aggregates, changes, queries
from dashboard.data import View
from dashboard.filters import Filters

ENTRIES = 64  # filter sets kept per question


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def month_figures(_view: View, key: str, f: Filters) -> pd.DataFrame:
    return queries.month_figures(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def pair_months(_view: View, key: str, f: Filters) -> pd.DataFrame:
    return aggregates.pair_months(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def dyad_events(_view: View, key: str, f: Filters) -> pd.DataFrame:
    return aggregates.dyad_events(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def places(_view: View, key: str, f: Filters) -> pd.DataFrame:
    return aggregates.places(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def monthly(_view: View, key: str, f: Filters) -> pd.DataFrame:
    return aggregates.monthly(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def routes(_view: View, key: str, f: Filters) -> pd.DataFrame:
    return aggregates.routes(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def count_events(_view: View, key: str, f: Filters) -> int:
    return queries.count_events(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def event_page(_view: View, key: str, f: Filters, page: int, size: int) -> tuple[pd.DataFrame, int]:
    return queries.event_page(_view, f, page, size)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def pair_index(_view: View, key: str, f: Filters, a: str, b: str) -> pd.DataFrame:
    return aggregates.pair_index(_view, f, a, b)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def pair_events(_view: View, key: str, f: Filters, a: str, b: str, until: date | None = None) -> pd.DataFrame:
    """The latest events of a pair dated up to until (None: all of them, the undated too). A
    replay month picks them from the pair's index (read once), not from every event again."""
    if until is None:
        return aggregates.pair_events(_view, f, a, b)
    return aggregates.pair_events_until(_view, pair_index(_view, key, f, a, b), until)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def unseated_positions(_view: View, key: str, f: Filters, codes: tuple[str, ...]) -> pd.DataFrame:
    return aggregates.unseated_positions(_view, f, list(codes))


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def placed_actors(_view: View, key: str, f: Filters) -> pd.DataFrame:
    """Every actor with its position: its seat, or for one without a seat (an armed group) the
    middle of the places of its events under the filters (aggregates.unseated_positions)."""
    actors = queries.actors(_view)
    unseated = tuple(actors.loc[actors["lat"].isna(), "code"].astype(str))
    where = unseated_positions(_view, key, f, unseated).set_index("code")
    actors = actors.set_index("code")
    actors.update(where)
    return actors.reset_index()


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def group_months(_view: View, key: str, f: Filters) -> pd.DataFrame:
    return changes.group_months(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def actor_months(_view: View, key: str, f: Filters) -> pd.DataFrame:
    return changes.actor_months(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def place_names(_view: View, key: str, f: Filters) -> set[str]:
    return queries.place_names(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def movements(_view: View, key: str, f: Filters) -> pd.DataFrame:
    return aggregates.movements(_view, f)


@st.cache_data(show_spinner=False, max_entries=ENTRIES)
def unrouted_troop_events(_view: View, key: str, f: Filters) -> tuple[pd.DataFrame, int]:
    return aggregates.unrouted_troop_events(_view, f)
