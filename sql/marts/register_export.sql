-- register_export: deals shaped like the SIPRI Arms Transfers Database trade register.
-- grain: one row per deal (deals.deal_id).
-- year_of_order: year of the earliest 'ordered'/'licensed' mention, else the year the deal was first
-- reported (comments then say "order year estimated"). number_ordered = deals.best_quantity;
-- number_delivered / years_of_delivery from 'delivered' mentions; status = deals.best_stage;
-- sources = article ids, source_urls = their URLs ('; '-separated).
-- depends_on: deals
CREATE OR REPLACE VIEW register_export AS
WITH deals_src AS (
    SELECT * FROM deals
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
                 THEN 'value ' || CAST(deal_value AS VARCHAR) || coalesce(' ' || deal_currency, '') END,
            'evidence: ' || evidence_sample
        ) AS comments,
        array_to_string(article_ids, '; ') AS sources,
        array_to_string(source_urls, '; ') AS source_urls,
        deal_id
    FROM deals_src
)

SELECT * FROM final
ORDER BY recipient NULLS LAST, supplier NULLS LAST, year_of_order NULLS LAST, deal_id
