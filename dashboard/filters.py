"""Filters over the events table: small clause objects that turn into SQL and into words.

Reads filter values (from widgets or a URL query string); adds a WHERE clause with bound
parameters for DuckDB, a plain-English description ("events where RUS is the source, dated
2023-07-01 to 2024-05-31") and the query-string form used to share a filtered view.
Every value reaches SQL as a bound parameter, never as text pasted into the statement.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date

MAX_TEXT = 200  # a search phrase, not a document
MAX_VALUES = 50  # per multi-value filter; more is not a filter someone typed
QUAD_LABELS = {
    "verbal_coop": "verbal cooperation",
    "material_coop": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}
Names = Mapping[str, str]  # a code or a quad class -> the words to show for it


@dataclass(frozen=True)
class InList:
    """column IN (values): one of several codes or names."""

    column: str
    values: tuple[str, ...]
    noun: str  # "the source is", "the place is in"

    def sql(self) -> tuple[str, list[object]]:
        marks = ", ".join("?" for _ in self.values)
        return f"{self.column} IN ({marks})", list(self.values)

    def describe(self, names: Names | None = None) -> str:
        return f"{self.noun} {' or '.join(label(v, names) for v in self.values)}"


def label(value: str, names: Names | None = None) -> str:
    """A code as words: "Russia (RUS)", "verbal cooperation"; the value itself when unknown."""
    if value in QUAD_LABELS:
        return QUAD_LABELS[value]
    name = (names or {}).get(value)
    return f"{name} ({value})" if name and name != value else value


@dataclass(frozen=True)
class ReportedBy:
    """Some report of the event comes from one of these outlets (any source, not only the first)."""

    outlets: tuple[str, ...]

    def sql(self) -> tuple[str, list[object]]:
        marks = ", ".join("?" for _ in self.outlets)
        return f"event_id IN (SELECT event_id FROM v_event_sources WHERE outlet IN ({marks}))", list(self.outlets)

    def describe(self, names: Names | None = None) -> str:
        return f"reported by {' or '.join(self.outlets)}"


@dataclass(frozen=True)
class DateRange:
    start: date | None
    end: date | None
    undated: bool  # keep events without a date

    def sql(self) -> tuple[str, list[object]]:
        parts: list[str] = []
        params: list[object] = []
        if self.start:
            parts.append("date >= ?")
            params.append(self.start)
        if self.end:
            parts.append("date <= ?")
            params.append(self.end)
        dated = " AND ".join(parts)
        return (f"(({dated}) OR date IS NULL)" if self.undated else f"({dated})"), params

    def describe(self, names: Names | None = None) -> str:
        if self.start and self.end:
            span = f"dated {self.start.isoformat()} to {self.end.isoformat()}"
        elif self.start:
            span = f"dated from {self.start.isoformat()}"
        else:
            span = f"dated up to {self.end.isoformat() if self.end else ''}"
        return span + (" (undated events kept)" if self.undated else "")


@dataclass(frozen=True)
class OnlyDated:
    def sql(self) -> tuple[str, list[object]]:
        return "date IS NOT NULL", []

    def describe(self, names: Names | None = None) -> str:
        return "with a known date"


@dataclass(frozen=True)
class MinSources:
    count: int

    def sql(self) -> tuple[str, list[object]]:
        return "source_count >= ?", [self.count]

    def describe(self, names: Names | None = None) -> str:
        return f"reported by at least {self.count} articles"


@dataclass(frozen=True)
class Contains:
    """Case-insensitive words in the sentence, the title, the place or the actors' names."""

    text: str
    columns: tuple[str, ...] = ("sentence", "title", "place", "actor", "recipient")

    def sql(self) -> tuple[str, list[object]]:
        # strpos rather than LIKE: the user's % and _ stay plain characters
        tests = " OR ".join(f"strpos(lower(coalesce({c}, '')), ?) > 0" for c in self.columns)
        return f"({tests})", [self.text.lower()] * len(self.columns)

    def describe(self, names: Names | None = None) -> str:
        return f'mentioning "{self.text}"'


@dataclass(frozen=True)
class Pair:
    """Events between two actors, in either direction."""

    a: str
    b: str

    def sql(self) -> tuple[str, list[object]]:
        return "((actor_code = ? AND recipient_code = ?) OR (actor_code = ? AND recipient_code = ?))", [
            self.a,
            self.b,
            self.b,
            self.a,
        ]

    def describe(self, names: Names | None = None) -> str:
        return f"between {label(self.a, names)} and {label(self.b, names)}"


@dataclass(frozen=True)
class Involves:
    """Events where an actor is on either side."""

    code: str

    def sql(self) -> tuple[str, list[object]]:
        return "(actor_code = ? OR recipient_code = ?)", [self.code, self.code]

    def describe(self, names: Names | None = None) -> str:
        return f"involving {label(self.code, names)}"


