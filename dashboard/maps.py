"""Map builders: the alliance map and the troop movement map. They return folium.Map objects
and never call Streamlit, so tests render them to HTML and read what is drawn.

Reads small frames from dashboard.queries (actors, dyads, their latest events, movements) and
the country polygons; every piece of text from articles goes through safe.esc or safe.link.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import folium
import pandas as pd

from dashboard import mapparts as parts
from dashboard.safe import esc, link, shorten

MOVEMENT_COLORS = {"RETREAT": "#b3472d", "MOBILIZE": "#6a3d9a", "AID": "#1f78b4"}
MOVEMENT_WORDS = {"RETREAT": "withdrawal", "MOBILIZE": "deployment", "AID": "military aid"}


@dataclass(frozen=True)
class Base:
    """A military base or airport from data/places/facilities.csv."""

    name: str
    lat: float
    lon: float
    near: str = ""
    note: str = ""
    country: str = ""
    labelled: bool = True  # named by the events shown; the others get a marker and a tooltip only


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


def events_table(events: pd.DataFrame, more: int = 0) -> str:
    """Popup HTML: date, category, direction, the sentence and its source, all escaped."""
    rows = []
    for e in events.itertuples(index=False):
        when = "undated" if pd.isna(e.date) else pd.Timestamp(e.date).date().isoformat()
        source = (
            link(e.source_url, e.outlet or e.title or "source") if (e.source_url or e.outlet or e.title) else "source unknown"
        )
        count = f" (+{int(e.source_count) - 1} more)" if e.source_count and e.source_count > 1 else ""
        rows.append(
            f"<tr><td>{esc(when)}<br><b>{esc(e.event_type)}</b><br>{esc(e.actor_code)}&nbsp;→&nbsp;{esc(e.recipient_code)}</td>"
            f"<td>{esc(shorten(e.sentence))}<br><i>{source}{esc(count)}</i></td></tr>"
        )
    tail = f"<p>…and {more} more on the Events page.</p>" if more > 0 else ""
    return f'<div class="geopol-popup"><table>{"".join(rows)}</table>{tail}</div>'


def alignment(dyads: pd.DataFrame, focus: str | None) -> dict[str, float]:
    """Each actor's balance with the focus actor, in [-1, 1]."""
    found: dict[str, float] = {}
    if not focus:
        return found
    for d in dyads.itertuples(index=False):
        if focus in (d.a, d.b):
            other = d.b if d.a == focus else d.a
            found[other] = parts.balance(float(d.net), int(d.events))
    return found


def alliance_map(
    actors: pd.DataFrame,
    dyads: pd.DataFrame,
    latest: pd.DataFrame,
    countries: Mapping,
    focus: str | None = None,
    around_focus: bool = False,
) -> folium.Map:
    """Actors at their capitals, a line per pair coloured by net cooperation and sized by
    events, countries shaded by their alignment with the focus actor. around_focus opens the
    map on the focus actor's region instead of the whole world of its ties."""
    located = actors.dropna(subset=["lat", "lon"])
    points = parts.spread({str(r.code): (float(r.lat), float(r.lon)) for r in located.itertuples(index=False)})
    names = {str(r.code): str(r.name or r.code) for r in actors.itertuples(index=False)}
    drawn = dyads[dyads["a"].isin(points.keys()) & dyads["b"].isin(points.keys())]
    used = sorted(set(drawn["a"]) | set(drawn["b"])) or sorted(points)
    view = [points[c] for c in used if c in points]
    if around_focus and focus in points:
        lat, lon = points[focus]
        view = [(lat - 10, lon - 18), (lat + 10, lon + 18)]
    figure = parts.new_map(view)

    aligned = alignment(dyads, focus)
    fills = {code: parts.tone(value) for code, value in aligned.items()}
    notes = {
        code: f"{names.get(code, code)}: {parts.describe_balance(value)} with {names.get(focus or '', focus)}"
        for code, value in aligned.items()
    }
    if focus:
        fills[focus] = parts.FOCUS_FILL
        notes[focus] = f"{names.get(focus, focus)}: the focus of the alignment shading"
    parts.country_layer(countries, fills, notes).add_to(figure)

    ties = folium.FeatureGroup(name="Ties")
    for d in drawn.itertuples(index=False):
        add_tie(ties, d, points, names, latest[(latest["a"] == d.a) & (latest["b"] == d.b)])
    ties.add_to(figure)

    totals = pd.concat(
        [drawn[["a", "events"]].rename(columns={"a": "code"}), drawn[["b", "events"]].rename(columns={"b": "code"})]
    )
    per_actor = totals.groupby("code")["events"].sum().to_dict()
    markers = folium.FeatureGroup(name="Actors")
    for code in used:
        if code in points:
            add_actor(
                markers,
                code,
                points[code],
                actors[actors["code"] == code].iloc[0],
                int(per_actor.get(code, 0)),
                aligned,
                focus,
                points,
                drawn[(drawn["a"] == code) | (drawn["b"] == code)],
            )
    markers.add_to(figure)
    figure.get_root().html.add_child(alliance_legend(names.get(focus or "", focus)), name="legend")
    return figure


