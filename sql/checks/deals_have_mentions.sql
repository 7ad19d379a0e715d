-- asset: deals
-- severity: ERROR
-- description: every deal is backed by at least one transfer mention in deal_mentions (and n_mentions agrees).
WITH bridge AS (
    SELECT deal_id, count(*) AS n_bridge FROM deal_mentions GROUP BY deal_id
)
SELECT d.deal_id, d.n_mentions, coalesce(b.n_bridge, 0) AS n_bridge
FROM deals AS d
LEFT JOIN bridge AS b USING (deal_id)
WHERE coalesce(b.n_bridge, 0) < 1 OR d.n_mentions < 1 OR d.n_mentions <> coalesce(b.n_bridge, 0)
