-- register_export: deals shaped like the SIPRI Arms Transfers Database trade register.
-- grain: one row per deal (deals.deal_id).
-- year_of_order: year of the earliest 'ordered'/'licensed' mention, else the year the deal was first
-- reported (comments then say "order year estimated"). number_ordered = deals.best_quantity;
-- number_delivered / years_of_delivery from 'delivered' mentions; status = deals.best_stage;
-- sources = article ids, source_urls = their URLs ('; '-separated). A deal value in comments is written
-- in whole currency units (3000000000 USD), with cents only when the text gives them.
-- depends_on: deals
CREATE OR REPLACE VIEW register_export AS
WITH deals_src AS (
    SELECT
        *,
        -- money in whole currency units ("3000000000", never "3000000000.0"); cents only when given
        CASE WHEN deal_value = round(deal_value) THEN CAST(CAST(deal_value AS HUGEINT) AS VARCHAR)
             ELSE printf('%.2f', deal_value) END AS money_text
    FROM deals
),

final AS (
    SELECT
        coalesce(recipient_name, recipient_iso3) AS recipient,
        recipient_iso3,
        coalesce(supplier_name, supplier_iso3) AS supplier,
        supplier_iso3,
        coalesce(year(order_date), year(first_date)) AS year_of_order,
        best_quantity AS number_ordered,
        array_to_string(weapon_texts, '; ') AS weapon_designation,
        weapon_category AS weapon_description,
        delivered_quantity AS number_delivered,
        array_to_string(list_transform(delivery_years, y -> CAST(y AS VARCHAR)), '; ') AS years_of_delivery,
        best_stage AS status,
        concat_ws('; ',
            CASE WHEN order_date IS NULL AND first_date IS NOT NULL THEN 'order year estimated from first report' END,
            n_mentions || ' mention(s) in ' || n_articles || ' article(s)',
            CASE WHEN deal_value IS NOT NULL
                 THEN 'value ' || money_text || coalesce(' ' || deal_currency, '') END,
            'evidence: ' || evidence_sample
        ) AS comments,
        array_to_string(article_ids, '; ') AS sources,
        array_to_string(source_urls, '; ') AS source_urls,
        deal_id
    FROM deals_src
)

SELECT * FROM final
ORDER BY recipient NULLS LAST, supplier NULLS LAST, year_of_order NULLS LAST, deal_id;

COMMENT ON COLUMN register_export.recipient IS 'Recipient name (SIPRI register column)';
COMMENT ON COLUMN register_export.recipient_iso3 IS 'Recipient state, ISO 3166 alpha-3';
COMMENT ON COLUMN register_export.supplier IS 'Supplier name';
COMMENT ON COLUMN register_export.supplier_iso3 IS 'Supplier state, ISO 3166 alpha-3';
COMMENT ON COLUMN register_export.year_of_order IS 'Year of the earliest ordered/licensed mention, else of the first report (comments say so)';
COMMENT ON COLUMN register_export.number_ordered IS 'deals.best_quantity';
COMMENT ON COLUMN register_export.weapon_designation IS 'Weapon names the mentions use, ''; ''-separated';
COMMENT ON COLUMN register_export.weapon_description IS 'Weapon category';
COMMENT ON COLUMN register_export.number_delivered IS 'Largest quantity of a delivered mention';
COMMENT ON COLUMN register_export.years_of_delivery IS 'Years of delivered mentions, ''; ''-separated';
COMMENT ON COLUMN register_export.status IS 'deals.best_stage';
COMMENT ON COLUMN register_export.comments IS 'Order-year note, mention and article counts, deal value (whole currency units), an evidence sentence';
COMMENT ON COLUMN register_export.sources IS 'Article ids, ''; ''-separated';
COMMENT ON COLUMN register_export.source_urls IS 'Article URLs, ''; ''-separated';
COMMENT ON COLUMN register_export.deal_id IS 'The deal (deals.deal_id)';
