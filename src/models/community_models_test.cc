// M13, M17, M18 (community_models.cc) on hand-built snapshots: report deadlines exactly on
// and one day past, which correction belongs to which judgment or decision, probation and
// parole ends, listings of the dead, per-jurisdiction parameters.

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/model.h"
#include "models/registry.h"
#include "models/testing/run_pass.h"

namespace zj::models {
namespace {

using Row = std::initializer_list<std::pair<std::string_view, std::string_view>>;

class CommunityTest : public ::testing::Test {
 protected:
  CommunityTest() {
    // The union of the columns every model of the pass reads.
    std::map<std::string_view, std::vector<std::string_view>> tables;
    for (const ModelSpec* m : CommunityPass().models()) {
      for (const TableNeed& n : m->inputs) {
        auto& cols = tables[n.table];
        for (std::string_view c : n.columns) {
          if (std::find(cols.begin(), cols.end(), c) == cols.end()) cols.push_back(c);
        }
      }
    }
    for (auto& [table, cols] : tables) b_.Table(table, cols);
    Add("orgs",
        {{"org_id", "510104-CORR"}, {"org_type", "correction_office"}, {"region_code", "510104"}});
    Add("orgs",
        {{"org_id", "510105-CORR"}, {"org_type", "correction_office"}, {"region_code", "510105"}});
    Add("orgs", {{"org_id", "510104-COURT"}, {"org_type", "court"}, {"region_code", "510104"}});
    Add("orgs", {{"org_id", "510100-COURT"}, {"org_type", "court"}, {"region_code", "510100"}});
    Add("orgs",
        {{"org_id", "510000-PRISON-01"}, {"org_type", "prison"}, {"region_code", "510100"}});
    Add("orgs",
        {{"org_id", "510000-PRISON-02"}, {"org_type", "prison"}, {"region_code", "510100"}});
    Add("orgs", {{"org_id", "510000-PRISON-ADMIN"},
                 {"org_type", "justice_bureau"},
                 {"region_code", "510000"}});
    Add("orgs",
        {{"org_id", "510104-DC"}, {"org_type", "detention_center"}, {"region_code", "510104"}});
    Add("orgs", {{"org_id", "510104-PSB"}, {"org_type", "police"}, {"region_code", "510104"}});
  }

  void Add(std::string_view table, Row r) {
    Status s = b_.Row(table, r);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  // A person living in county 510104 (its correction office is 510104-CORR).
  void Person(std::string_view id, std::string_view id_number) {
    Add("persons",
        {{"person_id", id}, {"id_number", id_number}, {"household_region_code", "510104"}});
  }

  std::map<std::string, Finding> Run(std::string_view as_of,
                                     std::vector<ParamOverride> overrides = {},
                                     std::vector<std::string_view> selected = {"M13", "M17",
                                                                               "M18"}) {
    snapshot_ = b_.Finish();
    return testing::RunPass(CommunityPass(), *snapshot_, as_of, std::move(overrides),
                            std::move(selected));
  }

  SnapshotBuilder b_;
  std::unique_ptr<Snapshot> snapshot_;
};

bool HasBasis(const Finding& f, std::string_view rule) {
  return std::find(f.basis.begin(), f.basis.end(), rule) != f.basis.end();
}

// ---- M13 ----

TEST_F(CommunityTest, M13NoCorrectionLateOnlyAfterTheTenthDay) {
  Person("P-1", "110101199003071233");
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"court_org_id", "510104-COURT"},
                    {"effective_date", "2026-03-01"},
                    {"penalty", "fixed_term"},
                    {"term_months", "12"},
                    {"probation_months", "18"}});
  // Deadline 2026-03-11 (JX-CC-01: 10 days, the effective day not counted).
  EXPECT_TRUE(Run("2026-03-11", {}, {"M13"}).empty());
}

