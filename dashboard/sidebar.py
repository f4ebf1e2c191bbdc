"""The filter sidebar shared by every page, and its mirror in the URL's query string.

Reads the URL once per session to seed the widgets (a shared link opens filtered), builds a
Filters object from the widgets on every run, and writes it back to st.query_params.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import queries
from dashboard.filters import LIST_KEYS, QUERY_KEYS, Filters

PAGE_KEYS = frozenset({"article", "event"})  # owned by the article page, kept beside the filters


def choices(opts: queries.Options) -> dict[str, tuple[str, ...]]:
    return {
        "actors": opts.sources,
        "recipients": opts.recipients,
        "countries": opts.countries,
        "categories": opts.categories,
        "quads": opts.quads,
        "places": opts.places,
        "outlets": opts.outlets,
    }


def seed_widgets(opts: queries.Options) -> None:
    """On a session's first run, the URL's filters become the widgets' starting values."""
    if st.session_state.get("f_seeded"):
        return
    query = {k: st.query_params.get_all(k) for k in QUERY_KEYS}
    given = Filters.from_query(query)
    for name, offered in choices(opts).items():
        st.session_state[f"f_{name}"] = [v for v in getattr(given, name) if v in offered]
    first, last = opts.first or date.today(), opts.last or date.today()
    start = min(max(given.start or first, first), last)
    end = max(min(given.end or last, last), start)
    st.session_state["f_dates"] = (start, end)
    st.session_state["f_undated"] = given.undated
    st.session_state["f_sources"] = min(given.min_sources, max(1, opts.max_sources))
    st.session_state["f_text"] = given.text
    st.session_state["f_seeded"] = True


def clear_filters() -> None:
    for key in [k for k in st.session_state if str(k).startswith("f_")]:
        del st.session_state[key]


def filter_sidebar(opts: queries.Options) -> Filters:
    seed_widgets(opts)
    names = opts.actors

    def actor_name(code: str) -> str:
        return f"{code} · {names.get(code, code)}"

    with st.sidebar:
        st.subheader("Filters")
        st.caption("They apply to every page, and the address bar keeps them: copy it to share this view.")
        dates = ()
        if opts.first and opts.last:
            dates = st.date_input("Dates", min_value=opts.first, max_value=opts.last, key="f_dates", format="YYYY-MM-DD")
        st.checkbox("Include undated events", key="f_undated", help="Events whose date the articles do not give.")
        st.multiselect("Source actor", opts.sources, key="f_actors", format_func=actor_name, placeholder="any")
        st.multiselect("Recipient", opts.recipients, key="f_recipients", format_func=actor_name, placeholder="any")
        st.multiselect("Country (where it happened)", opts.countries, key="f_countries", placeholder="any")
        st.multiselect("Category", opts.categories, key="f_categories", placeholder="any")
        st.multiselect("Quad class", opts.quads, key="f_quads", placeholder="any")
        st.multiselect("Place", opts.places, key="f_places", placeholder="any")
        st.multiselect("Outlet", opts.outlets, key="f_outlets", placeholder="any")
        if opts.max_sources > 1:
            st.slider("Reported by at least this many articles", 1, opts.max_sources, key="f_sources")
        st.text_input("Search the sentences", key="f_text", max_chars=200, placeholder="words in the sentence, title or place")
        st.button("Clear filters", on_click=clear_filters, width="stretch")
    start, end = date_range(dates, opts)
    return Filters(
        start=start,
        end=end,
        undated=bool(st.session_state.get("f_undated", True)),
        min_sources=int(st.session_state.get("f_sources", 1)) if opts.max_sources > 1 else 1,
        text=str(st.session_state.get("f_text") or ""),
        **{name: tuple(st.session_state.get(f"f_{name}") or ()) for name in LIST_KEYS.values()},
    )


def date_range(value: object, opts: queries.Options) -> tuple[date | None, date | None]:
    """The picked range, with the data's own bounds meaning "no limit"; half a range (while
    the user is still picking) counts from its start."""
    picked = tuple(value) if isinstance(value, tuple | list) else ()
    start = picked[0] if picked else None
    end = picked[1] if len(picked) > 1 else None
    return (None if start == opts.first else start), (None if end in (opts.last, None) else end)


def sync_query(filters: Filters) -> None:
    """Mirror the filters in the URL, leaving the page's own keys (article, event) alone."""
    wanted = filters.to_query()
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    target = {k: v for k, v in current.items() if k in PAGE_KEYS}
    target.update(wanted)
    normal = {k: v if isinstance(v, list) else [v] for k, v in target.items()}
    if normal != current:
        st.query_params.from_dict(normal)
