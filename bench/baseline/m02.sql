-- M02 减刑间隔不足 as an analyst would ask it in SQL on the SQLite store (baseline for
-- bench/models; see README.md for what it leaves out).
--
-- For every commutation proposal, the previous reduction of the same sentence (commutation,
-- 无期/死缓 conversion) by proposal date; the interval runs from the day the previous
-- ruling took effect (effective_date, else decision_date) to the proposal date and must be
--   - at least 1 year when the original term is under 10 years, else 1 year 6 months
--     (法释〔2016〕23号 第6条第3款; life and 死缓 sentences, with no term_months, count as
--     10 years or more), and
--   - not shorter than the previous commutation's reduction (same article, last sentence).
--
-- Store conventions: dates are INTEGER days since 1970-01-01; reduction_months /
-- reduction_days hold the previous cut.
--
-- Output: one row per commutation proposed too soon, ordered by change_id.
WITH
reductions AS (
  SELECT t.row_no, t.change_id, t.person_id, t.sentence_id, t.change_type,
         t.proposing_org_id, t.proposal_date,
         COALESCE(t.effective_date, t.decision_date) AS took_effect,
         t.reduction_months, t.reduction_days
  FROM term_changes t
  WHERE t.change_type IN ('commutation', 'life_to_fixed', 'reprieve_to_life',
                          'reprieve_to_fixed')
),
paired AS (
  SELECT r.change_id, r.person_id, r.proposing_org_id, r.change_type, r.proposal_date,
         s.term_months,
         LAG(r.change_id) OVER w AS prev_change_id,
         LAG(r.change_type) OVER w AS prev_type,
         LAG(r.took_effect) OVER w AS prev_effective,
         LAG(r.reduction_months) OVER w AS prev_months,
         LAG(r.reduction_days) OVER w AS prev_days
  FROM reductions r
  JOIN sentences s ON s.sentence_id = r.sentence_id
  WINDOW w AS (PARTITION BY r.sentence_id ORDER BY r.proposal_date, r.row_no)
),
judged AS (
  SELECT p.*,
         unixepoch(date(p.prev_effective * 86400, 'unixepoch',
             CASE WHEN p.term_months < 120 THEN '+12 months' ELSE '+18 months' END)) / 86400
           AS earliest_by_term,
         CASE WHEN p.prev_type = 'commutation' THEN
           unixepoch(date(p.prev_effective * 86400, 'unixepoch',
               printf('%+d months', COALESCE(p.prev_months, 0)),
               printf('%+d days', COALESCE(p.prev_days, 0)))) / 86400
         END AS earliest_by_cut
  FROM paired p
  WHERE p.change_type = 'commutation'
    AND p.proposal_date IS NOT NULL
    AND p.prev_effective IS NOT NULL
)
SELECT change_id,
       person_id,
       proposing_org_id AS org_id,
       prev_change_id,
       date(prev_effective * 86400, 'unixepoch') AS previous_effective,
       date(proposal_date * 86400, 'unixepoch') AS proposal_date,
       proposal_date - prev_effective AS interval_days,
       date(MAX(earliest_by_term, COALESCE(earliest_by_cut, 0)) * 86400, 'unixepoch')
         AS earliest_proposal_date
FROM judged
WHERE proposal_date < earliest_by_term
   OR proposal_date < earliest_by_cut
ORDER BY change_id;
