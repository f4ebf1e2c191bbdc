"""Corroborate a session's uploaded articles with the store: an uploaded report of an event the
store already holds becomes one more source of that event, not a second event.

Reads the normalized upload tables (uploads.normalize_upload) and the store's candidate events
(same categories, same actors); adds the upload tables rewritten: matched events leave the
upload's events (the store's row speaks for them), their reports take the store's event id
and number, and `corroborated` counts the extra articles per store event. Two reports match as
in the build (geopol.corroborate): same category, same actors (in either order for meetings
and deals), compatible modes, and dates that can be the same day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from dashboard.data import View
from geopol.corroborate import GENERIC_MODES, REPORT_WINDOW, UNORDERED


@dataclass(frozen=True)
class Report:
    """One event as the matching sees it."""

    event_id: str
    category: str
    mode: str
    pairs: frozenset[tuple[str, str]]
    days: tuple[date, date] | None

    def identity(self) -> tuple:
        if self.category in UNORDERED and self.mode != "visit":
            return (self.category, frozenset(frozenset(p) for p in self.pairs))
        return (self.category, self.pairs)


def days(value: object, precision: object, basis: object) -> tuple[date, date] | None:
    """The days a date allows; a date taken from the publication allows the month before."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    day = pd.Timestamp(value).date()  # type: ignore[arg-type]
    if precision == "year":
        first, last = date(day.year, 1, 1), date(day.year, 12, 31)
    elif precision == "month":
        first, last = day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    else:
        first, last = day, day
    return (first - REPORT_WINDOW, last) if basis == "publication" else (first, last)


def reports(rows: pd.DataFrame) -> list[Report]:
    """One Report per event of an events frame (one row per event and actor pair)."""
    found = []
    for event_id, group in rows.groupby("event_id", sort=False):
        first = group.iloc[0]
        pairs = frozenset(zip(group["actor_code"].fillna(""), group["recipient_code"].fillna(""), strict=True))
        basis = first["date_basis"] if "date_basis" in group else ""
        found.append(
            Report(
                str(event_id),
                str(first["event_type"]),
                str(first["mode"] or ""),
                pairs,
                days(first["date"], first["date_precision"], basis),
            )
        )
    return found


def fits(upload: Report, stored: Report) -> bool:
    modes = upload.mode == stored.mode or upload.mode in GENERIC_MODES or stored.mode in GENERIC_MODES
    dated = upload.days is not None and stored.days is not None
    overlap = dated and upload.days[0] <= stored.days[1] and stored.days[0] <= upload.days[1]  # type: ignore[index]
    return modes and bool(overlap) and upload.identity() == stored.identity()


def closest(upload: Report, candidates: list[Report]) -> Report | None:
    """The fitting stored event nearest in time, the same mode first."""
    fitting = [c for c in candidates if fits(upload, c)]
    if not fitting:
        return None
    same = [c for c in fitting if c.mode == upload.mode] or fitting
    middle = (upload.days[0] + (upload.days[1] - upload.days[0]) / 2) if upload.days else date.min  # type: ignore[operator]
    return min(same, key=lambda c: abs((c.days[0] + (c.days[1] - c.days[0]) / 2) - middle) if c.days else timedelta.max)


def candidates(view: View, events: pd.DataFrame) -> pd.DataFrame:
    """The store's events that could be the uploaded ones: same category, an actor in common."""
    codes = sorted({c for c in (*events["actor_code"], *events["recipient_code"]) if isinstance(c, str) and c})
    categories = sorted(set(events["event_type"].dropna()))
    if not codes or not categories:
        return pd.DataFrame(
            columns=[
                "event_id",
                "event_type",
                "mode",
                "actor_code",
                "recipient_code",
                "date",
                "date_precision",
                "date_basis",
                "eno",
                "month",
            ]
        )
    with view.cursor() as cur:
        has_basis = "date_basis" in {d[0] for d in cur.execute("SELECT * FROM main.event_extras LIMIT 0").description}
    basis = "x.date_basis" if has_basis else "CAST(NULL AS VARCHAR)"
    return view.frame(
        f"""SELECT e.event_id, e.event_type, e.mode, e.actor_code, e.recipient_code, e.date, e.date_precision,
            {basis} AS date_basis, e.eno, e.month
        FROM main.events e LEFT JOIN main.event_extras x USING (rid)
        WHERE list_contains(?, e.event_type) AND (list_contains(?, e.actor_code) OR list_contains(?, e.recipient_code))""",
        [categories, codes, codes],
    )


def corroborate(view: View, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The upload tables with every report of a stored event moved onto that event."""
    events = tables["events"]
    stored = candidates(view, events)
    pool = reports(stored)
    matches = {u.event_id: m.event_id for u in reports(events) if (m := closest(u, pool)) is not None}
    out = dict(tables)
    out["corroborated"] = pd.DataFrame({"event_id": pd.Series(dtype=str), "extra": pd.Series(dtype="int64")})
    if not matches:
        return out
    numbers = stored.drop_duplicates("event_id").set_index("event_id")
    upload_eno = events.drop_duplicates("event_id").set_index("event_id")["eno"]
    out["events"] = events[~events["event_id"].isin(matches)].reset_index(drop=True)
    sources = tables["event_sources"].copy()
    sources["event_id"] = sources["event_id"].replace(matches)
    out["event_sources"] = sources
    reports_ = tables["reports"].copy()
    by_eno = {int(upload_eno[u]): s for u, s in matches.items()}
    moved = reports_["eno"].isin(list(by_eno))
    target = [by_eno[int(e)] for e in reports_.loc[moved, "eno"]]
    reports_.loc[moved, "month"] = [numbers["month"].get(s) for s in target]
    reports_.loc[moved, "eno"] = [int(numbers["eno"][s]) for s in target]
    out["reports"] = reports_.drop_duplicates().reset_index(drop=True)
    extra = sources[sources["event_id"].isin(set(matches.values()))].drop_duplicates(["event_id", "article_id"])
    out["corroborated"] = extra.groupby("event_id").size().rename("extra").reset_index()
    return out
