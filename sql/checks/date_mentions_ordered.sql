-- asset: date_mentions
-- severity: ERROR
-- description: date_end never precedes date_start; granularity and type are known
SELECT article_id, date_id, text, date_start, date_end
FROM date_mentions
WHERE date_end < date_start
   OR NOT list_contains($granularities, granularity)
   OR NOT list_contains($date_types, date_type)
