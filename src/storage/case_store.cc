#include "storage/case_store.h"

#include <nlohmann/json.hpp>

#include "storage/sql_internal.h"

namespace zj::storage {
namespace {

using internal::Binder;
using internal::LikePattern;
using internal::PersonScopeSql;
using internal::ReadAll;
using internal::Reader;
using internal::ScopeSql;

Status NotFoundIn(std::string_view what, int64_t id) {
  return NotFound(std::string(what) + " " + std::to_string(id) + " 不存在或不在本院管辖范围内");
}

constexpr std::string_view kStale = "记录已被他人修改，请刷新后重试";

// ---- cases ----

constexpr std::string_view kCaseColumns =
    "c.case_id, c.case_no, c.case_type, c.state, c.outcome, c.handling_org_id, "
    "c.issuing_org_id, c.subject_org_id, c.person_id, c.change_id, c.parent_case_id, c.title, "
    "c.summary, c.facts, c.basis, c.card, c.handler_id, c.accepted_on, c.closed_on, "
    "c.created_by, c.created_at, c.updated_at, c.version";

// kCaseColumns without the JSON documents: lists never show them, and the card alone is a
// few kilobytes a case.
constexpr std::string_view kCaseListColumns =
    "c.case_id, c.case_no, c.case_type, c.state, c.outcome, c.handling_org_id, "
    "c.issuing_org_id, c.subject_org_id, c.person_id, c.change_id, c.parent_case_id, c.title, "
    "c.summary, '{}', '[]', '{}', c.handler_id, c.accepted_on, c.closed_on, "
    "c.created_by, c.created_at, c.updated_at, c.version";

// The earliest open deadline of case c.
constexpr std::string_view kNextDueSql =
    "(SELECT MIN(due_date) FROM case_deadlines d WHERE d.case_id = c.case_id AND "
    "d.met_on IS NULL AND d.cancelled = 0)";

// A review's card, NULL for any other case (and for a card that is not JSON, so that one bad
// card cannot fail the list); json_extract on NULL is NULL.
constexpr std::string_view kReviewCardSql =
    "(CASE WHEN c.case_type = 'proposal_review' AND json_valid(c.card) THEN c.card END)";

CaseRow ReadCase(Reader& r) {
  CaseRow c;
  c.case_id = r.Int();
  c.case_no = r.Text();
  c.case_type = r.Text();
  c.state = r.Text();
  c.outcome = r.Text();
  c.handling_org_id = r.Text();
  c.issuing_org_id = r.Text();
  c.subject_org_id = r.Text();
  c.person_id = r.Text();
  c.change_id = r.Text();
  c.parent_case_id = r.OptInt();
  c.title = r.Text();
  c.summary = r.Text();
  c.facts = r.Text();
  c.basis = r.Text();
  c.card = r.Text();
  c.handler_id = r.OptInt();
  c.accepted_on = r.Day();
  c.closed_on = r.OptDay();
  c.created_by = r.OptInt();
  c.created_at = r.Int();
  c.updated_at = r.Int();
  c.version = r.Int();
  return c;
}

std::string JsonList(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

// WHERE for ListCases/CountCases; the scope is $1 (when not all), then the filter values.
std::string BuildCaseWhere(const OrgScope& scope, const CaseFilter& f,
                           std::vector<std::string>* binds, std::optional<int64_t>* handler) {
  int n = scope.all() ? 1 : 2;
  std::string w = ScopeSql(scope, {"c.handling_org_id", "c.subject_org_id"}, 1);
  auto next = [&] { return "$" + std::to_string(n++); };
  if (!f.states.empty()) {
    w += " AND c.state IN (SELECT value FROM json_each(" + next() + "))";
    binds->push_back(JsonList(f.states));
  }
  if (!f.case_types.empty()) {
    w += " AND c.case_type IN (SELECT value FROM json_each(" + next() + "))";
    binds->push_back(JsonList(f.case_types));
  }
  if (!f.person_id.empty()) {
    w += " AND c.person_id = " + next();
    binds->push_back(f.person_id);
  }
  if (!f.text.empty()) {
    std::string p = next();
    w += " AND (c.case_no LIKE " + p + " ESCAPE '\\' OR c.title LIKE " + p +
         " ESCAPE '\\' OR p.name LIKE " + p + " ESCAPE '\\')";
    binds->push_back(LikePattern(f.text));
  }
  if (f.handler_id) {
    w += " AND c.handler_id = " + next();
    *handler = f.handler_id;
  }
  return w;
}

// The people join the text filter needs (it matches the person's name); left out otherwise,
// since SQLite keeps an unused LEFT JOIN in COUNT(*) and pays a lookup per case for it.
std::string CasePersonJoin(const CaseFilter& f) {
  return f.text.empty() ? "" : " LEFT JOIN persons p ON p.person_id = c.person_id";
}

void BindCaseWhere(Binder& b, const OrgScope& scope, const std::vector<std::string>& binds,
                   const std::optional<int64_t>& handler) {
  if (!scope.all()) b.Text(scope.json());
  for (const std::string& s : binds) b.Text(s);
  if (handler) b.Int(*handler);
}

// ---- deadlines / documents / replies / evidence readers ----

constexpr std::string_view kDeadlineColumns =
    "d.deadline_id, d.case_id, d.kind, d.rule, d.label, d.from_date, d.due_date, d.extended, "
    "d.met_on, d.cancelled";

DeadlineRow ReadDeadline(Reader& r) {
  DeadlineRow d;
  d.deadline_id = r.Int();
  d.case_id = r.Int();
  d.kind = r.Text();
  d.rule = r.Text();
  d.label = r.Text();
  d.from_date = r.Day();
  d.due_date = r.Day();
  d.extended = r.Int() != 0;
  d.met_on = r.OptDay();
  d.cancelled = r.Int() != 0;
  return d;
}

constexpr std::string_view kDocumentColumns =
    "d.doc_id, d.case_id, d.kind, d.state, d.issuing_org_id, d.year, d.seq, d.doc_no, d.content, "
    "d.issued_on, d.drafted_by, d.approved_by, d.sha256, d.created_at, d.updated_at";

DocumentRow ReadDocument(Reader& r) {
  DocumentRow d;
  d.doc_id = r.Int();
  d.case_id = r.Int();
  d.kind = r.Text();
  d.state = r.Text();
  d.issuing_org_id = r.Text();
  if (auto y = r.OptInt()) d.year = static_cast<int>(*y);
  d.seq = r.OptInt();
  d.doc_no = r.Text();
  d.content = r.Text();
  d.issued_on = r.OptDay();
  d.drafted_by = r.OptInt();
  d.approved_by = r.OptInt();
  d.sha256 = r.Text();
  d.created_at = r.Int();
  d.updated_at = r.Int();
  return d;
}

constexpr std::string_view kEvidenceColumns =
    "e.evidence_id, e.case_id, e.kind, e.title, e.file_name, e.content_type, e.size, e.sha256, "
    "e.uploaded_by, e.uploaded_at";

EvidenceRow ReadEvidence(Reader& r) {
  EvidenceRow e;
  e.evidence_id = r.Int();
  e.case_id = r.Int();
  e.kind = r.Text();
  e.title = r.Text();
  e.file_name = r.Text();
  e.content_type = r.Text();
  e.size = r.Int();
  e.sha256 = r.Text();
  e.uploaded_by = r.OptInt();
  e.uploaded_at = r.Int();
  return e;
}

// The rows of one case: `sql` selects with `$1` = the case id.
template <typename Row, typename ReadFn>
Result<std::vector<Row>> ByCase(Database& db, const std::string& sql, int64_t case_id,
                                ReadFn read) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  st->BindInt(1, case_id);
  return ReadAll<Row>(*st, read);
}

// Runs a prepared INSERT and returns the new row's id.
Result<int64_t> InsertedId(Database& db, Statement& st) {
  ZJ_RETURN_IF_ERROR(st.Run());
  return QueryInt(db, "SELECT last_insert_rowid()");
}

// One row of `sql` ("SELECT … FROM … JOIN cases c … WHERE <id column> = $1") whose case is
// in `scope`; kNotFound (the same for missing and out of scope) otherwise.
template <typename Row, typename ReadFn>
Result<Row> GetInCaseScope(Database& db, const OrgScope& scope, const std::string& sql,
                           int64_t id, ReadFn read, std::string_view what) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(sql + " AND " +
                                          ScopeSql(scope, {"c.handling_org_id",
                                                           "c.subject_org_id"},
                                                   2)));
  Binder b(*st);
  b.Int(id);
  if (!scope.all()) b.Text(scope.json());
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFoundIn(what, id);
  Reader r(*st);
  return read(r);
}

}  // namespace

