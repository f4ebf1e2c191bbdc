"""Values in words for tables, captions and popups: dates as precise as they are known,
quantities, an event's alignment weight, counts with their noun. Plain functions, no Streamlit."""

from __future__ import annotations

import pandas as pd


def day(value: object, precision: object = "day") -> str:
    """A date as precise as it is known: "2024-03-26", "2023-12" (a month), "2023" (a year);
    ISO text, so a column of them sorts by date. "undated" when there is none."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return "undated"
    when = pd.Timestamp(value).date()  # type: ignore[arg-type]
    if precision == "year":
        return f"{when:%Y}"
    if precision == "month":
        return f"{when:%Y-%m}"
    return when.isoformat()


def published(value: object, precision: object = "day") -> str:
    """ "published 26 March 2024", "published December 2023" for a month, never a made-up day."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return ""
    when = pd.Timestamp(value).date()  # type: ignore[arg-type]
    if precision == "year":
        return f"published in {when:%Y}"
    if precision == "month":
        return f"published {when:%B %Y}"
    return f"published {when.day} {when:%B %Y}"


def quantity(value: object, unit: object) -> str:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return ""
    return f"{int(float(value)):,} {unit or ''}".strip()  # type: ignore[arg-type]


def reads_as(weight: object) -> str:
    """An event's alignment weight in words: "+3 alignment", "−6 rupture"."""
    if weight is None or pd.isna(weight):  # type: ignore[call-overload]
        return ""
    value = float(weight)  # type: ignore[arg-type]
    word = "alignment" if value > 0 else "rupture" if value < 0 else "neutral"
    return f"{value:+g} {word}".replace("-", "−")


def actors_cell(actors: object, one_sided: object) -> str:
    """ "NER → ?" marked as one-sided when a side of the event is not coded."""
    text = str(actors or "")
    return f"{text} · one-sided" if str(one_sided) == "True" else text


def counted(count: int, description: str) -> str:
    """A filter's description ("events where ...") with its count: "1 event where ...", "12 events where ..."."""
    rest = description.removeprefix("events").removeprefix("all events")
    return plural(count, "event") + (rest if rest.strip() else "")


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 event", "2 events", "1,204 events"."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


REVIEW_MARKS = {"confirmed": "✓ confirmed", "corrected": "✎ corrected", "added": "+ added", "rejected": "✗ rejected"}


def review_mark(status: object) -> str:
    """An event's review in a table or a popup: empty until an analyst has reviewed it."""
    return REVIEW_MARKS.get(str(status or ""), "")
