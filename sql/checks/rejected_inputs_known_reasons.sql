-- asset: rejected_inputs
-- severity: ERROR
-- description: every rejection carries a reason from the documented set
SELECT source_path, reason, detail
FROM rejected_inputs
WHERE NOT list_contains($reject_reasons, reason)
