"""The role table (pipeline/data/transfer_roles.yaml) and its interpreter."""
from __future__ import annotations

import pytest

from pipeline.extract.transfers.roles import RoleRule, role_table

ROLES = {None, "S", "R", "A", "B", "RB", "R2", "first", "as_subject", "self_prep", "gov_subject", "gov_object"}
LINK_KINDS = {"any", "self", "subj_control", "obj_control", "noun_host", "gov", "giver", "copula", "appos_party"}


def test_every_link_kind_has_rules_and_every_role_is_known():
    rules, first = role_table()
    assert set(rules) == LINK_KINDS
    assert set(first.values()) <= {"S", "R", "A"}
    for kind, table in rules.items():
        assert table, kind
        for rule in table:
            assert isinstance(rule, RoleRule)
            assert rule.role in ROLES, (kind, rule)


@pytest.mark.parametrize("text, expected", [
    # one sentence per link kind of the chain, so each section of the table is exercised
    ("Norway sold six Hellfire missiles to Chile.", {("NOR", "CHL", "missiles")}),                   # self
    ("Chile was sold six Hellfire missiles by Norway.", {("NOR", "CHL", "missiles")}),               # self, passive
    ("Chile agreed to buy six Hellfire missiles from Norway.", {("NOR", "CHL", "missiles")}),        # subj_control
    ("Chile asked Norway to sell it six Hellfire missiles.", {("NOR", "CHL", "missiles")}),          # obj_control
    ("Chile's plan to buy Hellfire missiles from Norway stalled.", {("NOR", "CHL", "missiles")}),    # noun_host
    ("Norway approved the sale of Hellfire missiles to Chile.", {("NOR", "CHL", "missiles")}),       # gov
    ("Norway is the main supplier of Hellfire missiles to Chile.", {("NOR", "CHL", "missiles")}),    # copula
    ("Chile bought Hellfire missiles from Norway, its main supplier of arms.", {("NOR", "CHL", "missiles")}),
])
def test_each_link_kind_reads_roles(nlp, text, expected):
    from tests.test_transfers import run, tuples

    assert tuples(run(nlp, text)) == expected


def test_readme_worked_example(nlp):
    """The worked example of the README's 'How a transfer row is derived' gives the rows it says."""
    from tests.test_transfers import run

    rows = run(nlp, "Washington approved the sale of 24 F-16 jets and 6 Apache helicopters to Poland and "
                    "Romania, officials said.")
    got = {(r.supplier_iso3, r.recipient_iso3, r.weapon_category, r.quantity_value, r.stage, r.modality,
            r.date_start) for r in rows}
    assert got == {("USA", rec, cat, qty, "approved", "asserted", None)
                   for rec in ("POL", "ROU") for cat, qty in (("aircraft", 24), ("helicopters", 6))}
