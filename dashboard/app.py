"""Sahel relations dashboard. Run from the repository root: streamlit run dashboard/app.py

Builds the event store on first run, then shows the pages below with one filter sidebar
shared by all of them and mirrored in the URL.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # streamlit puts dashboard/ on the path, not the repository root
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

# "auto": the sidebar starts open on a wide screen and closed on a phone, where it would cover the page.
st.set_page_config(page_title="Sahel relations", page_icon="🌍", layout="wide", initial_sidebar_state="auto")

# Not "pages/": a folder of that name beside the entry point switches Streamlit to its older multipage mode.
VIEWS = Path(__file__).resolve().parent / "views"
navigation = st.navigation(
    [
        st.Page(VIEWS / "alliances.py", title="Alliances", icon=":material/hub:", default=True),
        st.Page(VIEWS / "changes.py", title="What changed", icon=":material/trending_up:", url_path="changes"),
        st.Page(VIEWS / "movements.py", title="Troop movements", icon=":material/flight_takeoff:", url_path="movements"),
        st.Page(VIEWS / "timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page(VIEWS / "events.py", title="Events", icon=":material/table_rows:", url_path="events"),
        st.Page(VIEWS / "article.py", title="Article view", icon=":material/article:", url_path="article"),
        st.Page(VIEWS / "glossary.py", title="Glossary", icon=":material/menu_book:", url_path="glossary"),
    ]
)

st.title(navigation.title)  # at once: the data loads (or is built) under it
# Headline figures a size smaller than Streamlit's, and smaller still on a phone, where five of
# them would otherwise fill the first screen.
st.html(
    """<style>
    [data-testid="stMetricValue"] { font-size: 1.9rem; }
    @media (max-width: 640px) {
        [data-testid="stMetricValue"] { font-size: 1.25rem; }
        [data-testid="stMetricLabel"] p { font-size: 0.8rem; }
        h1 { font-size: 1.9rem !important; padding-top: 0.5rem !important; }
    }
    </style>"""
)

from dashboard import review_ui, sidebar, ui  # noqa: E402  (after the title: its imports take most of a cold start)

view = ui.session_view()
options = ui.options(view, view.key)
names = ui.names(options)
filters = sidebar.filter_sidebar(options, names)
sidebar.sync_query(filters)
review_ui.sidebar()
st.session_state["context"] = ui.Context(view, filters, options, names)
navigation.run()
