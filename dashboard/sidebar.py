"""The filter sidebar shared by every page, and its mirror in the URL's query string.

Reads the URL once per session to seed the widgets (a shared link opens filtered, and says
which of its values it could not use), builds a Filters object from the widgets on every run,
and writes it back to st.query_params. The dates follow the data: a range the user never
narrowed grows when an upload brings earlier or later events.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

import streamlit as st

from dashboard import glossary, queries
from dashboard.filters import LIST_KEYS, QUAD_LABELS, QUERY_KEYS, Filters, parse_date
from dashboard.safe import md

# Keys a page owns, kept beside the filters in the URL: the article view's and the timeline's.
PAGE_KEYS = frozenset({"article", "event", "pair", "period", "months", "until"})
WIDGET_KEYS = ("f_dates", "f_undated", "f_sources", "f_text", *(f"f_{name}" for name in LIST_KEYS.values()))


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


def resolve(values: Sequence[str], offered: Sequence[str], names: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Values of a link that the data offers: codes as they are, names ("Niger") as their code,
    case-blind. Returns (kept, not found)."""
    by_word = {o.lower(): o for o in offered} | {str(n).lower(): c for c, n in names.items() if c in offered}
    kept, missing = [], []
    for value in values:
        found = by_word.get(value.strip().lower())
        (kept.append(found) if found else missing.append(value))
    return list(dict.fromkeys(kept)), missing


def link_notes(query: Mapping[str, list[str]], opts: queries.Options, names: Mapping[str, str]) -> tuple[dict, list[str]]:
    """The widgets' starting values from a link, and a note for each value that could not be used."""
    given = Filters.from_query(query)
    values: dict[str, object] = {}
    notes: list[str] = []
    for key, name in LIST_KEYS.items():
        kept, missing = resolve(getattr(given, name), choices(opts)[name], names)
        values[f"f_{name}"] = kept
        notes += [f"{key}={m}: no event has it" for m in missing]
    for key in ("from", "to"):
        raw = (query.get(key) or [""])[-1]
        if raw and parse_date(raw) is None:
            notes.append(f"{key}={raw}: not a date (write YYYY-MM-DD)")
    first, last = opts.first or date.today(), opts.last or date.today()
    start = min(max(given.start or first, first), last)
    end = max(min(given.end or last, last), start)
    for key, asked, used in (("from", given.start, start), ("to", given.end, end)):
        if asked and asked != used:
            notes.append(
                f"{key}={asked.isoformat()}: the events run from {first.isoformat()} to {last.isoformat()}; "
                f"{used.isoformat()} used"
            )
    raw_sources = (query.get("sources") or [""])[-1]
    if raw_sources and not raw_sources.isdigit():
        notes.append(f"sources={raw_sources}: not a number")
    values.update(
        f_dates=(start, end),
        f_undated=given.undated,
        f_sources=min(given.min_sources, max(1, opts.max_sources)),
        f_text=given.text,
    )
    return values, notes


def seed_widgets(opts: queries.Options, names: Mapping[str, str]) -> None:
    """On a session's first run, the URL's filters become the widgets' starting values."""
    if st.session_state.get("f_seeded"):
        return
    query = {k: st.query_params.get_all(k) for k in QUERY_KEYS}
    values, notes = link_notes(query, opts, names)
    st.session_state.update(values)
    st.session_state["f_link_notes"] = notes
    st.session_state["f_bounds"] = (opts.first, opts.last)
    st.session_state["f_seeded"] = True


def follow_bounds(opts: queries.Options) -> None:
    """When the data's first or last date moves (an upload), an end of the range the user left
    at the old bound moves with it, so new events are not hidden by a filter nobody set."""
    old_first, old_last = st.session_state.get("f_bounds") or (opts.first, opts.last)
    st.session_state["f_bounds"] = (opts.first, opts.last)
    picked = st.session_state.get("f_dates")
    if not opts.first or not opts.last or not isinstance(picked, tuple | list) or len(picked) != 2:
        return
    start, end = picked
    start = opts.first if start == old_first else min(max(start, opts.first), opts.last)
    end = opts.last if end == old_last else max(min(end, opts.last), start)
    st.session_state["f_dates"] = (start, end)


def clear_filters(opts: queries.Options) -> None:
    """Every widget back to "all events", and the URL with it (it would seed them again)."""
    for key in WIDGET_KEYS:
        st.session_state.pop(key, None)
    st.session_state.update(f_undated=True, f_sources=1, f_text="")  # the defaults, not the widgets' own
    if opts.first and opts.last:
        st.session_state["f_dates"] = (opts.first, opts.last)
    st.session_state["f_link_notes"] = []
    for key in QUERY_KEYS:
        if key in st.query_params:
            del st.query_params[key]


def labeller(names: Mapping[str, str]) -> Callable[[str], str]:
    def actor_name(code: str) -> str:
        return f"{code} · {names.get(code, code)}"

    return actor_name


def filter_sidebar(opts: queries.Options, names: Mapping[str, str]) -> Filters:
    """names: code -> name of every actor and state, for the labels."""
    seed_widgets(opts, names)
    follow_bounds(opts)
    actor_name = labeller(names)
    with st.sidebar:
        st.subheader("Filters")
        st.caption("They apply to every page, and the address bar keeps them: copy it to share this view.")
        for note in st.session_state.get("f_link_notes") or []:
            st.warning(md(f"Not used from the link: {note}."), icon=":material/link_off:")
        dates: object = ()
        if opts.first and opts.last:
            dates = st.date_input("Dates", min_value=opts.first, max_value=opts.last, key="f_dates", format="YYYY-MM-DD")
        st.checkbox("Include undated events", key="f_undated", help="Events whose date the articles do not give.")
        st.multiselect("Source actor", opts.sources, key="f_actors", format_func=actor_name, placeholder="any")
        st.multiselect("Recipient", opts.recipients, key="f_recipients", format_func=actor_name, placeholder="any")
        st.multiselect(
            "Country (where it happened)", opts.countries, key="f_countries", format_func=actor_name, placeholder="any"
        )
        st.multiselect(
            "Category",
            opts.categories,
            key="f_categories",
            format_func=glossary.category_label,
            placeholder="any",
            help="PLOVER event categories; the Glossary page says what each covers.",
        )
        st.multiselect("Quad class", opts.quads, key="f_quads", format_func=lambda q: QUAD_LABELS.get(q, q), placeholder="any")
        st.multiselect("Place", opts.places, key="f_places", placeholder="any")
        st.multiselect("Outlet", opts.outlets, key="f_outlets", placeholder="any")
        if opts.max_sources > 1:
            st.slider("Reported by at least this many articles", 1, opts.max_sources, key="f_sources")
        st.text_input("Search the sentences", key="f_text", max_chars=200, placeholder="words in the sentence, title or place")
        st.button("Clear filters", on_click=clear_filters, args=(opts,), width="stretch")
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
    """Mirror the filters in the URL, leaving the pages' own keys (article, event, pair ...) alone."""
    wanted = filters.to_query()
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    target: dict[str, str | list[str]] = {k: v for k, v in current.items() if k in PAGE_KEYS}
    target.update(wanted)
    normal = {k: v if isinstance(v, list) else [v] for k, v in target.items()}
    if normal != current:
        st.query_params.from_dict(normal)
