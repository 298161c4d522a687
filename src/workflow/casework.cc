#include "workflow/casework.h"

#include <filesystem>
#include <fstream>

#include "common/sha256.h"
#include "law/explain.h"
#include "law/judge.h"
#include "law/rulebook.h"
#include "models/law_cases.h"
#include "storage/audit_store.h"

namespace zj::workflow {
namespace {

using nlohmann::json;
using storage::CaseRow;
using storage::Database;
using storage::Transaction;

Status Audit(Database& db, const Clock& clock, const Actor& actor, std::string_view action,
             std::string_view object_type, std::string object_id, json detail) {
  storage::AuditEntry e;
  e.at = clock.Now();
  e.user_id = actor.user_id;
  e.username = actor.username;
  e.action = std::string(action);
  e.object_type = std::string(object_type);
  e.object_id = std::move(object_id);
  e.detail = detail.dump();
  e.request_id = actor.request_id;
  e.ip = actor.ip;
  return storage::AppendAudit(db, e).status();
}

Status Denied(Duty duty, std::string_view what) {
  return PermissionDenied("当前账号没有“" + std::string(DutyLabel(duty)) + "”权限，不能" +
                          std::string(what));
}

std::string ActionList(const std::vector<const CaseTransition*>& ts) {
  std::string s;
  for (const CaseTransition* t : ts) {
    if (!s.empty()) s += "、";
    s += t->label;
  }
  return s.empty() ? "无" : s;
}

std::string StateLabel(std::string_view code) {
  const CaseState* s = FindCaseState(code);
  return s ? std::string(s->label) : std::string(code);
}

CaseType TypeOf(const CaseRow& c) {
  const CaseTypeInfo* t = FindCaseType(c.case_type);
  return t ? t->type : CaseType::kCorrection;
}

std::string Abbrev(const WorkflowOptions& opts, const storage::OrgBrief& org) {
  for (const auto& [id, abbrev] : opts.org_abbrev) {
    if (id == org.org_id) return abbrev;
  }
  return DefaultAbbrev(org.name);
}

Result<std::string> NewCaseNo(Database& db, const WorkflowOptions& opts,
                              const std::string& issuing_org_id, Date on) {
  ZJ_ASSIGN_OR_RETURN(storage::OrgBrief org, storage::GetOrg(db, issuing_org_id));
  const std::string prefix = Abbrev(opts, org) + "检刑执受";
  ZJ_ASSIGN_OR_RETURN(int64_t seq, storage::NextCaseSeq(db, issuing_org_id, on.year(), prefix));
  return prefix + "〔" + std::to_string(on.year()) + "〕" + std::to_string(seq) + "号";
}

std::string ChineseDateText(Date d) {
  int y, m, day;
  d.ToCivil(&y, &m, &day);
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(day) + "日";
}

// The law behind a list of rule IDs, for a document's 法律依据.
json BasisItems(const json& basis) {
  json items = json::array();
  if (!basis.is_array()) return items;
  for (const json& b : basis) {
    if (!b.is_string()) continue;
    const std::string id = b.get<std::string>();
    if (const law::Rule* r = law::FindRule(id)) {
      items.push_back({{"rule_id", id}, {"citation", std::string(r->citation)}, {"text", ""}});
    }
  }
  return items;
}

Status RequireNote(const CaseRequest& req, std::string_view what) {
  if (req.note.empty()) return InvalidArgument("note：" + std::string(what) + "须填写理由");
  return Status::Ok();
}

Status Event(Database& db, Timestamp at, const Actor& actor, int64_t case_id,
             std::string_view action, std::string_view from, std::string_view to, json detail) {
  storage::CaseEvent e;
  e.case_id = case_id;
  e.at = at;
  e.user_id = actor.user_id;
  e.action = std::string(action);
  e.from_state = std::string(from);
  e.to_state = std::string(to);
  e.detail = detail.dump();
  return storage::AppendCaseEvent(db, e);
}

Status AddDeadline(Database& db, Timestamp at, int64_t case_id, const ComputedDeadline& d) {
  storage::DeadlineRow row;
  row.case_id = case_id;
  row.kind = std::string(Spec(d.kind).code);
  row.rule = d.rule;
  row.label = d.label;
  row.from_date = d.from;
  row.due_date = d.due;
  return storage::InsertDeadline(db, row, at).status();
}

// Marks the open deadlines of `kinds` met on `on`.
Status MeetDeadlines(Database& db, int64_t case_id, std::initializer_list<DeadlineKind> kinds,
                     Date on) {
  ZJ_ASSIGN_OR_RETURN(auto all, storage::CaseDeadlines(db, case_id));
  for (storage::DeadlineRow& d : all) {
    if (d.met_on || d.cancelled) continue;
    for (DeadlineKind k : kinds) {
      if (d.kind == Spec(k).code) {
        d.met_on = on;
        ZJ_RETURN_IF_ERROR(storage::UpdateDeadline(db, d));
      }
    }
  }
  return Status::Ok();
}

// Cancels every open deadline (the case closed).
Status CancelOpenDeadlines(Database& db, int64_t case_id) {
  ZJ_ASSIGN_OR_RETURN(auto all, storage::CaseDeadlines(db, case_id));
  for (storage::DeadlineRow& d : all) {
    if (d.met_on || d.cancelled) continue;
    d.cancelled = true;
    ZJ_RETURN_IF_ERROR(storage::UpdateDeadline(db, d));
  }
  return Status::Ok();
}

bool IsTempRelease(const CaseRow& c) {
  json card = json::parse(c.card, nullptr, false);
  return card.is_object() && card.value("change_type", "") == "temp_release";
}

// ---- documents ----

// The default content of a case's document, in the fields of report/legal_document.h (the
// prosecutor edits it before submitting). What only a person can write — a suggestion's
// causes and recommendations — is left empty, and submitting refuses it until written.
Result<json> DraftContent(Database& db, const WorkflowOptions& opts, const CaseRow& c,
                          const DeadlineSettings& deadlines) {
  const CaseTypeInfo& type = Info(TypeOf(c));
  ZJ_ASSIGN_OR_RETURN(storage::OrgBrief issuing, storage::GetOrg(db, c.issuing_org_id));
  ZJ_ASSIGN_OR_RETURN(storage::OrgBrief subject, storage::GetOrg(db, c.subject_org_id));
  json facts = json::parse(c.facts, nullptr, false);
  json basis = json::parse(c.basis, nullptr, false);
  json card = json::parse(c.card, nullptr, false);
  if (!card.is_object()) card = json::object();
  json doc = {{"kind", type.doc_kind},
              {"issuing_org", issuing.name},
              {"addressee", subject.name},
              {"subject", c.title},
              {"case_no", c.case_no},
              {"facts", json::array()},
              {"basis", BasisItems(basis)},
              {"authority", json::array()},
              {"reasons", json::array()},
              {"suggestions", json::array()},
              {"requirement", ""},
              {"reply_deadline", ""},
              {"attachments", json::array()},
              {"contact", ""}};
  if (facts.is_object() && facts.contains("paragraphs")) doc["facts"] = facts["paragraphs"];
  if (doc["facts"].empty()) doc["facts"].push_back(c.summary);
  std::optional<storage::PersonBrief> person;
  if (!c.person_id.empty()) {
    auto p = storage::GetPersonBrief(db, c.person_id);
    if (p.ok()) person = *p;
  }
  switch (TypeOf(c)) {
    case CaseType::kCorrection: {
      const bool points = facts.is_object() && facts.value("model", "") == "M09";
      doc["authority"] = {"《中华人民共和国刑事诉讼法》第二百七十六条",
                          "《人民检察院刑事诉讼规则》第六百二十四条"};
      doc["reply_deadline"] =
          points ? "收到本通知书后5个工作日内"
                 : "收到本通知书后" + std::to_string(deadlines.correction_reply_days) + "日内";
      break;
    }
    case CaseType::kSuggestion:
      doc["authority"] = {"《中华人民共和国人民检察院组织法》第二十一条",
                          "《人民检察院检察建议工作规定》"};
      doc["reply_deadline"] = "收到本检察建议书之日起" +
                              std::to_string(deadlines.suggestion_reply_months) + "个月以内";
      break;
    case CaseType::kProposalReview: {
      const bool temp = IsTempRelease(c);
      const std::string verdict = card.value("verdict", "");
      const json proposal = card.value("proposal", json::object());
      const json sentence = card.value("sentence", json::object());
      // The deciding court: 高级人民法院 for life and death-reprieve sentences, else the
      // 中级人民法院 of the place of execution (JX-COURT-01); 暂予监外执行 goes to the
      // approving authority, which the data does not name — the proposing organ's superior.
      const std::string penalty = sentence.value("penalty", "");
      auto court = storage::DecidingCourt(db, c.subject_org_id,
                                          penalty == "无期徒刑" || penalty.find("死刑") == 0);
      if (court.ok() && !temp) {
        ZJ_ASSIGN_OR_RETURN(storage::OrgBrief co, storage::GetOrg(db, *court));
        doc["addressee"] = co.name;
      }
      std::string info;
      if (person) {
        info = (person->gender == "F" ? "女" : person->gender == "M" ? "男" : "性别不详");
        if (person->birth_date) info += "，" + ChineseDateText(*person->birth_date) + "出生";
      }
      std::string crimes;
      if (sentence.contains("crimes")) {
        for (const json& cr : sentence["crimes"]) {
          crimes += (crimes.empty() ? "" : "、") + cr.get<std::string>();
        }
      }
      info += "，因" + (crimes.empty() ? std::string("犯罪") : crimes) + "被判处" + penalty +
              "，现在" + subject.name + "服刑。";
      std::string what = proposal.value("change_type", std::string("刑期变动"));
      const int months = proposal.value("reduction_months", 0);
      const int days = proposal.value("reduction_days", 0);
      std::string amount;
      if (months > 0) amount += std::to_string(months) + "个月";
      if (days > 0) amount += std::to_string(days) + "日";
      const std::string name = person ? person->name : c.person_id;
      std::string opinion =
          verdict == "violation"
              ? "不同意对罪犯" + name + what + "。"
              : verdict == "needs_review" ? "建议对下列事项核实后依法审理。"
                                          : "同意对罪犯" + name + what + "。";
      json reasons = json::array();
      for (const json& r : card.value("risk_points", json::array())) reasons.push_back(r["text"]);
      if (reasons.empty()) reasons.push_back("经审查，该提请符合法律规定的条件和程序。");
      json findings = json::array();
      for (const json& f : card.value("findings", json::array())) findings.push_back(f["text"]);
      if (!findings.empty()) doc["facts"] = findings;
      doc["reasons"] = reasons;
      if (verdict != "violation") doc["basis"] = json::array();
      doc["proposal"] = {{"person", name},
                         {"person_info", info},
                         {"proposing_org", subject.name},
                         {"proposed_on", proposal.value("proposal_date", "")},
                         {"proposal", "对罪犯" + name + what + amount},
                         {"opinion", opinion}};
      doc["authority"] = {temp ? "《人民检察院刑事诉讼规则》第六百三十条"
                               : "《人民检察院刑事诉讼规则》第六百三十五条"};
      break;
    }
    case CaseType::kRulingCorrection: {
      const json ruling = card.value("ruling", json::object());
      const json proposal = card.value("proposal", json::object());
      std::string court = ruling.value("deciding_org_id", "");
      if (!court.empty()) {
        auto co = storage::GetOrg(db, court);
        if (co.ok()) court = co->name;
      }
      doc["addressee"] = court.empty() ? subject.name : court;
      const std::string name = person ? person->name : c.person_id;
      doc["ruling"] = {{"court", doc["addressee"]},
                       {"ruling_no", "数据编号" + c.change_id},
                       {"ruled_on", ruling.value("decision_date", "")},
                       {"received_on", ruling.value("received_on", "")},
                       {"person", name},
                       {"ruling", "对罪犯" + name + proposal.value("change_type", std::string(""))}};
      doc["authority"] = {"《中华人民共和国刑事诉讼法》第二百七十四条",
                          "《人民检察院刑事诉讼规则》第六百三十九条"};
      doc["reply_deadline"] = "收到本意见书后一个月以内";
      break;
    }
  }
  (void)opts;
  return doc;
}

// Checks an edited document content: an object whose text fields are strings and whose
// lists are lists of strings (facts, attachments) or of basis objects.
Status CheckDocumentContent(const json& doc) {
  if (!doc.is_object()) return InvalidArgument("document：文书内容应为 JSON 对象");
  for (const char* f : {"addressee"}) {
    if (!doc.contains(f) || !doc[f].is_string() || doc[f].get<std::string>().empty()) {
      return InvalidArgument(std::string("document.") + f + "：不能为空");
    }
  }
  for (const char* f : {"facts", "attachments", "authority", "reasons", "suggestions"}) {
    if (!doc.contains(f)) continue;
    if (!doc[f].is_array()) return InvalidArgument(std::string("document.") + f + "：应为列表");
    for (const json& x : doc[f]) {
      if (!x.is_string()) return InvalidArgument(std::string("document.") + f + "：每项应为文字");
    }
  }
  if (!doc.contains("facts") || doc["facts"].empty()) {
    return InvalidArgument("document.facts：至少写明一项检察发现的事实");
  }
  if (doc.contains("basis")) {
    if (!doc["basis"].is_array()) return InvalidArgument("document.basis：应为列表");
    for (const json& b : doc["basis"]) {
      if (!b.is_object() || !b.contains("citation") || !b["citation"].is_string()) {
        return InvalidArgument("document.basis：每项应写明条文（citation）");
      }
    }
  }
  return Status::Ok();
}

// The current draft (draft or pending_approval) of a case, if any.
std::optional<storage::DocumentRow> CurrentDraft(const std::vector<storage::DocumentRow>& docs) {
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) {
    if (it->state == "draft" || it->state == "pending_approval") return *it;
  }
  return std::nullopt;
}

// ---- intake ----

constexpr std::string_view kRequiredAttachments[] = {"proposal", "assessment", "points_detail"};

std::string_view AttachmentLabel(std::string_view t) {
  if (t == "proposal") return "提请减刑/假释建议书";
  if (t == "assessment") return "罪犯评审鉴定表";
  if (t == "points_detail") return "计分考核明细";
  if (t == "merit_evidence") return "立功/重大立功材料";
  if (t == "property_performance") return "财产性判项履行情况";
  if (t == "medical") return "病情诊断/检查证明";
  if (t == "guarantee") return "保证人材料";
  return "其他材料";
}

// The case card (案卡) of a pending proposal: what the proposal says, the law engine's
// verdict on it with every finding, eligibility, risk points and the attachments.
Result<json> ReviewCard(Database& db, const storage::PendingProposal& p, Date as_of,
                        std::string* title, std::string* summary, json* basis_ids) {
  ZJ_ASSIGN_OR_RETURN(std::vector<law::Case> cases,
                      models::LoadPersonCases(db, p.person_id, as_of));
  const law::Case* found = nullptr;
  int index = -1;
  for (const law::Case& c : cases) {
    for (size_t i = 0; i < c.changes.size(); ++i) {
      if (c.changes[i].id == p.change_id) {
        found = &c;
        index = static_cast<int>(i);
      }
    }
  }
  if (!found) return NotFound("提请 " + p.change_id + " 找不到对应的判决");
  const law::Case& c = *found;
  const law::Change& ch = c.changes[index];
  const law::Judgment j = law::Judge(c);
  ZJ_ASSIGN_OR_RETURN(storage::PersonBrief person, storage::GetPersonBrief(db, p.person_id));

  json card;
  card["change_id"] = p.change_id;
  card["change_type"] = p.change_type;
  card["as_of"] = as_of.ToString();
  card["proposal"] = {
      {"change_type", std::string(law::ChangeTypeLabel(ch.type))},
      {"basis", std::string(law::BasisLabel(ch.basis))},
      {"proposal_date", ch.proposal_date ? ch.proposal_date->ToString() : ""},
      {"reduction_months", ch.reduction_months ? *ch.reduction_months : 0},
      {"reduction_days", ch.reduction_days ? *ch.reduction_days : 0},
      {"new_term_end", ch.new_term_end ? ch.new_term_end->ToString() : ""},
      {"reason_text", ch.reason_text}};
  card["sentence"] = {{"sentence_id", c.sentence.id},
                      {"penalty", std::string(law::PenaltyLabel(c.sentence.penalty))},
                      {"term_months", c.sentence.term_months},
                      {"crimes", c.sentence.crimes},
                      {"effective_date", c.sentence.effective_date.ToString()}};
  card["computed_term_end"] = j.current_term_end ? j.current_term_end->ToString() : "";

  // The verdict on this proposal, with every finding explained.
  std::string verdict = "lawful";
  json findings = json::array();
  json risk = json::array();
  for (const law::ChangeJudgment& cj : j.changes) {
    if (cj.change != index) continue;
    verdict = std::string(law::VerdictCode(cj.verdict));
    for (const law::Finding& f : cj.findings) {
      findings.push_back({{"rule", std::string(f.rule)},
                          {"severity", std::string(law::SeverityCode(f.severity))},
                          {"text", law::Explain(f)}});
      if (f.severity != law::Severity::kInfo) {
        risk.push_back({{"rule", std::string(f.rule)}, {"text", law::Explain(f)}});
        basis_ids->push_back(std::string(f.rule));
      }
    }
  }
  card["verdict"] = verdict;
  card["verdict_label"] =
      verdict == "violation" ? "违法" : verdict == "needs_review" ? "需人工审查" : "合法";
  card["findings"] = findings;

  const law::Eligibility& e = j.eligibility;
  card["eligibility"] = {
      {"commutation", std::string(law::EligibilityStatusCode(e.commutation))},
      {"commutation_from", e.commutation_from ? e.commutation_from->ToString() : ""},
      {"commutation_rule", std::string(e.commutation_rule)},
      {"parole", std::string(law::EligibilityStatusCode(e.parole))},
      {"parole_from", e.parole_from ? e.parole_from->ToString() : ""},
      {"parole_rule", std::string(e.parole_rule)}};

  // JX-PROS-06: cases the procuratorate must investigate (调查核实).
  using law::Category;
  const auto& cats = c.sentence.categories;
  if (cats.Has(Category::kDutyCrime) || cats.Has(Category::kFinancial) ||
      cats.Has(Category::kGang) || cats.Has(Category::kTerrorism)) {
    risk.push_back({{"rule", "JX-PROS-06"},
                    {"text", "职务犯罪、金融犯罪、涉黑或恐怖活动犯罪罪犯的提请，应当调查核实"}});
  }
  if (ch.basis == law::Basis::kMerit || ch.basis == law::Basis::kRepentanceMerit ||
      ch.basis == law::Basis::kMajorMerit || ch.basis == law::Basis::kRepentanceMajorMerit) {
    risk.push_back({{"rule", "JX-PROS-06"},
                    {"text", "以立功或重大立功表现提请，应当调查核实立功材料"}});
  }

  // Attachments (单轨制 electronic file) and what is missing.
  ZJ_ASSIGN_OR_RETURN(auto atts, storage::ListAttachments(db, "term_changes", p.change_id));
  json list = json::array();
  std::vector<std::string> present;
  for (const auto& a : atts) {
    list.push_back({{"attachment_id", a.attachment_id},
                    {"doc_type", a.doc_type},
                    {"label", std::string(AttachmentLabel(a.doc_type))},
                    {"title", a.title},
                    {"file", a.file},
                    {"sha256", a.sha256},
                    {"pages", a.pages ? json(*a.pages) : json()}});
    present.push_back(a.doc_type);
  }
  card["attachments"] = list;
  std::vector<std::string_view> need(std::begin(kRequiredAttachments),
                                     std::end(kRequiredAttachments));
  if (ch.basis == law::Basis::kMerit || ch.basis == law::Basis::kRepentanceMerit ||
      ch.basis == law::Basis::kMajorMerit || ch.basis == law::Basis::kRepentanceMajorMerit) {
    need.push_back("merit_evidence");
  }
  if (c.sentence.property_due_fen > 0) need.push_back("property_performance");
  if (p.change_type == "temp_release") need = {"medical"};
  for (std::string_view n : need) {
    if (std::find(present.begin(), present.end(), n) == present.end()) {
      risk.push_back({{"rule", n == "points_detail" ? "JX-PTS-12" : "JX-PROS-05"},
                      {"text", "缺少" + std::string(AttachmentLabel(n))}});
    }
  }
  card["risk_points"] = risk;

  *title = person.name + " " + std::string(law::ChangeTypeLabel(ch.type)) + "提请审查";
  *summary = std::string(law::ChangeTypeLabel(ch.type)) + "提请（" + p.change_id + "），引擎判断：" +
             card["verdict_label"].get<std::string>() + "；风险点 " + std::to_string(risk.size()) +
             " 项";
  return card;
}

Result<int64_t> OpenCase(Database& db, const Clock& clock, const WorkflowOptions& opts,
                         const Actor& actor, CaseRow row, const std::vector<int64_t>& clues) {
  const Date today = clock.TodayBeijing();
  ZJ_ASSIGN_OR_RETURN(row.issuing_org_id, storage::IssuingProcuratorate(db, row.handling_org_id));
  ZJ_ASSIGN_OR_RETURN(row.case_no, NewCaseNo(db, opts, row.issuing_org_id, today));
  row.state = "accepted";
  row.accepted_on = today;
  row.created_by = actor.user_id;
  row.created_at = row.updated_at = clock.Now();
  ZJ_ASSIGN_OR_RETURN(int64_t id, storage::InsertCase(db, row, clues));
  ZJ_RETURN_IF_ERROR(Event(db, row.created_at, actor, id, "accept", "", "accepted",
                           {{"case_no", row.case_no}, {"clues", clues}}));
  ZJ_RETURN_IF_ERROR(Audit(db, clock, actor, "case_accept", "case", std::to_string(id),
                           {{"case_no", row.case_no}, {"case_type", row.case_type}}));
  return id;
}

}  // namespace

