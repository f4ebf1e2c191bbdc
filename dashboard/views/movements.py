"""Troop movements: withdrawals, deployments and military aid of personnel, from where to where."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import cached, tables, ui
from dashboard.movement_map import MAX_ROUTES, MOVEMENT_WORDS, movement_drawing
from dashboard.safe import http_url, md
from dashboard.words import day, plural, quantity

ctx = ui.context()
view, filters = ctx.view, ctx.filters

st.caption(
    md(f"Withdrawals, deployments and military aid of personnel between two coded actors, among {filters.describe(ctx.names)}.")
)

routes = cached.routes(view, view.key, filters)
moves = cached.movements(view, view.key, filters)
unrouted, unrouted_total = cached.unrouted_troop_events(view, view.key, filters)
total = int(routes["events"].sum()) if len(routes) else 0

if routes.empty:
    st.info("No movement with a known origin and destination matches the filters.")
around = st.segmented_control("Open the map on", ["Sahel", "all routes"], default="Sahel", key="movement_around")
drawing = movement_drawing(
    routes,
    ui.bases(routes, frozenset(cached.place_names(view, view.key, filters))),
    ui.countries_geojson(),
    ui.mission_capitals(),
    around="routes" if around == "all routes" else "sahel",
)
# The base stays in the browser while the filters change (unless the map opens on the routes):
# only the layers are sent and drawn again.
st_folium(
    drawing.base,
    key="movement_map",
    height=560,
    use_container_width=True,
    returned_objects=[],
    feature_group_to_add=drawing.layers,
)
drawn = f"The {MAX_ROUTES} busiest of {len(routes)} routes are drawn. " if len(routes) > MAX_ROUTES else ""
st.caption(
    f"{drawn}Arrows run from origin to destination; width grows with the number of people. "
    "Squares are military bases (approximate positions, from the places dictionary); dots are capitals."
)

st.subheader(f"{plural(total, 'movement')} with a route", anchor=False)
if total > len(moves):
    st.caption(f"The latest {len(moves)} are listed; the map adds up all {total:,}, one arrow per route.")
if not moves.empty:
    table = pd.DataFrame(
        {
            "date": [day(d, p) for d, p in zip(moves["date"], moves["date_precision"], strict=True)],
            "what": [MOVEMENT_WORDS.get(t, t) for t in moves["event_type"]],
            "who": moves["actors"],
            "sentence": moves["sentence"].fillna(""),
            "quantity": [quantity(q, u) for q, u in zip(moves["quantity"], moves["quantity_unit"], strict=True)],
            "route": [f"{o} → {d}" for o, d in zip(moves["origin"], moves["destination"], strict=True)],
            "sources": moves["source_count"].fillna(0).astype(int),
            "original": [http_url(u) for u in moves["source_url"]],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        placeholder="",
        row_height=54,
        column_config={
            "date": st.column_config.TextColumn("Date", width=80),
            "what": st.column_config.TextColumn("What", width=100),
            "who": st.column_config.TextColumn("Who", width=95),
            "sentence": st.column_config.TextColumn("Sentence (the evidence)", width="large"),
            "quantity": st.column_config.TextColumn("Quantity", width=100),
            "route": st.column_config.TextColumn("Route", width=170),
            "sources": st.column_config.NumberColumn("Sources", width=65),
            "original": st.column_config.LinkColumn("Original", display_text="open ↗", width=70),
        },
    )

if unrouted_total:
    with st.expander(f"{plural(unrouted_total, 'more troop event')} without a known route"):
        if unrouted_total > len(unrouted):
            st.caption(f"The latest {len(unrouted)} are listed.")
        picked = tables.show_events(unrouted, key="unrouted_events")
        if picked:
            tables.show_sources(view, picked)