TEST_F(CommunityTest, M13NoCorrectionAfterTheDeadline) {
  Person("P-1", "110101199003071233");
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"court_org_id", "510104-COURT"},
                    {"effective_date", "2026-03-01"},
                    {"penalty", "fixed_term"},
                    {"term_months", "12"},
                    {"probation_months", "18"}});
  auto found = Run("2026-03-12", {}, {"M13"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M13:S-1");
  EXPECT_EQ(f.key[0].first, "sentence_id");
  EXPECT_EQ(f.person_id, "P-1");
  EXPECT_EQ(f.org_id, "510104-CORR");  // the office of the county the person lives in
  EXPECT_EQ(f.facts["report_deadline"], "2026-03-11");
  EXPECT_TRUE(f.facts["correction"].is_null());
  EXPECT_EQ(f.basis, std::vector<std::string>{"JX-CC-01"});
}

TEST_F(CommunityTest, M13ReportedOnTheLastDayOrOneDayLate) {
  Person("P-1", "110101199003071233");
  Person("P-2", "110101199003072017");
  for (auto [s, p, c, reported] : {std::tuple{"S-1", "P-1", "CR-1", "2026-03-11"},
                                   std::tuple{"S-2", "P-2", "CR-2", "2026-03-12"}}) {
    Add("sentences", {{"sentence_id", s},
                      {"person_id", p},
                      {"court_org_id", "510104-COURT"},
                      {"effective_date", "2026-03-01"},
                      {"penalty", "criminal_detention"},
                      {"term_months", "3"},
                      {"probation_months", "6"}});
    Add("corrections", {{"correction_id", c},
                        {"person_id", p},
                        {"sentence_id", s},
                        {"correction_type", "probation"},
                        {"decision_effective_date", "2026-03-01"},
                        {"office_org_id", "510105-CORR"},
                        {"start_date", "2026-03-01"},
                        {"end_date", "2026-08-31"},
                        {"reported_date", reported},
                        {"status", "active"}});
  }
  auto found = Run("2026-06-30", {}, {"M13"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M13:S-2");
  EXPECT_EQ(f.org_id, "510105-CORR");  // the office that holds the record
  EXPECT_EQ(f.facts["days_late"], 1);
  EXPECT_EQ(f.facts["correction_id"], "CR-2");
}

TEST_F(CommunityTest, M13NeverReportedAndReportedEventCounts) {
  Person("P-1", "110101199003071233");
  Person("P-2", "110101199003072017");
  for (auto [s, p, c] : {std::tuple{"S-1", "P-1", "CR-1"}, std::tuple{"S-2", "P-2", "CR-2"}}) {
    Add("sentences", {{"sentence_id", s},
                      {"person_id", p},
                      {"court_org_id", "510104-COURT"},
                      {"effective_date", "2026-01-10"},
                      {"penalty", "surveillance"},
                      {"term_months", "6"},
                      {"term_start", "2026-01-10"}});
    Add("corrections", {{"correction_id", c},
                        {"person_id", p},
                        {"sentence_id", s},
                        {"correction_type", "surveillance"},
                        {"decision_effective_date", "2026-01-10"},
                        {"office_org_id", "510104-CORR"},
                        {"start_date", "2026-01-10"},
                        {"end_date", "2026-07-09"},
                        {"status", "active"}});
  }
  // CR-2 has no reported_date but a `reported` event within the period.
  Add("correction_events",
      {{"correction_id", "CR-2"}, {"event", "reported"}, {"date", "2026-01-15"}});
  auto found = Run("2026-02-01", {}, {"M13"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M13:S-1");
  EXPECT_TRUE(f.facts["reported_date"].is_null());
  EXPECT_EQ(f.facts["days_overdue"], 12);  // deadline 2026-01-20
}

TEST_F(CommunityTest, M13ParoleAttributionByNearestDecision) {
  Person("P-1", "110101199003071233");
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"court_org_id", "510104-COURT"},
                    {"effective_date", "2018-01-10"},
                    {"penalty", "fixed_term"},
                    {"term_months", "120"},
                    {"term_start", "2017-06-01"},
                    {"term_end", "2027-05-31"}});
  Add("term_changes", {{"change_id", "C-1"},
                       {"person_id", "P-1"},
                       {"sentence_id", "S-1"},
                       {"change_type", "parole"},
                       {"deciding_org_id", "510100-COURT"},
                       {"proposal_date", "2023-01-05"},
                       {"decision_date", "2023-02-01"},
                       {"effective_date", "2023-02-03"}});
  Add("term_changes", {{"change_id", "C-2"},
                       {"person_id", "P-1"},
                       {"sentence_id", "S-1"},
                       {"change_type", "revoke_parole"},
                       {"decision_date", "2024-01-10"},
                       {"effective_date", "2024-01-12"}});
  Add("term_changes", {{"change_id", "C-3"},
                       {"person_id", "P-1"},
                       {"sentence_id", "S-1"},
                       {"change_type", "parole"},
                       {"deciding_org_id", "510100-COURT"},
                       {"proposal_date", "2025-09-01"},
                       {"decision_date", "2025-10-01"},
                       {"effective_date", "2025-10-03"}});
  // Only the first parole has a record (revoked, reported on time).
  Add("corrections", {{"correction_id", "CR-1"},
                      {"person_id", "P-1"},
                      {"sentence_id", "S-1"},
                      {"correction_type", "parole"},
                      {"decision_effective_date", "2023-02-03"},
                      {"office_org_id", "510104-CORR"},
                      {"start_date", "2023-02-03"},
                      {"end_date", "2027-05-31"},
                      {"reported_date", "2023-02-06"},
                      {"status", "revoked"}});
  auto found = Run("2026-06-30", {}, {"M13"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M13:C-3");
  EXPECT_EQ(f.key[0].first, "change_id");
  EXPECT_EQ(f.org_id, "510104-CORR");
  EXPECT_TRUE(f.facts["correction"].is_null());
  EXPECT_EQ(f.facts["effective_date"], "2025-10-03");
}

TEST_F(CommunityTest, M13TemporaryReleaseLateAndExcusedCases) {
  Person("P-1", "110101199003071233");
  Person("P-2", "110101199003072017");
  Person("P-3", "110101199003073474");
  Add("deaths", {{"id_number", "110101199003072017"}, {"date_of_death", "2026-03-05"}});
  for (auto [s, p] : {std::pair{"S-1", "P-1"}, std::pair{"S-2", "P-2"}, std::pair{"S-3", "P-3"}}) {
    Add("sentences", {{"sentence_id", s},
                      {"person_id", p},
                      {"court_org_id", "510104-COURT"},
                      {"effective_date", "2024-01-10"},
                      {"penalty", "fixed_term"},
                      {"term_months", "60"},
                      {"term_start", "2023-06-01"},
                      {"term_end", "2028-05-31"}});
    Add("term_changes", {{"change_id", std::string("C-") + s},
                         {"person_id", p},
                         {"sentence_id", s},
                         {"change_type", "temp_release"},
                         {"deciding_org_id", "510000-PRISON-ADMIN"},
                         {"proposal_date", "2026-02-10"},
                         {"decision_date", "2026-03-01"},
                         {"effective_date", "2026-03-01"}});
  }
  // P-1 reported 15 days late; P-2 died on day 4; P-3 was taken back (收监) on day 8.
  Add("corrections", {{"correction_id", "CR-1"},
                      {"person_id", "P-1"},
                      {"sentence_id", "S-1"},
                      {"correction_type", "temp_release"},
                      {"decision_effective_date", "2026-03-01"},
                      {"office_org_id", "510104-CORR"},
                      {"start_date", "2026-03-02"},
                      {"end_date", "2028-05-31"},
                      {"reported_date", "2026-03-26"},
                      {"status", "active"}});
  Add("term_changes", {{"change_id", "C-R"},
                       {"person_id", "P-3"},
                       {"sentence_id", "S-3"},
                       {"change_type", "recommit"},
                       {"decision_date", "2026-03-09"}});
  auto found = Run("2026-06-30", {}, {"M13"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M13:C-S-1");
  EXPECT_EQ(f.facts["days_late"], 15);
  EXPECT_TRUE(HasBasis(f, "JX-CC-01"));
  EXPECT_TRUE(HasBasis(f, "JX-ZJ-07"));
}

// ---- M17 ----

TEST_F(CommunityTest, M17ProbationFromTheEffectiveDateWithMonthEnds) {
  Person("P-1", "110101199003071233");
  Person("P-2", "110101199003072017");
  // From the last day of a month: 2024-01-31 + 2 months → corresponding day 2024-03-31 →
  // ends 2024-03-30 (JX-CONV-01).
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"effective_date", "2024-01-31"},
                    {"penalty", "criminal_detention"},
                    {"term_months", "1"},
                    {"probation_months", "2"}});
  Add("corrections", {{"correction_id", "CR-1"},
                      {"person_id", "P-1"},
                      {"sentence_id", "S-1"},
                      {"correction_type", "probation"},
                      {"decision_effective_date", "2024-01-31"},
                      {"office_org_id", "510104-CORR"},
                      {"start_date", "2024-01-31"},
                      {"end_date", "2024-03-30"},
                      {"reported_date", "2024-02-02"},
                      {"status", "terminated"}});
  Add("sentences", {{"sentence_id", "S-2"},
                    {"person_id", "P-2"},
                    {"effective_date", "2025-12-17"},
                    {"penalty", "fixed_term"},
                    {"term_months", "8"},
                    {"probation_months", "12"}});
  Add("corrections", {{"correction_id", "CR-2"},
                      {"person_id", "P-2"},
                      {"sentence_id", "S-2"},
                      {"correction_type", "probation"},
                      {"decision_effective_date", "2025-12-17"},
                      {"office_org_id", "510104-CORR"},
                      {"start_date", "2025-12-17"},
                      {"end_date", "2027-02-16"},
                      {"reported_date", "2025-12-20"},
                      {"status", "active"}});
  auto found = Run("2026-06-30", {}, {"M17"});
  ASSERT_EQ(found.size(), 1u);  // CR-1 is right
  const Finding& f = found.at("M17:CR-2");
  EXPECT_EQ(f.facts["computed_end"], "2026-12-16");
  EXPECT_EQ(f.facts["stated_end"], "2027-02-16");
  EXPECT_EQ(f.facts["difference_days"], 62);
  EXPECT_EQ(f.org_id, "510104-CORR");
  EXPECT_EQ(f.basis, std::vector<std::string>{"JX-TERM-06"});
}

TEST_F(CommunityTest, M17ParoleEndsWithTheTermAfterCommutations) {
  Person("P-1", "110101199003071233");
  Person("P-2", "110101199003072017");
  for (auto [s, p, c, cr, end] : {std::tuple{"S-1", "P-1", "C-1", "CR-1", "2028-02-29"},
                                  std::tuple{"S-2", "P-2", "C-2", "CR-2", "2028-01-10"}}) {
    Add("sentences", {{"sentence_id", s},
                      {"person_id", p},
                      {"effective_date", "2021-01-10"},
                      {"penalty", "fixed_term"},
                      {"term_months", "96"},
                      {"custody_credit_days", "0"},
                      {"term_start", "2020-08-01"},
                      {"term_end", "2028-07-31"}});
    Add("custody_events", {{"event_id", std::string("E-") + s},
                           {"person_id", p},
                           {"facility_org_id", "510000-PRISON-01"},
                           {"event", "admitted"},
                           {"date", "2021-01-25"}});
    // A 5-month commutation: the term now ends 2028-02-29 (2028-07-31 − 5 months).
    Add("term_changes", {{"change_id", std::string(c) + "a"},
                         {"person_id", p},
                         {"sentence_id", s},
                         {"change_type", "commutation"},
                         {"proposal_date", "2023-06-01"},
                         {"decision_date", "2023-06-20"},
                         {"effective_date", "2023-06-25"},
                         {"reduction_months", "5"},
                         {"new_term_end", "2028-02-29"}});
    Add("term_changes", {{"change_id", c},
                         {"person_id", p},
                         {"sentence_id", s},
                         {"change_type", "parole"},
                         {"proposal_date", "2025-07-01"},
                         {"decision_date", "2025-07-20"},
                         {"effective_date", "2025-07-22"}});
    Add("corrections", {{"correction_id", cr},
                        {"person_id", p},
                        {"sentence_id", s},
                        {"correction_type", "parole"},
                        {"decision_effective_date", "2025-07-22"},
                        {"office_org_id", "510104-CORR"},
                        {"start_date", "2025-07-22"},
                        {"end_date", end},
                        {"reported_date", "2025-07-24"},
                        {"status", "active"}});
  }
  auto found = Run("2026-06-30", {}, {"M17"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M17:CR-2");
  EXPECT_EQ(f.facts["computed_end"], "2028-02-29");
  EXPECT_EQ(f.facts["difference_days"], -50);
  EXPECT_EQ(f.facts["change_id"], "C-2");
  EXPECT_EQ(f.basis, std::vector<std::string>{"JX-TERM-07"});
}

TEST_F(CommunityTest, M17LifeParoleIsTenYears) {
  Person("P-1", "110101199003071233");
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"effective_date", "2010-01-01"},
                    {"penalty", "life"}});
  Add("term_changes", {{"change_id", "C-1"},
                       {"person_id", "P-1"},
                       {"sentence_id", "S-1"},
                       {"change_type", "parole"},
                       {"proposal_date", "2024-02-01"},
                       {"decision_date", "2024-03-01"},
                       {"effective_date", "2024-03-05"}});
  Add("corrections", {{"correction_id", "CR-1"},
                      {"person_id", "P-1"},
                      {"sentence_id", "S-1"},
                      {"correction_type", "parole"},
                      {"decision_effective_date", "2024-03-05"},
                      {"office_org_id", "510104-CORR"},
                      {"start_date", "2024-03-05"},
                      {"end_date", "2034-03-05"},
                      {"reported_date", "2024-03-07"},
                      {"status", "active"}});
  auto found = Run("2026-06-30", {}, {"M17"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M17:CR-1");
  EXPECT_EQ(f.facts["computed_end"], "2034-03-04");  // 10 years from 2024-03-05, JX-TERM-07
  EXPECT_EQ(f.facts["difference_days"], 1);
  EXPECT_NE(f.summary.find("无期徒刑假释考验期为10年"), std::string::npos);
}

TEST_F(CommunityTest, M17SurveillanceWithCreditAndTemporaryRelease) {
  Person("P-1", "110101199003071233");
  Person("P-2", "110101199003072017");
  Person("P-3", "110101199003073474");
  // 管制 6 months from 2026-01-10 with 20 days of credit: ends 2026-07-09 − 20 = 2026-06-19.
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"effective_date", "2026-01-10"},
                    {"penalty", "surveillance"},
                    {"term_months", "6"},
                    {"custody_credit_days", "20"},
                    {"term_start", "2026-01-10"},
                    {"term_end", "2026-06-19"}});
  Add("corrections", {{"correction_id", "CR-1"},
                      {"person_id", "P-1"},
                      {"sentence_id", "S-1"},
                      {"correction_type", "surveillance"},
                      {"decision_effective_date", "2026-01-10"},
                      {"office_org_id", "510104-CORR"},
                      {"start_date", "2026-01-10"},
                      {"end_date", "2026-07-09"},
                      {"reported_date", "2026-01-12"},
                      {"status", "active"}});
  // 暂予监外执行 until the term ends (2029-05-31); P-3 was taken back, so its record is not
  // compared.
  for (auto [s, p, cr] : {std::tuple{"S-2", "P-2", "CR-2"}, std::tuple{"S-3", "P-3", "CR-3"}}) {
    Add("sentences", {{"sentence_id", s},
                      {"person_id", p},
                      {"effective_date", "2024-10-10"},
                      {"penalty", "fixed_term"},
                      {"term_months", "60"},
                      {"custody_credit_days", "0"},
                      {"term_start", "2024-06-01"},
                      {"term_end", "2029-05-31"}});
    Add("term_changes", {{"change_id", std::string("C-") + s},
                         {"person_id", p},
                         {"sentence_id", s},
                         {"change_type", "temp_release"},
                         {"proposal_date", "2025-03-01"},
                         {"decision_date", "2025-03-20"},
                         {"effective_date", "2025-03-20"}});
    Add("corrections", {{"correction_id", cr},
                        {"person_id", p},
                        {"sentence_id", s},
                        {"correction_type", "temp_release"},
                        {"decision_effective_date", "2025-03-20"},
                        {"office_org_id", "510104-CORR"},
                        {"start_date", "2025-03-21"},
                        {"end_date", "2029-03-31"},
                        {"reported_date", "2025-03-23"},
                        {"status", "active"}});
  }
  Add("term_changes", {{"change_id", "C-R"},
                       {"person_id", "P-3"},
                       {"sentence_id", "S-3"},
                       {"change_type", "recommit"},
                       {"decision_date", "2026-01-05"}});
  auto found = Run("2026-06-30", {}, {"M17"});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found.at("M17:CR-1").facts["computed_end"], "2026-06-19");
  EXPECT_TRUE(HasBasis(found.at("M17:CR-1"), "JX-TERM-03"));
  EXPECT_EQ(found.at("M17:CR-2").facts["computed_end"], "2029-05-31");
  EXPECT_EQ(found.at("M17:CR-2").facts["difference_days"], -61);
}

