-- transfers_by_year: how much arms-transfer reporting each year has, by weapon category.
-- grain: one row per year x weapon_category. year = year of the event date (date_start, else the
-- article's published_date; NULL when a mention has neither), the same date that chains deals.
-- n_mentions: transfer mentions; n_articles: distinct articles reporting them; n_deals: distinct deals
-- (deal_mentions) with a mention that year; n_dyads: distinct supplier x recipient pairs;
-- suppliers / recipients: sorted distinct parties (ISO3, else name); quantity_reported: sum over deals
-- of the deal's best_quantity, counting each deal in the year it was first reported (NULL: none given).
-- depends_on: stg_transfer_mentions, deal_mentions, deals
CREATE OR REPLACE TABLE transfers_by_year AS
WITH mentions AS (
    SELECT
        m.article_id,
        m.mention_id,
        year(m.event_date) AS year,
        m.weapon_category,
        m.supplier_key,
        m.recipient_key,
        coalesce(m.supplier_iso3, m.supplier_name) AS supplier,
        coalesce(m.recipient_iso3, m.recipient_name) AS recipient,
        dm.deal_id
    FROM stg_transfer_mentions AS m
    LEFT JOIN deal_mentions AS dm USING (article_id, mention_id)
),

first_reported AS (
    SELECT
        year(first_date) AS year,
        weapon_category,
        sum(best_quantity) AS quantity_reported
    FROM deals
    GROUP BY ALL
),

per_year AS (
    SELECT
        year,
        weapon_category,
        count(*) AS n_mentions,
        count(DISTINCT article_id) AS n_articles,
        count(DISTINCT deal_id) AS n_deals,
        count(DISTINCT (supplier_key, recipient_key)) AS n_dyads,
        coalesce(list_sort(list(DISTINCT supplier) FILTER (WHERE supplier IS NOT NULL)), []) AS suppliers,
        coalesce(list_sort(list(DISTINCT recipient) FILTER (WHERE recipient IS NOT NULL)), []) AS recipients
    FROM mentions
    GROUP BY year, weapon_category
),

final AS (
    SELECT
        p.year,
        p.weapon_category,
        p.n_mentions,
        p.n_articles,
        p.n_deals,
        p.n_dyads,
        p.suppliers,
        p.recipients,
        f.quantity_reported
    FROM per_year AS p
    LEFT JOIN first_reported AS f
        ON f.year IS NOT DISTINCT FROM p.year
       AND f.weapon_category = p.weapon_category
)

SELECT * FROM final
ORDER BY year NULLS LAST, weapon_category;

COMMENT ON COLUMN transfers_by_year.year IS 'Year of the event date (date_start, else the article''s published_date); NULL when a mention has neither';
COMMENT ON COLUMN transfers_by_year.weapon_category IS 'SIPRI-style weapon category of the mentions (aircraft, uav, ships, ...)';
COMMENT ON COLUMN transfers_by_year.n_mentions IS 'Transfer mentions (sentence-level rows) dated in this year and category';
COMMENT ON COLUMN transfers_by_year.n_articles IS 'Distinct articles with such a mention';
COMMENT ON COLUMN transfers_by_year.n_deals IS 'Distinct deals (deal_mentions.deal_id) with a mention in this year and category';
COMMENT ON COLUMN transfers_by_year.n_dyads IS 'Distinct supplier x recipient pairs';
COMMENT ON COLUMN transfers_by_year.suppliers IS 'Sorted distinct suppliers (ISO3, else the party name)';
COMMENT ON COLUMN transfers_by_year.recipients IS 'Sorted distinct recipients (ISO3, else the party name)';
COMMENT ON COLUMN transfers_by_year.quantity_reported IS 'Sum of deals.best_quantity over the deals first reported in this year and category; NULL when none gives a quantity';
