-- deal_mentions: which transfer mentions (across sentences and articles) report the same deal.
-- grain: one row per stg_transfer_mentions row (article_id, mention_id), with the deal it belongs to.
-- Clustering rule (all deterministic, independent of insertion order):
--  1. Partition mentions by dyad (supplier_key, recipient_key) and weapon_category.
--  2. Time islands (gaps-and-islands): order by event_date (date_start, else published_date); a new
--     island starts when a mention is more than 18 months after the previous one, so mentions chain
--     together while each is within 18 months of the last. Undated mentions form one separate island.
--  3. Quantity groups inside an island: distinct quantity_value > 0 sorted ascending; a new group
--     starts when a value is more than twice the previous one (24 and 36 stay together; 24 and 100
--     split). A mention without a quantity joins the group of the nearest-in-time mention with one
--     (ties: the larger group, then the smaller quantities); an island without quantities is one group.
--  4. A cluster = dyad + category + island + quantity group. Its deal_id = md5 of its earliest
--     mention (event_date, then article_id, mention_id) + dyad + category: stable across re-runs and
--     insertion orders; it changes only when an earlier mention of the deal arrives.
--  5. 'unspecified' mentions ("the arms package") join the cluster of a specific category of the same
--     dyad whose dated span, widened by 18 months on each side, contains them (undated: an undated
--     cluster) and whose quantities are within a factor 2 of theirs; nearest span wins (ties: more
--     mentions, then deal_id). The others stay in their own 'unspecified' clusters. Attached mentions
--     never change a cluster's deal_id or its span for attaching.
-- is_core = false marks an attached 'unspecified' mention; deal_weapon_category is the deal's category.
-- depends_on: stg_transfer_mentions
CREATE OR REPLACE TABLE deal_mentions AS
WITH mentions AS (
    SELECT
        article_id, mention_id, supplier_key, recipient_key, weapon_category, event_date,
        CASE WHEN quantity_value > 0 THEN quantity_value END AS qty
    FROM stg_transfer_mentions
),

time_breaks AS (
    SELECT
        *,
        CASE
            WHEN event_date IS NULL THEN 0
            WHEN lag(event_date) OVER w IS NULL THEN 1
            WHEN event_date > lag(event_date) OVER w + INTERVAL 18 MONTH THEN 1
            ELSE 0
        END AS new_island
    FROM mentions
    WINDOW w AS (
        PARTITION BY supplier_key, recipient_key, weapon_category, event_date IS NULL
        ORDER BY event_date, article_id, mention_id
    )
),

