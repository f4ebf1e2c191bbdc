"""Numbers of people in a clause: "1,500 troops", "about 100 Russian advisors".

Reads tokens; adds (quantity, unit). Only counts of personnel (role nouns marked personnel)
are read, so "24.75%" or "4407 Articles" never become a quantity.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
    "a": 1,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12, "hundreds": 100, "thousands": 1000, "dozens": 12}
UNIT_NAMES = {
    "advisor": "advisers",
    "adviser": "advisers",
    "troop": "troops",
    "soldier": "soldiers",
    "personnel": "personnel",
    "force": "troops",
    "instructor": "instructors",
    "officer": "officers",
    "peacekeeper": "peacekeepers",
    "mercenary": "mercenaries",
    "police": "police",
    "policeman": "police",
    "rebel": "rebels",
    "fighter": "fighters",
    "marine": "marines",
    "contractor": "contractors",
    "paratrooper": "paratroopers",
    "militant": "militants",
}
MAX_MODIFIERS = 3  # words between the number and the noun: "100 Russian military advisors"


def parse_number(words: list[str]) -> int | None:
    """ "1,500" -> 1500; "five hundred" -> 500; "2.5 thousand" -> 2500."""
    total: float = 0
    current: float = 0
    for word in words:
        clean = word.lower().replace(",", "")
        if re.fullmatch(r"\d+(\.\d+)?", clean):
            current = float(clean)
        elif clean in SCALES:
            current = (current or 1) * SCALES[clean]
            if SCALES[clean] >= 1000:
                total, current = total + current, 0
        elif clean in WORD_NUMBERS:
            current += WORD_NUMBERS[clean]
        else:
            return None
    value = int(total + current)
    return value if value > 0 else None


def number_before(doc: Doc, noun: int, floor: int) -> tuple[int, int] | None:
    """Token span of the number that counts the noun at index noun, if any."""
    j = noun - 1
    skipped = 0
    while j >= floor and skipped <= MAX_MODIFIERS and not (doc[j].like_num or doc[j].lower_ in SCALES):
        if doc[j].is_punct and doc[j].text != "-":
            return None
        j -= 1
        skipped += 1
    if j < floor or not (doc[j].like_num or doc[j].lower_ in SCALES):
        return None
    end = j + 1
    while j - 1 >= floor and (doc[j - 1].like_num or doc[j - 1].lower_ in SCALES):
        j -= 1
    return j, end


def find_quantity(doc: Doc, personnel_nouns: list[int], start: int, end: int, near: int) -> tuple[int | None, str]:
    """The personnel count closest to token `near` inside [start, end)."""
    best: tuple[int, int, str] | None = None
    for noun in personnel_nouns:
        if not start <= noun < end:
            continue
        span = number_before(doc, noun, start)
        if span is None:
            continue
        words = [doc[k].lower_ for k in range(*span)]
        value = parse_number(words)
        if value is None or words == ["a"] or all(w in SCALES for w in words):
            continue  # "several hundred", "thousands of": no count
        distance = abs(noun - near)
        if best is None or distance < best[0]:
            best = (distance, value, UNIT_NAMES.get(doc[noun].lemma_, doc[noun].lemma_))
    return (best[1], best[2]) if best else (None, "")
