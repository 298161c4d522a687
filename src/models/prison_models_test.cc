// PrisonPass (M09 计分考核异常, M10 岗位安排违规, M11 超时劳动) on hand-built snapshots.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/date.h"
#include "models/registry.h"

namespace zj::models {
namespace {

using nlohmann::json;

// Runs the prison pass on `s` as of `as_of` (all parts), findings sorted by (model, key).
std::vector<Finding> RunPrison(const Snapshot& s, std::string_view as_of,
                               std::vector<std::string_view> models,
                               std::vector<ParamOverride> overrides = {}, int threads = 1) {
  std::vector<ModelParams> declared;
  for (const ModelSpec* m : PrisonPass().models()) declared.push_back({m->id, m->params});
  const IdDict& orgs = s.Ids("orgs");
  auto covers = [&](std::string_view org) -> Result<std::vector<bool>> {
    std::vector<bool> v(static_cast<size_t>(orgs.size()), false);
    const int32_t id = orgs.Find(org);
    if (id == kNull32) return InvalidArgument("没有机构 " + std::string(org));
    v[static_cast<size_t>(id)] = true;
    return v;
  };
  auto params = ParamSet::Build(declared, overrides, orgs.size(), covers);
  EXPECT_TRUE(params.ok()) << params.status().message();
  RunContext ctx;
  ctx.data = &s;
  ctx.as_of_date = *Date::Parse(as_of);
  ctx.params = &*params;
  ctx.selected = std::move(models);
  ctx.threads = threads;
  auto run = PrisonPass().Start(ctx);
  EXPECT_TRUE(run.ok()) << run.status().message();
  std::vector<Finding> all;
  for (int part = 0; part < (*run)->parts(); ++part) {
    PassOutput out;
    EXPECT_TRUE((*run)->RunPart(part, out).ok());
    for (Finding& f : out.findings()) all.push_back(std::move(f));
  }
  std::sort(all.begin(), all.end(), [](const Finding& a, const Finding& b) {
    return std::pair(a.model, KeyJson(a)) < std::pair(b.model, KeyJson(b));
  });
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_NE(KeyJson(all[i]), KeyJson(all[i - 1])) << "keyed twice";
  }
  return all;
}

std::vector<std::string> Keys(const std::vector<Finding>& findings) {
  std::vector<std::string> keys;
  for (const Finding& f : findings) keys.push_back(std::string(f.model) + " " + KeyJson(f));
  return keys;
}

ParamOverride Param(std::string model, std::string name, std::string value,
                    std::string org_id = "") {
  return {.model = std::move(model),
          .name = std::move(name),
          .value = std::move(value),
          .org_id = std::move(org_id),
          .source = "测试"};
}

// ---- M09 ----

class PointsData {
 public:
  PointsData() {
    b_.Table("points", {"person_id", "month", "facility_org_id", "bonus", "deduction", "total"});
    b_.Table("rewards", {"reward_id", "person_id", "date", "kind", "days"});
  }
  void Month(const std::string& person, const std::string& month, const std::string& facility,
             double bonus, double total, double deduction = 0) {
    const std::string bs = Text(bonus), ts = Text(total), ds = Text(deduction);
    ASSERT_TRUE(b_.Row("points", {{"person_id", person},
                                  {"month", month},
                                  {"facility_org_id", facility},
                                  {"bonus", bs},
                                  {"deduction", ds},
                                  {"total", ts}})
                    .ok());
  }
  // Twelve months 2025-07 … 2026-06 with the same monthly total (bonus not stated).
  void Window(const std::string& person, const std::string& facility, double total, int months = 12,
              const std::string& last_facility = "") {
    for (int i = 0; i < months; ++i) {
      const int32_t m = *ParseMonth("2025-07") + i;
      const bool last = i == months - 1 && !last_facility.empty();
      Month(person, FormatMonth(m), last ? last_facility : facility, 0, total);
    }
  }
  void Reward(const std::string& id, const std::string& person, const std::string& date,
              const std::string& kind, const std::string& days = "") {
    ASSERT_TRUE(b_.Row("rewards", {{"reward_id", id},
                                   {"person_id", person},
                                   {"date", date},
                                   {"kind", kind},
                                   {"days", days}})
                    .ok());
  }
  std::unique_ptr<Snapshot> Finish() { return b_.Finish(); }