def add_tie(group: folium.FeatureGroup, d, points, names: Mapping[str, str], latest: pd.DataFrame) -> None:
    color = parts.tone(parts.balance(float(d.net), int(d.events)))
    title = dyad_title(d.a, d.b)
    summary = (
        f"{title}: {names.get(d.a, d.a)} and {names.get(d.b, d.b)}, {int(d.events)} events, "
        f"net score {float(d.net):+.1f} ({int(d.coop)} cooperative, {int(d.conflict)} hostile). Click for the sentences."
    )
    line = folium.PolyLine(parts.arc(points[d.a], points[d.b]), color=color, weight=parts.tie_weight(int(d.events)), opacity=0.85)
    line.add_child(folium.Tooltip(esc(summary), sticky=True))
    popup = f"<b>{esc(title)}</b> · {int(d.events)} events, net {float(d.net):+.1f}" + events_table(
        latest, int(d.events) - len(latest)
    )
    line.add_child(folium.Popup(popup, max_width=420))
    line.add_to(group)


def ties_table(ties: pd.DataFrame) -> str:
    """Popup HTML of an actor's ties: pair, events, net score (click a line for its sentences)."""
    rows = "".join(
        f"<tr><td>{esc(dyad_title(t.a, t.b))}</td><td>{int(t.events)} events</td><td>net {float(t.net):+.1f}</td></tr>"
        for t in ties.itertuples(index=False)
    )
    return f'<div class="geopol-popup"><table>{rows}</table><p>Click a line for its sentences.</p></div>'


def add_actor(group, code: str, point, actor, events: int, aligned, focus, points, ties: pd.DataFrame) -> None:
    name = str(actor["name"] or code)
    seat = str(actor["seat"] or "")
    value = aligned.get(code)
    fill = parts.FOCUS_FILL if code == focus else (parts.tone(value) if value is not None else "#777777")
    radius = min(16.0, 4 + 1.6 * math.sqrt(events))
    text = f"{name} ({code}){', ' + seat if seat else ''}: {events} events"
    marker = folium.CircleMarker(point, radius=radius, color="#1f2328", weight=1.2, fill=True, fill_color=fill, fill_opacity=0.95)
    marker.add_child(folium.Tooltip(esc(text)))
    marker.add_child(folium.Popup(f"<b>{esc(text)}</b>" + ties_table(ties), max_width=320))
    marker.add_to(group)
    parts.label(
        point,
        parts.short_name(code, name, point, points.get(focus) if focus else None),
        parts.label_side(point, points.get(focus) if focus else None),
    ).add_to(group)


def alliance_legend(focus_name: str | None):
    rows = [
        parts.line_swatch(parts.tone(1.0), 6, "mostly cooperation"),
        parts.line_swatch(parts.tone(0.0), 6, "mixed"),
        parts.line_swatch(parts.tone(-1.0), 6, "mostly conflict"),
        parts.line_swatch("#555", 2, "thin: 1 event"),
        parts.line_swatch("#555", 10, "thick: many events"),
    ]
    if focus_name:
        rows.append(parts.box_swatch(parts.FOCUS_FILL, f"{focus_name}; other countries shaded by their ties to it"))
    return parts.legend("Lines: net PLOVER score between two actors", rows)


def movement_map(movements: pd.DataFrame, bases: Sequence[Base], countries: Mapping) -> folium.Map:
    """Arrows from origin to destination, width by quantity, labelled; bases marked.
    movements: one row per event or per route (aggregates.routes), with events and first columns."""
    ends = [(float(r.origin_lat), float(r.origin_lon)) for r in movements.itertuples(index=False)]
    ends += [(float(r.destination_lat), float(r.destination_lon)) for r in movements.itertuples(index=False)]
    figure = parts.new_map(ends + [(b.lat, b.lon) for b in bases])
    involved = {str(c) for c in movements.get("place_country", pd.Series(dtype=str)) if c}
    parts.country_layer(countries, {c: "#ece4d4" for c in involved}, {}).add_to(figure)
    arrows = folium.FeatureGroup(name="Movements")
    for m in movements.itertuples(index=False):
        add_arrow(arrows, m)
    arrows.add_to(figure)
    sites = folium.FeatureGroup(name="Bases")
    for base in bases:
        add_base(sites, base)
    sites.add_to(figure)
    rows = [parts.line_swatch(MOVEMENT_COLORS[c], 5, word) for c, word in MOVEMENT_WORDS.items()]
    rows += [
        parts.line_swatch("#555", 3, "width: number of people", dashed=False),
        parts.line_swatch("#555", 2, "number unknown", dashed=True),
    ]
    rows.append('<div><span class="geopol-box" style="background:#1f2328;border-radius:2px"></span>military base</div>')
    figure.get_root().html.add_child(parts.legend("Troop movements", rows), name="legend")
    return figure


