-- Exchange v1 tables. GENERATED from src/domain/exchange_tables.cc by
-- `zhijian schema sql`; a test fails if this file and the declaration differ.

-- 机构
CREATE TABLE orgs (
  row_no INTEGER PRIMARY KEY,
  org_id TEXT NOT NULL,
  name TEXT NOT NULL,
  org_type TEXT NOT NULL,
  parent_id TEXT,
  region_code TEXT,
  stationed_at TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (org_id)
) STRICT;
CREATE INDEX orgs_parent_id ON orgs (parent_id);
CREATE INDEX orgs_stationed_at ON orgs (stationed_at);

-- 检察人员
CREATE TABLE staff (
  row_no INTEGER PRIMARY KEY,
  staff_id TEXT NOT NULL,
  name TEXT NOT NULL,
  org_id TEXT NOT NULL,
  role TEXT NOT NULL,
  position_since INTEGER,
  expert_fields TEXT,
  home_region_code TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (staff_id)
) STRICT;
CREATE INDEX staff_org_id ON staff (org_id);

-- 人员
CREATE TABLE persons (
  row_no INTEGER PRIMARY KEY,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT,
  gender TEXT,
  birth_date INTEGER,
  household_region_code TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (person_id)
) STRICT;

-- 生效判决
CREATE TABLE sentences (
  row_no INTEGER PRIMARY KEY,
  sentence_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  court_org_id TEXT NOT NULL,
  case_no TEXT,
  judgment_date INTEGER,
  effective_date INTEGER NOT NULL,
  crimes TEXT,
  categories TEXT,
  penalty TEXT NOT NULL,
  term_months INTEGER,
  probation_months INTEGER,
  custody_credit_days INTEGER,
  term_start INTEGER,
  term_end INTEGER,
  fine INTEGER,
  confiscation INTEGER,
  restitution INTEGER,
  political_rights_years INTEGER,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (sentence_id)
) STRICT;
CREATE INDEX sentences_person_id ON sentences (person_id);
CREATE INDEX sentences_court_org_id ON sentences (court_org_id);

-- 刑期变动
CREATE TABLE term_changes (
  row_no INTEGER PRIMARY KEY,
  change_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  sentence_id TEXT NOT NULL,
  change_type TEXT NOT NULL,
  basis TEXT,
  proposing_org_id TEXT,
  proposal_date INTEGER,
  deciding_org_id TEXT,
  decision_date INTEGER,
  effective_date INTEGER,
  reduction_days INTEGER,
  reduction_months INTEGER,
  new_term_end INTEGER,
  new_penalty TEXT,
  new_term_months INTEGER,
  probation_end INTEGER,
  reason_text TEXT,
  procuratorate_opinion TEXT,
  opinion_date INTEGER,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (change_id)
) STRICT;
CREATE INDEX term_changes_person_id ON term_changes (person_id);
CREATE INDEX term_changes_sentence_id ON term_changes (sentence_id);
CREATE INDEX term_changes_proposing_org_id ON term_changes (proposing_org_id);
CREATE INDEX term_changes_deciding_org_id ON term_changes (deciding_org_id);

-- 出入监(所)记录
CREATE TABLE custody_events (
  row_no INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  facility_org_id TEXT NOT NULL,
  event TEXT NOT NULL,
  date INTEGER NOT NULL,
  note TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (event_id)
) STRICT;
CREATE INDEX custody_events_person_id ON custody_events (person_id);
CREATE INDEX custody_events_facility_org_id ON custody_events (facility_org_id);

-- 计分考核
CREATE TABLE points (
  row_no INTEGER PRIMARY KEY,
  person_id TEXT NOT NULL,
  month INTEGER NOT NULL,
  facility_org_id TEXT,
  base REAL,
  bonus REAL,
  deduction REAL,
  total REAL,
  rating TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (person_id, month)
) STRICT;
CREATE INDEX points_facility_org_id ON points (facility_org_id);

