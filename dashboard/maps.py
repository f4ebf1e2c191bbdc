"""The alliance map: actors at their capitals or seats, one line per pair of actors coloured by
its alignment, countries shaded by their ties to a focus actor, bloc members outlined, armed
groups marked, events as points, the capitals of the Sahel mission labelled. It returns a
folium.Map and never calls Streamlit, so tests render it to HTML and read what is drawn.

Reads small frames from dashboard.aggregates (actors, pairs, their latest events, places) and
the country polygons; every piece of text from articles goes through safe.esc or safe.link.
(The troop movement map: movement_map.py.)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import pandas as pd
from branca.element import Element

from dashboard import alignment, bulk, maplabels
from dashboard import mapparts as parts
from dashboard.alliance_parts import (
    ARMED,
    CAPITAL_DOT,
    POINT,
    Capital,
    Layers,
    Restyle,
    alliance_legend,
    country_looks,
    legend_rows,
)
from dashboard.safe import esc, link, shorten
from dashboard.words import day, review_mark


def dyad_title(a: str, b: str) -> str:
    """How a line names its pair; the page reads it back from a click (see parse_dyad)."""
    return f"{a} – {b}"


def parse_dyad(text: str | None) -> tuple[str, str] | None:
    """The pair named at the start of a clicked line's tooltip, if any."""
    if not text:
        return None
    head = text.strip().split("\n", 1)[0].split(":", 1)[0].strip()
    parts_ = head.split(" – ")
    if len(parts_) == 2 and all(p and p.replace("_", "").isalnum() and p.isupper() for p in parts_):
        return parts_[0], parts_[1]
    return None


def events_table(events: list[dict[str, Any]], more: int = 0) -> str:
    """Popup HTML: date, category, direction, the sentence and its source, all escaped."""
    rows = []
    for e in events:
        source = (
            link(e["source_url"], e["outlet"] or e["title"] or "source")
            if (e["source_url"] or e["outlet"] or e["title"])
            else "source unknown"
        )
        count = f" (+{int(e['source_count']) - 1} more)" if e["source_count"] and e["source_count"] > 1 else ""
        rows.append(
            f"<tr><td>{esc(day(e['date'], e.get('date_precision', 'day')))}<br><b>{esc(e['event_type'])}</b>"
            f"{esc(' ' + review_mark(e.get('review_status'))).rstrip()}<br>"
            f"{esc(e['actor_code'])}&nbsp;→&nbsp;{esc(e['recipient_code'])}</td>"
            f"<td>{esc(shorten(e['sentence']))}<br><i>{source}{esc(count)}</i></td></tr>"
        )
    tail = f"<p>…and {more} more on the Events page.</p>" if more > 0 else ""
    return f'<div class="geopol-popup"><table>{"".join(rows)}</table>{tail}</div>'


def balances(dyads: pd.DataFrame, focus: str | None) -> dict[str, float]:
    """Each actor's alignment with the focus actor, in [-1, 1]."""
    found: dict[str, float] = {}
    if not focus:
        return found
    for d in parts.rows(dyads):
        if focus in (d.a, d.b):
            found[d.b if d.a == focus else d.a] = alignment.balance(float(d.alignment), int(d.events))
    return found


