// Tests of law/supervision.h: every number at its boundaries (month ends, leap days, the
// dates on which a rule starts), the tables' integrity, and the §7–§12 rule rows.

#include "law/supervision.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "domain/codes.h"
#include "law/rulebook.h"

namespace zj::law {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

// ---- tables ----

TEST(Quantities, EveryRowCitesAKnownRuleAndIsItsOwnName) {
  for (const LawQuantity& q : AllQuantities()) {
    EXPECT_NE(FindRule(q.rule), nullptr) << q.note;
    EXPECT_EQ(&Quantity(q.name), &q) << q.note;
    EXPECT_FALSE(q.unit.empty()) << q.note;
    EXPECT_FALSE(q.citation.empty()) << q.note;
  }
}

TEST(Quantities, HeaderDatesAreTheTableRows) {
  EXPECT_EQ(Quantity(Q::kAbsenceHours).from, kAbsence48hFrom);
  EXPECT_EQ(kAbsence48hFrom, D("2026-02-21"));
  EXPECT_EQ(Quantity(Q::kPointsBonusShare).from, kPoints2021From);
  EXPECT_EQ(kPoints2021From, D("2021-10-01"));
  EXPECT_EQ(Number(N::kLeaveSubOfficeMax).from, kCorrectionLaw2020From);
  EXPECT_EQ(Number(N::kLeave2012SubOfficeMax).until, kCorrectionLaw2020From - 1);
  EXPECT_EQ(kCorrectionLaw2020From, D("2020-07-01"));
  EXPECT_EQ(Number(N::kPropertyFilingDays).from, D("2014-11-06"));
  EXPECT_EQ(Number(N::kPropertyExecution).from, D("2014-11-06"));
}

TEST(Quantities, UnconfirmedAsTheRulebookSays) {
  for (Q q : {Q::kLabourDayHours, Q::kLabourWeekHours, Q::kJuvenileDayHours, Q::kJuvenileWeekHours,
              Q::kRestDaysPerWeek, Q::kAbsenceHours}) {
    EXPECT_TRUE(Quantity(q).unconfirmed) << Quantity(q).note;
  }
  EXPECT_TRUE(Number(N::kProtractedCustody).unconfirmed);
  EXPECT_FALSE(Quantity(Q::kPointsBonusShare).unconfirmed);
  EXPECT_TRUE(Number(N::kCmTransferDays).working_days);
  EXPECT_FALSE(Number(N::kCmServeDays).working_days);
}

TEST(Quantities, InForceOnIsInclusive) {
  const LawNumber& n2012 = Number(N::kLeave2012TotalMax);
  EXPECT_TRUE(n2012.InForceOn(D("2020-06-30")));
  EXPECT_FALSE(n2012.InForceOn(D("2020-07-01")));
  EXPECT_TRUE(Number(N::kInvestigation).InForceOn(D("1990-01-01")));
}

// ---- §7 ----

TEST(Correction, ReportWithinTenDays) {
  const Deadline d = ReportDeadline(D("2026-03-01"));
  EXPECT_EQ(d.date, D("2026-03-11"));
  EXPECT_EQ(d.from, D("2026-03-01"));
  EXPECT_EQ(d.period, Period::Days(10));
  EXPECT_EQ(d.rule, "JX-CC-01");
  EXPECT_EQ(ReportDeadline(D("2024-02-25")).date, D("2024-03-06"));  // across a leap day
}

TEST(Correction, AbsenceThresholdSwitchesOn20260221) {
  const AbsenceThreshold before = AbsenceThresholdOn(D("2026-02-20"));
  EXPECT_FALSE(before.national_48h);
  EXPECT_EQ(before.hours, 240);
  EXPECT_EQ(before.seconds, 240 * 3600);
  EXPECT_EQ(before.rule, "JX-CC-07");
  EXPECT_EQ(before.revocation, Period::Months(1));

  const AbsenceThreshold on = AbsenceThresholdOn(D("2026-02-21"));
  EXPECT_TRUE(on.national_48h);
  EXPECT_EQ(on.hours, 48);
  EXPECT_EQ(on.seconds, 48 * 3600);
  EXPECT_EQ(on.rule, "JX-CC-14");
  EXPECT_EQ(on.citation, "司发通〔2026〕8号");
  EXPECT_EQ(on.revocation, Period::Months(1));

  EXPECT_TRUE(AbsenceThresholdOn(D("2026-02-22")).national_48h);
  EXPECT_FALSE(AbsenceThresholdOn(D("2019-01-01")).national_48h);
}

TEST(Correction, LeaveRulesByDate) {
  const LeaveRules old = LeaveRulesOn(D("2020-06-30"));
  EXPECT_FALSE(old.apply_ahead.has_value());
  EXPECT_EQ(old.sub_office_max, Period::Days(7));
  EXPECT_EQ(old.county_max, Period::Months(1));
  EXPECT_FALSE(old.cumulative_window.has_value());
  EXPECT_FALSE(old.cumulative_max.has_value());
  EXPECT_EQ(old.citation, "司发通〔2012〕12号 第13条");

  const LeaveRules now = LeaveRulesOn(D("2020-07-01"));
  EXPECT_EQ(now.apply_ahead, Period::Days(3));
  EXPECT_EQ(now.sub_office_max, Period::Days(7));
  EXPECT_EQ(now.county_max, Period::Days(30));
  EXPECT_EQ(now.cumulative_window, Period::Months(2));
  EXPECT_EQ(now.cumulative_max, Period::Days(30));
  EXPECT_EQ(now.rule, "JX-CC-03");
  EXPECT_EQ(old.rule, "JX-CC-03");
}

TEST(TempRelease, MedicalReviewEveryThreeMonthsByCorrespondingDay) {
  EXPECT_EQ(MedicalReviewDue(D("2026-01-15")).date, D("2026-04-15"));
  EXPECT_EQ(MedicalReviewDue(D("2025-11-30")).date, D("2026-02-28"));  // day missing
  EXPECT_EQ(MedicalReviewDue(D("2026-02-28")).date, D("2026-05-31"));  // from a month end
  EXPECT_EQ(MedicalReviewDue(D("2023-11-29")).date, D("2024-02-29"));  // leap day exists
  EXPECT_EQ(MedicalReviewDue(D("2026-01-15")).rule, "JX-ZJ-09");
  EXPECT_EQ(MedicalReviewDue(D("2026-01-15")).period, P(N::kMedicalReview));
}

TEST(TempRelease, RecommitFollowsTheOption) {
  EXPECT_EQ(RecommitDue(D("2026-01-10")).date, D("2026-02-09"));
  Options o;
  o.recommit_days = 10;
  const Deadline d = RecommitDue(D("2026-01-10"), o);
  EXPECT_EQ(d.date, D("2026-01-20"));
  EXPECT_EQ(d.period, Period::Days(10));
  EXPECT_EQ(d.rule, "JX-ZJ-10");
}

// ---- §8 ----

StageLimit Limit(const char* stage, const char* start) {
  Result<StageLimit> r = CustodyStageLimit(stage, D(start));
  EXPECT_TRUE(r.ok()) << stage;
  return r.ok() ? *r : StageLimit{};
}

TEST(Custody, StagesAreTheExchangeCodeList) {
  const auto codes = domain::kDetentionStage.codes;
  ASSERT_EQ(CustodyStages().size(), codes.size());
  for (size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(CustodyStages()[i], codes[i].code);
    EXPECT_TRUE(CustodyStageLimit(codes[i].code, D("2026-01-01")).ok()) << codes[i].code;
  }
}

TEST(Custody, UnknownStageIsAnError) {
  Result<StageLimit> r = CustodyStageLimit("pretrial", D("2026-01-01"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("pretrial"), std::string::npos);
}

TEST(Custody, CriminalDetentionInDays) {
  StageLimit l = Limit("criminal_detention_7", "2026-03-01");
  EXPECT_EQ(l.deadline, D("2026-03-08"));
  EXPECT_EQ(l.extended_deadline, D("2026-03-15"));  // arrest request pending: + 7 days
  EXPECT_EQ(l.rule, "JX-CUST-01");
  l = Limit("criminal_detention_30", "2026-02-27");
  EXPECT_EQ(l.deadline, D("2026-03-29"));
  EXPECT_EQ(l.extended_deadline, D("2026-04-05"));
  EXPECT_EQ(Limit("criminal_detention_7", "2024-02-25").deadline, D("2024-03-03"));  // leap
}

TEST(Custody, InvestigationByCorrespondingDay) {
  StageLimit l = Limit("investigation", "2026-02-27");
  EXPECT_EQ(l.deadline, D("2026-04-27"));
  EXPECT_EQ(l.period, Period::Months(2));
  EXPECT_FALSE(l.extended_deadline.has_value());
  EXPECT_FALSE(l.chain_ambiguous);
  EXPECT_EQ(l.citation, "刑事诉讼法 第156条");
  EXPECT_EQ(Limit("investigation", "2025-12-31").deadline, D("2026-02-28"));  // month end
  EXPECT_EQ(Limit("investigation", "2025-12-29").deadline, D("2026-02-28"));  // day missing
  EXPECT_EQ(Limit("investigation", "2027-12-29").deadline, D("2028-02-29"));  // leap day
  EXPECT_EQ(Limit("investigation", "2028-02-29").deadline, D("2028-04-30"));  // from leap day
  EXPECT_EQ(Limit("investigation", "2026-02-28").deadline, D("2026-04-30"));  // from Feb end
}

TEST(Custody, InvestigationExtensionsRunFromTheirOwnStart) {
  StageLimit l = Limit("investigation_ext1", "2026-04-27");
  EXPECT_EQ(l.deadline, D("2026-05-27"));
  EXPECT_TRUE(l.chain_ambiguous);
  EXPECT_FALSE(l.extended_deadline.has_value());
  EXPECT_EQ(Limit("investigation_ext2", "2026-05-27").deadline, D("2026-07-27"));
  EXPECT_EQ(Limit("investigation_ext3", "2026-07-27").deadline, D("2026-09-27"));
  EXPECT_EQ(Limit("investigation_ext2", "2026-05-27").citation, "刑事诉讼法 第158条");
  EXPECT_EQ(Limit("investigation_ext3", "2026-07-27").citation, "刑事诉讼法 第159条");
}

TEST(Custody, ProsecutionReviewOneMonthPlusFifteenDays) {
  StageLimit l = Limit("prosecution_review", "2026-01-31");
  EXPECT_EQ(l.deadline, D("2026-02-28"));
  EXPECT_EQ(l.extension, Period::Days(15));
  EXPECT_EQ(l.extended_deadline, D("2026-03-15"));
  l = Limit("prosecution_review", "2026-03-10");
  EXPECT_EQ(l.deadline, D("2026-04-10"));
  EXPECT_EQ(l.extended_deadline, D("2026-04-25"));
}

TEST(Custody, FirstInstanceThreeMonthsThenThreeMore) {
  StageLimit l = Limit("first_instance", "2026-01-15");
  EXPECT_EQ(l.period, Period::Months(3));
  EXPECT_EQ(l.deadline, D("2026-04-15"));
  EXPECT_EQ(l.extended_deadline, D("2026-07-15"));
  // Chained (02-28 is a month end → 05-31) and cumulative (05-29) differ: the later is used.
  l = Limit("first_instance", "2025-11-29");
  EXPECT_EQ(l.deadline, D("2026-02-28"));
  EXPECT_EQ(l.extended_deadline, D("2026-05-31"));
}

TEST(Custody, SecondInstanceTwoMonthsThenTwoMore) {
  StageLimit l = Limit("second_instance", "2026-03-31");
  EXPECT_EQ(l.deadline, D("2026-05-31"));
  EXPECT_EQ(l.extended_deadline, D("2026-07-31"));
  EXPECT_EQ(l.extension, Period::Months(2));
}

TEST(Custody, AwaitingDeliveryTenDaysThenOneMonth) {
  StageLimit l = Limit("awaiting_delivery", "2026-01-21");
  EXPECT_EQ(l.from, D("2026-01-31"));
  EXPECT_EQ(l.deadline, D("2026-02-28"));
  EXPECT_EQ(l.rule, "JX-DELIV-02");
  EXPECT_FALSE(l.extended_deadline.has_value());
  EXPECT_EQ(Limit("awaiting_delivery", "2026-03-01").deadline, D("2026-04-11"));
}

TEST(Custody, ServingInCentreHasNoStageLimit) {
  StageLimit l = Limit("serving_in_center", "2026-01-21");
  EXPECT_FALSE(l.deadline.has_value());
  EXPECT_FALSE(l.extended_deadline.has_value());
  EXPECT_EQ(l.rule, "JX-DELIV-03");
}

TEST(Custody, InvestigationChainedAndCumulative) {
  ChainedDeadline c = InvestigationDeadline(D("2026-02-27"), 0);
  EXPECT_EQ(c.chained, D("2026-04-27"));
  EXPECT_FALSE(c.ambiguous());
  c = InvestigationDeadline(D("2026-02-27"), 1);
  EXPECT_EQ(c.chained, D("2026-05-27"));
  EXPECT_EQ(c.cumulative, D("2026-05-27"));
  c = InvestigationDeadline(D("2026-01-10"), 3);
  EXPECT_EQ(c.chained, D("2026-08-10"));
  EXPECT_EQ(c.cumulative, D("2026-08-10"));
  // 12-30 → 02-28 (a month end) → 03-31 chained; 03-30 cumulative.
  c = InvestigationDeadline(D("2025-12-30"), 1);
  EXPECT_EQ(c.chained, D("2026-03-31"));
  EXPECT_EQ(c.cumulative, D("2026-03-30"));
  EXPECT_TRUE(c.ambiguous());
  // Out of range: clamped to 0..3.
  EXPECT_EQ(InvestigationDeadline(D("2026-01-10"), 5).chained, D("2026-08-10"));
  EXPECT_EQ(InvestigationDeadline(D("2026-01-10"), -1).chained, D("2026-03-10"));
}

TEST(Custody, ProtractedAfterFiveYears) {
  EXPECT_EQ(ProtractedCustodyFrom(D("2021-03-15")), D("2026-03-15"));
  EXPECT_EQ(ProtractedCustodyFrom(D("2020-02-29")), D("2025-02-28"));
  EXPECT_EQ(Number(N::kProtractedCustody).rule, "JX-CUST-04");
}

TEST(Custody, ServeInCentreThreeMonthBoundary) {
  // Delivered 2026-01-10: remainder up to 2026-04-10 (the release day) is inside.
  EXPECT_EQ(ServeInCentre(D("2026-01-10"), D("2026-04-08")), CentreServe::kAllowed);
  EXPECT_EQ(ServeInCentre(D("2026-01-10"), D("2026-04-09")), CentreServe::kBoundary);
  EXPECT_EQ(ServeInCentre(D("2026-01-10"), D("2026-04-10")), CentreServe::kNotAllowed);
  EXPECT_EQ(ServeInCentre(D("2025-11-30"), D("2026-02-27")), CentreServe::kBoundary);
}

// ---- §9 ----

TEST(Points, NoNationalRuleBefore20211001) {
  EXPECT_FALSE(PointsRulesOn(D("2021-09-30")).has_value());
  EXPECT_FALSE(PointsRulesOn(D("2021-09-01"), true).has_value());
}

TEST(Points, CapIsFiftyFromOctober2021) {
  for (const char* day : {"2021-10-01", "2021-10-31", "2026-06-15"}) {
    std::optional<PointsRules> r = PointsRulesOn(D(day));
    ASSERT_TRUE(r.has_value()) << day;
    EXPECT_EQ(r->part_count, 3);
    EXPECT_DOUBLE_EQ(r->base_total, 100);
    EXPECT_DOUBLE_EQ(r->parts[0].bonus_cap, 17.5);
    EXPECT_DOUBLE_EQ(r->parts[1].bonus_cap, 17.5);
    EXPECT_DOUBLE_EQ(r->parts[2].bonus_cap, 15);
    EXPECT_DOUBLE_EQ(r->monthly_bonus_cap, 50);
    EXPECT_DOUBLE_EQ(r->warning, 100);
    EXPECT_DOUBLE_EQ(r->demerit, 200);
    EXPECT_DOUBLE_EQ(r->confinement, 400);
    EXPECT_EQ(r->citation, "司规〔2021〕3号");
  }
}

TEST(Points, UnableToWorkTwoPartsOfFifty) {
  std::optional<PointsRules> r = PointsRulesOn(D("2022-03-01"), true);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->part_count, 2);
  EXPECT_DOUBLE_EQ(r->parts[0].base, 50);
  EXPECT_DOUBLE_EQ(r->parts[0].bonus_cap, 25);
  EXPECT_DOUBLE_EQ(r->parts[1].bonus_cap, 25);
  EXPECT_DOUBLE_EQ(r->base_total, 100);
  EXPECT_DOUBLE_EQ(r->monthly_bonus_cap, 50);
}

// ---- §10 ----

TEST(Labour, DefaultsAreTheUnconfirmedRule) {
  const LabourLimits l = DefaultLabourLimits();
  EXPECT_DOUBLE_EQ(l.day_hours, 8);
  EXPECT_DOUBLE_EQ(l.week_hours, 48);
  EXPECT_DOUBLE_EQ(l.juvenile_day_hours, 4);
  EXPECT_DOUBLE_EQ(l.juvenile_week_hours, 24);
  EXPECT_EQ(l.min_rest_days_per_week, 1);
}

// ---- §11 ----

TEST(Property, FilingSevenDaysFrom20141106) {
  EXPECT_FALSE(PropertyFilingDeadline(D("2014-11-05")).has_value());
  std::optional<Deadline> d = PropertyFilingDeadline(D("2014-11-06"));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->date, D("2014-11-13"));
  EXPECT_EQ(d->rule, "JX-FIN-02");
  EXPECT_EQ(PropertyFilingDeadline(D("2025-12-28"))->date, D("2026-01-04"));
}

