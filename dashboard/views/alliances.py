"""Alliances: who is drawing closer to whom, month by month, and the sentences behind each tie.

Everything that follows the replay month (figures, map, ties, events) runs as one fragment,
so a replay step reruns only that part, and reads the month's figures from frames computed
once per set of filters. The play button steps through the months on a timer.
"""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from dashboard import aggregates, alignment, blocs, cached, queries, tables, ui
from dashboard.safe import md
from dashboard.words import plural

if TYPE_CHECKING:
    import folium

    from dashboard.maps import Layers

STEP_SECONDS = 1.2  # the play button's pace: time to read the map before it moves on
ctx = ui.context()
view, filters, names = ctx.view, ctx.filters, ctx.names
key = view.key

st.caption(md(f"Showing {filters.describe(names)}. Ties join two coded actors; one-sided events are listed on the Events page."))

figures = cached.month_figures(view, key, filters)
months = queries.months(figures)
steps = [d.date() for d in pd.date_range(months[0], months[-1], freq="MS")] if months else []
pair_months = cached.pair_months(view, key, filters)
everything = aggregates.dyads(pair_months)
busy = pd.concat([everything[["a", "events"]].rename(columns={"a": "c"}), everything[["b", "events"]].rename(columns={"b": "c"})])
ranked = busy.groupby("c")["events"].sum().sort_values(ascending=False, kind="stable").index.tolist()


def month_end(month: date) -> date:
    return (pd.Timestamp(month) + pd.offsets.MonthEnd(0)).date()


def replay_month() -> date | None:
    """The month the map stands at (None: the last, undated events included); while playing,
    each timed run moves it on by one."""
    if len(steps) < 2:
        return None
    if st.session_state.get("alliance_month") not in steps:
        st.session_state["alliance_month"] = steps[-1]
    due = time.monotonic() - st.session_state.get("alliance_stepped", 0.0) >= 0.8 * STEP_SECONDS  # a timed run, not a click
    if st.session_state.get("alliance_playing") and due:
        index = steps.index(st.session_state["alliance_month"])
        if index + 1 < len(steps):
            st.session_state["alliance_month"] = steps[index + 1]
            st.session_state["alliance_stepped"] = time.monotonic()
        if index + 2 >= len(steps):
            st.session_state["alliance_playing"] = False
    return None if st.session_state["alliance_month"] == steps[-1] else st.session_state["alliance_month"]


def toggle_play() -> None:
    playing = not st.session_state.get("alliance_playing")
    st.session_state["alliance_playing"] = playing
    st.session_state["alliance_stepped"] = time.monotonic()
    if playing and st.session_state.get("alliance_month") == steps[-1]:
        st.session_state["alliance_month"] = steps[0]  # play from the start


def show_headline(until: date | None) -> None:
    head = queries.headline(figures, until)
    span = f"{head.first:%b %Y} – {head.last:%b %Y}" if head.first and head.last else "no dates"
    with st.container(horizontal=True, gap="medium", key="headline"):
        for label, value in (
            ("Articles", f"{head.articles:,}"),
            ("Events", f"{head.events:,}"),
            ("Actors", f"{head.actors:,}"),
            ("Dates", span),
            ("Cooperative", f"{head.cooperative:.0%}" if head.cooperative is not None else "–"),
        ):
            st.metric(label, value, width="content")


def controls() -> tuple[str | None, str, list[str]]:
    """Focus actor, where the map opens, extra layers. The focus keeps its value through the
    replay: the choices are every actor with a tie under the filters, whatever the month."""
    if ranked and st.session_state.get("alliance_focus") not in ranked:
        st.session_state["alliance_focus"] = "NER" if "NER" in ranked else ranked[0]
    focus_column, around_column, layers_column = st.columns([2, 1.3, 2], vertical_alignment="bottom")
    focus = focus_column.selectbox(
        "Shade countries by their ties to",
        ranked or [None],
        key="alliance_focus",
        format_func=lambda c: f"{c} · {names.get(c, c)}" if c else "nobody",
    )
    around = around_column.segmented_control("Open the map on", ["Sahel", "all ties"], default="Sahel", key="alliance_around")
    layers = layers_column.pills(
        "Layers",
        ["events as points", "blocs"],
        selection_mode="multi",
        default=["events as points", "blocs"],
        key="alliance_layers",
    )
    return focus, "ties" if around == "all ties" else "sahel", list(layers or [])


def empty_note(until: date | None) -> str:
    """Why the map has no line, without blaming filters nobody set."""
    if filters.active:
        return "No ties between two coded actors match the filters" + (f" by the end of {until:%B %Y}." if until else ".")
    if until:
        return f"No ties between two coded actors yet by the end of {until:%B %Y}; move the slider on or press play."
    return "The store holds no events between two coded actors."


