-- Batches applied to the store and rows held back in quarantine mode.
CREATE TABLE batches (
  batch_no INTEGER PRIMARY KEY,
  batch_id TEXT NOT NULL UNIQUE,
  source_org_id TEXT NOT NULL,
  exported_at INTEGER NOT NULL,
  applied_at INTEGER NOT NULL,
  mode TEXT NOT NULL,          -- strict | quarantine
  report TEXT NOT NULL         -- JSON import report
) STRICT;
CREATE INDEX batches_source ON batches (source_org_id, exported_at);

-- 隔离区: rows rejected in --quarantine mode, kept exactly as they came, with reasons.
CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  batch_no INTEGER NOT NULL,
  table_name TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  record TEXT NOT NULL,
  reasons TEXT NOT NULL        -- JSON array of {column, value, rule, message}
) STRICT;
CREATE INDEX quarantine_batch ON quarantine (batch_no, table_name);
