"""The coder measured by the analysts' reviews: precision on the events they confirmed,
corrected or rejected, recall against the events they had to add, per category.

Reads the reviewed event rows (a store with its reviews applied: each row's status and the
coder's values kept beside the analyst's); adds the figures `geopol eval` prints, named as in
the evaluation kit: precision (coded events whose category is right), full (category and
actors right), recall (real events found with category and actors right) and one_sided.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from geopol.review import Review, by_event, reset
from geopol.review_store import apply_reviews, copy_for_review, records

CODED = ("confirmed", "corrected", "rejected")  # events the coder made that an analyst judged


@dataclass(frozen=True)
class Verdict:
    """One reviewed event: what the coder said and what the analyst kept."""

    event_id: str
    status: str
    coder_category: str  # "" for an event the coder missed
    category: str  # the analyst's ("" when rejected)
    category_right: bool
    actors_right: bool
    one_sided: bool  # the coder's event lacks a side

    @property
    def coded(self) -> bool:
        return self.status in CODED

    @property
    def real(self) -> bool:
        return self.status != "rejected"

    @property
    def found(self) -> bool:
        return self.coded and self.category_right and self.actors_right


def pairs(rows: Iterable[dict[str, object]]) -> set[tuple[str, str]]:
    return {(str(r.get("actor_code") or ""), str(r.get("recipient_code") or "")) for r in rows}


def verdict(rows: list[dict[str, object]]) -> Verdict:
    """The verdict on one event from its rows (as reviewed)."""
    status = str(rows[0].get("review_status"))
    coder = [reset(r) for r in rows]
    coded = status in CODED
    same_category = coded and status != "rejected" and coder[0].get("event_type") == rows[0].get("event_type")
    return Verdict(
        event_id=str(rows[0].get("event_id")),
        status=status,
        coder_category=str(coder[0].get("event_type") or "") if coded else "",
        category=str(rows[0].get("event_type") or "") if status != "rejected" else "",
        category_right=same_category,
        actors_right=coded and status != "rejected" and pairs(coder) == pairs(rows),
        one_sided=coded and any(not a or not b for a, b in pairs(coder)),
    )


def verdicts(rows: Iterable[dict[str, object]]) -> list[Verdict]:
    """rows: reviewed event rows, every row of an event together."""
    return [verdict(group) for group in by_event(rows) if str(group[0].get("review_status")) != "unreviewed"]


@dataclass(frozen=True)
class Scores:
    coded: int
    right_category: int
    right: int  # category and actors
    one_sided: int
    real: int  # confirmed, corrected or added
    found: int

    @property
    def precision(self) -> float:
        return self.right_category / self.coded if self.coded else 0.0

    @property
    def full(self) -> float:
        return self.right / self.coded if self.coded else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.real if self.real else 0.0

    @property
    def one_sided_share(self) -> float:
        return self.one_sided / self.coded if self.coded else 0.0


def scores(found: list[Verdict], category: str | None = None) -> Scores:
    """Overall, or for one category: the coder's category for precision, the analyst's for recall."""
    coded = [v for v in found if v.coded and (category is None or v.coder_category == category)]
    real = [v for v in found if v.real and (category is None or v.category == category)]
    return Scores(
        coded=len(coded),
        right_category=sum(v.category_right for v in coded),
        right=sum(v.category_right and v.actors_right for v in coded),
        one_sided=sum(v.one_sided for v in coded),
        real=len(real),
        found=sum(v.found for v in real),
    )


def report(found: list[Verdict]) -> str:
    """The figures as `geopol eval` prints them."""
    if not found:
        return "no reviewed events yet: review events in the app (see README, Reviewing events)"
    total = scores(found)
    count = {s: sum(v.status == s for v in found) for s in ("confirmed", "corrected", "rejected", "added")}
    lines = [
        f"reviewed events: {total.coded} coded ({count['confirmed']} confirmed, {count['corrected']} corrected, "
        f"{count['rejected']} rejected), {count['added']} added by analysts",
        f"precision  {total.precision:.3f}  ({total.right_category}/{total.coded}: coded events whose category the analyst kept)",
        f"full       {total.full:.3f}  ({total.right}/{total.coded}: category and actors both kept)",
        f"recall     {total.recall:.3f}  ({total.found}/{total.real}: real events found with category and actors right)",
        f"one_sided  {total.one_sided_share:.3f}  ({total.one_sided}/{total.coded}: coded events with one side only)",
        "",
        f"{'category':<12} {'coded':>5} {'precision':>9} {'full':>6} {'real':>5} {'recall':>6}",
    ]
    for category in sorted({v.coder_category for v in found if v.coded} | {v.category for v in found if v.real}):
        s = scores(found, category)
        lines.append(f"{category:<12} {s.coded:>5} {s.precision:>9.3f} {s.full:>6.3f} {s.real:>5} {s.recall:>6.3f}")
    last = f"precision={total.precision:.3f} full={total.full:.3f} recall={total.recall:.3f}"
    lines += ["", f"{last} one_sided={total.one_sided_share:.3f}"]
    return "\n".join(lines)


def reviewed_rows(
    store: Path,
    reviews: list[Review],
    where: str = "review_status <> 'unreviewed'",
    order: str = "event_id, rowid",
) -> tuple[list[dict[str, object]], list[Review]]:
    """The event rows of the store (by default the reviewed ones) with the reviews applied (a
    copy in memory: the store is not changed), and the reviews that no longer find their sentence."""
    with duckdb.connect(":memory:") as con:
        literal = str(store).replace("'", "''")
        con.execute(f"ATTACH '{literal}' AS store (READ_ONLY)")
        events, sources = copy_for_review(con, "store.events", "store.event_sources")
        applied = apply_reviews(con, reviews, events, sources, "store.articles")
        rows = records(con, f"SELECT * FROM {events} WHERE {where} ORDER BY {order}")
    return rows, applied.unmatched
