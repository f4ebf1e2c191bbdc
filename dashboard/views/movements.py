"""Troop movements: withdrawals, deployments and military aid of personnel, from where to where."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import aggregates, maps, queries, ui
from dashboard.safe import http_url, md

ctx = ui.context()
view, filters = ctx.view, ctx.filters

st.caption(md(f"Withdrawals, deployments and military aid of personnel, among {filters.describe()}."))

routes = aggregates.routes(view, filters)
moves = aggregates.movements(view, filters)
unrouted = aggregates.unrouted_troop_events(view, filters)
total = int(routes["events"].sum()) if len(routes) else 0

if routes.empty:
    st.info("No movement with a known origin and destination matches the filters.")
figure = maps.movement_map(routes, ui.bases(routes, queries.place_names(view, filters)), ui.countries_geojson())
st_folium(figure, key="movement_map", height=560, use_container_width=True, returned_objects=[])
st.caption(
    "Arrows run from origin to destination; width grows with the number of people. "
    "Squares are military bases (approximate positions, from the places dictionary)."
)

st.subheader(f"{total} movement{'s' if total != 1 else ''} with a route")
if total > len(moves):
    st.caption(f"The latest {len(moves)} are listed; the map adds up all {total}, one arrow per route.")
if not moves.empty:
    table = pd.DataFrame(
        {
            "date": ["undated" if pd.isna(d) else pd.Timestamp(d).date().isoformat() for d in moves["date"]],
            "what": [maps.MOVEMENT_WORDS.get(t, t) for t in moves["event_type"]],
            "who": moves["actors"],
            "quantity": [ui.quantity(q, u) for q, u in zip(moves["quantity"], moves["quantity_unit"], strict=True)],
            "route": [f"{o} → {d}" for o, d in zip(moves["origin"], moves["destination"], strict=True)],
            "sources": moves["source_count"].fillna(0).astype(int),
            "article view": [ui.article_link(a, e) for a, e in zip(moves["article_id"], moves["event_id"], strict=True)],
            "original": [http_url(u) for u in moves["source_url"]],
            "sentence": moves["sentence"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "date": st.column_config.TextColumn("Date", width=95),
            "what": st.column_config.TextColumn("What", width=110),
            "who": st.column_config.TextColumn("Who", width=110),
            "quantity": st.column_config.TextColumn("Quantity", width=110),
            "route": st.column_config.TextColumn("Route", width=190),
            "sources": st.column_config.NumberColumn("Sources", width=70),
            "article view": st.column_config.LinkColumn("Article view", display_text="highlighted", width=95),
            "original": st.column_config.LinkColumn("Original", display_text="open ↗", width=80),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
        },
    )

if not unrouted.empty:
    with st.expander(f"{len(unrouted)} more troop events without a known route"):
        ui.show_events(unrouted, key="unrouted_events")
