"""The map and chart questions: pairs of actors, routes of troops, months.

Reads filtered events (v_events) of one session's View; adds one row per pair, per route, per
month, so the maps and charts draw a few dozen shapes however many events the store holds.
"""

from __future__ import annotations

import pandas as pd

from dashboard.data import View
from dashboard.filters import Filters
from dashboard.queries import EVENT_GROUP, ORDER, filtered

DYAD_ROWS = """
    SELECT DISTINCT event_id, least(actor_code, recipient_code) AS a, greatest(actor_code, recipient_code) AS b,
        actor_code, recipient_code, date, month, event_type, quad_class, score, sentence, source_count, article_id,
        source_url, outlet, title
    FROM ({sql})
    WHERE coalesce(actor_code, '') <> '' AND coalesce(recipient_code, '') <> '' AND actor_code <> recipient_code
"""


def dyads(view: View, f: Filters) -> pd.DataFrame:
    """One row per actor pair (a < b): events, net PLOVER score, cooperative and hostile counts."""
    sql, params = filtered(f)
    return view.frame(
        f"""
        WITH d AS ({DYAD_ROWS.format(sql=sql)}),
        e AS (SELECT a, b, event_id, any_value(quad_class) q, any_value(score) s, any_value(date) date
              FROM d GROUP BY a, b, event_id)
        SELECT a, b, count(*) AS events, round(sum(coalesce(s, 0)), 1) AS net,
            count(*) FILTER (WHERE q LIKE '%coop') AS coop, count(*) FILTER (WHERE q LIKE '%conflict') AS conflict,
            min(date) AS first, max(date) AS last
        FROM e GROUP BY a, b ORDER BY events DESC, a, b
        """,
        params,
    )


def dyad_events(view: View, f: Filters, per_dyad: int = 6) -> pd.DataFrame:
    """The latest events of every pair, for the map's popups."""
    sql, params = filtered(f)
    return view.frame(
        f"""
        WITH d AS ({DYAD_ROWS.format(sql=sql)})
        SELECT * FROM d
        QUALIFY row_number() OVER (PARTITION BY a, b ORDER BY date DESC NULLS LAST, event_id) <= ?
        ORDER BY a, b, date DESC NULLS LAST, event_id
        """,
        [*params, per_dyad],
    )


def pair_events(view: View, f: Filters, a: str, b: str) -> pd.DataFrame:
    """Every event between two actors, either direction, one row each."""
    sql, params = filtered(f)
    return view.frame(
        f"""
        SELECT {EVENT_GROUP} FROM ({sql})
        WHERE (actor_code = ? AND recipient_code = ?) OR (actor_code = ? AND recipient_code = ?)
        GROUP BY event_id ORDER BY {ORDER}
        """,
        [*params, a, b, b, a],
    )


def movements(view: View, f: Filters, limit: int = 500) -> pd.DataFrame:
    """Events with a route (origin and destination both located), latest first."""
    sql, params = filtered(f)
    return view.frame(
        f"""SELECT {EVENT_GROUP} FROM ({sql})
        WHERE origin_lat IS NOT NULL AND destination_lat IS NOT NULL
        GROUP BY event_id ORDER BY {ORDER} LIMIT ?""",
        [*params, limit],
    )


def routes(view: View, f: Filters) -> pd.DataFrame:
    """Movements added up per route and kind, so the map draws one arrow per route however
    many events travel it. The latest event speaks for the route in its popup."""
    sql, params = filtered(f)
    return view.frame(
        f"""
        WITH m AS (SELECT {EVENT_GROUP} FROM ({sql})
                   WHERE origin_lat IS NOT NULL AND destination_lat IS NOT NULL GROUP BY event_id)
        SELECT origin, destination, event_type,
            any_value(origin_lat) AS origin_lat, any_value(origin_lon) AS origin_lon,
            any_value(destination_lat) AS destination_lat, any_value(destination_lon) AS destination_lon,
            count(*) AS events, sum(quantity) AS quantity, mode(quantity_unit) AS quantity_unit,
            min(date) AS first, max(date) AS date,
            string_agg(DISTINCT actors, '; ' ORDER BY actors) AS actors,
            arg_max(sentence, coalesce(date, DATE '0001-01-01')) AS sentence,
            arg_max(source_url, coalesce(date, DATE '0001-01-01')) AS source_url,
            arg_max(outlet, coalesce(date, DATE '0001-01-01')) AS outlet,
            arg_max(title, coalesce(date, DATE '0001-01-01')) AS title,
            any_value(place_country) AS place_country
        FROM m GROUP BY origin, destination, event_type
        ORDER BY events DESC, quantity DESC NULLS LAST
        """,
        params,
    )


def unrouted_troop_events(view: View, f: Filters) -> pd.DataFrame:
    """Withdrawals, deployments and military aid whose origin or destination is unknown."""
    sql, params = filtered(f)
    return view.frame(
        f"""SELECT {EVENT_GROUP} FROM ({sql})
        WHERE (event_type IN ('RETREAT', 'MOBILIZE') OR (event_type = 'AID' AND mode = 'military'))
          AND (origin_lat IS NULL OR destination_lat IS NULL)
        GROUP BY event_id ORDER BY {ORDER}""",
        params,
    )


def monthly(view: View, f: Filters) -> pd.DataFrame:
    """Events per month, quad class and category (dated events only)."""
    sql, params = filtered(f)
    return view.frame(
        f"""
        WITH e AS (SELECT event_id, any_value(month) AS month, any_value(quad_class) AS quad_class,
                          any_value(event_type) AS event_type
                   FROM ({sql}) WHERE month IS NOT NULL GROUP BY event_id)
        SELECT month, quad_class, event_type, count(*) AS events FROM e GROUP BY ALL ORDER BY month
        """,
        params,
    )


def dyad_months(view: View, f: Filters, top: int = 8) -> pd.DataFrame:
    """Net score per month of the busiest pairs, with its running total."""
    sql, params = filtered(f)
    return view.frame(
        f"""
        WITH d AS ({DYAD_ROWS.format(sql=sql)}),
        e AS (SELECT a, b, event_id, any_value(score) s, any_value(month) AS month
              FROM d WHERE month IS NOT NULL GROUP BY a, b, event_id),
        busiest AS (SELECT a, b FROM e GROUP BY a, b ORDER BY count(*) DESC, a, b LIMIT ?),
        m AS (SELECT a, b, month, count(*) AS events, round(sum(coalesce(s, 0)), 1) AS net
              FROM e JOIN busiest USING (a, b) GROUP BY a, b, month)
        SELECT a || '–' || b AS dyad, month, events, net,
            round(sum(net) OVER (PARTITION BY a, b ORDER BY month), 1) AS cumulative
        FROM m ORDER BY dyad, month
        """,
        [*params, top],
    )
