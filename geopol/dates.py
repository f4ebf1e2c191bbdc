"""Dates: publication dates and the dates sentences give their events.

Reads date words ("on Tuesday", "last July", "earlier this month", "April 10", "October 2023")
and a reference publication date; adds DateRef records with a precision (day, month, year)
and the words they came from. Relative expressions are resolved by rules of our own;
dateparser reads free-form manifest dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from geopol.records import DateRef

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTH_RE = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR_RE = r"(?P<year>(?:19|20)\d\d)"
WEEKDAY_RE = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
SEASON_RE = r"(?:spring|summer|autumn|fall|winter|end|beginning|start|first half|second half|middle)"
PART_RE = r"(?P<part>[Ee]arly|[Mm]id|[Ll]ate|[Ee]arlier|[Ll]ater)"

# (kind, regex) in order of preference; the first match at a position wins.
EXPRESSIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("month_day_year", rf"\b{MONTH_RE} {DAY_RE},? {YEAR_RE}\b"),
        ("day_month_year", rf"\b{DAY_RE} (?:of )?{MONTH_RE},? {YEAR_RE}\b"),
        ("month_year", rf"\b(?:(?:{PART_RE})[- ])?{MONTH_RE},? {YEAR_RE}\b"),
        ("month_day", rf"\b{MONTH_RE} {DAY_RE}\b(?!,? (?:19|20)\d\d)(?![\d%])"),
        ("day_month", rf"\b{DAY_RE} {MONTH_RE}\b(?!,? (?:19|20)\d\d)"),
        ("weekday", rf"\b{WEEKDAY_RE}(?: (?:morning|afternoon|evening|night))?\b"),
        ("month_relative_year", rf"\b{MONTH_RE},? (?P<rel>last|this|next) year\b"),
        ("relative_month", r"(?i)\b(?P<rel>last|this|earlier this|earlier in the|late last|early last|next) month\b"),
        ("relative_week", r"(?i)\b(?P<rel>last|this|earlier this|next) week\b"),
        ("relative_year", r"(?i)\b(?P<rel>last|this|earlier this|next) year\b"),
        ("relative_day", r"\b(?P<rel>yesterday|today|last night)\b"),
        ("named_month", rf"\b(?:(?:[Ii]n|[Ll]ast|[Tt]his|[Ss]ince|[Bb]y|[Uu]ntil|[Oo]f) )?(?:(?:{PART_RE})[- ])?{MONTH_RE}\b"),
        ("year", rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|of|[Dd]uring|[Uu]ntil) (?:(?:early|late|mid)[ -]|the {SEASON_RE} of )?{YEAR_RE}\b"),
    )
)
# "Niamey, May 15 (RHC)--": the place and date a wire story was filed, not an event's date.
DATELINE = re.compile(
    rf"^\W*(?P<place>[A-Z][A-Za-z .'’-]{{1,40}}?),?\s+{MONTH_RE}\s+{DAY_RE}(?:,?\s+{YEAR_RE})?"
    r"\s*(?:\([^)]{1,30}\))?\s*(?:-|–|—|--)"
)
# A month or year after these words is when something started, not when the event happened.
NOT_EVENT_DATE = re.compile(r"(?:since|until|by|for|of)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class PartialDate:
    value: date
    precision: str  # day | month | year


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into the sentence
    end: int
    text: str
    kind: str
    groups: tuple[tuple[str, str], ...]


def parse_partial_date(text: str) -> PartialDate | None:
    """ "2024", "2024-03", "2024-03-27" or free text ("27 March 2024") -> PartialDate."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return PartialDate(date(int(text), 1, 1), "year")
        if re.fullmatch(r"\d{4}-\d{1,2}", text):
            year, month = map(int, text.split("-"))
            return PartialDate(date(year, month, 1), "month")
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            return PartialDate(date(*map(int, text.split("-"))), "day")
    except ValueError:
        return None
    return free_text_date(text)


@lru_cache(maxsize=512)
def free_text_date(text: str) -> PartialDate | None:
    import dateparser  # slow to import; only free-text manifest dates need it

    if not re.search(r"\d", text):
        return None
    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year", "month", "day"]}
    )
    return PartialDate(parsed.date(), "day") if parsed else None