Actor Actor::System(std::string name) {
  Actor a;
  a.username = std::move(name);
  a.duties = AllDuties();
  return a;
}

std::string DefaultAbbrev(std::string_view name) {
  std::string s(name);
  const std::string suffix = "人民检察院";
  if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
    s.resize(s.size() - suffix.size());
  }
  // Keep the last administrative unit: "成都市锦江区" → "锦江区", then drop its suffix.
  size_t cut = std::string::npos;
  for (const std::string unit : {"省", "自治区", "自治州", "市", "地区", "盟"}) {
    const size_t at = s.rfind(unit);
    if (at != std::string::npos && at + unit.size() < s.size() &&
        (cut == std::string::npos || at + unit.size() > cut)) {
      cut = at + unit.size();
    }
  }
  if (cut != std::string::npos) s = s.substr(cut);
  for (const std::string unit : {"自治县", "自治州", "区", "县", "市", "省"}) {
    if (s.size() > unit.size() + 3 && s.compare(s.size() - unit.size(), unit.size(), unit) == 0) {
      s.resize(s.size() - unit.size());
      break;
    }
  }
  return s;
}

// ---- triage ----

Result<int64_t> ApplyTriage(Database& db, const Clock& clock, const Actor& actor,
                            int64_t clue_no, const TriageRequest& req) {
  const TriageTransition* t = FindTriageTransition(req.action);
  if (!t || t->action == "promote") {
    return InvalidArgument("action：不支持的线索操作“" + req.action + "”");
  }
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(storage::ClueRef clue, storage::GetClueRef(db, actor.scope, clue_no));
  const std::string from = clue.triage.state;
  if (std::find(t->from.begin(), t->from.end(), from) == t->from.end()) {
    return FailedPrecondition("线索当前状态为“" + std::string(TriageStateLabel(from)) +
                              "”，不能" + std::string(t->label));
  }
  if (!actor.May(t->duty)) return Denied(t->duty, std::string(t->label) + "线索");
  if (clue.triage.version != req.expected_version) {
    return Conflict("线索已被他人处理，请刷新后重试");
  }
  storage::TriageRow row = clue.triage;
  row.state = std::string(t->to);
  json detail = json::object();
  if (req.action == "assign") {
    if (!req.assignee_id) return InvalidArgument("assignee_id：请选择承办人");
    row.assignee_id = req.assignee_id;
    detail["assignee_id"] = *req.assignee_id;
  } else if (req.action == "dismiss") {
    const DismissReason* r = FindDismissReason(req.reason_code);
    if (!r) return InvalidArgument("reason_code：请选择排除理由");
    if (r->needs_note && req.note.empty()) {
      return InvalidArgument("note：排除理由为“" + std::string(r->label) + "”时须写明说明");
    }
    row.reason_code = req.reason_code;
    detail["reason_code"] = req.reason_code;
  } else if (req.action == "merge") {
    if (!req.merge_into || *req.merge_into == clue_no) {
      return InvalidArgument("merge_into：请指定与本线索重复的另一条线索");
    }
    ZJ_ASSIGN_OR_RETURN(storage::ClueRef target,
                        storage::GetClueRef(db, actor.scope, *req.merge_into));
    if (target.triage.state == "merged" || target.triage.state == "dismissed") {
      return FailedPrecondition("线索 " + std::to_string(target.clue_no) +
                                " 已被合并或排除，不能作为合并目标");
    }
    if (target.org_id != clue.org_id && target.person_id != clue.person_id) {
      return InvalidArgument("merge_into：只能合并同一人员或同一执行机关的线索");
    }
    row.merged_into = req.merge_into;
    detail["merged_into"] = *req.merge_into;
  } else if (req.action == "reopen") {
    row.reason_code.clear();
    row.merged_into.reset();
  } else if (req.action == "verify" || req.action == "start") {
    if (!row.assignee_id) row.assignee_id = actor.user_id;
  }
  if (!req.note.empty()) {
    row.note = req.note;
    detail["note"] = req.note;
  }
  ZJ_ASSIGN_OR_RETURN(int64_t version,
                      storage::WriteTriage(db, row, req.expected_version, clock.Now(),
                                           actor.user_id));
  storage::TriageAction a;
  a.clue_no = clue_no;
  a.at = clock.Now();
  a.user_id = actor.user_id;
  a.action = req.action;
  a.from_state = from;
  a.to_state = row.state;
  a.detail = detail.dump();
  ZJ_RETURN_IF_ERROR(storage::AppendTriageAction(db, a));
  detail["from"] = from;
  detail["to"] = row.state;
  ZJ_RETURN_IF_ERROR(
      Audit(db, clock, actor, "clue_" + req.action, "clue", std::to_string(clue_no), detail));
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return version;
}

