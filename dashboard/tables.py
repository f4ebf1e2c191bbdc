"""The event tables the pages share: one row per event with its evidence first, the sources
of the selected rows, and links to the article view that stay in this tab (and this session,
so an uploaded article is still there)."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import streamlit as st

from dashboard import data, queries
from dashboard.filters import QUAD_LABELS
from dashboard.safe import http_url, md
from dashboard.words import actors_cell, day, quantity, reads_as, review_mark

ARTICLE_PAGE = "views/article.py"


def article_query(article_id: object, event_id: object | None = None) -> dict[str, str]:
    """The article view's address keys for an event's report."""
    params = {"article": str(article_id)}
    if event_id:
        params["event"] = str(event_id)
    return params


def event_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The table's columns: the evidence (the sentence) right after who did what; links only
    for http(s) URLs; empty cells empty, never "None"."""
    one_sided = events["one_sided"] if "one_sided" in events else pd.Series([None] * len(events), index=events.index)
    review_status = events["review_status"] if "review_status" in events else pd.Series([None] * len(events), index=events.index)
    return pd.DataFrame(
        {
            "date": [day(d, p) for d, p in zip(events["date"], events["date_precision"], strict=True)],
            "actors": [actors_cell(a, o) for a, o in zip(events["actors"], one_sided, strict=True)],
            "category": events["event_type"].fillna(""),
            "sentence": events["sentence"].fillna(""),
            "reads as": [reads_as(w) for w in events["alignment"]],
            "quad class": [QUAD_LABELS.get(q, q) if isinstance(q, str) else "" for q in events["quad_class"]],
            "place": events["place"].fillna(""),
            "quantity": [quantity(q, u) for q, u in zip(events["quantity"], events["quantity_unit"], strict=True)],
            "review": [review_mark(s) for s in review_status],
            "sources": events["source_count"].fillna(0).astype(int),
            "original": [http_url(u) for u in events["source_url"]],
            "event_id": events["event_id"],
            "article_id": events["article_id"],
        }
    )


EVENT_COLUMNS = {
    "date": st.column_config.TextColumn(
        "Date", width=80, help="as precise as the article says: a day, a month (2023-12) or a year"
    ),
    "actors": st.column_config.TextColumn(
        "Actors", width=130, help="source → recipient; ? where the text names none (one-sided: not on the map)"
    ),
    "category": st.column_config.TextColumn("Category", width=100, help="PLOVER category; see the Glossary page"),
    "sentence": st.column_config.TextColumn("Sentence (the evidence)", width="large"),
    "reads as": st.column_config.TextColumn("Reads as", width=95, help="alignment weight of the event (data/alignment.csv)"),
    "quad class": st.column_config.TextColumn("Quad class", width=125, help="PLOVER quad class"),
    "place": st.column_config.TextColumn("Place", width=110),
    "quantity": st.column_config.TextColumn("Quantity", width=90),
    "review": st.column_config.TextColumn("Review", width=90, help="an analyst's verdict: confirmed, corrected or added"),
    "sources": st.column_config.NumberColumn("Sources", help="articles reporting the event", width=65),
    "original": st.column_config.LinkColumn("Original", display_text="open ↗", width=70),
    "event_id": None,
    "article_id": None,
}


def show_events(events: pd.DataFrame, key: str, height: int | Literal["auto"] = "auto") -> list[str]:
    """The event table; returns the event ids of the rows the user selected."""
    frame = event_frame(events)
    state = st.dataframe(
        frame,
        column_config=EVENT_COLUMNS,
        hide_index=True,
        key=key,
        on_select="rerun",
        selection_mode="multi-row",
        height=height,
        width="stretch",
        placeholder="",
    )
    rows = state.selection.rows if state is not None and hasattr(state, "selection") else []
    return [str(frame["event_id"].iloc[i]) for i in rows if i < len(frame)]


def table_height(rows: int, most: int = 640, row: int = 35) -> int:
    return min(40 + row * max(rows, 1), most)


def show_sources(view: data.View, event_ids: list[str]) -> None:
    """Every report of the selected events: where it comes from, the whole sentence, and links
    to the article view (in this tab and session, so an uploaded article is still there) and
    to the original (http(s) only)."""
    reports = queries.sources(view, event_ids).drop_duplicates(["event_id", "article_id", "sentence_index"])
    for r in reports.head(MAX_REPORTS).to_dict("records"):
        with st.container(border=True):
            when = day(r["published"]) if r["published"] is not None and not pd.isna(r["published"]) else "no date"
            where = (str(r["outlet"] or ""), str(r["title"] or "untitled"), when, str(r["event_id"]))
            st.caption(md(" · ".join(p for p in where if p)))
            st.markdown(md(r["sentence"] or ""))
            with st.container(horizontal=True, gap="small"):
                st.page_link(
                    ARTICLE_PAGE,
                    label="Read it highlighted",
                    icon=":material/article:",
                    query_params=article_query(r["article_id"], r["event_id"]),
                )
                url = http_url(r["source_url"])
                if url:
                    st.link_button("Original ↗", url, type="tertiary")
    if len(reports) > MAX_REPORTS:
        st.caption(f"The first {MAX_REPORTS} of {len(reports)} reports are shown; select fewer rows to read the others.")


MAX_REPORTS = 12
