-- deal_evidence: every sentence behind every deal, with the article it comes from.
-- grain: one row per deal x transfer mention (one deal_mentions row), so a deal has as many rows as
-- sentences report it. Deal columns repeat the deals row; mention columns say what that one sentence
-- claims (stage, modality, quantity, date, confidence, derivation); article columns say where it was
-- read (title, published_date, source, url, source_path). Ordered by deal, then date, then article.
-- depends_on: deals, deal_mentions, arms_transfer_mentions, articles
CREATE OR REPLACE VIEW deal_evidence AS
WITH deal_rows AS (
    SELECT
        deal_id, supplier_iso3, supplier_name, recipient_iso3, recipient_name, weapon_category,
        best_quantity, best_stage, n_mentions, n_articles, first_date, last_date
    FROM deals
),

mention_rows AS (
    SELECT
        dm.deal_id, dm.is_core, t.article_id, t.mention_id, t.sentence_id, t.evidence,
        t.weapon_text, t.quantity_value, t.quantity_text, t.stage, t.modality, t.date_text,
        t.date_start, t.confidence, t.derivation
    FROM deal_mentions AS dm
    JOIN arms_transfer_mentions AS t USING (article_id, mention_id)
),

article_rows AS (
    SELECT article_id, title, published_date, source, url, source_path
    FROM articles
),

final AS (
    SELECT
        d.deal_id,
        d.supplier_iso3,
        d.supplier_name,
        d.recipient_iso3,
        d.recipient_name,
        d.weapon_category,
        d.best_quantity,
        d.best_stage,
        d.n_mentions,
        d.n_articles,
        m.article_id,
        m.mention_id,
        m.sentence_id,
        m.is_core,
        m.evidence,
        m.weapon_text,
        m.quantity_value,
        m.quantity_text,
        m.stage,
        m.modality,
        m.date_text,
        m.date_start,
        m.confidence,
        m.derivation,
        a.title,
        a.published_date,
        a.source,
        a.url,
        a.source_path
    FROM deal_rows AS d
    JOIN mention_rows AS m USING (deal_id)
    LEFT JOIN article_rows AS a USING (article_id)
)

SELECT * FROM final
ORDER BY deal_id, coalesce(date_start, published_date) NULLS LAST, article_id, mention_id;

COMMENT ON COLUMN deal_evidence.deal_id IS 'The deal (deals.deal_id) this sentence reports';
COMMENT ON COLUMN deal_evidence.supplier_iso3 IS 'Deal supplier state, ISO 3166 alpha-3 (NULL for a non-state party)';
COMMENT ON COLUMN deal_evidence.supplier_name IS 'Deal supplier display name';
COMMENT ON COLUMN deal_evidence.recipient_iso3 IS 'Deal recipient state, ISO 3166 alpha-3 (NULL for a non-state group)';
COMMENT ON COLUMN deal_evidence.recipient_name IS 'Deal recipient display name';
COMMENT ON COLUMN deal_evidence.weapon_category IS 'The deal''s weapon category';
COMMENT ON COLUMN deal_evidence.best_quantity IS 'The deal''s best quantity (deals.best_quantity)';
COMMENT ON COLUMN deal_evidence.best_stage IS 'The deal''s best stage (deals.best_stage)';
COMMENT ON COLUMN deal_evidence.n_mentions IS 'Mentions of the deal in all articles';
COMMENT ON COLUMN deal_evidence.n_articles IS 'Articles reporting the deal';
COMMENT ON COLUMN deal_evidence.article_id IS 'Article of this evidence sentence';
COMMENT ON COLUMN deal_evidence.mention_id IS 'Transfer mention (arms_transfer_mentions.mention_id) within the article';
COMMENT ON COLUMN deal_evidence.sentence_id IS 'Sentence of the article (sentences.sentence_id)';
COMMENT ON COLUMN deal_evidence.is_core IS 'false when an unspecified mention ("the arms package") was attached to this deal';
COMMENT ON COLUMN deal_evidence.evidence IS 'The sentence the mention was read from';
COMMENT ON COLUMN deal_evidence.weapon_text IS 'The weapon as this sentence names it';
COMMENT ON COLUMN deal_evidence.quantity_value IS 'Quantity this sentence gives (NULL: none)';
COMMENT ON COLUMN deal_evidence.quantity_text IS 'The quantity as written';
COMMENT ON COLUMN deal_evidence.stage IS 'Stage this sentence reports (requested ... delivered, cancelled, denied, unknown)';
COMMENT ON COLUMN deal_evidence.modality IS 'asserted, planned, possible, negated or historical';
COMMENT ON COLUMN deal_evidence.date_text IS 'The date expression of the sentence, as written';
COMMENT ON COLUMN deal_evidence.date_start IS 'Start of the date the sentence gives for the transfer';
COMMENT ON COLUMN deal_evidence.confidence IS 'Extractor confidence of the mention, 0..1';
COMMENT ON COLUMN deal_evidence.derivation IS 'sentence, or where a party was borrowed from (previous_sentence, title, ...)';
COMMENT ON COLUMN deal_evidence.title IS 'Title of the source article';
COMMENT ON COLUMN deal_evidence.published_date IS 'Publication date of the source article';
COMMENT ON COLUMN deal_evidence.source IS 'Publisher of the source article';
COMMENT ON COLUMN deal_evidence.url IS 'URL of the source article';
COMMENT ON COLUMN deal_evidence.source_path IS 'Input file of the article, relative to the articles folder';
