"""Chart builders for the timeline. They return alt.Chart objects and never call Streamlit.

Reads the small monthly frames of dashboard.aggregates; adds two named selections the page
reads back: "period" (a brush over months on the quad-class chart, which can start from a
period in the address bar) and "dyad" (a click on a pair's line or on its legend entry).
Selecting either narrows the other charts and the event list on the page. A pair keeps its
colour whatever is selected or filtered: the page hands the colours out over the whole store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import altair as alt
import pandas as pd

from geopol.records import CATEGORIES

QUAD_ORDER = ["material_coop", "verbal_coop", "verbal_conflict", "material_conflict"]
QUAD_LABELS = {
    "material_coop": "material cooperation",
    "verbal_coop": "verbal cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}
QUAD_COLORS = ["#2166ac", "#92c5de", "#f4a582", "#b2182b"]
PAIR_COLORS = [
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#79706e",
    "#1b9e77",
    "#d95f02",
    "#7570b3",
    "#e7298a",
    "#66a61e",
    "#17becf",
    "#bcbd22",
    "#a6761d",
    "#393b79",
    "#843c39",
]  # handed out in turn, busiest pair first (tableau10, then ten more that stand apart from it)
# Most cooperative first, so the heatmap reads from friendship down to fighting.
CATEGORY_ORDER = sorted(CATEGORIES, key=lambda c: -(CATEGORIES[c][1] or -10.0))
MILESTONES = [(date(2023, 7, 26), "Coup in Niger")]
WIDTH = "container"
# The width follows the page, the height is the plot's own: a legend or a title adds to the
# chart instead of squeezing the plot (Streamlit's default, "fit", squeezes it to a strip).
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def milestones(first: date | None, last: date | None) -> alt.LayerChart | None:
    """Rules for dated turning points inside the charted months."""
    rows = [{"date": d.isoformat(), "text": t} for d, t in MILESTONES if first and last and first <= d <= last]
    if not rows:
        return None
    base = alt.Chart(pd.DataFrame(rows))
    rule = base.mark_rule(color="#555", strokeDash=[4, 3]).encode(x="date:T")
    text = base.mark_text(align="left", dx=4, dy=-4, fontSize=11, color="#555").encode(x="date:T", y=alt.value(8), text="text:N")
    return alt.LayerChart(layer=[rule, text])


def month_span(monthly: pd.DataFrame) -> tuple[date | None, date | None]:
    if monthly.empty:
        return None, None
    months = pd.to_datetime(monthly["month"])
    return months.min().date(), (months.max() + pd.offsets.MonthEnd(0)).date()


def quad_chart(monthly: pd.DataFrame, period: tuple[date, date] | None = None) -> alt.Chart | alt.LayerChart:
    """Events per month, stacked by quad class; drag across it to select a period (period, when
    given, is drawn as the brush from the start)."""
    data = monthly.groupby(["month", "quad_class"], as_index=False)["events"].sum()
    data["kind"] = data["quad_class"].map(QUAD_LABELS).fillna(data["quad_class"])
    brush = alt.selection_interval(
        name="period", encodings=["x"], value={"x": [timestamp(period[0]), timestamp(period[1])]} if period else alt.Undefined
    )
    bars = (
        alt.Chart(data, title="Events per month by quad class (drag to select a period)")
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(month):T", title=None),
            y=alt.Y("sum(events):Q", title="events"),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(domain=[QUAD_LABELS[q] for q in QUAD_ORDER], range=QUAD_COLORS),
                legend=alt.Legend(orient="top"),
            ),
            order=alt.Order("quad_class:N"),
            tooltip=[
                alt.Tooltip("yearmonth(month):T", title="month"),
                alt.Tooltip("kind:N", title="class"),
                alt.Tooltip("sum(events):Q", title="events"),
            ],
        )
        .add_params(brush)
    )
    first, last = month_span(monthly)
    marks = milestones(first, last)
    chart = alt.LayerChart(layer=[bars, marks]) if marks is not None else bars
    return chart.properties(height=QUAD_HEIGHT, width=WIDTH, autosize=FIT_WIDTH)


def timestamp(day: date) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day)


QUAD_HEIGHT = 200  # pixels of plot


def category_chart(monthly: pd.DataFrame) -> alt.Chart:
    """A month x category grid: which kinds of events happen when. Each category gets a row of
    its own height whatever the selection, so the labels never overlap."""
    data = monthly.groupby(["month", "event_type"], as_index=False)["events"].sum()
    present = [c for c in CATEGORY_ORDER if c in set(data["event_type"])] + sorted(set(data["event_type"]) - set(CATEGORY_ORDER))
    return (
        alt.Chart(data, title="Events per month by category")
        .mark_rect(cornerRadius=2)
        .encode(
            x=alt.X("yearmonth(month):T", title=None),
            y=alt.Y("event_type:N", title=None, sort=present, axis=alt.Axis(labelOverlap=False, labelLimit=120)),
            color=alt.Color("events:Q", title="events", scale=alt.Scale(scheme="oranges"), legend=alt.Legend(orient="top")),
            tooltip=[alt.Tooltip("yearmonth(month):T", title="month"), alt.Tooltip("event_type:N", title="category"), "events:Q"],
        )
        .properties(height=alt.Step(ROW_HEIGHT), width=WIDTH, autosize=FIT_WIDTH)
    )


ROW_HEIGHT = 24  # pixels per category row of the grid


def pair_colours(ranked: Sequence[str]) -> dict[str, str]:
    """pair -> colour, handed out in the order given, past the palette's end from its start.
    Given every pair of the store busiest first (aggregates.ranked_pairs without filters), a
    pair's colour depends on no filter or selection, and the busiest pairs, drawn together by
    default, never share one: a hash of the name would keep colours too but let them clash."""
    return {pair: PAIR_COLORS[i % len(PAIR_COLORS)] for i, pair in enumerate(ranked)}


def dyad_chart(
    dyad_months: pd.DataFrame, pairs: list[str] | None = None, colours: Mapping[str, str] | None = None
) -> alt.LayerChart:
    """Each pair's running alignment: rising lines are ties warming, falling ones breaking.
    Click a line's points or its legend entry to select the pair. pairs: the legend's entries;
    colours: pair -> colour (by default handed out in the order of pairs), so the same pair has
    the same colour in every selection."""
    pairs = pairs or sorted(set(dyad_months["dyad"]))
    colours = colours or pair_colours(pairs)
    dyad = alt.selection_point(name="dyad", fields=["dyad"], on="click", nearest=True, bind="legend")
    base = alt.Chart(dyad_months, title="Running alignment per pair (click a pair to select it)").encode(
        x=alt.X("month:T", title=None, timeUnit="yearmonth"),
        y=alt.Y("cumulative:Q", title="alignment, running total"),
        color=alt.Color(
            "dyad:N",
            title=None,
            scale=alt.Scale(domain=pairs, range=[colours.get(p, "#888888") for p in pairs]),
            legend=alt.Legend(orient="bottom", columns=4, symbolLimit=0, labelLimit=140),
        ),
        opacity=alt.condition(dyad, alt.value(1.0), alt.value(0.2)),
    )
    tooltip = [
        alt.Tooltip("dyad:N", title="pair"),
        alt.Tooltip("yearmonth(month):T", title="month"),
        alt.Tooltip("events:Q", title="events that month"),
        alt.Tooltip("alignment:Q", title="alignment that month"),
        alt.Tooltip("cumulative:Q", title="running total"),
    ]
    lines = base.mark_line(strokeWidth=2.5, interpolate="monotone")
    points = base.mark_point(filled=True, size=90).encode(tooltip=tooltip).add_params(dyad)
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888").encode(y="y:Q")
    return alt.LayerChart(layer=[zero, lines, points]).properties(height=DYAD_HEIGHT, width=WIDTH, autosize=FIT_WIDTH)


DYAD_HEIGHT = 260  # pixels of plot


def selected_period(selection: dict | None) -> tuple[date, date] | None:
    """The brushed months as (first day, last day), from Streamlit's selection state."""
    values = (selection or {}).get("period") or {}
    span = next(iter(values.values()), None) if isinstance(values, dict) else None
    if not span or len(span) != 2:
        return None
    start, end = (pd.to_datetime(v, unit="ms") if isinstance(v, int | float) else pd.to_datetime(v) for v in span)
    return start.date().replace(day=1), (end + pd.offsets.MonthEnd(0)).date()


def selected_dyad(selection: dict | None) -> str | None:
    values = (selection or {}).get("dyad") or []
    if isinstance(values, list) and values and isinstance(values[0], dict):
        return values[0].get("dyad")
    return None