def draw_map(until: date | None, dyads: pd.DataFrame, focus: str | None, around: str, layers: list[str]) -> dict | None:
    """dyads: the ties as of until (aggregates.dyads)."""
    from streamlit_folium import st_folium

    from dashboard import maps

    if dyads.empty:
        st.info(empty_note(until))
    actors = cached.placed_actors(view, key, filters)
    day = month_end(until) if until else (ctx.options.last or date.today())
    members = blocs.members_on(ui.memberships(), day) if "blocs" in layers else {}
    members = {b: m for b, m in members.items() if b in ("AES", "ECOWAS", "G5S")}
    picture = maps.Layers(
        focus=focus,
        around=around,
        points=aggregates.places_until(cached.places(view, key, filters), until) if "events as points" in layers else None,
        blocs=members,
        bloc_names={"AES": "Alliance of Sahel States (AES)", "ECOWAS": "ECOWAS", "G5S": "G5 Sahel"},
        capitals=ui.mission_capitals(),
    )
    latest = aggregates.latest_per_dyad(cached.dyad_events(view, key, filters), until)
    drawing = maps.alliance_drawing(actors, dyads, latest, ui.countries_geojson(), picture, base_map(actors, picture))
    clicked = st_folium(
        drawing.base,
        key="alliance_map",
        height=560,
        use_container_width=True,
        returned_objects=["last_object_clicked_tooltip"],
        feature_group_to_add=drawing.layers,
    )
    if len(dyads) > maps.MAX_TIES:
        st.caption(f"The map draws {maps.MAX_TIES} of {len(dyads)} ties: the focus actor's and the busiest; the table lists all.")
    st.caption(
        "Blue lines: alignment (visits, agreements, aid); red: rupture (withdrawals, expulsions, ended agreements, "
        "threats); the weights are in data/alignment.csv. Width: number of events. Hover a line for its figures, click it "
        "for its sentences."
    )
    pick_clicked_pair(maps.parse_dyad((clicked or {}).get("last_object_clicked_tooltip")))
    return clicked


def base_map(actors: pd.DataFrame, picture: Layers) -> folium.Map:
    """The map's base, made afresh on every run (streamlit-folium writes each run's layers into
    the map it is given) but alike from month to month: the browser keeps it through the replay
    and swaps only the layers, since streamlit-folium names a map by its base's script."""
    from dashboard import maps

    kinds = dict(zip(actors["code"], actors["kind"], strict=True))
    armed = any(kinds.get(c) == "armed_group" for c in set(everything["a"]) | set(everything["b"]))
    legend = maps.alliance_legend(names.get(picture.focus or "", picture.focus), picture, armed)
    return maps.base_map(ui.countries_geojson(), maps.map_bounds(actors, everything, picture.around), legend)


def pick_clicked_pair(click: tuple[str, str] | None) -> None:
    """A new click on a line picks its pair below."""
    if click and st.session_state.get("alliance_click") != click:
        st.session_state["alliance_click"] = click
        st.session_state["alliance_pair"] = f"{click[0]} – {click[1]}"


def ties_and_events(until: date | None, dyads: pd.DataFrame) -> None:
    pairs = [f"{a} – {b}" for a, b in zip(dyads["a"], dyads["b"], strict=True)]
    if pairs and st.session_state.get("alliance_pair") not in pairs:
        st.session_state["alliance_pair"] = pairs[0]
    ties_column, events_column = st.columns([1.3, 3])
    with ties_column:
        st.subheader("Ties", anchor=False)
        ties = pd.DataFrame(
            {
                "pair": pairs,
                "events": dyads["events"].astype(int),
                "alignment": dyads["alignment"].astype(float),
                "reads": [
                    alignment.reading(alignment.balance(float(s), int(n)))
                    for s, n in zip(dyads["alignment"], dyads["events"], strict=True)
                ],
                "net": dyads["net"].astype(float),
            }
        )
        st.dataframe(
            ties,
            hide_index=True,
            width="stretch",
            height=min(38 + 35 * max(len(ties), 1), 460),
            column_config={
                "pair": st.column_config.TextColumn("Pair"),
                "events": st.column_config.NumberColumn("Events"),
                "alignment": st.column_config.NumberColumn(
                    "Alignment", help="sum of alignment weights (data/alignment.csv)", format="%+.1f"
                ),
                "reads": st.column_config.TextColumn("Reads as"),
                "net": st.column_config.NumberColumn("PLOVER net", help="sum of PLOVER scores, for comparison", format="%+.1f"),
            },
        )
    with events_column:
        st.subheader("The events behind a line", anchor=False)
        if not pairs:
            st.caption("No pair to show.")
            return
        chosen = st.selectbox("Pair", pairs, key="alliance_pair", label_visibility="collapsed")
        a, b = chosen.split(" – ")
        events = cached.pair_events(view, key, filters, a, b, month_end(until) if until else None)
        total = int(dyads.loc[(dyads["a"] == a) & (dyads["b"] == b), "events"].sum())
        more = f" (the latest {len(events)} listed; the Events page has them all)" if total > len(events) else ""
        st.caption(
            md(f"{plural(total, 'event')} between {names.get(a, a)} and {names.get(b, b)}{more}. Select rows for their sources.")
        )
        picked = tables.show_events(events, key="alliance_events", height=tables.table_height(len(events), 420))
        if picked:
            tables.show_sources(view, picked)


def replay() -> None:
    until = replay_month()
    if st.session_state.get("alliance_playing") != st.session_state.get("alliance_timer"):
        st.session_state["alliance_timer"] = st.session_state.get("alliance_playing")
        st.rerun()  # the whole page: the fragment's timer starts or stops with the next run
    show_headline(until)
    slider, play, note = st.columns([5, 1, 2.5], vertical_alignment="bottom")
    if len(steps) > 1:
        with slider:
            st.select_slider(
                "Replay month by month: the map as it stood at the end of",
                options=steps,
                key="alliance_month",
                format_func=lambda d: f"{d:%b %Y}",
            )
        playing = bool(st.session_state.get("alliance_playing"))
        play.button(
            "Pause" if playing else "Play",
            icon=":material/pause:" if playing else ":material/play_arrow:",
            on_click=toggle_play,
            key="alliance_play",
            width="stretch",
        )
        note.caption(f"Ties as of the end of {until:%B %Y}." if until else "Every month; undated events join at the last step.")
    focus, around, layers = controls()
    dyads = aggregates.dyads(pair_months, until)
    draw_map(until, dyads, focus, around, layers)
    ties_and_events(until, dyads)


st.fragment(run_every=STEP_SECONDS if st.session_state.get("alliance_playing") else None)(replay)()