Result<int64_t> Promote(Database& db, const Clock& clock, const WorkflowOptions& opts,
                        const Actor& actor, const PromoteRequest& req) {
  if (req.clues.empty()) return InvalidArgument("clues：至少选择一条线索");
  const CaseTypeInfo* type = FindCaseType(req.case_type);
  if (!type || (type->type != CaseType::kCorrection && type->type != CaseType::kSuggestion)) {
    return InvalidArgument("case_type：线索立案只能立为纠正违法或检察建议案件");
  }
  const TriageTransition* t = FindTriageTransition("promote");
  if (!actor.May(t->duty)) return Denied(t->duty, "立案");
  if (actor.org_id.empty()) return PermissionDenied("系统账号不能立案");
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  std::vector<storage::ClueRef> clues;
  for (const auto& [clue_no, version] : req.clues) {
    ZJ_ASSIGN_OR_RETURN(storage::ClueRef c, storage::GetClueRef(db, actor.scope, clue_no));
    if (std::find(t->from.begin(), t->from.end(), c.triage.state) == t->from.end()) {
      return FailedPrecondition("线索 " + std::to_string(clue_no) + " 当前状态为“" +
                                std::string(TriageStateLabel(c.triage.state)) + "”，不能立案");
    }
    if (c.triage.version != version) {
      return Conflict("线索 " + std::to_string(clue_no) + " 已被他人处理，请刷新后重试");
    }
    if (!clues.empty() && c.org_id != clues.front().org_id) {
      return InvalidArgument("clues：一个案件只能针对同一执行机关的线索");
    }
    clues.push_back(std::move(c));
  }
  const storage::ClueRef& first = clues.front();
  CaseRow row;
  row.case_type = std::string(type->code);
  row.handling_org_id = actor.org_id;
  row.subject_org_id = first.org_id;
  row.person_id = first.person_id;
  for (const storage::ClueRef& c : clues) {
    if (c.person_id != first.person_id) row.person_id.clear();  // several people
  }
  row.title = req.title.empty() ? first.title : req.title;
  json paragraphs = json::array();
  json basis = json::array();
  json models = json::array();
  for (const storage::ClueRef& c : clues) {
    paragraphs.push_back(c.summary);
    models.push_back(c.model);
    json b = json::parse(c.basis, nullptr, false);
    if (b.is_array()) {
      for (const json& id : b) {
        if (std::find(basis.begin(), basis.end(), id) == basis.end()) basis.push_back(id);
      }
    }
  }
  row.summary = first.summary;
  row.facts = json({{"paragraphs", paragraphs},
                    {"models", models},
                    {"model", first.model},
                    {"clue_facts", json::parse(first.facts, nullptr, false)}})
                  .dump();
  row.basis = basis.dump();
  row.handler_id = req.handler_id ? req.handler_id : actor.user_id;
  std::vector<int64_t> clue_nos;
  for (const storage::ClueRef& c : clues) clue_nos.push_back(c.clue_no);
  ZJ_ASSIGN_OR_RETURN(int64_t case_id, OpenCase(db, clock, opts, actor, row, clue_nos));
  for (size_t i = 0; i < clues.size(); ++i) {
    storage::TriageRow tr = clues[i].triage;
    const std::string from = tr.state;
    tr.state = "promoted";
    tr.case_id = case_id;
    ZJ_RETURN_IF_ERROR(storage::WriteTriage(db, tr, req.clues[i].second, clock.Now(),
                                            actor.user_id)
                           .status());
    storage::TriageAction a;
    a.clue_no = clues[i].clue_no;
    a.at = clock.Now();
    a.user_id = actor.user_id;
    a.action = "promote";
    a.from_state = from;
    a.to_state = "promoted";
    a.detail = json({{"case_id", case_id}}).dump();
    ZJ_RETURN_IF_ERROR(storage::AppendTriageAction(db, a));
  }
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return case_id;
}

