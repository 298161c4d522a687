-- M14 社区矫正越界 as SQL on SQLite with SpatiaLite: the way an SQL platform answers it.
-- Every position of a monitored, active subject is tested against the subject's residence
-- county polygon (ST_Contains, GEOS), then runs of consecutive outside positions are found
-- with a window function (gaps and islands); a run longer than 120 minutes not covered by an
-- approved leave is a finding. No jitter handling, no leave destination check.
-- Per-point polygon tests make this slow, so it runs on a sample: the subjects whose store
-- row_no is at most the number below (zj_bench_models reads this line to count the sample).
-- sample_corrections: 400
-- Needs: mod_spatialite, and geo.sqlite (table counties(code, geom), built by
-- bench/models/run.sh with ImportGeoJSON) in the current directory.
.load mod_spatialite
ATTACH DATABASE 'geo.sqlite' AS g;
WITH s AS (
  SELECT row_no, correction_id, residence_region_code AS home
  FROM corrections
  WHERE row_no <= 400 AND monitored = 1 AND status = 'active'
),
pts AS (
  SELECT s.correction_id, (p.pos_key & 4294967295) + 946684800 AS ts,
         NOT ST_Contains(c.geom, MakePoint(p.lon / 1e6, p.lat / 1e6, 4326)) AS outside
  FROM s
  JOIN positions p ON p.pos_key >= (s.row_no << 32) AND p.pos_key < ((s.row_no + 1) << 32)
  JOIN g.counties c ON c.code = s.home
),
runs AS (
  SELECT correction_id, ts, outside,
         SUM(NOT outside) OVER (PARTITION BY correction_id ORDER BY ts) AS grp
  FROM pts
),
episodes AS (
  SELECT correction_id, grp, MIN(ts) AS first, MAX(ts) AS last, COUNT(*) AS n
  FROM runs WHERE outside GROUP BY correction_id, grp
)
SELECT correction_id, strftime('%Y-%m-%dT%H:%M:%S+08:00', first, 'unixepoch', '+8 hours'),
       (last - first) / 60 AS minutes, n
FROM episodes e
WHERE last - first > 120 * 60
  AND NOT EXISTS (
    SELECT 1 FROM leaves l
    WHERE l.correction_id = e.correction_id AND l.status = 'approved'
      AND l.start_ts <= e.first AND coalesce(l.returned_ts, l.end_ts) >= e.last)
ORDER BY 1, 2;
