"""Arms-transfer mentions: who supplies what weapons to whom, per sentence, as a few named stages.

    extract_transfers(doc, entities, figures, dates, published=None, title=None) -> list[TransferMention]

A pure function of the parsed article and the mentions the other extractors found. Per sentence:

0. ``sentence``   the sentence's parties and weapons located on the parse
1. ``triggers``   words that announce a transfer (pipeline/data/transfer_triggers.yaml)
2. ``chain``, ``roles``, ``weapons``, ``candidates``
                  per trigger: the tokens that count as its own, who supplies and who receives
                  (the role table pipeline/data/transfer_roles.yaml), which weapons it governs
3. ``coordination`` lists and coordination: every member of a list of parties or weapons
4. ``pronouns``, ``context``
                  a party the sentence leaves unnamed, from the article when exactly one fits
5. ``stage``, ``attributes``
                  stage and modality; quantity, deal value and date
6. ``filters``, ``rows``
                  what is not an international arms transfer; one row per (supplier, recipient, weapon)

``extractor`` runs the stages in that order.
"""
from __future__ import annotations

from pipeline.extract.transfers.extractor import extract_transfers

__all__ = ["extract_transfers"]
