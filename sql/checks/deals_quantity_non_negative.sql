-- asset: deals
-- severity: ERROR
-- description: a deal's best, delivered quantity and value are never negative.
SELECT deal_id, best_quantity, delivered_quantity, deal_value
FROM deals
WHERE best_quantity < 0 OR delivered_quantity < 0 OR deal_value < 0