TEST(Property, ExecutionSixMonths) {
  EXPECT_FALSE(PropertyExecutionDeadline(D("2014-11-05")).has_value());
  EXPECT_EQ(PropertyExecutionDeadline(D("2014-11-06"))->date, D("2015-05-06"));
  EXPECT_EQ(PropertyExecutionDeadline(D("2015-08-31"))->date, D("2016-02-29"));  // leap
  EXPECT_EQ(PropertyExecutionDeadline(D("2015-08-31"))->rule, "JX-FIN-03");
}

// ---- §12 ----

TEST(CompulsoryMedical, ServedWithinFiveDays) {
  const Deadline d = CompulsoryMedicalServeDeadline(D("2026-06-28"));
  EXPECT_EQ(d.date, D("2026-07-03"));
  EXPECT_EQ(d.rule, "JX-QZYL-01");
  EXPECT_EQ(CompulsoryMedicalServeDeadline(D("2028-02-26")).date, D("2028-03-02"));  // leap
}

TEST(ResidenceSurveillance, SixMonths) {
  EXPECT_EQ(ResidenceSurveillanceEnd(D("2026-08-31")).date, D("2027-02-28"));
  EXPECT_EQ(ResidenceSurveillanceEnd(D("2026-01-15")).date, D("2026-07-15"));
  EXPECT_EQ(ResidenceSurveillanceEnd(D("2026-01-15")).rule, "JX-ZJJ-01");
}

