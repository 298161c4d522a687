// Casework over a real (tiny synthetic) store: proposal intake with the law engine's card,
// clue triage and promotion, a case from draft to issued document to reply, rectification
// and 回头看, rulings arriving, and the refusals — another jurisdiction, a missing duty, a
// stale version, bad input — each of which changes nothing. The audit chain verifies after.
#include "workflow/casework.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "engine/engine.h"
#include "storage/audit_store.h"
#include "storage/migrations.h"
#include "tests/support/test_store.h"

namespace zj::workflow {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class CaseworkTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = testing::MakeSynthStore(synth::Scale::kTiny, 20251, "casework");
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = new testing::SynthStore(std::move(*s));
    engine::RunOptions run;
    run.data_dir = std::string(ZJ_SOURCE_DIR_DEFAULT) + "/data";
    auto r = engine::RunModels(store_->url, run);
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  static void TearDownTestSuite() {
    fs::remove_all(store_->dir);
    delete store_;
  }
  void SetUp() override {
    auto db = storage::Database::Open(store_->url);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
  }

  // A prosecutor of `org` with every duty but approval, or a leader with all.
  Actor Person(const std::string& org, bool leader, int64_t user_id = 7) {
    Actor a;
    a.user_id = user_id;
    a.username = leader ? "leader" : "prosecutor";
    a.org_id = org;
    a.duties = Actor::AllDuties();
    if (!leader) a.duties &= ~(1u << static_cast<int>(Duty::kApprove));
    return a;
  }
  int64_t Count(const std::string& sql) { return *storage::QueryInt(*db_, sql); }
  std::string Text(const std::string& sql) {
    auto st = db_->Prepare(sql);
    EXPECT_TRUE(st.ok());
    auto row = (*st)->Step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return std::string((*st)->ColumnText(0));
  }

  static testing::SynthStore* store_;
  std::unique_ptr<storage::Database> db_;
  FakeClock clock_{*ParseTimestamp("2026-11-24T09:00:00+08:00")};
  WorkflowOptions opts_;
};
testing::SynthStore* CaseworkTest::store_ = nullptr;

