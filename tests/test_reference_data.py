"""The dashboard's own data files validate and say what they should: alignment weights (a
withdrawal of forces, an ended agreement, an expelled envoy, leaving a bloc are ruptures;
visits, agreements and military aid are alignment), bloc membership over time, the glossary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard import alignment, blocs, glossary
from geopol.problems import DictionaryError
from geopol.records import CATEGORIES


@pytest.fixture(scope="module")
def weights() -> list[alignment.Weight]:
    return alignment.load_weights()


def test_every_category_has_a_default_weight(weights: list[alignment.Weight]) -> None:
    assert {w.category for w in weights if w.mode == ""} == set(CATEGORIES)
    assert all(-10 <= w.weight <= 10 and w.why for w in weights)


@pytest.mark.parametrize(
    ("category", "mode"),
    [("RETREAT", "withdraw"), ("CONCEDE", "withdraw"), ("SANCTION", "sever"), ("SANCTION", "expel"), ("SANCTION", "withdraw")],
)
def test_ruptures_weigh_against_alignment(weights: list[alignment.Weight], category: str, mode: str) -> None:
    assert alignment.weight_of(weights, category, mode) < 0


@pytest.mark.parametrize(("category", "mode"), [("CONSULT", "visit"), ("AGREE", ""), ("AID", "military"), ("COOPERATE", "sign")])
def test_visits_agreements_and_aid_weigh_for_it(weights: list[alignment.Weight], category: str, mode: str) -> None:
    assert alignment.weight_of(weights, category, mode) > 0


def test_an_unknown_mode_takes_its_category_default(weights: list[alignment.Weight]) -> None:
    assert alignment.weight_of(weights, "CONSULT", "carrier-pigeon") == alignment.weight_of(weights, "CONSULT", "")
    assert alignment.weight_of(weights, "RETREAT", None) == alignment.weight_of(weights, "RETREAT", "")


def test_a_balance_reads_as_alignment_rupture_or_mixed() -> None:
    assert alignment.reading(alignment.balance(12.0, 3)) == "alignment"
    assert alignment.reading(alignment.balance(-10.0, 2)) == "rupture"
    assert alignment.reading(alignment.balance(0.5, 4)) == "mixed"
    assert alignment.balance(-100.0, 2) == -1.0 and alignment.balance(3.0, 0) == 0.0


HEADER = "category,mode,weight,why\n"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("RETREET,,3,typo\n", "'RETREET' is not a PLOVER category"),
        ("AGREE,,4,x\nAGREE,,5,again\n", "AGREE with mode (any) has a row already"),
        ("AGREE,,40,too much\n", "weight 40 is outside"),
        ("AGREE,,four,words\n", "weight 'four' is not a number"),
        ("AGREE,Visit!,4,x\n", "mode 'Visit!' is not a lower-case word"),
    ],
)
def test_a_bad_weight_row_is_reported_as_file_and_line(tmp_path: Path, rows: str, message: str) -> None:
    path = tmp_path / "alignment.csv"
    path.write_text("# a comment\n" + HEADER + rows, encoding="utf-8")
    with pytest.raises(DictionaryError) as error:
        alignment.load_weights(path)
    assert message in str(error.value)
    assert "alignment.csv:" in str(error.value)


def test_a_weights_file_without_every_category_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "alignment.csv"
    path.write_text(HEADER + "AGREE,,4,x\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="no row with an empty mode for AID"):
        alignment.load_weights(path)


def test_bloc_membership_follows_the_dates() -> None:
    memberships = blocs.load_blocs()
    before = blocs.members_on(memberships, date(2023, 8, 1))
    after = blocs.members_on(memberships, date(2024, 1, 31))
    assert "AES" not in before and after["AES"] == ("BFA", "MLI", "NER")  # founded in September 2023
    assert {"BFA", "NER"} <= set(before["G5S"]) and "G5S" not in after  # left in December 2023
    assert "NER" in after["ECOWAS"]  # the withdrawal announced in January 2024 took effect a year later
    assert "NER" not in blocs.members_on(memberships, date(2025, 2, 1))["ECOWAS"]


def test_a_bad_bloc_row_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "blocs.csv"
    path.write_text("bloc,member,from,to,note\nAES,Niger,2023-09-16,,\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"blocs\.csv:2: member 'Niger'"):
        blocs.load_blocs(path)
    path.write_text("bloc,member,from,to,note\nAES,NER,2023-09-16,2020-01-01,\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="ends"):
        blocs.load_blocs(path)


def test_the_glossary_names_every_category_once() -> None:
    entries = glossary.load_glossary()
    assert set(entries) == set(CATEGORIES)
    assert glossary.category_label("RETREAT") == "RETREAT · withdraw, release or yield"
    assert all(e.label and e.covers and e.cues for e in entries.values())