TEST_F(CommunityTest, M17ToleranceIsPerOffice) {
  Person("P-1", "110101199003071233");
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"effective_date", "2025-12-17"},
                    {"penalty", "fixed_term"},
                    {"term_months", "8"},
                    {"probation_months", "12"}});
  Add("corrections", {{"correction_id", "CR-1"},
                      {"person_id", "P-1"},
                      {"sentence_id", "S-1"},
                      {"correction_type", "probation"},
                      {"decision_effective_date", "2025-12-17"},
                      {"office_org_id", "510104-CORR"},
                      {"start_date", "2025-12-17"},
                      {"end_date", "2026-12-17"},
                      {"reported_date", "2025-12-20"},
                      {"status", "active"}});
  const ParamOverride loose{.model = "M17",
                            .name = "tolerance_days",
                            .value = "1",
                            .org_id = "510104-CORR",
                            .source = "测试"};
  EXPECT_TRUE(Run("2026-06-30", {loose}, {"M17"}).empty());
}

TEST_F(CommunityTest, M17RevokedOrDeadRecordsAreNotCompared) {
  Person("P-1", "110101199003071233");
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"effective_date", "2025-12-17"},
                    {"penalty", "fixed_term"},
                    {"term_months", "8"},
                    {"probation_months", "12"}});
  Add("corrections", {{"correction_id", "CR-1"},
                      {"person_id", "P-1"},
                      {"sentence_id", "S-1"},
                      {"correction_type", "probation"},
                      {"decision_effective_date", "2025-12-17"},
                      {"office_org_id", "510104-CORR"},
                      {"start_date", "2025-12-17"},
                      {"end_date", "2026-04-01"},
                      {"reported_date", "2025-12-20"},
                      {"status", "revoked"}});
  EXPECT_TRUE(Run("2026-06-30", {}, {"M17"}).empty());
}

