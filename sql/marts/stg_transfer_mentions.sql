-- stg_transfer_mentions: arms_transfer_mentions with the keys every mart shares.
-- grain: one row per arms_transfer_mentions row (article_id, mention_id) that names at least one party.
-- Party key = ISO3 when known, else the lower-cased trimmed name (non-state groups, unresolved states);
-- a mention with neither supplier nor recipient is dropped (it cannot form a dyad).
-- Display name of a party: for an ISO3, the most frequent canonical_name of COUNTRY entity_mentions
-- with that ISO3 (so "France", not "Dassault"); otherwise (and for name-keyed parties) its most
-- frequent supplier/recipient name over both roles (ties: alphabetical); else the ISO3 itself.
-- event_date = date_start, falling back to the article's published_date (NULL when neither).
-- stage_rank orders stages by how far a transfer got: delivered 7 > ordered 6 > approved 5 >
-- licensed 4 > negotiating 3 > offered 2 > requested 1; unknown/cancelled/denied = 0.
-- depends_on: arms_transfer_mentions, articles, entity_mentions
CREATE OR REPLACE VIEW stg_transfer_mentions AS
WITH source AS (
    SELECT * FROM arms_transfer_mentions
),

articles_meta AS (
    SELECT article_id, published_date, url FROM articles
),

keyed AS (
    SELECT
        s.*,
        nullif(upper(trim(s.supplier_iso3)), '') AS s_iso3,
        nullif(upper(trim(s.recipient_iso3)), '') AS r_iso3,
        nullif(trim(s.supplier_name), '') AS s_name,
        nullif(trim(s.recipient_name), '') AS r_name,
        a.published_date,
        a.url
    FROM source AS s
    LEFT JOIN articles_meta AS a USING (article_id)
),

with_keys AS (
    SELECT
        *,
        coalesce(s_iso3, lower(s_name)) AS supplier_key,
        coalesce(r_iso3, lower(r_name)) AS recipient_key
    FROM keyed
),

party_name_counts AS (
    SELECT party_key, party_name, count(*) AS n
    FROM (
        SELECT supplier_key AS party_key, s_name AS party_name FROM with_keys
        UNION ALL
        SELECT recipient_key, r_name FROM with_keys
    )
    WHERE party_key IS NOT NULL AND party_name IS NOT NULL
    GROUP BY party_key, party_name
),

party_names AS (
    SELECT party_key, party_name
    FROM (
        SELECT
            party_key, party_name,
            row_number() OVER (PARTITION BY party_key ORDER BY n DESC, party_name) AS rn
        FROM party_name_counts
    )
    WHERE rn = 1
),

country_name_counts AS (
    SELECT upper(trim(country_iso3)) AS iso3, canonical_name, count(*) AS n
    FROM entity_mentions
    WHERE label = 'COUNTRY'
      AND nullif(trim(country_iso3), '') IS NOT NULL
      AND nullif(trim(canonical_name), '') IS NOT NULL
    GROUP BY ALL
),

country_names AS (
    SELECT iso3, canonical_name
    FROM (
        SELECT
            iso3, canonical_name,
            row_number() OVER (PARTITION BY iso3 ORDER BY n DESC, canonical_name) AS rn
        FROM country_name_counts
    )
    WHERE rn = 1
),

final AS (
    SELECT
        k.article_id,
        k.mention_id,
        k.sentence_id,
        k.evidence,
        k.supplier_key,
        k.s_iso3 AS supplier_iso3,
        coalesce(cs.canonical_name, ps.party_name, k.s_iso3) AS supplier_name,
        k.s_name AS supplier_name_raw,
        k.recipient_key,
        k.r_iso3 AS recipient_iso3,
        coalesce(cr.canonical_name, pr.party_name, k.r_iso3) AS recipient_name,
        k.r_name AS recipient_name_raw,
        k.weapon_text,
        coalesce(nullif(trim(k.weapon_category), ''), 'unspecified') AS weapon_category,
        k.quantity_value,
        k.quantity_low,
        k.quantity_high,
        k.quantity_text,
        k.quantity_qualifier,
        k.deal_value,
        k.deal_currency,
        coalesce(k.stage, 'unknown') AS stage,
        CASE k.stage
            WHEN 'delivered' THEN 7
            WHEN 'ordered' THEN 6
            WHEN 'approved' THEN 5
            WHEN 'licensed' THEN 4
            WHEN 'negotiating' THEN 3
            WHEN 'offered' THEN 2
            WHEN 'requested' THEN 1
            ELSE 0
        END AS stage_rank,
        k.modality,
        k.date_start,
        k.date_end,
        k.published_date,
        coalesce(k.date_start, k.published_date) AS event_date,
        k.confidence,
        k.url
    FROM with_keys AS k
    LEFT JOIN party_names AS ps ON ps.party_key = k.supplier_key
    LEFT JOIN party_names AS pr ON pr.party_key = k.recipient_key
    LEFT JOIN country_names AS cs ON cs.iso3 = k.s_iso3
    LEFT JOIN country_names AS cr ON cr.iso3 = k.r_iso3
    WHERE k.supplier_key IS NOT NULL OR k.recipient_key IS NOT NULL
)

