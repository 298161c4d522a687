-- 模型运行记录: one row per run of the model engine (spec/MODELS.md "What a run must give").
CREATE TABLE model_runs (
  run_no INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,   -- Unix seconds (wall clock)
  finished_at INTEGER NOT NULL,
  as_of INTEGER NOT NULL,        -- the moment the data was judged at
  scope_org_id TEXT,             -- --org: the jurisdiction the run was limited to (null = all)
  models TEXT NOT NULL,          -- JSON array of model IDs
  versions TEXT NOT NULL,        -- JSON object model → version
  params TEXT NOT NULL,          -- JSON: effective parameters (ParamSet::ToJson)
  batches TEXT NOT NULL,         -- JSON array of the batch_ids applied (the data snapshot)
  stats TEXT NOT NULL,           -- JSON: per model rows scanned, findings, ms; load and total ms
  clues_updated INTEGER NOT NULL -- 1 when the run reconciled clues, 0 for a trial run (试算)
) STRICT;

-- 线索: one per (model, key), kept across runs.
CREATE TABLE clues (
  clue_no INTEGER PRIMARY KEY,
  model TEXT NOT NULL,
  key TEXT NOT NULL,             -- canonical JSON of the finding key, in MODELS.md order
  person_id TEXT,
  org_id TEXT NOT NULL,
  severity TEXT NOT NULL,        -- high | medium | low
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  facts TEXT NOT NULL,           -- JSON object
  basis TEXT NOT NULL,           -- JSON array of rule IDs / PARAM:<name>
  window TEXT,                   -- JSON or null
  digest TEXT NOT NULL,          -- hash of the content above, to tell an update from a repeat
  status TEXT NOT NULL,          -- open | resolved_by_data
  first_run INTEGER NOT NULL REFERENCES model_runs (run_no),
  last_run INTEGER NOT NULL REFERENCES model_runs (run_no),    -- last run that found it
  resolved_run INTEGER REFERENCES model_runs (run_no),         -- run that no longer found it
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (model, key)
) STRICT;
CREATE INDEX clues_org ON clues (org_id, status);
CREATE INDEX clues_status ON clues (status, model);
CREATE INDEX clues_person ON clues (person_id);

-- 线索历史: append-only; every change of a clue, with the run that caused it.
CREATE TABLE clue_history (
  id INTEGER PRIMARY KEY,
  clue_no INTEGER NOT NULL REFERENCES clues (clue_no),
  run_no INTEGER REFERENCES model_runs (run_no),
  at INTEGER NOT NULL,
  event TEXT NOT NULL,           -- created | updated | resolved_by_data | reopened
  status TEXT NOT NULL,          -- status after the event
  detail TEXT NOT NULL           -- JSON: what changed (previous summary/facts on update)
) STRICT;
CREATE INDEX clue_history_clue ON clue_history (clue_no, id);
