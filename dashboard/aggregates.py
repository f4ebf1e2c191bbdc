"""The map and chart questions: pairs of actors by month, routes of troops, places, months.

Reads filtered events (v_events) of one session's View; adds one row per pair and month, per
route, per place, so the maps and charts draw a few dozen shapes however many events the store
holds. Ties and movements count two-sided events only (both actors coded); a replay month is
the sum of the months up to it, added up in pandas without another query.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.data import View
from dashboard.filters import Filters
from dashboard.queries import EVENT_COLUMNS, ORDER, filtered, per_event, per_pair, picked

NO_MONTH = "DATE '9999-12-01'"  # undated events and events known only to their year: the replay's last step
MOVING = "(event_type IN ('RETREAT', 'MOBILIZE') OR (event_type = 'AID' AND mode = 'military'))"


def pair_months(view: View, f: Filters) -> pd.DataFrame:
    """One row per pair (a < b) and month (NaT: no month): events, alignment (sum of weights),
    PLOVER net score, cooperative and hostile counts by quad class, first and last day."""
    sql, params = per_pair(view, f)
    return view.frame(
        f"""
        SELECT a, b, nullif(coalesce(month, {NO_MONTH}), {NO_MONTH}) AS month, count(*) AS events,
            round(sum(alignment), 1) AS alignment, round(sum(coalesce(score, 0)), 1) AS net,
            count(*) FILTER (WHERE quad_class LIKE '%coop') AS coop,
            count(*) FILTER (WHERE quad_class LIKE '%conflict') AS conflict,
            min(date) AS first, max(date) AS last
        FROM ({sql}) GROUP BY a, b, coalesce(month, {NO_MONTH}) ORDER BY a, b, month NULLS LAST
        """,
        params,
    )


def up_to(frame: pd.DataFrame, until: date | None) -> pd.DataFrame:
    """Rows of months up to the month of until; None keeps every row, the monthless too."""
    if until is None:
        return frame
    months = pd.to_datetime(frame["month"])
    return frame[months.notna() & (months <= pd.Timestamp(until))]


def dyads(months: pd.DataFrame, until: date | None = None) -> pd.DataFrame:
    """One row per pair, busiest first: its months added up to until."""
    rows = up_to(months, until)
    if rows.empty:
        return pd.DataFrame(columns=["a", "b", "events", "alignment", "net", "coop", "conflict", "first", "last"])
    summed = rows.groupby(["a", "b"], as_index=False).agg(
        events=("events", "sum"),
        alignment=("alignment", "sum"),
        net=("net", "sum"),
        coop=("coop", "sum"),
        conflict=("conflict", "sum"),
        first=("first", "min"),
        last=("last", "max"),
    )
    summed["alignment"] = summed["alignment"].round(1)
    summed["net"] = summed["net"].round(1)
    return summed.sort_values(["events", "a", "b"], ascending=[False, True, True], ignore_index=True)


def dyad_events(view: View, f: Filters, per_dyad: int = 6) -> pd.DataFrame:
    """The latest events of every pair in every month, for the map's popups: a replay month
    keeps the latest few of the months up to it."""
    sql, params = per_pair(view, f)
    return view.frame(
        f"""
        WITH latest AS (
            SELECT a, b, unnest(max_by(rid, {{'d': coalesce(date, DATE '0001-01-01'), 'e': event_id}}, ?)) AS rid
            FROM ({sql}) GROUP BY a, b, coalesce(month, {NO_MONTH}))
        SELECT l.a, l.b, e.event_id, e.actor_code, e.recipient_code, e.date, e.date_precision, e.month, e.event_type,
            e.quad_class, e.alignment, e.sentence, e.source_count, e.article_id, e.source_url, e.outlet, e.title
        FROM latest l JOIN v_events e USING (rid)
        ORDER BY l.a, l.b, e.date DESC NULLS LAST, e.event_id
        """,
        [per_dyad, *params],
    )


def latest_per_dyad(events: pd.DataFrame, until: date | None, per_dyad: int = 6) -> pd.DataFrame:
    rows = up_to(events, until)
    return rows.groupby(["a", "b"], sort=False).head(per_dyad)


def pair_events(view: View, f: Filters, a: str, b: str, limit: int = 200) -> pd.DataFrame:
    """The latest events between two actors, either direction, one row each (the pair's count
    is in pair_months). One query: the top rows are picked on their dates, then their text read."""
    sql, params = per_pair(view, f)
    first, second = sorted((a, b))
    frame = view.frame(
        f"SELECT {EVENT_COLUMNS}, rid, eno FROM ({sql}) WHERE a = ? AND b = ? ORDER BY {ORDER} LIMIT ?",
        [*params, first, second, limit],
    )
    return with_actors(frame)


def pair_index(view: View, f: Filters, a: str, b: str) -> pd.DataFrame:
    """rid and date of every event between two actors (one row each), latest first: a replay
    month picks its latest events from it without reading the filtered events again."""
    sql, params = per_pair(view, f)
    first, second = sorted((a, b))
    return view.frame(f"SELECT rid, date FROM ({sql}) WHERE a = ? AND b = ? ORDER BY {ORDER}", [*params, first, second])


def pair_events_until(view: View, index: pd.DataFrame, until: date | None, limit: int = 200) -> pd.DataFrame:
    """The latest events of a pair_index dated up to until (None: all, the undated last), with
    the columns of a table, read by their row ids."""
    rows = index if until is None else index[index["date"].notna() & (pd.to_datetime(index["date"]) <= pd.Timestamp(until))]
    frame = view.frame(
        f"SELECT {EVENT_COLUMNS}, rid, eno FROM v_events WHERE rid IN (SELECT unnest(?)) ORDER BY {ORDER}",
        [rows["rid"].head(limit).tolist()],
    )
    return with_actors(frame)


def with_actors(frame: pd.DataFrame) -> pd.DataFrame:
    frame["actors"] = frame["actor_code"] + " → " + frame["recipient_code"] if len(frame) else pd.Series(dtype=str)
    return frame


def places(view: View, f: Filters) -> pd.DataFrame:
    """Events as points: one row per located place and month, with the latest event's words.
    Country-level places sit at the capital and say so (geo_precision)."""
    sql, params = per_event(view, f)
    return view.frame(
        f"""
        SELECT place, lat, lon, any_value(geo_precision) AS geo_precision,
            nullif(coalesce(month, {NO_MONTH}), {NO_MONTH}) AS month, count(*) AS events,
            round(sum(alignment), 1) AS alignment,
            arg_max(event_type, coalesce(date, DATE '0001-01-01')) AS event_type,
            arg_max(sentence, coalesce(date, DATE '0001-01-01')) AS sentence,
            max(date) AS last
        FROM ({sql}) WHERE lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY place, lat, lon, coalesce(month, {NO_MONTH})
        """,
        params,
    )


def places_until(points: pd.DataFrame, until: date | None) -> pd.DataFrame:
    """One row per place: its months added up to until; the latest month's words."""
    rows = up_to(points, until)
    if rows.empty:
        return rows
    rows = rows.sort_values("last", na_position="first")
    return rows.groupby(["place", "lat", "lon"], as_index=False).agg(
        geo_precision=("geo_precision", "last"),
        events=("events", "sum"),
        alignment=("alignment", "sum"),
        event_type=("event_type", "last"),
        sentence=("sentence", "last"),
        last=("last", "max"),
    )


