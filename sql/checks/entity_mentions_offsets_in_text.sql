-- asset: entity_mentions
-- severity: ERROR
-- description: every mention's text is the article's text at its offsets
SELECT e.article_id, e.mention_id, e.text
FROM entity_mentions e
JOIN articles a USING (article_id)
WHERE e.char_start < 0
   OR e.char_end > a.n_chars
   OR substring(a.text, e.char_start + 1, e.char_end - e.char_start) <> e.text
