"""Analyst reviews: the file format, the fingerprint of a report, and reviews applied to rows.

Reads the reviews file (JSON lines beside the store, data/reviews.jsonl by default) and event
rows; adds the analyst's verdict to the rows: confirmed, corrected (the analyst's values, the
coder's kept in coder_values), rejected (kept, with its status), or added (an event the coder
missed). A review is keyed by the report it judges (article, sentence, cue), not by event id,
so it survives a re-coding that gives the event another id.

One review is one line, appended under an exclusive lock in a single write: two analysts
reviewing at once both keep their work, and a reader never sees half a line. The latest
review of an event replaces the earlier ones; the earlier lines stay in the file as history.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from geopol.problems import Problem

REVIEWS_NAME = "reviews.jsonl"
FORMAT = 1
STATUS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected", "add": "added"}
STATUSES = ("unreviewed", "confirmed", "corrected", "rejected", "added")
MAX_NOTE = 2000  # characters of a note kept; a longer one is cut, and the analyst told so
MAX_LINE = 64_000  # a longer line is no review of ours
ACTOR_COLUMNS = frozenset({"actor", "actor_code", "actor_kind", "actor_sector"})
RECIPIENT_COLUMNS = frozenset({"recipient", "recipient_code", "recipient_kind", "recipient_sector"})
# The columns a correction may set, with the type each is read as.
CORRECTABLE: dict[str, type] = {
    "event_type": str,
    "quad_class": str,
    "score": float,
    **dict.fromkeys(ACTOR_COLUMNS | RECIPIENT_COLUMNS, str),
    "date": date,
    "date_precision": str,
    "place": str,
    "lat": float,
    "lon": float,
    "geo_precision": str,
    "place_country": str,
    "quantity": int,
    "quantity_unit": str,
}
REVIEW_DEFAULTS: dict[str, object] = {
    "review_status": "unreviewed",
    "review_note": "",
    "reviewed_at": "",
    "reviewer": "",
    "review_id": "",
    "coder_values": "",
}
REVIEW_COLUMNS = tuple(REVIEW_DEFAULTS)


def reviews_path(store: Path) -> Path:
    """The reviews of a store: GEOPOL_REVIEWS, else reviews.jsonl beside the store."""
    return Path(os.environ.get("GEOPOL_REVIEWS") or store.with_name(REVIEWS_NAME))


def sentence_hash(sentence: str) -> str:
    """The sentence's words, spacing aside: a report's sentence is recognised after re-coding."""
    return hashlib.sha256(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The report a review judges: its article, its sentence (by content), its cue, and the
    coder's actor pair of the row the analyst looked at."""

    article_id: str
    sentence_hash: str
    sentence_start: int = 0
    cue_start: int = 0
    cue_end: int = 0
    cue: str = ""
    actor_code: str = ""
    recipient_code: str = ""

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.article_id, self.sentence_hash, self.cue_start, self.cue_end)


def fingerprint_of(row: Mapping[str, object]) -> Fingerprint:
    """The fingerprint of an event row or a report (event_sources) row."""
    return Fingerprint(
        article_id=str(row.get("article_id") or ""),
        sentence_hash=sentence_hash(str(row.get("sentence") or "")),
        sentence_start=whole(row.get("sentence_start")),
        cue_start=whole(row.get("cue_start")),
        cue_end=whole(row.get("cue_end")),
        cue=str(row.get("cue") or ""),
        actor_code=str(row.get("actor_code") or ""),
        recipient_code=str(row.get("recipient_code") or ""),
    )


def whole(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True)
class Review:
    """One analyst's verdict on one event. values: the corrected columns (correct), or every
    column of the new event (add). target: for a review of an added event, that add's id."""

    review_id: str
    action: str  # confirm | correct | reject | add
    fingerprint: Fingerprint
    at: str  # UTC, ISO 8601
    note: str = ""
    reviewer: str = ""
    values: dict[str, object] = field(default_factory=dict)
    sentence: str = ""  # the sentence as the analyst saw it
    sentence_index: int = 0
    target: str = ""

    @property
    def status(self) -> str:
        return STATUS[self.action]

    @property
    def key(self) -> tuple:
        """Reviews with the same key judge the same event: the latest one counts."""
        if self.action == "add" or self.target:
            return ("add", self.target or self.review_id)
        return self.fingerprint.key

    def to_json(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "review_id": self.review_id,
            "action": self.action,
            "at": self.at,
            "reviewer": self.reviewer,
            "note": self.note,
            "fingerprint": {k: getattr(self.fingerprint, k) for k in Fingerprint.__slots__},  # type: ignore[attr-defined]
            "sentence": self.sentence,
            "sentence_index": self.sentence_index,
            "values": {k: v.isoformat() if isinstance(v, date) else v for k, v in self.values.items()},
            "target": self.target,
        }


