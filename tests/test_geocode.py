"""Geocoding: the gazetteer ranks candidates; events get a place with a precision and a note
of how it was chosen; movements get an origin and a destination."""

from __future__ import annotations

import pytest

from geopol.gazetteer import City, find_city, rank_cities
from tests.coding import code_text


@pytest.mark.parametrize(
    ("name", "country"),
    [("Niamey", "NER"), ("Moscow", "RUS"), ("Tehran", "IRN"), ("Washington", "USA"), ("Bamako", "MLI"), ("Ouagadougou", "BFA")],
)
def test_six_capitals_resolve(name, country):
    city = find_city(name)
    assert city is not None and city.country == country and city.is_capital


def test_ranking_prefers_hinted_country_then_capital_then_population():
    small_capital = City("Town", "AAA", 0, 0, 10, True, 1)
    big = City("Town", "BBB", 0, 0, 10_000, False, 2)
    hinted = City("Town", "CCC", 0, 0, 5, False, 3)
    assert rank_cities((small_capital, big)) is small_capital
    assert rank_cities((small_capital, big, hinted), ("CCC",)) is hinted
    assert rank_cities(()) is None


def test_a_town_of_the_very_name_beats_a_bigger_city_once_so_called():
    assert find_city("Pokrovsk").country == "UKR"  # not Engels in Russia, called Pokrovsk until 1931
    renamed = City("Big City", "AAA", 0, 0, 200_000, False, 1)
    named = City("Town", "BBB", 0, 0, 60_000, False, 2)
    assert rank_cities((renamed, named), name="Town") is named


def test_accented_names_are_found_without_accents():
    city = find_city("Tillaberi")
    assert city is not None and city.country == "NER"


def test_explicit_city_in_the_sentence_is_the_place():
    (event,) = code_text("Jihadists attacked an army post near Menaka on Sunday.")
    assert event.place is not None and (event.place.name, event.place.precision, event.place.note) == ("Ménaka", "city", "text")


def test_a_city_after_its_country_s_possessive_is_the_place():
    (event,) = code_text("Gunmen killed seven Burkinabe gendarmes in Burkina Faso's Dori area on Friday.")
    assert event.place is not None and (event.place.name, event.place.precision) == ("Dori", "city")


def test_facility_beats_the_city_it_is_near():
    (event,) = [
        e
        for e in code_text("American drones took off from Air Base 201 near Agadez to strike Islamic State fighters.")
        if e.place
    ]
    assert event.place is not None and (event.place.name, event.place.precision) == ("Air Base 201", "facility")


def test_destination_of_a_visit_is_a_place_but_a_topic_is_not():
    (visit,) = [e for e in code_text("Mali's prime minister travelled to Moscow for talks.") if e.category == "CONSULT"]
    assert visit.place is not None and visit.place.name == "Moscow"
    (threat,) = [e for e in code_text("The US warned Niger against moving closer to Tehran.") if e.category == "THREATEN"]
    assert threat.place is None or threat.place.name != "Tehran"


def test_without_a_named_place_hostile_events_happen_where_the_target_is():
    (event,) = code_text("Mali's army arrested three Ivorian soldiers.")
    assert event.place is not None and (event.place.country, event.place.precision, event.place.note) == (
        "CIV",
        "country",
        "actor",
    )


def test_deployment_arrow_runs_from_home_to_destination():
    (event,) = [e for e in code_text("Turkey deployed 300 soldiers to Libya.") if e.category in ("AID", "MOBILIZE")]
    assert event.origin is not None and event.destination is not None
    assert (event.origin.name, event.destination.country) == ("Ankara", "LBY")


def test_one_arrow_per_country_left():
    from geopol.exports import event_rows
    from geopol.records import Article

    (event,) = code_text("France has withdrawn its forces from Mali, Burkina Faso and Niger.")
    rows = event_rows([event], {"t": Article("t", "t.txt", "")}, per_report=True)
    arrows = {(r["recipient_code"], r["origin"], r["destination"]) for r in rows}
    assert arrows == {("MLI", "Mali", "Paris"), ("BFA", "Burkina Faso", "Paris"), ("NER", "Niger", "Paris")}


