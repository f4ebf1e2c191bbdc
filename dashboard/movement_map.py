"""The troop movement map: arrows from origin to destination for withdrawals, deployments and
military aid of personnel, as wide as the number of people, labelled with quantity and date;
military bases and the capitals of the Sahel mission marked. It returns a folium.Map and never
calls Streamlit; every piece of text from articles goes through safe.esc or safe.link.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import folium
import pandas as pd

from dashboard import bulk, maplabels
from dashboard import mapparts as parts
from dashboard.alliance_parts import Restyle
from dashboard.maps import Capital, Drawing, add_capitals
from dashboard.safe import esc, link, shorten

MOVEMENT_COLORS = {"RETREAT": "#b3472d", "MOBILIZE": "#6a3d9a", "AID": "#1f78b4"}
MOVEMENT_WORDS = {"RETREAT": "withdrawal", "MOBILIZE": "deployment", "AID": "military aid"}
INVOLVED = "#ece4d4"  # the countries the movements start, end or happen in


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


def movement_map(
    movements: pd.DataFrame, bases: Sequence[Base], countries: Mapping, capitals: Sequence[Capital] = (), around: str = "sahel"
) -> folium.Map:
    """Arrows from origin to destination, width by quantity, labelled; bases and capitals marked.
    movements: one row per event or per route (aggregates.routes), with events and first columns.
    around: "sahel" opens the map on the Sahel, "routes" on every route."""
    return movement_drawing(movements, bases, countries, capitals, around).combined()


def movement_drawing(
    movements: pd.DataFrame, bases: Sequence[Base], countries: Mapping, capitals: Sequence[Capital] = (), around: str = "sahel"
) -> Drawing:
    """The movement map in two parts: the base (countries, legend), alike whatever the filters
    when it opens on the Sahel, and the layers (the shading of the countries the movements
    happen in; arrows, bases and capitals), which a filter change sends alone."""
    ends = [(float(r.origin_lat), float(r.origin_lon)) for r in parts.rows(movements)]
    ends += [(float(r.destination_lat), float(r.destination_lon)) for r in parts.rows(movements)]
    figure = parts.new_map(ends if around == "routes" and ends else None)
    parts.country_layer(countries, {}, {}).add_to(figure)
    involved = {str(c) for c in movements.get("place_country", pd.Series(dtype=str)) if c}
    shading = folium.FeatureGroup(name="Shading")
    shading.add_child(Restyle({c: {"fill": INVOLVED} for c in sorted(involved)}))
    lines, circles, icons = bulk.Bulk("line"), bulk.Bulk("circle"), bulk.Bulk("icon")
    for m in parts.rows(busiest_routes(movements)):
        add_arrow(lines, circles, icons, m)
    for base in bases:
        add_base(icons, base)
    add_capitals(circles, icons, capitals)
    layer = folium.FeatureGroup(name="Movements")
    for part in (lines, circles, icons):
        layer.add_child(part)
    rows = [parts.line_swatch(MOVEMENT_COLORS[c], 5, word) for c, word in MOVEMENT_WORDS.items()]
    rows += [
        parts.line_swatch("#555", 3, "width: number of people", dashed=False),
        parts.line_swatch("#555", 2, "number unknown", dashed=True),
    ]
    rows.append('<div><span class="geopol-box" style="background:#1f2328;border-radius:2px"></span>military base</div>')
    rows.append(
        '<div><span class="geopol-box" style="background:#1f2328;border-radius:50%;width:6px;height:6px"></span>capital</div>'
    )
    parts.root(figure).html.add_child(maplabels.legend("Legend: troop movements", rows), name="legend")
    return Drawing(figure, [shading, layer])


MAX_ROUTES = 40  # arrows a map can show and a browser draw at once; the table lists every movement


def busiest_routes(movements: pd.DataFrame) -> pd.DataFrame:
    """The routes the map draws: the most travelled (events, then people), MAX_ROUTES of them."""
    if "events" not in movements:
        return movements.head(MAX_ROUTES)
    return movements.sort_values(["events", "quantity"], ascending=False, na_position="last", kind="stable").head(MAX_ROUTES)


def movement_label(m) -> str:
    """ "FRA: 1,500 troops · 2023-12" for one event; counts and a span of months for a busy route."""
    count = int(getattr(m, "events", 1) or 1)
    first = getattr(m, "first", m.date)
    if pd.isna(m.date):
        when = "undated"
    elif count > 1 and not pd.isna(first) and pd.Timestamp(first).date() != pd.Timestamp(m.date).date():
        when = f"{pd.Timestamp(first):%Y-%m} to {pd.Timestamp(m.date):%Y-%m}"
    elif str(getattr(m, "date_precision", "day") or "day") == "month":
        when = f"{pd.Timestamp(m.date):%Y-%m}"
    else:
        when = pd.Timestamp(m.date).date().isoformat()
    amount = parts.quantity_text(m.quantity, m.quantity_unit)
    what = f"{count} {MOVEMENT_WORDS.get(str(m.event_type), 'movement')}s" if count > 1 else ""
    return " · ".join(p for p in (what, amount, when) if p)


def add_arrow(lines: bulk.Bulk, circles: bulk.Bulk, icons: bulk.Bulk, m) -> None:
    """A route: its line (dashed when the number of people is unknown), a white dot where it
    starts, an arrowhead where it ends, and a label with who, how many and when."""
    start, end = (float(m.origin_lat), float(m.origin_lon)), (float(m.destination_lat), float(m.destination_lon))
    color = MOVEMENT_COLORS.get(str(m.event_type), "#444444")
    known = m.quantity is not None and not pd.isna(m.quantity) and float(m.quantity) > 0
    weight = round(3 + 2.2 * math.log10(float(m.quantity)), 1) if known else 2.5
    points = parts.arc(start, end, bend=0.08)
    word = MOVEMENT_WORDS.get(str(m.event_type), str(m.event_type).lower())
    summary = f"{word}: {shorten(m.actors, 120)}, {m.origin} → {m.destination}" + (
        f", {movement_label(m)}" if movement_label(m) else ""
    )
    detail = (
        f"<b>{esc(summary)}</b>"
        + f"<p>{esc(shorten(m.sentence, 400))}</p><i>{link(m.source_url, m.outlet or m.title or 'source')}</i>"
    )
    popup = f'<div class="geopol-popup">{detail}</div>'
    lines.add(bulk.line(points, color, weight, esc(summary), popup, opacity=0.9, dashArray=None if known else "6 6"))
    icons.add(maplabels.arrowhead(points, color, size=int(12 + weight * 1.2), tooltip=esc(summary)))
    circles.add(bulk.circle(start, radius=4, color=color, weight=2, fill=True, fillColor="#ffffff", fillOpacity=1.0))
    # Long routes carry their label nearer the origin, away from the crowd at the destination.
    distance = math.hypot(end[0] - start[0], end[1] - start[1])
    middle = points[int(len(points) * (0.3 if distance > 45 else 0.5))]
    who = str(m.actors).split(" → ")[0] if m.actors and int(getattr(m, "events", 1) or 1) == 1 else ""
    text = ": ".join(p for p in (who, movement_label(m) or word) if p and p != "?")
    priority = 200 + int(float(m.quantity or 0) // 100) if known else 150
    icons.add(maplabels.label(middle, text, parts.beside(start, end), priority=priority))


def add_base(icons: bulk.Bulk, base: Base) -> None:
    html = '<div style="width:10px;height:10px;background:#1f2328;border:2px solid #fff;box-shadow:0 0 2px #000"></div>'
    text = base.name + (f" (near {base.near})" if base.near else "") + (f": {base.note}" if base.note else "")
    icons.add(bulk.icon((base.lat, base.lon), html, "geopol-base", (14, 14), (7, 7), esc(text)))
    if base.labelled:
        icons.add(maplabels.label((base.lat, base.lon), base.name, "right", priority=120))
