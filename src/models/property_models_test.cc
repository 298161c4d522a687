// M19, M20 (property_models.cc) on hand-built snapshots: the filing period exactly on and one
// day past, late filing, confiscation of all property, undated cases, the two ways an account
// shows the means to pay, payments, per-court parameters.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
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

class PropertyTest : public ::testing::Test {
 protected:
  PropertyTest() {
    std::map<std::string_view, std::vector<std::string_view>> tables;
    for (const ModelSpec* m : PropertyPass().models()) {
      for (const TableNeed& n : m->inputs) {
        auto& cols = tables[n.table];
        for (std::string_view c : n.columns) {
          if (std::find(cols.begin(), cols.end(), c) == cols.end()) cols.push_back(c);
        }
      }
    }
    tables["orgs"] = {"org_id"};
    tables["persons"] = {"person_id"};
    for (auto& [table, cols] : tables) b_.Table(table, cols);
    Add("orgs", {{"org_id", "510104-COURT"}});
    Add("orgs", {{"org_id", "510105-COURT"}});
  }

  void Add(std::string_view table, Row r) {
    Status s = b_.Row(table, r);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  // 终结本次执行 in January 2026 with 250 spent every month of 2025 (3,000 in the 12 months
  // before) and a balance of 100.
  void SpenderCase() {
    Add("property_cases", {{"exec_id", "EX-1"},
                           {"sentence_id", "S-1"},
                           {"person_id", "P-1"},
                           {"court_org_id", "510104-COURT"},
                           {"amount_due", "20000"},
                           {"status", "terminated_this_round"},
                           {"status_date", "2026-01-15"}});
    Accounts("P-1", 2025, 1, 12, "250", "250", std::vector<std::string>(12, "100"));
  }
  // Monthly account rows for `person` from `first` (YYYY-MM) on, each with these amounts.
  void Accounts(std::string_view person, int year, int month, int count, std::string_view deposits,
                std::string_view spending, std::vector<std::string> balances) {
    for (int i = 0; i < count; ++i) {
      char m[8];
      std::snprintf(m, sizeof m, "%04d-%02d", year + (month - 1 + i) / 12,
                    (month - 1 + i) % 12 + 1);
      Add("accounts", {{"person_id", person},
                       {"month", m},
                       {"deposits", deposits},
                       {"spending", spending},
                       {"balance", balances[static_cast<size_t>(i)]}});
    }
  }

  std::map<std::string, Finding> Run(std::string_view as_of,
                                     std::vector<ParamOverride> overrides = {},
                                     std::vector<std::string_view> selected = {"M19", "M20"}) {
    snapshot_ = b_.Finish();
    return testing::RunPass(PropertyPass(), *snapshot_, as_of, std::move(overrides),
                            std::move(selected));
  }

  SnapshotBuilder b_;
  std::unique_ptr<Snapshot> snapshot_;
};

// ---- M19 ----

TEST_F(PropertyTest, M19NoCaseOnlyAfterTheFilingPeriod) {
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"court_org_id", "510104-COURT"},
                    {"effective_date", "2026-03-01"},
                    {"fine", "5000"}});
  // Deadline 2026-03-31 (30 days, the effective day not counted).
  EXPECT_TRUE(Run("2026-03-31", {}, {"M19"}).empty());
}