// ---- orgs, people, attachments -----------------------------------------------------------

Result<OrgBrief> GetOrg(Database& db, const std::string& org_id) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT " + std::string(internal::kOrgBriefColumns) +
                                          " FROM orgs o WHERE o.org_id = $1"));
  st->BindText(1, org_id);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFound("机构 " + org_id + " 不存在");
  Reader r(*st);
  return internal::ReadOrgBrief(r);
}

Result<std::string> SupervisingOffice(Database& db, const std::string& org_id) {
  ZJ_ASSIGN_OR_RETURN(OrgBrief org, GetOrg(db, org_id));
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT org_id FROM orgs WHERE (org_type = 'resident_office' AND stationed_at = $1)"
                 " OR (org_type = 'county_proc' AND region_code = $2)"
                 " OR (org_type = 'city_proc' AND substr(region_code, 1, 4) = substr($2, 1, 4))"
                 " OR org_type = 'prov_proc' ORDER BY CASE org_type WHEN 'resident_office' THEN 0"
                 " WHEN 'county_proc' THEN 1 WHEN 'city_proc' THEN 2 ELSE 3 END, org_id LIMIT 1"));
  Binder(*st).Text(org.org_id).Text(org.region_code);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFound("找不到监督 " + org.name + " 的检察机关");
  return std::string(st->ColumnText(0));
}

Result<std::string> DecidingCourt(Database& db, const std::string& agency_org_id, bool high) {
  ZJ_ASSIGN_OR_RETURN(OrgBrief org, GetOrg(db, agency_org_id));
  if (org.region_code.size() != 6) return NotFound(org.name + " 没有行政区划代码");
  const std::string region =
      high ? org.region_code.substr(0, 2) + "0000" : org.region_code.substr(0, 4) + "00";
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT org_id FROM orgs WHERE org_type = 'court' AND "
                                          "region_code = $1 ORDER BY org_id LIMIT 1"));
  st->BindText(1, region);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFound("找不到审理 " + org.name + " 提请的法院");
  return std::string(st->ColumnText(0));
}

Result<std::vector<OrgBrief>> ChildProcuratorates(Database& db, const std::string& org_id) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT " + std::string(internal::kOrgBriefColumns) +
                                          " FROM orgs o WHERE o.parent_id = $1 AND o.org_type IN "
                                          "('city_proc', 'county_proc', 'dispatched_proc') "
                                          "ORDER BY o.org_id"));
  st->BindText(1, org_id);
  return ReadAll<OrgBrief>(*st, internal::ReadOrgBrief);
}

Result<std::string> IssuingProcuratorate(Database& db, const std::string& office_id) {
  ZJ_ASSIGN_OR_RETURN(OrgBrief org, GetOrg(db, office_id));
  if (org.org_type == "resident_office" && !org.parent_id.empty()) return org.parent_id;
  return org.org_id;
}

