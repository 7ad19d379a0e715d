-- asset: entity_mentions
-- severity: ERROR
-- description: labels and weapon categories come from the contract's vocabularies
SELECT article_id, mention_id, label, weapon_category
FROM entity_mentions
WHERE NOT list_contains($entity_labels, label)
   OR (weapon_category IS NOT NULL AND NOT list_contains($weapon_categories, weapon_category))
   OR (label = 'WEAPON' AND weapon_category IS NULL)
