-- 检察日志: the daily log of a procuratorate office (派驻检察室 first of all) — what was
-- inspected, who was talked to, which meetings were attended. Not in the exchange data: the
-- platform keeps it. Written through storage/office_log_store.h with an audit row (0004) in the
-- same transaction; never edited or deleted (a correction is a new entry).
CREATE TABLE office_logs (
  log_id INTEGER PRIMARY KEY,
  org_id TEXT NOT NULL,          -- the author's office (orgs.org_id at the time of writing)
  author_id INTEGER NOT NULL REFERENCES users (user_id),
  log_date INTEGER NOT NULL,     -- date (days since 1970-01-01) the entry is about
  category TEXT NOT NULL,        -- daily | safety | talk | inspection | meeting | complaint | other
  content TEXT NOT NULL,
  created_at INTEGER NOT NULL    -- Unix seconds
) STRICT;
CREATE INDEX office_logs_org ON office_logs (org_id, log_date);
CREATE INDEX office_logs_date ON office_logs (log_date, log_id);