Result<PersonBrief> GetPersonBrief(Database& db, const std::string& person_id) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT person_id, name, id_number, gender, "
                                          "birth_date FROM persons WHERE person_id = $1"));
  st->BindText(1, person_id);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFound("人员 " + person_id + " 不存在");
  Reader r(*st);
  PersonBrief p;
  p.person_id = r.Text();
  p.name = r.Text();
  p.id_number = r.Text();
  p.gender = r.Text();
  p.birth_date = r.OptDay();
  return p;
}

Result<bool> PersonInScope(Database& db, const OrgScope& scope, const std::string& person_id) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT 1 FROM persons p WHERE p.person_id = $1 AND " +
                                          PersonScopeSql(scope, "p.person_id", 2)));
  Binder b(*st);
  b.Text(person_id);
  if (!scope.all()) b.Text(scope.json());
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return row;
}

Result<std::vector<PersonBrief>> SearchPersons(Database& db, const OrgScope& scope,
                                               const std::string& text, int64_t limit) {
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT p.person_id, p.name, p.id_number, p.gender, p.birth_date FROM persons p "
                 "WHERE (p.person_id = $1 OR p.id_number LIKE $4 ESCAPE '\\' OR p.name LIKE $2 "
                 "ESCAPE '\\' OR EXISTS (SELECT 1 FROM sentences s WHERE s.person_id = "
                 "p.person_id AND s.case_no LIKE $2 ESCAPE '\\')) AND " +
                 PersonScopeSql(scope, "p.person_id", 5) + " ORDER BY p.name, p.person_id LIMIT $3"));
  Binder b(*st);
  // $4: the id_number starting with the text (an exact id_number included).
  b.Text(text).Text(LikePattern(text)).Int(limit).Text(LikePattern(text).substr(1));
  if (!scope.all()) b.Text(scope.json());
  return ReadAll<PersonBrief>(*st, [](Reader& r) {
    PersonBrief p;
    p.person_id = r.Text();
    p.name = r.Text();
    p.id_number = r.Text();
    p.gender = r.Text();
    p.birth_date = r.OptDay();
    return p;
  });
}

Result<AttachmentBrief> GetAttachment(Database& db, const OrgScope& scope,
                                      const std::string& attachment_id) {
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT a.attachment_id, a.doc_type, a.title, a.file, a.sha256, a.pages FROM "
                 "attachments a LEFT JOIN term_changes t ON a.owner_table = 'term_changes' AND "
                 "t.change_id = a.owner_id LEFT JOIN sentences s ON a.owner_table = "
                 "'sentences' AND s.sentence_id = a.owner_id LEFT JOIN corrections k ON "
                 "a.owner_table = 'corrections' AND k.correction_id = a.owner_id "
                 "WHERE a.attachment_id = $1 AND " +
                 PersonScopeSql(scope, "COALESCE(t.person_id, s.person_id, k.person_id)", 2)));
  Binder b(*st);
  b.Text(attachment_id);
  if (!scope.all()) b.Text(scope.json());
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFound("材料 " + attachment_id + " 不存在或不在本院管辖范围内");
  Reader r(*st);
  AttachmentBrief a;
  a.attachment_id = r.Text();
  a.doc_type = r.Text();
  a.title = r.Text();
  a.file = r.Text();
  a.sha256 = r.Text();
  a.pages = r.OptInt();
  return a;
}

Result<std::vector<AttachmentBrief>> ListAttachments(Database& db, const std::string& owner_table,
                                                     const std::string& owner_id) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT attachment_id, doc_type, title, file, sha256, "
                                          "pages FROM attachments WHERE owner_table = $1 AND "
                                          "owner_id = $2 ORDER BY attachment_id"));
  Binder(*st).Text(owner_table).Text(owner_id);
  return ReadAll<AttachmentBrief>(*st, [](Reader& r) {
    AttachmentBrief a;
    a.attachment_id = r.Text();
    a.doc_type = r.Text();
    a.title = r.Text();
    a.file = r.Text();
    a.sha256 = r.Text();
    a.pages = r.OptInt();
    return a;
  });
}

// ---- clue triage -------------------------------------------------------------------------

Result<ClueRef> GetClueRef(Database& db, const OrgScope& scope, int64_t clue_no) {
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT c.clue_no, c.model, c.org_id, c.person_id, c.status, c.title, "
                 "c.summary, c.facts, c.basis, c.key, c.window, c.severity, t.state, "
                 "t.assignee_id, t.reason_code, t.note, "
                 "t.merged_into, t.case_id, t.version, t.updated_at, p.name, u.display_name "
                 "FROM clues c LEFT JOIN clue_triage t ON t.clue_no = c.clue_no "
                 "LEFT JOIN persons p ON p.person_id = c.person_id "
                 "LEFT JOIN users u ON u.user_id = t.assignee_id "
                 "WHERE c.clue_no = $1 AND " +
                 ScopeSql(scope, {"c.org_id"}, 2)));
  Binder b(*st);
  b.Int(clue_no);
  if (!scope.all()) b.Text(scope.json());
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFoundIn("线索", clue_no);
  Reader r(*st);
  ClueRef c;
  c.clue_no = r.Int();
  c.model = r.Text();
  c.org_id = r.Text();
  c.person_id = r.Text();
  c.status = r.Text();
  c.title = r.Text();
  c.summary = r.Text();
  c.facts = r.Text();
  c.basis = r.Text();
  c.key = r.Text();
  c.window = r.Text();
  c.severity = r.Text();
  c.triage.clue_no = c.clue_no;
  c.triage.state = r.Text();
  c.triage.assignee_id = r.OptInt();
  c.triage.reason_code = r.Text();
  c.triage.note = r.Text();
  c.triage.merged_into = r.OptInt();
  c.triage.case_id = r.OptInt();
  c.triage.version = r.OptInt().value_or(0);
  c.triage.updated_at = r.OptInt().value_or(0);
  c.person_name = r.Text();
  c.assignee_name = r.Text();
  return c;
}