SELECT * FROM final;

COMMENT ON COLUMN stg_transfer_mentions.article_id IS 'Article of the mention (articles.article_id)';
COMMENT ON COLUMN stg_transfer_mentions.mention_id IS 'Mention within the article (arms_transfer_mentions.mention_id)';
COMMENT ON COLUMN stg_transfer_mentions.sentence_id IS 'Sentence of the article the mention was read from';
COMMENT ON COLUMN stg_transfer_mentions.evidence IS 'The evidence sentence';
COMMENT ON COLUMN stg_transfer_mentions.supplier_key IS 'Supplier key shared by every mart: ISO3 when known, else the lower-cased name';
COMMENT ON COLUMN stg_transfer_mentions.supplier_iso3 IS 'Supplier state, ISO 3166 alpha-3 (upper-cased, blank -> NULL)';
COMMENT ON COLUMN stg_transfer_mentions.supplier_name IS 'Supplier display name: the state''s most frequent country name, else the most frequent party name';
COMMENT ON COLUMN stg_transfer_mentions.supplier_name_raw IS 'Supplier name as the extractor wrote it (e.g. a company)';
COMMENT ON COLUMN stg_transfer_mentions.recipient_key IS 'Recipient key shared by every mart: ISO3 when known, else the lower-cased name';
COMMENT ON COLUMN stg_transfer_mentions.recipient_iso3 IS 'Recipient state, ISO 3166 alpha-3 (NULL for a non-state group)';
COMMENT ON COLUMN stg_transfer_mentions.recipient_name IS 'Recipient display name (as supplier_name)';
COMMENT ON COLUMN stg_transfer_mentions.recipient_name_raw IS 'Recipient name as the extractor wrote it';
COMMENT ON COLUMN stg_transfer_mentions.weapon_text IS 'The weapon as the sentence names it';
COMMENT ON COLUMN stg_transfer_mentions.weapon_category IS 'Weapon category; blank -> unspecified';
COMMENT ON COLUMN stg_transfer_mentions.quantity_value IS 'Number of items the sentence gives (NULL: none)';
COMMENT ON COLUMN stg_transfer_mentions.quantity_low IS 'Lower bound of a quantity range';
COMMENT ON COLUMN stg_transfer_mentions.quantity_high IS 'Upper bound of a quantity range';
COMMENT ON COLUMN stg_transfer_mentions.quantity_text IS 'The quantity as written';
COMMENT ON COLUMN stg_transfer_mentions.quantity_qualifier IS 'exact, approx, at_least, at_most, range or vague';
COMMENT ON COLUMN stg_transfer_mentions.deal_value IS 'Money value of the deal given in the sentence, in deal_currency';
COMMENT ON COLUMN stg_transfer_mentions.deal_currency IS 'ISO 4217 currency of deal_value';
COMMENT ON COLUMN stg_transfer_mentions.stage IS 'Stage of the transfer; NULL -> unknown';
COMMENT ON COLUMN stg_transfer_mentions.stage_rank IS 'How far the transfer got: delivered 7 > ordered 6 > approved 5 > licensed 4 > negotiating 3 > offered 2 > requested 1; else 0';
COMMENT ON COLUMN stg_transfer_mentions.modality IS 'asserted, planned, possible, negated or historical';
COMMENT ON COLUMN stg_transfer_mentions.date_start IS 'Start of the date the sentence gives for the transfer';
COMMENT ON COLUMN stg_transfer_mentions.date_end IS 'End of that date';
COMMENT ON COLUMN stg_transfer_mentions.published_date IS 'Publication date of the article';
COMMENT ON COLUMN stg_transfer_mentions.event_date IS 'date_start, else the article''s published_date: the date marts order and bucket by';
COMMENT ON COLUMN stg_transfer_mentions.confidence IS 'Extractor confidence, 0..1';
COMMENT ON COLUMN stg_transfer_mentions.url IS 'URL of the article';
