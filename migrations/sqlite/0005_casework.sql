-- 办案 (casework): clue triage, supervision cases, their deadlines, documents, replies,
-- rectification evidence and follow-up checks (回头看). Written by src/workflow through
-- storage/case_store.h; every change also writes an audit row (0004) in the same transaction.
-- Dates are civil days since 1970-01-01 (common/date.h); *_at columns are Unix seconds.

-- 线索研判: the casework state of a clue once someone has acted on it (no row = 待分派).
CREATE TABLE clue_triage (
  clue_no INTEGER PRIMARY KEY REFERENCES clues (clue_no),
  state TEXT NOT NULL,           -- assigned | verifying | verified | dismissed | merged | promoted
  assignee_id INTEGER,           -- users.user_id of the person checking it
  reason_code TEXT,              -- dismissed: workflow/triage.h DismissReason code
  note TEXT NOT NULL DEFAULT '',
  merged_into INTEGER REFERENCES clues (clue_no),
  case_id INTEGER REFERENCES cases (case_id),
  version INTEGER NOT NULL,      -- bumped by every change: a stale edit is refused (409)
  updated_at INTEGER NOT NULL,
  updated_by INTEGER
) STRICT;
CREATE INDEX clue_triage_state ON clue_triage (state);
CREATE INDEX clue_triage_assignee ON clue_triage (assignee_id, state);

-- 线索研判记录: append-only, every triage action.
CREATE TABLE clue_actions (
  id INTEGER PRIMARY KEY,
  clue_no INTEGER NOT NULL REFERENCES clues (clue_no),
  at INTEGER NOT NULL,
  user_id INTEGER,
  action TEXT NOT NULL,          -- assign | verify | dismiss | merge | promote | reopen
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  detail TEXT NOT NULL           -- JSON
) STRICT;
CREATE INDEX clue_actions_clue ON clue_actions (clue_no, id);

-- 监督案件.
CREATE TABLE cases (
  case_id INTEGER PRIMARY KEY,
  case_no TEXT NOT NULL UNIQUE,  -- 受理案号, numbered per handling procuratorate and year
  case_type TEXT NOT NULL,       -- correction 纠正违法 | suggestion 检察建议 |
                                 -- proposal_review 减假暂审查(检察意见) | ruling_correction 书面纠正意见
  state TEXT NOT NULL,           -- workflow/case_machine.h
  outcome TEXT,                  -- set when closed
  handling_org_id TEXT NOT NULL, -- the procuratorate office handling the case
  issuing_org_id TEXT NOT NULL,  -- the procuratorate in whose name documents are issued
  subject_org_id TEXT NOT NULL,  -- the executing agency (or court) supervised
  person_id TEXT,
  change_id TEXT,                -- term_changes.change_id (proposal reviews, ruling corrections)
  parent_case_id INTEGER REFERENCES cases (case_id),
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  facts TEXT NOT NULL,           -- JSON object
  basis TEXT NOT NULL,           -- JSON array of rule IDs
  card TEXT NOT NULL,            -- JSON: 案卡 (proposal reviews: verdicts, eligibility, risk points)
  handler_id INTEGER,            -- users.user_id 承办检察官
  accepted_on INTEGER NOT NULL,  -- date 受理日期
  closed_on INTEGER,             -- date 结案日期
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE INDEX cases_handling ON cases (handling_org_id, state);
CREATE INDEX cases_subject ON cases (subject_org_id, state);
CREATE INDEX cases_person ON cases (person_id);
CREATE INDEX cases_accepted ON cases (accepted_on);
-- A pending proposal becomes exactly one review case, however often intake runs.
CREATE UNIQUE INDEX cases_review_change ON cases (change_id) WHERE case_type = 'proposal_review';

CREATE TABLE case_clues (
  case_id INTEGER NOT NULL REFERENCES cases (case_id),
  clue_no INTEGER NOT NULL REFERENCES clues (clue_no),
  PRIMARY KEY (case_id, clue_no)
) STRICT;
CREATE UNIQUE INDEX case_clues_clue ON case_clues (clue_no);

-- 案件流转记录: append-only, every transition with who, when and what.
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (case_id),
  at INTEGER NOT NULL,
  user_id INTEGER,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  detail TEXT NOT NULL           -- JSON
) STRICT;
CREATE INDEX case_events_case ON case_events (case_id, id);

-- 办案期限: each legal or set deadline of a case.
CREATE TABLE case_deadlines (
  deadline_id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (case_id),
  kind TEXT NOT NULL,            -- workflow/deadlines.h DeadlineKind code
  rule TEXT NOT NULL,            -- RULEBOOK rule ID or PARAM:<name>
  label TEXT NOT NULL,           -- 中文
  from_date INTEGER NOT NULL,    -- the day the period runs from (not counted)
  due_date INTEGER NOT NULL,     -- the last day in time
  extended INTEGER NOT NULL DEFAULT 0,
  met_on INTEGER,                -- date the act was done (null = open)
  cancelled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX case_deadlines_open ON case_deadlines (due_date) WHERE met_on IS NULL AND cancelled = 0;
CREATE INDEX case_deadlines_case ON case_deadlines (case_id);

-- 法律文书.
CREATE TABLE documents (
  doc_id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (case_id),
  kind TEXT NOT NULL,            -- correction_notice | suggestion | proposal_opinion | ruling_correction
  state TEXT NOT NULL,           -- draft | pending_approval | issued
  issuing_org_id TEXT NOT NULL,
  year INTEGER,                  -- number parts, set when issued
  seq INTEGER,
  doc_no TEXT UNIQUE,            -- 文书编号, set when issued
  content TEXT NOT NULL,         -- JSON: every field the document prints (frozen when issued)
  issued_on INTEGER,             -- date
  drafted_by INTEGER,
  approved_by INTEGER,
  sha256 TEXT,                   -- of the issued .docx
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (issuing_org_id, kind, year, seq)
) STRICT;
CREATE INDEX documents_case ON documents (case_id);

-- 回复 (the agency's answer to a document) and 采纳 (whether it adopted it).
CREATE TABLE replies (
  reply_id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (case_id),
  doc_id INTEGER REFERENCES documents (doc_id),
  received_on INTEGER NOT NULL,  -- date
  adoption TEXT NOT NULL,        -- adopted 采纳 | partly 部分采纳 | rejected 未采纳
  content TEXT NOT NULL,
  recorded_by INTEGER,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX replies_case ON replies (case_id);

-- 整改材料: files attached to a reply or to the rectification (content-addressed on disk).
CREATE TABLE evidence (
  evidence_id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (case_id),
  kind TEXT NOT NULL,            -- reply | rectification | investigation
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,          -- the file is kept at <files dir>/evidence/<sha256>
  uploaded_by INTEGER,
  uploaded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX evidence_case ON evidence (case_id);

-- 回头看: a re-run of the originating models to confirm a rectification.
CREATE TABLE follow_ups (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (case_id),
  run_no INTEGER REFERENCES model_runs (run_no),
  at INTEGER NOT NULL,
  user_id INTEGER,
  rectified INTEGER NOT NULL,    -- 1 when no clue of the case is found again
  detail TEXT NOT NULL           -- JSON: per clue, found again or not
) STRICT;
CREATE INDEX follow_ups_case ON follow_ups (case_id, id);