def capped_note(text: str) -> tuple[str, str]:
    """The note as kept, and a message when it was cut (else "")."""
    if len(text) <= MAX_NOTE:
        return text, ""
    return text[:MAX_NOTE], f"The note was cut to its first {MAX_NOTE:,} characters (it had {len(text):,})."


def new_review(
    action: str,
    row: Mapping[str, object],
    note: str = "",
    reviewer: str = "",
    values: Mapping[str, object] | None = None,
    target: str = "",
) -> Review:
    """A review of the event of row (an event row, or for add the new event's row)."""
    if action not in STATUS:
        raise ValueError(f"unknown review action {action!r}")
    return Review(
        review_id="rv-" + uuid.uuid4().hex[:12],
        action=action,
        fingerprint=fingerprint_of(row),
        at=datetime.now(UTC).isoformat(timespec="seconds"),
        note=capped_note(note)[0],
        reviewer=capped_note(reviewer)[0][:100],
        values=checked_values(dict(values or {}), action),
        sentence=str(row.get("sentence") or ""),
        sentence_index=whole(row.get("sentence_index")),
        target=target,
    )


def checked_values(values: dict[str, object], action: str) -> dict[str, object]:
    """Only correctable columns, each read as its type; an add also keeps its ids and sentence."""
    kept: dict[str, object] = {}
    for name, value in values.items():
        kind = CORRECTABLE.get(name)
        if kind is None:
            continue
        kept[name] = typed_value(value, kind)
    if action == "add" and not kept.get("event_type"):
        raise ValueError("an added event needs a category")
    return kept


def typed_value(value: object, kind: type) -> object:
    if value is None or value == "":
        return None if kind is not str else ""
    if kind is date:
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if kind is int:
        return int(float(str(value)))
    if kind is float:
        return float(str(value))
    return str(value)


# --- the file ---------------------------------------------------------------------------


