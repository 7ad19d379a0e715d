-- country_activity: how often each country appears as supplier and as recipient, per year.
-- grain: one row per country x year. A country is its ISO3 when known, else its name (non-state
-- groups, unresolved states); year = year of the event date (date_start, else the article's
-- published_date), NULL when a mention has neither.
-- counterparts: sorted distinct other parties (ISO3, else name) in either role; categories: sorted
-- distinct weapon categories; n_articles: distinct articles naming the country as a party that year.
-- depends_on: stg_transfer_mentions
CREATE OR REPLACE TABLE country_activity AS
WITH mentions AS (
    SELECT * FROM stg_transfer_mentions
),

roles AS (
    SELECT
        supplier_key AS country_key,
        supplier_iso3 AS country_iso3,
        supplier_name AS country_name,
        'supplier' AS role,
        coalesce(recipient_iso3, recipient_name) AS counterpart,
        weapon_category,
        article_id,
        year(event_date) AS year
    FROM mentions
    WHERE supplier_key IS NOT NULL

    UNION ALL

    SELECT
        recipient_key,
        recipient_iso3,
        recipient_name,
        'recipient',
        coalesce(supplier_iso3, supplier_name),
        weapon_category,
        article_id,
        year(event_date)
    FROM mentions
    WHERE recipient_key IS NOT NULL
),

final AS (
    SELECT
        min(country_iso3) AS country_iso3,
        min(country_name) AS country_name,
        year,
        count(*) FILTER (WHERE role = 'supplier') AS as_supplier_mentions,
        count(*) FILTER (WHERE role = 'recipient') AS as_recipient_mentions,
        coalesce(list_sort(list(DISTINCT counterpart) FILTER (WHERE counterpart IS NOT NULL)), [])
            AS counterparts,
        list_sort(list(DISTINCT weapon_category)) AS categories,
        count(DISTINCT article_id) AS n_articles,
        country_key
    FROM roles
    GROUP BY country_key, year
)

SELECT * FROM final
ORDER BY country_key, year NULLS LAST;

COMMENT ON COLUMN country_activity.country_iso3 IS 'The country, ISO 3166 alpha-3 (NULL for a non-state party)';
COMMENT ON COLUMN country_activity.country_name IS 'Display name';
COMMENT ON COLUMN country_activity.year IS 'Year of the event date; NULL when a mention has no date';
COMMENT ON COLUMN country_activity.as_supplier_mentions IS 'Transfer mentions with the country as supplier';
COMMENT ON COLUMN country_activity.as_recipient_mentions IS 'Transfer mentions with the country as recipient';
COMMENT ON COLUMN country_activity.counterparts IS 'Sorted distinct other parties in either role (ISO3, else name)';
COMMENT ON COLUMN country_activity.categories IS 'Sorted distinct weapon categories';
COMMENT ON COLUMN country_activity.n_articles IS 'Distinct articles naming the country as a party that year';
COMMENT ON COLUMN country_activity.country_key IS 'Country key: ISO3, else the lower-cased name';
