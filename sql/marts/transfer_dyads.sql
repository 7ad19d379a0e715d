-- transfer_dyads: who transfers which category of weapons to whom, over all articles.
-- grain: one row per supplier x recipient x weapon_category (a party is its ISO3 when known, else
-- its name; see stg_transfer_mentions). Self-dyads (supplier = recipient) are kept so that the
-- check transfer_dyads_no_self_dyad can surface them.
-- first_date / last_date: min / max of date_start, falling back to the article's published_date.
-- stages: sorted distinct stages. latest_stage: the stage of the latest dated mention whose stage is
-- known (ties: most advanced, then highest confidence); 'unknown' only when no mention knows.
-- total_quantity: per article the largest comparable quantity (quantity_value present, qualifier not
-- 'vague'), summed over articles; NULL when no article gives one. Two articles reporting the same
-- deal are both counted, so this is a gauge of reported volume: use deals.best_quantity for deal-level
-- de-duplicated numbers.
-- depends_on: stg_transfer_mentions
CREATE OR REPLACE TABLE transfer_dyads AS
WITH mentions AS (
    SELECT * FROM stg_transfer_mentions
),

per_article_quantity AS (
    SELECT
        supplier_key, recipient_key, weapon_category, article_id,
        max(quantity_value) AS article_quantity
    FROM mentions
    WHERE quantity_value IS NOT NULL
      AND coalesce(quantity_qualifier, '') <> 'vague'
    GROUP BY ALL
),

quantities AS (
    SELECT supplier_key, recipient_key, weapon_category, sum(article_quantity) AS total_quantity
    FROM per_article_quantity
    GROUP BY ALL
),

latest AS (
    SELECT supplier_key, recipient_key, weapon_category, stage AS latest_stage
    FROM (
        SELECT
            *,
            row_number() OVER (
                PARTITION BY supplier_key, recipient_key, weapon_category
                ORDER BY stage = 'unknown', event_date DESC NULLS LAST, stage_rank DESC,
                         confidence DESC, article_id, mention_id
            ) AS rn
        FROM mentions
    )
    WHERE rn = 1
),

dyads AS (
    SELECT
        supplier_key,
        recipient_key,
        weapon_category,
        min(supplier_iso3) AS supplier_iso3,
        min(supplier_name) AS supplier_name,
        min(recipient_iso3) AS recipient_iso3,
        min(recipient_name) AS recipient_name,
        count(*) AS n_mentions,
        count(DISTINCT article_id) AS n_articles,
        min(event_date) AS first_date,
        max(event_date) AS last_date,
        list_sort(list(DISTINCT stage)) AS stages
    FROM mentions
    GROUP BY supplier_key, recipient_key, weapon_category
),

final AS (
    SELECT
        d.supplier_iso3,
        d.supplier_name,
        d.recipient_iso3,
        d.recipient_name,
        d.weapon_category,
        d.n_mentions,
        d.n_articles,
        d.first_date,
        d.last_date,
        d.stages,
        q.total_quantity,
        l.latest_stage,
        d.supplier_key,
        d.recipient_key
    FROM dyads AS d
    LEFT JOIN quantities AS q
        ON q.supplier_key IS NOT DISTINCT FROM d.supplier_key
       AND q.recipient_key IS NOT DISTINCT FROM d.recipient_key
       AND q.weapon_category = d.weapon_category
    LEFT JOIN latest AS l
        ON l.supplier_key IS NOT DISTINCT FROM d.supplier_key
       AND l.recipient_key IS NOT DISTINCT FROM d.recipient_key
       AND l.weapon_category = d.weapon_category
)

SELECT * FROM final
ORDER BY n_mentions DESC, n_articles DESC, supplier_key NULLS LAST, recipient_key NULLS LAST, weapon_category;

COMMENT ON COLUMN transfer_dyads.supplier_iso3 IS 'Supplier state, ISO 3166 alpha-3 (NULL for a non-state party)';
COMMENT ON COLUMN transfer_dyads.supplier_name IS 'Supplier display name';
COMMENT ON COLUMN transfer_dyads.recipient_iso3 IS 'Recipient state, ISO 3166 alpha-3 (NULL for a non-state group)';
COMMENT ON COLUMN transfer_dyads.recipient_name IS 'Recipient display name';
COMMENT ON COLUMN transfer_dyads.weapon_category IS 'Weapon category';
COMMENT ON COLUMN transfer_dyads.n_mentions IS 'Transfer mentions of this dyad and category';
COMMENT ON COLUMN transfer_dyads.n_articles IS 'Distinct articles with such a mention';
COMMENT ON COLUMN transfer_dyads.first_date IS 'Earliest event date (date_start, else published_date)';
COMMENT ON COLUMN transfer_dyads.last_date IS 'Latest event date';
COMMENT ON COLUMN transfer_dyads.stages IS 'Sorted distinct stages reported';
COMMENT ON COLUMN transfer_dyads.total_quantity IS 'Per article the largest non-vague quantity, summed over articles (a gauge of reported volume; deals de-duplicate)';
COMMENT ON COLUMN transfer_dyads.latest_stage IS 'Stage of the latest dated mention with a known stage';
COMMENT ON COLUMN transfer_dyads.supplier_key IS 'Supplier key: ISO3, else the lower-cased name';
COMMENT ON COLUMN transfer_dyads.recipient_key IS 'Recipient key: ISO3, else the lower-cased name';
