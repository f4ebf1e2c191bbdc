"""Bloc membership over time: who belonged to the AES, ECOWAS or the G5 Sahel in a given month.

Reads data/blocs.csv (bloc, member, from, to, note); adds the members of each bloc on a day,
which the alliance map outlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geopol import paths
from geopol.dictionaries import read_rows
from geopol.problems import DictionaryError

BLOCS_CSV = paths.DATA_DIR / "blocs.csv"
CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,11}$")
STATE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Membership:
    bloc: str
    member: str  # ISO 3166-1 alpha-3
    start: date
    end: date | None  # last day of membership; None = still a member
    note: str = ""

    def on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def parse_day(where: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DictionaryError(where, f"date {value!r} is not YYYY-MM-DD") from None


def load_blocs(path: Path = BLOCS_CSV) -> list[Membership]:
    """Every membership, validated; a bad row raises DictionaryError naming file:line."""
    found: list[Membership] = []
    for where, row in read_rows(path, ["bloc", "member", "from", "to"]):
        if not CODE.match(row["bloc"]):
            raise DictionaryError(where, f"bloc {row['bloc']!r} is not an upper-case organisation code")
        if not STATE.match(row["member"]):
            raise DictionaryError(where, f"member {row['member']!r} is not a three-letter state code")
        start = parse_day(where, row["from"])
        end = parse_day(where, row["to"]) if row["to"] else None
        if end is not None and end < start:
            raise DictionaryError(where, f"membership ends ({end}) before it starts ({start})")
        found.append(Membership(row["bloc"], row["member"], start, end, row.get("note", "")))
    return found


def members_on(memberships: list[Membership], day: date) -> dict[str, tuple[str, ...]]:
    """bloc -> its members on that day, in code order."""
    blocs: dict[str, list[str]] = {}
    for m in memberships:
        if m.on(day):
            blocs.setdefault(m.bloc, []).append(m.member)
    return {bloc: tuple(sorted(members)) for bloc, members in sorted(blocs.items())}