TEST_F(PropertyTest, M19NoCaseAfterThePeriod) {
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"court_org_id", "510104-COURT"},
                    {"effective_date", "2026-03-01"},
                    {"fine", "5000"}});
  auto found = Run("2026-04-01", {}, {"M19"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M19:S-1");
  EXPECT_EQ(f.person_id, "P-1");
  EXPECT_EQ(f.org_id, "510104-COURT");
  EXPECT_EQ(f.facts["filing_deadline"], "2026-03-31");
  EXPECT_EQ(f.facts["days_overdue"], 1);
  EXPECT_EQ(f.facts["fine"], "5000.00");
  EXPECT_EQ(f.basis, (std::vector<std::string>{"JX-FIN-02", "PARAM:filing_days"}));
  EXPECT_EQ(f.severity, Severity::kHigh);
}

TEST_F(PropertyTest, M19FiledOnTheLastDayOrLate) {
  for (auto [s, e, filed] :
       {std::tuple{"S-1", "EX-1", "2026-03-31"}, std::tuple{"S-2", "EX-2", "2026-04-01"}}) {
    Add("sentences", {{"sentence_id", s},
                      {"person_id", "P-1"},
                      {"court_org_id", "510104-COURT"},
                      {"effective_date", "2026-03-01"},
                      {"confiscation", "all"}});
    Add("property_cases",
        {{"exec_id", e}, {"sentence_id", s}, {"person_id", "P-1"}, {"filed_date", filed}});
  }
  auto found = Run("2026-06-30", {}, {"M19"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M19:S-2");
  EXPECT_EQ(f.severity, Severity::kMedium);
  EXPECT_EQ(f.facts["days_late"], 1);
  EXPECT_EQ(f.facts["exec_id"], "EX-2");
  EXPECT_EQ(f.facts["confiscation"], "all");
  EXPECT_NE(f.summary.find("没收全部财产"), std::string::npos);
}

TEST_F(PropertyTest, M19WhatIsNotJudged) {
  // Restitution only; a case with no filing date; a case filed after the as-of day counts as
  // not filed; an old judgment is judged on the parameter alone.
  Add("sentences", {{"sentence_id", "S-1"},
                    {"person_id", "P-1"},
                    {"court_org_id", "510104-COURT"},
                    {"effective_date", "2026-01-01"},
                    {"restitution", "9000"}});
  Add("sentences", {{"sentence_id", "S-2"},
                    {"person_id", "P-2"},
                    {"court_org_id", "510104-COURT"},
                    {"effective_date", "2026-01-01"},
                    {"fine", "1000"}});
  Add("property_cases", {{"exec_id", "EX-2"}, {"sentence_id", "S-2"}, {"person_id", "P-2"}});
  Add("sentences", {{"sentence_id", "S-3"},
                    {"person_id", "P-3"},
                    {"court_org_id", "510104-COURT"},
                    {"effective_date", "2026-01-01"},
                    {"fine", "1000"}});
  Add("property_cases", {{"exec_id", "EX-3"},
                         {"sentence_id", "S-3"},
                         {"person_id", "P-3"},
                         {"filed_date", "2026-07-02"}});
  Add("sentences", {{"sentence_id", "S-4"},
                    {"person_id", "P-4"},
                    {"court_org_id", "510104-COURT"},
                    {"effective_date", "2013-05-01"},
                    {"fine", "1000"}});
  auto found = Run("2026-06-30", {}, {"M19"});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found.at("M19:S-3").facts["property_case"].is_null());
  // Before 法释〔2014〕13号 (2014-11-06) there is no JX-FIN-02 to cite.
  EXPECT_EQ(found.at("M19:S-4").basis, std::vector<std::string>{"PARAM:filing_days"});
}

TEST_F(PropertyTest, M19FilingDaysPerCourt) {
  for (auto [s, court] : {std::pair{"S-1", "510104-COURT"}, std::pair{"S-2", "510105-COURT"}}) {
    Add("sentences", {{"sentence_id", s},
                      {"person_id", "P-1"},
                      {"court_org_id", court},
                      {"effective_date", "2026-03-01"},
                      {"fine", "5000"}});
  }
  const ParamOverride longer{.model = "M19",
                             .name = "filing_days",
                             .value = "60",
                             .org_id = "510105-COURT",
                             .source = "测试"};
  auto found = Run("2026-04-15", {longer}, {"M19"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.count("M19:S-1"), 1u);
}

// ---- M20 ----

TEST_F(PropertyTest, M20BalanceCoversWhatIsStillDue) {
  Add("sentences", {{"sentence_id", "S-1"}, {"court_org_id", "510104-COURT"}, {"fine", "10000"}});
  Add("property_cases", {{"exec_id", "EX-1"},
                         {"sentence_id", "S-1"},
                         {"person_id", "P-1"},
                         {"court_org_id", "510104-COURT"},
                         {"amount_due", "10000"},
                         {"status", "suspended"},
                         {"status_date", "2026-03-10"}});
  // Spending is small; the balance reaches 10,000 in May.
  Accounts("P-1", 2025, 7, 12, "1000", "100",
           {"1000", "2000", "3000", "4000", "5000", "6000", "7000", "8000", "9000", "9500", "10000",
            "10500"});
  auto found = Run("2026-06-30", {}, {"M20"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M20:EX-1");
  EXPECT_EQ(f.person_id, "P-1");
  EXPECT_EQ(f.org_id, "510104-COURT");
  EXPECT_EQ(f.facts["account_balance"], "10500.00");
  EXPECT_EQ(f.facts["account_balance_month"], "2026-06");
  EXPECT_EQ(f.facts["still_due"], "10000.00");
  EXPECT_EQ(f.basis, std::vector<std::string>{"JX-FIN-07"});
  EXPECT_NE(f.summary.find("罚金10000.00元分文未执行"), std::string::npos);
}

TEST_F(PropertyTest, M20SpendingBeforeTheStatusMonth) {
  SpenderCase();
  auto found = Run("2026-06-30", {}, {"M20"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M20:EX-1");
  EXPECT_EQ(f.facts["spending_in_window"], "3000.00");
  EXPECT_EQ(f.facts["spending_window"], "2025-01至2025-12");
  EXPECT_EQ(f.basis,
            (std::vector<std::string>{"JX-FIN-07", "JX-PROP-03", "PARAM:ability_spending"}));
}

TEST_F(PropertyTest, M20SpendingThresholdPerCourt) {
  SpenderCase();
  // A court that sets the threshold higher sees no ability.
  const ParamOverride higher{.model = "M20",
                             .name = "ability_spending",
                             .value = "3000.01",
                             .org_id = "510104-COURT",
                             .source = "测试"};
  EXPECT_TRUE(Run("2026-06-30", {higher}, {"M20"}).empty());
}

TEST_F(PropertyTest, M20PaymentsAndStatusesThatDoNotCount) {
  // EX-1 paid in full; EX-2 open; EX-3 partly paid, the balance covers the rest;
  // EX-4 a person without accounts.
  Add("property_cases", {{"exec_id", "EX-1"},
                         {"person_id", "P-1"},
                         {"amount_due", "4000"},
                         {"status", "suspended"},
                         {"status_date", "2026-03-10"}});
  Add("property_payments", {{"exec_id", "EX-1"}, {"date", "2026-02-01"}, {"amount", "4000"}});
  Add("property_cases", {{"exec_id", "EX-2"},
                         {"person_id", "P-1"},
                         {"amount_due", "4000"},
                         {"status", "open"},
                         {"status_date", "2026-03-10"}});
  Add("property_cases", {{"exec_id", "EX-3"},
                         {"person_id", "P-1"},
                         {"amount_due", "9000"},
                         {"status", "suspended"},
                         {"status_date", "2026-03-10"},
                         {"court_org_id", "510105-COURT"}});
  Add("property_payments", {{"exec_id", "EX-3"}, {"date", "2026-01-05"}, {"amount", "5000"}});
  Add("property_cases", {{"exec_id", "EX-4"},
                         {"person_id", "P-9"},
                         {"amount_due", "100"},
                         {"status", "suspended"},
                         {"status_date", "2026-03-10"}});
  Accounts("P-1", 2026, 1, 6, "0", "10", {"4500", "4500", "4500", "4500", "4500", "4500"});
  auto found = Run("2026-06-30", {}, {"M20"});
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found.at("M20:EX-3");
  EXPECT_EQ(f.facts["paid"], "5000.00");
  EXPECT_EQ(f.facts["still_due"], "4000.00");
  EXPECT_EQ(f.org_id, "510105-COURT");
  EXPECT_NE(f.summary.find("尚有4000.00元未执行"), std::string::npos);
}

}  // namespace
}  // namespace zj::models
