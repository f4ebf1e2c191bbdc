"""The dictionaries are data with a schema: every file validates, a broken row is reported as
file:line, every category has cues, and every state and the main organisations are there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geopol.dictionaries import cached_dictionaries, load_dictionaries
from geopol.gazetteer import seat_coordinates
from geopol.paths import DATA_DIR
from geopol.problems import DictionaryError
from geopol.records import CATEGORIES


@pytest.fixture(scope="module")
def dictionaries():
    return cached_dictionaries(DATA_DIR)


def test_every_category_has_cues(dictionaries):
    assert set(CATEGORIES) <= {c.category for c in dictionaries.cues}


def test_every_un_member_state_and_the_main_organisations_are_actors(dictionaries):
    codes = set(dictionaries.actors)
    assert len([c for c, info in dictionaries.actors.items() if info.kind == "state"]) >= 193
    assert {"NER", "MLI", "BFA", "TCD", "RUS", "USA", "FRA", "IRN", "CHN", "TUR", "DZA", "NGA"} <= codes
    assert {"ECOWAS", "AES", "G5S", "UN", "AU", "EU", "NATO", "WAGNER", "JNIM", "ISSP"} <= codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Kremlin", "RUS"),
        ("AFRICOM", "USA"),
        ("Elysee", "FRA"),
        ("Nigerien", "NER"),
        ("Burkinabe", "BFA"),
        ("Tchiani", "NER"),
        ("Africa Corps", "WAGNER"),
        ("Yevkurov", "RUS"),
        ("Washington", "USA"),
    ],
)
def test_names_code_to_their_actor(dictionaries, text, code):
    assert code in {e.code for e in dictionaries.actor_names if e.text == text}


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*", "*.lock", "countries.geojson"))
    return target


def with_row(tmp_path: Path, file: str, row: str) -> Path:
    """A copy of the data with one more row at the end of one file."""
    data = copy_data(tmp_path)
    target = data / file
    target.write_text(target.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    return data


def test_broken_row_is_reported_with_file_and_line(tmp_path):
    data = copy_data(tmp_path)
    cues = data / "cues.csv"
    lines = cues.read_text(encoding="utf-8").splitlines()
    lines.insert(40, "AGREEE,agree to,verb,,,,,agree,")
    cues.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"cues\.csv:41: category 'AGREEE'"):
        load_dictionaries(data, seat_coordinates)


def test_person_with_unknown_code_is_rejected(tmp_path):
    data = with_row(tmp_path, "actors/people.csv", "Nobody,,XXX,president,GOV,2020,")
    with pytest.raises(DictionaryError, match=r"people\.csv:\d+: code 'XXX'"):
        load_dictionaries(data, seat_coordinates)


def test_bloc_member_with_unknown_code_is_rejected(tmp_path):
    data = with_row(tmp_path, "blocs.csv", "AES,XXX,2024-01-01,,")
    with pytest.raises(DictionaryError, match=r"blocs\.csv:\d+: unknown actor code 'XXX'"):
        load_dictionaries(data, seat_coordinates)


def test_file_that_is_not_utf8_is_reported_with_its_line(tmp_path):
    data = copy_data(tmp_path)
    roles = data / "actors" / "roles.csv"
    roles.write_bytes(roles.read_bytes() + "caf\xe9,GOV,no\n".encode("latin-1"))
    with pytest.raises(DictionaryError, match=r"roles\.csv:\d+: not UTF-8 text"):
        load_dictionaries(data, seat_coordinates)


@pytest.mark.parametrize(
    ("code", "home"),
    [
        ("HOUTHIS", "YEM"),
        ("HEZBOLLAH", "LBN"),
        ("HAMAS", "PSE"),
        ("SHABAAB", "SOM"),
        ("ISWAP", "NGA"),
        ("ISSP", "MLI"),
        ("JNIM", "MLI"),
        ("BOKO", "NGA"),
        ("RSF", "SDN"),
        ("M23", "COD"),
        ("WAGNER", "RUS"),
    ],
)
def test_armed_groups_carry_their_home_country(dictionaries, code, home):
    info = dictionaries.actors[code]
    assert (info.kind, info.home) == ("armed_group", home)


def test_cue_frame_with_an_unknown_argument_is_reported(tmp_path):
    data = with_row(tmp_path, "cues.csv", "SANCTION,expel,verb,,obj|subject object,,,expel,")
    with pytest.raises(DictionaryError, match=r"cues\.csv:\d+: recipient 'subject object'"):
        load_dictionaries(data, seat_coordinates)
