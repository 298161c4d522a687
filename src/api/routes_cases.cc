// /api/cases: supervision cases — list, one case with everything attached, actions, deadline
// extension, evidence upload and download, 回头看; /api/deadlines: due-soon and overdue.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/internal.h"
#include "domain/codes.h"
#include "report/xlsx.h"
#include "storage/exchange_store.h"

namespace zj::api {
namespace {

using nlohmann::json;

json DeadlineJson(const storage::DeadlineRow& d, Date today) {
  return {{"deadline_id", d.deadline_id},
          {"kind", d.kind},
          {"rule", d.rule},
          {"label", d.label},
          {"from", d.from_date.ToString()},
          {"due", d.due_date.ToString()},
          {"extended", d.extended},
          {"met_on", DateText(d.met_on)},
          {"cancelled", d.cancelled},
          {"overdue", !d.met_on && !d.cancelled && d.due_date < today},
          {"met_late", d.met_on && *d.met_on > d.due_date}};
}

json CaseRowJson(const storage::CaseRow& c) {
  const workflow::CaseTypeInfo* t = workflow::FindCaseType(c.case_type);
  const workflow::CaseState* st = workflow::FindCaseState(c.state);
  const workflow::CaseOutcome* o = workflow::FindCaseOutcome(c.outcome);
  return {{"case_id", c.case_id},
          {"case_no", c.case_no},
          {"case_type", c.case_type},
          {"case_type_label", t ? std::string(t->label) : ""},
          {"state", c.state},
          {"state_label", st ? std::string(st->label) : ""},
          {"outcome", c.outcome},
          {"outcome_label", o ? std::string(o->label) : ""},
          {"handling_org_id", c.handling_org_id},
          {"issuing_org_id", c.issuing_org_id},
          {"subject_org_id", c.subject_org_id},
          {"person_id", c.person_id},
          {"change_id", c.change_id},
          {"parent_case_id", c.parent_case_id ? json(*c.parent_case_id) : json()},
          {"title", c.title},
          {"summary", c.summary},
          {"handler_id", c.handler_id ? json(*c.handler_id) : json()},
          {"accepted_on", c.accepted_on.ToString()},
          {"closed_on", DateText(c.closed_on)},
          {"version", c.version}};
}

// A review's queue fields (减假暂审查): the codes and labels of the card, its risk count,
// the proposing org.
json ReviewJson(const storage::ReviewBrief& v) {
  return {{"change_type", v.change_type},
          {"change_type_label",
           std::string(domain::kChangeType.LabelOf(v.change_type).value_or(v.change_type))},
          {"verdict", v.verdict},
          {"verdict_label", v.verdict_label},
          {"risks", v.risks ? json(*v.risks) : json()},
          {"proposing_org_id", v.proposing_org_id},
          {"proposing_org_name", v.proposing_org_name}};
}

}  // namespace

Result<storage::CaseFilter> CaseFilterOf(const http::Request& req, int64_t max_limit) {
  storage::CaseFilter f;
  f.states = QueryList(req, "state");
  for (const std::string& v : f.states) {
    if (!workflow::FindCaseState(v)) return InvalidArgument("state：没有案件状态“" + v + "”");
  }
  f.case_types = QueryList(req, "type");
  for (const std::string& v : f.case_types) {
    if (!workflow::FindCaseType(v)) return InvalidArgument("type：没有案件类型“" + v + "”");
  }
  const std::string sort = req.Query("sort").value_or("");
  if (sort == "deadline") {
    f.order = storage::CaseOrder::kDeadline;
  } else if (!sort.empty()) {
    return InvalidArgument("sort：没有排序方式“" + sort + "”（可按 deadline 即最近期限排序）");
  }
  f.person_id = req.Query("person").value_or("");
  f.text = req.Query("q").value_or("");
  ZJ_ASSIGN_OR_RETURN(f.handler_id, QueryInt(req, "handler"));
  ZJ_ASSIGN_OR_RETURN(f.limit, QueryLimit(req, 50, max_limit));
  ZJ_ASSIGN_OR_RETURN(f.offset, QueryOffset(req));
  return f;
}

namespace {

Result<int64_t> PathCase(const http::Request& req) { return req.PathInt("case_id"); }

// A content-addressed file the store keeps (evidence, attachments), whole.
Result<std::string> StoredFile(const std::string& path, const std::string& sha256) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("材料文件缺失：" + sha256);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace

void AddCaseRoutes(App::State& s) {
  App::State* st = &s;

  http::Route list{
      .method = "GET",
      .pattern = "/api/cases",
      .summary =
          "案件列表（按状态、类型、人员、承办人、关键词筛选，分页；sort=deadline 按最近期限排序；"
          "审查案件带 review：提请类型、引擎判断、风险点数、提请机关）",
      .tag = "cases",
      .operation_id = "cases.list"};
  list.handler = [st](const http::Request& req) {
    auto f = CaseFilterOf(req, 500);
    if (!f.ok()) return Fail(req, f.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    const storage::OrgScope& scope = CallerOf(req).scope;
    auto rows = storage::ListCases(**db, scope, *f);
    if (!rows.ok()) return Fail(req, rows.status());
    auto total = storage::CountCases(**db, scope, *f);
    if (!total.ok()) return Fail(req, total.status());
    const Date today = st->clock->TodayBeijing();
    json items = json::array();
    for (const auto& r : *rows) {
      json j = CaseRowJson(r.row);
      j["person_name"] = r.person_name;
      j["next_due"] = DateText(r.next_due);
      j["overdue"] = r.next_due && *r.next_due < today;
      if (r.review) {
        j["review"] = ReviewJson(*r.review);
        j["review"]["person_name"] = r.person_name;
      }
      items.push_back(j);
    }
    return http::Response::Json({{"total", *total}, {"items", items}});
  };
  Add(s, std::move(list), auth::Action::kViewCasework);

  http::Route get{.method = "GET",
                  .pattern = "/api/cases/{case_id:int}",
                  .summary = "案件详情：案卡、线索、流转记录、期限、文书、回复、材料、回头看（查阅留痕）",
                  .tag = "cases",
                  .operation_id = "cases.get"};
  get.handler = [st](const http::Request& req) {
    auto id = PathCase(req);
    if (!id.ok()) return Fail(req, id.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto v = workflow::GetCase(**db, *st->clock, ActorOf(req), *id);
    if (!v.ok()) return Fail(req, v.status());
    const Date today = st->clock->TodayBeijing();
    json out = CaseRowJson(v->row);
    out["person_name"] = v->person_name;
    out["facts"] = ParseJsonColumn(v->row.facts);
    out["basis"] = ParseJsonColumn(v->row.basis);
    out["card"] = ParseJsonColumn(v->row.card);
    out["clue_nos"] = v->clue_nos;
    json events = json::array();
    for (const auto& e : v->events) {
      events.push_back({{"at", e.at},
                        {"user_id", e.user_id ? json(*e.user_id) : json()},
                        {"action", e.action},
                        {"from", e.from_state},
                        {"to", e.to_state},
                        {"detail", ParseJsonColumn(e.detail)}});
    }
    out["events"] = events;
    json deadlines = json::array();
    for (const auto& d : v->deadlines) deadlines.push_back(DeadlineJson(d, today));
    out["deadlines"] = deadlines;
    json docs = json::array();
    for (const auto& d : v->documents) {
      docs.push_back({{"doc_id", d.doc_id},
                      {"kind", d.kind},
                      {"state", d.state},
                      {"doc_no", d.doc_no},
                      {"issued_on", DateText(d.issued_on)},
                      {"content", ParseJsonColumn(d.content)}});
    }
    out["documents"] = docs;
    json replies = json::array();
    for (const auto& r : v->replies) {
      replies.push_back({{"reply_id", r.reply_id},
                         {"doc_id", r.doc_id ? json(*r.doc_id) : json()},
                         {"received_on", r.received_on.ToString()},
                         {"adoption", r.adoption},
                         {"content", r.content}});
    }
    out["replies"] = replies;
    json evidence = json::array();
    for (const auto& e : v->evidence) {
      evidence.push_back({{"evidence_id", e.evidence_id},
                          {"kind", e.kind},
                          {"title", e.title},
                          {"file_name", e.file_name},
                          {"content_type", e.content_type},
                          {"size", e.size},
                          {"sha256", e.sha256},
                          {"uploaded_at", e.uploaded_at}});
    }
    out["evidence"] = evidence;
    json follow = json::array();
    for (const auto& f : v->follow_ups) {
      follow.push_back({{"at", f.at},
                        {"run_no", f.run_no ? json(*f.run_no) : json()},
                        {"rectified", f.rectified},
                        {"detail", ParseJsonColumn(f.detail)}});
    }
    out["follow_ups"] = follow;
    json actions = json::array();
    for (const workflow::CaseTransition* t : v->actions) {
      actions.push_back({{"action", t->action},
                         {"label", t->label},
                         {"duty", std::string(workflow::DutyLabel(t->duty))}});
    }
    out["actions"] = actions;
    return http::Response::Json(out);
  };
  Add(s, std::move(get), auth::Action::kViewCasework);

  http::Route act{.method = "POST",
                  .pattern = "/api/cases/{case_id:int}/actions",
                  .summary = "案件操作（拟稿、提请审批、签发、登记回复、裁定审查、升级、结案等；须带 version）",
                  .tag = "cases",
                  .operation_id = "cases.act",
                  .max_body = 256 * 1024};
  act.handler = [st](const http::Request& req) {
    auto id = PathCase(req);
    if (!id.ok()) return Fail(req, id.status());
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    workflow::CaseRequest r;
    auto action = RequireString(*body, "action");
    if (!action.ok()) return Fail(req, action.status());
    r.action = *action;
    auto version = RequireInt(*body, "version");
    if (!version.ok()) return Fail(req, version.status());
    r.expected_version = *version;
    auto note = OptString(*body, "note");
    auto content = OptString(*body, "reply_content");
    auto received = OptDate(*body, "received_on");
    auto ruling = OptDate(*body, "ruling_date");
    for (const Status& e : {note.status(), content.status(), received.status(), ruling.status()}) {
      if (!e.ok()) return Fail(req, e);
    }
    r.note = *note;
    r.reply_content = *content;
    r.received_on = *received;
    r.ruling_date = *ruling;
    if (auto doc = body->find("document"); doc != body->end() && !doc->is_null()) {
      if (!doc->is_object()) return Fail(req, InvalidArgument("document：文书内容应为 JSON 对象"));
      r.document = *doc;
    }
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto out = workflow::ApplyCaseAction(**db, *st->clock, st->config.workflow, ActorOf(req), *id,
                                         r);
    if (!out.ok()) return Fail(req, out.status());
    json j = {{"case_id", *id}, {"version", out->version}};
    if (out->opened_case_id) j["opened_case_id"] = *out->opened_case_id;
    if (out->doc_id) j["doc_id"] = *out->doc_id;
    return http::Response::Json(j);
  };
  // Each action needs its own duty (case_machine.h); the workflow checks it.
  Add(s, std::move(act), auth::Action::kViewCasework);

  http::Route extend{.method = "POST",
                     .pattern = "/api/cases/{case_id:int}/deadlines/{deadline_id:int}/extend",
                     .summary = "经批准延长办案期限（限法律允许延长的期限，一次）",
                     .tag = "cases",
                     .operation_id = "cases.extend_deadline",
                     .max_body = 16 * 1024};
  extend.handler = [st](const http::Request& req) {
    auto id = PathCase(req);
    if (!id.ok()) return Fail(req, id.status());
    auto deadline = req.PathInt("deadline_id");
    if (!deadline.ok()) return Fail(req, deadline.status());
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    auto version = RequireInt(*body, "version");
    if (!version.ok()) return Fail(req, version.status());
    auto reason = RequireString(*body, "reason");
    if (!reason.ok()) return Fail(req, reason.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto v = workflow::ExtendDeadline(**db, *st->clock, ActorOf(req), *id, *version, *deadline,
                                      *reason);
    if (!v.ok()) return Fail(req, v.status());
    return http::Response::Json({{"case_id", *id}, {"version", *v}});
  };
  Add(s, std::move(extend), auth::Action::kCaseApprove);

  http::Route upload{.method = "POST",
                     .pattern = "/api/cases/{case_id:int}/evidence",
                     .summary = "上传材料（请求体为文件本身；kind、title、file_name、version 在查询参数中）",
                     .tag = "cases",
                     .operation_id = "cases.upload_evidence",
                     .max_body = 50 * 1024 * 1024};
  upload.handler = [st](const http::Request& req) {
    auto id = PathCase(req);
    if (!id.ok()) return Fail(req, id.status());
    auto version = QueryInt(req, "version");
    if (!version.ok()) return Fail(req, version.status());
    if (!*version) return Fail(req, InvalidArgument("version：必须填写"));
    workflow::EvidenceInput in;
    in.kind = req.Query("kind").value_or("");
    in.title = req.Query("title").value_or("");
    in.file_name = req.Query("file_name").value_or("");
    if (in.file_name.find_first_of("/\\") != std::string::npos || in.file_name.size() > 255) {
      return Fail(req, InvalidArgument("file_name：文件名不能含路径分隔符，且不超过 255 字节"));
    }
    in.content_type = req.Header("Content-Type").value_or("application/octet-stream");
    in.bytes = req.body();
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto eid = workflow::AddEvidence(**db, *st->clock, ActorOf(req), *id, **version, in);
    if (!eid.ok()) return Fail(req, eid.status());
    return http::Response::Json({{"evidence_id", *eid}}, 201);
  };
  Add(s, std::move(upload), auth::Action::kCaseEdit);

  http::Route download{.method = "GET",
                       .pattern = "/api/evidence/{evidence_id:int}",
                       .summary = "下载材料",
                       .tag = "cases",
                       .operation_id = "evidence.get"};
  download.handler = [st](const http::Request& req) {
    auto id = req.PathInt("evidence_id");
    if (!id.ok()) return Fail(req, id.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto e = storage::GetEvidence(**db, CallerOf(req).scope, *id);
    if (!e.ok()) return Fail(req, e.status());
    // The file is named by its sha256, never by anything the client sent.
    auto bytes = StoredFile(workflow::EvidencePath(**db, e->sha256), e->sha256);
    if (!bytes.ok()) return Fail(req, bytes.status());
    return http::Response::File(std::move(*bytes), e->content_type, e->file_name);
  };
  Add(s, std::move(download), auth::Action::kViewCasework);

  http::Route follow{.method = "POST",
                     .pattern = "/api/cases/{case_id:int}/follow-up",
                     .summary = "回头看：重新运行来源模型，确认整改是否到位",
                     .tag = "cases",
                     .operation_id = "cases.follow_up",
                     .max_body = 4096};
  follow.handler = [st](const http::Request& req) {
    auto id = PathCase(req);
    if (!id.ok()) return Fail(req, id.status());
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    auto version = RequireInt(*body, "version");
    if (!version.ok()) return Fail(req, version.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto f = workflow::FollowUp(st->config.db_url, **db, *st->clock, st->config.workflow,
                                ActorOf(req), *id, *version, st->config.data_dir);
    if (!f.ok()) return Fail(req, f.status());
    json clues = json::array();
    for (const auto& [no, status] : f->clues) clues.push_back({{"clue_no", no}, {"status", status}});
    return http::Response::Json({{"case_id", *id},
                                 {"version", f->result.version},
                                 {"run_no", f->run_no},
                                 {"rectified", f->rectified},
                                 {"clues", clues}});
  };
  Add(s, std::move(follow), auth::Action::kCaseEdit);

  http::Route due{.method = "GET",
                  .pattern = "/api/deadlines",
                  .summary = "即将到期与已逾期的办案期限（within=天数，默认按配置）",
                  .tag = "cases",
                  .operation_id = "deadlines.list"};
  due.handler = [st](const http::Request& req) {
    auto within = QueryInt(req, "within");
    if (!within.ok()) return Fail(req, within.status());
    const int64_t days = within->value_or(st->config.workflow.deadlines.due_soon_days);
    if (days < 0 || days > 366) return Fail(req, InvalidArgument("within：应在 0 到 366 天之间"));
    auto limit = QueryLimit(req, 200, 1000);
    if (!limit.ok()) return Fail(req, limit.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    const Date today = st->clock->TodayBeijing();
    auto rows = storage::OpenDeadlines(**db, CallerOf(req).scope,
                                       today + static_cast<int32_t>(days), *limit);
    if (!rows.ok()) return Fail(req, rows.status());
    json overdue = json::array(), soon = json::array();
    for (const auto& r : *rows) {
      json j = DeadlineJson(r.deadline, today);
      j["case_id"] = r.deadline.case_id;
      j["case_no"] = r.case_no;
      j["case_type"] = r.case_type;
      j["case_state"] = r.case_state;
      j["title"] = r.title;
      j["days_left"] = r.deadline.due_date.days() - today.days();
      (r.deadline.due_date < today ? overdue : soon).push_back(j);
    }
    return http::Response::Json({{"today", today.ToString()}, {"overdue", overdue},
                                 {"due_soon", soon}});
  };
  Add(s, std::move(due), auth::Action::kViewCasework);

  http::Route xlsx{.method = "GET",
                   .pattern = "/api/cases.xlsx",
                   .summary = "导出案件列表（Excel；筛选条件同案件列表，最多 10 万条）",
                   .tag = "cases",
                   .operation_id = "cases.export"};
  xlsx.handler = [st](const http::Request& req) {
    auto f = CaseFilterOf(req, 100000);
    if (!f.ok()) return Fail(req, f.status());
    if (!req.Query("limit")) f->limit = 100000;
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto rows = storage::ListCases(**db, CallerOf(req).scope, *f);
    if (!rows.ok()) return Fail(req, rows.status());
    using T = report::ColumnType;
    report::Sheet sheet{.name = "案件",
                        .title_rows = {"案件清单（导出于 " +
                                       FormatTimestamp(st->clock->Now()) + "）"},
                        .columns = {{"案号", T::kText, 26},
                                    {"类型", T::kText, 16},
                                    {"案由", T::kText, 36},
                                    {"人员", T::kText, 10},
                                    {"状态", T::kText, 12},
                                    {"结案方式", T::kText, 16},
                                    {"受理日期", T::kDate, 12},
                                    {"最近期限", T::kDate, 12},
                                    {"结案日期", T::kDate, 12}},
                        .rows = {}};
    for (const auto& r : *rows) {
      const workflow::CaseTypeInfo* t = workflow::FindCaseType(r.row.case_type);
      const workflow::CaseState* state = workflow::FindCaseState(r.row.state);
      const workflow::CaseOutcome* o = workflow::FindCaseOutcome(r.row.outcome);
      report::Cell due, closed;
      if (r.next_due) due = *r.next_due;
      if (r.row.closed_on) closed = *r.row.closed_on;
      sheet.rows.push_back({r.row.case_no, std::string(t ? t->label : ""), r.row.title,
                            r.person_name, std::string(state ? state->label : ""),
                            std::string(o ? o->label : ""), r.row.accepted_on, due, closed});
    }
    auto bytes = report::WriteXlsx({.sheets = {std::move(sheet)}});
    if (!bytes.ok()) return Fail(req, bytes.status());
    return http::Response::File(std::move(*bytes),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                "案件清单.xlsx");
  };
  Add(s, std::move(xlsx), auth::Action::kViewCasework);

  http::Route batch{.method = "POST",
                    .pattern = "/api/cases/batch",
                    .summary = "批量办理：对多件案件执行同一操作（如批量拟制、提请审批、签发），逐件返回结果",
                    .tag = "cases",
                    .operation_id = "cases.batch",
                    .max_body = 512 * 1024};
  batch.handler = [st](const http::Request& req) {
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    auto action = RequireString(*body, "action");
    if (!action.ok()) return Fail(req, action.status());
    auto note = OptString(*body, "note");
    if (!note.ok()) return Fail(req, note.status());
    auto items = body->find("items");
    if (items == body->end() || !items->is_array() || items->empty()) {
      return Fail(req, InvalidArgument("items：请选择案件（[{case_id, version}]）"));
    }
    if (items->size() > 500) return Fail(req, InvalidArgument("items：一次最多 500 件"));
    std::vector<std::pair<int64_t, int64_t>> cases;
    for (const json& it : *items) {
      if (!it.is_object()) return Fail(req, InvalidArgument("items：每项应为 {case_id, version}"));
      auto id = RequireInt(it, "case_id");
      auto version = RequireInt(it, "version");
      if (!id.ok()) return Fail(req, id.status());
      if (!version.ok()) return Fail(req, version.status());
      cases.emplace_back(*id, *version);
    }
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    const workflow::Actor actor = ActorOf(req);
    // Each case is its own transaction: one refusal does not undo the others.
    json results = json::array();
    int64_t done = 0;
    for (const auto& [id, version] : cases) {
      workflow::CaseRequest r;
      r.action = *action;
      r.expected_version = version;
      r.note = *note;
      auto out = workflow::ApplyCaseAction(**db, *st->clock, st->config.workflow, actor, id, r);
      if (out.ok()) {
        ++done;
        json j = {{"case_id", id}, {"ok", true}, {"version", out->version}};
        if (out->doc_id) j["doc_id"] = *out->doc_id;
        results.push_back(j);
      } else {
        http::Response e = Fail(req, out.status());
        results.push_back({{"case_id", id},
                           {"ok", false},
                           {"status", e.status},
                           {"error", json::parse(e.body, nullptr, false)["error"]}});
      }
    }
    return http::Response::Json({{"done", done}, {"results", results}});
  };
  Add(s, std::move(batch), auth::Action::kViewCasework);

  http::Route attachment{.method = "GET",
                         .pattern = "/api/attachments/{attachment_id}",
                         .summary = "下载电子卷宗材料（提请书、评审鉴定表、计分考核明细等）",
                         .tag = "cases",
                         .operation_id = "attachments.get"};
  attachment.handler = [st](const http::Request& req) {
    auto id = req.PathString("attachment_id");
    if (!id.ok()) return Fail(req, id.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto a = storage::GetAttachment(**db, CallerOf(req).scope, *id);
    if (!a.ok()) return Fail(req, a.status());
    auto bytes = StoredFile(storage::AttachmentFilePath(**db, a->sha256), a->sha256);
    if (!bytes.ok()) return Fail(req, bytes.status());
    const std::string name = std::filesystem::path(a->file).filename().string();
    const std::string ext = std::filesystem::path(name).extension().string();
    const std::string type = ext == ".pdf"    ? "application/pdf"
                             : ext == ".jpg"  ? "image/jpeg"
                             : ext == ".png"  ? "image/png"
                             : ext == ".txt"  ? "text/plain; charset=utf-8"
                                              : "application/octet-stream";
    return http::Response::File(std::move(*bytes), type, a->title.empty() ? name : a->title + ext);
  };
  Add(s, std::move(attachment), auth::Action::kViewCasework);
}

}  // namespace zj::api