Result<ClueView> GetClue(Database& db, const Clock& clock, const Actor& actor, int64_t clue_no) {
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());  // the read is audited in the same transaction
  ClueView v;
  ZJ_ASSIGN_OR_RETURN(v.clue, storage::GetClueRef(db, actor.scope, clue_no));
  ZJ_ASSIGN_OR_RETURN(v.history, storage::ClueHistory(db, clue_no));
  ZJ_ASSIGN_OR_RETURN(v.actions, storage::ListTriageActions(db, clue_no));
  ZJ_RETURN_IF_ERROR(Audit(db, clock, actor, "read_clue", "clue", std::to_string(clue_no),
                           {{"person_id", v.clue.person_id}}));
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return v;
}

Result<PersonView> GetPerson(Database& db, const Clock& clock, const Actor& actor,
                             const std::string& person_id, Date as_of) {
  PersonView v;
  ZJ_ASSIGN_OR_RETURN(bool visible, storage::PersonInScope(db, actor.scope, person_id));
  if (!visible) return NotFound("人员 " + person_id + " 不存在或不在本院管辖范围内");
  ZJ_ASSIGN_OR_RETURN(v.person, storage::GetPersonBrief(db, person_id));
  // The law cases read the store in their own transaction; the audit row is written after.
  ZJ_ASSIGN_OR_RETURN(v.cases, models::LoadPersonCases(db, person_id, as_of));
  for (const law::Case& c : v.cases) v.judgments.push_back(law::Judge(c));
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_RETURN_IF_ERROR(Audit(db, clock, actor, "read_person", "person", person_id,
                           {{"sentences", v.cases.size()}}));
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return v;
}