def located(actors: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Actors with a position, those sharing a seat nudged apart."""
    rows = actors.dropna(subset=["lat", "lon"])
    return parts.spread(
        {str(c): (float(lat), float(lon)) for c, lat, lon in zip(rows["code"], rows["lat"], rows["lon"], strict=True)}
    )


@dataclass
class Drawing:
    """An alliance map in two parts: the base (countries, the legend's box, the label-placing
    script), which stays while the replay moves, and the layers that change with the month and
    the controls, the legend's rows among them. The page sends the layers alone when only they
    change, so the map is not built again in the browser."""

    base: folium.Map
    layers: list[folium.FeatureGroup]

    def combined(self) -> folium.Map:
        for layer in self.layers:
            layer.add_to(self.base)
        return self.base


def base_map(countries: Mapping, bounds: list[tuple[float, float]] | None, legend: Element) -> folium.Map:
    """Every country outlined (the basemap), the legend; bounds None opens on the Sahel."""
    figure = parts.new_map(bounds)
    parts.country_layer(countries, {}, {}, highlight=False).add_to(figure)
    parts.root(figure).html.add_child(legend, name="legend")
    return figure


def alliance_map(
    actors: pd.DataFrame, dyads: pd.DataFrame, latest: pd.DataFrame, countries: Mapping, layers: Layers | None = None
) -> folium.Map:
    """actors: code, name, kind, lat, lon, seat; dyads: a, b, events, alignment, net, coop,
    conflict; latest: the events of the popups (a, b, date, event_type, sentence ...)."""
    return alliance_drawing(actors, dyads, latest, countries, layers).combined()


def map_bounds(actors: pd.DataFrame, dyads: pd.DataFrame, around: str) -> list[tuple[float, float]] | None:
    """Where the map opens: every actor with a tie ("ties"), or the Sahel (None)."""
    points = located(actors)
    used = (set(dyads["a"]) | set(dyads["b"])) & set(points)
    return [points[c] for c in sorted(used)] if around == "ties" and used else None


def alliance_drawing(
    actors: pd.DataFrame,
    dyads: pd.DataFrame,
    latest: pd.DataFrame,
    countries: Mapping,
    layers: Layers | None = None,
    base: folium.Map | None = None,
) -> Drawing:
    """The map's base (given, or made here) and its layers: shaded countries and bloc outlines,
    events as points, ties, actors and the capitals no actor stands on."""
    layers = layers or Layers()
    focus = layers.focus
    points = located(actors)
    codes = [str(c) for c in actors["code"]]
    names = {c: str(n or c) for c, n in zip(codes, actors["name"], strict=True)}
    kinds = {c: str(k or "") for c, k in zip(codes, actors["kind"], strict=True)}
    drawn = busiest_ties(dyads[dyads["a"].isin(points.keys()) & dyads["b"].isin(points.keys())], focus)
    used = sorted(set(drawn["a"]) | set(drawn["b"]))
    legend = (names.get(focus or "", focus), layers, any(kinds.get(c) == "armed_group" for c in used))
    if base is None:
        base = base_map(countries, map_bounds(actors, dyads, layers.around), alliance_legend(*legend))

    aligned = balances(dyads, focus)
    shading = folium.FeatureGroup(name="Shading")
    shading.add_child(Restyle(country_looks(aligned, names, layers)))
    shading.add_child(maplabels.LegendRows(legend_rows(*legend)))  # the base's legend box stays in the browser
    groups = [shading]
    if layers.points is not None and len(layers.points):
        groups.append(points_layer(layers.points))

    ties_drawn = parts.records(drawn)
    pairs = {(d["a"], d["b"]) for d in ties_drawn}
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
    shown = [(a, b) in pairs for a, b in zip(latest["a"], latest["b"], strict=True)]  # the popups of the lines drawn
    for r in parts.records(latest[shown]):
        by_pair.setdefault((r["a"], r["b"]), []).append(r)
    ties = folium.FeatureGroup(name="Ties")
    lines = bulk.Bulk("line")
    for d in ties_drawn:
        lines.add(tie(d, points, names, by_pair.get((d["a"], d["b"]), [])))
    ties.add_child(lines)
    groups.append(ties)

    totals = pd.concat(
        [drawn[["a", "events"]].rename(columns={"a": "code"}), drawn[["b", "events"]].rename(columns={"b": "code"})]
    )
    per_actor = totals.groupby("code")["events"].sum().to_dict()
    cities = {c.code: c.city for c in layers.capitals}
    rows = {str(r["code"]): r for r in parts.records(actors[actors["code"].isin(used)][["code", "name", "kind", "seat"]])}
    ties_of = {code: [d for d in ties_drawn if code in (d["a"], d["b"])] for code in used}
    markers = folium.FeatureGroup(name="Actors")
    circles, icons = bulk.Bulk("circle"), bulk.Bulk("icon")
    for code in used:
        count = int(per_actor.get(code, 0))
        mark, label = actor_items(code, points[code], rows[code], count, aligned, focus, ties_of[code], cities.get(code))
        (icons if rows[code]["kind"] == "armed_group" else circles).add(mark)
        icons.add(label)
    add_capitals(circles, icons, [c for c in layers.capitals if c.code not in used])
    markers.add_child(circles)
    markers.add_child(icons)
    groups.append(markers)
    return Drawing(base, groups)


MAX_TIES = 40  # lines a map can show and a browser draw at once; the ties table lists them all


def busiest_ties(dyads: pd.DataFrame, focus: str | None) -> pd.DataFrame:
    """The ties the map draws: the focus actor's, then the busiest, MAX_TIES in all."""
    own = (dyads["a"] == focus) | (dyads["b"] == focus)
    ranked = pd.concat([dyads[own], dyads[~own].sort_values("events", ascending=False, kind="stable")])
    return ranked.head(MAX_TIES)


def tie(d: Mapping[str, Any], points, names: Mapping[str, str], latest: list[dict[str, Any]]) -> dict:
    """A tie's line: coloured by alignment, as thick as its events are many; its figures in the
    tooltip (the page reads the pair back from a click on it), its latest sentences in the popup."""
    a, b, events = str(d["a"]), str(d["b"]), int(d["events"])
    value = alignment.balance(float(d["alignment"]), events)
    title = dyad_title(a, b)
    summary = (
        f"{title}: {names.get(a, a)} and {names.get(b, b)}, {events} event{'s' if events != 1 else ''}, "
        f"alignment {float(d['alignment']):+.1f}: {alignment.reading(value)} "
        f"(PLOVER: {int(d['coop'])} cooperative, {int(d['conflict'])} hostile, net {float(d['net']):+.1f}). "
        "Click for the sentences."
    )
    popup = f"<b>{esc(title)}</b> · {events} events, alignment {float(d['alignment']):+.1f}" + events_table(
        latest, events - len(latest)
    )
    return bulk.line(
        parts.arc(points[a], points[b]), parts.tone(value), parts.tie_weight(events), esc(summary), popup, opacity=0.85
    )


def ties_table(ties: list[dict[str, Any]]) -> str:
    """Popup HTML of an actor's ties: pair, events, alignment (click a line for its sentences)."""
    rows = "".join(
        f"<tr><td>{esc(dyad_title(t['a'], t['b']))}</td><td>{int(t['events'])} events</td>"
        f"<td>alignment {float(t['alignment']):+.1f}</td></tr>"
        for t in ties
    )
    return f'<div class="geopol-popup"><table>{rows}</table><p>Click a line for its sentences.</p></div>'


def actor_items(
    code: str, point, actor: Mapping[str, Any], events: int, aligned, focus, ties: list[dict[str, Any]], city: str | None
) -> tuple[dict, dict]:
    """An actor's marker (a circle for a state or a bloc, a diamond for an armed group) and its label."""
    name = str(actor["name"] or code)
    seat = str(actor["seat"] or "")
    value = aligned.get(code)
    fill = parts.FOCUS_FILL if code == focus else (parts.tone(value) if value is not None else "#777777")
    text = esc(f"{name} ({code}){', ' + seat if seat else ''}: {events} events")
    popup = f"<b>{text}</b>" + ties_table(ties)
    if actor["kind"] == "armed_group":
        size = 14 + min(8, int(math.sqrt(events)))
        mark = armed_group_icon(point, size, text)
        mark["popup"] = popup
    else:
        radius = min(16.0, 4 + 1.6 * math.sqrt(events))
        mark = bulk.circle(
            point, text, popup, radius=radius, color="#1f2328", weight=1.2, fill=True, fillColor=fill, fillOpacity=0.95
        )
        mark["style"]["className"] = "geopol-mark"  # labels keep clear of it
    words = f"{parts.short_name(code, name)} · {city}" if city else parts.short_name(code, name)
    priority = 100 + events + (1000 if code == focus else 0)
    return mark, maplabels.label(point, words, "right", priority)


def armed_group_icon(point: tuple[float, float], size: int, tooltip: str) -> dict:
    half = size // 2
    svg = (
        f'<svg width="{size}" height="{size}" viewBox="0 0 10 10" style="display:block">'
        f'<path d="M5,0 L10,5 L5,10 L0,5 Z" fill="{ARMED}" stroke="#fff" stroke-width="0.8"/></svg>'
    )
    return bulk.icon(point, svg, "geopol-armed", (size, size), (half, half), tooltip)


def add_capitals(circles: bulk.Bulk, labels: bulk.Bulk, capitals: Sequence[Capital]) -> None:
    """The mission's capitals that no actor marker stands on: a dot and the city's name."""
    for c in capitals:
        circles.add(bulk.circle((c.lat, c.lon), **CAPITAL_DOT))
        labels.add(maplabels.label((c.lat, c.lon), c.city, "right", 50, minor=True))


def points_layer(points: pd.DataFrame) -> folium.FeatureGroup:
    """Events as points, one circle per place as large as its events are many; a place known
    only as a country sits at the capital and is drawn hollow."""
    group = folium.FeatureGroup(name="Events")
    circles = bulk.Bulk("circle")
    most = max(1, int(points["events"].max()))
    for p in parts.records(points):
        country = str(p["geo_precision"] or "") == "country"
        events = int(p["events"])
        text = (
            f"{p['place']}{' (the country: placed at its capital)' if country else ''}: {events} "
            f"event{'s' if events != 1 else ''}; latest {p['event_type']}: {shorten(p['sentence'], 160)}"
        )
        style: dict[str, Any] = {"radius": 3 + 9 * math.sqrt(events / most), "color": POINT, "weight": 1.5, "fill": not country}
        style |= {"fillColor": POINT, "fillOpacity": 0.35, "dashArray": "3 3" if country else None}
        circles.add(bulk.circle((float(p["lat"]), float(p["lon"])), esc(text), **style))
    group.add_child(circles)
    return group