def movement_label(m) -> str:
    """ "FRA: 1,500 troops · undated" for one event; counts and a span of months for a busy route."""
    count = int(getattr(m, "events", 1) or 1)
    first = getattr(m, "first", m.date)
    if pd.isna(m.date):
        when = "undated"
    elif count > 1 and not pd.isna(first) and pd.Timestamp(first).date() != pd.Timestamp(m.date).date():
        when = f"{pd.Timestamp(first):%Y-%m} to {pd.Timestamp(m.date):%Y-%m}"
    else:
        when = pd.Timestamp(m.date).date().isoformat()
    amount = parts.quantity_text(m.quantity, m.quantity_unit)
    what = f"{count} {MOVEMENT_WORDS.get(str(m.event_type), 'movement')}s" if count > 1 else ""
    return " · ".join(p for p in (what, amount, when) if p)


def add_arrow(group: folium.FeatureGroup, m) -> None:
    start, end = (float(m.origin_lat), float(m.origin_lon)), (float(m.destination_lat), float(m.destination_lon))
    color = MOVEMENT_COLORS.get(str(m.event_type), "#444444")
    known = m.quantity is not None and not pd.isna(m.quantity) and float(m.quantity) > 0
    weight = round(3 + 2.2 * math.log10(float(m.quantity)), 1) if known else 2.5
    points = parts.arc(start, end, bend=0.08)
    distance = math.hypot(end[0] - start[0], end[1] - start[1])
    *head, base = parts.arrowhead(points, size=max(0.6, min(3.0, distance * 0.07)) + weight * 0.08)
    points[-1] = base  # the shaft stops where the head begins, so the tip stays sharp
    word = MOVEMENT_WORDS.get(str(m.event_type), str(m.event_type).lower())
    summary = f"{word}: {shorten(m.actors, 120)}, {m.origin} → {m.destination}" + (
        f", {movement_label(m)}" if movement_label(m) else ""
    )
    detail = (
        f"<b>{esc(summary)}</b>"
        + f"<p>{esc(shorten(m.sentence, 400))}</p><i>{link(m.source_url, m.outlet or m.title or 'source')}</i>"
    )
    line = folium.PolyLine(points, color=color, weight=weight, opacity=0.9, dash_array=None if known else "6 6")
    line.add_child(folium.Tooltip(esc(summary)))
    line.add_child(folium.Popup(f'<div class="geopol-popup">{detail}</div>', max_width=380))
    line.add_to(group)
    folium.Polygon(head, color=color, weight=1, fill=True, fill_color=color, fill_opacity=1.0, tooltip=esc(summary)).add_to(group)
    folium.CircleMarker(start, radius=4, color=color, weight=2, fill=True, fill_color="#ffffff", fill_opacity=1.0).add_to(group)
    # Long routes carry their label nearer the origin, away from the crowd at the destination.
    middle = points[int(len(points) * (0.3 if distance > 45 else 0.5))]
    side = parts.beside(start, end)
    who = str(m.actors).split(" → ")[0] if m.actors and int(getattr(m, "events", 1) or 1) == 1 else ""
    parts.label(middle, ": ".join(p for p in (who, movement_label(m) or word) if p and p != "?"), side).add_to(group)


def add_base(group: folium.FeatureGroup, base: Base) -> None:
    html = '<div style="width:10px;height:10px;background:#1f2328;border:2px solid #fff;box-shadow:0 0 2px #000"></div>'
    marker = folium.Marker(
        (base.lat, base.lon), icon=folium.DivIcon(html=html, icon_size=(14, 14), icon_anchor=(7, 7), class_name="geopol-base")
    )
    text = base.name + (f" (near {base.near})" if base.near else "") + (f": {base.note}" if base.note else "")
    marker.add_child(folium.Tooltip(esc(text)))
    marker.add_to(group)
    if base.labelled:
        parts.label((base.lat, base.lon), base.name, "right").add_to(group)
