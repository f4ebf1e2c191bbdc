"""The catalogue of coded warnings and errors shown by the CLI, the app and the tests.

Codes say what happened: I... a note (the input was used, here is how), W0.. an input file
was skipped, W1.. a manifest row or field was ignored, W2.. an analyst's review was not applied,
E... the build stopped and the last good store was kept.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MAX_DETAIL = 160  # characters of a file's or row's own words quoted in a message

MESSAGES: dict[str, str] = {
    # Notes: the input was used as described.
    "I001": "{subject}: read as {detail} text",
    "I002": "{subject}: removed {detail}",
    "I003": "{subject}: no row in sources.csv; id, title and date are taken from the file itself",
    "I004": "{subject}: stored as article {detail} (an id holds only letters, digits, '-', '_', '.' and is unique)",
    # Input files: the file is skipped, the build goes on.
    "W001": "skipped {subject}: the file is empty",
    "W002": "skipped {subject}: binary content, not text ({detail})",
    "W003": "skipped {subject}: cannot decode the text ({detail})",
    "W004": "skipped {subject}: too large ({detail})",
    "W005": "skipped {subject}: no article text left after removing page furniture, scripts and styles",
    "W006": "skipped {subject}: unsupported file type {detail} (articles are .txt, .md or .html)",
    "W007": "skipped {subject}: it links outside the corpus folder",
    "W008": "skipped {subject}: cannot read the file ({detail})",
    "W009": "skipped {subject}: the file holds only white space",
    "W010": "skipped {subject}: {detail}; only files directly inside the corpus folder are read",
    "W011": "skipped {subject}: hidden file (its name starts with a dot)",
    "W012": "skipped {subject}: the article text is too long ({detail}); split it into articles",
    "W013": "skipped {subject}: cannot extract the article text ({detail})",
    # Manifest rows: the row or the field is ignored, the build goes on.
    "W101": "sources.csv line {subject}: file '{detail}' does not exist in the corpus folder; row ignored",
    "W102": "sources.csv line {subject}: cannot read date '{detail}'; date left empty",
    "W103": "sources.csv line {subject}: id {detail} is used twice; later row ignored",
    "W104": "sources.csv line {subject}: url '{detail}' is not an http(s) address; link dropped",
    "W105": "sources.csv line {subject}: date {detail} lies in the future; date left empty",
    "W106": "sources.csv: missing column(s) {detail}; those fields stay empty",
    "W107": "sources.csv: unknown or repeated column(s) {detail} ignored",
    "W108": "sources.csv: cannot read the manifest ({detail}); every file is taken without metadata",
    "W109": "sources.csv line {subject}: no file given; row ignored",
    "W110": "sources.csv line {subject}: file {detail} already has a row; later row ignored",
    "W111": "sources.csv line {subject}: id '{detail}' is not letters, digits, '-', '_' and '.'; id from the file name used",
    "W112": "sources.csv line {subject}: {detail}; row ignored (quote values that hold commas)",
    "W113": "{subject}: front matter url '{detail}' is not an http(s) address; link dropped",
    "W114": "{subject}: cannot read front matter date '{detail}'; date left empty",
    "W115": "{subject}: front matter date {detail} lies in the future; date left empty",
    # Analysts' reviews: the line or the review is not applied, the build goes on.
    "W201": "reviews {subject}: {detail}; line ignored",
    "W202": "review {subject} no longer finds its sentence ({detail}): the article was edited or removed; review the event again",
    # Dictionaries, corpus and store: the build stops, the last good store is kept.
    "E001": "{subject}: {detail}",
    "E002": "another build holds the lock on {subject}; try again when it has finished",
    "E003": "build failed ({detail}); the previous store {subject} is unchanged",
    "E004": "cannot open the store {subject}: {detail}",
    "E005": "build stopped by an unexpected error ({detail}); the previous store {subject} is unchanged",
    "E006": "the corpus folder {subject} does not exist; the previous store is unchanged",
    "E007": "no article could be read from {subject}; the previous store is unchanged",
    "E008": "{subject} codes with other dictionaries, another model or another geopol than this machine; "
    "install the same on every worker (the previous store is unchanged)",
}

# Characters a terminal or a log viewer would act on instead of showing: controls, line and
# paragraph separators, bidirectional overrides, and the lone surrogates of undecodable names.
UNPRINTABLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def printable(text: str, limit: int | None = None) -> str:
    """text with every unprintable character written as an escape, so a message is one line
    and a file name cannot move the cursor, recolour the terminal or forge another line."""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join(
        c.encode("unicode_escape").decode("ascii") if c != " " and unicodedata.category(c) in UNPRINTABLE_CATEGORIES else c
        for c in text
    )


@dataclass(frozen=True, slots=True)
class Problem:
    """A coded note, warning or error about one file, row or dictionary line."""

    code: str
    subject: str
    detail: str = ""

    def __str__(self) -> str:
        message = MESSAGES[self.code].format(subject=printable(self.subject), detail=printable(self.detail, MAX_DETAIL))
        return f"{self.code} {message}"

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")

    @property
    def is_note(self) -> bool:
        return self.code.startswith("I")

    @property
    def skips_file(self) -> bool:
        """An input file was left out of the build (W001-W099)."""
        return self.code.startswith("W0")

    @property
    def ignores_row(self) -> bool:
        """A whole manifest row was left out (its file is still read, without that metadata)."""
        return self.code in ("W101", "W103", "W109", "W110", "W112")


class DictionaryError(ValueError):
    """A dictionary file has a bad row; message is file:line: what is wrong."""

    def __init__(self, location: str, detail: str) -> None:
        self.problem = Problem("E001", location, detail)
        super().__init__(str(self.problem))


class StoreError(RuntimeError):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))