// ---- M18 ----

TEST_F(CommunityTest, M18StillHeldInPrisonAfterTransfer) {
  Person("P-1", "110101199003071233");
  Person("P-2", "110101199003072017");
  Add("deaths", {{"id_number", "110101199003071233"},
                 {"date_of_death", "2026-02-01"},
                 {"source_org_id", "510104-PSB"}});
  Add("deaths", {{"id_number", "110101199003072017"}, {"date_of_death", "2026-02-01"}});
  // P-1: transferred the same day out of prison 01 into prison 02, still there.
  Add("custody_events", {{"event_id", "E-1"},
                         {"person_id", "P-1"},
                         {"facility_org_id", "510000-PRISON-01"},
                         {"event", "admitted"},
                         {"date", "2022-03-01"}});
  Add("custody_events", {{"event_id", "E-3"},
                         {"person_id", "P-1"},
                         {"facility_org_id", "510000-PRISON-02"},
                         {"event", "transferred_in"},
                         {"date", "2024-05-06"}});
  Add("custody_events", {{"event_id", "E-2"},
                         {"person_id", "P-1"},
                         {"facility_org_id", "510000-PRISON-01"},
                         {"event", "transferred_out"},
                         {"date", "2024-05-06"}});
  // P-2: died in custody, recorded.
  Add("custody_events", {{"event_id", "E-4"},
                         {"person_id", "P-2"},
                         {"facility_org_id", "510000-PRISON-01"},
                         {"event", "admitted"},
                         {"date", "2022-03-01"}});
  Add("custody_events", {{"event_id", "E-5"},
                         {"person_id", "P-2"},
                         {"facility_org_id", "510000-PRISON-01"},
                         {"event", "died"},
                         {"date", "2026-02-01"}});
  auto found = Run("2026-06-30", {}, {"M18"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M18:P-1");
  EXPECT_EQ(f.person_id, "P-1");
  EXPECT_EQ(f.org_id, "510000-PRISON-02");
  EXPECT_EQ(f.basis, std::vector<std::string>{"JX-KSS-01"});
  EXPECT_EQ(f.facts["date_of_death"], "2026-02-01");
  EXPECT_EQ(f.facts["death_source_org_id"], "510104-PSB");
  EXPECT_NE(f.summary.find("公安机关"), std::string::npos);
}

TEST_F(CommunityTest, M18CorrectionTemporaryReleaseAndDetention) {
  Person("P-1", "110101199003071233");
  Person("P-2", "110101199003072017");
  Person("P-3", "110101199003073474");
  Person("P-4", "110101199003074039");
  for (std::string_view id :
       {"110101199003071233", "110101199003072017", "110101199003073474", "110101199003074039"}) {
    Add("deaths", {{"id_number", id}, {"date_of_death", "2026-04-01"}});
  }
  Add("corrections", {{"correction_id", "CR-1"},
                      {"person_id", "P-1"},
                      {"correction_type", "probation"},
                      {"office_org_id", "510104-CORR"},
                      {"status", "active"}});
  Add("corrections", {{"correction_id", "CR-2"},
                      {"person_id", "P-2"},
                      {"correction_type", "temp_release"},
                      {"office_org_id", "510105-CORR"},
                      {"status", "active"}});
  Add("corrections", {{"correction_id", "CR-4"},
                      {"person_id", "P-4"},
                      {"correction_type", "probation"},
                      {"office_org_id", "510104-CORR"},
                      {"status", "dead"}});
  Add("detentions", {{"detention_id", "D-1"},
                     {"person_id", "P-3"},
                     {"facility_org_id", "510104-DC"},
                     {"stage_start", "2026-03-01"}});
  auto found = Run("2026-06-30", {}, {"M18"});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found.at("M18:P-1").org_id, "510104-CORR");
  EXPECT_EQ(found.at("M18:P-1").basis, std::vector<std::string>{"JX-CC-15"});
  EXPECT_EQ(found.at("M18:P-2").org_id, "510105-CORR");
  EXPECT_EQ(found.at("M18:P-2").basis, std::vector<std::string>{"JX-ZJ-11"});
  EXPECT_EQ(found.at("M18:P-3").org_id, "510104-DC");
}

TEST_F(CommunityTest, M18GraceDaysAndFutureDeaths) {
  Person("P-1", "110101199003071233");
  Person("P-2", "110101199003072017");
  Add("deaths", {{"id_number", "110101199003071233"}, {"date_of_death", "2026-06-25"}});
  Add("deaths", {{"id_number", "110101199003072017"}, {"date_of_death", "2026-07-02"}});
  for (auto [c, p] : {std::pair{"CR-1", "P-1"}, std::pair{"CR-2", "P-2"}}) {
    Add("corrections", {{"correction_id", c},
                        {"person_id", p},
                        {"correction_type", "probation"},
                        {"office_org_id", "510104-CORR"},
                        {"status", "active"}});
  }
  const ParamOverride grace{.model = "M18",
                            .name = "grace_days",
                            .value = "5",
                            .org_id = "510104-CORR",
                            .source = "测试"};
  EXPECT_TRUE(Run("2026-06-30", {grace}, {"M18"}).empty());
}

TEST_F(CommunityTest, M18DeathWithoutGraceIsReportedAtOnce) {
  Person("P-1", "110101199003071233");
  Add("deaths", {{"id_number", "110101199003071233"}, {"date_of_death", "2026-06-25"}});
  Add("corrections", {{"correction_id", "CR-1"},
                      {"person_id", "P-1"},
                      {"correction_type", "parole"},
                      {"office_org_id", "510104-CORR"},
                      {"status", "absconded"}});
  auto found = Run("2026-06-30", {}, {"M18"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.at("M18:P-1").facts["days_since_death"], 5);
}

}  // namespace
}  // namespace zj::models