// ---- cases ----

Result<CaseView> GetCase(Database& db, const Clock& clock, const Actor& actor, int64_t case_id) {
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());  // the read is audited in the same transaction
  CaseView v;
  ZJ_ASSIGN_OR_RETURN(v.row, storage::GetCase(db, actor.scope, case_id));
  if (!v.row.person_id.empty()) {
    auto person = storage::GetPersonBrief(db, v.row.person_id);
    if (person.ok()) {
      v.person_name = person->name;
    } else if (person.status().code() != StatusCode::kNotFound) {
      return person.status();
    }
  }
  ZJ_ASSIGN_OR_RETURN(v.clue_nos, storage::CaseClues(db, case_id));
  ZJ_ASSIGN_OR_RETURN(v.events, storage::ListCaseEvents(db, case_id));
  ZJ_ASSIGN_OR_RETURN(v.deadlines, storage::CaseDeadlines(db, case_id));
  ZJ_ASSIGN_OR_RETURN(v.documents, storage::CaseDocuments(db, case_id));
  ZJ_ASSIGN_OR_RETURN(v.replies, storage::CaseReplies(db, case_id));
  ZJ_ASSIGN_OR_RETURN(v.evidence, storage::CaseEvidence(db, case_id));
  ZJ_ASSIGN_OR_RETURN(v.follow_ups, storage::CaseFollowUps(db, case_id));
  v.actions = ActionsFrom(TypeOf(v.row), v.row.state);
  ZJ_RETURN_IF_ERROR(Audit(db, clock, actor, "read_case", "case", std::to_string(case_id),
                           {{"person_id", v.row.person_id}}));
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return v;
}

