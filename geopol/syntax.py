"""Reading a Universal Dependencies tree: subjects, objects, obliques, passives, negation.

Reads one parsed sentence (tokens with UD relations from the trained parser); adds nothing.
Every function takes and returns spaCy Tokens of that sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubj:outer", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "csubj:pass"})
OBJECTS = frozenset({"obj"})
NOMINAL_MODIFIERS = frozenset({"nmod", "obl", "nmod:poss", "obl:agent", "nmod:desc", "obl:unmarked", "nmod:unmarked"})
# Children that open a clause of their own: their words are not part of a noun phrase.
CLAUSAL = frozenset({"acl", "acl:relcl", "advcl", "advcl:relcl", "ccomp", "xcomp", "parataxis", "csubj", "list", "dep"})
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
# Verbs whose object, not subject, does what the complement says: "urged Niger to release".
OBJECT_CONTROL = frozenset(
    "urge ask order tell force compel call press pressure invite allow help persuade encourage convince "
    "instruct direct advise warn request permit enable lead push oblige prompt spur cause drive provoke inspire "
    "motivate require".split()
)
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that", "whose"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "neither"})
MAX_STEPS = 3  # tree edges between the words of one cue
# Adverbial clauses that share the main clause's subject: "after meeting Putin", "in quitting".
INHERITING_MARKS = frozenset({"after", "before", "while", "by", "since", "upon", "to", "in", "on", "without", "when"})
# Prepositions of a phrase that tells what happened before or around the event.
BACKGROUND_PREPS = frozenset({"after", "before", "following", "since", "during", "amid", "despite", "until"})


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_ in VERB_TAGS


def is_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith("NN")


def children(token: Token, deps: Iterable[str]) -> list[Token]:
    wanted = set(deps)
    return [c for c in token.children if c.dep_ in wanted]


def first_child(token: Token, deps: Iterable[str]) -> Token | None:
    found = children(token, deps)
    return found[0] if found else None


def case_of(token: Token) -> str:
    """The preposition a nominal depends through: "with" for "with France", "" for none.
    Two-word prepositions ("on behalf of", "because of") give their first word."""
    for child in token.children:
        if child.dep_ == "case" or (child.dep_ == "mark" and child.i < token.i):
            return child.lower_
    for child in token.lefts:  # "of Boko Haram fighters" read with "of" under "Boko"
        if child.dep_ in ("compound", "flat", "amod"):
            found = next((c for c in child.lefts if c.dep_ == "case"), None)
            if found is not None:
                return found.lower_
    return ""


def in_background(word: Token, preps: frozenset[str] = BACKGROUND_PREPS) -> bool:
    """ "after the talks", "following Zeine's visit" (with "following" read as a verb): a
    phrase telling what happened before the clause's own event."""
    if case_of(word) in preps:
        return True
    return word.dep_ == "obj" and word.head.lower_ in preps


def predicate(token: Token) -> Token:
    """The verb a cue word belongs to: "must" and "will" lean on their verb."""
    if token.dep_ in ("aux", "aux:pass", "cop") and token.head != token:
        return token.head
    return token


def is_passive(verb: Token, transitive: bool = True) -> bool:
    """ "was attacked", "forces deployed by Russia", "diplomats accused of spying" (a
    participle modifying a noun). A participle with an object of its own, or of a verb that
    takes none ("troops clashed with ..."), is a verb the parse hung on its subject."""
    if any(c.dep_ in ("aux:pass", "nsubj:pass", "csubj:pass") for c in verb.children):
        return True
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    if agent(verb) is not None:
        return True
    partnered = any(c.dep_ in ("obl", "nmod") and case_of(c) in ("with", "against") for c in verb.children)
    return transitive and not partnered and not any(c.dep_ == "obj" for c in verb.children)


def agent(verb: Token) -> Token | None:
    """The doer of a passive: "by ECOWAS"."""
    for child in verb.children:
        if child.dep_ == "obl:agent" or (child.dep_ == "obl" and case_of(child) == "by"):
            return child
    return None


def own_subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    # two subjects are a misreading ("NIAMEY, Niger (AP) - Niger's rulers ordered"): the one
    # nearest before the verb is its subject
    before = [c for c in subjects if c.i < verb.i]
    joined = len(before) > 1 and any(t.lower_ == "and" for t in verb.doc[before[0].i : before[1].i])
    if joined:  # "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping met": both
        return before[0]
    found = before[-1] if len(subjects) > 1 and before else (subjects[0] if subjects else None)
    if found is not None and found.lower_ in RELATIVE_PRONOUNS and verb.dep_.startswith("acl"):
        return verb.head  # "ECOWAS, which suspended ...": the antecedent
    return found


GIVEN_TIME = frozenset({"hour", "day", "week", "month", "deadline", "time", "ultimatum"})


