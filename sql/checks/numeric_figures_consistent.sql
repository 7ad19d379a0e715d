-- asset: numeric_figures
-- severity: ERROR
-- description: known qualifier/unit, low <= high, and a count is never negative
SELECT article_id, figure_id, text, value, value_low, value_high
FROM numeric_figures
WHERE (qualifier IS NOT NULL AND NOT list_contains($qualifiers, qualifier))
   OR (unit IS NOT NULL AND NOT list_contains($units, unit))
   OR value_low > value_high
   OR (unit = 'count' AND least(value, value_low, value_high) < 0)