Result<int64_t> WriteTriage(Database& db, const TriageRow& row, int64_t expected_version,
                            Timestamp at, std::optional<int64_t> user_id) {
  const int64_t version = expected_version + 1;
  std::unique_ptr<Statement> st;
  if (expected_version == 0) {
    ZJ_ASSIGN_OR_RETURN(
        st, db.Prepare("INSERT INTO clue_triage (state, assignee_id, reason_code, note, "
                       "merged_into, case_id, version, updated_at, updated_by, clue_no) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                       "ON CONFLICT (clue_no) DO NOTHING"));
  } else {
    ZJ_ASSIGN_OR_RETURN(
        st, db.Prepare("UPDATE clue_triage SET state = $1, assignee_id = $2, reason_code = $3, "
                       "note = $4, merged_into = $5, case_id = $6, version = $7, "
                       "updated_at = $8, updated_by = $9 WHERE clue_no = $10 AND version = $11"));
  }
  Binder b(*st);
  b.Text(row.state)
      .OptInt(row.assignee_id)
      .OptText(row.reason_code)
      .Text(row.note)
      .OptInt(row.merged_into)
      .OptInt(row.case_id)
      .Int(version)
      .Int(at)
      .OptInt(user_id)
      .Int(row.clue_no);
  if (expected_version != 0) b.Int(expected_version);
  ZJ_RETURN_IF_ERROR(st->Run());
  if (db.Changes() != 1) return Conflict(std::string(kStale));
  return version;
}

Status AppendTriageAction(Database& db, const TriageAction& a) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO clue_actions (clue_no, at, user_id, "
                                          "action, from_state, to_state, detail) "
                                          "VALUES ($1, $2, $3, $4, $5, $6, $7)"));
  Binder(*st)
      .Int(a.clue_no)
      .Int(a.at)
      .OptInt(a.user_id)
      .Text(a.action)
      .Text(a.from_state)
      .Text(a.to_state)
      .Text(a.detail);
  return st->Run();
}

Result<std::vector<TriageAction>> ListTriageActions(Database& db, int64_t clue_no) {
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare("SELECT a.clue_no, a.at, a.user_id, a.action, a.from_state, "
                                 "a.to_state, a.detail, u.display_name, v.display_name "
                                 "FROM clue_actions a "
                                 "LEFT JOIN users u ON u.user_id = a.user_id "
                                 "LEFT JOIN users v ON v.user_id = "
                                 "json_extract(a.detail, '$.assignee_id') "
                                 "WHERE a.clue_no = $1 ORDER BY a.id"));
  st->BindInt(1, clue_no);
  return ReadAll<TriageAction>(*st, [](Reader& r) {
    TriageAction a;
    a.clue_no = r.Int();
    a.at = r.Int();
    a.user_id = r.OptInt();
    a.action = r.Text();
    a.from_state = r.Text();
    a.to_state = r.Text();
    a.detail = r.Text();
    a.user_name = r.Text();
    a.assignee_name = r.Text();
    return a;
  });
}

// ---- cases -------------------------------------------------------------------------------

Result<int64_t> NextCaseSeq(Database& db, const std::string& issuing_org_id, int year,
                            const std::string& case_no_prefix) {
  // Case numbers are "<prefix>〔<year>〕<seq>号"; the largest seq used for this prefix and year.
  const std::string head = case_no_prefix + "〔" + std::to_string(year) + "〕";
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT COALESCE(MAX(CAST(substr(case_no, length($1) + 1, "
                          "length(case_no) - length($1) - length('号')) AS INTEGER)), 0) "
                          "FROM cases WHERE issuing_org_id = $2 AND substr(case_no, 1, "
                          "length($1)) = $1"));
  Binder(*st).Text(head).Text(issuing_org_id);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return (row ? st->ColumnInt(0) : 0) + 1;
}

Result<int64_t> NextDocumentSeq(Database& db, const std::string& issuing_org_id,
                                const std::string& kind, int year) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COALESCE(MAX(seq), 0) FROM documents "
                                          "WHERE issuing_org_id = $1 AND kind = $2 AND "
                                          "year = $3"));
  Binder(*st).Text(issuing_org_id).Text(kind).Int(year);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return (row ? st->ColumnInt(0) : 0) + 1;
}

Result<int64_t> InsertCase(Database& db, const CaseRow& c, const std::vector<int64_t>& clue_nos) {
  if (c.case_type == "proposal_review" && !c.change_id.empty()) {
    ZJ_ASSIGN_OR_RETURN(auto chk, db.Prepare("SELECT case_no FROM cases WHERE change_id = $1 "
                                             "AND case_type = 'proposal_review'"));
    chk->BindText(1, c.change_id);
    ZJ_ASSIGN_OR_RETURN(bool row, chk->Step());
    if (row) {
      return AlreadyExists("提请 " + c.change_id + " 已受理为审查案件 " +
                           std::string(chk->ColumnText(0)));
    }
  }
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("INSERT INTO cases (case_no, case_type, state, outcome, handling_org_id, "
                 "issuing_org_id, subject_org_id, person_id, change_id, parent_case_id, title, "
                 "summary, facts, basis, card, handler_id, accepted_on, closed_on, created_by, "
                 "created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                 "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, 1)"));
  Binder(*st)
      .Text(c.case_no)
      .Text(c.case_type)
      .Text(c.state)
      .OptText(c.outcome)
      .Text(c.handling_org_id)
      .Text(c.issuing_org_id)
      .Text(c.subject_org_id)
      .OptText(c.person_id)
      .OptText(c.change_id)
      .OptInt(c.parent_case_id)
      .Text(c.title)
      .Text(c.summary)
      .Text(c.facts)
      .Text(c.basis)
      .Text(c.card)
      .OptInt(c.handler_id)
      .Day(c.accepted_on)
      .OptDay(c.closed_on)
      .OptInt(c.created_by)
      .Int(c.created_at)
      .Int(c.updated_at);
  ZJ_ASSIGN_OR_RETURN(int64_t id, InsertedId(db, *st));
  if (!clue_nos.empty()) {
    ZJ_ASSIGN_OR_RETURN(auto link,
                        db.Prepare("INSERT INTO case_clues (case_id, clue_no) VALUES ($1, $2)"));
    for (int64_t clue : clue_nos) {
      link->Reset();
      Binder(*link).Int(id).Int(clue);
      Status s = link->Run();
      if (!s.ok()) {
        return AlreadyExists("线索 " + std::to_string(clue) + " 已属于另一案件");
      }
    }
  }
  return id;
}