def test_violence_with_no_target_sits_in_the_attacking_state_not_a_foreign_group_s_home():
    from tests.coding import code_text

    (event,) = code_text("Wagner mercenaries and Malian soldiers killed dozens of villagers, witnesses said.")
    assert event.place is not None and event.place.country == "MLI"


def test_a_town_abroad_of_the_actors_is_still_the_place_they_fought_at():
    from tests.coding import code_text

    (event,) = code_text("Ukrainian special forces fought Wagner fighters near Timbuktu, an official said.")
    assert event.place is not None and event.place.name == "Timbuktu"


def test_folding_drops_accents_only():
    from geopol.gazetteer import find_city

    assert find_city("Tillaberi") is not None and find_city("Tillaberi").country == "NER"
    assert find_city("Line") is None  # not the Chinese town Lin’e


def test_states_acting_together_each_act_at_home_and_targets_are_each_hit_at_home():
    from geopol.exports import report_rows

    [left] = [e for e in code_text("Mali, Burkina Faso and Niger formally left ECOWAS on Wednesday.") if e.category == "SANCTION"]
    rows = {row["actor_code"]: (row["place"], row["place_country"]) for row in report_rows(left, [left], {})}
    assert {code: country for code, (_, country) in rows.items()} == {"MLI": "MLI", "BFA": "BFA", "NER": "NER"}
    struck = [e for e in code_text("Russian missiles struck Ukraine and Moldova overnight.") if e.category == "ASSAULT"]
    rows = {row["recipient_code"]: row["place_country"] for e in struck for row in report_rows(e, [e], {})}
    assert rows == {"UKR": "UKR", "MDA": "MDA"}


def test_a_state_whose_government_sits_outside_its_capital_acts_at_the_seat():
    [rejected] = [e for e in code_text("Ivory Coast rejected the accusations made by Burkina Faso.") if e.category == "REJECT"]
    assert rejected.place is not None and (round(rejected.place.lat, 1), round(rejected.place.lon, 1)) == (5.4, -4.0)


def test_words_are_placed_where_they_were_said_not_where_what_they_tell_happened():
    events = code_text("Washington accused Bogota of encouraging drug production in Cauca.")
    [accused] = [e for e in events if e.category == "DISAPPROVE"]
    assert accused.place is not None and accused.place.country == "USA"
    [warned] = [e for e in code_text("Kenya warned Somalia that its troops would stay in Kismayo.") if e.category == "THREATEN"]
    assert warned.place is not None and warned.place.country == "KEN"


def test_an_attack_in_the_southern_red_sea_is_placed_there_not_mid_sea():
    events = code_text("Houthi rebels attacked a British tanker in the southern Red Sea on Sunday.")
    [attack] = [e for e in events if e.category == "ASSAULT"]
    assert attack.place is not None and attack.place.name == "southern Red Sea" and attack.place.lat < 16


def test_a_strike_on_a_country_with_no_place_named_is_placed_in_its_middle_not_its_capital():
    (strike,) = code_text("Pakistani jets struck Afghanistan overnight.")
    assert strike.place is not None and (strike.place.name, strike.place.country) == ("Afghanistan", "AFG")
    kabul = (34.53, 69.17)
    assert abs(strike.place.lat - kabul[0]) + abs(strike.place.lon - kabul[1]) > 1.5  # the country's middle, 33.9 N 67.8 E