Result<CaseResult> ApplyCaseAction(Database& db, const Clock& clock, const WorkflowOptions& opts,
                                   const Actor& actor, int64_t case_id, const CaseRequest& req) {
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(CaseRow c, storage::GetCase(db, actor.scope, case_id));
  const CaseType type = TypeOf(c);
  const CaseTransition* t = FindCaseTransition(type, c.state, req.action);
  if (!t) {
    bool known = false;
    for (const CaseTransition& x : CaseTransitions()) known |= x.action == req.action;
    if (!known) return InvalidArgument("action：不支持的案件操作“" + req.action + "”");
    return FailedPrecondition("案件当前状态为“" + StateLabel(c.state) + "”，可进行的操作：" +
                              ActionList(ActionsFrom(type, c.state)));
  }
  if (!actor.May(t->duty)) return Denied(t->duty, std::string(t->label));
  if (c.version != req.expected_version) return Conflict("案件已被他人修改，请刷新后重试");

  const Timestamp now = clock.Now();
  const Date today = clock.TodayBeijing();
  const std::string from = c.state;
  CaseResult result;
  json detail = json::object();
  if (!req.note.empty()) detail["note"] = req.note;

  ZJ_ASSIGN_OR_RETURN(auto docs, storage::CaseDocuments(db, case_id));
  std::optional<storage::DocumentRow> draft = CurrentDraft(docs);

  if (req.action == "oral_correct") {
    ZJ_RETURN_IF_ERROR(RequireNote(req, "口头纠正"));
    ZJ_RETURN_IF_ERROR(AddDeadline(db, now, case_id,
                                   ComputeDeadline(DeadlineKind::kOralFix, today, opts.deadlines)));
  } else if (req.action == "confirm_fixed") {
    ZJ_RETURN_IF_ERROR(MeetDeadlines(db, case_id, {DeadlineKind::kOralFix}, today));
  } else if (req.action == "draft") {
    json content;
    if (req.document) {
      content = *req.document;
      ZJ_RETURN_IF_ERROR(CheckDocumentContent(content));
    } else {
      ZJ_ASSIGN_OR_RETURN(content, DraftContent(db, opts, c, opts.deadlines));
    }
    const CaseTypeInfo& info = Info(type);
    content["kind"] = info.doc_kind;
    if (draft && draft->state == "draft") {
      draft->content = content.dump();
      draft->updated_at = now;
      ZJ_RETURN_IF_ERROR(storage::UpdateDocument(db, *draft));
      result.doc_id = draft->doc_id;
    } else {
      storage::DocumentRow d;
      d.case_id = case_id;
      d.kind = std::string(info.doc_kind);
      d.state = "draft";
      d.issuing_org_id = c.issuing_org_id;
      d.content = content.dump();
      d.drafted_by = actor.user_id;
      d.created_at = d.updated_at = now;
      ZJ_ASSIGN_OR_RETURN(int64_t id, storage::InsertDocument(db, d));
      result.doc_id = id;
    }
    detail["doc_id"] = *result.doc_id;
  } else if (req.action == "submit" || req.action == "return") {
    if (!draft) return FailedPrecondition("案件没有待审批的文书草稿");
    if (req.action == "return") ZJ_RETURN_IF_ERROR(RequireNote(req, "退回修改"));
    const json content = json::parse(draft->content, nullptr, false);
    ZJ_RETURN_IF_ERROR(CheckDocumentContent(content));
    if (req.action == "submit" && opts.validate_document) {
      ZJ_RETURN_IF_ERROR(opts.validate_document(content));
    }
    draft->state = req.action == "submit" ? "pending_approval" : "draft";
    draft->updated_at = now;
    ZJ_RETURN_IF_ERROR(storage::UpdateDocument(db, *draft));
    result.doc_id = draft->doc_id;
    detail["doc_id"] = draft->doc_id;
  } else if (req.action == "approve_issue") {
    if (!draft || draft->state != "pending_approval") {
      return FailedPrecondition("案件没有待审批的文书");
    }
    ZJ_ASSIGN_OR_RETURN(storage::OrgBrief issuing, storage::GetOrg(db, c.issuing_org_id));
    const CaseTypeInfo& info = Info(type);
    ZJ_ASSIGN_OR_RETURN(int64_t seq,
                        storage::NextDocumentSeq(db, c.issuing_org_id, draft->kind, today.year()));
    draft->year = today.year();
    draft->seq = seq;
    draft->doc_no = Abbrev(opts, issuing) + "检刑执" + std::string(info.doc_code) + "〔" +
                    std::to_string(today.year()) + "〕" + std::to_string(seq) + "号";
    draft->state = "issued";
    draft->issued_on = today;
    draft->approved_by = actor.user_id;
    json content = json::parse(draft->content, nullptr, false);
    content["doc_no"] = draft->doc_no;
    content["issued_on"] = today.ToString();
    content["issuing_org"] = issuing.name;
    content["case_no"] = c.case_no;
    if (opts.validate_document) ZJ_RETURN_IF_ERROR(opts.validate_document(content));
    draft->content = content.dump();
    draft->updated_at = now;
    ZJ_RETURN_IF_ERROR(storage::UpdateDocument(db, *draft));
    result.doc_id = draft->doc_id;
    detail["doc_id"] = draft->doc_id;
    detail["doc_no"] = draft->doc_no;
    // The procuratorate's own deadline is met; the addressee's starts.
    ZJ_RETURN_IF_ERROR(MeetDeadlines(db, case_id,
                                     {DeadlineKind::kProposalOpinion, DeadlineKind::kTempOpinion,
                                      DeadlineKind::kRulingCorrection,
                                      DeadlineKind::kTempObjection, DeadlineKind::kOralFix},
                                     today));
    json facts = json::parse(c.facts, nullptr, false);
    switch (type) {
      case CaseType::kCorrection: {
        const bool points = facts.is_object() && facts.value("model", "") == "M09";
        ZJ_RETURN_IF_ERROR(AddDeadline(
            db, now, case_id,
            ComputeDeadline(points ? DeadlineKind::kPointsReply : DeadlineKind::kReply, today,
                            opts.deadlines)));
        break;
      }
      case CaseType::kSuggestion:
        ZJ_RETURN_IF_ERROR(AddDeadline(
            db, now, case_id,
            ComputeDeadline(DeadlineKind::kSuggestionReply, today, opts.deadlines)));
        break;
      case CaseType::kRulingCorrection:
        ZJ_RETURN_IF_ERROR(AddDeadline(
            db, now, case_id, ComputeDeadline(DeadlineKind::kCourtRehear, today, opts.deadlines)));
        break;
      case CaseType::kProposalReview:
        break;  // the ruling is awaited; its arrival is recorded by intake
    }
  } else if (req.action == "reply_adopted" || req.action == "reply_rejected") {
    if (!req.received_on) return InvalidArgument("received_on：请填写收到回复的日期");
    if (*req.received_on > today) return InvalidArgument("received_on：收到回复的日期不能晚于今天");
    if (req.reply_content.empty()) return InvalidArgument("content：请摘录回复内容");
    std::optional<int64_t> doc_id;
    for (const auto& d : docs) {
      if (d.state == "issued") doc_id = d.doc_id;
    }
    storage::ReplyRow r;
    r.case_id = case_id;
    r.doc_id = doc_id;
    r.received_on = *req.received_on;
    r.adoption = req.action == "reply_rejected" ? "rejected" : "adopted";
    r.content = req.reply_content;
    r.recorded_by = actor.user_id;
    r.recorded_at = now;
    ZJ_RETURN_IF_ERROR(storage::InsertReply(db, r).status());
    ZJ_RETURN_IF_ERROR(MeetDeadlines(db, case_id,
                                     {DeadlineKind::kReply, DeadlineKind::kPointsReply,
                                      DeadlineKind::kSuggestionReply, DeadlineKind::kCourtRehear},
                                     *req.received_on));
    detail["adoption"] = r.adoption;
    detail["received_on"] = req.received_on->ToString();
  } else if (req.action == "report_rectification") {
    ZJ_ASSIGN_OR_RETURN(auto ev, storage::CaseEvidence(db, case_id));
    bool any = false;
    for (const auto& e : ev) any |= e.kind == "rectification";
    if (!any) return FailedPrecondition("请先上传整改材料，再登记整改情况");
  } else if (req.action == "follow_up_passed" || req.action == "follow_up_failed") {
    ZJ_ASSIGN_OR_RETURN(auto clue_nos, storage::CaseClues(db, case_id));
    if (!req.follow_up && !clue_nos.empty()) {
      return FailedPrecondition("本案来源于模型线索，回头看须重新运行模型确认");
    }
    if (!req.follow_up) ZJ_RETURN_IF_ERROR(RequireNote(req, "人工回头看"));
    storage::FollowUpRow f;
    f.case_id = case_id;
    if (req.follow_up) f.run_no = req.follow_up->run_no;
    f.at = now;
    f.user_id = actor.user_id;
    f.rectified = req.action == "follow_up_passed";
    f.detail = req.follow_up ? req.follow_up->detail.dump() : json({{"note", req.note}}).dump();
    ZJ_RETURN_IF_ERROR(storage::InsertFollowUp(db, f).status());
    if (req.follow_up) detail["run_no"] = req.follow_up->run_no;
  } else if (req.action == "ruling_received") {
    const Date on = req.ruling_date.value_or(today);
    if (req.ruling) {
      json card = json::parse(c.card, nullptr, false);
      if (card.is_object()) {
        card["ruling"] = *req.ruling;
        c.card = card.dump();
      }
    }
    ZJ_RETURN_IF_ERROR(CancelOpenDeadlines(db, case_id));
    ZJ_RETURN_IF_ERROR(AddDeadline(
        db, now, case_id,
        ComputeDeadline(IsTempRelease(c) ? DeadlineKind::kTempObjection
                                         : DeadlineKind::kRulingCorrection,
                        today, opts.deadlines)));
    detail["ruling_date"] = on.ToString();
  } else if (req.action == "challenge_ruling") {
    ZJ_RETURN_IF_ERROR(RequireNote(req, "提出书面纠正意见"));
    ZJ_ASSIGN_OR_RETURN(auto deadlines, storage::CaseDeadlines(db, case_id));
    CaseRow next;
    next.case_type = "ruling_correction";
    next.handling_org_id = c.handling_org_id;
    json card = json::parse(c.card, nullptr, false);
    next.subject_org_id = card.is_object() && card.contains("ruling") &&
                                  card["ruling"].is_object()
                              ? card["ruling"].value("deciding_org_id", c.subject_org_id)
                              : c.subject_org_id;
    next.person_id = c.person_id;
    next.change_id = c.change_id;
    next.parent_case_id = case_id;
    next.title = c.title + "（裁定纠正）";
    next.summary = req.note;
    next.facts = json({{"paragraphs", json::array({req.note})}}).dump();
    next.basis = c.basis;
    next.card = c.card;
    next.handler_id = c.handler_id;
    ZJ_ASSIGN_OR_RETURN(int64_t id, OpenCase(db, clock, opts, actor, next, {}));
    // The 20-day window (JX-PROS-02) carries over to the new case.
    for (const auto& d : deadlines) {
      if (d.met_on || d.cancelled) continue;
      storage::DeadlineRow moved = d;
      moved.case_id = id;
      ZJ_RETURN_IF_ERROR(storage::InsertDeadline(db, moved, now).status());
    }
    result.opened_case_id = id;
    detail["opened_case_id"] = id;
  } else if (req.action == "escalate") {
    ZJ_RETURN_IF_ERROR(RequireNote(req, "升级监督"));
    CaseRow next = c;
    next.case_type = type == CaseType::kCorrection && from != "oral_corrected" ? "suggestion"
                     : type == CaseType::kRulingCorrection               ? "ruling_correction"
                                                                         : "correction";
    next.parent_case_id = case_id;
    next.title = c.title + "（升级监督）";
    next.summary = req.note;
    ZJ_ASSIGN_OR_RETURN(int64_t id, OpenCase(db, clock, opts, actor, next, {}));
    result.opened_case_id = id;
    detail["opened_case_id"] = id;
  } else if (req.action == "terminate" || req.action == "close_not_adopted") {
    ZJ_RETURN_IF_ERROR(RequireNote(req, std::string(t->label)));
  } else if (req.action == "accept_ruling") {
    ZJ_RETURN_IF_ERROR(MeetDeadlines(db, case_id,
                                     {DeadlineKind::kRulingCorrection, DeadlineKind::kTempObjection},
                                     today));
  }

  c.state = std::string(t->to);
  if (!t->outcome.empty()) c.outcome = std::string(t->outcome);
  if (c.state == "closed") {
    c.closed_on = today;
    ZJ_RETURN_IF_ERROR(CancelOpenDeadlines(db, case_id));
  }
  c.updated_at = now;
  ZJ_ASSIGN_OR_RETURN(result.version, storage::UpdateCase(db, c, req.expected_version));
  ZJ_RETURN_IF_ERROR(Event(db, now, actor, case_id, req.action, from, c.state, detail));
  detail["from"] = from;
  detail["to"] = c.state;
  ZJ_RETURN_IF_ERROR(
      Audit(db, clock, actor, "case_" + req.action, "case", std::to_string(case_id), detail));
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return result;
}