TEST_F(CaseworkTest, IntakeAcceptsEveryPendingProposalOnceWithItsCard) {
  const int64_t pending = Count("SELECT COUNT(*) FROM term_changes WHERE decision_date IS NULL");
  ASSERT_GT(pending, 0);
  auto r = Intake(*db_, clock_, opts_, Actor::System("system"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->accepted + static_cast<int64_t>(r->problems.size()), pending);
  EXPECT_TRUE(r->problems.empty()) << r->problems.front();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE case_type = 'proposal_review'"), pending);
  // Idempotent.
  auto again = Intake(*db_, clock_, opts_, Actor::System("system"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->accepted, 0);
  // Each card carries the engine's verdict, findings and the attachments; the deadline is
  // the JX-PROS-01 10 days from acceptance (2026-11-24 → 2026-12-04).
  const json card = json::parse(Text("SELECT card FROM cases WHERE case_type = "
                                     "'proposal_review' ORDER BY case_id LIMIT 1"));
  EXPECT_TRUE(card.contains("verdict"));
  EXPECT_TRUE(card["findings"].is_array());
  EXPECT_TRUE(card["attachments"].is_array());
  EXPECT_TRUE(card["eligibility"].contains("commutation"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_deadlines WHERE kind = 'proposal_opinion' AND "
                  "rule = 'JX-PROS-01' AND due_date = " +
                  std::to_string(Date::FromCivil(2026, 12, 4)->days())),
            pending);
  // The handling office supervises the proposing prison; numbers are unique per office.
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT case_no) FROM cases"), Count("SELECT COUNT(*) FROM cases"));
  EXPECT_NE(Text("SELECT case_no FROM cases ORDER BY case_id LIMIT 1").find("检刑执受〔2026〕"),
            std::string::npos);
}

TEST_F(CaseworkTest, ClueToIssuedDocumentToRectificationAndFollowUp) {
  // A clue of a prison, handled by the procuratorate that supervises it.
  const int64_t clue_no = Count("SELECT clue_no FROM clues WHERE model = 'M10' ORDER BY clue_no "
                                "LIMIT 1");
  const std::string org = Text("SELECT org_id FROM clues WHERE clue_no = " +
                               std::to_string(clue_no));
  auto office = storage::SupervisingOffice(*db_, org);
  ASSERT_TRUE(office.ok());
  Actor pros = Person(*office, false);
  Actor lead = Person(*office, true, 8);

  // Triage: verify, then a stale promote is refused, then promote.
  auto v1 = ApplyTriage(*db_, clock_, pros, clue_no, {.action = "verify", .expected_version = 0});
  ASSERT_TRUE(v1.ok()) << v1.status().message();
  auto stale = ApplyTriage(*db_, clock_, pros, clue_no,
                           {.action = "dismiss", .expected_version = 0,
                            .reason_code = "duplicate"});
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  auto case_id = Promote(*db_, clock_, opts_, pros,
                         {.clues = {{clue_no, *v1}}, .case_type = "correction"});
  ASSERT_TRUE(case_id.ok()) << case_id.status().message();
  EXPECT_EQ(Text("SELECT state FROM clue_triage WHERE clue_no = " + std::to_string(clue_no)),
            "promoted");

  auto act = [&](const std::string& action, int64_t version, const Actor& who,
                 CaseRequest req = {}) {
    req.action = action;
    req.expected_version = version;
    return ApplyCaseAction(*db_, clock_, opts_, who, *case_id, req);
  };
  auto r = act("draft", 1, pros);
  ASSERT_TRUE(r.ok()) << r.status().message();
  r = act("submit", r->version, pros);
  ASSERT_TRUE(r.ok()) << r.status().message();
  // The prosecutor may not sign it; nothing changes.
  auto denied = act("approve_issue", r->version, pros);
  EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
  auto view = GetCase(*db_, clock_, pros, *case_id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->row.state, "pending_approval");
  EXPECT_EQ(view->row.version, r->version);
  r = act("approve_issue", r->version, lead);
  ASSERT_TRUE(r.ok()) << r.status().message();
  view = GetCase(*db_, clock_, pros, *case_id);
  ASSERT_EQ(view->documents.size(), 1u);
  const storage::DocumentRow& doc = view->documents[0];
  EXPECT_EQ(doc.state, "issued");
  EXPECT_NE(doc.doc_no.find("检刑执纠违〔2026〕1号"), std::string::npos) << doc.doc_no;
  const json content = json::parse(doc.content);
  EXPECT_EQ(content["doc_no"], doc.doc_no);
  EXPECT_FALSE(content["facts"].empty());
  EXPECT_EQ(content["authority"][0], "《中华人民共和国刑事诉讼法》第二百七十六条");
  EXPECT_EQ(content["reply_deadline"], "收到本通知书后15日内");
  // The reply deadline runs 15 days from issue.
  bool reply_deadline = false;
  for (const auto& d : view->deadlines) {
    if (d.kind == "reply") {
      reply_deadline = true;
      EXPECT_EQ(d.due_date, *Date::FromCivil(2026, 12, 9));
    }
  }
  EXPECT_TRUE(reply_deadline);

  // Reply with a date in the future is refused; then adopted.
  CaseRequest reply;
  reply.received_on = *Date::FromCivil(2026, 11, 30);
  reply.reply_content = "已调整岗位";
  auto bad = act("reply_adopted", r->version, pros, reply);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  reply.received_on = *Date::FromCivil(2026, 11, 23);
  r = act("reply_adopted", r->version, pros, reply);
  ASSERT_TRUE(r.ok()) << r.status().message();
  // Rectification needs evidence first.
  auto early = act("report_rectification", r->version, pros);
  EXPECT_EQ(early.status().code(), StatusCode::kFailedPrecondition);
  auto ev = AddEvidence(*db_, clock_, pros, *case_id, r->version,
                        {.kind = "rectification", .title = "岗位调整决定", .file_name = "调整.pdf",
                         .content_type = "application/pdf", .bytes = "%PDF-1.4 test"});
  ASSERT_TRUE(ev.ok()) << ev.status().message();
  view = GetCase(*db_, clock_, pros, *case_id);
  EXPECT_TRUE(fs::exists(EvidencePath(*db_, view->evidence.at(0).sha256)));
  r = act("report_rectification", view->row.version, pros);
  ASSERT_TRUE(r.ok()) << r.status().message();

  // 回头看 on unchanged data: the clue is found again → not rectified, back to rectifying.
  auto f = FollowUp(store_->url, *db_, clock_, opts_, pros, *case_id, r->version,
                    std::string(ZJ_SOURCE_DIR_DEFAULT) + "/data");
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_FALSE(f->rectified);
  EXPECT_GT(f->run_no, 0);
  view = GetCase(*db_, clock_, pros, *case_id);
  EXPECT_EQ(view->row.state, "rectifying");
  ASSERT_EQ(view->follow_ups.size(), 1u);
  EXPECT_FALSE(view->follow_ups[0].rectified);

  auto audit = storage::VerifyAudit(*db_);
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->ok()) << audit->problem;
  EXPECT_GT(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'read_case'"), 0);
}

TEST_F(CaseworkTest, AnotherJurisdictionSeesNothing) {
  ASSERT_TRUE(Intake(*db_, clock_, opts_, Actor::System("system")).ok());
  const int64_t clue_no = Count("SELECT clue_no FROM clues ORDER BY clue_no LIMIT 1");
  const std::string org = Text("SELECT org_id FROM clues WHERE clue_no = " +
                               std::to_string(clue_no));
  Actor outsider = Person("510104-PROC", true);
  outsider.scope = storage::OrgScope::Of({"510104-PROC", "no-such-org"});
  ASSERT_FALSE(outsider.scope.Contains(org));
  const int64_t audit_before = Count("SELECT COUNT(*) FROM audit_log");
  auto r = ApplyTriage(*db_, clock_, outsider, clue_no, {.action = "verify"});
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  const int64_t case_id = Count("SELECT MIN(case_id) FROM cases");
  EXPECT_EQ(GetCase(*db_, clock_, outsider, case_id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audit_before);
}

TEST_F(CaseworkTest, TriageRefusalsAreLocatedAndChangeNothing) {
  const int64_t clue_no = Count("SELECT MAX(clue_no) FROM clues");
  Actor pros = Person("510000-PROC", false);
  Actor nobody = pros;
  nobody.duties = 0;
  EXPECT_EQ(ApplyTriage(*db_, clock_, nobody, clue_no, {.action = "assign", .assignee_id = 1})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  auto no_reason = ApplyTriage(*db_, clock_, pros, clue_no, {.action = "dismiss"});
  EXPECT_EQ(no_reason.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(no_reason.status().message().find("reason_code"), std::string::npos);
  auto no_note = ApplyTriage(*db_, clock_, pros, clue_no,
                             {.action = "dismiss", .reason_code = "other"});
  EXPECT_NE(no_note.status().message().find("note"), std::string::npos);
  auto self_merge = ApplyTriage(*db_, clock_, pros, clue_no,
                                {.action = "merge", .merge_into = clue_no});
  EXPECT_EQ(self_merge.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM clue_triage WHERE clue_no = " + std::to_string(clue_no)),
            0);
  auto ok = ApplyTriage(*db_, clock_, pros, clue_no,
                        {.action = "dismiss", .reason_code = "other", .note = "经查为测试数据"});
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  // A dismissed clue cannot be promoted, but it can be reopened.
  auto promote = Promote(*db_, clock_, opts_, pros,
                         {.clues = {{clue_no, *ok}}, .case_type = "correction"});
  EXPECT_EQ(promote.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(ApplyTriage(*db_, clock_, pros, clue_no, {.action = "reopen", .expected_version = *ok})
                  .ok());
}

TEST_F(CaseworkTest, ARulingArrivingOpensTheTwentyDayWindow) {
  auto first = Intake(*db_, clock_, opts_, Actor::System("system"));
  ASSERT_TRUE(first.ok());
  const int64_t case_id = Count("SELECT MIN(case_id) FROM cases WHERE case_type = "
                                "'proposal_review' AND state = 'accepted'");
  const std::string change = Text("SELECT change_id FROM cases WHERE case_id = " +
                                  std::to_string(case_id));
  // A later batch brings the decision (written directly here).
  ASSERT_TRUE(db_->Exec("UPDATE term_changes SET decision_date = " +
                        std::to_string(Date::FromCivil(2026, 11, 20)->days()) +
                        ", deciding_org_id = proposing_org_id WHERE change_id = '" + change + "'")
                  .ok());
  clock_.Set(*ParseTimestamp("2026-11-26T09:00:00+08:00"));
  auto r = Intake(*db_, clock_, opts_, Actor::System("system"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rulings, 1);
  auto view = GetCase(*db_, clock_, Actor::System("t"), case_id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->row.state, "ruled");
  bool window = false;
  for (const auto& d : view->deadlines) {
    if (d.kind == "ruling_correction" && !d.met_on && !d.cancelled) {
      window = true;
      EXPECT_EQ(d.due_date, *Date::FromCivil(2026, 12, 16));  // 11-26 + 20 days
    }
  }
  EXPECT_TRUE(window);
  // Challenging the ruling opens a ruling-correction case carrying the window.
  Actor pros = Person(view->row.handling_org_id, false);
  CaseRequest req;
  req.action = "challenge_ruling";
  req.expected_version = view->row.version;
  auto missing_note = ApplyCaseAction(*db_, clock_, opts_, pros, case_id, req);
  EXPECT_EQ(missing_note.status().code(), StatusCode::kInvalidArgument);
  req.note = "减刑幅度超过法定上限";
  auto c = ApplyCaseAction(*db_, clock_, opts_, pros, case_id, req);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_TRUE(c->opened_case_id);
  auto next = GetCase(*db_, clock_, pros, *c->opened_case_id);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->row.case_type, "ruling_correction");
  EXPECT_EQ(next->row.parent_case_id, case_id);
  ASSERT_FALSE(next->deadlines.empty());
  EXPECT_EQ(next->deadlines[0].due_date, *Date::FromCivil(2026, 12, 16));
}

TEST(DefaultAbbrev, KeepsTheLastUnit) {
  EXPECT_EQ(DefaultAbbrev("成都市锦江区人民检察院"), "锦江");
  EXPECT_EQ(DefaultAbbrev("成都市人民检察院"), "成都");
  EXPECT_EQ(DefaultAbbrev("四川省人民检察院"), "四川");
  EXPECT_EQ(DefaultAbbrev("阿坝藏族羌族自治州人民检察院"), "阿坝藏族羌族");
  EXPECT_EQ(DefaultAbbrev("凉山彝族自治州木里藏族自治县人民检察院"), "木里藏族");
}

}  // namespace
}  // namespace zj::workflow