Result<CaseRow> GetCase(Database& db, const OrgScope& scope, int64_t case_id) {
  return GetInCaseScope<CaseRow>(
      db, scope, "SELECT " + std::string(kCaseColumns) + " FROM cases c WHERE c.case_id = $1",
      case_id, ReadCase, "案件");
}

Result<int64_t> UpdateCase(Database& db, const CaseRow& c, int64_t expected_version) {
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("UPDATE cases SET case_type = $1, state = $2, outcome = $3, subject_org_id = $4, "
                 "person_id = $5, title = $6, summary = $7, facts = $8, basis = $9, card = $10, "
                 "handler_id = $11, closed_on = $12, updated_at = $13, version = version + 1 "
                 "WHERE case_id = $14 AND version = $15"));
  Binder(*st)
      .Text(c.case_type)
      .Text(c.state)
      .OptText(c.outcome)
      .Text(c.subject_org_id)
      .OptText(c.person_id)
      .Text(c.title)
      .Text(c.summary)
      .Text(c.facts)
      .Text(c.basis)
      .Text(c.card)
      .OptInt(c.handler_id)
      .OptDay(c.closed_on)
      .Int(c.updated_at)
      .Int(c.case_id)
      .Int(expected_version);
  ZJ_RETURN_IF_ERROR(st->Run());
  if (db.Changes() != 1) return Conflict(std::string(kStale));
  return expected_version + 1;
}

Result<std::vector<int64_t>> CaseClues(Database& db, int64_t case_id) {
  return ByCase<int64_t>(db, "SELECT clue_no FROM case_clues WHERE case_id = $1 "
                                          "ORDER BY clue_no", case_id, [](Reader& r) { return r.Int(); });
}

Result<std::vector<CaseListRow>> ListCases(Database& db, const OrgScope& scope,
                                           const CaseFilter& f) {
  std::vector<std::string> binds;
  std::optional<int64_t> handler;
  const std::string where = BuildCaseWhere(scope, f, &binds, &handler);
  int n = (scope.all() ? 1 : 2) + static_cast<int>(binds.size()) + (handler ? 1 : 0);
  // The page is chosen first, from the case ids alone; only its rows are then joined with the
  // rest.
  const bool by_deadline = f.order == CaseOrder::kDeadline;
  const std::string page = by_deadline ? "SELECT c.case_id, COALESCE(" + std::string(kNextDueSql) +
                                             ", 9223372036854775807) AS due_key"
                                       : std::string("SELECT c.case_id, 0 AS due_key");
  const std::string order = by_deadline ? "due_key, c.case_id" : "c.case_id DESC";
  const std::string page_order = by_deadline ? "page.due_key, c.case_id" : "c.case_id DESC";
  const std::string card(kReviewCardSql);
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("WITH page AS (" + page + " FROM cases c" + CasePersonJoin(f) + " WHERE " + where +
                 " ORDER BY " + order + " LIMIT $" + std::to_string(n) + " OFFSET $" +
                 std::to_string(n + 1) + ") SELECT " + std::string(kCaseListColumns) +
                 ", p.name, " + std::string(kNextDueSql) +
                 ", c.case_type = 'proposal_review', json_extract(" + card +
                 ", '$.change_type'), json_extract(" + card + ", '$.verdict'), json_extract(" +
                 card + ", '$.verdict_label'), json_array_length(" + card +
                 ", '$.risk_points'), t.proposing_org_id, o.name "
                 "FROM page JOIN cases c ON c.case_id = page.case_id "
                 "LEFT JOIN persons p ON p.person_id = c.person_id "
                 "LEFT JOIN term_changes t ON c.case_type = 'proposal_review' AND "
                 "t.change_id = c.change_id "
                 "LEFT JOIN orgs o ON o.org_id = t.proposing_org_id ORDER BY " +
                 page_order));
  Binder b(*st);
  BindCaseWhere(b, scope, binds, handler);
  b.Int(f.limit).Int(f.offset);
  return ReadAll<CaseListRow>(*st, [](Reader& r) {
    CaseListRow row;
    row.row = ReadCase(r);
    row.person_name = r.Text();
    row.next_due = r.OptDay();
    if (r.Int() != 0) {
      ReviewBrief v;
      v.change_type = r.Text();
      v.verdict = r.Text();
      v.verdict_label = r.Text();
      v.risks = r.OptInt();
      v.proposing_org_id = r.Text();
      v.proposing_org_name = r.Text();
      row.review = std::move(v);
    }
    return row;
  });
}

Result<int64_t> CountCases(Database& db, const OrgScope& scope, const CaseFilter& f) {
  std::vector<std::string> binds;
  std::optional<int64_t> handler;
  const std::string where = BuildCaseWhere(scope, f, &binds, &handler);
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT COUNT(*) FROM cases c" + CasePersonJoin(f) + " WHERE " + where));
  Binder b(*st);
  BindCaseWhere(b, scope, binds, handler);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->ColumnInt(0) : 0;
}

Status AppendCaseEvent(Database& db, const CaseEvent& e) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO case_events (case_id, at, user_id, "
                                          "action, from_state, to_state, detail) "
                                          "VALUES ($1, $2, $3, $4, $5, $6, $7)"));
  Binder(*st)
      .Int(e.case_id)
      .Int(e.at)
      .OptInt(e.user_id)
      .Text(e.action)
      .Text(e.from_state)
      .Text(e.to_state)
      .Text(e.detail);
  return st->Run();
}

