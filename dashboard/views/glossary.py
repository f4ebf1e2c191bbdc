"""Glossary: the PLOVER event categories in words, with their quad class, PLOVER score and the
alignment weights the maps use (data/glossary.csv, data/alignment.csv)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import alignment, glossary
from dashboard.filters import QUAD_LABELS
from geopol.records import CATEGORIES

st.caption(
    "Every event is one of the 19 categories of PLOVER (the Political Language Ontology for Verifiable Event "
    "Records). Its quad class and score are PLOVER's; the alignment weight is this dashboard's own reading of what "
    "an event means for a partnership (a withdrawal of forces is a rupture, though PLOVER files it under "
    "cooperation). Both tables are data files an analyst can read and extend."
)
entries = glossary.glossary()
weights = alignment.load_weights()
by_category: dict[str, list[alignment.Weight]] = {}
for w in weights:
    by_category.setdefault(w.category, []).append(w)


def weight_words(category: str) -> str:
    rows = sorted(by_category.get(category, []), key=lambda w: (w.mode != "", w.mode))
    return "; ".join(f"{w.weight:+g} {w.mode or 'default'}" for w in rows).replace("-", "−")


table = pd.DataFrame(
    {
        "category": list(CATEGORIES),
        "in words": [entries[c].label for c in CATEGORIES],
        "covers": [entries[c].covers for c in CATEGORIES],
        "cues": [entries[c].cues.replace(";", ",") for c in CATEGORIES],
        "quad class": [QUAD_LABELS[q] for q, _ in CATEGORIES.values()],
        "PLOVER score": [s for _, s in CATEGORIES.values()],
        "alignment": [weight_words(c) for c in CATEGORIES],
    }
)
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    height=40 + 54 * len(table),
    row_height=54,
    placeholder="unscored",
    column_config={
        "category": st.column_config.TextColumn("Category", width=105, pinned=True),
        "in words": st.column_config.TextColumn("In words", width=140),
        "covers": st.column_config.TextColumn("What it covers", width="large"),
        "cues": st.column_config.TextColumn("Typical words", width="medium"),
        "quad class": st.column_config.TextColumn("Quad class", width=140),
        "PLOVER score": st.column_config.NumberColumn("PLOVER score", format="%+.1f", width=95),
        "alignment": st.column_config.TextColumn("Alignment weight by mode", width="medium"),
    },
)
st.subheader("How alignment is read", anchor=False)
rows = pd.DataFrame(
    {
        "category": [w.category for w in weights],
        "mode": [w.mode or "any other" for w in weights],
        "weight": [w.weight for w in weights],
        "why": [w.why for w in weights],
    }
)
st.dataframe(
    rows,
    hide_index=True,
    width="stretch",
    column_config={
        "weight": st.column_config.NumberColumn("Weight", format="%+g", width=70),
        "why": st.column_config.TextColumn("Why", width="large"),
    },
)
st.caption(
    "A tie's alignment is the sum of its events' weights; the map colours it by the mean weight per event "
    "(±5 is full blue or red). Edit data/alignment.csv to change a weight or add a mode."
)