ABSOLUTE_KINDS = ("iso", "month_day_year", "day_month_year", "month_year", "year")


def latest_absolute(text: str) -> date | None:
    """The latest date a text writes out with its year ("in August 2022", "3 May 2024")."""
    found = [resolve(m, None) for m in find_dates(text) if m.kind in ABSOLUTE_KINDS]
    values = [f.value for f in found if f is not None]
    return max(values) if values else None


def find_dates(sentence: str) -> list[DateMention]:
    """Every date expression in a sentence, longest first at each position, no overlaps."""
    found: list[DateMention] = []
    taken: set[int] = set()
    for kind, pattern in EXPRESSIONS:
        for match in pattern.finditer(sentence):
            span = set(range(match.start(), match.end()))
            if span & taken or not plausible(sentence, match, kind):
                continue
            taken |= span
            groups = tuple((k, v) for k, v in match.groupdict().items() if v)
            found.append(DateMention(match.start(), match.end(), match.group(0), kind, groups))
    return sorted(found, key=lambda m: m.start)


# nouns a month name can modify: "December elections", "a March summit"
NAMED_EVENT = re.compile(
    r"\s+(?:presidential\s+|general\s+|legislative\s+|parliamentary\s+)?"
    r"(?:elections?|polls?|votes?|ballots?|referendums?|summits?|coups?|talks|deadlines?|offensives?)\b"
)


def plausible(sentence: str, match: re.Match[str], kind: str) -> bool:
    before = sentence[: match.start()]
    after = sentence[match.end() :]
    name = match.groupdict().get("month") or match.groupdict().get("weekday") or "X"
    if name[:1].islower():
        return False
    if kind == "named_month":
        word = match.group("month").lower()
        if word in ("may", "mar", "jan") and not re.match(
            r"(?:in|last|this|since|by|until|of|early|mid|late)\b", match.group(0), re.I
        ):
            return False  # the verb "may", a name "Mar"
        if re.search(r"\bthe\s*$", before, re.I) and re.match(r"\s+[a-z]", after):
            return False  # "the July coup" names an event, it does not date this one
        if NAMED_EVENT.match(after) and match.group(0).startswith(match.group("month")):
            return False  # "before December elections": the date of another event, not "in March talks resumed"
    return True


def resolve(mention: DateMention, ref: PartialDate | None) -> DateRef | None:
    """Absolute date of a mention, against the publication date ref where it is relative."""
    g = dict(mention.groups)
    text = mention.text
    try:
        if mention.kind in ("iso", "month_day_year", "day_month_year"):
            return DateRef(date(int(g["year"]), month_number(g["month"]), int(g["day"])), "day", text)
        if mention.kind == "month_year":
            return DateRef(date(int(g["year"]), month_number(g["month"]), 1), "month", text)
        if mention.kind == "year":
            return DateRef(date(int(g["year"]), 1, 1), "year", text)
    except ValueError:
        return None
    if ref is None:
        return None
    if mention.kind in ("month_day", "day_month"):
        return month_day(month_number(g["month"]), int(g["day"]), ref, text)
    if mention.kind == "named_month":
        return named_month(month_number(g["month"]), ref, text)
    if mention.kind == "weekday":
        return weekday(WEEKDAYS[g["weekday"].lower()], ref, text)
    if mention.kind == "relative_day":
        days = 0 if g["rel"].lower() == "today" else 1
        return DateRef(ref.value - timedelta(days=days), ref.precision, text)
    if mention.kind == "relative_week":
        back = {"last": 7, "next": -7}.get(g["rel"].lower(), 0)
        return DateRef(ref.value - timedelta(days=back), "month" if ref.precision == "day" else ref.precision, text)
    if mention.kind == "relative_month":
        return relative_month(g["rel"].lower(), ref, text)
    if mention.kind == "month_relative_year":  # "in January last year"
        shift = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return DateRef(date(ref.value.year + shift, month_number(g["month"]), 1), "month", text)
    if mention.kind == "relative_year":
        shift = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return DateRef(date(ref.value.year + shift, 1, 1), "year", text)
    return None


