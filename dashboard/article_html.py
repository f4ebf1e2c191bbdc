"""An article's clean text as HTML with its coded sentences highlighted.

Reads the article text and its reports (sentence offsets into the text, cue offsets into the
sentence); adds one <mark> per coded sentence, the cue in bold and the event categories after
it. Every piece of article text is escaped; the only tags are the ones written here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dashboard.safe import esc

MARK_STYLE = "background:#fbe3b5;border-radius:3px;padding:0 2px;"
SELECTED_STYLE = "background:#f4a259;border-radius:3px;padding:0 2px;outline:2px solid #b3472d;"
LABEL_STYLE = "font-size:0.72em;color:#6b4e16;font-weight:600;margin:0 4px 0 3px;"


@dataclass(frozen=True)
class Mark:
    start: int  # offsets into the article text
    end: int
    cue_start: int | None  # offsets into the article text
    cue_end: int | None
    labels: tuple[str, ...]  # "CONSULT NER → RUS"
    selected: bool = False
    number: int = 0  # the sentence's number in the article, counted from 1


def locate(text: str, sentence: str, start: int | None) -> int | None:
    """Where the sentence starts in the text: the stored offset when it matches, else a search."""
    if start is not None and start >= 0 and text[start : start + len(sentence)] == sentence:
        return start
    found = text.find(sentence) if sentence else -1
    return found if found >= 0 else None


@dataclass
class Sentence:
    """What the marks of one sentence gather from its reports."""

    number: int
    labels: list[str] = field(default_factory=list)
    selected: bool = False
    cue: tuple[int, int] | None = None


def marks_for(text: str, reports: Sequence[Mapping[Any, Any]], selected_event: str | None) -> list[Mark]:
    """One mark per located sentence; several events in one sentence share it."""
    by_start: dict[tuple[int, int], Sentence] = {}
    for report in reports:
        sentence = str(report.get("sentence") or "")
        start = locate(text, sentence, as_int(report.get("sentence_start")))
        if start is None:
            continue
        index = as_int(report.get("sentence_index"))
        entry = by_start.setdefault((start, start + len(sentence)), Sentence((index or 0) + 1))
        label = f"{report.get('event_type', '')} {report.get('actors', '')}".strip()
        if label not in entry.labels:
            entry.labels.append(label)
        entry.selected = entry.selected or (selected_event is not None and report.get("event_id") == selected_event)
        cue_start, cue_end = as_int(report.get("cue_start")), as_int(report.get("cue_end"))
        if entry.cue is None and cue_start is not None and cue_end is not None and 0 <= cue_start < cue_end <= len(sentence):
            entry.cue = (start + cue_start, start + cue_end)
    marks = []
    for (start, end), entry in sorted(by_start.items()):
        cue_start, cue_end = entry.cue or (None, None)
        marks.append(Mark(start, end, cue_start, cue_end, tuple(entry.labels), entry.selected, entry.number))
    return drop_overlaps(marks)


def drop_overlaps(marks: list[Mark]) -> list[Mark]:
    kept: list[Mark] = []
    for mark in marks:
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    return kept


def as_int(value: object) -> int | None:
    try:
        return None if value is None or value != value else int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def highlight(text: str, marks: list[Mark]) -> str:
    """The whole article as one HTML block, paragraphs kept with white-space: pre-wrap."""
    out = []
    position = 0
    for mark in marks:
        out.append(esc(text[position : mark.start]))
        out.append(render_mark(text, mark))
        position = mark.end
    out.append(esc(text[position:]))
    body = "".join(out)
    return f'<div class="geopol-article" style="white-space:pre-wrap;line-height:1.65;font-size:1rem;">{body}</div>'


def render_mark(text: str, mark: Mark) -> str:
    if mark.cue_start is not None and mark.cue_end is not None and mark.start <= mark.cue_start < mark.cue_end <= mark.end:
        inner = (
            esc(text[mark.start : mark.cue_start])
            + "<b>"
            + esc(text[mark.cue_start : mark.cue_end])
            + "</b>"
            + esc(text[mark.cue_end : mark.end])
        )
    else:
        inner = esc(text[mark.start : mark.end])
    style = SELECTED_STYLE if mark.selected else MARK_STYLE
    title = esc("; ".join(mark.labels))
    labels = esc(" · ".join(mark.labels))
    selected = ' data-selected="true"' if mark.selected else ""
    return (
        f'<mark id="sentence-{mark.number}" title="{title}" style="{style}"{selected}>{inner}</mark>'
        f'<span style="{LABEL_STYLE}">[{mark.number}] {labels}</span>'
    )