def test_a_centre_for_an_unknown_state_is_refused_with_its_file(tmp_path):
    import shutil

    from geopol.dictionaries import DictionaryError, load_dictionaries
    from geopol.paths import DATA_DIR

    shutil.copytree(DATA_DIR, tmp_path / "data", ignore=shutil.ignore_patterns("*.duckdb*", "reviews*"))
    (tmp_path / "data" / "places" / "country_centres.csv").write_text("code,lat,lon\nXXX,1,2\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"country_centres\.csv"):
        load_dictionaries(tmp_path / "data", lambda city, country: None)


def the_event(text: str, *categories: str):
    [event] = [e for e in code_text(text) if e.category in categories]
    return event


def test_a_capital_named_after_its_demonym_is_the_place_not_the_country():
    talks = the_event("Kenyan and Ugandan envoys met in the Ethiopian capital Addis Ababa on Monday.", "CONSULT")
    assert talks.place is not None and (talks.place.name, talks.place.country) == ("Addis Ababa", "ETH")
    visit = the_event("Senegal's foreign minister met Ghana's president in Ghana's capital, Accra, on Monday.", "CONSULT")
    assert visit.place is not None and visit.place.name == "Accra"
    sent = the_event("Turkey deployed troops to the Libyan capital on Monday.", "AID", "MOBILIZE")
    assert sent.place is not None and (sent.place.name, sent.place.precision) == ("Tripoli", "city")


def test_a_part_of_a_country_is_placed_in_that_part_not_at_the_capital():
    strike = the_event("Turkish drones struck Kurdish fighters in north-eastern Syria on Friday.", "ASSAULT", "FIGHT")
    assert strike.place is not None and strike.place.name == "north-eastern Syria" and strike.place.precision == "region"
    assert strike.place.lat > 35.5 and strike.place.lon > 39.5  # Damascus is at 33.5 N 36.3 E
    raid = the_event("Malian troops attacked jihadists in central Mali on Friday.", "ASSAULT", "FIGHT")
    assert raid.place is not None and raid.place.precision == "country"  # no part: "central" is the country's middle


def test_a_region_of_a_state_named_as_where_is_the_place():
    strike = the_event("Pakistani jets bombed Taliban hideouts in Afghanistan's Helmand province on Sunday.", "ASSAULT", "FIGHT")
    assert strike.place is not None and (strike.place.name, strike.place.country) == ("Helmand", "AFG")
    shelled = the_event("Azerbaijani forces shelled Armenian positions in Nagorno-Karabakh on Sunday.", "ASSAULT", "FIGHT")
    assert shelled.place is not None and shelled.place.name == "Nagorno-Karabakh"


def test_a_region_named_only_beside_a_place_neither_places_the_event_nor_its_side():
    # a guard: regions of states are new, and a region's state must not become a withdrawal's side
    left = the_event(
        "French troops withdrew from the base in Gao, near the border with Niger's Tillaberi region, on Sunday.", "RETREAT"
    )
    assert [a.code for a in left.recipients] == ["MLI"] and left.place is not None and left.place.name == "Gao"
    pulled = the_event(
        "Ethiopian troops withdrew from Kismayo, far from Somalia's breakaway Somaliland region, on Sunday.", "RETREAT"
    )
    assert [a.code for a in pulled.recipients] == ["SOM"] and pulled.place is not None and pulled.place.name == "Kismayo"


def test_captives_freed_by_a_group_with_a_stronghold_are_freed_there():
    freed = the_event("Hezbollah freed two Israeli captives on Sunday.", "RETREAT")
    assert freed.place is not None and freed.place.name == "Beirut"


def test_a_country_part_with_an_unknown_direction_is_refused_with_its_file(tmp_path):
    import shutil

    from geopol.dictionaries import DictionaryError, load_dictionaries
    from geopol.paths import DATA_DIR

    shutil.copytree(DATA_DIR, tmp_path / "data", ignore=shutil.ignore_patterns("*.duckdb*", "reviews*"))
    (tmp_path / "data" / "places" / "country_parts.csv").write_text("code,part,lat,lon\nMLI,upper,20,0\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"country_parts\.csv"):
        load_dictionaries(tmp_path / "data", lambda city, country: None)


def test_a_state_whose_name_starts_with_a_direction_is_that_state_not_a_part_of_another():  # a guard
    attack = the_event("Gunmen attacked a UN convoy in South Sudan on Monday.", "ASSAULT", "FIGHT")
    assert attack.place is not None and (attack.place.name, attack.place.country) == ("South Sudan", "SSD")


def test_talks_in_a_region_of_a_state_are_placed_in_that_state():  # a guard: regions place material acts only
    talks = the_event("Egypt's foreign minister met Sudanese army officers in North Darfur on Monday.", "CONSULT")
    assert talks.place is not None and talks.place.country == "SDN"


def test_a_capital_named_by_its_demonym_before_the_subject_is_the_city():
    talks = the_event("In the Kenyan capital, Erdogan held talks with President William Ruto.", "CONSULT")
    assert talks.place is not None and (talks.place.name, talks.place.country) == ("Nairobi", "KEN")
    named = the_event("In the Saudi capital, Riyadh, Erdogan held talks with the crown prince.", "CONSULT")
    assert named.place is not None and named.place.name == "Riyadh"


def test_each_capital_listed_after_to_places_its_own_visit():
    text = "Niger's prime minister travelled to Moscow and Tehran."
    visits = {e.recipients[0].code: e.place.name for e in code_text(text) if e.category == "CONSULT" and e.place}
    assert visits == {"RUS": "Moscow", "IRN": "Tehran"}


def test_an_act_on_another_day_does_not_take_the_place_of_the_signing():
    text = (
        "Kenya and Tanzania signed a border accord in Arusha on June 4. "
        "Tanzania's parliament approved the deal on Thursday, weeks after the signing."
    )
    approval = next(e for e in code_text(text) if e.category == "AGREE" and [a.code for a in e.sources] == ["TZA"])
    assert approval.date is not None and approval.date.value.isoformat() == "2024-05-09"
    assert approval.place is not None and approval.place.name != "Arusha" and approval.place.country == "TZA"
    same_day = (
        "Kenya and Tanzania signed a border accord in Arusha on Tuesday. "
        "On Tuesday, both leaders also agreed to reopen the crossing."
    )
    agreed = [e for e in code_text(same_day) if e.category == "AGREE"]
    assert agreed and all(e.place is not None and e.place.name == "Arusha" for e in agreed)  # a guard: the same day carries


def test_killing_told_after_a_sinking_is_placed_where_the_boats_sank():
    text = "On Friday, Indian coast guard ships sank two Pakistani boats in the Arabian Sea, killing six crew members."
    violent = [e for e in code_text(text) if e.category in ("ASSAULT", "FIGHT")]
    assert violent and all(e.place is not None and e.place.name == "Arabian Sea" for e in violent)


def test_a_withdrawal_from_a_town_is_from_its_state():
    events = code_text("German troops pulled out of Gao in December.")
    assert ("RETREAT", "DEU", "MLI") in {(e.category, e.sources[0].code, e.recipients[0].code) for e in events if e.recipients}


def test_a_small_town_of_a_country_at_war_is_placed_where_it_is():
    events = code_text("Jihadists ambushed a Malian army convoy near Tessalit on Sunday, the army said.")
    placed = [e.place for e in events if e.category in ("FIGHT", "ASSAULT") and e.place is not None]
    assert placed and all(p.name == "Tessalit" and abs(p.lat - 20.2) < 0.2 for p in placed)


def test_a_town_named_like_a_month_is_no_place():  # a guard: common words are left out of the towns
    assert find_city("March", ("AFG",)) is None or find_city("March", ("AFG",)).country != "AFG"


def test_a_small_town_does_not_steal_the_name_of_a_city():  # a guard: towns named like cities are left out
    city = find_city("Basra", ("PAK", "IRQ"))
    assert city is not None and city.country == "IRQ"


def test_a_condemnation_is_not_placed_where_the_act_it_condemns_happened():
    events = code_text("Ghana's government condemned the bombing of a market in Ouahigouya by Burkinabe jets.")
    judged = [e for e in events if e.category == "DISAPPROVE"]
    assert judged and all(e.place is None or e.place.name != "Ouahigouya" for e in judged)


def test_the_towns_file_is_read_and_a_broken_one_is_reported(tmp_path, monkeypatch):
    from geopol import cli, gazetteer

    good = tmp_path / "towns.csv"
    good.write_text("# a comment\nname,country,lat,lon,population,geonameid\nTessalit,MLI,20.2,1.0,0,1\n", encoding="utf-8")
    assert [t.name for t in gazetteer.small_towns(good)] == ["Tessalit"]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country,lat,lon,population,geonameid\nTessalit,MLI,north,1.0,0,1\n", encoding="utf-8")
    read = gazetteer.small_towns
    monkeypatch.setattr(gazetteer, "small_towns", lambda: read(bad))
    ok, message, _ = cli.check_towns()
    assert not ok and message.startswith("towns:")


def test_another_name_of_a_foreign_city_is_no_place_in_a_story_elsewhere():
    assert find_city("Boni", ("MLI",)) is None  # one of Bonn's other names
    city = find_city("New York", ("MLI",))
    assert city is not None and city.country == "USA"  # a guard: a world city keeps its other names
