-- asset: sentences
-- severity: ERROR
-- description: every sentence lies inside its article and its text is the article's text at its offsets
SELECT s.article_id, s.sentence_id, s.char_start, s.char_end
FROM sentences s
JOIN articles a USING (article_id)
WHERE s.char_start < 0
   OR s.char_end > a.n_chars
   OR s.char_start >= s.char_end
   OR substring(a.text, s.char_start + 1, s.char_end - s.char_start) <> s.text
