"""Stage 3, lists and coordination: which members of a list of parties go with which weapons.

Coordinated parties and weapons reach the trigger through ``conj``/``appos`` links (roles.attach and
weapons.weapon_attaches treat them as transparent), so by default every listed party goes with every
listed weapon: "supplied tanks to Poland, Norway and Canada" is three rows. This stage handles the
one shape where that is wrong: gapping, where each weapon brings its own party ("acquired jets from
France and tanks from Germany"). Which weapon goes with which party is then read off the surface
order, because the parser attaches the second party anywhere.
"""
from __future__ import annotations

from pipeline.extract.transfers.model import Candidate


def bind_gapped_parties(c: Candidate):
    """'bought W1 from S1 and W2 from S2', 'will deliver W1 to R1 and W2 to R2': when a weapon stands
    between every two parties of one role, each party goes with the weapons just before it."""
    weapons = sorted(c.weapons, key=lambda w: w.start)
    if len(weapons) < 2:
        return
    trig_i = c.trigger.token.i
    for parties in (c.suppliers, c.recipients):
        named = sorted((p for p in parties if not p.pronoun and p.start > trig_i), key=lambda p: p.start)
        if len(named) < 2 or len({p.key for p in named}) < len(named):
            continue
        segments, prev_end = [], trig_i
        for p in named:
            segment = [w for w in weapons if prev_end <= w.start and w.end <= p.start]
            if not segment:
                break           # two parties side by side: a coordinated list, not gapping
            segments.append((p, segment))
            prev_end = p.end
        else:
            for p, segment in segments:
                c.bound[id(p)] = segment
