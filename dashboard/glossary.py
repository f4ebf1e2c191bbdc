"""The event categories in words: data/glossary.csv, with each category's quad class and PLOVER
score (geopol.records) and its alignment weights (data/alignment.csv), for the Glossary page
and the labels of the category filter."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from geopol import paths
from geopol.dictionaries import read_rows
from geopol.problems import DictionaryError
from geopol.records import CATEGORIES

GLOSSARY_CSV = paths.DATA_DIR / "glossary.csv"


@dataclass(frozen=True)
class Entry:
    category: str
    label: str
    covers: str
    cues: str


def load_glossary(path: Path = GLOSSARY_CSV) -> dict[str, Entry]:
    """category -> entry, validated: every PLOVER category once, no other."""
    entries: dict[str, Entry] = {}
    for where, row in read_rows(path, ["category", "label", "covers", "cues"]):
        if row["category"] not in CATEGORIES:
            raise DictionaryError(where, f"category {row['category']!r} is not a PLOVER category of the codebook")
        if row["category"] in entries:
            raise DictionaryError(where, f"category {row['category']} has a row already")
        entries[row["category"]] = Entry(row["category"], row["label"], row["covers"], row["cues"])
    missing = sorted(set(CATEGORIES) - set(entries))
    if missing:
        raise DictionaryError(f"{path.parent.name}/{path.name}", f"no row for {', '.join(missing)}")
    return entries


@functools.cache
def glossary() -> dict[str, Entry]:
    return load_glossary()


def category_label(category: str) -> str:
    """ "CONSULT · meet, visit or call" for the filter list."""
    entry = glossary().get(category)
    return f"{category} · {entry.label}" if entry else category
