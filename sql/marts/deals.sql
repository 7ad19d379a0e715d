-- deals: transfer mentions clustered into deals across sentences and articles (rule: deal_mentions).
-- grain: one row per deal_id (a dyad + weapon_category + time island + quantity group).
-- first_date / last_date: min / max event date (date_start, else the article's published_date).
-- best_quantity: quantity_value of the highest-confidence mention that gives one; ties -> the value
-- most mentions of the deal report, then the latest mention. NULL when no mention gives a quantity.
-- best_stage: 'cancelled' / 'denied' when a mention at the deal's latest date with a known stage says so
-- (cancelled wins over denied); otherwise the most advanced stage reported: delivered > ordered >
-- approved > licensed > negotiating > offered > requested; 'unknown' when no mention knows.
-- order_date: earliest event date of an 'ordered' or 'licensed' mention. delivered_quantity / delivery_years:
-- largest quantity and distinct years of 'delivered' mentions. evidence_sample: the evidence sentence of
-- the highest-confidence mention (ties: earliest, then article_id, mention_id).
-- depends_on: deal_mentions, stg_transfer_mentions
CREATE OR REPLACE TABLE deals AS
WITH members AS (
    SELECT dm.deal_id, dm.deal_weapon_category, dm.is_core, m.*
    FROM deal_mentions AS dm
    JOIN stg_transfer_mentions AS m USING (article_id, mention_id)
),

quantity_votes AS (
    SELECT deal_id, quantity_value, count(*) AS n_reporting
    FROM members
    WHERE quantity_value IS NOT NULL
    GROUP BY ALL
),

best_quantity AS (
    SELECT deal_id, quantity_value AS best_quantity, quantity_text AS best_quantity_text
    FROM (
        SELECT
            m.deal_id, m.quantity_value, m.quantity_text,
            row_number() OVER (
                PARTITION BY m.deal_id
                ORDER BY m.confidence DESC, v.n_reporting DESC, m.event_date DESC NULLS LAST,
                         m.article_id, m.mention_id
            ) AS rn
        FROM members AS m
        JOIN quantity_votes AS v USING (deal_id, quantity_value)
    )
    WHERE rn = 1
),

latest_known AS (
    SELECT deal_id, max(event_date) AS latest_date
    FROM members
    WHERE stage <> 'unknown'
    GROUP BY deal_id
),

terminal_stage AS (
    SELECT
        m.deal_id,
        CASE WHEN bool_or(m.stage = 'cancelled') THEN 'cancelled' ELSE 'denied' END AS terminal_stage
    FROM members AS m
    JOIN latest_known AS l USING (deal_id)
    WHERE m.stage IN ('cancelled', 'denied')
      AND m.event_date IS NOT DISTINCT FROM l.latest_date
    GROUP BY m.deal_id
),

evidence AS (
    SELECT deal_id, evidence AS evidence_sample, article_id AS evidence_article_id
    FROM (
        SELECT
            deal_id, evidence, article_id,
            row_number() OVER (
                PARTITION BY deal_id
                ORDER BY confidence DESC, event_date NULLS LAST, article_id, mention_id
            ) AS rn
        FROM members
    )
    WHERE rn = 1
),

aggregated AS (
    SELECT
        deal_id,
        min(supplier_iso3) AS supplier_iso3,
        min(supplier_name) AS supplier_name,
        min(recipient_iso3) AS recipient_iso3,
        min(recipient_name) AS recipient_name,
        min(deal_weapon_category) AS weapon_category,
        coalesce(list_sort(list(DISTINCT weapon_text) FILTER (WHERE weapon_text IS NOT NULL)), [])
            AS weapon_texts,
        count(*) AS n_mentions,
        count(DISTINCT article_id) AS n_articles,
        min(event_date) AS first_date,
        max(event_date) AS last_date,
        arg_max(stage, stage_rank) FILTER (WHERE stage_rank > 0) AS most_advanced_stage,
        list_sort(list(DISTINCT stage)) AS stages,
        min(event_date) FILTER (WHERE stage IN ('ordered', 'licensed')) AS order_date,
        max(quantity_value) FILTER (WHERE stage = 'delivered') AS delivered_quantity,
        coalesce(list_sort(list(DISTINCT year(event_date))
            FILTER (WHERE stage = 'delivered' AND event_date IS NOT NULL)), []) AS delivery_years,
        max(deal_value) AS deal_value,
        min(deal_currency) AS deal_currency,
        max(confidence) AS max_confidence,
        list_sort(list(DISTINCT article_id)) AS article_ids,
        coalesce(list_sort(list(DISTINCT url) FILTER (WHERE url IS NOT NULL)), []) AS source_urls
    FROM members
    GROUP BY deal_id
),

final AS (
    SELECT
        a.deal_id,
        a.supplier_iso3,
        a.supplier_name,
        a.recipient_iso3,
        a.recipient_name,
        a.weapon_category,
        a.weapon_texts,
        a.n_mentions,
        a.n_articles,
        a.first_date,
        a.last_date,
        q.best_quantity,
        q.best_quantity_text,
        coalesce(t.terminal_stage, a.most_advanced_stage, 'unknown') AS best_stage,
        a.stages,
        a.order_date,
        a.delivered_quantity,
        a.delivery_years,
        a.deal_value,
        a.deal_currency,
        a.max_confidence,
        a.article_ids,
        a.source_urls,
        e.evidence_sample,
        e.evidence_article_id
    FROM aggregated AS a
    LEFT JOIN best_quantity AS q USING (deal_id)
    LEFT JOIN terminal_stage AS t USING (deal_id)
    LEFT JOIN evidence AS e USING (deal_id)
)

SELECT * FROM final
ORDER BY first_date NULLS LAST, deal_id;

COMMENT ON COLUMN deals.deal_id IS 'md5 of the deal''s earliest mention + dyad + category; stable across re-runs';
COMMENT ON COLUMN deals.supplier_iso3 IS 'Supplier state, ISO 3166 alpha-3 (NULL for a non-state party)';
COMMENT ON COLUMN deals.supplier_name IS 'Supplier display name';
COMMENT ON COLUMN deals.recipient_iso3 IS 'Recipient state, ISO 3166 alpha-3 (NULL for a non-state group)';
COMMENT ON COLUMN deals.recipient_name IS 'Recipient display name';
COMMENT ON COLUMN deals.weapon_category IS 'Weapon category of the deal';
COMMENT ON COLUMN deals.weapon_texts IS 'Sorted distinct weapon names the mentions use';
COMMENT ON COLUMN deals.n_mentions IS 'Transfer mentions (sentences) reporting the deal';
COMMENT ON COLUMN deals.n_articles IS 'Distinct articles reporting the deal';
COMMENT ON COLUMN deals.first_date IS 'Earliest event date (date_start, else published_date)';
COMMENT ON COLUMN deals.last_date IS 'Latest event date';
COMMENT ON COLUMN deals.best_quantity IS 'Quantity of the highest-confidence mention giving one (ties: most reported, then latest)';
COMMENT ON COLUMN deals.best_quantity_text IS 'That quantity as written';
COMMENT ON COLUMN deals.best_stage IS 'cancelled/denied when the latest dated mention says so, else the most advanced stage reported';
COMMENT ON COLUMN deals.stages IS 'Sorted distinct stages reported';
COMMENT ON COLUMN deals.order_date IS 'Earliest event date of an ordered or licensed mention';
COMMENT ON COLUMN deals.delivered_quantity IS 'Largest quantity of a delivered mention';
COMMENT ON COLUMN deals.delivery_years IS 'Distinct years of delivered mentions';
COMMENT ON COLUMN deals.deal_value IS 'Largest money value reported for the deal, in deal_currency';
COMMENT ON COLUMN deals.deal_currency IS 'ISO 4217 currency of deal_value';
COMMENT ON COLUMN deals.max_confidence IS 'Highest extractor confidence among the mentions';
COMMENT ON COLUMN deals.article_ids IS 'Sorted distinct articles reporting the deal';
COMMENT ON COLUMN deals.source_urls IS 'Sorted distinct URLs of those articles';
COMMENT ON COLUMN deals.evidence_sample IS 'Evidence sentence of the highest-confidence mention';
COMMENT ON COLUMN deals.evidence_article_id IS 'Article of evidence_sample';
