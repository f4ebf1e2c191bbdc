"""Timeline: events per month by class and category, and each pair's running alignment.
Selecting a period (drag on the first chart) or a pair (click a line, pick it in the list)
narrows the rest; both travel in the address bar (period=2023-12..2024-03, pair=NER–RUS)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import aggregates, cached, charts, tables, ui
from dashboard.filters import DateRange, Filters, Pair, parse_date
from dashboard.safe import md
from dashboard.words import plural

PAIRS = 10  # pairs drawn on the running-alignment chart
ctx = ui.context()
view, filters, names = ctx.view, ctx.filters, ctx.names
key = view.key

pair_months = cached.pair_months(view, key, filters)
pair_names = aggregates.busiest_pairs(pair_months, PAIRS)
# Colours by rank over the whole store, unfiltered: picking a pair or setting a filter moves none.
colours = charts.pair_colours(aggregates.ranked_pairs(cached.pair_months(view, key, Filters())))
everything = sorted(set((pair_months["a"] + "–" + pair_months["b"]).tolist())) if len(pair_months) else []


def period_text(period: tuple[date, date]) -> str:
    return f"{period[0]:%Y-%m}..{period[1]:%Y-%m}"


def read_period(text: str) -> tuple[date, date] | None:
    """ "2023-12..2024-03" -> (2023-12-01, 2024-03-31); None for anything else."""
    first, _, last = text.partition("..")
    start, end = parse_date(f"{first}-01"), parse_date(f"{last}-01")
    if not start or not end or end < start:
        return None
    return start, (pd.Timestamp(end) + pd.offsets.MonthEnd(0)).date()


def from_url() -> None:
    """A shared link's period and pair, once per session."""
    if st.session_state.get("timeline_seeded"):
        return
    st.session_state["timeline_seeded"] = True
    st.session_state["timeline_period"] = read_period(st.query_params.get("period", ""))
    pair = st.query_params.get("pair", "").replace("-", "–")
    if pair in everything:
        st.session_state["timeline_pair"] = pair


def follow_charts() -> None:
    """The charts' selections from the last interaction: a new brush or a new click wins."""
    brushed = charts.selected_period((st.session_state.get("timeline_quads") or {}).get("selection"))
    before = st.session_state.get("timeline_brushed")
    if brushed != before and (brushed is not None or before is not None):  # a new brush, or one taken away
        st.session_state["timeline_brushed"] = brushed
        st.session_state["timeline_period"] = brushed
    clicked = charts.selected_dyad((st.session_state.get("timeline_dyads") or {}).get("selection"))
    if clicked and clicked in everything and st.session_state.get("timeline_last_click") != clicked:
        st.session_state["timeline_last_click"] = clicked
        st.session_state["timeline_pair"] = clicked


def clear_selection() -> None:
    for name in (
        "timeline_quads",
        "timeline_dyads",
        "timeline_pair",
        "timeline_last_click",
        "timeline_period",
        "timeline_brushed",
    ):
        st.session_state.pop(name, None)


from_url()
follow_charts()
period: tuple[date, date] | None = st.session_state.get("timeline_period")
if st.session_state.get("timeline_pair") not in ["all pairs", *everything]:
    st.session_state["timeline_pair"] = "all pairs"

left, middle, right = st.columns([2, 2, 1], vertical_alignment="bottom")
with left:
    pair = st.selectbox("Pair", ["all pairs", *everything], key="timeline_pair", format_func=lambda p: p.replace("–", " – "))
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
    st.button("Clear selection", on_click=clear_selection, width="stretch")

# The selection in the address bar, so a shared link opens on it.
for url_key, value in (
    ("period", period_text(period) if period else ""),
    ("pair", pair.replace("–", "-") if pair != "all pairs" else ""),
):
    if value and st.query_params.get(url_key) != value:
        st.query_params[url_key] = value
    elif not value and url_key in st.query_params:
        del st.query_params[url_key]

pair_clause = Pair(*pair.split("–", 1)) if pair != "all pairs" else None
period_clause = DateRange(period[0], period[1], undated=False) if period else None
with_pair = filters.narrowed(*[c for c in (pair_clause,) if c])
with_both = with_pair.narrowed(*[c for c in (period_clause,) if c])
st.caption(md(f"Showing {with_both.describe(names)}."))

monthly = cached.monthly(view, key, with_pair)
if monthly.empty:
    st.info("No dated events match the filters.")
    st.stop()
st.altair_chart(
    charts.quad_chart(monthly, period), key="timeline_quads", on_select="rerun", selection_mode="period", width="stretch"
)
left, right = st.columns([1, 1.15])
with left:
    st.altair_chart(charts.category_chart(cached.monthly(view, key, with_both)), width="stretch")
with right:
    shown_months = aggregates.up_to(pair_months, period[1] if period else None)
    if period:
        shown_months = shown_months[pd.to_datetime(shown_months["month"]) >= pd.Timestamp(period[0])]
    series = aggregates.dyad_months(shown_months, pair_names + ([pair] if pair != "all pairs" and pair not in pair_names else []))
    if series.empty:
        st.info("No pair of actors has dated events in this selection.")
    else:
        legend = sorted(set(pair_names) | ({pair} - {"all pairs"}))
        st.altair_chart(
            charts.dyad_chart(series, legend, colours),
            key="timeline_dyads",
            on_select="rerun",
            selection_mode="dyad",
            width="stretch",
        )
        st.caption("Running total of alignment weights: a rising line is a tie warming, a falling one a tie breaking.")

st.subheader("Events in the selection", anchor=False)
page, total = cached.event_page(view, key, with_both, 1, 200)
st.caption(plural(total, "event") + (" (the latest 200 shown; the Events page pages through all)" if total > 200 else ""))
picked = tables.show_events(page, key="timeline_events", height=tables.table_height(len(page)))
if picked:
    tables.show_sources(view, picked)
