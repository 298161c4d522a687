// M21, M24, M25 (custody_models.cc) on hand-built snapshots: limits exactly on and one day
// past, stage succession, extension documents, 久押不决, per-jurisdiction parameters.

#include <gtest/gtest.h>

#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "domain/exchange_tables.h"
#include "models/model.h"
#include "models/registry.h"
#include "models/testing/run_pass.h"

namespace zj::models {
namespace {

using Row = std::initializer_list<std::pair<std::string_view, std::string_view>>;

const ModelSpec& Spec(std::string_view id) {
  for (const ModelSpec* m : CustodyPass().models()) {
    if (m->id == id) return *m;
  }
  throw std::logic_error("no model");
}

// Builds the tables the three models read, runs the pass as of `as_of` and returns the
// findings keyed by their key value.
class CustodyTest : public ::testing::Test {
 protected:
  CustodyTest() {
    for (const ModelSpec* m : CustodyPass().models()) {
      for (const TableNeed& n : m->inputs) b_.Table(n.table, n.columns);
    }
    b_.Table("orgs", {"org_id"});
  }
  void Detention(Row r) { ASSERT_TRUE(b_.Row("detentions", r).ok()); }
  void Rsdl(Row r) { ASSERT_TRUE(b_.Row("residence_surveillance", r).ok()); }
  void Cm(Row r) { ASSERT_TRUE(b_.Row("compulsory_medical", r).ok()); }

  std::map<std::string, Finding> Run(std::string_view as_of,
                                     std::vector<ParamOverride> overrides = {},
                                     std::vector<std::string_view> selected = {"M21", "M24",
                                                                               "M25"}) {
    snapshot_ = b_.Finish();
    return testing::RunPass(CustodyPass(), *snapshot_, as_of, std::move(overrides),
                            std::move(selected));
  }

  SnapshotBuilder b_;
  std::unique_ptr<Snapshot> snapshot_;
};

TEST(CustodySpecs, DeclareExistingColumnsKeysAndVersion) {
  ASSERT_EQ(CustodyPass().models().size(), 3u);
  for (const ModelSpec* m : CustodyPass().models()) {
    EXPECT_EQ(m->version, 1) << m->id;
    ASSERT_EQ(m->key.size(), 1u);
    for (const TableNeed& n : m->inputs) {
      const domain::TableSpec* t = domain::FindTable(n.table);
      ASSERT_NE(t, nullptr) << n.table;
      for (std::string_view c : n.columns) EXPECT_NE(t->Find(c), nullptr) << n.table << "." << c;
      // The key column is read.
      EXPECT_NE(std::find(n.columns.begin(), n.columns.end(), m->key[0]), n.columns.end());
    }
  }
  EXPECT_EQ(Spec("M21").key[0], "detention_id");
  EXPECT_EQ(Spec("M24").key[0], "rs_id");
  EXPECT_EQ(Spec("M25").key[0], "cm_id");
  ASSERT_EQ(Spec("M24").params.size(), 1u);
  EXPECT_EQ(Spec("M24").params[0].default_value, "3");
}

// ---- M21 ----

TEST_F(CustodyTest, M21InvestigationPastTwoMonthsWithoutDocument) {
  // Arrest 2026-01-10: two months end on 2026-03-10 (JX-CONV-02).
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation"},
             {"stage_start", "2026-01-10"},
             {"stage_deadline", "2026-03-10"},
             {"case_no", "川公刑侦字〔2026〕1号"}});
  // On the deadline: lawful.
  Detention({{"detention_id", "D-2"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation"},
             {"stage_start", "2026-04-30"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 1u);
  const Finding& x = f.at("M21:D-1");
  EXPECT_EQ(x.person_id, "P-1");
  EXPECT_EQ(x.org_id, "DC-1");
  EXPECT_EQ(x.severity, Severity::kHigh);
  EXPECT_EQ(x.facts["legal_deadline"], "2026-03-10");
  EXPECT_EQ(x.facts["days_over"], 112);
  EXPECT_EQ(x.facts["custody_end_by"], "as_of");
  EXPECT_TRUE(x.facts["extension_doc"].is_null());
  EXPECT_EQ(x.facts["case_no"], "川公刑侦字〔2026〕1号");
  EXPECT_EQ(x.basis, std::vector<std::string>{"JX-CUST-01"});
  EXPECT_NE(x.summary.find("无延长或重新计算羁押期限文书"), std::string::npos) << x.summary;
  EXPECT_NE(x.summary.find("已超期112日"), std::string::npos) << x.summary;
}

TEST_F(CustodyTest, M21OneDayPastAsOf) {
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "prosecution_review"},
             {"stage_start", "2026-05-29"}});
  auto none = Run("2026-06-29");
  EXPECT_TRUE(none.empty());
}

