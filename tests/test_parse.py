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
