"""The catalogue of coded warnings and errors shown by the CLI, the app and the tests."""

from __future__ import annotations

from dataclasses import dataclass

MESSAGES: dict[str, str] = {
    # Input files: the file is skipped, the build goes on.
    "W001": "skipped {subject}: the file is empty",
    "W002": "skipped {subject}: binary content, not text ({detail})",
    "W003": "skipped {subject}: cannot decode the text ({detail})",
    "W004": "skipped {subject}: larger than the {detail} limit",
    "W005": "skipped {subject}: no article text left after removing page furniture",
    "W006": "skipped {subject}: unsupported file type {detail}",
    "W007": "skipped {subject}: it links outside the corpus folder",
    "W008": "skipped {subject}: cannot read the file ({detail})",
    # Manifest rows: the row or the field is ignored, the build goes on.
    "W101": "sources.csv line {subject}: file {detail} does not exist; row ignored",
    "W102": "sources.csv line {subject}: cannot read date {detail!r}; date left empty",
    "W103": "sources.csv line {subject}: id {detail} is used twice; later row ignored",
    "W104": "sources.csv line {subject}: url {detail!r} is not an http(s) address; link dropped",
    "W105": "sources.csv line {subject}: date {detail} lies in the future; date left empty",
    "W106": "sources.csv: missing column(s) {detail}; those fields stay empty",
    "W107": "sources.csv: unknown column(s) {detail} ignored",
    "W108": "sources.csv: cannot read the manifest ({detail}); every file is taken without metadata",
    "W109": "sources.csv line {subject}: no file given; row ignored",
    # Dictionaries and store: the build stops, the last good store is kept.
    "E001": "{subject}: {detail}",
    "E002": "another build holds the lock on {subject}; try again when it has finished",
    "E003": "build failed ({detail}); the previous store {subject} is unchanged",
    "E004": "cannot open the store {subject}: {detail}",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """A coded warning or error about one file, row or dictionary line."""

    code: str
    subject: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.code} " + MESSAGES[self.code].format(subject=self.subject, detail=self.detail)

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")


class DictionaryError(ValueError):
    """A dictionary file has a bad row; message is file:line: what is wrong."""

    def __init__(self, location: str, detail: str) -> None:
        self.problem = Problem("E001", location, detail)
        super().__init__(str(self.problem))


class StoreError(RuntimeError):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))
