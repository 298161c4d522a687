// The quantities table (`Q`) and the date functions of law/supervision.h. Periods come from
// the `N` rows of rulebook.cc; nothing here writes a legal number except the `Q` rows.

#include "law/supervision.h"

#include <algorithm>
#include <array>
#include <string>

namespace zj::law {
namespace {

// Days since 1970-01-01 of a civil date, at compile time (as in rulebook.cc).
constexpr Date Civil(int y, int m, int d) { return Date::FromDays(DaysFromCivil(y, m, d)); }

constexpr Date kPts2021 = Civil(2021, 10, 1);      // 司规〔2021〕3号
constexpr Date kAbsence2026 = Civil(2026, 2, 21);  // 司发通〔2026〕8号

constexpr std::string_view kPts = "司规〔2021〕3号";
constexpr std::string_view kLab = "司法部《关于罪犯劳动工时的规定》";

// clang-format off
constexpr LawQuantity kQuantities[] = {
    {Q::kPointsBaseSupervision, 35, "分", "JX-PTS-01", "司规〔2021〕3号 第10–13条", "月度基础分：监管改造", false, kPts2021},
    {Q::kPointsBaseEducation, 35, "分", "JX-PTS-01", "司规〔2021〕3号 第10–13条", "月度基础分：教育和文化改造", false, kPts2021},
    {Q::kPointsBaseLabour, 30, "分", "JX-PTS-01", "司规〔2021〕3号 第10–13条", "月度基础分：劳动改造", false, kPts2021},
    {Q::kPointsBaseUnableSupervision, 50, "分", "JX-PTS-01", "司规〔2021〕3号 第20条", "丧失劳动能力的罪犯：监管改造基础分", false, kPts2021},
    {Q::kPointsBaseUnableEducation, 50, "分", "JX-PTS-01", "司规〔2021〕3号 第20条", "丧失劳动能力的罪犯：教育和文化改造基础分", false, kPts2021},
    {Q::kPointsBonusShare, 0.5, "%", "JX-PTS-02", "司规〔2021〕3号 第10–13条", "各部分月度日常加分不超过该部分基础分的比例（合计五十分）", false, kPts2021},
    {Q::kPointsSpecialPerEvent, 100, "分", "JX-PTS-03", "司规〔2021〕3号 第14条", "专项加分每次上限", false, kPts2021},
    {Q::kPointsSpecialPerYear, 300, "分", "JX-PTS-03", "司规〔2021〕3号 第14条", "专项加分每年原则上限（第(1)–(5)项不受限）", false, kPts2021},
    {Q::kPointsWarning, 100, "分", "JX-PTS-04", "司规〔2021〕3号 第15条", "受警告扣分", false, kPts2021},
    {Q::kPointsDemerit, 200, "分", "JX-PTS-04", "司规〔2021〕3号 第15条", "受记过扣分", false, kPts2021},
    {Q::kPointsConfinement, 400, "分", "JX-PTS-04", "司规〔2021〕3号 第15条", "受禁闭扣分（禁闭期间基础分为零）", false, kPts2021},
    {Q::kPointsCycle, 600, "分", "JX-PTS-05", "司规〔2021〕3号 第4条、第38条", "每满此分数为一个考核周期", false, kPts2021},
    {Q::kLabourDayHours, 8, "小时", "JX-LAB-02", kLab, "罪犯每日劳动时间", true},
    {Q::kLabourWeekHours, 48, "小时", "JX-LAB-02", kLab, "罪犯平均每周劳动时间", true},
    {Q::kJuvenileDayHours, 4, "小时", "JX-LAB-02", kLab, "未成年犯每日劳动时间", true},
    {Q::kJuvenileWeekHours, 24, "小时", "JX-LAB-02", kLab, "未成年犯每周劳动时间", true},
    {Q::kRestDaysPerWeek, 1, "日", "JX-LAB-02", kLab, "每周至少休息日数", true},
    {Q::kAbsenceHours, 48, "小时", "JX-CC-14", "司发通〔2026〕8号", "失联、未经批准离开、请假逾期未归超过此时长为脱管", true, kAbsence2026},
    {Q::kRevocationArrestHours, 48, "小时", "JX-CC-10", "社区矫正法 第47条", "法院对提请撤销时的逮捕作出决定"},
    {Q::kRsdlFamilyNoticeHours, 24, "小时", "JX-ZJJ-01", "刑事诉讼法 第75条", "指定居所监视居住后通知家属（无法通知的除外）"},
};
// clang-format on

static_assert(std::size(kQuantities) == static_cast<size_t>(Q::kCount),
              "every law::Q has exactly one row");

constexpr bool QuantitiesInOrder() {
  for (size_t i = 0; i < std::size(kQuantities); ++i) {
    if (static_cast<size_t>(kQuantities[i].name) != i) return false;
  }
  return true;
}
static_assert(QuantitiesInOrder(), "kQuantities rows follow the order of law::Q");

double V(Q q) { return Quantity(q).value; }

Deadline After(Date from, N name) {
  const LawNumber& n = Number(name);
  return {CorrespondingDay(from, n.value), from, n.value, n.rule, n.citation};
}

// Months-and-days extension counted both ways (JX-CONV-02, UNCONFIRMED #4); the later day.
Date LaterOfChainedAndCumulative(Date start, Period base, Period ext) {
  const Date chained = CorrespondingDay(CorrespondingDay(start, base), ext);
  const Date cumulative = CorrespondingDay(
      start, Period{0, base.total_months() + ext.total_months(), base.days + ext.days});
  return std::max(chained, cumulative);
}

constexpr std::string_view kStages[] = {
    "criminal_detention_7", "criminal_detention_30", "investigation",      "investigation_ext1",
    "investigation_ext2",   "investigation_ext3",    "prosecution_review", "first_instance",
    "second_instance",      "awaiting_delivery",     "serving_in_center",
};

}  // namespace

const LawQuantity& Quantity(Q name) { return kQuantities[static_cast<size_t>(name)]; }
std::span<const LawQuantity> AllQuantities() { return kQuantities; }

// ---- §7 ----

Deadline ReportDeadline(Date effective) { return After(effective, N::kReportDays); }

AbsenceThreshold AbsenceThresholdOn(Date on) {
  const LawQuantity& h48 = Quantity(Q::kAbsenceHours);
  const Period revocation = P(N::kAbsenceRevocation);
  if (h48.InForceOn(on)) {
    const int hours = static_cast<int>(h48.value);
    return {int64_t{hours} * 3600,
            hours,
            true,
            h48.rule,
            h48.citation,
            "自2026-02-21起，无正当理由失联、未经批准离开所居住市县、请假逾期未归超过四十八小时的，"
            "认定为脱管（司发通〔2026〕8号，文本只见单一来源，未经核实）",
            revocation};
  }
  const LawNumber& warn = Number(N::kAbsenceWarning);
  const int hours = warn.value.days * 24;
  return {int64_t{hours} * 3600,
          hours,
          false,
          warn.rule,
          warn.citation,
          "2026-02-21前没有全国统一的脱管时长标准，以脱离监管超过十日（应予警告）为界；"
          "超过一个月的应提请撤销缓刑、假释",
          revocation};
}

LeaveRules LeaveRulesOn(Date leave_start) {
  const LawNumber& sub2020 = Number(N::kLeaveSubOfficeMax);
  if (sub2020.InForceOn(leave_start)) {
    return {P(N::kLeaveApplyAhead),        sub2020.value,
            P(N::kLeaveCountyMax),         P(N::kLeaveCumulativeWindow),
            P(N::kLeaveCumulativeMax),     sub2020.rule,
            "社区矫正法实施办法 第26–28条"};
  }
  const LawNumber& sub2012 = Number(N::kLeave2012SubOfficeMax);
  return {std::nullopt, sub2012.value, P(N::kLeave2012TotalMax), std::nullopt,
          std::nullopt, sub2012.rule,  sub2012.citation};
}

Deadline MedicalReviewDue(Date previous) { return After(previous, N::kMedicalReview); }

Deadline RecommitDue(Date review, const Options& o) {
  const Period p = Period::Days(o.recommit_days);
  return {CorrespondingDay(review, p), review, p, "JX-ZJ-10",
          "社区矫正法 第49条（参数 recommit_days）"};
}

// ---- §8 ----

std::span<const std::string_view> CustodyStages() { return kStages; }

Result<StageLimit> CustodyStageLimit(std::string_view stage, Date stage_start) {
  StageLimit l;
  l.stage = stage;
  l.from = stage_start;
  l.rule = "JX-CUST-01";
  auto base = [&](N name) {
    const LawNumber& n = Number(name);
    l.period = n.value;
    l.citation = n.citation;
    l.deadline = CorrespondingDay(l.from, n.value);
  };
  // An extension counted from the stage start, the later of chained and cumulative counting.
  auto extend = [&](N name) {
    l.extension = P(name);
    l.extended_deadline = LaterOfChainedAndCumulative(l.from, l.period, l.extension);
  };

  if (stage == "criminal_detention_7" || stage == "criminal_detention_30") {
    base(stage == "criminal_detention_7" ? N::kCriminalDetention : N::kCriminalDetentionLong);
    l.extension = P(N::kArrestReview);
    l.extended_deadline = *l.deadline + l.extension.days;
    l.note = stage == "criminal_detention_7"
                 ? "刑事拘留后三日内提请批准逮捕，特殊情况延长一至四日，自拘留之日起七日届满；"
                   "已提请批准逮捕的，检察院在其后七日内作出决定"
                 : "流窜作案、多次作案、结伙作案的重大嫌疑分子，提请批准逮捕的时间延长至三十日；"
                   "已提请批准逮捕的，检察院在其后七日内作出决定";
  } else if (stage == "investigation") {
    base(N::kInvestigation);
    l.note = "逮捕后的侦查羁押期限为二个月，按对应日计算；延长的各阶段另行登记";
  } else if (stage == "investigation_ext1" || stage == "investigation_ext2" ||
             stage == "investigation_ext3") {
    base(stage == "investigation_ext1"   ? N::kInvestigationExt1
         : stage == "investigation_ext2" ? N::kInvestigationExt2
                                         : N::kInvestigationExt3);
    l.chain_ambiguous = true;
    l.note =
        "延长的期限自本阶段起算日按对应日计算（连续计算）；与自逮捕之日累计计算的结果"
        "可能在月末相差，RULEBOOK 未定（未经核实），两者不一致时列为需人工审查";
  } else if (stage == "prosecution_review") {
    base(N::kProsecutionReview);
    extend(N::kProsecutionReviewExt);
    l.note =
        "审查起诉期限为一个月，重大、复杂的案件可延长十五日；退回补充侦查后重新计算，"
        "速裁程序期限更短（十日至十五日，交换规范 v1 不区分）";
  } else if (stage == "first_instance") {
    base(N::kFirstInstance);
    extend(N::kFirstInstanceExt);
    l.note =
        "一审公诉案件二个月以内宣判，至迟不超过三个月，三个月以内无需上级批准；"
        "经上一级法院批准可延长三个月，再延长须报最高法批准（无固定期限）";
  } else if (stage == "second_instance") {
    base(N::kSecondInstance);
    extend(N::kSecondInstanceExt);
    l.note = "二审期限为二个月，经高级法院批准可延长二个月，再延长须报最高法批准（无固定期限）";
  } else if (stage == "awaiting_delivery") {
    const LawNumber& docs = Number(N::kDocumentsDays);
    const LawNumber& deliv = Number(N::kDeliveryPeriod);
    l.from = stage_start + docs.value.days;
    l.period = deliv.value;
    l.deadline = CorrespondingDay(l.from, deliv.value);
    l.rule = deliv.rule;
    l.citation = "刑事诉讼法 第264条；监狱法 第15条";
    l.note =
        "本阶段自判决生效之日起算：法院在十日内送达执行文书，公安机关自收到文书之日起"
        "一个月内交付执行";
  } else if (stage == "serving_in_center") {
    const LawNumber& centre = Number(N::kServeInCentreMax);
    l.period = centre.value;
    l.rule = centre.rule;
    l.citation = centre.citation;
    l.note =
        "留所服刑没有阶段期限：交付执行时余刑是否在三个月以内由 JX-DELIV-03 审查"
        "（law::ServeInCentre），释放日由刑期决定";
  } else {
    return Status(StatusCode::kInvalidArgument,
                  "未知的羁押阶段代码“" + std::string(stage) + "”（见交换规范 detention_stage）");
  }
  return l;
}

ChainedDeadline InvestigationDeadline(Date arrest, int extensions) {
  static constexpr N kExt[] = {N::kInvestigationExt1, N::kInvestigationExt2, N::kInvestigationExt3};
  const int n = std::clamp(extensions, 0, 3);
  Period total = P(N::kInvestigation);
  Date chained = CorrespondingDay(arrest, total);
  for (int i = 0; i < n; ++i) {
    const Period ext = P(kExt[i]);
    chained = CorrespondingDay(chained, ext);
    total = Period{0, total.total_months() + ext.total_months(), total.days + ext.days};
  }
  return {chained, CorrespondingDay(arrest, total)};
}

Date ProtractedCustodyFrom(Date custody_start) {
  return CorrespondingDay(custody_start, P(N::kProtractedCustody));
}

CentreServe ServeInCentre(Date delivery, Date term_end) {
  const Date limit = CorrespondingDay(delivery, P(N::kServeInCentreMax));
  const Date released_by = term_end + 1;
  if (released_by > limit) return CentreServe::kNotAllowed;
  if (released_by == limit) return CentreServe::kBoundary;
  return CentreServe::kAllowed;
}

// ---- §9 ----

std::optional<PointsRules> PointsRulesOn(Date month_start, bool unable_to_work) {
  const Date first = month_start - (month_start.day() - 1);
  const LawQuantity& share = Quantity(Q::kPointsBonusShare);
  if (!share.InForceOn(first)) return std::nullopt;
  PointsRules r{};
  auto part = [&](std::string_view name, Q q) {
    return PointsRules::Part{name, V(q), V(q) * share.value};
  };
  if (unable_to_work) {
    r.parts = {part("监管改造", Q::kPointsBaseUnableSupervision),
               part("教育和文化改造", Q::kPointsBaseUnableEducation), PointsRules::Part{}};
    r.part_count = 2;
  } else {
    r.parts = {part("监管改造", Q::kPointsBaseSupervision),
               part("教育和文化改造", Q::kPointsBaseEducation),
               part("劳动改造", Q::kPointsBaseLabour)};
    r.part_count = 3;
  }
  for (int i = 0; i < r.part_count; ++i) {
    r.base_total += r.parts[i].base;
    r.monthly_bonus_cap += r.parts[i].bonus_cap;
  }
  r.warning = V(Q::kPointsWarning);
  r.demerit = V(Q::kPointsDemerit);
  r.confinement = V(Q::kPointsConfinement);
  r.citation = kPts;
  return r;
}

// ---- §10 ----

LabourLimits DefaultLabourLimits() {
  return {V(Q::kLabourDayHours), V(Q::kLabourWeekHours), V(Q::kJuvenileDayHours),
          V(Q::kJuvenileWeekHours), static_cast<int>(V(Q::kRestDaysPerWeek))};
}

// ---- §11 ----

std::optional<Deadline> PropertyFilingDeadline(Date transferred) {
  if (!Number(N::kPropertyFilingDays).InForceOn(transferred)) return std::nullopt;
  return After(transferred, N::kPropertyFilingDays);
}

std::optional<Deadline> PropertyExecutionDeadline(Date filed) {
  if (!Number(N::kPropertyExecution).InForceOn(filed)) return std::nullopt;
  return After(filed, N::kPropertyExecution);
}

// ---- §12 ----

Deadline CompulsoryMedicalServeDeadline(Date decision) { return After(decision, N::kCmServeDays); }

Deadline ResidenceSurveillanceEnd(Date start) { return After(start, N::kRsdlMax); }

}  // namespace zj::law