Result<int64_t> ExtendDeadline(Database& db, const Clock& clock, const Actor& actor,
                               int64_t case_id, int64_t expected_version, int64_t deadline_id,
                               const std::string& reason) {
  if (!actor.May(Duty::kApprove)) return Denied(Duty::kApprove, "延长办案期限");
  if (reason.empty()) return InvalidArgument("reason：延长期限须写明理由（如案情复杂）");
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(CaseRow c, storage::GetCase(db, actor.scope, case_id));
  if (c.version != expected_version) return Conflict("案件已被他人修改，请刷新后重试");
  ZJ_ASSIGN_OR_RETURN(auto all, storage::CaseDeadlines(db, case_id));
  storage::DeadlineRow* d = nullptr;
  for (auto& x : all) {
    if (x.deadline_id == deadline_id) d = &x;
  }
  if (!d) return NotFound("期限 " + std::to_string(deadline_id) + " 不属于本案");
  if (d->met_on || d->cancelled) return FailedPrecondition("该期限已届满处理，不能延长");
  if (d->extended) return FailedPrecondition("该期限已延长过一次，不能再延长");
  const DeadlineSpec* spec = FindDeadlineSpec(d->kind);
  if (!spec) return Internal("未知期限类型 " + d->kind);
  ZJ_ASSIGN_OR_RETURN(Date due, ExtendedDue(spec->kind, d->due_date));
  const Date before = d->due_date;
  d->due_date = due;
  d->extended = true;
  d->label += "（经批准延长）";
  ZJ_RETURN_IF_ERROR(storage::UpdateDeadline(db, *d));
  c.updated_at = clock.Now();
  ZJ_ASSIGN_OR_RETURN(int64_t version, storage::UpdateCase(db, c, expected_version));
  json detail = {{"deadline_id", deadline_id},
                 {"from", before.ToString()},
                 {"to", due.ToString()},
                 {"reason", reason}};
  ZJ_RETURN_IF_ERROR(Event(db, clock.Now(), actor, case_id, "extend_deadline", c.state, c.state,
                           detail));
  ZJ_RETURN_IF_ERROR(
      Audit(db, clock, actor, "case_extend_deadline", "case", std::to_string(case_id), detail));
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return version;
}

