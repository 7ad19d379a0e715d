-- asset: sentences
-- severity: ERROR
-- description: every extracted article has at least one sentence
SELECT st.article_id
FROM extraction_state st
LEFT JOIN sentences s USING (article_id)
GROUP BY st.article_id
HAVING count(s.sentence_id) = 0
