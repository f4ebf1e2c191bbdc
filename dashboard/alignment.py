"""Alignment: how much an event draws two actors together (+) or breaks them apart (-).

Reads data/alignment.csv (category, mode -> weight, why: its header says where the weights
come from); adds a weight to every event (the `alignment` column of the app's events) and the
words the pages use for a pair's balance. PLOVER's quad class and score stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geopol import paths
from geopol.dictionaries import read_rows
from geopol.problems import DictionaryError
from geopol.records import CATEGORIES

ALIGNMENT_CSV = paths.DATA_DIR / "alignment.csv"
LIMIT = 10.0  # weights run from -10 (open violence) to +10
FULL = 5.0  # a mean weight of +/-5 per event is full colour on the map
MIXED = 0.15  # balances closer to zero than this read as mixed


@dataclass(frozen=True)
class Weight:
    category: str
    mode: str  # "" = every other mode of the category
    weight: float
    why: str


def load_weights(path: Path = ALIGNMENT_CSV) -> list[Weight]:
    """Every row, validated; a bad row raises DictionaryError naming file:line."""
    found: dict[tuple[str, str], Weight] = {}
    for where, row in read_rows(path, ["category", "mode", "weight", "why"]):
        category, mode = row["category"], row["mode"]
        if category not in CATEGORIES:
            raise DictionaryError(where, f"category {category!r} is not a PLOVER category of the codebook")
        if mode and not mode.replace("-", "").replace("_", "").isalpha():
            raise DictionaryError(where, f"mode {mode!r} is not a lower-case word")
        try:
            weight = float(row["weight"])
        except ValueError:
            raise DictionaryError(where, f"weight {row['weight']!r} is not a number") from None
        if not -LIMIT <= weight <= LIMIT:
            raise DictionaryError(where, f"weight {weight:g} is outside -{LIMIT:g} to +{LIMIT:g}")
        if (category, mode) in found:
            raise DictionaryError(where, f"{category} with mode {mode or '(any)'} has a row already")
        found[(category, mode)] = Weight(category, mode, weight, row["why"])
    missing = sorted(c for c in CATEGORIES if (c, "") not in found)
    if missing:
        raise DictionaryError(f"{path.parent.name}/{path.name}", f"no row with an empty mode for {', '.join(missing)}")
    return list(found.values())


def weight_of(weights: list[Weight], category: str, mode: str | None) -> float:
    """The weight of one event: its category and mode's row, else its category's default row."""
    table = {(w.category, w.mode): w.weight for w in weights}
    return table.get((category, mode or ""), table.get((category, ""), 0.0))


def weights_frame(weights: list[Weight]) -> pd.DataFrame:
    """category, mode, weight: the table DuckDB joins the events to."""
    return pd.DataFrame(
        {
            "category": [w.category for w in weights],
            "mode": [w.mode for w in weights],
            "weight": [w.weight for w in weights],
        }
    )


def balance(total: float, events: int) -> float:
    """Mean weight per event, scaled to [-1, 1]: the colour of a tie or a country."""
    return 0.0 if events <= 0 else max(-1.0, min(1.0, total / events / FULL))


def reading(value: float) -> str:
    """A balance in words."""
    if value > MIXED:
        return "alignment"
    if value < -MIXED:
        return "rupture"
    return "mixed"