TEST_F(CustodyTest, M21OneDayPastAsOfIsLate) {
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "prosecution_review"},
             {"stage_start", "2026-05-29"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f.at("M21:D-1").facts["days_over"], 1);
}

TEST_F(CustodyTest, M21StageEndsWhenTheNextStageStarts) {
  // P-1: investigation to 2026-03-10 exactly, then review: lawful.
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation"},
             {"stage_start", "2026-01-10"}});
  Detention({{"detention_id", "D-2"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "prosecution_review"},
             {"stage_start", "2026-03-10"}});
  // P-2: the review row comes first in the file but starts later; investigation overran by
  // 2 days.
  Detention({{"detention_id", "D-4"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-2"},
             {"stage", "prosecution_review"},
             {"stage_start", "2026-03-12"}});
  Detention({{"detention_id", "D-3"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-2"},
             {"stage", "investigation"},
             {"stage_start", "2026-01-10"}});
  auto f = Run("2026-04-10");
  ASSERT_EQ(f.size(), 1u) << f.begin()->first;
  const Finding& x = f.at("M21:D-3");
  EXPECT_EQ(x.facts["custody_end"], "2026-03-12");
  EXPECT_EQ(x.facts["custody_end_by"], "next_stage");
  EXPECT_EQ(x.facts["next_detention_id"], "D-4");
  EXPECT_EQ(x.facts["days_over"], 2);
  EXPECT_NE(x.summary.find("转入“审查起诉”阶段"), std::string::npos) << x.summary;
}

TEST_F(CustodyTest, M21ReleaseEndsTheStage) {
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "second_instance"},
             {"stage_start", "2025-01-31"},
             {"released_date", "2025-03-31"}});  // 2 months from a month's last day
  Detention({{"detention_id", "D-2"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-1"},
             {"stage", "second_instance"},
             {"stage_start", "2025-01-31"},
             {"released_date", "2025-04-03"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f.at("M21:D-2").facts["days_over"], 3);
  EXPECT_EQ(f.at("M21:D-2").facts["custody_end_by"], "released");
}

TEST_F(CustodyTest, M21FirstInstanceHasThreeMonthsWithoutApproval) {
  // 2 months is the usual period, 3 months the latest without a higher court's approval.
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "first_instance"},
             {"stage_start", "2026-03-30"}});
  Detention({{"detention_id", "D-2"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-1"},
             {"stage", "first_instance"},
             {"stage_start", "2026-03-29"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f.at("M21:D-2").facts["legal_deadline"], "2026-06-29");
}

TEST_F(CustodyTest, M21ExtensionDocumentAppliesTheStagesOwnExtension) {
  // Review 1 month + 15 days with a document: 2026-04-01 → 2026-05-16.
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "prosecution_review"},
             {"stage_start", "2026-04-01"},
             {"extension_doc", "川检延〔2026〕1号"},
             {"released_date", "2026-05-16"}});
  Detention({{"detention_id", "D-2"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-1"},
             {"stage", "prosecution_review"},
             {"stage_start", "2026-04-01"},
             {"extension_doc", "川检延〔2026〕2号"},
             {"released_date", "2026-05-20"}});
  // Without a document the same custody is 19 days over and high.
  Detention({{"detention_id", "D-3"},
             {"person_id", "P-3"},
             {"facility_org_id", "DC-1"},
             {"stage", "prosecution_review"},
             {"stage_start", "2026-04-01"},
             {"released_date", "2026-05-20"}});
  // 拘留: 7 days, and 7 more while an arrest request is decided.
  Detention({{"detention_id", "D-4"},
             {"person_id", "P-4"},
             {"facility_org_id", "DC-1"},
             {"stage", "criminal_detention_7"},
             {"stage_start", "2026-06-01"},
             {"extension_doc", "提请批准逮捕书"},
             {"released_date", "2026-06-15"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 2u);
  const Finding& d2 = f.at("M21:D-2");
  EXPECT_EQ(d2.severity, Severity::kMedium);
  EXPECT_EQ(d2.facts["extended_deadline"], "2026-05-16");
  EXPECT_EQ(d2.facts["base_deadline"], "2026-05-01");
  EXPECT_EQ(d2.facts["days_over"], 4);
  EXPECT_EQ(d2.facts["extension_doc"], "川检延〔2026〕2号");
  EXPECT_NE(d2.summary.find("延长后的羁押期限"), std::string::npos) << d2.summary;
  const Finding& d3 = f.at("M21:D-3");
  EXPECT_EQ(d3.severity, Severity::kHigh);
  EXPECT_EQ(d3.facts["days_over"], 19);
}

TEST_F(CustodyTest, M21DocumentOnAStageWithoutOwnExtensionIsMedium) {
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation_ext2"},
             {"stage_start", "2026-01-10"},
             {"extension_doc", "川检延押〔2026〕3号"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 1u);
  const Finding& x = f.at("M21:D-1");
  EXPECT_EQ(x.severity, Severity::kMedium);
  EXPECT_EQ(x.facts["legal_deadline"], "2026-03-10");
  EXPECT_FALSE(x.facts.contains("extended_deadline"));
}

TEST_F(CustodyTest, M21InvestigationExtensionAlsoCountedFromTheArrest) {
  // Arrest 2025-12-31: 2 months → 2026-02-28; ext1 approved early, row from 2026-02-20.
  // Counted from the row: 2026-03-20; from the arrest (3 months): 2026-03-31.
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation"},
             {"stage_start", "2025-12-31"}});
  Detention({{"detention_id", "D-2"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation_ext1"},
             {"stage_start", "2026-02-20"},
             {"extension_doc", "川01检延押〔2026〕1号"},
             {"released_date", "2026-03-31"}});
  // The same, held one day longer.
  Detention({{"detention_id", "D-3"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation"},
             {"stage_start", "2025-12-31"}});
  Detention({{"detention_id", "D-4"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation_ext1"},
             {"stage_start", "2026-02-20"},
             {"extension_doc", "川01检延押〔2026〕2号"},
             {"released_date", "2026-04-01"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 1u);
  const Finding& x = f.at("M21:D-4");
  EXPECT_EQ(x.facts["investigation_from"], "2025-12-31");
  EXPECT_EQ(x.facts["deadline_from_arrest"], "2026-03-31");
  EXPECT_EQ(x.facts["days_over"], 1);
}

TEST_F(CustodyTest, M21LeavesDeliveryAndServingToM22M23) {
  // Trial ends when the judgment takes effect (awaiting_delivery starts) — lawful; the
  // delivery wait and the term served in the centre are not M21's, however long.
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "first_instance"},
             {"stage_start", "2025-01-02"}});
  Detention({{"detention_id", "D-2"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "awaiting_delivery"},
             {"stage_start", "2025-03-01"}});
  Detention({{"detention_id", "D-3"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-1"},
             {"stage", "serving_in_center"},
             {"stage_start", "2024-01-01"}});
  auto f = Run("2026-06-30");
  EXPECT_TRUE(f.empty());
}

TEST_F(CustodyTest, M21FacilityDeadlineLaterThanTheLaw) {
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation"},
             {"stage_start", "2026-03-01"},
             {"stage_deadline", "2026-07-01"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 1u);
  const Finding& x = f.at("M21:D-1");
  EXPECT_EQ(x.facts["facility_deadline"], "2026-07-01");
  EXPECT_EQ(x.facts["facility_deadline_later_days"], 61);
  EXPECT_NE(x.summary.find("看守所登记的届满日为2026-07-01"), std::string::npos) << x.summary;
}

TEST_F(CustodyTest, M21ProtractedCustodyIsASeparateBasis) {
  // P-1: held since 2021-01-04 without release; the first trial ran 5 years (over), a retrial
  // started on 2026-06-01 and is within its 3 months — but the case is undecided after more
  // than five years of custody.
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation"},
             {"stage_start", "2021-01-04"}});
  Detention({{"detention_id", "D-2"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "first_instance"},
             {"stage_start", "2021-02-01"}});
  Detention({{"detention_id", "D-3"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "first_instance"},
             {"stage_start", "2026-06-01"}});
  // P-2: released in 2020 and held again from 2026-05-01: a new custody, not protracted.
  Detention({{"detention_id", "D-4"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation"},
             {"stage_start", "2020-01-01"},
             {"released_date", "2020-02-01"}});
  Detention({{"detention_id", "D-5"},
             {"person_id", "P-2"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation"},
             {"stage_start", "2026-05-01"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f.at("M21:D-2").basis, std::vector<std::string>{"JX-CUST-01"});
  const Finding& x = f.at("M21:D-3");
  EXPECT_EQ(x.severity, Severity::kMedium);
  EXPECT_EQ(x.title, "久押不决");
  EXPECT_EQ(x.basis, std::vector<std::string>{"JX-CUST-04"});
  EXPECT_EQ(x.facts["custody_since"], "2021-01-04");
  EXPECT_EQ(x.facts["five_years_end"], "2026-01-04");
  EXPECT_EQ(x.facts["days_over"], 0);
}

TEST_F(CustodyTest, M21ProtractedAndOverOnOneRowIsOneFinding) {
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "second_instance"},
             {"stage_start", "2020-06-01"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 1u);
  const Finding& x = f.at("M21:D-1");
  EXPECT_EQ(x.severity, Severity::kHigh);
  EXPECT_EQ(x.basis, (std::vector<std::string>{"JX-CUST-01", "JX-CUST-04"}));
}

TEST_F(CustodyTest, M21NotSelectedRunsNothing) {
  Detention({{"detention_id", "D-1"},
             {"person_id", "P-1"},
             {"facility_org_id", "DC-1"},
             {"stage", "investigation"},
             {"stage_start", "2025-01-10"}});
  auto f = Run("2026-06-30", {}, {"M24"});
  EXPECT_TRUE(f.empty());
}

// ---- M24 ----

TEST_F(CustodyTest, M24CopyLateOrMissingAfterThreeDays) {
  ASSERT_TRUE(b_.Row("orgs", {{"org_id", "PSB-1"}}).ok());
  Rsdl({{"rs_id", "RS-1"},
        {"person_id", "P-1"},
        {"deciding_org_id", "PSB-1"},
        {"decision_date", "2026-06-01"},
        {"copy_received_date", "2026-06-04"}});
  Rsdl({{"rs_id", "RS-2"},
        {"person_id", "P-2"},
        {"deciding_org_id", "PSB-1"},
        {"decision_date", "2026-06-01"},
        {"copy_received_date", "2026-06-05"}});
  // Not received: one day before as-of is not late, nor on the third day; the fourth is.
  Rsdl({{"rs_id", "RS-3"},
        {"person_id", "P-3"},
        {"deciding_org_id", "PSB-1"},
        {"decision_date", "2026-06-29"}});
  Rsdl({{"rs_id", "RS-4"},
        {"person_id", "P-4"},
        {"deciding_org_id", "PSB-1"},
        {"decision_date", "2026-06-27"}});
  Rsdl({{"rs_id", "RS-5"},
        {"person_id", "P-5"},
        {"deciding_org_id", "PSB-1"},
        {"decision_date", "2026-06-26"}});
  // Decided after as-of: nothing to judge yet.
  Rsdl({{"rs_id", "RS-6"},
        {"person_id", "P-6"},
        {"deciding_org_id", "PSB-1"},
        {"decision_date", "2026-07-10"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 2u);
  const Finding& late = f.at("M24:RS-2");
  EXPECT_EQ(late.org_id, "PSB-1");
  EXPECT_EQ(late.person_id, "P-2");
  EXPECT_EQ(late.facts["days_late"], 1);
  EXPECT_EQ(late.facts["limit_days"], 3);
  EXPECT_EQ(late.basis, std::vector<std::string>{"PARAM:rs_copy_days"});
  const Finding& never = f.at("M24:RS-5");
  EXPECT_TRUE(never.facts["copy_received_date"].is_null());
  EXPECT_EQ(never.facts["due_date"], "2026-06-29");
  EXPECT_NE(never.summary.find("仍未收到"), std::string::npos) << never.summary;
}

TEST_F(CustodyTest, M24ParameterPerJurisdiction) {
  ASSERT_TRUE(b_.Row("orgs", {{"org_id", "PSB-1"}}).ok());
  ASSERT_TRUE(b_.Row("orgs", {{"org_id", "PSB-2"}}).ok());
  Rsdl({{"rs_id", "RS-1"},
        {"person_id", "P-1"},
        {"deciding_org_id", "PSB-1"},
        {"decision_date", "2026-06-01"},
        {"copy_received_date", "2026-06-06"}});
  Rsdl({{"rs_id", "RS-2"},
        {"person_id", "P-2"},
        {"deciding_org_id", "PSB-2"},
        {"decision_date", "2026-06-01"},
        {"copy_received_date", "2026-06-06"}});
  auto f = Run("2026-06-30", {{.model = "M24",
                               .name = "rs_copy_days",
                               .value = "5",
                               .org_id = "PSB-1",
                               .source = "测试"}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f.count("M24:RS-2"), 1u);
}

// ---- M25 ----

TEST_F(CustodyTest, M25DeliveredLateOrNotAtAll) {
  // Served within 5 days of the decision (JX-QZYL-01): decision 2026-05-01 → 2026-05-06.
  Cm({{"cm_id", "CM-1"},
      {"person_id", "P-1"},
      {"deciding_court_org_id", "COURT-1"},
      {"decision_date", "2026-05-01"},
      {"delivered_date", "2026-05-06"}});
  Cm({{"cm_id", "CM-2"},
      {"person_id", "P-2"},
      {"deciding_court_org_id", "COURT-1"},
      {"decision_date", "2026-05-01"},
      {"delivered_date", "2026-05-07"},
      {"hospital_org_id", "HOSP-1"}});
  Cm({{"cm_id", "CM-3"},
      {"person_id", "P-3"},
      {"deciding_court_org_id", "COURT-1"},
      {"decision_date", "2026-06-25"}});
  Cm({{"cm_id", "CM-4"},
      {"person_id", "P-4"},
      {"deciding_court_org_id", "COURT-1"},
      {"decision_date", "2026-06-24"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 2u);
  const Finding& late = f.at("M25:CM-2");
  EXPECT_EQ(late.org_id, "COURT-1");
  EXPECT_EQ(late.facts["serve_deadline"], "2026-05-06");
  EXPECT_EQ(late.facts["days_late"], 1);
  EXPECT_EQ(late.facts["serve_limit_days"], 5);
  EXPECT_EQ(late.facts["hospital_org_id"], "HOSP-1");
  EXPECT_EQ(late.basis, std::vector<std::string>{"JX-QZYL-01"});
  const Finding& never = f.at("M25:CM-4");
  EXPECT_TRUE(never.facts["delivered_date"].is_null());
  EXPECT_EQ(never.facts["days_late"], 1);
  EXPECT_NE(never.summary.find("仍未交付执行"), std::string::npos) << never.summary;
}

TEST_F(CustodyTest, M25LiftedBeforeDeliveryCountsToTheRelease) {
  Cm({{"cm_id", "CM-1"},
      {"person_id", "P-1"},
      {"deciding_court_org_id", "COURT-1"},
      {"decision_date", "2025-01-01"},
      {"released_date", "2025-01-20"}});
  auto f = Run("2026-06-30");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f.at("M25:CM-1").facts["days_late"], 14);
  EXPECT_NE(f.at("M25:CM-1").summary.find("解除时仍未交付执行"), std::string::npos);
}

}  // namespace
}  // namespace zj::models