std::string EvidencePath(Database& db, const std::string& sha256) {
  return (std::filesystem::path(db.FilesDir()) / "evidence" / sha256).string();
}

Result<int64_t> AddEvidence(Database& db, const Clock& clock, const Actor& actor,
                            int64_t case_id, int64_t expected_version, const EvidenceInput& in) {
  if (!actor.May(Duty::kEdit)) return Denied(Duty::kEdit, "上传材料");
  if (in.kind != "reply" && in.kind != "rectification" && in.kind != "investigation") {
    return InvalidArgument("kind：材料类别应为 reply（回复）、rectification（整改）或 "
                           "investigation（调查核实）");
  }
  if (in.bytes.empty()) return InvalidArgument("file：上传的文件是空的");
  if (in.title.empty()) return InvalidArgument("title：请填写材料名称");
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(CaseRow c, storage::GetCase(db, actor.scope, case_id));
  if (c.version != expected_version) return Conflict("案件已被他人修改，请刷新后重试");
  if (c.state == "closed") return FailedPrecondition("案件已结案，不能再上传材料");
  Sha256 h;
  h.Update(in.bytes);
  const std::string sha = h.HexDigest();
  const std::string path = EvidencePath(db, sha);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  if (!std::filesystem::exists(path, ec)) {
    const std::string tmp = path + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary);
      out.write(in.bytes.data(), static_cast<std::streamsize>(in.bytes.size()));
      if (!out) return IoError("保存材料文件失败：" + tmp);
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) return IoError("保存材料文件失败：" + ec.message());
  }
  storage::EvidenceRow e;
  e.case_id = case_id;
  e.kind = in.kind;
  e.title = in.title;
  e.file_name = in.file_name.empty() ? sha : in.file_name;
  e.content_type = in.content_type.empty() ? "application/octet-stream" : in.content_type;
  e.size = static_cast<int64_t>(in.bytes.size());
  e.sha256 = sha;
  e.uploaded_by = actor.user_id;
  e.uploaded_at = clock.Now();
  ZJ_ASSIGN_OR_RETURN(int64_t id, storage::InsertEvidence(db, e));
  c.updated_at = clock.Now();
  ZJ_ASSIGN_OR_RETURN(int64_t version, storage::UpdateCase(db, c, expected_version));
  json detail = {{"evidence_id", id}, {"kind", in.kind}, {"sha256", sha}, {"title", in.title}};
  ZJ_RETURN_IF_ERROR(
      Event(db, clock.Now(), actor, case_id, "add_evidence", c.state, c.state, detail));
  ZJ_RETURN_IF_ERROR(
      Audit(db, clock, actor, "case_add_evidence", "case", std::to_string(case_id), detail));
  ZJ_RETURN_IF_ERROR(txn.Commit());
  (void)version;
  return id;
}

// ---- intake ----

Result<IntakeReport> Intake(Database& db, const Clock& clock, const WorkflowOptions& opts,
                            const Actor& actor) {
  IntakeReport report;
  ZJ_ASSIGN_OR_RETURN(Date as_of, models::DefaultAsOf(db));
  ZJ_ASSIGN_OR_RETURN(auto pending, storage::ProposalsWithoutReview(db));
  for (const storage::PendingProposal& p : pending) {
    // The card reads the store in its own transactions (law_cases); the case is written in
    // one write transaction after.
    std::string title, summary;
    json basis = json::array();
    auto card = ReviewCard(db, p, as_of, &title, &summary, &basis);
    if (!card.ok()) {
      report.problems.push_back(p.change_id + "：" + card.status().message());
      continue;
    }
    auto office = storage::SupervisingOffice(db, p.proposing_org_id);
    if (!office.ok()) {
      report.problems.push_back(p.change_id + "：" + office.status().message());
      continue;
    }
    CaseRow row;
    row.case_type = "proposal_review";
    row.handling_org_id = *office;
    row.subject_org_id = p.proposing_org_id;
    row.person_id = p.person_id;
    row.change_id = p.change_id;
    row.title = title;
    row.summary = summary;
    json uniq = json::array();
    for (const json& b : basis) {
      if (std::find(uniq.begin(), uniq.end(), b) == uniq.end()) uniq.push_back(b);
    }
    row.basis = uniq.dump();
    row.facts = json({{"paragraphs", json::array({summary})}}).dump();
    row.card = card->dump();
    Transaction txn(db);
    ZJ_RETURN_IF_ERROR(txn.BeginWrite());
    ZJ_ASSIGN_OR_RETURN(int64_t id, OpenCase(db, clock, opts, actor, row, {}));
    const Date today = clock.TodayBeijing();
    ZJ_RETURN_IF_ERROR(AddDeadline(
        db, clock.Now(), id,
        ComputeDeadline(p.change_type == "temp_release" ? DeadlineKind::kTempOpinion
                                                        : DeadlineKind::kProposalOpinion,
                        today, opts.deadlines)));
    ZJ_RETURN_IF_ERROR(txn.Commit());
    ++report.accepted;
  }
  // Proposals decided since: the ruling has arrived.
  std::vector<std::string> before;
  for (const CaseTransition& t : CaseTransitions()) {
    if (t.action == "ruling_received") {
      for (std::string_view s : t.from) before.emplace_back(s);
    }
  }
  ZJ_ASSIGN_OR_RETURN(auto decided, storage::ReviewsWithNewRuling(db, before));
  for (const storage::DecidedProposal& d : decided) {
    ZJ_ASSIGN_OR_RETURN(CaseRow c, storage::GetCase(db, storage::OrgScope::All(), d.case_id));
    CaseRequest req;
    req.action = "ruling_received";
    req.expected_version = c.version;
    req.ruling_date = d.decision_date;
    req.ruling = json{{"deciding_org_id", d.deciding_org_id},
                      {"decision_date", d.decision_date.ToString()},
                      {"received_on", clock.TodayBeijing().ToString()},
                      {"effective_date", d.effective_date ? d.effective_date->ToString() : ""}};
    auto r = ApplyCaseAction(db, clock, opts, actor, d.case_id, req);
    if (!r.ok()) {
      report.problems.push_back(c.case_no + "：" + r.status().message());
      continue;
    }
    ++report.rulings;
  }
  return report;
}

}  // namespace zj::workflow
