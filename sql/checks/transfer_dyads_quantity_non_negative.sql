-- asset: transfer_dyads
-- severity: ERROR
-- description: quantities summed into dyads are never negative.
SELECT supplier_iso3, supplier_name, recipient_iso3, recipient_name, weapon_category, total_quantity
FROM transfer_dyads
WHERE total_quantity < 0
