"""The shipped parser: it loads from the repository with no network, parses news sentences
into the trees the coder reads, and a known misreading is repaired."""

from __future__ import annotations

from spacy.tokens import Doc

from geopol.nlp import parser, repair


def tree(text: str) -> dict[str, tuple[str, str]]:
    doc = parser()(text)
    return {t.text: (t.dep_, t.head.text) for t in doc}


def test_the_model_carries_its_scores_and_sources():
    meta = parser().meta
    assert meta["test_scores"]["ewt"]["uas"] >= 0.87
    assert {s["name"] for s in meta["sources"]} >= {"UD English-EWT"}
    assert set(parser().pipe_names) >= {"tagger", "morphologizer", "parser"}


def test_subject_object_and_oblique_of_a_news_sentence():
    parsed = tree("Chad expelled the French ambassador on Monday.")
    assert parsed["Chad"] == ("nsubj", "expelled")
    assert parsed["ambassador"] == ("obj", "expelled")
    assert parsed["Monday"][1] == "expelled"


def test_passive_with_its_agent():
    parsed = tree("The convoy was attacked by gunmen near Gao.")
    assert parsed["convoy"] == ("nsubj:pass", "attacked")
    assert parsed["gunmen"] == ("obl:agent", "attacked")


def test_coordinated_subjects_and_a_controlled_verb():
    parsed = tree("Mali and Niger agreed to close the border.")
    assert parsed["Niger"] == ("conj", "Mali")
    assert parsed["close"] == ("xcomp", "agreed")


def test_a_past_verb_read_as_an_adjective_is_put_back_over_its_noun():
    words = ["The", "EU", "imposed", "sanctions", "on", "Mali", "."]
    heads = [1, 2, 3, 3, 5, 3, 3]
    deps = ["det", "nsubj", "amod", "ROOT", "case", "nmod", "punct"]
    tags = ["DT", "NNP", "VBD", "NNS", "IN", "NNP", "."]
    doc = repair(Doc(parser().vocab, words=words, heads=heads, deps=deps, tags=tags))
    assert (doc[2].dep_, doc[2].head.i) == ("ROOT", 2)
    assert (doc[3].dep_, doc[3].head.text) == ("obj", "imposed")
    assert doc[1].head.text == "imposed"


def built(
    words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str], lemmas: list[str] | None = None
) -> Doc:
    return repair(Doc(parser().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas))