Result<std::vector<CaseEvent>> ListCaseEvents(Database& db, int64_t case_id) {
  return ByCase<CaseEvent>(db, "SELECT id, case_id, at, user_id, action, "
                                          "from_state, to_state, detail FROM case_events "
                                          "WHERE case_id = $1 ORDER BY id", case_id, [](Reader& r) {
    CaseEvent e;
    e.id = r.Int();
    e.case_id = r.Int();
    e.at = r.Int();
    e.user_id = r.OptInt();
    e.action = r.Text();
    e.from_state = r.Text();
    e.to_state = r.Text();
    e.detail = r.Text();
    return e;
  });
}

Result<std::vector<PendingProposal>> ProposalsWithoutReview(Database& db) {
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT t.change_id, t.person_id, t.sentence_id, t.change_type, "
                 "t.proposing_org_id, t.proposal_date FROM term_changes t "
                 "WHERE t.decision_date IS NULL AND NOT EXISTS (SELECT 1 FROM "
                 "cases c WHERE c.change_id = t.change_id AND c.case_type = 'proposal_review') "
                 "ORDER BY t.change_id"));
  return ReadAll<PendingProposal>(*st, [](Reader& r) {
    PendingProposal p;
    p.change_id = r.Text();
    p.person_id = r.Text();
    p.sentence_id = r.Text();
    p.change_type = r.Text();
    p.proposing_org_id = r.Text();
    p.proposal_date = r.OptDay();
    return p;
  });
}

Result<std::vector<DecidedProposal>> ReviewsWithNewRuling(
    Database& db, const std::vector<std::string>& states) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT c.case_id, c.change_id, t.deciding_org_id, t.decision_date, "
                          "t.effective_date FROM cases c JOIN term_changes t ON t.change_id = "
                          "c.change_id WHERE c.case_type = 'proposal_review' AND "
                          "t.decision_date IS NOT NULL AND c.state IN (SELECT value FROM "
                          "json_each($1)) ORDER BY c.case_id"));
  st->BindText(1, JsonList(states));
  return ReadAll<DecidedProposal>(*st, [](Reader& r) {
    DecidedProposal d;
    d.case_id = r.Int();
    d.change_id = r.Text();
    d.deciding_org_id = r.Text();
    d.decision_date = r.Day();
    d.effective_date = r.OptDay();
    return d;
  });
}

// ---- deadlines ---------------------------------------------------------------------------

Result<int64_t> InsertDeadline(Database& db, const DeadlineRow& d, Timestamp at) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("INSERT INTO case_deadlines (case_id, kind, rule, label, from_date, "
                          "due_date, extended, met_on, cancelled, created_at) "
                          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"));
  Binder(*st)
      .Int(d.case_id)
      .Text(d.kind)
      .Text(d.rule)
      .Text(d.label)
      .Day(d.from_date)
      .Day(d.due_date)
      .Int(d.extended)
      .OptDay(d.met_on)
      .Int(d.cancelled)
      .Int(at);
  return InsertedId(db, *st);
}

Status UpdateDeadline(Database& db, const DeadlineRow& d) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE case_deadlines SET due_date = $1, "
                                          "extended = $2, met_on = $3, cancelled = $4, "
                                          "rule = $5, label = $6 WHERE deadline_id = $7"));
  Binder(*st)
      .Day(d.due_date)
      .Int(d.extended)
      .OptDay(d.met_on)
      .Int(d.cancelled)
      .Text(d.rule)
      .Text(d.label)
      .Int(d.deadline_id);
  return st->Run();
}

Result<std::vector<DeadlineRow>> CaseDeadlines(Database& db, int64_t case_id) {
  return ByCase<DeadlineRow>(db, "SELECT " + std::string(kDeadlineColumns) +
                                          " FROM case_deadlines d WHERE d.case_id = $1 "
                                          "ORDER BY d.deadline_id", case_id, ReadDeadline);
}

Result<std::vector<DueRow>> OpenDeadlines(Database& db, const OrgScope& scope, Date due_by,
                                          int64_t limit) {
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT " + std::string(kDeadlineColumns) +
                 ", c.case_no, c.case_type, c.state, c.title, c.handler_id "
                 "FROM case_deadlines d JOIN cases c ON c.case_id = d.case_id "
                 "WHERE d.met_on IS NULL AND d.cancelled = 0 AND d.due_date <= $1 AND " +
                 ScopeSql(scope, {"c.handling_org_id", "c.subject_org_id"}, 3) +
                 " ORDER BY d.due_date, d.deadline_id LIMIT $2"));
  Binder b(*st);
  b.Day(due_by).Int(limit);
  if (!scope.all()) b.Text(scope.json());
  return ReadAll<DueRow>(*st, [](Reader& r) {
    DueRow d;
    d.deadline = ReadDeadline(r);
    d.case_no = r.Text();
    d.case_type = r.Text();
    d.case_state = r.Text();
    d.title = r.Text();
    d.handler_id = r.OptInt();
    return d;
  });
}

// ---- documents ---------------------------------------------------------------------------

Result<int64_t> InsertDocument(Database& db, const DocumentRow& d) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("INSERT INTO documents (case_id, kind, state, issuing_org_id, year, "
                          "seq, doc_no, content, issued_on, drafted_by, approved_by, sha256, "
                          "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                          "$10, $11, $12, $13, $14)"));
  Binder(*st)
      .Int(d.case_id)
      .Text(d.kind)
      .Text(d.state)
      .Text(d.issuing_org_id)
      .OptInt(d.year)
      .OptInt(d.seq)
      .OptText(d.doc_no)
      .Text(d.content)
      .OptDay(d.issued_on)
      .OptInt(d.drafted_by)
      .OptInt(d.approved_by)
      .OptText(d.sha256)
      .Int(d.created_at)
      .Int(d.updated_at);
  return InsertedId(db, *st);
}

