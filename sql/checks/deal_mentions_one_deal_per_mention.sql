-- asset: deal_mentions
-- severity: ERROR
-- description: every transfer mention naming a party belongs to exactly one deal.
WITH counted AS (
    SELECT s.article_id, s.mention_id, count(dm.deal_id) AS n_deals
    FROM stg_transfer_mentions AS s
    LEFT JOIN deal_mentions AS dm USING (article_id, mention_id)
    GROUP BY s.article_id, s.mention_id
)
SELECT * FROM counted WHERE n_deals <> 1