def subject(verb: Token, steps: int = 0) -> Token | None:
    """Who does what the verb says: its own subject, else the one it shares with the verb it
    depends on ("agreed to withdraw", "met Putin and signed", "urged Niger to release" takes
    the object; "..., accusing France" the main clause's subject)."""
    found = own_subject(verb)
    if found is not None or steps > 4:
        return found
    head = verb.head
    if head == verb:
        return None
    if verb.dep_ == "xcomp":
        controller = first_child(head, ("obj", "iobj"))
        if controller is not None and head.lemma_ in OBJECT_CONTROL:
            return controller
        if is_passive(head):  # "is expected to host", "was forced to withdraw": the one expected does it
            return first_child(head, PASSIVE_SUBJECTS) or subject(head, steps + 1)
        return subject_or_agent(head, steps + 1)
    if verb.dep_ == "conj" and is_verb(head):
        if existential(head) and head.dep_ == "ccomp":
            return subject_or_agent(head.head, steps + 1)  # "said there was evidence ... and threatened"
        if head.dep_ == "ccomp" and is_passive(head) and agent(head) is None and verb.tag_ == "VBD":
            return subject_or_agent(head.head, steps + 1)  # "said he had been detained ... and demanded his release"
        if is_passive(head) and not is_passive(verb) and verb.tag_ == "VBD":
            # "it was deeply troubled by the findings and called on Bamako": the one troubled calls
            return first_child(head, PASSIVE_SUBJECTS) or subject(head, steps + 1)
        return subject_or_agent(head, steps + 1)
    if verb.dep_ == "conj" and verb.i > head.i and any(c.dep_ == "cop" for c in head.children):
        return subject(head, steps + 1)  # "they were concerned about ... and urged the junta": the same subject
    if verb.dep_ == "acl" and "to" in marks(verb) and head.dep_ == "obj" and head.head.lemma_ in OBJECT_CONTROL:
        return head  # "forcing the rebels to surrender" read with the infinitive under its noun
    if verb.dep_ == "acl" and "to" in marks(verb):  # "its decision to expel", "took a bold action to end"
        named = (c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN")
        owner = first_child(head, ("nmod:poss",)) or next(named, None)
        if owner is not None:
            return owner  # "Niger's decision to expel", "the ECOWAS intention to intervene"
        giver = head.head
        given = [c for c in giver.children if c.dep_ in ("obj", "iobj") and c != head] if giver.lemma_ == "give" else []
        if head.lemma_ in GIVEN_TIME and given:
            return given[0]  # "gave Armenian forces 24 hours to lay down their arms": the forces
        if head.dep_ in ("obj", "nsubj:pass", "obl") and head.head.i != head.i and is_verb(head.head):
            return subject_or_agent(head.head, steps + 1)
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and "," in (t.text for t in verb.doc[max(verb.i - 2, 0) : verb.i]):
        clause = outer_clause(clause_verb(head))  # "..., dismissing the move": the participle speaks for the clause
        return subject_or_agent(clause, steps + 1) if clause is not None else None
    if verb.dep_ == "acl" and (verb.tag_ in ("VBG", "VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and not is_passive(verb))):
        if head.dep_ == "conj" and "of" in marks(verb) and head.head.dep_ == "obj":
            return head.head  # "accused Wagner fighters and Malian soldiers of killing": all of them
        return head  # "troops fighting in Mali"; "troops clashed with ..." read as a participle
    if verb.dep_ in ("advcl", "acl") and not first_child(verb, ("mark",)) and verb.tag_ in ("VBG", "VB"):
        if after_comma(verb):
            head = outer_clause(head) or head  # "detained nationals working for a firm, accusing them": not theirs
        found = subject_or_agent(head, steps + 1)  # "..., accusing France of meddling"
        if found is None and head.dep_ == "ccomp" and verb.tag_ == "VBG":
            return subject_or_agent(head.head, steps + 1)  # "soldiers were killed, the army said, blaming ..."
        return found
    if verb.dep_ == "ccomp" and verb.tag_ == "VBG" and after_comma(verb) and not first_child(verb, ("mark",)):
        return subject_or_agent(head, steps + 1)  # "..., the ministry said, blaming jihadists" read as said's complement
    if verb.dep_ == "advcl" and any(c.lower_ in INHERITING_MARKS for c in verb.children):
        return subject_or_agent(head, steps + 1)  # "after meeting Putin, Zeine flew", "struck to demand"
    if verb.dep_ in ("parataxis", "dep", "appos") and is_noun(head) and head.i < verb.i:
        return head  # "Niger, especially, has expressed ...", read as a noun with a verb beside it
    return None


def hyphenated(word: Token) -> bool:
    """Is the word joined by a hyphen to the one before it ("UN-patrolled", "anti-French")?"""
    return word.i > 0 and word.doc[word.i - 1].text in ("-", "–")


def after_comma(word: Token) -> bool:
    return word.i > 0 and word.doc[word.i - 1].text == ","


def outer_clause(verb: Token | None) -> Token | None:
    """The clause a participle describing a noun sits in ("working" in "detained nationals
    working for a firm" sits in "detained"); the verb itself if it describes no noun."""
    for _ in range(4):
        if verb is None or verb.dep_ != "acl" or verb.head == verb:
            return verb
        above = clause_verb(verb.head)
        if above is None or above == verb:
            return verb
        verb = above
    return verb


def existential(verb: Token) -> bool:
    """ "there was ...": the clause states that something exists; nobody acts in it."""
    return any(c.dep_ == "expl" and c.lower_ == "there" for c in verb.children)


def clause_verb(word: Token) -> Token | None:
    """The verb of the clause a word belongs to."""
    current = word
    for _ in range(6):
        if is_verb(current) and current.dep_ not in ("aux", "aux:pass", "cop"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def subject_or_agent(verb: Token, steps: int = 0) -> Token | None:
    if is_passive(verb):
        return agent(verb)
    return subject(verb, steps)


def objects(verb: Token) -> list[Token]:
    return children(verb, ("obj",))


NAMING_VERBS = frozenset({"call", "describe", "term", "label", "brand", "dub", "characterise", "characterize"})


def named_as(word: Token) -> Token:
    """ "condemned what it called a cowardly attack": the thing judged is the attack."""
    if word.lower_ != "what":
        return word
    for verb in children(word, ("acl:relcl",)):
        if verb.lemma_ in NAMING_VERBS:
            named = [c for c in verb.children if c.i > verb.i and (c.dep_ in ("obj", "xcomp") or case_of(c) == "as")]
            if named:
                return named[0]
    return word


def obliques(token: Token, preps: Iterable[str]) -> list[Token]:
    """Prepositional dependents ("with France", "on Russia") whose preposition is one of preps."""
    wanted = set(preps)
    return [c for c in token.children if c.dep_ in NOMINAL_MODIFIERS and case_of(c) in wanted]


def complement_subject(verb: Token) -> Token | None:
    """ "demanded that Niger release ...": the subject of the clause the verb governs."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            found = own_subject(child)
            if found is not None:
                return found
    return None


def negated(token: Token) -> bool:
    """ "did not agree", "never visited", "no talks"."""
    for child in token.children:
        if child.dep_ in ("advmod", "neg", "det", "cc:preconj") and child.lower_ in NEGATIONS:
            return True
        if child.dep_ == "advmod" and child.morph.get("Polarity", []) == ["Neg"]:
            return True
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(c.lower_ == "no" for c in child.children):
            return True  # "would no longer send weapons"
        if child.dep_ in ("nsubj:pass", "nsubjpass") and any(c.dep_ == "det" and c.lower_ == "no" for c in child.children):
            return True  # "no military facilities had been hit"
        if child.dep_ in ("nsubj:pass", "nsubjpass", "nsubj") and any(c.lower_ == "neither" for c in child.children):
            return True  # "neither the army nor the RSF was invited"
        if child.dep_ == "cc" and child.lower_ == "nor" and child.i < token.i:
            return True  # "... nor the RSF was invited" read with "nor" on the verb
        if child.dep_ in ("mark", "case") and child.lower_ == "without" and child.i < token.i:
            return True  # "signed a deal without consulting Asmara"
    return False


def auxiliaries(token: Token) -> list[str]:
    """ "would", "have" in "would have extended" (an auxiliary read as the verb counts too)."""
    found = [c.lemma_.lower() for c in token.children if c.dep_ in ("aux", "aux:pass")]
    return [*found, token.lemma_.lower()] if token.pos_ == "AUX" else found


def marks(token: Token) -> list[str]:
    return [c.lower_ for c in token.children if c.dep_ == "mark"]


def governors(token: Token, deps: frozenset[str] = frozenset({"xcomp", "ccomp"})) -> Iterator[Token]:
    """The verbs above a verb that it completes: "plans to", "threatened to", "said that"."""
    current = token
    for _ in range(4):
        if current.dep_ not in deps or current.head == current:
            return
        current = current.head
        yield current


def distance_up(token: Token, ancestor: Token) -> int:
    """Tree edges from token up to ancestor, or a large number if it is not one."""
    steps = 0
    current = token
    while current != ancestor:
        if current.head == current or steps > 6:
            return 99
        current = current.head
        steps += 1
    return steps


def phrase_range(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase a head word stands for, without its
    clauses, conjuncts and appositions ("Russian President Vladimir Putin, who ...")."""
    left, right = head.i, head.i
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in CLAUSAL or child.dep_ in ("conj", "cc", "appos", "punct", "parataxis", "case", "mark"):
                continue
            if child.dep_ in ("nmod", "obl") and case_of(child) not in ("of", ""):
                continue
            left, right = min(left, child.i), max(right, child.i)
            stack.append(child)
    return left, right + 1
