"""Relations: per pair of actors and per month, how many events and how cooperative.

Reads event rows (one per source-recipient pair); adds Relation records, computed in DuckDB, with the event count,
the net PLOVER cooperation-conflict score (sum of category scores, FIGHT and CRIME unscored),
counts of cooperative and hostile events, and the ids of the events that are the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import duckdb
import pyarrow as pa

from geopol.records import CATEGORIES, COOPERATIVE, category_score


@dataclass(frozen=True, slots=True)
class Relation:
    actor_a: str  # the pair in alphabetical order
    actor_b: str
    month: date  # first day of the month
    event_count: int
    net_score: float
    coop_count: int
    conflict_count: int
    event_ids: tuple[str, ...]


# Over a table `rows` (event_id, event_type, actor_code, recipient_code, date) and `categories`
# (category, score, cooperative). Scores are summed as decimals, so the net score of a pair is
# the same whatever order its events come in.
RELATIONS_SQL = """
WITH pairs AS (
    SELECT DISTINCT
        least(actor_code, recipient_code) AS actor_a,
        greatest(actor_code, recipient_code) AS actor_b,
        CAST(date_trunc('month', date) AS DATE) AS month,
        event_id,
        event_type
    FROM rows
    WHERE actor_code <> '' AND recipient_code <> '' AND actor_code <> recipient_code AND date IS NOT NULL
)
SELECT
    actor_a,
    actor_b,
    month,
    count(*) AS event_count,
    CAST(round(coalesce(sum(CAST(c.score AS DECIMAL(18, 2))), 0), 2) AS DOUBLE) AS net_score,
    count(*) FILTER (WHERE c.cooperative) AS coop_count,
    count(*) FILTER (WHERE NOT coalesce(c.cooperative, false)) AS conflict_count,
    list_sort(list(event_id)) AS event_ids
FROM pairs LEFT JOIN categories AS c ON c.category = pairs.event_type
GROUP BY actor_a, actor_b, month
ORDER BY actor_a, actor_b, month
"""


# The events relations count: all but those an analyst rejected.
REVIEWED_EVENTS = "(SELECT * FROM {events} WHERE coalesce(review_status, '') <> 'rejected')"


def categories_table() -> pa.Table:
    names = list(CATEGORIES)
    return pa.table(
        {
            "category": names,
            "score": [category_score(c) for c in names],
            "cooperative": [c in COOPERATIVE for c in names],
        }
    )


def relations_sql(con: duckdb.DuckDBPyConnection, rows: str) -> str:
    """The query of the relations of the event rows in the table or view named rows."""
    con.register("categories", categories_table())
    return RELATIONS_SQL.replace("FROM rows", f"FROM {rows}")


def relations(rows: Iterable[dict]) -> list[Relation]:
    """rows: dicts with event_id, event_type, actor_code, recipient_code, date."""
    columns = ("event_id", "event_type", "actor_code", "recipient_code", "date")
    table = pa.Table.from_pylist(
        [{c: row.get(c) for c in columns} for row in rows],
        schema=pa.schema([*(pa.field(c, pa.string()) for c in columns[:4]), pa.field("date", pa.date32())]),
    )
    with duckdb.connect() as con:
        con.register("event_rows", table)
        found = con.execute(relations_sql(con, "event_rows")).fetchall()
    return [Relation(a, b, month, n, score, coop, conflict, tuple(ids)) for a, b, month, n, score, coop, conflict, ids in found]