Status UpdateDocument(Database& db, const DocumentRow& d) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("UPDATE documents SET state = $1, year = $2, seq = $3, doc_no = $4, "
                          "content = $5, issued_on = $6, approved_by = $7, sha256 = $8, "
                          "updated_at = $9 WHERE doc_id = $10"));
  Binder(*st)
      .Text(d.state)
      .OptInt(d.year)
      .OptInt(d.seq)
      .OptText(d.doc_no)
      .Text(d.content)
      .OptDay(d.issued_on)
      .OptInt(d.approved_by)
      .OptText(d.sha256)
      .Int(d.updated_at)
      .Int(d.doc_id);
  return st->Run();
}

Result<std::vector<DocumentRow>> CaseDocuments(Database& db, int64_t case_id) {
  return ByCase<DocumentRow>(db, "SELECT " + std::string(kDocumentColumns) +
                                          " FROM documents d WHERE d.case_id = $1 "
                                          "ORDER BY d.doc_id", case_id, ReadDocument);
}

Result<DocumentRow> GetDocument(Database& db, const OrgScope& scope, int64_t doc_id) {
  return GetInCaseScope<DocumentRow>(db, scope,
                                     "SELECT " + std::string(kDocumentColumns) +
                                         " FROM documents d JOIN cases c ON c.case_id = "
                                         "d.case_id WHERE d.doc_id = $1",
                                     doc_id, ReadDocument, "文书");
}

// ---- replies, evidence, follow-ups -------------------------------------------------------

Result<int64_t> InsertReply(Database& db, const ReplyRow& r) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO replies (case_id, doc_id, received_on, "
                                          "adoption, content, recorded_by, recorded_at) "
                                          "VALUES ($1, $2, $3, $4, $5, $6, $7)"));
  Binder(*st)
      .Int(r.case_id)
      .OptInt(r.doc_id)
      .Day(r.received_on)
      .Text(r.adoption)
      .Text(r.content)
      .OptInt(r.recorded_by)
      .Int(r.recorded_at);
  return InsertedId(db, *st);
}

Result<std::vector<ReplyRow>> CaseReplies(Database& db, int64_t case_id) {
  return ByCase<ReplyRow>(db, "SELECT reply_id, case_id, doc_id, received_on, "
                                          "adoption, content, recorded_by, recorded_at "
                                          "FROM replies WHERE case_id = $1 ORDER BY reply_id", case_id, [](Reader& r) {
    ReplyRow x;
    x.reply_id = r.Int();
    x.case_id = r.Int();
    x.doc_id = r.OptInt();
    x.received_on = r.Day();
    x.adoption = r.Text();
    x.content = r.Text();
    x.recorded_by = r.OptInt();
    x.recorded_at = r.Int();
    return x;
  });
}

Result<int64_t> InsertEvidence(Database& db, const EvidenceRow& e) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("INSERT INTO evidence (case_id, kind, title, file_name, content_type, "
                          "size, sha256, uploaded_by, uploaded_at) "
                          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"));
  Binder(*st)
      .Int(e.case_id)
      .Text(e.kind)
      .Text(e.title)
      .Text(e.file_name)
      .Text(e.content_type)
      .Int(e.size)
      .Text(e.sha256)
      .OptInt(e.uploaded_by)
      .Int(e.uploaded_at);
  return InsertedId(db, *st);
}

Result<std::vector<EvidenceRow>> CaseEvidence(Database& db, int64_t case_id) {
  return ByCase<EvidenceRow>(db, "SELECT " + std::string(kEvidenceColumns) +
                                          " FROM evidence e WHERE e.case_id = $1 "
                                          "ORDER BY e.evidence_id", case_id, ReadEvidence);
}

Result<EvidenceRow> GetEvidence(Database& db, const OrgScope& scope, int64_t evidence_id) {
  return GetInCaseScope<EvidenceRow>(db, scope,
                                     "SELECT " + std::string(kEvidenceColumns) +
                                         " FROM evidence e JOIN cases c ON c.case_id = "
                                         "e.case_id WHERE e.evidence_id = $1",
                                     evidence_id, ReadEvidence, "材料");
}

Result<int64_t> InsertFollowUp(Database& db, const FollowUpRow& f) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO follow_ups (case_id, run_no, at, "
                                          "user_id, rectified, detail) "
                                          "VALUES ($1, $2, $3, $4, $5, $6)"));
  Binder(*st).Int(f.case_id).OptInt(f.run_no).Int(f.at).OptInt(f.user_id).Int(f.rectified).Text(
      f.detail);
  return InsertedId(db, *st);
}

Result<std::vector<FollowUpRow>> CaseFollowUps(Database& db, int64_t case_id) {
  return ByCase<FollowUpRow>(db, "SELECT id, case_id, run_no, at, user_id, rectified, "
                                          "detail FROM follow_ups WHERE case_id = $1 "
                                          "ORDER BY id", case_id, [](Reader& r) {
    FollowUpRow f;
    f.id = r.Int();
    f.case_id = r.Int();
    f.run_no = r.OptInt();
    f.at = r.Int();
    f.user_id = r.OptInt();
    f.rectified = r.Int() != 0;
    f.detail = r.Text();
    return f;
  });
}

// ---- indicators --------------------------------------------------------------------------

namespace {

// Runs `sql` (scope at $1 when not all; period at $a/$b as written in `sql`) and returns the
// first column of the first row.
Result<int64_t> Count(Database& db, const OrgScope& scope, const std::string& sql,
                      std::initializer_list<int64_t> ints) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  Binder b(*st);
  for (int64_t v : ints) b.Int(v);
  if (!scope.all()) b.Text(scope.json());
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return row && !st->IsNull(0) ? st->ColumnInt(0) : 0;
}

