-- asset: transfer_dyads
-- severity: WARN
-- description: no dyad has the same party as supplier and recipient (domestic procurement or an extraction error).
SELECT supplier_iso3, supplier_name, recipient_iso3, recipient_name, weapon_category, n_mentions
FROM transfer_dyads
WHERE supplier_key = recipient_key