 private:
  static std::string Text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }
  SnapshotBuilder b_;
};

TEST(M09, BonusOverTheCapFromOctober2021Only) {
  PointsData d;
  d.Month("P-1", "2021-10", "PR-A", 51, 151);  // over the 50-point cap
  d.Month("P-1", "2021-11", "PR-A", 50, 150);  // exactly the cap
  d.Month("P-2", "2021-09", "PR-A", 80, 180);  // before 司规〔2021〕3号
  d.Month("P-3", "2026-07", "PR-A", 70, 170);  // after the as-of month
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M09"});
  ASSERT_EQ(f.size(), 1u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(KeyJson(f[0]), R"({"person_id":"P-1","month":"2021-10"})");
  EXPECT_EQ(f[0].person_id, "P-1");
  EXPECT_EQ(f[0].org_id, "PR-A");
  EXPECT_EQ(f[0].severity, Severity::kHigh);
  EXPECT_EQ(f[0].facts["bonus"], 51);
  EXPECT_EQ(f[0].facts["bonus_cap"], 50);
  EXPECT_EQ(f[0].basis, std::vector<std::string>{"JX-PTS-02"});
  EXPECT_EQ(f[0].summary, "2021-10月普通加分51分，超过月度加分上限50分");
}

TEST(M09, OverCapWithAMeritThatMonthMayBeSpecialBonus) {
  PointsData d;
  d.Month("P-1", "2024-05", "PR-A", 90, 190);
  d.Reward("R-1", "P-1", "2024-05-20", "major_merit");
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M09"});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kMedium);
  EXPECT_EQ(f[0].facts["merit_rewards_same_month"], json::array({"R-1"}));
  EXPECT_NE(f[0].summary.find("专项加分"), std::string::npos);
}

TEST(M09, BonusInAMonthWithWarningDemeritOrConfinement) {
  PointsData d;
  d.Month("P-1", "2025-04", "PR-A", 12, 12, 100);
  d.Reward("R-1", "P-1", "2025-04-17", "warning");
  d.Month("P-2", "2025-04", "PR-A", 0, -100, 200);  // demerit, no bonus: lawful
  d.Reward("R-2", "P-2", "2025-04-03", "demerit");
  d.Month("P-3", "2025-04", "PR-A", 0, -300, 400);
  d.Month("P-3", "2025-05", "PR-A", 5, 105);  // still in confinement on 5 May
  d.Reward("R-3", "P-3", "2025-04-28", "confinement", "10");
  d.Month("P-4", "2025-04", "PR-A", 6, 106);  // praise is no penalty
  d.Reward("R-4", "P-4", "2025-04-09", "praise");
  d.Month("P-5", "2025-06", "PR-A", 4, 104);  // confinement ended in May
  d.Reward("R-5", "P-5", "2025-05-20", "confinement", "5");
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M09"});
  ASSERT_EQ(f.size(), 2u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(KeyJson(f[0]), R"({"person_id":"P-1","month":"2025-04"})");
  EXPECT_EQ(f[0].facts["penalty"], "warning");
  EXPECT_EQ(f[0].facts["penalty_date"], "2025-04-17");
  EXPECT_EQ(f[0].facts["deduction"], 100);
  EXPECT_EQ(f[0].basis, std::vector<std::string>{"JX-PTS-04"});
  EXPECT_EQ(f[0].summary, "2025-04月受到警告处分（2025-04-17），当月仍获加分12分");
  EXPECT_EQ(KeyJson(f[1]), R"({"person_id":"P-3","month":"2025-05"})");
  EXPECT_EQ(f[1].facts["penalty"], "confinement");
  EXPECT_EQ(f[1].facts["confinement_days"], 10);
  EXPECT_NE(f[1].summary.find("处于禁闭期间（2025-04-28起10日）"), std::string::npos);
}

// Seven ordinary prisoners and one far above them, all 12 months at PR-A.
void OutlierFacility(PointsData& d) {
  for (int i = 0; i < 7; ++i) d.Window("P-" + std::to_string(i), "PR-A", 100 + i);
  d.Window("P-9", "PR-A", 150);
}

TEST(M09, TwelveMonthOutlierWithType7Quartiles) {
  PointsData d;
  OutlierFacility(d);
  d.Window("P-20", "PR-A", 190, 11);          // 11 months: not in the population
  d.Window("P-21", "PR-A", 190, 12, "PR-B");  // last month elsewhere: in no population
  d.Window("P-30", "PR-B", 120);              // alone at PR-B: never beyond its own fence
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M09"});
  ASSERT_EQ(f.size(), 1u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(KeyJson(f[0]), R"({"person_id":"P-9","month":"2026-06"})");
  EXPECT_EQ(f[0].org_id, "PR-A");
  EXPECT_EQ(f[0].severity, Severity::kMedium);
  // Sums 1200, 1212, …, 1272, 1800: Q1 = x[1] + .75(x[2] − x[1]) = 1221,
  // Q3 = x[5] + .25(x[6] − x[5]) = 1263, IQR 42, fence 1263 + 3 × 42 = 1389.
  EXPECT_EQ(f[0].facts["population_size"], 8);
  EXPECT_DOUBLE_EQ(f[0].facts["facility_q1"].get<double>(), 1221);
  EXPECT_DOUBLE_EQ(f[0].facts["facility_q3"].get<double>(), 1263);
  EXPECT_DOUBLE_EQ(f[0].facts["facility_iqr"].get<double>(), 42);
  EXPECT_DOUBLE_EQ(f[0].facts["fence"].get<double>(), 1389);
  EXPECT_EQ(f[0].facts["points_12m"], 1800);
  EXPECT_EQ(f[0].facts["window_from"], "2025-07");
  EXPECT_EQ(f[0].basis, std::vector<std::string>{"PARAM:fence_k"});
  EXPECT_EQ(f[0].window, json({{"from", "2025-07"}, {"to", "2026-06"}}));
  EXPECT_EQ(f[0].summary,
            "2025-07至2026-06计分合计1800分，超过本监狱同期（12个月均有计分的8名罪犯）"
            "异常值上限1389.0分（Q3＋3×IQR）");
}

TEST(M09, FenceKIsAParameterPerJurisdiction) {
  PointsData d;
  OutlierFacility(d);
  auto s = d.Finish();
  // k = 13: fence 1263 + 546 = 1809 > 1800.
  EXPECT_TRUE(
      RunPrison(*s, "2026-06-30", {"M09"}, {Param("M09", "fence_k", "13", "PR-A")}).empty());
  auto f = RunPrison(*s, "2026-06-30", {"M09"}, {Param("M09", "fence_k", "12.5")});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].facts["fence_k"], 12.5);
}

TEST(M09, ChecksOnOneMonthAreOneFinding) {
  PointsData d;
  for (int i = 0; i < 7; ++i) d.Window("P-" + std::to_string(i), "PR-A", 100 + i);
  for (int i = 0; i < 11; ++i)
    d.Month("P-9", FormatMonth(*ParseMonth("2025-07") + i), "PR-A", 50, 150);
  d.Month("P-9", "2026-06", "PR-A", 60, 160);
  d.Reward("R-1", "P-9", "2026-06-02", "warning");
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M09"});
  ASSERT_EQ(f.size(), 1u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(f[0].severity, Severity::kHigh);
  EXPECT_EQ(f[0].basis, (std::vector<std::string>{"JX-PTS-02", "JX-PTS-04", "PARAM:fence_k"}));
  EXPECT_EQ(f[0].facts["checks"],
            json::array({"bonus_over_cap", "bonus_in_penalty_month", "points_12m_outlier"}));
}

// ---- M10 ----

class JobsData {
 public:
  JobsData() {
    b_.Table("jobs", {"job_id", "person_id", "facility_org_id", "post", "post_class", "start_date",
                      "end_date"});
    b_.Table("sentences", {"sentence_id", "person_id", "effective_date", "term_end", "categories"});
  }
  void Sentence(const std::string& id, const std::string& person, const std::string& effective,
                const std::string& term_end, const std::string& categories) {
    ASSERT_TRUE(b_.Row("sentences", {{"sentence_id", id},
                                     {"person_id", person},
                                     {"effective_date", effective},
                                     {"term_end", term_end},
                                     {"categories", categories}})
                    .ok());
  }
  void Job(const std::string& id, const std::string& person, const std::string& facility,
           const std::string& post_class, const std::string& start, const std::string& end = "") {
    ASSERT_TRUE(b_.Row("jobs", {{"job_id", id},
                                {"person_id", person},
                                {"facility_org_id", facility},
                                {"post", post_class == "trusty" ? "值星员" : "监舍保洁"},
                                {"post_class", post_class},
                                {"start_date", start},
                                {"end_date", end}})
                    .ok());
  }
  std::unique_ptr<Snapshot> Finish() { return b_.Finish(); }

 private:
  SnapshotBuilder b_;
};

TEST(M10, RestrictedCategoryInTrustyOrAuxiliaryPost) {
  JobsData d;
  d.Sentence("S-1", "P-1", "2024-01-10", "2034-01-09", "gang");
  d.Job("J-1", "P-1", "PR-A", "production", "2024-03-01", "2025-12-31");
  d.Job("J-2", "P-1", "PR-A", "auxiliary", "2026-01-01");
  d.Sentence("S-2", "P-2", "2024-01-10", "2030-01-09", "");
  d.Job("J-3", "P-2", "PR-A", "auxiliary", "2024-03-01");  // ordinary prisoner
  // A gang sentence served out before this term's post: not this prisoner's category now.
  d.Sentence("S-3", "P-3", "2010-01-10", "2015-01-09", "gang");
  d.Sentence("S-4", "P-3", "2024-01-10", "2030-01-09", "");
  d.Job("J-4", "P-3", "PR-A", "auxiliary", "2024-03-01");
  d.Sentence("S-5", "P-4", "2023-01-10", "2030-01-09", "recidivist;minor");
  d.Job("J-5", "P-4", "PR-B", "trusty", "2025-01-01", "2025-06-30");
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M10"});
  ASSERT_EQ(f.size(), 2u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(KeyJson(f[0]), R"({"job_id":"J-2"})");
  EXPECT_EQ(f[0].person_id, "P-1");
  EXPECT_EQ(f[0].org_id, "PR-A");
  EXPECT_EQ(f[0].facts["categories"], "gang");
  EXPECT_EQ(f[0].facts["post_class"], "auxiliary");
  EXPECT_EQ(f[0].facts["sentence_ids"], json::array({"S-1"}));
  EXPECT_TRUE(f[0].facts["end_date"].is_null());
  EXPECT_EQ(f[0].basis, std::vector<std::string>{"PARAM:restricted_categories"});
  EXPECT_EQ(f[0].summary,
            "罪犯属组织领导参加包庇纵容黑社会性质组织罪犯（从严管理类别），自2026-01-01起被安排从事"
            "辅助/杂务岗位（监舍保洁），至今仍在岗");
  EXPECT_EQ(KeyJson(f[1]), R"({"job_id":"J-5"})");
  EXPECT_EQ(f[1].facts["categories"], "recidivist");  // minor is not restricted
}

TEST(M10, RestrictedCategoriesParameter) {
  JobsData d;
  d.Sentence("S-1", "P-1", "2024-01-10", "2034-01-09", "gang");
  d.Job("J-1", "P-1", "PR-A", "auxiliary", "2026-01-01");
  d.Sentence("S-2", "P-2", "2024-01-10", "2034-01-09", "gang");
  d.Job("J-2", "P-2", "PR-B", "auxiliary", "2026-01-01");
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M10"},
                     {Param("M10", "restricted_categories", "terrorism", "PR-A")});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(KeyJson(f[0]), R"({"job_id":"J-2"})");
}

TEST(M10, TrustyPostLongerThan24Months) {
  JobsData d;
  d.Job("J-1", "P-1", "PR-A", "trusty", "2024-03-12");                // open: 27 months
  d.Job("J-2", "P-2", "PR-A", "trusty", "2024-07-01");                // open: 24 months less a day
  d.Job("J-3", "P-3", "PR-A", "trusty", "2024-06-30");                // open: 24 months and a day
  d.Job("J-4", "P-4", "PR-A", "trusty", "2019-01-01", "2021-03-31");  // closed: 27 months
  d.Job("J-5", "P-4", "PR-A", "production", "2021-04-01");
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M10"});
  ASSERT_EQ(f.size(), 3u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(KeyJson(f[0]), R"({"job_id":"J-1"})");
  EXPECT_EQ(f[0].facts["months"], 27);
  EXPECT_EQ(f[0].facts["limit_months"], 24);
  EXPECT_EQ(f[0].facts["limit_exceeded_from"], "2026-03-12");
  EXPECT_EQ(f[0].facts["days_over"], 111);
  EXPECT_EQ(f[0].facts["stint_open"], true);
  EXPECT_EQ(f[0].basis, std::vector<std::string>{"PARAM:trusty_max_months"});
  EXPECT_EQ(
      f[0].summary,
      "罪犯自2024-03-12起连续担任协助管理岗位（值星员），截至2026-06-30已满27个月，超过24个月");
  EXPECT_EQ(KeyJson(f[1]), R"({"job_id":"J-3"})");
  EXPECT_EQ(f[1].facts["months"], 24);
  EXPECT_EQ(f[1].facts["days_over"], 1);
  EXPECT_EQ(KeyJson(f[2]), R"({"job_id":"J-4"})");
  EXPECT_EQ(f[2].facts["stint_open"], false);
  EXPECT_EQ(f[2].facts["months"], 27);
  EXPECT_EQ(f[2].summary,
            "罪犯2019-01-01至2021-03-31连续担任协助管理岗位（值星员）满27个月，超过24个月");
}

TEST(M10, ConsecutiveTrustyPostsAreOneStint) {
  JobsData d;
  d.Job("J-1", "P-1", "PR-A", "trusty", "2023-01-01", "2023-12-31");
  d.Job("J-2", "P-1", "PR-A", "trusty", "2024-01-01", "2025-03-31");
  // Same length, but at two facilities: two stints.
  d.Job("J-3", "P-2", "PR-A", "trusty", "2023-01-01", "2023-12-31");
  d.Job("J-4", "P-2", "PR-B", "trusty", "2024-01-01", "2025-03-31");
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M10"}, {Param("M10", "trusty_max_months", "24")});
  ASSERT_EQ(f.size(), 1u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(KeyJson(f[0]), R"({"job_id":"J-2"})");  // the limit (2025-01-01) falls in J-2
  EXPECT_EQ(f[0].facts["stint_start_date"], "2023-01-01");
  EXPECT_EQ(f[0].facts["stint_job_ids"], json::array({"J-1", "J-2"}));
  EXPECT_EQ(f[0].facts["months"], 27);
}

// ---- M11 ----

class LabourData {
 public:
  LabourData() {
    b_.Table("labor_days", {"person_id", "date", "facility_org_id", "unit", "hours", "kind"});
    b_.Table("persons", {"person_id", "birth_date"});
    b_.Table("orgs", {"org_id", "name"});
  }
  void Org(const std::string& id, const std::string& name) {
    ASSERT_TRUE(b_.Row("orgs", {{"org_id", id}, {"name", name}}).ok());
  }
  void Person(const std::string& id, const std::string& birth) {
    ASSERT_TRUE(b_.Row("persons", {{"person_id", id}, {"birth_date", birth}}).ok());
  }
  // One week from `monday`: hours per day, "" = no row, "R" = rest, "E<h>" = education.
  void Week(const std::string& person, const std::string& facility, const std::string& unit,
            const std::string& monday, std::vector<std::string> days) {
    const Date m = *Date::Parse(monday);
    for (int i = 0; i < 7; ++i) {
      const std::string& day = days[static_cast<size_t>(i)];
      if (day.empty()) continue;
      std::string kind = "labor", hours = day;
      if (day == "R") {
        kind = "rest";
        hours = "0";
      } else if (day[0] == 'E') {
        kind = "education";
        hours = day.substr(1);
      }
      const std::string date = (m + i).ToString();
      ASSERT_TRUE(b_.Row("labor_days", {{"person_id", person},
                                        {"date", date},
                                        {"facility_org_id", facility},
                                        {"unit", unit},
                                        {"hours", hours},
                                        {"kind", kind}})
                      .ok());
    }
  }
  void Normal(const std::string& person, const std::string& facility, const std::string& unit,
              const std::string& monday) {
    Week(person, facility, unit, monday, {"7.5", "7", "7.5", "7", "7.5", "E3.5", "R"});
  }
  std::unique_ptr<Snapshot> Finish() { return b_.Finish(); }

 private:
  SnapshotBuilder b_;
};

TEST(M11, TenPercentOfAUnitOverTheDayLimit) {
  LabourData d;
  d.Org("PR-A", "四川省甲监狱");
  for (int i = 0; i < 9; ++i) d.Normal("P-" + std::to_string(i), "PR-A", "第1监区", "2026-06-08");
  d.Week("P-9", "PR-A", "第1监区", "2026-06-08", {"9", "7", "7", "7", "7", "E3", "R"});
  // 1 of 11 (9%) in another unit: no finding.
  for (int i = 0; i < 10; ++i) d.Normal("Q-" + std::to_string(i), "PR-A", "第2监区", "2026-06-08");
  d.Week("Q-10", "PR-A", "第2监区", "2026-06-08", {"9", "7", "7", "7", "7", "E3", "R"});
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M11"});
  ASSERT_EQ(f.size(), 1u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(KeyJson(f[0]), R"({"facility_org_id":"PR-A","unit":"第1监区","week":"2026-W24"})");
  EXPECT_TRUE(f[0].person_id.empty());
  EXPECT_EQ(f[0].org_id, "PR-A");
  EXPECT_EQ(f[0].severity, Severity::kMedium);
  EXPECT_EQ(f[0].facts["people"], 10);
  EXPECT_EQ(f[0].facts["over_limit"], 1);
  EXPECT_EQ(f[0].facts["over_day_limit"], 1);
  EXPECT_EQ(f[0].facts["over_week_limit"], 0);
  EXPECT_EQ(f[0].facts["max_day_hours"], 9);
  EXPECT_EQ(f[0].facts["day_limit_hours"], 8);
  EXPECT_EQ(f[0].facts["week_limit_hours"], 48);
  EXPECT_EQ(f[0].facts["over_limit_persons"], json::array({"P-9"}));
  EXPECT_EQ(f[0].window, json({{"from", "2026-06-08"}, {"to", "2026-06-14"}}));
  EXPECT_EQ(f[0].basis, (std::vector<std::string>{"JX-LAB-02", "PARAM:share"}));
  EXPECT_EQ(f[0].summary,
            "四川省甲监狱第1监区在2026-W24周（2026-06-08至2026-06-14）10名罪犯中有1名超时劳动或"
            "无休息日，占10%（日劳动超过8小时1名；最长日劳动9小时，最长周劳动37小时）");
}

TEST(M11, WeekTotalAndRestDays) {
  LabourData d;
  d.Org("PR-A", "四川省甲监狱");
  // Within every limit: 6 × 8 = 48 hours and Sunday off.
  d.Week("P-1", "PR-A", "第1监区", "2026-06-08", {"8", "8", "8", "8", "8", "8", "R"});
  // Seven days of 7 hours: 49 hours and no rest day.
  d.Week("P-2", "PR-B", "第1监区", "2026-06-08", {"7", "7", "7", "7", "7", "7", "7"});
  // Seven days of labour or education, no rest, within the hours.
  d.Week("P-3", "PR-C", "第1监区", "2026-06-08", {"6", "6", "6", "6", "6", "E3", "4"});
  // Sunday without a row: possibly rested.
  d.Week("P-4", "PR-D", "第1监区", "2026-06-08", {"7", "7", "7", "7", "7", "7", ""});
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M11"});
  ASSERT_EQ(f.size(), 2u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(f[0].key[0].second, "PR-B");
  EXPECT_EQ(f[0].facts["over_week_limit"], 1);
  EXPECT_EQ(f[0].facts["no_rest_day"], 1);
  EXPECT_EQ(f[0].facts["max_week_hours"], 49);
  EXPECT_EQ(f[0].facts["min_rest_days"], 0);
  EXPECT_EQ(f[1].key[0].second, "PR-C");
  EXPECT_EQ(f[1].facts["over_week_limit"], 0);
  EXPECT_EQ(f[1].facts["no_rest_day"], 1);
}

TEST(M11, JuvenileLimitsUntilThe18thBirthday) {
  LabourData d;
  d.Org("PR-J", "四川省未成年犯管教所");
  // 18th birthday on Wednesday 2026-06-10: a juvenile through that day.
  d.Person("P-1", "2008-06-10");
  d.Week("P-1", "PR-J", "第1监区", "2026-06-08", {"3", "3", "5", "", "", "", ""});
  d.Person("P-2", "2008-06-10");
  d.Week("P-2", "PR-J", "第2监区", "2026-06-08", {"3", "3", "3", "5", "5", "E3", "R"});
  // 25 hours in a week: over the juvenile week limit only while 18 is not reached by Sunday.
  d.Person("P-3", "2008-07-01");
  d.Week("P-3", "PR-J", "第3监区", "2026-06-08", {"4", "4", "4", "4", "4", "E5", "R"});
  d.Person("P-4", "2008-07-01");
  d.Week("P-4", "PR-J", "第4监区", "2026-06-08", {"4", "4", "4", "4", "4", "4", "1"});
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M11"});
  ASSERT_EQ(f.size(), 2u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(f[0].key[1].second, "第1监区");
  EXPECT_EQ(f[0].facts["over_day_limit"], 1);
  EXPECT_EQ(f[0].facts["juveniles"], 1);
  EXPECT_EQ(f[0].facts["juvenile_day_limit_hours"], 4);
  EXPECT_EQ(f[1].key[1].second, "第4监区");
  EXPECT_EQ(f[1].facts["over_week_limit"], 1);
  EXPECT_EQ(f[1].facts["no_rest_day"], 1);
}

TEST(M11, OnlyWeeksEndedByTheAsOfDateAndIsoWeekNumbers) {
  LabourData d;
  d.Org("PR-A", "四川省甲监狱");
  // As of Tuesday 2026-06-30, the week of Monday 2026-06-29 has not ended.
  d.Week("P-1", "PR-A", "第1监区", "2026-06-29", {"12", "12", "", "", "", "", ""});
  // Week 1 of 2025 starts on Monday 2024-12-30; 2021-01-03 ends week 53 of 2020.
  d.Week("P-2", "PR-A", "第1监区", "2024-12-30", {"9", "", "", "", "", "", ""});
  d.Week("P-3", "PR-A", "第1监区", "2020-12-28", {"9", "", "", "", "", "", ""});
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M11"});
  ASSERT_EQ(f.size(), 2u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(f[0].key[2].second, "2020-W53");
  EXPECT_EQ(f[1].key[2].second, "2025-W01");
  EXPECT_EQ(RunPrison(*s, "2026-07-05", {"M11"}).size(), 3u);
}

TEST(M11, LimitsAndShareAreParameters) {
  LabourData d;
  d.Org("PR-A", "四川省甲监狱");
  for (int i = 0; i < 4; ++i) d.Normal("P-" + std::to_string(i), "PR-A", "第1监区", "2026-06-08");
  d.Week("P-9", "PR-A", "第1监区", "2026-06-08", {"9", "7", "7", "7", "7", "E3", "R"});
  auto s = d.Finish();
  EXPECT_EQ(RunPrison(*s, "2026-06-30", {"M11"}).size(), 1u);  // 20%
  EXPECT_TRUE(RunPrison(*s, "2026-06-30", {"M11"}, {Param("M11", "share", "0.25")}).empty());
  EXPECT_TRUE(RunPrison(*s, "2026-06-30", {"M11"}, {Param("M11", "day_hours", "9")}).empty());
  auto f = RunPrison(*s, "2026-06-30", {"M11"}, {Param("M11", "day_hours", "8.5", "PR-A")});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].basis, (std::vector<std::string>{"JX-LAB-02", "PARAM:day_hours", "PARAM:share"}));
  EXPECT_EQ(f[0].facts["day_limit_hours"], 8.5);
}

TEST(M11, RowsWithoutUnitOrFacility) {
  LabourData d;
  d.Org("PR-A", "四川省甲监狱");
  d.Week("P-1", "PR-A", "", "2026-06-08", {"9", "7", "7", "7", "7", "E3", "R"});
  d.Week("P-2", "", "第1监区", "2026-06-08", {"9", "7", "7", "7", "7", "E3", "R"});
  auto s = d.Finish();
  auto f = RunPrison(*s, "2026-06-30", {"M11"});
  ASSERT_EQ(f.size(), 1u) << testing::PrintToString(Keys(f));
  EXPECT_EQ(KeyJson(f[0]), R"({"facility_org_id":"PR-A","unit":"（未填监区）","week":"2026-W24"})");
  EXPECT_EQ(f[0].summary.find("四川省甲监狱（未填监区）在2026-W24周"), 0u);
}

TEST(M11, RowsInAnyOrder) {
  // The same labour weeks, person by person and shuffled day by day across persons.
  auto build = [](bool shuffled) {
    LabourData d;
    d.Org("PR-A", "四川省甲监狱");
    const std::vector<std::string> over = {"10", "10", "10", "10", "10", "10", "6"};
    const std::vector<std::string> normal = {"7.5", "7", "7.5", "7", "7.5", "E3.5", "R"};
    if (!shuffled) {
      for (int i = 0; i < 4; ++i) {
        d.Week("P-" + std::to_string(i), "PR-A", "第1监区", "2026-06-08", i == 0 ? over : normal);
      }
    } else {
      for (int day = 6; day >= 0; --day) {
        for (int i = 3; i >= 0; --i) {
          std::vector<std::string> one(7);
          one[static_cast<size_t>(day)] = (i == 0 ? over : normal)[static_cast<size_t>(day)];
          d.Week("P-" + std::to_string(i), "PR-A", "第1监区", "2026-06-08", one);
        }
      }
    }
    return d.Finish();
  };
  auto a = build(false), b = build(true);
  auto fa = RunPrison(*a, "2026-06-30", {"M11"}), fb = RunPrison(*b, "2026-06-30", {"M11"});
  ASSERT_EQ(fa.size(), 1u);
  ASSERT_EQ(fb.size(), 1u);
  EXPECT_EQ(fa[0].facts, fb[0].facts);
  EXPECT_EQ(fb[0].facts["no_rest_day"], 1);
  EXPECT_EQ(fb[0].facts["max_week_hours"], 66);
}

// ---- the pass ----

TEST(PrisonPass, PartsGiveTheSameFindingsAsOne) {
  LabourData d;
  for (int fac = 0; fac < 5; ++fac) {
    const std::string id = "PR-" + std::to_string(fac);
    d.Org(id, "监狱" + std::to_string(fac));
    for (int i = 0; i < 6; ++i) {
      const std::string person = id + "-P" + std::to_string(i);
      d.Normal(person, id, "第1监区", "2026-06-01");
      if (i < fac) {
        d.Week(person, id, "第1监区", "2026-06-08", {"10", "10", "10", "10", "10", "10", "6"});
      } else {
        d.Normal(person, id, "第1监区", "2026-06-08");
      }
    }
  }
  auto s = d.Finish();
  const auto one = Keys(RunPrison(*s, "2026-06-30", {"M11"}, {}, 1));
  EXPECT_EQ(one.size(), 4u);
  EXPECT_EQ(Keys(RunPrison(*s, "2026-06-30", {"M11"}, {}, 3)), one);
  EXPECT_EQ(Keys(RunPrison(*s, "2026-06-30", {"M11"}, {}, 8)), one);
}

TEST(PrisonPass, DeclaresItsModels) {
  const auto models = PrisonPass().models();
  ASSERT_EQ(models.size(), 3u);
  EXPECT_EQ(models[0]->id, "M09");
  EXPECT_EQ(models[1]->id, "M10");
  EXPECT_EQ(models[2]->id, "M11");
  for (const ModelSpec* m : models) {
    EXPECT_EQ(m->version, 1);
    EXPECT_FALSE(m->inputs.empty());
    for (const ParamSpec& p : m->params) EXPECT_FALSE(p.description.empty()) << p.name;
  }
  EXPECT_EQ(FindModel("M10")->key, std::vector<std::string_view>{"job_id"});
  EXPECT_EQ(PassOf("M11"), &PrisonPass());
}

}  // namespace
}  // namespace zj::models
