"""Timeline: events per month by class and category, and each pair's running net score.
Selecting a period (drag on the first chart) or a pair (click a line) narrows the rest."""

from __future__ import annotations

import streamlit as st

from dashboard import aggregates, charts, queries, ui
from dashboard.filters import DateRange, Pair
from dashboard.safe import md

ctx = ui.context()
view, filters = ctx.view, ctx.filters
names = ctx.options.actors


# The charts' selections from the last interaction, read before drawing so every chart agrees.
period = charts.selected_period((st.session_state.get("timeline_quads") or {}).get("selection"))
chart_pair = charts.selected_dyad((st.session_state.get("timeline_dyads") or {}).get("selection"))
all_pairs = aggregates.dyad_months(view, filters, top=12)
pair_names = sorted(set(all_pairs["dyad"]))
if chart_pair and chart_pair in pair_names and st.session_state.get("timeline_last_click") != chart_pair:
    st.session_state["timeline_last_click"] = chart_pair
    st.session_state["timeline_pair"] = chart_pair

left, middle, right = st.columns([2, 2, 1], vertical_alignment="bottom")
with left:
    pair = st.selectbox("Pair", ["all pairs", *pair_names], key="timeline_pair")
with middle:
    st.caption(
        md(
            "Period: "
            + (
                f"{period[0]:%b %Y} – {period[1]:%b %Y} (drag on the first chart to change it)"
                if period
                else "all months (drag on the first chart to pick some)"
            )
        )
    )
with right:
    if st.button("Clear selection", width="stretch"):
        for key in ("timeline_quads", "timeline_dyads", "timeline_pair", "timeline_last_click"):
            st.session_state.pop(key, None)
        st.rerun()

pair_clause = Pair(*pair.split("–", 1)) if pair and pair != "all pairs" else None
period_clause = DateRange(period[0], period[1], undated=False) if period else None
with_pair = filters.narrowed(*[c for c in (pair_clause,) if c])
with_period = filters.narrowed(*[c for c in (period_clause,) if c])
with_both = with_pair.narrowed(*[c for c in (period_clause,) if c])
st.caption(md(f"Showing {with_both.describe()}."))

monthly = aggregates.monthly(view, with_pair)
if monthly.empty:
    st.info("No dated events match the filters.")
    st.stop()
st.altair_chart(charts.quad_chart(monthly), key="timeline_quads", on_select="rerun", selection_mode="period", width="stretch")
left, right = st.columns(2)
with left:
    st.altair_chart(charts.category_chart(aggregates.monthly(view, with_both)), width="stretch")
with right:
    series = aggregates.dyad_months(view, with_period, top=8)
    if series.empty:
        st.info("No pair of actors has dated events in this selection.")
    else:
        st.altair_chart(
            charts.dyad_chart(series), key="timeline_dyads", on_select="rerun", selection_mode="dyad", width="stretch"
        )
        st.caption("Running total of PLOVER scores: a rising line is a tie warming, a falling one a tie breaking.")

st.subheader("Events in the selection")
page, total = queries.event_page(view, with_both, 1, 200)
st.caption(f"{total} events" + (" (the latest 200 shown; the Events page pages through all)" if total > 200 else ""))
picked = ui.show_events(page, key="timeline_events")
if picked:
    ui.show_sources(view, picked)
