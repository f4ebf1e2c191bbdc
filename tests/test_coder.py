"""The coder on inline sentences about other countries and in other wordings: one behaviour
per test, asserting the category and the dyad (and mode, quantity or tense where it matters)."""

from __future__ import annotations

import pytest

from tests.coding import code_text, dyads


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chad expelled the French ambassador on Monday.", ("SANCTION", "TCD", "FRA")),
        ("Mali's junta ordered the suspension of French broadcasters.", ("SANCTION", "MLI", "FRA")),
        ("Senegal and Gambia signed a defence cooperation agreement in Banjul.", ("COOPERATE", "GMB+SEN", "")),
        ("Algeria condemned the coup in Niger.", ("DISAPPROVE", "DZA", "NER")),
        ("Ghana rejected a proposal by Togo to reopen the border.", ("REJECT", "GHA", "TGO")),
        ("Russian mercenaries attacked a village in central Mali, killing dozens.", ("ASSAULT", "RUS", "MLI")),
        ("Burkina Faso's army clashed with jihadists near the border.", ("FIGHT", "BFA", "")),
        ("Germany pulled its last soldiers out of Mali in December.", ("RETREAT", "DEU", "MLI")),
        ("The European Union imposed sanctions on Mali's transitional leaders.", ("SANCTION", "EU", "MLI")),
        ("ECOWAS threatened military intervention against the junta in Niamey.", ("THREATEN", "ECOWAS", "NER")),
        ("Nigeria demanded that Niger release the detained president.", ("DEMAND", "NGA", "NER")),
        ("Turkey delivered armed drones to Burkina Faso.", ("AID", "TUR", "BFA")),
        ("Thousands of protesters rallied in Bamako against France.", ("PROTEST", "MLI", "FRA")),
        ("Burkina Faso's junta expelled three French diplomats accused of subversive activities.", ("SANCTION", "BFA", "FRA")),
        ("Islamic State fighters kidnapped an Austrian aid worker in Agadez.", ("ASSAULT", "IS", "AUT")),
        ("Togo's President Faure Gnassingbe received Niger's Prime Minister in Lome on Tuesday.", ("CONSULT", "NER", "TGO")),
        ("Mali severed diplomatic relations with Ukraine on Sunday.", ("SANCTION", "MLI", "UKR")),
        ("Nigeria and Niger agreed to reopen their border after a year of closure.", ("AGREE", "NER+NGA", "")),
        ("Niger granted a uranium mining licence to a Russian company.", ("COOPERATE", "NER", "RUS")),
        ("The United Nations ended its peacekeeping mission in Mali at the request of the junta.", ("SANCTION", "UN", "MLI")),
        ("The African Union suspended Niger from all its activities following the coup.", ("SANCTION", "AU", "NER")),
    ],
)
def test_codes_category_and_dyad(sentence, expected):
    assert expected in dyads(code_text(sentence))


def test_visit_has_visitor_as_source_and_host_capital_as_place():
    (event,) = [e for e in code_text("Chinese Foreign Minister Wang Yi visited Ghana last week.") if e.category == "CONSULT"]
    assert ([a.code for a in event.sources], [a.code for a in event.recipients], event.mode) == (["CHN"], ["GHA"], "visit")
    assert event.place is not None and event.place.name == "Accra"


def test_host_verb_makes_the_guest_the_source():
    (event,) = code_text("President Tinubu hosted the Ghanaian president in Abuja on Friday.", published=None)
    assert ([a.code for a in event.sources], [a.code for a in event.recipients]) == (["GHA"], ["NGA"])


def test_passive_voice_puts_the_agent_first():
    assert ("ASSAULT", "ISSP", "NER") in dyads(
        code_text("Nigerien villagers were attacked by Islamic State Sahel Province fighters.")
    )


def test_fighters_attacking_soldiers_is_fighting():
    assert dyads(code_text("Nigerien soldiers were attacked by Islamic State Sahel Province fighters.")) == {
        ("FIGHT", "ISSP", "NER")
    }


def test_negated_event_is_dropped():
    assert not [e for e in code_text("Algeria did not condemn the coup in Niger.") if e.category == "DISAPPROVE"]


def test_hypothetical_event_is_dropped():
    assert not [e for e in code_text("Niger could expel the French ambassador if talks fail.") if e.category == "SANCTION"]


def test_promise_of_cooperation_is_agree():
    assert dyads(code_text("Iran pledged to strengthen military cooperation with Burkina Faso.")) == {("AGREE", "IRN", "BFA")}


def test_future_of_hostile_event_is_threaten():
    (event,) = code_text("Algeria said it would close its airspace to Malian flights.")
    assert (event.category, event.tense, [a.code for a in event.sources]) == ("THREATEN", "future", ["DZA"])


def test_threat_to_attack_is_one_threaten_event():
    assert dyads(code_text("ECOWAS threatened to use force against Niger's junta.")) == {("THREATEN", "ECOWAS", "NER")}


def test_compound_actors_share_one_event_and_expand_to_pairs():
    (event,) = code_text("Mali, Burkina Faso and Niger announced their withdrawal from ECOWAS on Sunday.")
    assert event.category == "SANCTION" and {a.code for a in event.sources} == {"MLI", "BFA", "NER"}
    assert [(s.code, r.code) for s, r in event.pairs() if s and r] == [("MLI", "ECOWAS"), ("BFA", "ECOWAS"), ("NER", "ECOWAS")]


def test_symmetric_meeting_has_one_row_per_pair():
    (event,) = code_text("Morocco and Mauritania held talks on the Atlantic initiative.")
    assert event.symmetric and [(s.code, r.code) for s, r in event.pairs() if s and r] == [("MAR", "MRT")]