time_islands AS (
    SELECT
        * EXCLUDE (new_island),
        CASE
            WHEN event_date IS NULL THEN 0
            ELSE sum(new_island) OVER (
                PARTITION BY supplier_key, recipient_key, weapon_category, event_date IS NULL
                ORDER BY event_date, article_id, mention_id
                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        END AS time_island
    FROM time_breaks
),

quantity_values AS (
    SELECT DISTINCT supplier_key, recipient_key, weapon_category, time_island, qty
    FROM time_islands
    WHERE qty IS NOT NULL
),

quantity_breaks AS (
    SELECT
        *,
        CASE
            WHEN lag(qty) OVER w IS NULL THEN 1
            WHEN qty > 2 * lag(qty) OVER w THEN 1
            ELSE 0
        END AS new_group
    FROM quantity_values
    WINDOW w AS (PARTITION BY supplier_key, recipient_key, weapon_category, time_island ORDER BY qty)
),

quantity_groups AS (
    SELECT
        supplier_key, recipient_key, weapon_category, time_island, qty,
        sum(new_group) OVER (
            PARTITION BY supplier_key, recipient_key, weapon_category, time_island
            ORDER BY qty ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS qty_group
    FROM quantity_breaks
),

quantified AS (
    SELECT t.*, g.qty_group
    FROM time_islands AS t
    JOIN quantity_groups AS g
        ON g.supplier_key IS NOT DISTINCT FROM t.supplier_key
       AND g.recipient_key IS NOT DISTINCT FROM t.recipient_key
       AND g.weapon_category = t.weapon_category
       AND g.time_island = t.time_island
       AND g.qty = t.qty
),

group_sizes AS (
    SELECT supplier_key, recipient_key, weapon_category, time_island, qty_group, count(*) AS n
    FROM quantified
    GROUP BY ALL
),

unquantified_choice AS (
    SELECT article_id, mention_id, qty_group
    FROM (
        SELECT
            u.article_id, u.mention_id, q.qty_group,
            row_number() OVER (
                PARTITION BY u.article_id, u.mention_id
                ORDER BY abs(datediff('day', q.event_date, u.event_date)) NULLS LAST,
                         s.n DESC, q.qty_group
            ) AS rn
        FROM time_islands AS u
        JOIN quantified AS q
            ON q.supplier_key IS NOT DISTINCT FROM u.supplier_key
           AND q.recipient_key IS NOT DISTINCT FROM u.recipient_key
           AND q.weapon_category = u.weapon_category
           AND q.time_island = u.time_island
        JOIN group_sizes AS s
            ON s.supplier_key IS NOT DISTINCT FROM q.supplier_key
           AND s.recipient_key IS NOT DISTINCT FROM q.recipient_key
           AND s.weapon_category = q.weapon_category
           AND s.time_island = q.time_island
           AND s.qty_group = q.qty_group
        WHERE u.qty IS NULL
    )
    WHERE rn = 1
),

clustered AS (
    SELECT
        t.*,
        coalesce(q.qty_group, u.qty_group, 1) AS qty_group
    FROM time_islands AS t
    LEFT JOIN quantified AS q USING (article_id, mention_id)
    LEFT JOIN unquantified_choice AS u USING (article_id, mention_id)
),

cluster_ids AS (
    SELECT
        *,
        first_value(md5(concat_ws(chr(31),
            article_id, mention_id::VARCHAR,
            coalesce(supplier_key, ''), coalesce(recipient_key, ''), weapon_category))) OVER (
            PARTITION BY supplier_key, recipient_key, weapon_category, time_island, qty_group
            ORDER BY event_date NULLS LAST, article_id, mention_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS cluster_id
    FROM clustered
),

specific_clusters AS (
    SELECT
        cluster_id, supplier_key, recipient_key, weapon_category,
        min(event_date) AS span_start,
        max(event_date) AS span_end,
        bool_and(event_date IS NULL) AS undated,
        min(qty) AS min_qty,
        max(qty) AS max_qty,
        count(*) AS n
    FROM cluster_ids
    WHERE weapon_category <> 'unspecified'
    GROUP BY ALL
),

attachments AS (
    SELECT article_id, mention_id, cluster_id, weapon_category
    FROM (
        SELECT
            u.article_id, u.mention_id, c.cluster_id, c.weapon_category,
            row_number() OVER (
                PARTITION BY u.article_id, u.mention_id
                ORDER BY CASE
                             WHEN u.event_date IS NULL THEN 0
                             WHEN u.event_date < c.span_start THEN datediff('day', u.event_date, c.span_start)
                             WHEN u.event_date > c.span_end THEN datediff('day', c.span_end, u.event_date)
                             ELSE 0
                         END,
                         c.n DESC, c.cluster_id
            ) AS rn
        FROM cluster_ids AS u
        JOIN specific_clusters AS c
            ON c.supplier_key IS NOT DISTINCT FROM u.supplier_key
           AND c.recipient_key IS NOT DISTINCT FROM u.recipient_key
        WHERE u.weapon_category = 'unspecified'
          AND (
                (u.event_date IS NULL AND c.undated)
             OR (u.event_date IS NOT NULL AND NOT c.undated
                 AND u.event_date >= c.span_start - INTERVAL 18 MONTH
                 AND u.event_date <= c.span_end + INTERVAL 18 MONTH)
          )
          AND (u.qty IS NULL OR c.min_qty IS NULL
               OR (u.qty <= 2 * c.min_qty AND 2 * u.qty >= c.max_qty))
    )
    WHERE rn = 1
),

members AS (
    SELECT m.*, a.cluster_id AS attached_to, a.weapon_category AS attached_category
    FROM cluster_ids AS m
    LEFT JOIN attachments AS a USING (article_id, mention_id)
),

final AS (
    SELECT
        CASE
            WHEN attached_to IS NOT NULL THEN attached_to
            WHEN weapon_category <> 'unspecified' THEN cluster_id
            -- an 'unspecified' cluster keeps the mentions that were not attached; its id comes from
            -- the earliest of those
            ELSE first_value(md5(concat_ws(chr(31),
                    article_id, mention_id::VARCHAR,
                    coalesce(supplier_key, ''), coalesce(recipient_key, ''), weapon_category))) OVER (
                    PARTITION BY cluster_id, attached_to IS NULL
                    ORDER BY event_date NULLS LAST, article_id, mention_id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        END AS deal_id,
        article_id,
        mention_id,
        coalesce(attached_category, weapon_category) AS deal_weapon_category,
        attached_to IS NULL AS is_core
    FROM members
)

SELECT * FROM final
ORDER BY deal_id, article_id, mention_id;

COMMENT ON COLUMN deal_mentions.deal_id IS 'The deal: md5 of its earliest mention + dyad + category, stable across re-runs';
COMMENT ON COLUMN deal_mentions.article_id IS 'Article of the mention';
COMMENT ON COLUMN deal_mentions.mention_id IS 'Mention within the article (arms_transfer_mentions.mention_id)';
COMMENT ON COLUMN deal_mentions.deal_weapon_category IS 'The deal''s weapon category (an attached unspecified mention takes its deal''s)';
COMMENT ON COLUMN deal_mentions.is_core IS 'false when an unspecified mention ("the arms package") was attached to a specific deal';
