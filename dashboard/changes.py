"""What changed between a period and the one before it: the pairs whose alignment moved most,
actors seen for the first time, and surges in event counts by pair, category and country.

Reads the month frames of dashboard.aggregates (pair_months) and one small query per filter
set (group_months: events per month, category, country and actor); adds plain frames the
"What changed" page shows. The comparison is pure pandas, so it is tested without a store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.data import View
from dashboard.filters import Filters
from dashboard.queries import filtered, per_event

SURGE_RATIO = 2.0  # a surge: at least twice the events of the period before ...
SURGE_MIN = 3  # ... and at least this many more


@dataclass(frozen=True)
class Periods:
    """Two periods of the same number of months, the current one ending with the month of until."""

    months: int
    until: date  # first day of the current period's last month

    @property
    def current(self) -> tuple[date, date]:
        first = (pd.Timestamp(self.until) - pd.DateOffset(months=self.months - 1)).date()
        return first, (pd.Timestamp(self.until) + pd.offsets.MonthEnd(0)).date()

    @property
    def previous(self) -> tuple[date, date]:
        first = (pd.Timestamp(self.until) - pd.DateOffset(months=2 * self.months - 1)).date()
        return first, (pd.Timestamp(self.current[0]) - pd.Timedelta(days=1)).date()

    def describe(self) -> str:
        (a, b), (c, d) = self.current, self.previous
        return f"{span(a, b)} against {span(c, d)}"


def span(first: date, last: date) -> str:
    return f"{first:%b %Y}" if (first.year, first.month) == (last.year, last.month) else f"{first:%b %Y} – {last:%b %Y}"


def within(frame: pd.DataFrame, period: tuple[date, date]) -> pd.DataFrame:
    months = pd.to_datetime(frame["month"])
    return frame[(months >= pd.Timestamp(period[0])) & (months <= pd.Timestamp(period[1]))]


def pair_changes(pair_months: pd.DataFrame, periods: Periods) -> pd.DataFrame:
    """Per pair: events and alignment now and before, and the move, largest first."""
    columns = ["a", "b", "events_before", "alignment_before", "events_now", "alignment_now", "change"]
    now = within(pair_months, periods.current).groupby(["a", "b"], as_index=False)[["events", "alignment"]].sum()
    before = within(pair_months, periods.previous).groupby(["a", "b"], as_index=False)[["events", "alignment"]].sum()
    joined = before.merge(now, on=["a", "b"], how="outer", suffixes=("_before", "_now")).fillna(0)
    if joined.empty:
        return pd.DataFrame(columns=columns)
    joined["change"] = (joined["alignment_now"] - joined["alignment_before"]).round(1)
    joined = joined[columns]
    return joined.reindex(joined["change"].abs().sort_values(ascending=False, kind="stable").index).reset_index(drop=True)


def group_months(view: View, f: Filters) -> pd.DataFrame:
    """Events per month, category and country where it happened (dated events only)."""
    sql, params = per_event(view, f)
    return view.frame(
        f"""SELECT month, event_type, place_country, count(*) AS events FROM ({sql})
        WHERE month IS NOT NULL GROUP BY ALL""",
        params,
    )


def actor_months(view: View, f: Filters) -> pd.DataFrame:
    """Events per actor (either side) and month; NaT for events without a month."""
    sql, params = filtered(view, f)
    return view.frame(
        f"""SELECT code, month, count(DISTINCT eno) AS events FROM (
            SELECT actor_code AS code, month, eno FROM ({sql}) UNION ALL SELECT recipient_code, month, eno FROM ({sql}))
        WHERE coalesce(code, '') <> '' GROUP BY ALL""",
        [*params, *params],
    )


def new_actors(actor_months: pd.DataFrame, periods: Periods) -> pd.DataFrame:
    """Actors whose first dated event falls in the current period, with their events in it."""
    dated = actor_months[actor_months["month"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=["code", "first", "events"])
    first = dated.groupby("code")["month"].min()
    start, end = periods.current
    fresh = first[(pd.to_datetime(first) >= pd.Timestamp(start)) & (pd.to_datetime(first) <= pd.Timestamp(end))]
    counts = within(dated[dated["code"].isin(fresh.index)], periods.current).groupby("code")["events"].sum()
    frame = pd.DataFrame({"code": fresh.index, "first": fresh.values})
    frame["events"] = frame["code"].map(counts).fillna(0).astype(int)
    return frame.sort_values(["events", "code"], ascending=[False, True], ignore_index=True)


def surges(groups: pd.DataFrame, pair_months: pd.DataFrame, periods: Periods) -> pd.DataFrame:
    """Pairs, categories and countries whose events at least doubled and grew by SURGE_MIN."""
    rows = []
    pairs = pair_months.assign(group=pair_months["a"] + " – " + pair_months["b"])
    for kind, frame, column in (
        ("pair", pairs, "group"),
        ("category", groups, "event_type"),
        ("country", groups[groups["place_country"].fillna("") != ""], "place_country"),
    ):
        now = within(frame, periods.current).groupby(column)["events"].sum()
        before = within(frame, periods.previous).groupby(column)["events"].sum()
        for name, count in now.items():
            previous = int(before.get(name, 0))
            if int(count) - previous >= SURGE_MIN and int(count) >= SURGE_RATIO * previous:
                rows.append({"kind": kind, "name": str(name), "before": previous, "now": int(count)})
    frame = pd.DataFrame(rows, columns=["kind", "name", "before", "now"])
    frame["growth"] = frame["now"] - frame["before"]
    return frame.sort_values(["growth", "kind", "name"], ascending=[False, True, True], ignore_index=True)
