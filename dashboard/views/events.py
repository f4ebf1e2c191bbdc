"""Events: the filtered table, one row per event, with its sources and downloads."""

from __future__ import annotations

import json

import streamlit as st

from dashboard import cached, queries, review_ui, tables, ui
from dashboard.safe import md
from dashboard.words import counted
from geopol import exports

ctx = ui.context()
view, filters = ctx.view, ctx.filters

total = cached.count_events(view, view.key, filters)
found = counted(total, filters.describe(ctx.names))
st.caption(
    md(
        f"{found}. Filters are in the sidebar; select rows to see every article behind them. "
        "One-sided events (one actor the text does not name) are marked; they are not on the maps."
    )
)

size = 100
pages = max(1, -(-total // size))
if st.session_state.get("events_page", 1) > pages:
    st.session_state["events_page"] = 1
page = st.session_state.get("events_page", 1)
frame, _ = cached.event_page(view, view.key, filters, page, size)
picked = tables.show_events(frame, key="events_table", height=tables.table_height(len(frame)))
if pages > 1:
    st.pagination(pages, key="events_page")
    st.caption(f"Page {page} of {pages}, {size} events a page, latest first.")

if len(picked) == 1:
    st.subheader("Review of the selected event", anchor=False)
    review_ui.event_panel(view, picked[0], key="events_review")
else:
    review_ui.message()
if picked:
    st.subheader("Sources of the selected events", anchor=False)
    tables.show_sources(view, picked)


def csv_bytes() -> bytes:
    """Exactly the filtered rows (one per event and actor pair), formula-safe."""
    rows = queries.export_rows(view, filters)
    return exports.to_csv(rows, [c for c in queries.EXPORT_COLUMNS if not rows or c in rows[0]]).encode("utf-8")


def geojson_bytes() -> bytes:
    return json.dumps(exports.to_geojson(queries.export_rows(view, filters)), ensure_ascii=False, default=str).encode("utf-8")


left, right, _space = st.columns([1, 1, 3])
# Callables: the file is made when someone clicks, not on every rerun of a million-event table.
# on_click="ignore": a download does not rerun the page, so the other button's file stays valid.
left.download_button(
    "Download CSV",
    csv_bytes,
    file_name="events.csv",
    mime="text/csv",
    icon=":material/download:",
    disabled=total == 0,
    on_click="ignore",
)
right.download_button(
    "Download GeoJSON",
    geojson_bytes,
    file_name="events.geojson",
    mime="application/geo+json",
    icon=":material/map:",
    disabled=total == 0,
    on_click="ignore",
)
