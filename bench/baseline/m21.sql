-- M21 看守所超期羁押 as an analyst would ask it in SQL on the SQLite store (baseline for
-- bench/models; see README.md for what it leaves out).
--
-- A detention stage lasts until its released_date, or until the same person's next stage
-- row starts, or up to the as-of day (still held). It is over its limit when that end is
-- later than stage_start + the stage's limit; with an extension document the stage's own
-- extension is added. awaiting_delivery and serving_in_center have no row in the limits
-- table (M22/M23 judge them) but still end the stage before them.
--
-- Store conventions: dates are INTEGER days since 1970-01-01; the as-of day is the Beijing
-- day of the newest batch's exported_at (Unix seconds).
--
-- Output: one row per stage over its limit, ordered by detention_id.
WITH
as_of(d) AS (
  SELECT (MAX(exported_at) + 8 * 3600) / 86400 FROM batches
),
-- 刑诉法 第91、156、158、159、172、208、243条: (base months, base days) and the stage's own
-- extension (months, days) when an extension document is recorded.
limits(stage, base_months, base_days, ext_months, ext_days) AS (
  VALUES ('criminal_detention_7',  0,  7, 0, 7),
         ('criminal_detention_30', 0, 30, 0, 7),
         ('investigation',         2,  0, 0, 0),
         ('investigation_ext1',    1,  0, 0, 0),
         ('investigation_ext2',    2,  0, 0, 0),
         ('investigation_ext3',    2,  0, 0, 0),
         ('prosecution_review',    1,  0, 0, 15),
         ('first_instance',        3,  0, 3, 0),
         ('second_instance',       2,  0, 2, 0)
),
stages AS (
  SELECT detention_id, person_id, facility_org_id, stage, stage_start, extension_doc,
         released_date,
         LEAD(stage_start) OVER (PARTITION BY person_id ORDER BY stage_start, row_no)
           AS next_start
  FROM detentions
),
judged AS (
  SELECT s.detention_id, s.person_id, s.facility_org_id, s.stage, s.stage_start,
         s.extension_doc,
         MIN(COALESCE(s.released_date, a.d), COALESCE(s.next_start, a.d), a.d) AS custody_end,
         unixepoch(date(s.stage_start * 86400, 'unixepoch',
             printf('%+d months', l.base_months +
                    CASE WHEN s.extension_doc IS NULL THEN 0 ELSE l.ext_months END),
             printf('%+d days', l.base_days +
                    CASE WHEN s.extension_doc IS NULL THEN 0 ELSE l.ext_days END))) / 86400
           AS legal_deadline
  FROM stages s
  JOIN limits l ON l.stage = s.stage
  CROSS JOIN as_of a
  WHERE s.stage_start <= a.d
)
SELECT detention_id,
       person_id,
       facility_org_id AS org_id,
       stage,
       date(stage_start * 86400, 'unixepoch') AS stage_start,
       extension_doc,
       date(legal_deadline * 86400, 'unixepoch') AS legal_deadline,
       date(custody_end * 86400, 'unixepoch') AS custody_end,
       custody_end - legal_deadline AS days_over
FROM judged
WHERE custody_end > legal_deadline
ORDER BY detention_id;
