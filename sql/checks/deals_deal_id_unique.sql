-- asset: deals
-- severity: ERROR
-- description: deal_id is the key of deals: no deal_id appears twice.
SELECT deal_id, count(*) AS n_rows
FROM deals
GROUP BY deal_id
HAVING count(*) > 1
