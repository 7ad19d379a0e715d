-- asset: arms_transfer_mentions
-- severity: ERROR
-- description: no state supplies itself, quantities are not negative, dates are ordered,
--   evidence is the article's text, and every enum is from the contract
SELECT t.article_id, t.mention_id, t.supplier_iso3, t.recipient_iso3, t.quantity_value, t.stage
FROM arms_transfer_mentions t
JOIN articles a USING (article_id)
WHERE t.supplier_iso3 = t.recipient_iso3
   OR least(t.quantity_value, t.quantity_low, t.quantity_high) < 0
   OR t.quantity_low > t.quantity_high
   OR t.date_end < t.date_start
   OR t.confidence NOT BETWEEN 0 AND 1
   OR substring(a.text, t.char_start + 1, t.char_end - t.char_start) <> t.evidence
   OR NOT list_contains($weapon_categories, t.weapon_category)
   OR NOT list_contains($stages, t.stage)
   OR NOT list_contains($modalities, t.modality)