def month_number(word: str) -> int:
    """The month of a name ("Sept.", "March") or of an ISO date's digits ("01")."""
    return int(word) if word.isdigit() else MONTHS[word.lower().rstrip(".")]


def month_day(month: int, day: int, ref: PartialDate, text: str) -> DateRef | None:
    """ "April 10" in a May 2024 article is 2024-04-10; in a January article, last year's."""
    year = ref.value.year
    try:
        value = date(year, month, day)
        if value > month_end(ref) + timedelta(days=1):
            value = date(year - 1, month, day)
    except ValueError:
        return None
    return DateRef(value, "day" if ref.precision != "year" else "year", text)


def named_month(month: int, ref: PartialDate, text: str) -> DateRef:
    """ "in January", "last July", "mid-March": the latest such month not after the reference."""
    year = ref.value.year
    if month > ref.value.month or (text.lower().startswith(("last ", "late last", "early last")) and month == ref.value.month):
        year -= 1
    return DateRef(date(year, month, 1), "month" if ref.precision != "year" else "year", text)


def weekday(target: int, ref: PartialDate, text: str) -> DateRef:
    """ "on Tuesday": the latest Tuesday on or before the reference day."""
    if ref.precision != "day":
        return DateRef(ref.value, ref.precision, text)
    back = (ref.value.weekday() - target) % 7
    return DateRef(ref.value - timedelta(days=back), "day", text)


def relative_month(rel: str, ref: PartialDate, text: str) -> DateRef:
    first = ref.value.replace(day=1)
    if rel.startswith(("last", "late last", "early last")):
        first = (first - timedelta(days=1)).replace(day=1)
    elif rel == "next":
        first = (first + timedelta(days=32)).replace(day=1)
    return DateRef(first, "month" if ref.precision != "year" else "year", text)


def month_end(ref: PartialDate) -> date:
    if ref.precision == "day":
        return ref.value
    if ref.precision == "month":
        return ref.value.replace(day=calendar.monthrange(ref.value.year, ref.value.month)[1])
    return ref.value.replace(month=12, day=31)


def ahead(mention: DateMention, ref: PartialDate | None) -> bool:
    """A date a promise looks forward to ("would withdraw in December" in a November story,
    "next week", "on Tuesday"), not one the promise was made on ("sought in mid-March")."""
    if ref is None:
        return False
    g = dict(mention.groups)
    if mention.kind in ("relative_week", "relative_month"):
        return g["rel"].lower() == "next"
    if mention.kind == "weekday":
        return True
    if mention.kind == "named_month":
        return month_number(g["month"]) > ref.value.month
    if mention.kind in ("month_day", "day_month"):
        return (month_number(g["month"]), int(g["day"])) > (ref.value.month, ref.value.day)
    return False


def event_date(
    sentence: str,
    clause: tuple[int, int],
    elsewhere: tuple[tuple[int, int], ...],
    ref: PartialDate | None,
    future: bool = False,
) -> tuple[DateRef | None, str]:
    """The date of an event: a date in its clause, else one in the other parts of the sentence
    that speak of the same time (elsewhere), else the publication date (basis "publication").
    A promise (future) is dated when it is made: "would withdraw in December" (in a November
    story) names when the withdrawal is due, not when it was promised.
    Returns the DateRef and the words it was read from."""
    mentions = [
        m
        for m in find_dates(sentence)
        if not NOT_EVENT_DATE.search(sentence[: m.start]) and not re.match(r"(?:since|until|by)\b", m.text, re.I)
    ]
    dateline = DATELINE.match(sentence)
    if dateline:
        mentions = [m for m in mentions if m.start >= dateline.end()]
    in_clause = [m for m in mentions if clause[0] <= m.start < clause[1] and not (future and ahead(m, ref))]
    nearby = [m for m in mentions if m not in in_clause and any(a <= m.start < b for a, b in elsewhere)]
    for mention in in_clause + nearby:
        resolved = resolve(mention, ref)
        if resolved is not None and (ref is None or resolved.value <= month_end(ref) + timedelta(days=1)):
            return resolved, mention.text
        if resolved is None and ref is None:
            return None, mention.text
    if ref is not None:
        return DateRef(ref.value, ref.precision, "", "publication"), ""
    return None, ""