def test_reported_speech_speaker_is_not_the_source():
    events = code_text("The Kremlin said Mali had expelled the head of the UN mission.")
    assert ("SANCTION", "MLI", "UN") in dyads(events)
    assert not any(a.code == "RUS" for e in events for a in e.sources)


def test_reported_clause_without_subject_takes_the_speaker():
    assert ("SANCTION", "FRA", "MLI") in dyads(code_text("France announced the suspension of its development aid to Mali."))


def test_quantity_of_personnel():
    (event,) = [
        e for e in code_text("Russia sent about 200 military instructors to Burkina Faso in January.") if e.category == "AID"
    ]
    assert (event.quantity, event.quantity_unit, event.mode) == (200, "instructors", "military")
    assert event.origin is not None and event.origin.name == "Moscow"
    assert event.destination is not None and event.destination.country == "BFA"


def test_numbers_that_count_no_people_are_no_quantity():
    events = code_text("The central bank raised its rate to 24.75% as the IMF suspended a $300 million loan to Niger.")
    assert all(e.quantity is None for e in events)


def test_leaving_an_organisation_is_sanction_not_retreat():
    assert ("SANCTION", "MLI", "G5S") in dyads(code_text("Mali quit the G5 Sahel in May 2022."))


def test_withdrawing_troops_is_retreat_with_an_arrow():
    (event,) = code_text("The United States withdrew 1,000 troops from Niger.")
    assert (event.category, event.quantity, event.mode) == ("RETREAT", 1000, "withdraw")
    assert event.origin is not None and event.origin.country == "NER"
    assert event.destination is not None and event.destination.name == "Washington"


def test_anaphora_for_the_country_uses_the_article_focus():
    text = "Mali's junta has faced sanctions since 2022. Russia sent wheat and fuel to the country in March."
    assert ("AID", "RUS", "MLI") in dyads(code_text(text))


def test_people_code_to_their_state():
    assert ("CONSULT", "BFA+RUS", "") in dyads(code_text("Traore and Putin discussed grain deliveries by phone."))


def test_teaser_lines_without_verbs_yield_nothing():
    assert code_text("Share on Facebook\n\nRelated posts\n\n1 year ago") == []


def test_offsets_point_at_the_cue_inside_the_sentence():
    text = "Officials said on Monday that Benin had closed its border with Niger."
    (event,) = code_text(text)
    assert event.sentence[event.cue_start : event.cue_end].lower().startswith("closed")
    assert text[event.sentence_start : event.sentence_start + len(event.sentence)] == event.sentence


def test_noun_in_the_of_phrase_of_another_noun_is_not_an_event():
    text = "The minister said the suspension of security cooperation between Algeria and Morocco was a mistake."
    assert dyads(code_text(text)) == {("SANCTION", "DZA+MAR", "")}


def test_people_counted_in_an_agreement_are_not_the_sanction_s_quantity():
    (event,) = code_text("Chad terminated the agreement on the stationing of 1,000 French soldiers.")
    assert (event.category, event.quantity) == ("SANCTION", None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Israel called up 40,000 reservists on Monday.", ("MOBILIZE", "ISR", "")),
        ("Somali pirates hijacked a Greek tanker off Oman on Friday.", ("CRIME", "SOM", "GRC")),
        ("Hackers linked to North Korea stole 600 million dollars from a Vietnamese exchange.", ("CRIME", "PRK", "VNM")),
        ("Armenia handed back three Azerbaijani soldiers to Baku on Friday.", ("RETREAT", "ARM", "AZE")),
        ("Protesters hurled stones at the French embassy in Niamey.", ("PROTEST", "NER", "FRA")),
        ("Washington gave Caracas 72 hours to release the detained Americans.", ("THREATEN", "USA", "VEN")),
        ("The African Union readmitted Guinea on Tuesday.", ("SUPPORT", "AU", "GIN")),
        ("The navies of India and Sri Lanka launched coordinated patrols in the Palk Strait.", ("COOPERATE", "IND+LKA", "")),
        ("Zimbabwe quit the Commonwealth in 2003.", ("SANCTION", "ZWE", "COMMONWEALTH")),
        ("The FBI blamed North Korea for the hack.", ("DISAPPROVE", "USA", "PRK")),
        ("Burundi ordered 20 foreign aid groups to leave the country within a week.", ("SANCTION", "BDI", "")),
    ],
)
def test_news_wordings_of_each_category(sentence, expected):
    events = code_text(sentence)
    assert expected in dyads(events)
    assert all(e.category == expected[0] for e in events)  # no second reading of the same words


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kenya lashed out at Somalia's government on Tuesday.", ("DISAPPROVE", "KEN", "SOM")),
        ("Ghana pointed the finger at Togo for the border incident.", ("DISAPPROVE", "GHA", "TGO")),
        ("Egypt extended an olive branch to Ethiopia.", ("AGREE", "EGY", "ETH")),
        ("Zambia expressed condolences to Malawi after the floods.", ("SUPPORT", "ZMB", "MWI")),
        ("Chad sealed its border with Sudan on Friday.", ("SANCTION", "TCD", "SDN")),
        ("Guinea has pulled out of ECOWAS.", ("SANCTION", "GIN", "ECOWAS")),
        ("Kenya amassed troops along its border with Somalia.", ("MOBILIZE", "KEN", "SOM")),
        ("Tanzania granted overflight rights to India.", ("COOPERATE", "TZA", "IND")),
        ("Nigeria signed a letter of intent with Russia to build a refinery.", ("AGREE", "NGA", "RUS")),
        ("Senegal questioned the legitimacy of Guinea's junta.", ("DISAPPROVE", "SEN", "GIN")),
    ],
)
def test_phrasal_and_headline_wordings(sentence, expected):
    assert expected in dyads(code_text(sentence))
