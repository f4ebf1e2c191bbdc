"""Pieces of the alliance map besides ties and actors: what it shows (Layers), the country
shading and bloc outlines, restyled in place on the basemap, and the legend. Every note from the
data is escaped here; the legend's rows are written here, never taken from data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from branca.element import Element
from jinja2 import Template

from dashboard import alignment, bulk, maplabels
from dashboard import mapparts as parts
from dashboard.safe import esc

ARMED = "#3b1f2b"  # armed groups: a dark diamond, outside the red-blue scale of the ties
POINT = "#5b4a2f"
CAPITAL_DOT: dict[str, Any] = {
    "radius": 3,
    "color": "#1f2328",
    "weight": 1,
    "fill": True,
    "fillColor": "#1f2328",
    "fillOpacity": 1,
    "className": "geopol-mark",  # labels keep clear of it
}
BLOC_STYLES = {  # colour, dash pattern; other blocs get the last style
    "AES": ("#7b3294", None),
    "ECOWAS": ("#1b7837", "7 5"),
    "": ("#666666", "2 4"),
}


@dataclass(frozen=True)
class Capital:
    """A capital of the Sahel mission, labelled on every map."""

    code: str  # the state's code
    city: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Layers:
    """What the alliance map draws besides actors and ties."""

    focus: str | None = None
    around: str = "sahel"  # sahel | ties: where the map opens
    points: pd.DataFrame | None = None  # aggregates.places_until
    blocs: Mapping[str, Sequence[str]] = field(default_factory=dict)  # bloc -> member states
    bloc_names: Mapping[str, str] = field(default_factory=dict)
    capitals: Sequence[Capital] = ()


class Restyle(bulk.Script):
    """Shades the basemap's countries and outlines the bloc members in place, from a few
    colours per country code: a replay step does not send the country shapes again."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function (map, looks) {
    map.eachLayer(function (layer) {
        var props = layer.feature && layer.feature.properties;
        if (!props || !props.iso_a3 || !layer.setStyle) { return; }
        var look = looks[props.iso_a3] || {};
        props.note = look.note || "";
        layer.setStyle({
            fillColor: look.fill || "{{ this.land }}", fillOpacity: look.fill ? 0.5 : 0.9,
            color: look.outline || "{{ this.border }}", weight: look.weight || 0.6, dashArray: look.dash || null
        });
        if (look.outline) { layer.bringToFront(); }
    });
})({{ this._parent._parent.get_name() }}, {{ this.looks|tojson }});
{% endmacro %}
"""
    )

    def __init__(self, looks: Mapping[str, Mapping[str, Any]]) -> None:
        super().__init__()
        self._name = "Restyle"
        self.looks = dict(looks)
        self.land, self.border = parts.LAND, parts.BORDER


def country_looks(aligned: Mapping[str, float], names: Mapping[str, str], layers: Layers) -> dict[str, dict[str, Any]]:
    """Per country code: the fill of its tie to the focus (the focus in gold), the outline of
    its bloc (the AES over ECOWAS), and a tooltip note saying both, escaped."""
    focus = layers.focus
    looks: dict[str, dict[str, Any]] = {}
    for code, value in aligned.items():
        note = f"{names.get(code, code)}: {alignment.reading(value)} with {names.get(focus or '', focus)}"
        looks[code] = {"fill": parts.tone(value), "note": note}
    if focus:
        looks[focus] = {"fill": parts.FOCUS_FILL, "note": f"{names.get(focus, focus)}: the focus of the shading"}
    for bloc, members in sorted(layers.blocs.items(), key=lambda item: item[0] == "AES"):  # the AES outline on top
        color, dash = BLOC_STYLES.get(bloc, BLOC_STYLES[""])
        for member in members:
            look = looks.setdefault(member, {})
            look.update(outline=color, dash=dash, weight=2.2 if dash else 3.2)
            look["note"] = (look.get("note", "") + f"; member of {bloc}").lstrip("; ")
    for look in looks.values():
        look["note"] = esc(look.get("note", ""))
    return looks


LEGEND_TITLE = "Legend: alignment between two actors"


def alliance_legend(focus_name: str | None, layers: Layers, armed_groups: bool) -> Element:
    return maplabels.legend(LEGEND_TITLE, legend_rows(focus_name, layers, armed_groups))


def legend_rows(focus_name: str | None, layers: Layers, armed_groups: bool) -> list[str]:
    """The legend's rows for what is drawn: the focus, the blocs and points shown, armed groups."""
    rows = [
        parts.line_swatch(parts.tone(1.0), 6, "alignment (visits, deals, aid)"),
        parts.line_swatch(parts.tone(0.0), 6, "mixed"),
        parts.line_swatch(parts.tone(-1.0), 6, "rupture (withdrawals, expulsions, threats)"),
        parts.line_swatch("#555", 2, "thin: 1 event; thick: many"),
    ]
    if focus_name:
        rows.append(parts.box_swatch(parts.FOCUS_FILL, f"{focus_name}; countries shaded by their ties to it"))
    for bloc in layers.blocs:
        color, dash = BLOC_STYLES.get(bloc, BLOC_STYLES[""])
        name = layers.bloc_names.get(bloc, bloc)
        rows.append(parts.line_swatch(color, 3, f"{name} members", dashed=dash is not None))
    if armed_groups:
        rows.append(f'<div><span class="geopol-box" style="background:{ARMED};transform:rotate(45deg)"></span>armed group</div>')
    if layers.points is not None and len(layers.points):
        rows.append(
            f'<div><span class="geopol-box" style="background:{POINT}55;border-radius:50%;border-color:{POINT}"></span>'
            "events at a place (hollow: a country)</div>"
        )
    return rows
