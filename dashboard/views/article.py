"""Article view: the clean text with every coded sentence highlighted, its events beside it,
and an upload box that codes a new article for this session only."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import article_html, merge, queries, review_ui, ui, uploads
from dashboard.data import View
from dashboard.safe import http_url, md
from dashboard.uploads import Uploads, merged, normalize_upload
from dashboard.words import day, plural, published, review_mark

LISTED = 200  # articles offered at once: a store can hold hundreds of thousands
ctx = ui.context()
view = ctx.view


def add_upload(coded: uploads.Coded) -> None:
    """Add the coded article to this session's uploads: every upload normalized together, then
    corroborated with the store (an event it shares becomes one more source of that event)."""
    current: Uploads | None = st.session_state.get("uploads")
    raw = merged(current.raw, coded.tables or {}) if current else dict(coded.tables or {})
    tables = merge.corroborate(View(view.store), normalize_upload(raw, ui.countries_frame))
    ids = (*current.article_ids, coded.article_id) if current else (coded.article_id,)
    digests = (*current.digests, coded.digest) if current else (coded.digest,)
    st.session_state["uploads"] = Uploads(raw, tables, ids, digests)


with st.expander("Code your own article", expanded=False):
    file = st.file_uploader(
        "A news article as .txt, .md or .html (up to 1 MB). It is coded on the spot and added to your session only.",
        type=uploads.ACCEPTED,
        key="article_upload",
    )
    if file is not None:
        data = file.getvalue()
        done = st.session_state.setdefault("coded_uploads", {})
        digest = uploads.digest_of(data)
        if digest not in done:
            with st.spinner("Coding the article…"):
                coded = uploads.code_upload(file.name, data, ui.coder()) if not uploads.check(file.name, len(data)) else None
            if coded is None:
                done[digest] = ("error", uploads.check(file.name, len(data)), "")
            elif coded.tables is None:
                done[digest] = ("error", coded.message, "")
            else:
                add_upload(coded)
                done[digest] = ("ok", coded.message, coded.article_id)
                st.query_params["article"] = coded.article_id
                st.rerun()  # the sidebar and every page now include the new events
        status, message, _ = done[digest]
        (st.success if status == "ok" else st.error)(md(message))

wanted = st.query_params.get("article")
event_id = st.query_params.get("event")
if not wanted and event_id:
    wanted = queries.article_of_event(view, event_id)
if wanted and st.session_state.get("article_from_url") != (wanted, event_id):
    st.session_state["article_from_url"] = (wanted, event_id)
    st.session_state["article_choice"] = wanted
words = st.text_input("Find an article", key="article_search", placeholder="words of its title, or its id", max_chars=200)
listing, matching = queries.articles(view, words, LISTED, also=st.session_state.get("article_choice"))
if listing.empty:
    st.info("No article matches these words." if words.strip() else "The store holds no articles yet.")
    st.stop()
ids = listing["article_id"].astype(str).tolist()
titles = dict(zip(ids, listing["title"].fillna("").astype(str), strict=True))
if st.session_state.get("article_choice") not in ids:
    st.session_state["article_choice"] = ids[0]
if matching > len(ids):
    st.caption(f"The latest {LISTED} of {matching:,} articles are listed; type words of a title to find the others.")


def on_choice() -> None:
    st.query_params["article"] = st.session_state["article_choice"]
    if "event" in st.query_params:
        del st.query_params["event"]


choice = st.selectbox(
    "Article",
    ids,
    key="article_choice",
    on_change=on_choice,
    format_func=lambda a: f"{a} · {titles.get(a) or 'untitled'}",
)
if choice != wanted:
    event_id = None

article = queries.article(view, choice) or {}
reports = queries.article_reports(view, choice)
text = str(article.get("text") or "")
marks = article_html.marks_for(text, reports.to_dict("records"), event_id)

meta = [str(article.get(k) or "") for k in ("outlet", "author")]
meta.append(published(article.get("published"), article.get("published_precision") or "day"))
st.subheader(md(article.get("title") or "Untitled"), anchor=False)
st.caption(md(" · ".join(m for m in meta if m) or "no metadata"))
url = http_url(article.get("url"))
if url:
    st.link_button("Original article ↗", url)


def review_section(article_id: str, text: str, reports: pd.DataFrame, outlined: str | None) -> None:
    """The review of one of the article's events (the outlined one first), the events analysts
    rejected, and the form that adds an event the coder missed."""
    ids = list(dict.fromkeys(reports["event_id"].astype(str)))
    gone = queries.rejected(view, article_id)
    if not gone.empty:
        listed = "; ".join(f"{r.event_type} ({r.event_id})" for r in gone.itertuples())
        st.caption(md(f"Rejected in review, off the maps and counts: {listed}"))
        ids += [i for i in gone["event_id"].astype(str) if i not in ids]
    if not ids:
        review_ui.message()
    else:
        labels = dict(zip(reports["event_id"].astype(str), reports["event_type"].astype(str), strict=True))
        labels |= dict(zip(gone["event_id"].astype(str), gone["event_type"].astype(str), strict=True))
        start = ids.index(outlined) if outlined in ids else 0
        picked = st.selectbox(
            "Review an event of this article",
            ids,
            index=start,
            key=f"review_pick_{article_id}_{outlined}",
            format_func=lambda i: f"{labels.get(i, '')} · {i}",
        )
        review_ui.event_panel(view, picked, key="article_review")
    starts = reports.loc[reports["event_id"] == outlined, "sentence_start"] if outlined else pd.Series(dtype=object)
    review_ui.add_panel(view, article_id, text, int(starts.iloc[0]) if len(starts) else None)


text_column, events_column = st.columns([5, 4])
with text_column:
    st.caption(
        f"{len(marks)} coded sentence{'s' if len(marks) != 1 else ''} highlighted, the cue in bold and the sentence's number"
        " in brackets. The sidebar filters do not apply here: an article shows all its events."
    )
    st.html(article_html.highlight(text, marks))
with events_column:
    st.markdown(f"**{plural(reports['event_id'].nunique(), 'event')} in this article**")
    if event_id and event_id in set(reports["event_id"]):
        st.caption(md(f"Event {event_id} is outlined in orange."))
    table = pd.DataFrame(
        {
            "sentence": reports["sentence_index"].astype("Int64") + 1,
            "category": reports["event_type"],
            "actors": reports["actors"],
            "date": [day(d, p) for d, p in zip(reports["date"], reports["date_precision"], strict=True)],
            "place": reports["place"],
            "sources": reports["source_count"],
            "review": [review_mark(r) for r in reports["review_status"]],
            "event_id": reports["event_id"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        placeholder="",
        height=min(38 + 35 * max(len(table), 1), 720),
        column_config={
            "sentence": st.column_config.NumberColumn("No.", help="the number in brackets in the text", width=45),
            "category": st.column_config.TextColumn("Category", width=100),
            "actors": st.column_config.TextColumn("Actors", width=130),
            "date": st.column_config.TextColumn("Date", width=90),
            "place": st.column_config.TextColumn("Place", width=100),
            "sources": st.column_config.NumberColumn("Sources", width=65),
            "review": st.column_config.TextColumn("Review", width=90),
            "event_id": st.column_config.TextColumn("Event", width=130),
        },
    )
    review_section(choice, text, reports, event_id)
