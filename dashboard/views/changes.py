"""What changed: the pairs whose alignment moved most between a period and the one before it,
the actors seen for the first time, and the surges in event counts; each row opens its evidence."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import alignment, cached, changes, glossary, queries, tables, ui
from dashboard.filters import Clause, DateRange, Filters, InList, Involves, Pair
from dashboard.safe import md
from dashboard.words import counted

LENGTHS = {"1 month": 1, "3 months": 3, "6 months": 6, "12 months": 12}
EVIDENCE = 50  # events listed under a picked row
ctx = ui.context()
view, names = ctx.view, ctx.names
key = view.key
filters = ctx.filters.without_dates()  # the two periods below take the place of the sidebar's dates

figures = cached.month_figures(view, key, filters)
months = queries.months(figures)
if not months:
    st.info("No dated events match the filters, so there is nothing to compare.")
    st.stop()
steps = [d.date() for d in pd.date_range(months[0], months[-1], freq="MS")]


def from_url() -> None:
    """A shared link's period, once: months=3&until=2024-03."""
    if st.session_state.get("changes_seeded"):
        return
    st.session_state["changes_seeded"] = True
    length = next((k for k, v in LENGTHS.items() if str(v) == st.query_params.get("months")), None)
    if length:
        st.session_state["changes_length"] = length
    until = st.query_params.get("until", "")
    picked = next((s for s in steps if f"{s:%Y-%m}" == until), None)
    if picked:
        st.session_state["changes_until"] = picked


from_url()
if st.session_state.get("changes_until") not in steps:
    st.session_state["changes_until"] = steps[-1]
left, right = st.columns([1.4, 3], vertical_alignment="bottom")
seeded = "changes_length" in st.session_state  # a default beside a seeded value only earns a warning
length = left.segmented_control("Compare", list(LENGTHS), default=None if seeded else "3 months", key="changes_length")
length = length or "3 months"
until = right.select_slider("ending with", options=steps, key="changes_until", format_func=lambda d: f"{d:%b %Y}")
periods = changes.Periods(LENGTHS[length], until)
st.query_params["months"] = str(periods.months)
st.query_params["until"] = f"{until:%Y-%m}"
dated = " The sidebar's dates do not apply here: the two periods replace them." if ctx.filters.start or ctx.filters.end else ""
st.caption(md(f"{periods.describe()}, among {filters.describe(names)}.{dated} Select a row to see its evidence."))


def evidence(narrowed: Filters, period: tuple[date, date], table_key: str) -> None:
    """The latest events behind a picked row, with their sources."""
    shown = narrowed.narrowed(DateRange(period[0], period[1], undated=False))
    page, total = cached.event_page(view, key, shown, 1, EVIDENCE)
    more = f"; the latest {len(page)} listed" if total > len(page) else ""
    st.caption(md(f"{counted(total, shown.describe(names))}{more}."))
    picked = tables.show_events(page, key=table_key, height=tables.table_height(len(page), 380))
    if picked:
        tables.show_sources(view, picked)


def selected_row(state: object) -> int | None:
    rows = state.selection.rows if state is not None and hasattr(state, "selection") else []  # type: ignore[attr-defined]
    return rows[0] if rows else None


def moved_pairs() -> None:
    st.subheader("Ties that moved most", anchor=False)
    moved = changes.pair_changes(cached.pair_months(view, key, filters), periods).head(15)
    if moved.empty:
        st.caption("No tie between two coded actors in either period.")
        return
    table = pd.DataFrame(
        {
            "pair": [f"{a} – {b}" for a, b in zip(moved["a"], moved["b"], strict=True)],
            "names": [f"{names.get(a, a)} and {names.get(b, b)}" for a, b in zip(moved["a"], moved["b"], strict=True)],
            "before": moved["events_before"].astype(int),
            "alignment before": moved["alignment_before"],
            "now": moved["events_now"].astype(int),
            "alignment now": moved["alignment_now"],
            "change": moved["change"],
            "reads now": [
                alignment.reading(alignment.balance(float(s), int(n))) if n else "–"
                for s, n in zip(moved["alignment_now"], moved["events_now"], strict=True)
            ],
        }
    )
    state = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="changes_pairs",
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "before": st.column_config.NumberColumn("Events before"),
            "alignment before": st.column_config.NumberColumn("Alignment before", format="%+.1f"),
            "now": st.column_config.NumberColumn("Events now"),
            "alignment now": st.column_config.NumberColumn("Alignment now", format="%+.1f"),
            "change": st.column_config.NumberColumn("Change", format="%+.1f", help="alignment now minus before"),
        },
    )
    row = selected_row(state)
    if row is not None:
        a, b = moved["a"].iloc[row], moved["b"].iloc[row]
        evidence(filters.narrowed(Pair(a, b)), (periods.previous[0], periods.current[1]), "changes_pair_events")


def first_seen() -> None:
    st.subheader("New actors", anchor=False)
    fresh = changes.new_actors(cached.actor_months(view, key, filters), periods)
    if fresh.empty:
        st.caption("No actor appears for the first time in this period.")
        return
    kinds = ctx.options.kinds
    table = pd.DataFrame(
        {
            "actor": [f"{c} · {names.get(c, c)}" for c in fresh["code"]],
            "kind": [str(kinds.get(c, "")).replace("_", " ") for c in fresh["code"]],
            "first": [f"{pd.Timestamp(m):%b %Y}" for m in fresh["first"]],
            "events": fresh["events"],
        }
    )
    state = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="changes_actors",
        on_select="rerun",
        selection_mode="single-row",
        column_config={"first": st.column_config.TextColumn("First seen"), "events": st.column_config.NumberColumn("Events now")},
    )
    row = selected_row(state)
    if row is not None:
        evidence(filters.narrowed(Involves(str(fresh["code"].iloc[row]))), periods.current, "changes_actor_events")


def surged() -> None:
    st.subheader("Surges", anchor=False)
    found = changes.surges(cached.group_months(view, key, filters), cached.pair_months(view, key, filters), periods)
    if found.empty:
        st.caption(f"Nothing at least doubled (by {changes.SURGE_MIN} events or more) against the period before.")
        return
    words = {"category": glossary.category_label, "country": lambda c: f"{c} · {names.get(c, c)}"}
    table = pd.DataFrame(
        {
            "kind": found["kind"],
            "what": [words.get(k, str)(n) for k, n in zip(found["kind"], found["name"], strict=True)],
            "before": found["before"],
            "now": found["now"],
        }
    )
    state = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="changes_surges",
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "before": st.column_config.NumberColumn("Events before"),
            "now": st.column_config.NumberColumn("Events now"),
        },
    )
    row = selected_row(state)
    if row is not None:
        kind, name = str(found["kind"].iloc[row]), str(found["name"].iloc[row])
        evidence(filters.narrowed(surge_clause(kind, name)), periods.current, "changes_surge_events")


def surge_clause(kind: str, name: str) -> Clause:
    """The events of one row of the surges table."""
    if kind == "pair":
        a, b = name.split(" – ")
        return Pair(a, b)
    if kind == "category":
        return InList("event_type", (name,), "the category is")
    return InList("place_country", (name,), "the place is in")


moved_pairs()
first_seen()
surged()