def append_review(path: Path, review: Review) -> None:
    """Add one review to the file: one write of one line, under an exclusive lock, flushed to
    disk before the lock is let go. Nothing already in the file is rewritten."""
    line = (json.dumps(review.to_json(), ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def read_reviews(path: Path) -> tuple[list[Review], list[Problem]]:
    """Every review of the file in order, and a problem for each line that is not one."""
    if not path.exists():
        return [], []
    reviews: list[Review] = []
    problems: list[Problem] = []
    with open(path, "rb") as handle:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH)  # not half of a line being appended
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                reviews.append(parse_line(raw))
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                problems.append(Problem("W201", f"{path.name} line {number}", str(error)))
    return reviews, problems


def parse_line(raw: bytes) -> Review:
    if len(raw) > MAX_LINE:
        raise ValueError(f"a line of {len(raw):,} bytes")
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    action = str(data["action"])
    if action not in STATUS:
        raise ValueError(f"unknown action {action[:40]!r}")
    fp = data.get("fingerprint") or {}
    fingerprint = Fingerprint(
        article_id=str(fp["article_id"]),
        sentence_hash=str(fp["sentence_hash"]),
        sentence_start=whole(fp.get("sentence_start")),
        cue_start=whole(fp.get("cue_start")),
        cue_end=whole(fp.get("cue_end")),
        cue=str(fp.get("cue") or ""),
        actor_code=str(fp.get("actor_code") or ""),
        recipient_code=str(fp.get("recipient_code") or ""),
    )
    return Review(
        review_id=str(data["review_id"]),
        action=action,
        fingerprint=fingerprint,
        at=str(data.get("at") or ""),
        note=capped_note(str(data.get("note") or ""))[0],
        reviewer=str(data.get("reviewer") or "")[:100],
        values=checked_values(dict(data.get("values") or {}), action),
        sentence=str(data.get("sentence") or ""),
        sentence_index=whole(data.get("sentence_index")),
        target=str(data.get("target") or ""),
    )


def current(reviews: Iterable[Review]) -> list[Review]:
    """The latest review of each event, in the order they were last reviewed."""
    latest: dict[tuple, Review] = {}
    for review in reviews:
        latest.pop(review.key, None)
        latest[review.key] = review
    return list(latest.values())


def write_atomically(path: Path, text: str) -> None:
    """Write a file through a temporary file renamed over it: a reader sees the old or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


# --- matching reports and applying verdicts ----------------------------------------------


def event_matches(reviews: list[Review], sources: Iterable[Mapping[str, object]]) -> dict[str, str]:
    """review id -> event id of the report each review judges (adds aside). A report matches
    by article, sentence and cue offsets; failing that, by article, sentence and cue words, or
    a cue that overlaps the reviewed one (the coder's cue grew or shrank)."""
    wanted = [r for r in reviews if r.action != "add" and not r.target]
    by_sentence: dict[tuple[str, str], list[Review]] = {}
    for review in wanted:
        by_sentence.setdefault((review.fingerprint.article_id, review.fingerprint.sentence_hash), []).append(review)
    exact: dict[str, str] = {}
    loose: dict[str, str] = {}
    for source in sources:
        found = fingerprint_of(source)
        for review in by_sentence.get((found.article_id, found.sentence_hash), []):
            fp, event_id = review.fingerprint, str(source.get("event_id") or "")
            if (fp.cue_start, fp.cue_end) == (found.cue_start, found.cue_end):
                exact.setdefault(review.review_id, event_id)
            elif fp.cue == found.cue or (found.cue_start < fp.cue_end and fp.cue_start < found.cue_end):
                loose.setdefault(review.review_id, event_id)
    return {**loose, **exact}


def reset(row: Mapping[str, object]) -> dict[str, object]:
    """The row as the coder made it: the coder's values back, no verdict."""
    restored = {**row, **REVIEW_DEFAULTS}
    kept = str(row.get("coder_values") or "")
    if kept:
        for name, value in json.loads(kept).items():
            if name in CORRECTABLE:
                restored[name] = typed_value(value, CORRECTABLE[name])
    return restored


def applies_to(row: Mapping[str, object], review: Review, rows: int) -> set[str]:
    """The corrected columns that apply to this row: a changed actor only to the actor pair
    the analyst corrected (every row when the event has one)."""
    names = set(review.values)
    fp = review.fingerprint
    same_pair = (row.get("actor_code") or "", row.get("recipient_code") or "") == (fp.actor_code, fp.recipient_code)
    if rows > 1 and not same_pair:
        names -= ACTOR_COLUMNS | RECIPIENT_COLUMNS
    return names


def reviewed(rows: list[dict[str, object]], review: Review) -> list[dict[str, object]]:
    """The rows of one event (as the coder made them) with the review's verdict and values."""
    out = []
    for row in rows:
        new = dict(row)
        coder: dict[str, object] = {}
        for name in sorted(applies_to(row, review, len(rows))) if review.action == "correct" else ():
            value = review.values[name]
            if new.get(name) != value:
                old = new.get(name)
                coder[name] = old.isoformat() if isinstance(old, date) else old
                new[name] = value
        new.update(verdict(review, coder))
        out.append(new)
    return out


def verdict(review: Review, coder: Mapping[str, object] | None = None) -> dict[str, object]:
    return {
        "review_status": review.status,
        "review_note": review.note,
        "reviewed_at": review.at,
        "reviewer": review.reviewer,
        "review_id": review.target or review.review_id,
        "coder_values": json.dumps(coder, ensure_ascii=False, sort_keys=True, default=str) if coder else "",
    }


def added_event_id(review: Review) -> str:
    return "ev-" + (review.target or review.review_id)


def added_rows(review: Review, article: Mapping[str, object] | None) -> list[dict[str, object]]:
    """The row of an event the coder missed, as the analyst described it (none once rejected)."""
    if review.status == "rejected":
        return []
    values = review.values
    fp = review.fingerprint
    article = article or {}
    row: dict[str, object] = {
        "article_id": fp.article_id,
        "event_id": added_event_id(review),
        "mode": "",
        "sentence": review.sentence,
        "source_url": article.get("url") or "",
        "source_count": 1,
        "article_ids": fp.article_id,
        "context": "",
        "tense": "",
        "date_text": "",
        "date_basis": "review",
        "geo_basis": "review" if values.get("place") else "",
        "cue": fp.cue,
        "sentence_index": review.sentence_index,
        "sentence_start": fp.sentence_start,
        "cue_start": fp.cue_start,
        "cue_end": fp.cue_end,
        "title": article.get("title") or "",
        "outlet": article.get("outlet") or "",
        "published": article.get("published"),
        **{name: None if CORRECTABLE[name] is not str else "" for name in CORRECTABLE},
        **values,
    }
    row.update(verdict(review))
    row["review_status"] = "added"
    return [row]


def added_source(review: Review, row: Mapping[str, object]) -> dict[str, object]:
    """The event_sources row of an added event: the sentence that reports it."""
    return {
        "event_id": row["event_id"],
        "article_id": row["article_id"],
        "sentence_index": row["sentence_index"],
        "sentence": row["sentence"],
        "sentence_start": row["sentence_start"],
        "sentence_end": whole(row["sentence_start"]) + len(str(row["sentence"])),
        "cue_start": row["cue_start"],
        "cue_end": row["cue_end"],
        "cue": row["cue"],
        "date_text": "",
        "source_url": row["source_url"],
        "title": row["title"],
        "outlet": row["outlet"],
        "published": row["published"],
    }


def sentence_in(article: Mapping[str, object] | None, review: Review) -> bool:
    """Whether the article still holds the reviewed sentence."""
    text = str((article or {}).get("text") or "")
    return bool(review.sentence) and " ".join(review.sentence.split()) in " ".join(text.split())


def by_event(rows: Iterable[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    """Consecutive rows of the same event, grouped."""
    group: list[dict[str, object]] = []
    for row in rows:
        if group and row.get("event_id") != group[0].get("event_id"):
            yield group
            group = []
        group.append(row)
    if group:
        yield group


@dataclass
class Additions:
    """Events analysts added, as rows, with the report of each and the adds whose sentence is gone."""

    rows: list[dict[str, object]] = field(default_factory=list)
    sources: list[dict[str, object]] = field(default_factory=list)
    unmatched: list[Review] = field(default_factory=list)


def additions(latest: list[Review], articles: Mapping[str, Mapping[str, object]]) -> Additions:
    """The added events of the latest reviews (an add, or a later review of it), for the
    articles given (by id, with their text); an add whose article is given without its sentence
    is unmatched, one whose article is not given is left out."""
    found = Additions()
    originals = {r.review_id: r for r in latest if r.action == "add"}
    for review in (r for r in latest if r.action == "add" or r.target):
        base = originals.get(review.target) if review.target else review
        if base is None or base.fingerprint.article_id not in articles:
            continue
        article = articles[base.fingerprint.article_id]
        if not sentence_in(article, base):
            found.unmatched.append(base)
            continue
        made = added_rows(base, article)
        if review is not base:
            made = [{**row, "review_status": "added"} for row in reviewed(made, review)] if review.status != "rejected" else []
        found.sources.extend(added_source(base, row) for row in made[:1])
        found.rows.extend(made)
    return found


class RowReviews:
    """Reviews applied to event rows as they stream out (extract): rejected rows left out,
    corrected ones with the analyst's values, added events at the end."""

    def __init__(self, reviews: Iterable[Review]) -> None:
        self.latest = current(reviews)
        self.used: set[str] = set()

    def apply(self, rows: list[dict[str, object]]) -> list[dict[str, object]]:
        """Rows of whole events (every row of an event together)."""
        if not self.latest:
            return rows
        matches = event_matches(self.latest, rows)
        review_of = {matches[r.review_id]: r for r in self.latest if r.review_id in matches}
        self.used |= {r.review_id for r in review_of.values()}
        out: list[dict[str, object]] = []
        for group in by_event(rows):
            review = review_of.get(str(group[0].get("event_id")))
            out.extend(r for r in (reviewed(group, review) if review else group) if r["review_status"] != "rejected")
        return out

    def unmatched(self) -> list[Review]:
        return [r for r in self.latest if r.action != "add" and not r.target and r.review_id not in self.used]