def movements(view: View, f: Filters, limit: int = 500) -> pd.DataFrame:
    """Two-sided events with a route (origin and destination both located), latest first."""
    sql, params = per_event(view, f)
    pick = f"""SELECT rid FROM ({sql}) WHERE two_sided AND origin_lat IS NOT NULL AND destination_lat IS NOT NULL
        ORDER BY {ORDER} LIMIT ?"""
    frame = picked(view, pick, [*params, limit])
    frame["actors"] = frame["actor_code"] + " → " + frame["recipient_code"] if len(frame) else pd.Series(dtype=str)
    return frame


def routes(view: View, f: Filters) -> pd.DataFrame:
    """Movements added up per route and kind, so the map draws one arrow per route however
    many events travel it. The latest event speaks for the route in its popup."""
    sql, params = filtered(view, f)
    latest = "coalesce(date, DATE '0001-01-01')"
    return view.frame(
        f"""
        WITH m AS (
            SELECT origin, destination, event_type, event_id, any_value(origin_lat) AS origin_lat,
                any_value(origin_lon) AS origin_lon, any_value(destination_lat) AS destination_lat,
                any_value(destination_lon) AS destination_lon, any_value(quantity) AS quantity,
                any_value(quantity_unit) AS quantity_unit, any_value(date) AS date, any_value(date_precision) AS date_precision,
                string_agg(DISTINCT concat(actor_code, ' → ', recipient_code), '; ') AS actors,
                any_value(sentence) AS sentence, any_value(source_url) AS source_url, any_value(outlet) AS outlet,
                any_value(title) AS title, any_value(place_country) AS place_country
            FROM ({sql}) WHERE two_sided AND origin_lat IS NOT NULL AND destination_lat IS NOT NULL
            GROUP BY origin, destination, event_type, event_id)
        SELECT origin, destination, event_type,
            any_value(origin_lat) AS origin_lat, any_value(origin_lon) AS origin_lon,
            any_value(destination_lat) AS destination_lat, any_value(destination_lon) AS destination_lon,
            count(*) AS events, sum(quantity) AS quantity, mode(quantity_unit) AS quantity_unit,
            min(date) AS first, max(date) AS date, arg_max(date_precision, {latest}) AS date_precision,
            string_agg(DISTINCT actors, '; ' ORDER BY actors) AS actors,
            arg_max(sentence, {latest}) AS sentence, arg_max(source_url, {latest}) AS source_url,
            arg_max(outlet, {latest}) AS outlet, arg_max(title, {latest}) AS title,
            any_value(place_country) AS place_country
        FROM m GROUP BY origin, destination, event_type
        ORDER BY events DESC, quantity DESC NULLS LAST
        """,
        params,
    )


