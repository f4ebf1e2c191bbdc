"""Alliances: who is drawing closer to whom, month by month, and the sentences behind each tie."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import aggregates, queries, ui
from dashboard.filters import DateRange
from dashboard.safe import md

ctx = ui.context()
view, filters = ctx.view, ctx.filters
names = ctx.options.actors

st.caption(md(f"Showing {filters.describe()}."))

head = queries.headline(view, filters)
span = f"{head.first:%b %Y} – {head.last:%b %Y}" if head.first and head.last else "no dates"
figures = [
    ("Articles", f"{head.articles:,}"),
    ("Events", f"{head.events:,}"),
    ("Actors", f"{head.actors:,}"),
    ("Dates", span),
    ("Cooperative", f"{head.cooperative:.0%}" if head.cooperative is not None else "–"),
]
for column, (label, value) in zip(st.columns([1, 1, 1, 2.2, 1]), figures, strict=True):
    column.metric(label, value)

# The map's libraries load after the headline figures are out: on a cold start that is a
# third of a second the reader already spends reading them.
from streamlit_folium import st_folium  # noqa: E402

from dashboard import maps  # noqa: E402

months = queries.months(view, filters)
steps = [d.date() for d in pd.date_range(months[0], months[-1], freq="MS")] if months else []
shown = filters
slider, focus_column, region_column = st.columns([5, 2, 1.4], vertical_alignment="bottom")
with slider:
    if len(steps) > 1:
        if st.session_state.get("alliance_month") not in steps:
            st.session_state["alliance_month"] = steps[-1]
        until = st.select_slider(
            "Replay month by month: the map as it stood at the end of",
            options=steps,
            key="alliance_month",
            format_func=lambda d: f"{d:%b %Y}",
        )
        if until != steps[-1]:
            month_end = (pd.Timestamp(until) + pd.offsets.MonthEnd(0)).date()
            shown = filters.narrowed(DateRange(None, month_end, undated=False))

dyads = aggregates.dyads(view, shown)
latest = aggregates.dyad_events(view, shown)
degree = pd.concat([dyads[["a", "events"]].rename(columns={"a": "c"}), dyads[["b", "events"]].rename(columns={"b": "c"})])
ranked = degree.groupby("c")["events"].sum().sort_values(ascending=False).index.tolist()
with focus_column:
    focus = st.selectbox(
        "Shade countries by their ties to",
        ranked or [None],
        key="alliance_focus",
        format_func=lambda c: f"{c} · {names.get(c, c)}" if c else "nobody",
    )
with region_column:
    region = st.segmented_control("Open the map on", ["world", "region"], default="world", key="alliance_region")
if shown is not filters:
    st.caption(f"Ties as of the end of {until:%B %Y}. Undated events join at the last step.")

if dyads.empty:
    st.info("No ties between two actors match the filters. Clear some filters in the sidebar.")
figure = maps.alliance_map(queries.actors(view), dyads, latest, ui.countries_geojson(), focus, around_focus=region == "region")
clicked = st_folium(
    figure, key="alliance_map", height=600, use_container_width=True, returned_objects=["last_object_clicked_tooltip"]
)
st.caption(
    "Blue lines: mostly cooperation; red: mostly conflict; width: number of events. "
    "Hover a line for its figures, click it for its sentences."
)

pairs = [maps.dyad_title(a, b) for a, b in zip(dyads["a"], dyads["b"], strict=True)]
click = maps.parse_dyad((clicked or {}).get("last_object_clicked_tooltip"))
if click and st.session_state.get("alliance_click") != click:  # a new click on the map picks the pair below
    st.session_state["alliance_click"] = click
    st.session_state["alliance_pair"] = maps.dyad_title(*click)
if pairs and st.session_state.get("alliance_pair") not in pairs:
    st.session_state["alliance_pair"] = pairs[0]

ties_column, events_column = st.columns([1, 3])
with ties_column:
    st.subheader("Ties")
    ties = pd.DataFrame({"pair": pairs, "events": dyads["events"], "net": dyads["net"]})
    st.dataframe(
        ties,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * max(len(ties), 1), 460),
        column_config={
            "pair": st.column_config.TextColumn("Pair"),
            "events": st.column_config.NumberColumn("Events"),
            "net": st.column_config.NumberColumn("Net", help="sum of PLOVER scores: + cooperation, − conflict", format="%+.1f"),
        },
    )
with events_column:
    st.subheader("The events behind a line")
    if pairs:
        chosen = st.selectbox("Pair", pairs, key="alliance_pair", label_visibility="collapsed")
        a, b = maps.parse_dyad(chosen) or (pairs[0], pairs[0])
        events = aggregates.pair_events(view, shown, a, b)
        between = f"{len(events)} events between {names.get(a, a)} and {names.get(b, b)}."
        st.caption(md(f"{between} Select rows to see every article that reports them."))
        picked = ui.show_events(events, key="alliance_events", height=min(38 + 35 * max(len(events), 1), 420))
        if picked:
            ui.show_sources(view, picked)
    else:
        st.caption("No pair to show.")
