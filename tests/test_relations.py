"""Relations: per pair of actors and month, event count, net score and evidence."""

from __future__ import annotations

from datetime import date

from geopol.relations import relations


def row(event_id: str, category: str, source: str, recipient: str, day: date) -> dict:
    return {"event_id": event_id, "event_type": category, "actor_code": source, "recipient_code": recipient, "date": day}


def test_pair_and_month_aggregate_scores_both_directions():
    rows = [
        row("e1", "CONSULT", "NER", "RUS", date(2024, 3, 26)),
        row("e2", "AID", "RUS", "NER", date(2024, 3, 10)),
        row("e3", "SANCTION", "NER", "USA", date(2024, 3, 16)),
        row("e4", "RETREAT", "FRA", "NER", date(2023, 12, 22)),
    ]
    found = {(r.actor_a, r.actor_b, r.month): r for r in relations(rows)}
    ner_rus = found[("NER", "RUS", date(2024, 3, 1))]
    assert (ner_rus.event_count, ner_rus.net_score, ner_rus.coop_count, ner_rus.event_ids) == (2, 9.5, 2, ("e1", "e2"))
    assert found[("NER", "USA", date(2024, 3, 1))].net_score == -5.2
    assert ("FRA", "NER", date(2023, 12, 1)) in found


def test_rows_of_one_event_count_once_and_self_pairs_are_left_out():
    rows = [
        row("e1", "CONSULT", "MLI", "BFA", date(2024, 1, 5)),
        row("e1", "CONSULT", "MLI", "BFA", date(2024, 1, 5)),
        row("e2", "COERCE", "MLI", "MLI", date(2024, 1, 5)),
        row("e3", "DISAPPROVE", "MLI", "", date(2024, 1, 5)),
    ]
    (only,) = relations(rows)
    assert (only.actor_a, only.actor_b, only.event_count) == ("BFA", "MLI", 1)
