"""Troop movements: withdrawals, deployments and military aid of personnel, from where to where."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import maps, queries, ui
from dashboard.safe import http_url, md

ctx = ui.context()
view, filters = ctx.view, ctx.filters

st.title("Troop movements")
st.caption(md(f"Withdrawals, deployments and military aid of personnel among {filters.describe()}."))

moves = queries.movements(view, filters)
routes = queries.routes(view, filters)
unrouted = queries.unrouted_troop_events(view, filters)

map_column, table_column = st.columns([3, 2])
with map_column:
    figure = maps.movement_map(routes, ui.bases(), ui.countries_geojson())
    st_folium(figure, key="movement_map", height=540, use_container_width=True, returned_objects=[])
with table_column:
    total = int(routes["events"].sum()) if len(routes) else 0
    st.subheader(f"{total} movement{'s' if total != 1 else ''} with a route")
    if total > len(moves):
        st.caption(f"The latest {len(moves)} are listed; the map adds up all {total} per route.")
    if moves.empty:
        st.info("No movement with a known origin and destination matches the filters.")
    else:
        table = pd.DataFrame(
            {
                "date": [None if pd.isna(d) else pd.Timestamp(d).date() for d in moves["date"]],
                "what": [maps.MOVEMENT_WORDS.get(t, t) for t in moves["event_type"]],
                "who": moves["actors"],
                "quantity": [ui.quantity(q, u) for q, u in zip(moves["quantity"], moves["quantity_unit"], strict=True)],
                "route": [f"{o} → {d}" for o, d in zip(moves["origin"], moves["destination"], strict=True)],
                "sources": moves["source_count"].fillna(0).astype(int),
                "sentence": moves["sentence"],
                "original": [http_url(u) for u in moves["source_url"]],
                "article view": [ui.article_link(a, e) for a, e in zip(moves["article_id"], moves["event_id"], strict=True)],
            }
        )
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                "date": st.column_config.DateColumn("Date"),
                "sentence": st.column_config.TextColumn("Sentence", width="large"),
                "original": st.column_config.LinkColumn("Original", display_text="open ↗"),
                "article view": st.column_config.LinkColumn("Article view", display_text="highlighted"),
            },
        )
    st.caption("Bases come from the places dictionary (data/places/facilities.csv); their coordinates are approximate.")

if not unrouted.empty:
    with st.expander(f"{len(unrouted)} more troop events without a known route"):
        ui.show_events(unrouted, key="unrouted_events")