def unrouted_troop_events(view: View, f: Filters, limit: int = 200) -> tuple[pd.DataFrame, int]:
    """Two-sided withdrawals, deployments and military aid whose origin or destination is unknown."""
    sql, params = per_event(view, f)
    rows = f"SELECT * FROM ({sql}) WHERE two_sided AND {MOVING} AND (origin_lat IS NULL OR destination_lat IS NULL)"
    frame = picked(view, f"SELECT rid FROM ({rows}) ORDER BY {ORDER} LIMIT ?", [*params, limit])
    frame["actors"] = frame["actor_code"] + " → " + frame["recipient_code"] if len(frame) else pd.Series(dtype=str)
    return frame, int(view.scalar(f"SELECT count(*) FROM ({rows})", params) or 0)  # type: ignore[call-overload]


def monthly(view: View, f: Filters) -> pd.DataFrame:
    """Events per month, quad class and category (dated events only)."""
    sql, params = per_event(view, f)
    return view.frame(
        f"""SELECT month, quad_class, event_type, count(*) AS events FROM ({sql})
        WHERE month IS NOT NULL GROUP BY ALL ORDER BY month""",
        params,
    )


def dyad_months(months: pd.DataFrame, pairs: list[str]) -> pd.DataFrame:
    """Alignment per month of the pairs named ("A–B"), with its running total."""
    dated = months[months["month"].notna()]
    frame = dated.assign(dyad=dated["a"] + "–" + dated["b"])
    frame = frame[frame["dyad"].isin(pairs)].sort_values(["dyad", "month"])
    frame["cumulative"] = frame.groupby("dyad")["alignment"].cumsum().round(1)
    return frame[["dyad", "month", "events", "alignment", "cumulative"]].reset_index(drop=True)


def ranked_pairs(months: pd.DataFrame) -> list[str]:
    """Every pair with dated events, named "A–B", busiest first (ties in name order)."""
    dated = months[months["month"].notna()]
    if dated.empty:
        return []
    totals = dated.assign(dyad=dated["a"] + "–" + dated["b"]).groupby("dyad")["events"].sum()
    return [str(p) for p in totals.sort_values(ascending=False, kind="stable").index]


def busiest_pairs(months: pd.DataFrame, top: int) -> list[str]:
    """The pairs with the most dated events, named "A–B", in name order (the chart's legend)."""
    return sorted(ranked_pairs(months)[:top])


def unseated_positions(view: View, f: Filters, codes: list[str]) -> pd.DataFrame:
    """code, lat, lon for actors without a seat (JNIM, IS Sahel): the middle of the places of
    their events, so an armed group appears where it acts."""
    if not codes:
        return pd.DataFrame({"code": pd.Series(dtype=str), "lat": pd.Series(dtype=float), "lon": pd.Series(dtype=float)})
    sql, params = filtered(view, f)
    return view.frame(
        f"""
        SELECT code, median(lat) AS lat, median(lon) AS lon FROM (
            SELECT unnest([actor_code, recipient_code]) AS code, lat, lon FROM ({sql})
            WHERE lat IS NOT NULL AND (list_contains(?, actor_code) OR list_contains(?, recipient_code)))
        WHERE list_contains(?, code) GROUP BY code
        """,
        [*params, codes, codes, codes],
    )