-- 奖惩
CREATE TABLE rewards (
  row_no INTEGER PRIMARY KEY,
  reward_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  facility_org_id TEXT,
  date INTEGER NOT NULL,
  kind TEXT NOT NULL,
  days INTEGER,
  reason TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (reward_id)
) STRICT;
CREATE INDEX rewards_person_id ON rewards (person_id);
CREATE INDEX rewards_facility_org_id ON rewards (facility_org_id);

-- 岗位安排
CREATE TABLE jobs (
  row_no INTEGER PRIMARY KEY,
  job_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  facility_org_id TEXT,
  unit TEXT,
  post TEXT,
  post_class TEXT,
  start_date INTEGER,
  end_date INTEGER,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (job_id)
) STRICT;
CREATE INDEX jobs_person_id ON jobs (person_id);
CREATE INDEX jobs_facility_org_id ON jobs (facility_org_id);

-- 劳动记录
CREATE TABLE labor_days (
  row_no INTEGER PRIMARY KEY,
  person_id TEXT NOT NULL,
  date INTEGER NOT NULL,
  facility_org_id TEXT,
  unit TEXT,
  hours REAL,
  kind TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (person_id, date)
) STRICT;
CREATE INDEX labor_days_facility_org_id ON labor_days (facility_org_id);

-- 罪犯账户
CREATE TABLE accounts (
  row_no INTEGER PRIMARY KEY,
  person_id TEXT NOT NULL,
  month INTEGER NOT NULL,
  facility_org_id TEXT,
  deposits INTEGER,
  spending INTEGER,
  balance INTEGER,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (person_id, month)
) STRICT;
CREATE INDEX accounts_facility_org_id ON accounts (facility_org_id);

-- 财产刑执行
CREATE TABLE property_cases (
  row_no INTEGER PRIMARY KEY,
  exec_id TEXT NOT NULL,
  sentence_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  court_org_id TEXT,
  filed_date INTEGER,
  amount_due INTEGER,
  status TEXT,
  status_date INTEGER,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (exec_id)
) STRICT;
CREATE INDEX property_cases_sentence_id ON property_cases (sentence_id);
CREATE INDEX property_cases_person_id ON property_cases (person_id);
CREATE INDEX property_cases_court_org_id ON property_cases (court_org_id);

-- 财产刑缴纳
CREATE TABLE property_payments (
  row_no INTEGER PRIMARY KEY,
  payment_id TEXT NOT NULL,
  exec_id TEXT NOT NULL,
  date INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  source TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (payment_id)
) STRICT;
CREATE INDEX property_payments_exec_id ON property_payments (exec_id);

-- 社区矫正对象
CREATE TABLE corrections (
  row_no INTEGER PRIMARY KEY,
  correction_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  sentence_id TEXT,
  correction_type TEXT NOT NULL,
  decision_org_id TEXT,
  decision_effective_date INTEGER,
  office_org_id TEXT NOT NULL,
  residence_region_code TEXT,
  start_date INTEGER,
  end_date INTEGER,
  reported_date INTEGER,
  status TEXT,
  status_date INTEGER,
  monitored INTEGER,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (correction_id)
) STRICT;
CREATE INDEX corrections_person_id ON corrections (person_id);
CREATE INDEX corrections_sentence_id ON corrections (sentence_id);
CREATE INDEX corrections_decision_org_id ON corrections (decision_org_id);
CREATE INDEX corrections_office_org_id ON corrections (office_org_id);

-- 社区矫正事件
CREATE TABLE correction_events (
  row_no INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL,
  correction_id TEXT NOT NULL,
  event TEXT NOT NULL,
  date INTEGER NOT NULL,
  note TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (event_id)
) STRICT;
CREATE INDEX correction_events_correction_id ON correction_events (correction_id);

-- 请假外出
CREATE TABLE leaves (
  row_no INTEGER PRIMARY KEY,
  leave_id TEXT NOT NULL,
  correction_id TEXT NOT NULL,
  start_ts INTEGER NOT NULL,
  end_ts INTEGER NOT NULL,
  destination_region_code TEXT,
  approved_by_org_id TEXT,
  status TEXT,
  returned_ts INTEGER,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (leave_id)
) STRICT;
CREATE INDEX leaves_correction_id ON leaves (correction_id);
CREATE INDEX leaves_approved_by_org_id ON leaves (approved_by_org_id);