def test_a_verbless_reading_takes_the_past_verb_hung_on_its_root_as_predicate():
    # "Hundreds of farmers marched in Dakar." read as one noun phrase
    doc = built(
        ["Hundreds", "of", "farmers", "marched", "in", "Dakar", "."],
        [0, 2, 0, 0, 5, 3, 0],
        ["ROOT", "case", "nmod", "acl", "case", "obl", "punct"],
        ["NNS", "IN", "NNS", "VBD", "IN", "NNP", "."],
        ["NOUN", "ADP", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    assert (doc[3].dep_, doc[3].head.i) == ("ROOT", 3)
    assert (doc[0].dep_, doc[0].head.text) == ("nsubj", "marched")
    assert doc[6].head.text == "marched"


def test_between_takes_both_members_of_the_pair():
    # "Trade between Ghana and Togo fell." read with Togo as the subject of "fell"
    doc = built(
        ["Trade", "between", "Ghana", "and", "Togo", "fell", "."],
        [5, 2, 0, 5, 5, 5, 5],
        ["nsubj", "case", "nmod", "cc", "nsubj", "ROOT", "punct"],
        ["NN", "IN", "NNP", "CC", "NNP", "VBD", "."],
        ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"],
    )
    assert (doc[4].dep_, doc[4].head.text) == ("conj", "Ghana")
    assert (doc[3].dep_, doc[3].head.text) == ("cc", "Togo")


def test_neighbouring_describes_the_country_it_was_read_as_taking():
    # "troops left for neighbouring Chad" read with "neighbouring" as a verb
    doc = built(
        ["Troops", "left", "for", "neighbouring", "Chad", "."],
        [1, 1, 3, 1, 3, 1],
        ["nsubj", "ROOT", "mark", "advcl", "obj", "punct"],
        ["NNS", "VBD", "IN", "VBG", "NNP", "."],
        ["NOUN", "VERB", "ADP", "VERB", "PROPN", "PUNCT"],
    )
    assert (doc[4].dep_, doc[4].head.text) == ("obl", "left")
    assert (doc[3].dep_, doc[3].head.text) == ("amod", "Chad")
    assert (doc[2].dep_, doc[2].head.text) == ("case", "Chad")


def test_a_main_verb_without_subject_takes_the_name_set_off_before_it():
    # "In a show of unity, Ghana, along with Togo, signed the accord." read with Ghana as an
    # apposition of "unity" and "signed" without a subject
    doc = built(
        "In a show of unity , Ghana , along with Togo , signed the accord .".split(),
        [2, 2, 12, 4, 2, 6, 4, 10, 10, 10, 4, 2, 12, 14, 12, 12],
        "case det obl case nmod punct appos punct case case nmod punct ROOT det obj punct".split(),
        "IN DT NN IN NN , NNP , IN IN NNP , VBD DT NN .".split(),
        "ADP DET NOUN ADP NOUN PUNCT PROPN PUNCT ADP ADP PROPN PUNCT VERB DET NOUN PUNCT".split(),
    )
    assert (doc[6].dep_, doc[6].head.text) == ("nsubj", "signed")
    assert doc[10].head.text == "Ghana"


def test_have_read_as_the_verb_gives_way_to_its_participle():
    # "Militias have burned hundreds of homes." read as "have [burned hundreds]"
    doc = built(
        ["Militias", "have", "burned", "hundreds", "of", "homes", "."],
        [1, 1, 3, 1, 5, 3, 1],
        ["nsubj", "ROOT", "amod", "obj", "case", "nmod", "punct"],
        ["NNS", "VBP", "VBN", "NNS", "IN", "NNS", "."],
        ["NOUN", "AUX", "VERB", "NOUN", "ADP", "NOUN", "PUNCT"],
    )
    assert (doc[2].dep_, doc[2].head.i) == ("ROOT", 2)
    assert (doc[1].dep_, doc[1].head.text) == ("aux", "burned")
    assert (doc[0].dep_, doc[0].head.text) == ("nsubj", "burned")
    assert (doc[3].dep_, doc[3].head.text) == ("obj", "burned")


def test_an_adjective_read_as_the_subject_of_the_next_noun_is_its_modifier():
    # "Kenyan drones struck a camp." read with "Kenyan" as the subject of "drones"
    doc = built(
        ["Kenyan", "drones", "struck", "a", "camp", "."],
        [1, 2, 2, 4, 2, 2],
        ["nsubj", "nsubj", "ROOT", "det", "obj", "punct"],
        ["JJ", "NNS", "VBD", "DT", "NN", "."],
        ["ADJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
    )
    assert (doc[0].dep_, doc[0].head.text) == ("amod", "drones")
    assert (doc[1].dep_, doc[1].head.text) == ("nsubj", "struck")


def test_a_past_form_read_as_an_adjective_with_a_subject_is_the_verb():
    # "Iraqi and Turkish troops clashed near the border." read with "clashed" an adjective
    doc = built(
        ["Iraqi", "and", "Turkish", "troops", "clashed", "near", "the", "border", "."],
        [3, 2, 0, 4, 4, 7, 7, 4, 4],
        ["amod", "cc", "conj", "nsubj", "ROOT", "case", "det", "obl", "punct"],
        ["JJ", "CC", "JJ", "NNS", "JJ", "IN", "DT", "NN", "."],
        ["ADJ", "CCONJ", "ADJ", "NOUN", "ADJ", "ADP", "DET", "NOUN", "PUNCT"],
    )
    assert (doc[4].pos_, doc[4].tag_) == ("VERB", "VBD")
    # with a copula it stays an adjective: "The talks were stalled."
    doc = built(
        ["The", "talks", "were", "stalled", "."],
        [1, 3, 3, 3, 3],
        ["det", "nsubj", "cop", "ROOT", "punct"],
        ["DT", "NNS", "VBD", "JJ", "."],
        ["DET", "NOUN", "AUX", "ADJ", "PUNCT"],
    )
    assert doc[3].pos_ == "ADJ"


def test_a_subject_hung_on_has_belongs_to_the_participle_it_serves():
    # "Chad's junta has forbidden the mission from flying." read with "junta" the subject of "has"
    doc = built(
        ["Chad", "'s", "junta", "has", "forbidden", "the", "mission", "from", "flying", "."],
        [2, 0, 3, 4, 4, 6, 4, 8, 4, 4],
        ["nmod:poss", "case", "nsubj", "aux", "ROOT", "det", "obj", "mark", "advcl", "punct"],
        ["NNP", "POS", "NN", "VBZ", "JJ", "DT", "NN", "IN", "VBG", "."],
        ["PROPN", "PART", "NOUN", "AUX", "ADJ", "DET", "NOUN", "SCONJ", "VERB", "PUNCT"],
    )
    assert (doc[2].dep_, doc[2].head.text) == ("nsubj", "forbidden")
    assert (doc[4].pos_, doc[4].tag_) == ("VERB", "VBN")


def test_a_past_tense_with_no_passive_auxiliary_has_an_active_subject():
    # "It also mediated in the dispute." read with "It" as a passive subject
    doc = built(
        ["It", "also", "mediated", "in", "the", "dispute", "."],
        [2, 2, 2, 5, 5, 2, 2],
        ["nsubj:pass", "advmod", "ROOT", "case", "det", "obl", "punct"],
        ["PRP", "RB", "VBD", "IN", "DT", "NN", "."],
        ["PRON", "ADV", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
    )
    assert doc[0].dep_ == "nsubj"


def test_a_verb_after_without_is_negated():
    # "Ethiopia signed the deal without consulting Asmara."
    from geopol.syntax import negated

    doc = built(
        ["Ethiopia", "signed", "the", "deal", "without", "consulting", "Asmara", "."],
        [1, 1, 3, 1, 5, 1, 5, 1],
        ["nsubj", "ROOT", "det", "obj", "mark", "advcl", "obj", "punct"],
        ["NNP", "VBD", "DT", "NN", "IN", "VBG", "NNP", "."],
        ["PROPN", "VERB", "DET", "NOUN", "SCONJ", "VERB", "PROPN", "PUNCT"],
    )
    assert negated(doc[5]) and not negated(doc[1])


def test_what_a_summons_is_for_is_the_summoners_purpose_not_the_envoys():
    # "Ghana summoned Togo's envoy to protest the arrest." read with "to protest" as a modifier of "envoy"
    doc = built(
        ["Ghana", "summoned", "Togo", "'s", "envoy", "to", "protest", "the", "arrest", "."],
        [1, 1, 4, 2, 1, 6, 4, 8, 6, 1],
        ["nsubj", "ROOT", "nmod:poss", "case", "obj", "mark", "acl", "det", "obj", "punct"],
        ["NNP", "VBD", "NNP", "POS", "NN", "TO", "VB", "DT", "NN", "."],
        ["PROPN", "VERB", "PROPN", "PART", "NOUN", "PART", "VERB", "DET", "NOUN", "PUNCT"],
        ["Ghana", "summon", "Togo", "'s", "envoy", "to", "protest", "the", "arrest", "."],
    )
    assert (doc[6].dep_, doc[6].head.text) == ("advcl", "summoned")


def test_the_first_of_two_joined_subjects_after_an_opening_phrase_is_a_subject():
    # "In a statement, the government and the rebels announced a truce." read with "the government"
    # an apposition of "statement"
    doc = built(
        ["In", "a", "statement", ",", "the", "government", "and", "the", "rebels", "announced", "a", "truce", "."],
        [2, 2, 9, 5, 5, 2, 8, 8, 9, 9, 11, 9, 9],
        ["case", "det", "obl", "punct", "det", "appos", "cc", "det", "nsubj", "ROOT", "det", "obj", "punct"],
        ["IN", "DT", "NN", ",", "DT", "NN", "CC", "DT", "NNS", "VBD", "DT", "NN", "."],
        ["ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "CCONJ", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
    )
    assert (doc[5].dep_, doc[5].head.text) == ("nsubj", "announced")
    assert (doc[8].dep_, doc[8].head.text) == ("conj", "government")


def test_no_repair_leaves_a_word_its_own_ancestor():
    # a jumble of news words once made a repair hang a word under its own dependent, and spaCy's
    # walk of that subtree crashed the process
    text = (
        "sanctions Niger on Tuesday Wagner talks ) Tiani ’s with in each from sanctions soldiers with the United States "
        "ECOWAS in ’s ’s"
    )
    doc = repair(parser()(text))
    for word in doc:
        steps, current = 0, word
        while current.head != current and steps <= len(doc):
            current, steps = current.head, steps + 1
        assert steps <= len(doc), f"{word.text} is its own ancestor"


def test_a_clause_after_after_read_as_a_phrase_is_a_clause_with_its_subject():
    # "Turkey responded a day after Syrian jets bombed a convoy." read with "after Syrian jets" a phrase
    words = ["Turkey", "responded", "a", "day", "after", "Syrian", "jets", "bombed", "a", "convoy", "."]
    heads = [1, 1, 3, 1, 6, 6, 1, 3, 9, 7, 1]
    deps = ["nsubj", "ROOT", "det", "obl:unmarked", "case", "amod", "obl", "acl", "det", "obj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "IN", "JJ", "NNS", "VBN", "DT", "NN", "."]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "ADJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    doc = built(words, heads, deps, tags, pos)
    assert (doc[7].dep_, doc[7].head.text) == ("advcl", "responded")
    assert (doc[6].dep_, doc[6].head.text) == ("nsubj", "bombed")
    assert (doc[4].dep_, doc[4].head.text) == ("mark", "bombed")


def test_a_plural_subject_read_as_a_verb_is_the_subject_of_the_past_form_after_it():
    # "Saudi warplanes bombed rebel positions on Friday." read with "warplanes" a verb
    words = ["Saudi", "warplanes", "bombed", "rebel", "positions", "on", "Friday", "."]
    heads = [1, 1, 1, 4, 2, 6, 2, 1]
    deps = ["nsubj", "ROOT", "acl", "compound", "obj", "case", "obl", "punct"]
    tags = ["NNP", "VBZ", "VBN", "NN", "NNS", "IN", "NNP", "."]
    pos = ["PROPN", "VERB", "VERB", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"]
    doc = built(words, heads, deps, tags, pos)
    assert (doc[2].dep_, doc[2].head.text) == ("ROOT", "bombed")
    assert (doc[1].dep_, doc[1].head.text) == ("nsubj", "bombed")
    assert (doc[0].dep_, doc[0].head.text) == ("compound", "warplanes")
    assert doc[7].head.text == "bombed"