// ---- §7–§12 rule rows ----

TEST(SupervisionRules, ModelsDecideWhatTheMappingSays) {
  const std::pair<const char*, const char*> kMapping[] = {
      {"JX-PTS-02", "M09"}, {"JX-PTS-04", "M09"},  {"JX-LAB-02", "M11"},  {"JX-ZJ-09", "M12"},
      {"JX-ZJ-10", "M12"},  {"JX-CC-01", "M13"},   {"JX-CC-03", "M14"},   {"JX-CC-14", "M15"},
      {"JX-CC-14", "M16"},  {"JX-KSS-01", "M18"},  {"JX-ZJ-11", "M18"},   {"JX-FIN-02", "M19"},
      {"JX-FIN-07", "M20"}, {"JX-CUST-01", "M21"}, {"JX-QZYL-01", "M25"},
  };
  for (const auto& [id, model] : kMapping) {
    const Rule* r = FindRule(id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_NE(r->model.find(model), std::string_view::npos) << id << " " << model;
    EXPECT_NE(r->coverage, Coverage::kNotYet) << id;
    EXPECT_NE(r->gap.find(model), std::string_view::npos) << id << ": gap names the model";
  }
}

TEST(SupervisionRules, ModelColumnIsWellFormed) {
  const std::regex model_re("M[0-9]{2}(、M[0-9]{2})*");
  for (const Rule& r : AllRules()) {
    if (r.model.empty()) continue;
    EXPECT_TRUE(std::regex_match(std::string(r.model), model_re)) << r.id << " " << r.model;
    EXPECT_FALSE(r.gap.empty()) << r.id;
  }
  for (const Rule& r : AllRules()) {
    if (r.coverage != Coverage::kDecided && r.coverage != Coverage::kPartial) {
      EXPECT_FALSE(r.gap.empty()) << r.id << ": a rule not decided says why";
    }
  }
}

}  // namespace
}  // namespace zj::law