Result<std::vector<std::pair<std::string, int64_t>>> Grouped(Database& db, const OrgScope& scope,
                                                             const std::string& sql,
                                                             std::initializer_list<int64_t> ints) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  Binder b(*st);
  for (int64_t v : ints) b.Int(v);
  if (!scope.all()) b.Text(scope.json());
  std::vector<std::pair<std::string, int64_t>> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.emplace_back(std::string(st->ColumnText(0)), st->ColumnInt(1));
  }
  return out;
}

}  // namespace

Result<IndicatorCounts> CountIndicators(Database& db, const OrgScope& scope, Date from, Date to,
                                        Date today) {
  IndicatorCounts k;
  // Clues are dated by their creation instant, in Beijing days: [from, to] → Unix seconds.
  const int64_t t0 = BeijingDayStart(from);
  const int64_t t1 = BeijingDayStart(to + 1);
  const std::string clue_scope = ScopeSql(scope, {"c.org_id"}, 3);
  const std::string clue_where =
      " FROM clues c LEFT JOIN clue_triage t ON t.clue_no = c.clue_no WHERE c.created_at >= $1 "
      "AND c.created_at < $2 AND " +
      clue_scope;
  ZJ_ASSIGN_OR_RETURN(k.clues_by_model,
                      Grouped(db, scope,
                              "SELECT c.model, COUNT(*)" + clue_where +
                                  " GROUP BY c.model ORDER BY c.model",
                              {t0, t1}));
  ZJ_ASSIGN_OR_RETURN(k.clues_created, Count(db, scope, "SELECT COUNT(*)" + clue_where, {t0, t1}));
  ZJ_ASSIGN_OR_RETURN(k.clues_triaged, Count(db, scope,
                                             "SELECT COUNT(t.clue_no)" + clue_where, {t0, t1}));
  ZJ_ASSIGN_OR_RETURN(k.clues_promoted,
                      Count(db, scope,
                            "SELECT COUNT(*)" + clue_where + " AND t.state = 'promoted'",
                            {t0, t1}));
  ZJ_ASSIGN_OR_RETURN(k.clues_dismissed,
                      Count(db, scope,
                            "SELECT COUNT(*)" + clue_where + " AND t.state = 'dismissed'",
                            {t0, t1}));

  const std::string case_scope = ScopeSql(scope, {"c.handling_org_id", "c.subject_org_id"}, 3);
  const std::string case_where =
      " FROM cases c WHERE c.accepted_on >= $1 AND c.accepted_on <= $2 AND " + case_scope;
  ZJ_ASSIGN_OR_RETURN(k.cases_accepted,
                      Count(db, scope, "SELECT COUNT(*)" + case_where, {from.days(), to.days()}));
  ZJ_ASSIGN_OR_RETURN(k.cases_by_type,
                      Grouped(db, scope,
                              "SELECT c.case_type, COUNT(*)" + case_where +
                                  " GROUP BY c.case_type ORDER BY c.case_type",
                              {from.days(), to.days()}));

  const std::string doc_where =
      " FROM documents d JOIN cases c ON c.case_id = d.case_id WHERE d.state = 'issued' AND "
      "d.issued_on >= $1 AND d.issued_on <= $2 AND " +
      case_scope;
  ZJ_ASSIGN_OR_RETURN(k.documents_issued,
                      Count(db, scope, "SELECT COUNT(*)" + doc_where, {from.days(), to.days()}));
  ZJ_ASSIGN_OR_RETURN(k.documents_by_kind,
                      Grouped(db, scope,
                              "SELECT d.kind, COUNT(*)" + doc_where +
                                  " GROUP BY d.kind ORDER BY d.kind",
                              {from.days(), to.days()}));
  // Every issued document expects an answer: the agency's reply, or the court's ruling.
  k.replies_due = k.documents_issued;
  ZJ_ASSIGN_OR_RETURN(
      k.replies_received,
      Count(db, scope,
            "SELECT COUNT(*)" + doc_where +
                " AND EXISTS (SELECT 1 FROM replies r WHERE r.doc_id = d.doc_id)",
            {from.days(), to.days()}));
  ZJ_ASSIGN_OR_RETURN(
      k.adopted, Count(db, scope,
                       "SELECT COUNT(*)" + doc_where +
                           " AND EXISTS (SELECT 1 FROM replies r WHERE r.doc_id = d.doc_id AND "
                           "r.adoption IN ('adopted', 'partly'))",
                       {from.days(), to.days()}));
  ZJ_ASSIGN_OR_RETURN(
      k.rectification_due,
      Count(db, scope,
            "SELECT COUNT(*)" + case_where +
                " AND c.case_type IN ('correction', 'suggestion') AND EXISTS (SELECT 1 FROM "
                "replies r WHERE r.case_id = c.case_id AND r.adoption IN ('adopted', 'partly'))",
            {from.days(), to.days()}));
  ZJ_ASSIGN_OR_RETURN(k.rectified,
                      Count(db, scope,
                            "SELECT COUNT(*)" + case_where +
                                " AND c.case_type IN ('correction', 'suggestion') AND "
                                "c.outcome = 'rectified'",
                            {from.days(), to.days()}));
  ZJ_ASSIGN_OR_RETURN(
      k.overdue_open,
      Count(db, scope,
            "SELECT COUNT(*) FROM case_deadlines d JOIN cases c ON c.case_id = d.case_id WHERE "
            "d.met_on IS NULL AND d.cancelled = 0 AND d.due_date < $1 AND $2 = $2 AND " +
                case_scope,
            {today.days(), 0}));
  ZJ_ASSIGN_OR_RETURN(
      k.overdue_met_late,
      Count(db, scope,
            "SELECT COUNT(*) FROM case_deadlines d JOIN cases c ON c.case_id = d.case_id WHERE "
            "d.met_on > d.due_date AND d.met_on >= $1 AND d.met_on <= $2 AND " +
                case_scope,
            {from.days(), to.days()}));
  return k;
}

}  // namespace zj::storage
