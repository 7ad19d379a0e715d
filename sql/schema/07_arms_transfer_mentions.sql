-- grain: one row per (sentence, supplier, recipient, weapon) transfer mention, with its evidence
CREATE TABLE IF NOT EXISTS arms_transfer_mentions (
    article_id          VARCHAR NOT NULL,
    mention_id          INTEGER NOT NULL,
    sentence_id         INTEGER,
    char_start          INTEGER NOT NULL,
    char_end            INTEGER NOT NULL,
    evidence            VARCHAR NOT NULL,
    supplier_name       VARCHAR,
    supplier_iso3       VARCHAR,
    recipient_name      VARCHAR,
    recipient_iso3      VARCHAR,
    weapon_text         VARCHAR,
    weapon_category     VARCHAR NOT NULL,
    quantity_value      DOUBLE,
    quantity_low        DOUBLE,
    quantity_high       DOUBLE,
    quantity_text       VARCHAR,
    quantity_qualifier  VARCHAR,
    deal_value          DOUBLE,
    deal_currency       VARCHAR,
    stage               VARCHAR NOT NULL,
    modality            VARCHAR NOT NULL,
    date_start          DATE,
    date_end            DATE,
    date_text           VARCHAR,
    confidence          DOUBLE NOT NULL,
    extractor_version   VARCHAR NOT NULL,
    trigger             VARCHAR,
    derivation          VARCHAR,    -- 'sentence', or where a party was borrowed from (previous_sentence, list_lead, title, article, speaker, ...)
    PRIMARY KEY (article_id, mention_id)
);
-- warehouses made before the column existed
ALTER TABLE arms_transfer_mentions ADD COLUMN IF NOT EXISTS derivation VARCHAR;
