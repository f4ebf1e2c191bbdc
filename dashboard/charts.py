"""Chart builders for the timeline. They return alt.Chart objects and never call Streamlit.

Reads the small monthly frames of dashboard.queries; adds two named selections the page reads
back: "period" (a brush over months on the quad-class chart) and "dyad" (a click on a pair's
line). Selecting either narrows the other charts and the event list on the page.
"""

from __future__ import annotations

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
# Most cooperative first, so the heatmap reads from friendship down to fighting.
CATEGORY_ORDER = sorted(CATEGORIES, key=lambda c: -(CATEGORIES[c][1] if CATEGORIES[c][1] is not None else -10))
MILESTONES = [(date(2023, 7, 26), "Coup in Niger")]
WIDTH = "container"


def milestones(first: date | None, last: date | None) -> alt.LayerChart | None:
    """Rules for dated turning points inside the charted months."""
    rows = [{"date": d.isoformat(), "text": t} for d, t in MILESTONES if first and last and first <= d <= last]
    if not rows:
        return None
    base = alt.Chart(pd.DataFrame(rows))
    rule = base.mark_rule(color="#555", strokeDash=[4, 3]).encode(x="date:T")
    text = base.mark_text(align="left", dx=4, dy=-4, fontSize=11, color="#555").encode(x="date:T", y=alt.value(8), text="text:N")
    return alt.layer(rule, text)


def month_span(monthly: pd.DataFrame) -> tuple[date | None, date | None]:
    if monthly.empty:
        return None, None
    months = pd.to_datetime(monthly["month"])
    return months.min().date(), (months.max() + pd.offsets.MonthEnd(0)).date()


def quad_chart(monthly: pd.DataFrame) -> alt.Chart | alt.LayerChart:
    """Events per month, stacked by quad class; drag across it to select a period."""
    data = monthly.groupby(["month", "quad_class"], as_index=False)["events"].sum()
    data["kind"] = data["quad_class"].map(QUAD_LABELS).fillna(data["quad_class"])
    period = alt.selection_interval(name="period", encodings=["x"])
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
        .add_params(period)
        .properties(height=220, width=WIDTH)
    )
    first, last = month_span(monthly)
    marks = milestones(first, last)
    return alt.layer(bars, marks) if marks is not None else bars


def category_chart(monthly: pd.DataFrame) -> alt.Chart:
    """A month x category grid: which kinds of events happen when."""
    data = monthly.groupby(["month", "event_type"], as_index=False)["events"].sum()
    present = [c for c in CATEGORY_ORDER if c in set(data["event_type"])] + sorted(set(data["event_type"]) - set(CATEGORY_ORDER))
    return (
        alt.Chart(data, title="Events per month by category")
        .mark_rect(cornerRadius=2)
        .encode(
            x=alt.X("yearmonth(month):T", title=None),
            y=alt.Y("event_type:N", title=None, sort=present, axis=alt.Axis(labelOverlap=False)),
            color=alt.Color("events:Q", title="events", scale=alt.Scale(scheme="oranges")),
            tooltip=[alt.Tooltip("yearmonth(month):T", title="month"), alt.Tooltip("event_type:N", title="category"), "events:Q"],
        )
        .properties(height=max(120, 24 * len(present)), width=WIDTH)
    )


def dyad_chart(dyad_months: pd.DataFrame) -> alt.LayerChart:
    """Each pair's running net score: rising lines are ties warming, falling ones breaking.
    Click a line or its legend entry to select the pair."""
    dyad = alt.selection_point(name="dyad", fields=["dyad"], bind="legend")
    base = alt.Chart(dyad_months, title="Running net score per pair (click a pair to select it)").encode(
        x=alt.X("month:T", title=None, timeUnit="yearmonth"),
        y=alt.Y("cumulative:Q", title="net PLOVER score, running total"),
        color=alt.Color(
            "dyad:N",
            title=None,
            scale=alt.Scale(scheme="tableau10"),
            legend=alt.Legend(orient="right", symbolLimit=0),
        ),
        opacity=alt.condition(dyad, alt.value(1.0), alt.value(0.2)),
    )
    tooltip = [
        alt.Tooltip("dyad:N", title="pair"),
        alt.Tooltip("yearmonth(month):T", title="month"),
        alt.Tooltip("events:Q", title="events that month"),
        alt.Tooltip("net:Q", title="net that month"),
        alt.Tooltip("cumulative:Q", title="running total"),
    ]
    lines = base.mark_line(strokeWidth=2.5, interpolate="monotone")
    points = base.mark_point(filled=True, size=70).encode(tooltip=tooltip).add_params(dyad)
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888").encode(y="y:Q")
    return alt.layer(zero, lines, points).properties(height=max(300, 24 * dyad_months["dyad"].nunique()), width=WIDTH)


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