-- 定位轨迹（correction_id、ts 压缩为 pos_key）
CREATE TABLE positions (
  pos_key INTEGER PRIMARY KEY,
  lon INTEGER NOT NULL,
  lat INTEGER NOT NULL,
  source TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL
) STRICT;
CREATE VIEW positions_v AS SELECT
  p.pos_key >> 32 AS parent_row_no,
  c.correction_id AS correction_id,
  (p.pos_key & 4294967295) + 946684800 AS ts,
  p.lon,
  p.lat,
  p.source,
  p.batch_no
FROM positions p JOIN corrections c ON c.row_no = p.pos_key >> 32;

-- 暂予监外执行病情复查
CREATE TABLE medical_reviews (
  row_no INTEGER PRIMARY KEY,
  review_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  correction_id TEXT,
  date INTEGER NOT NULL,
  hospital TEXT,
  conclusion TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (review_id)
) STRICT;
CREATE INDEX medical_reviews_person_id ON medical_reviews (person_id);
CREATE INDEX medical_reviews_correction_id ON medical_reviews (correction_id);

-- 看守所羁押
CREATE TABLE detentions (
  row_no INTEGER PRIMARY KEY,
  detention_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  facility_org_id TEXT NOT NULL,
  case_no TEXT,
  handling_org_id TEXT,
  stage TEXT NOT NULL,
  stage_start INTEGER NOT NULL,
  stage_deadline INTEGER,
  extension_doc TEXT,
  released_date INTEGER,
  release_reason TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (detention_id)
) STRICT;
CREATE INDEX detentions_person_id ON detentions (person_id);
CREATE INDEX detentions_facility_org_id ON detentions (facility_org_id);
CREATE INDEX detentions_handling_org_id ON detentions (handling_org_id);

-- 死亡信息
CREATE TABLE deaths (
  row_no INTEGER PRIMARY KEY,
  id_number TEXT NOT NULL,
  date_of_death INTEGER NOT NULL,
  source_org_id TEXT,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (id_number)
) STRICT;
CREATE INDEX deaths_source_org_id ON deaths (source_org_id);

-- 指定居所监视居住
CREATE TABLE residence_surveillance (
  row_no INTEGER PRIMARY KEY,
  rs_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  deciding_org_id TEXT,
  decision_date INTEGER NOT NULL,
  start_date INTEGER,
  end_date INTEGER,
  copy_received_date INTEGER,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (rs_id)
) STRICT;
CREATE INDEX residence_surveillance_person_id ON residence_surveillance (person_id);
CREATE INDEX residence_surveillance_deciding_org_id ON residence_surveillance (deciding_org_id);

-- 强制医疗
CREATE TABLE compulsory_medical (
  row_no INTEGER PRIMARY KEY,
  cm_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  deciding_court_org_id TEXT,
  decision_date INTEGER NOT NULL,
  delivered_date INTEGER,
  hospital_org_id TEXT,
  released_date INTEGER,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (cm_id)
) STRICT;
CREATE INDEX compulsory_medical_person_id ON compulsory_medical (person_id);
CREATE INDEX compulsory_medical_deciding_court_org_id ON compulsory_medical (deciding_court_org_id);
CREATE INDEX compulsory_medical_hospital_org_id ON compulsory_medical (hospital_org_id);

-- 电子卷宗材料
CREATE TABLE attachments (
  row_no INTEGER PRIMARY KEY,
  attachment_id TEXT NOT NULL,
  owner_table TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  doc_type TEXT,
  title TEXT,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  pages INTEGER,
  x_extra TEXT,
  batch_no INTEGER NOT NULL,
  UNIQUE (attachment_id)
) STRICT;
CREATE INDEX attachments_owner_id ON attachments (owner_id);