Clause = InList | ReportedBy | DateRange | OnlyDated | MinSources | Contains | Pair | Involves
Rewrite = Callable[[Clause], tuple[str, list[object]] | None]


@dataclass(frozen=True)
class Filters:
    """The shared filter state of every page. Empty means: every event."""

    start: date | None = None
    end: date | None = None
    undated: bool = True
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    quads: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    min_sources: int = 1
    text: str = ""
    extra: tuple[Clause, ...] = field(default=(), compare=True)  # page-local narrowing, never in the URL

    def clauses(self) -> list[Clause]:
        found: list[Clause] = []
        if self.start or self.end:
            found.append(DateRange(self.start, self.end, self.undated))
        elif not self.undated:
            found.append(OnlyDated())
        for column, values, noun in (
            ("actor_code", self.actors, "the source is"),
            ("recipient_code", self.recipients, "the recipient is"),
            ("place_country", self.countries, "the place is in"),
            ("event_type", self.categories, "the category is"),
            ("quad_class", self.quads, "the quad class is"),
            ("place", self.places, "the place is"),
        ):
            if values:
                found.append(InList(column, values, noun))
        if self.outlets:
            found.append(ReportedBy(self.outlets))
        if self.min_sources > 1:
            found.append(MinSources(self.min_sources))
        if self.text.strip():
            found.append(Contains(self.text.strip()))
        return found + list(self.extra)

    def where(self, rewrite: Rewrite | None = None) -> tuple[str, list[object]]:
        """A WHERE condition over v_events (or "TRUE") and its parameters. rewrite may give a
        clause another, equivalent form (a table of the rows it matches, say)."""
        parts, params = [], []
        for clause in self.clauses():
            sql, values = (rewrite(clause) if rewrite else None) or clause.sql()
            parts.append(sql)
            params.extend(values)
        return (" AND ".join(parts) or "TRUE"), params

    def describe(self, names: Names | None = None) -> str:
        conditions = [c.describe(names) for c in self.clauses() if isinstance(c, InList)]
        qualifiers = [c.describe(names) for c in self.clauses() if not isinstance(c, InList)]
        if not conditions and not qualifiers:
            return "all events"
        parts = (["where " + " and ".join(conditions)] if conditions else []) + qualifiers
        return "events " + ", ".join(parts)

    def narrowed(self, *clauses: Clause) -> Filters:
        return replace(self, extra=(*self.extra, *clauses))

    @property
    def active(self) -> bool:
        return bool(self.clauses())

    @property
    def row_level(self) -> bool:
        """Whether a clause can keep one actor pair of an event and drop another (source,
        recipient, pair, words in the actors' names): counting events then needs DISTINCT."""
        return bool(self.actors or self.recipients or self.text.strip()) or any(
            isinstance(c, Pair | Contains | Involves) for c in self.extra
        )

    def without_dates(self) -> Filters:
        return replace(self, start=None, end=None, extra=tuple(c for c in self.extra if not isinstance(c, DateRange)))

    def to_query(self) -> dict[str, str | list[str]]:
        """The URL form: only what differs from the defaults."""
        query: dict[str, str | list[str]] = {}
        if self.start:
            query["from"] = self.start.isoformat()
        if self.end:
            query["to"] = self.end.isoformat()
        if not self.undated:
            query["undated"] = "0"
        for key, values in self._lists().items():
            if values:
                query[key] = list(values)
        if self.min_sources > 1:
            query["sources"] = str(self.min_sources)
        if self.text.strip():
            query["q"] = self.text.strip()
        return query

    def _lists(self) -> dict[str, tuple[str, ...]]:
        return {key: getattr(self, name) for key, name in LIST_KEYS.items()}

    @classmethod
    def from_query(cls, query: Mapping[str, Sequence[str]]) -> Filters:
        """Read a query string (each key -> all its values). Bad values are dropped, not raised:
        a shared link with a typo still opens."""

        def first(key: str) -> str:
            values = query.get(key) or []
            return str(values[-1]) if values else ""

        lists = {
            name: tuple(dict.fromkeys(str(v)[:MAX_TEXT] for v in (query.get(key) or []) if v))[:MAX_VALUES]
            for key, name in LIST_KEYS.items()
        }
        sources = first("sources")
        return cls(
            start=parse_date(first("from")),
            end=parse_date(first("to")),
            undated=first("undated") not in ("0", "false", "no"),
            min_sources=max(1, min(int(sources), 1000)) if sources.isdigit() else 1,
            text=first("q")[:MAX_TEXT],
            **lists,  # type: ignore[arg-type]
        )


LIST_KEYS = {
    "actor": "actors",
    "recipient": "recipients",
    "country": "countries",
    "category": "categories",
    "quad": "quads",
    "place": "places",
    "outlet": "outlets",
}
QUERY_KEYS = frozenset({"from", "to", "undated", "sources", "q", *LIST_KEYS})
FILTER_FIELDS = tuple(f.name for f in fields(Filters) if f.name != "extra")


def parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
