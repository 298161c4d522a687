// Law family: M01–M08, M12, M22, M23 in one pass. Every sentence of the store is streamed
// as a law::Case (models::ForEachCase) and judged by the law engine (law::Judge); each
// finding of the engine that says `violation` or `warning` is mapped onto one model by what
// it is about (its law::Msg, which fixes its rule ID):
//
//   M01 减刑起始时间不足      JX-START-01..07, JX-LEG2012 (start), JX-TERM-05 (死缓 reduced
//                            before the 2 years ran out), JX-NEWCRIME-01
//   M02 减刑间隔不足          JX-INTV-01..05, JX-CAP-07 (interval), JX-LEG2012 (interval)
//   M03 减刑幅度超限          JX-CAP-01..07 (cap; life/死缓 → fixed term out of range),
//                            JX-TERM-05 (死缓 → 25 years without 重大立功), JX-PROB-01,
//                            JX-LEG2012 (cap); JX-CAP-02 "not stricter" is a warning
//   M04 实际执行刑期低于下限   JX-FLOOR-01..04; JX-FLOOR-05 on a commutation
//   M05 假释条件不符          JX-PAROLE-01..06, JX-PAROLE-08 (warning); JX-FLOOR-05 on a parole
//   M06 刑期计算错误          JX-CONV-01 (judgment end: key sentence_id; end after a
//                            commutation: key change_id), JX-TERM-05 (end of a converted
//                            term), JX-TERM-07 (parole probation end), JX-TERM-01..04 (credit)
//   M07 刑满未释放/提前释放    JX-TERM-10 (released early as 其他释放: warning)
//   M08 有履行能力未履行财产性判项仍按一般罪犯减刑
//                            JX-PROP-02 on a commutation, and every finding that exists only
//                            because the engine inferred ability to pay from prison spending
//                            (JX-PROP-03): the case is judged a second time with
//                            `able_to_pay = false`, and what the stricter 第7条 regime adds
//                            (JX-START-02, JX-INTV-03, JX-CAP-02) belongs to M08, while M01–M04
//                            and M06 take that change's findings from the second judgment (so
//                            a proposal earlier than even the ordinary start time is M01 too).
//                            When the sentence carries the `unpaid_property` category (the
//                            court's or prison's own finding) nothing is inferred: the stricter
//                            rules are the rules in force (M01–M03) and M08 has JX-PROP-02 only
//   M12 病情复查逾期/条件消失未收监
//                            JX-ZJ-09 (one finding per missed due date), JX-ZJ-10;
//                            key (correction_id of the temp_release correction, due)
//   M22 应收未收/交付执行超期  JX-DELIV-02 (and JX-DELIV-01, whose 10 days are part of the
//                            deadline); org = the sentencing court
//   M23 留所服刑违规          JX-DELIV-03; key = the person's `serving_in_center` detention
//                            row nearest the delivery (no such row → no finding)
//
// Severity: `violation` → high; `warning` (discretionary rules, "一般", "从严掌握", texts in
// conflict) → medium. `missing` (a fact the rule needs is absent: data completeness, listed
// by `zhijian law scan`), `info`, and JX-LEG1997 "regime unconfirmed" make no finding. Engine
// findings outside these models (JX-ZJ-01/04 temporary-release eligibility, JX-COURT-*/
// JX-PROS-* procedure, JX-TERM-02/03/06 judgment ranges) make none either.
// Several engine findings on one change (or sentence) for one model merge into one finding:
// summary and facts from the worst one (the others' facts nested under their rule ID),
// basis = every rule.
//
// Organisations (finding org_id): a change — its proposing_org_id (the prison that proposed),
// else the facility holding the person on the act date; a sentence (M06, M07) — the facility
// holding the person on the day that matters (release day, else as-of), from custody_events;
// M12 — the correction office; M22 — the court; M23 — the detention centre.
//
// Parameters: M08 ability_spending / ability_window_months → law::Options for the inference
// (JX-PROP-03; M05's JX-PAROLE-05 uses the same inference), M12 recommit_days (empty = the law
// engine's default). Values are read for the org of each change (jurisdiction settings): a
// case whose changes fall under different settings is judged once per distinct setting.
//
// Thread-safe: the pass is immutable; a run has one part (ForEachCase is one stream).

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/money.h"
#include "common/period.h"
#include "law/explain.h"
#include "law/judge.h"
#include "models/law_cases.h"
#include "models/registry.h"

namespace zj::models {
namespace {

using law::Msg;
using nlohmann::json;

enum Model : int { kM01, kM02, kM03, kM04, kM05, kM06, kM07, kM08, kM12, kM22, kM23, kModels };
constexpr std::array<std::string_view, kModels> kIds = {"M01", "M02", "M03", "M04", "M05", "M06",
                                                        "M07", "M08", "M12", "M22", "M23"};

// ---------------------------------------------------------------------------------------
// Specs

// What models::ForEachCase reads (law_cases.cc Readers()).
std::vector<TableNeed> WithCaseInputs(std::vector<TableNeed> extra) {
  std::vector<TableNeed> needs = {
      {"persons", {"person_id", "gender", "birth_date"}},
      {"sentences",
       {"person_id", "sentence_id", "penalty", "term_months", "probation_months", "judgment_date",
        "effective_date", "term_start", "term_end", "custody_credit_days", "categories", "crimes",
        "fine", "confiscation", "restitution"}},
      {"term_changes",
       {"person_id", "sentence_id", "change_id", "change_type", "basis", "proposal_date",
        "decision_date", "effective_date", "reduction_months", "reduction_days", "new_term_end",
        "new_penalty", "new_term_months", "probation_end", "reason_text", "procuratorate_opinion",
        "opinion_date"}},
      {"custody_events", {"person_id", "event", "date", "facility_org_id"}},
      {"orgs", {"org_id", "org_type"}},
      {"property_cases", {"person_id", "exec_id", "sentence_id", "amount_due", "status"}},
      {"property_payments", {"exec_id", "date", "amount"}},
      {"accounts", {"person_id", "month", "deposits", "spending", "balance"}},
      {"medical_reviews", {"person_id", "date", "conclusion"}},
  };
  // ForEachCase reads these from the store itself; custody events and property cases are
  // also read as frames (org of a finding, M08's execution case), so those are loaded.
  for (TableNeed& n : needs) {
    n.streamed = n.table != "custody_events" && n.table != "property_cases";
  }
  needs.insert(needs.end(), extra.begin(), extra.end());
  return needs;
}

const TableNeed kProposingOrg{"term_changes", {"change_id", "proposing_org_id"}};
const TableNeed kCourtOrg{"sentences", {"sentence_id", "court_org_id"}};

std::vector<ModelSpec> MakeSpecs() {
  std::vector<ModelSpec> s(kModels);
  s[kM01] = {.id = kIds[kM01],
             .name = "减刑起始时间不足",
             .key = {"change_id"},
             .summary =
                 "减刑（含无期徒刑、死缓的减刑）提请早于行为时有效规定允许的起始时间：自交付"
                 "执行、撤销假释后收监或死缓期满之日起算，按原判刑期、罪犯类别确定；依狱内消费"
                 "推定有履行能力、因而应从严计算起始时间的，归入M08",
             .inputs = WithCaseInputs({kProposingOrg, kCourtOrg}),
             .params = {},
             .basis = {"JX-START-01", "JX-START-02", "JX-START-03", "JX-START-04", "JX-START-05",
                       "JX-START-06", "JX-START-07", "JX-CAP-05", "JX-LEG2012", "JX-TERM-05",
                       "JX-NEWCRIME-01"},
             .version = 1};
  s[kM02] = {.id = kIds[kM02],
             .name = "减刑间隔不足",
             .key = {"change_id"},
             .summary = "本次减刑提请距上次减刑裁定生效不足法定间隔，或少于上次减刑的幅度",
             .inputs = WithCaseInputs({kProposingOrg, kCourtOrg}),
             .params = {},
             .basis = {"JX-INTV-01", "JX-INTV-02", "JX-INTV-03", "JX-INTV-04", "JX-INTV-05",
                       "JX-CAP-07", "JX-LEG2012"},
             .version = 1};
  s[kM03] = {.id = kIds[kM03],
             .name = "减刑幅度超限",
             .key = {"change_id"},
             .summary =
                 "一次减刑超过减刑理由和罪犯类别对应的幅度上限，或无期徒刑、死缓减为有期徒刑的"
                 "刑期不在法定范围，或缓刑罪犯无重大立功而减刑；从严罪犯按一般罪犯上限减刑的列为"
                 "需人工审查",
             .inputs = WithCaseInputs({kProposingOrg, kCourtOrg}),
             .params = {},
             .basis = {"JX-CAP-01", "JX-CAP-02", "JX-CAP-03", "JX-CAP-04", "JX-CAP-05", "JX-CAP-06",
                       "JX-CAP-07", "JX-TERM-05", "JX-PROB-01", "JX-LEG2012"},
             .version = 1};
  s[kM04] = {.id = kIds[kM04],
             .name = "减刑后实际执行刑期低于下限",
             .key = {"change_id"},
             .summary =
                 "减刑（含本次）后罪犯实际执行的刑期低于刑法第七十八条的下限：有期徒刑原判刑期"
                 "二分之一，无期徒刑十三年，死缓十五年，限制减刑的死缓二十五年或二十年；终身监禁"
                 "罪犯减刑",
             .inputs = WithCaseInputs({kProposingOrg, kCourtOrg}),
             .params = {},
             .basis = {"JX-FLOOR-01", "JX-FLOOR-02", "JX-FLOOR-03", "JX-FLOOR-04", "JX-FLOOR-05"},
             .version = 1};
  s[kM05] = {
      .id = kIds[kM05],
      .name = "假释条件不符",
      .key = {"change_id"},
      .summary =
          "假释提请时实际执行刑期不足，或属依法不得假释的罪犯（累犯、严重暴力犯罪十年以上、"
          "确有履行能力而不履行财产性判项、终身监禁、拘役管制），或距上次减刑间隔不足；撤销"
          "假释后再假释列为需人工审查",
      .inputs = WithCaseInputs({kProposingOrg, kCourtOrg}),
      .params = {},
      .basis = {"JX-PAROLE-01", "JX-PAROLE-02", "JX-PAROLE-03", "JX-PAROLE-04", "JX-PAROLE-05",
                "JX-PAROLE-06", "JX-PAROLE-08", "JX-FLOOR-05", "JX-PROP-03", "JX-LEG2012"},
      .version = 1};
  s[kM06] = {.id = kIds[kM06],
             .name = "刑期计算错误",
             .key = {"sentence_id", "change_id"},
             .key_one_of = true,
             .summary =
                 "判决载明的刑期止日，或减刑裁定载明的减刑后刑期止日、无期死缓减为有期后的刑期"
                 "止日、假释考验期满日，与按刑期起日、刑期、折抵和此前刑期变动推算的不符（判决"
                 "以 sentence_id 为键，裁定以 change_id 为键）",
             .inputs = WithCaseInputs({kProposingOrg, kCourtOrg}),
             .params = {},
             .basis = {"JX-CONV-01", "JX-TERM-01", "JX-TERM-02", "JX-TERM-03", "JX-TERM-04",
                       "JX-TERM-05", "JX-TERM-07"},
             .version = 1};
  s[kM07] = {.id = kIds[kM07],
             .name = "刑满未释放 / 提前释放",
             .key = {"sentence_id"},
             .summary =
                 "刑期（脱逃期间不计入）届满次日之后仍在押或才释放；或在刑期届满前以刑满释放出监，"
                 "无假释、暂予监外执行等依据（以其他原因释放的列为需人工审查）",
             .inputs = WithCaseInputs({kCourtOrg}),
             .params = {},
             .basis = {"JX-TERM-10", "JX-TERM-08"},
             .version = 1};
  s[kM08] = {
      .id = kIds[kM08],
      .name = "有履行能力未履行财产性判项仍按一般罪犯减刑",
      .key = {"change_id"},
      .summary =
          "财产性判项尚未履行完毕，而提请前一段时间的狱内消费显示确有履行能力（推定），减刑却"
          "未按第7条从严罪犯的起始时间、间隔、幅度提请；或2024年5月1日以后对确有履行能力而"
          "不履行的罪犯提请减刑（一般不予减刑，列为需人工审查）",
      .inputs = WithCaseInputs({kProposingOrg, kCourtOrg}),
      .params = {{.name = "ability_spending",
                  .type = ParamType::kNumber,
                  .default_value = "3000",
                  .unit = "元",
                  .description = "提请前统计期内狱内消费达到此数（或达到尚未履行的财产性判项金额）"
                                 "的，推定确有履行能力而不履行财产性判项（法释〔2024〕5号第6条"
                                 "“明显超出监狱规定的消费标准”，数额由使用单位确定）；也用于假释"
                                 "（M05）的同一推定",
                  .rule = "",
                  .min = 0.01,
                  .max = 10000000},
                 {.name = "ability_window_months",
                  .type = ParamType::kInt,
                  .default_value = "12",
                  .unit = "月",
                  .description = "推定履行能力时统计狱内消费的月数（提请之月以前的月份）",
                  .rule = "",
                  .min = 1,
                  .max = 60}},
      .basis = {"JX-PROP-02", "JX-PROP-03", "JX-START-02", "JX-INTV-03", "JX-CAP-02"},
      .version = 1};
  s[kM12] = {
      .id = kIds[kM12],
      .name = "暂予监外执行病情复查逾期 / 条件消失未收监",
      .key = {"correction_id", "due"},
      .summary =
          "保外就医罪犯未按每三个月复查病情（每一个逾期的应复查日一条），或复查结论为不再"
          "符合保外就医条件后逾期未收监执行",
      .inputs = WithCaseInputs({kProposingOrg,
                                kCourtOrg,
                                {"corrections",
                                 {"correction_id", "person_id", "sentence_id", "correction_type",
                                  "office_org_id", "decision_effective_date", "start_date"}}}),
      .params = {{.name = "recommit_days",
                  .type = ParamType::kInt,
                  .default_value = "",
                  .unit = "日",
                  .description = "复查结论为不再符合保外就医条件后，应在多少日内收监执行（不设置"
                                 "则按法律计算引擎的默认值：社区矫正法第四十九条决定机关三十日"
                                 "内作出决定）",
                  .rule = "JX-ZJ-10",
                  .min = 1,
                  .max = 365}},
      .basis = {"JX-ZJ-09", "JX-ZJ-10"},
      .version = 1};
  s[kM22] = {.id = kIds[kM22],
             .name = "应收未收 / 交付执行超期",
             .key = {"sentence_id"},
             .summary =
                 "判处有期徒刑、无期徒刑、死缓、拘役的判决生效后，超过十日送达执行文书加一个月交付"
                 "执行的期限才交付执行，或截至数据日期仍未交付执行（管制、缓刑及交付前已决定暂予"
                 "监外执行的除外）",
             .inputs = WithCaseInputs({kCourtOrg,
                                       {"detentions",
                                        {"detention_id", "person_id", "facility_org_id", "stage",
                                         "stage_start", "released_date"}}}),
             .params = {},
             .basis = {"JX-DELIV-01", "JX-DELIV-02"},
             .version = 1};
  s[kM23] = {.id = kIds[kM23],
             .name = "留所服刑违规",
             .key = {"detention_id"},
             .summary =
                 "有期徒刑罪犯交付看守所执行时余刑超过三个月仍留所服刑（余刑恰为三个月的列为需人工"
                 "审查）",
             .inputs = WithCaseInputs(
                 {{"detentions",
                   {"detention_id", "person_id", "facility_org_id", "stage", "stage_start"}}}),
             .params = {},
             .basis = {"JX-DELIV-03"},
             .version = 1};
  return s;
}

// ---------------------------------------------------------------------------------------
// Formatting

std::string DateText(int64_t days) { return Date::FromDays(static_cast<int32_t>(days)).ToString(); }
Period PeriodOfValue(int64_t v) {
  return {0, static_cast<int>(v / 1000), static_cast<int>(v % 1000)};
}
std::string MonthsText(int64_t months) {
  return Period::Months(static_cast<int>(months)).ToChinese();
}
std::string Yuan(int64_t fen) { return Money{fen}.ToYuanString(); }

// Label style: dates YYYY-MM-DD, spans "1年6个月", days "218日", money "3000.00元".
std::string ValueText(const law::Value& v) {
  using K = law::Value::Kind;
  switch (v.kind) {
    case K::kDate:
      return DateText(v.v);
    case K::kDays:
      return std::to_string(v.v) + "日";
    case K::kMonths:
      return MonthsText(v.v);
    case K::kPeriod:
      return PeriodOfValue(v.v).ToChinese();
    case K::kFen:
      return Yuan(v.v) + "元";
    case K::kCount:
      return std::to_string(v.v);
    case K::kText:
      return std::string(v.text);
  }
  return "";
}

json ValueJson(const law::Value& v) {
  using K = law::Value::Kind;
  switch (v.kind) {
    case K::kDate:
      return DateText(v.v);
    case K::kDays:
    case K::kMonths:
    case K::kCount:
      return v.v;
    case K::kPeriod:
      return PeriodOfValue(v.v).ToChinese();
    case K::kFen:
      return Yuan(v.v);
    case K::kText:
      return std::string(v.text);
  }
  return nullptr;
}

json FactsOf(const law::Finding& f) {
  json j = json::object();
  for (int i = 0; i < f.value_count; ++i) j[std::string(f.values[i].name)] = ValueJson(f.values[i]);
  return j;
}

std::optional<int64_t> Num(const law::Finding& f, std::string_view name) {
  const law::Value* v = f.Find(name);
  if (!v) return std::nullopt;
  return v->v;
}

using Extras = std::vector<std::pair<std::string_view, std::string>>;

// Fills {name} from the finding's values, then from `extras`. nullopt when a name is missing.
std::optional<std::string> Fill(std::string_view tpl, const law::Finding& f, const Extras& extras) {
  std::string out;
  size_t i = 0;
  while (i < tpl.size()) {
    const size_t open = tpl.find('{', i);
    if (open == std::string_view::npos) {
      out.append(tpl.substr(i));
      break;
    }
    out.append(tpl.substr(i, open - i));
    const size_t close = tpl.find('}', open);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view name = tpl.substr(open + 1, close - open - 1);
    if (const law::Value* v = f.Find(name)) {
      out += ValueText(*v);
    } else {
      bool found = false;
      for (const auto& [k, text] : extras) {
        if (k == name) {
          out += text;
          found = true;
          break;
        }
      }
      if (!found) return std::nullopt;
    }
    i = close + 1;
  }
  return out;
}

std::string ChineseCount(int n) {
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return std::string(kDigits[n]);
  std::string s = n / 10 == 1 ? "" : std::string(kDigits[n / 10]);
  s += "十";
  if (n % 10) s += kDigits[n % 10];
  return s;
}

// EXCHANGE `penalty` code of a law penalty (facts speak the exchange's codes).
std::string_view PenaltyCode(law::Penalty p) {
  switch (p) {
    case law::Penalty::kSurveillance:
      return "surveillance";
    case law::Penalty::kCriminalDetention:
      return "criminal_detention";
    case law::Penalty::kFixedTerm:
      return "fixed_term";
    case law::Penalty::kLife:
      return "life";
    case law::Penalty::kDeathReprieve:
      return "death_reprieve";
    case law::Penalty::kDeathReprieveRestricted:
      return "death_reprieve_restricted";
  }
  return "";
}

bool IsReduction(law::ChangeType t) {
  return t == law::ChangeType::kCommutation || t == law::ChangeType::kLifeToFixed ||
         t == law::ChangeType::kReprieveToLife || t == law::ChangeType::kReprieveToFixed;
}

// ---------------------------------------------------------------------------------------
// Which model an engine finding belongs to (nullopt: none of this pass).

std::optional<Model> SentenceModel(const law::Finding& f) {
  switch (f.msg) {
    case Msg::kTermEndMismatch:
    case Msg::kCreditMismatch:
    case Msg::kCreditOddRsdl:
      return kM06;
    case Msg::kDeliveryLate:
    case Msg::kNotDelivered:
      return kM22;
    case Msg::kServeInCentreTooLong:
    case Msg::kServeInCentreBoundary:
      return kM23;
    case Msg::kNotReleased:
    case Msg::kReleasedEarly:
      return kM07;
    default:
      return std::nullopt;
  }
}

std::optional<Model> ChangeModel(const law::Finding& f, law::ChangeType type) {
  switch (f.msg) {
    case Msg::kStartTooEarly:
    case Msg::kReprieveReducedEarly:
    case Msg::kNewCrimeWait:
      return kM01;
    case Msg::kIntervalTooShort:
    case Msg::kIntervalBelowPrevious:
      return kM02;
    case Msg::kCapExceeded:
    case Msg::kCapNotStricter:
    case Msg::kConversionTerm:
    case Msg::kReprieveToFixedNoMerit:
      return kM03;
    case Msg::kNoCommutationAllowed:
      if (type == law::ChangeType::kParole) return kM05;
      return f.rule == "JX-FLOOR-05" ? kM04 : kM03;  // JX-PROB-01: no reduction allowed at all
    case Msg::kFloorBroken:
      return kM04;
    case Msg::kNewEndMismatch:
    case Msg::kConversionEndMismatch:
    case Msg::kParoleProbationEnd:
      return kM06;
    case Msg::kParoleTooEarly:
    case Msg::kParoleBarred:
    case Msg::kParoleNotForPenalty:
    case Msg::kParolePropertyUnpaid:
    case Msg::kParoleAfterCommutation:
    case Msg::kParoleAfterRevocation:
      return kM05;
    case Msg::kPropertyUnpaidCommuted:
      return kM08;
    case Msg::kReviewOverdue:
    case Msg::kNotRecommitted:
      return kM12;
    default:
      return std::nullopt;
  }
}

bool Reportable(const law::Finding& f) {
  return (f.severity == law::Severity::kViolation || f.severity == law::Severity::kWarning) &&
         f.msg != Msg::kMissingFact && f.msg != Msg::kUnconfirmedRegime;
}

bool SameFinding(const law::Finding& a, const law::Finding& b) {
  return a.rule == b.rule && a.msg == b.msg && a.severity == b.severity;
}

const law::Finding* FindMsg(std::span<const law::Finding> fs, Msg m) {
  for (const law::Finding& f : fs) {
    if (f.msg == m) return &f;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------
// The run

struct OptionsKey {
  int64_t ability_fen;
  int window;
  int recommit;
  bool operator==(const OptionsKey&) const = default;
};

class LawRun final : public PassRun {
 public:
  explicit LawRun(const RunContext& ctx);
  Status RunPart(int part, PassOutput& out) override;

 private:
  friend class CaseWork;
  bool Want(Model m) const { return want_[m]; }
  OptionsKey OptionsFor(int32_t org) const;
  // Facility (org dense id) holding `person` on `d`: the last custody event on or before `d`
  // (an admission wins over a departure on the same day); kNull32 if none.
  int32_t FacilityOn(int32_t person, Date d) const;
  std::string_view OrgText(int32_t org) const {
    return org == kNull32 || !orgs_ ? std::string_view() : orgs_->Text(org);
  }

  const RunContext& ctx_;
  std::array<bool, kModels> want_{};
  const IdDict* persons_ = nullptr;
  const IdDict* orgs_ = nullptr;
  // custody_events
  const Frame* events_ = nullptr;
  Groups events_by_person_;
  std::vector<bool> in_event_code_;  // by custody_event code index
  // term_changes / sentences
  const Frame* changes_ = nullptr;
  const IdDict* change_ids_ = nullptr;
  const Frame* sentences_ = nullptr;
  const IdDict* sentence_ids_ = nullptr;
  // corrections (M12)
  const Frame* corrections_ = nullptr;
  Groups corrections_by_person_;
  int32_t temp_release_code_ = -1;
  // detentions (M22, M23)
  const Frame* detentions_ = nullptr;
  Groups detentions_by_person_;
  int32_t serving_code_ = -1;
  // property_cases by sentence (M08 facts)
  const Frame* property_ = nullptr;
  Groups property_by_sentence_;
  // Parameters per org, and whether they differ anywhere from the global value.
  OptionsKey global_{};
  std::vector<OptionsKey> by_org_;
  bool uniform_ = true;
  bool window_param_set_ = false;   // cited as PARAM:ability_window_months
  std::vector<bool> recommit_set_;  // by org: PARAM:recommit_days set by a user
  bool recommit_set_global_ = false;
};

LawRun::LawRun(const RunContext& ctx) : ctx_(ctx) {
  for (int m = 0; m < kModels; ++m) want_[m] = ctx.Selected(kIds[m]);
  const Snapshot& data = *ctx.data;
  persons_ = &data.Ids("persons");
  orgs_ = &data.Ids("orgs");
  if (data.HasTable("custody_events")) {
    events_ = &data.Table("custody_events");
    if (events_->Has("facility_org_id") && events_->Has("event")) {
      events_by_person_ = Groups(events_->I32("person_id"), persons_->size());
      const domain::CodeList& codes = events_->Codes("event");
      in_event_code_.assign(codes.codes.size(), false);
      for (size_t i = 0; i < codes.codes.size(); ++i) {
        const std::string_view c = codes.codes[i].code;
        in_event_code_[i] = c == "admitted" || c == "transferred_in" || c == "recaptured";
      }
    } else {
      events_ = nullptr;
    }
  }
  if (data.HasTable("term_changes") && data.Table("term_changes").Has("proposing_org_id")) {
    changes_ = &data.Table("term_changes");
    change_ids_ = &data.Ids("term_changes");
  }
  if (data.HasTable("sentences") && data.Table("sentences").Has("court_org_id")) {
    sentences_ = &data.Table("sentences");
    sentence_ids_ = &data.Ids("sentences");
  }
  if (want_[kM12] && data.HasTable("corrections") &&
      data.Table("corrections").Has("correction_type")) {
    corrections_ = &data.Table("corrections");
    corrections_by_person_ = Groups(corrections_->I32("person_id"), persons_->size());
    temp_release_code_ = corrections_->Codes("correction_type").IndexOf("temp_release");
  }
  if ((want_[kM22] || want_[kM23]) && data.HasTable("detentions") &&
      data.Table("detentions").Has("stage")) {
    detentions_ = &data.Table("detentions");
    detentions_by_person_ = Groups(detentions_->I32("person_id"), persons_->size());
    serving_code_ = detentions_->Codes("stage").IndexOf("serving_in_center");
  }
  if (want_[kM08] && data.HasTable("property_cases") &&
      data.Table("property_cases").Has("exec_id")) {
    property_ = &data.Table("property_cases");
    property_by_sentence_ = Groups(property_->I32("sentence_id"), data.Ids("sentences").size());
  }

  // Parameters: M08's ability settings drive the inference for every model of the pass.
  const law::Options defaults;
  const ParamSet& p = *ctx.params;
  auto key_for = [&](int32_t org) {
    OptionsKey k;
    k.ability_fen = std::llround(p.Num("M08", "ability_spending", org) * 100.0);
    k.window = static_cast<int>(p.Int("M08", "ability_window_months", org));
    k.recommit = p.IsSet("M12", "recommit_days", org)
                     ? static_cast<int>(p.Int("M12", "recommit_days", org))
                     : defaults.recommit_days;
    return k;
  };
  global_ = key_for(kNoOrg);
  window_param_set_ = p.IsSet("M08", "ability_window_months");
  recommit_set_global_ = p.IsSet("M12", "recommit_days");
  by_org_.resize(static_cast<size_t>(orgs_->size()));
  recommit_set_.resize(by_org_.size());
  for (int32_t org = 0; org < orgs_->size(); ++org) {
    by_org_[static_cast<size_t>(org)] = key_for(org);
    recommit_set_[static_cast<size_t>(org)] = p.IsSet("M12", "recommit_days", org);
    if (!(by_org_[static_cast<size_t>(org)] == global_)) uniform_ = false;
  }
}

OptionsKey LawRun::OptionsFor(int32_t org) const {
  if (org >= 0 && static_cast<size_t>(org) < by_org_.size())
    return by_org_[static_cast<size_t>(org)];
  return global_;
}

int32_t LawRun::FacilityOn(int32_t person, Date d) const {
  if (!events_ || person == kNull32) return kNull32;
  const auto dates = events_->I32("date");
  const auto kinds = events_->I32("event");
  const auto facility = events_->I32("facility_org_id");
  int32_t best = -1;
  for (int32_t r : events_by_person_.rows(person)) {
    if (dates[r] > d.days()) continue;
    if (best < 0 || dates[r] > dates[best]) {
      best = r;
    } else if (dates[r] == dates[best]) {
      const bool in_r = kinds[r] >= 0 && in_event_code_[static_cast<size_t>(kinds[r])];
      const bool in_b = kinds[best] >= 0 && in_event_code_[static_cast<size_t>(kinds[best])];
      if (in_r || !in_b) best = r;  // later row wins unless it leaves and the other arrives
    }
  }
  return best < 0 ? kNull32 : facility[best];
}

// One case: judgments, mapping, emission.
class CaseWork {
 public:
  CaseWork(const LawRun& run, law::Case& c, PassOutput& out, std::array<int64_t, kModels>& scanned)
      : run_(run), c_(c), out_(out), scanned_(scanned) {}
  void Run();

 private:
  int32_t Person() {
    if (!person_) person_ = run_.persons_->Find(c_.person.id);
    return *person_;
  }
  int32_t ChangeOrg(int change);
  int32_t SentenceFacility(Date d);
  int32_t CourtOrg();
  // The temp_release correction the change started (kNull32 if none).
  int32_t CorrectionRow(int change);
  law::Options OptionsOf(const OptionsKey& k) const {
    law::Options o;
    o.ability_spending_fen = k.ability_fen;
    o.ability_window_months = k.window;
    o.recommit_days = k.recommit;
    return o;
  }

  void Emit(Model m, int change, std::span<const law::Finding* const> fs, const law::Judgment& j);
  void EmitM08(int change, std::span<const law::Finding* const> extra,
               std::span<const law::Finding> all, const law::Judgment& j);
  void EmitM12(int change, std::span<const law::Finding* const> fs);
  std::string Summary(Model m, int change, const law::Finding& f, const law::Judgment& j,
                      std::string* title, json* facts);
  Extras Context(int change, const law::Judgment& j);

  const LawRun& run_;
  law::Case& c_;
  PassOutput& out_;
  std::array<int64_t, kModels>& scanned_;
  std::optional<int32_t> person_;
  std::vector<int> act_order_;  // change indexes in the order judged
};

int32_t CaseWork::ChangeOrg(int change) {
  const law::Change& ch = c_.changes[static_cast<size_t>(change)];
  if (run_.changes_) {
    const int32_t id = run_.change_ids_->Find(ch.id);
    const auto rows = run_.changes_->RowOfKey();
    if (id != kNull32 && static_cast<size_t>(id) < rows.size() && rows[id] >= 0) {
      const int32_t org = run_.changes_->I32("proposing_org_id")[rows[id]];
      if (org != kNull32) return org;
    }
  }
  const std::optional<Date> act = ch.ActDate();
  return SentenceFacility(act ? *act : c_.as_of);
}

int32_t CaseWork::SentenceFacility(Date d) {
  const int32_t f = run_.FacilityOn(Person(), d);
  return f != kNull32 ? f : CourtOrg();
}

int32_t CaseWork::CourtOrg() {
  if (!run_.sentences_) return kNull32;
  const int32_t id = run_.sentence_ids_->Find(c_.sentence.id);
  const auto rows = run_.sentences_->RowOfKey();
  if (id == kNull32 || static_cast<size_t>(id) >= rows.size() || rows[id] < 0) return kNull32;
  return run_.sentences_->I32("court_org_id")[rows[id]];
}

int32_t CaseWork::CorrectionRow(int change) {
  if (!run_.corrections_ || run_.temp_release_code_ < 0 || Person() == kNull32) return kNull32;
  const law::Change& ch = c_.changes[static_cast<size_t>(change)];
  const Date start = ch.effective_date  ? *ch.effective_date
                     : ch.decision_date ? *ch.decision_date
                                        : c_.as_of;
  const Frame& f = *run_.corrections_;
  const auto type = f.I32("correction_type");
  const auto sentence = f.I32("sentence_id");
  const auto decided = f.I32("decision_effective_date");
  const auto started = f.I32("start_date");
  const int32_t sid = run_.ctx_.data->Ids("sentences").Find(c_.sentence.id);
  int32_t best = kNull32;
  int64_t best_score = 0;
  for (int32_t r : run_.corrections_by_person_.rows(Person())) {
    if (type[r] != run_.temp_release_code_) continue;
    const int32_t d = decided[r] != kNull32 ? decided[r] : started[r];
    // Same sentence first, then the start nearest the decision.
    const int64_t score = (sentence[r] == sid ? 0 : (int64_t{1} << 40)) +
                          (d == kNull32 ? (int64_t{1} << 32) : std::abs(d - start.days()));
    if (best == kNull32 || score < best_score) {
      best = r;
      best_score = score;
    }
  }
  return best;
}

Extras CaseWork::Context(int change, const law::Judgment& j) {
  const law::Sentence& s = c_.sentence;
  Extras x;
  std::string penalty(law::PenaltyLabel(s.penalty));
  x.emplace_back("penalty", penalty);
  x.emplace_back("term", s.term_months ? penalty + MonthsText(s.term_months) : penalty);
  x.emplace_back("as_of", c_.as_of.ToString());
  x.emplace_back("sentence_effective", s.effective_date.ToString());
  if (change >= 0) {
    const law::Change& ch = c_.changes[static_cast<size_t>(change)];
    x.emplace_back("basis_label", std::string(law::BasisLabel(ch.basis)));
    if (const auto act = ch.ActDate()) {
      x.emplace_back("act_date", act->ToString());
      x.emplace_back("act_phrase", ch.decided() ? "于" + ch.decision_date->ToString() + "被裁定"
                                                : "于" + act->ToString() + "提请");
    }
    x.emplace_back("verb", ch.decided() ? "减去" : "拟减去");
    // The n-th reduction in the order the changes were made.
    int n = 0;
    for (int i : act_order_) {
      if (IsReduction(c_.changes[static_cast<size_t>(i)].type)) ++n;
      if (i == change) break;
    }
    x.emplace_back("ordinal", ChineseCount(n));
    // Fixed-term commutations after a conversion cut a 有期徒刑.
    const bool fixed_now = s.penalty == law::Penalty::kFixedTerm ||
                           s.penalty == law::Penalty::kLife ||
                           s.penalty == law::Penalty::kDeathReprieve ||
                           s.penalty == law::Penalty::kDeathReprieveRestricted;
    x.emplace_back("penalty_now", fixed_now ? std::string("有期徒刑") : penalty);
  }
  if (j.delivery) x.emplace_back("delivery", j.delivery->ToString());
  return x;
}

// Label-style summary for one engine finding; falls back to the engine's own sentence.
std::string CaseWork::Summary(Model m, int change, const law::Finding& f, const law::Judgment& j,
                              std::string* title, json* facts) {
  Extras x = Context(change, j);
  std::string_view tpl;
  const bool warning = f.severity == law::Severity::kWarning;
  switch (f.msg) {
    case Msg::kStartTooEarly:
      if (f.rule == "JX-START-07") {
        tpl =
            "原判{term}，{delivery_date}撤销假释后收监，{proposal_date}即提请减刑，未满{required_"
            "period}的减刑起始时间，最早应于{earliest_proposal_date}方可提请";
      } else if (f.rule == "JX-START-05" || f.rule == "JX-START-06" ||
                 (f.rule == "JX-START-03" && c_.sentence.penalty != law::Penalty::kLife &&
                  !f.Find("original_term_months"))) {
        tpl =
            "原判{penalty}，{delivery_date}死缓期满减为无期徒刑，{proposal_date}即提请减刑，未满"
            "{required_period}的减刑起始时间，最早应于{earliest_proposal_date}方可提请";
      } else if (f.Find("original_term_months")) {
        tpl =
            "原判{penalty}{original_term_months}，{delivery_date}交付执行，{proposal_date}即提请减"
            "刑，未满{required_period}的减刑起始时间，最早应于{earliest_proposal_date}方可提请";
      } else {
        tpl =
            "原判{term}，{delivery_date}交付执行，{proposal_date}即提请减刑，未满{required_period}"
            "的减刑起始时间，最早应于{earliest_proposal_date}方可提请";
      }
      break;
    case Msg::kReprieveReducedEarly:
      tpl =
          "死刑缓期执行期间自{effective_date}起算，至{reprieve_expiry}期满，却于{decision_date}裁定"
          "减刑，早于缓期执行期满";
      break;
    case Msg::kNewCrimeWait:
      tpl =
          "执行期间又犯新罪，新罪判决于{new_judgment_effective}生效，{wait}内不予减刑，{proposal_"
          "date}即提请减刑，最早应于{earliest_proposal_date}";
      break;
    case Msg::kIntervalTooShort:
      tpl =
          "第{ordinal}次减刑于{proposal_date}提请，距上次减刑裁定生效（{previous_effective_date}）"
          "仅{interval_days}，少于{required_interval}的减刑间隔，最早应于{earliest_proposal_date}"
          "方可提请";
      break;
    case Msg::kIntervalBelowPrevious:
      tpl =
          "第{ordinal}次减刑于{proposal_date}提请，距上次减刑裁定生效（{previous_effective_date}）"
          "仅{interval_days}，少于上次减刑的幅度{previous_reduction}，最早应于{earliest_proposal_"
          "date}方可提请";
      break;
    case Msg::kCapExceeded:
      tpl = "以{basis_label}为由一次减去{penalty_now}{reduction}，超过{cap}的幅度上限";
      break;
    case Msg::kCapNotStricter:
      tpl =
          "罪犯属应从严掌握减刑幅度的类别，以{basis_label}为由减去{penalty_now}{reduction}"
          "，与一般罪"
          "犯同等条件的上限{ordinary_cap}相同，未体现从严，需人工审查";
      break;
    case Msg::kConversionTerm:
      tpl = Num(f, "min_months") == Num(f, "max_months")
                ? "以{basis_label}为由由{penalty}减为有期徒刑{new_term_months}，依法应减为{min_"
                  "months}"
                : "以{basis_label}为由由{penalty}减为有期徒刑{new_term_months}，不在{min_months}至{"
                  "max_"
                  "months}的法定范围内";
      break;
    case Msg::kReprieveToFixedNoMerit:
      tpl = "死缓期满直接减为有期徒刑须有重大立功表现，本次减刑理由为{basis_label}";
      break;
    case Msg::kNoCommutationAllowed:
      if (f.rule == "JX-PROB-01") {
        tpl = "缓刑罪犯只有在缓刑考验期内有重大立功表现的才可减刑，本次以{basis_label}为由减刑";
      } else {
        tpl = m == kM05 ? "罪犯被判处终身监禁，依法不得假释，却{act_phrase}假释"
                        : "罪犯被判处终身监禁，依法不得减刑，却{act_phrase}减刑";
      }
      break;
    case Msg::kFloorBroken:
      if (f.rule == "JX-FLOOR-01") {
        const law::Change& ch = c_.changes[static_cast<size_t>(change)];
        const int64_t total = Num(f, "reductions_total").value_or(0);
        const Period cut{0, ch.reduction_months.value_or(0), ch.reduction_days.value_or(0)};
        const Period all = PeriodOfValue(total);
        x.emplace_back("cut", cut.ToChinese());
        x.emplace_back("prior", all == cut ? "" : "（累计减去" + all.ToChinese() + "）");
        std::string served;
        if (all.days == 0 && c_.sentence.term_months >= all.total_months()) {
          served = MonthsText(c_.sentence.term_months - all.total_months());
        } else if (j.credited_start && f.Find("term_end_after")) {
          served = std::to_string(*Num(f, "term_end_after") + 1 - j.credited_start->days()) + "日";
        }
        if (!served.empty()) {
          x.emplace_back("served", served);
          (*facts)["served_after_change"] = served;
        }
        tpl =
            "原判{term}，{verb}{cut}{prior}，减刑后实际执行刑期仅{served}，少于原判刑期的二分之一";
      } else {
        tpl =
            "减刑后刑期至{term_end_after}止，实际执行将少于{floor}的法定下限（应不早于{floor_date}"
            "释放）";
      }
      break;
    case Msg::kNewEndMismatch:
      tpl =
          "减刑裁定载明刑期至{stated_new_term_end}止，原刑期至{previous_term_end}止减去{reduction}"
          "应至{computed_new_term_end}止";
      break;
    case Msg::kConversionEndMismatch:
      tpl =
          "减刑裁定载明刑期至{stated_new_term_end}止，减为有期徒刑后刑期自{term_start}起算，应至"
          "{computed_new_term_end}止";
      break;
    case Msg::kParoleProbationEnd:
      tpl =
          "假释裁定载明考验期至{stated_probation_end}止，考验期为没有执行完毕的刑期，应至{computed_"
          "probation_end}止";
      break;
    case Msg::kTermEndMismatch: {
      const int64_t credit = Num(f, "custody_credit_days").value_or(0);
      x.emplace_back("credit", credit ? "、折抵" + std::to_string(credit) + "日" : "");
      tpl =
          "判决载明刑期至{stated_term_end}止，按刑期起日{term_start}、刑期{term_months}{credit}计算"
          "应至{computed_term_end}止";
      break;
    }
    case Msg::kParoleTooEarly:
      if (f.rule == "JX-PAROLE-01") {
        const int64_t served = Num(f, "served_days").value_or(0);
        const int64_t start = Num(f, "term_start").value_or(0);
        const int64_t eligible = Num(f, "eligible_date").value_or(start);
        if (eligible > start) {
          char pct[16];
          std::snprintf(
              pct, sizeof pct, "%.0f%%",
              100.0 * static_cast<double>(served) / (2.0 * static_cast<double>(eligible - start)));
          x.emplace_back("pct", pct);
        }
        tpl =
            "原判{term}，自{term_start}起算，{proposal_date}提请假释时仅执行约{pct}"
            "，未达原判刑期二分"
            "之一（应至{eligible_date}）";
      } else {
        tpl =
            "原判{penalty}，应实际执行{required_served}以上方可假释（最早{eligible_date}），{"
            "proposal_"
            "date}即提请假释";
      }
      break;
    case Msg::kParoleBarred:
      tpl = f.Find("category") && f.Find("category")->text == "recidivist"
                ? "罪犯系累犯，依法不得假释，却{act_phrase}假释"
                : "罪犯因故意杀人、强奸、抢劫、绑架、放火、爆炸、投放危险物质或有组织的暴力性犯罪被"
                  "判处"
                  "{term}，依法不得假释，却{act_phrase}假释";
      break;
    case Msg::kParoleNotForPenalty:
      tpl = "罪犯被判处{penalty}，依法不适用假释，却{act_phrase}假释";
      break;
    case Msg::kParolePropertyUnpaid:
      tpl = "财产性判项尚有{unpaid}未履行，确有履行能力而不履行，依法不得假释，却{act_phrase}假释";
      break;
    case Msg::kParoleAfterCommutation:
      tpl =
          "上次减刑{previous_reduction}，裁定于{previous_effective_date}生效，{proposal_date}"
          "即提请假"
          "释，少于{required_interval}的间隔，最早应于{earliest_proposal_date}";
      break;
    case Msg::kParoleAfterRevocation:
      tpl = "罪犯曾被撤销假释，一般不得再假释，却{act_phrase}假释，需人工审查";
      break;
    case Msg::kNotReleased:
      if (f.Find("release_date")) {
        tpl = "刑期已于{computed_term_end}届满，{release_date}才释放，超过应释放日{days_overdue}";
      } else {
        tpl = "刑期已于{computed_term_end}届满，截至{as_of}仍在押，超过应释放日{days_overdue}";
      }
      *title = "刑满未释放";
      break;
    case Msg::kReleasedEarly:
      tpl = warning
                ? "刑期至{computed_term_end}止，却于{release_date}以其他原因释放出监，提前{days_"
                  "early}，未见假释、暂予监外执行等法律依据，需核实释放依据"
                : "刑期至{computed_term_end}止，却于{release_date}以刑满释放出监，提前{days_early}"
                  "，无假释、暂予监外执行等法律依据";
      *title = "提前释放";
      break;
    case Msg::kDeliveryLate: {
      std::string_view where = "执行机关";
      for (const law::CustodyEvent& e : c_.custody) {
        if (j.delivery && e.date == *j.delivery && e.kind == law::CustodyEventKind::kAdmitted) {
          where = e.facility == law::FacilityKind::kPrison            ? "监狱"
                  : e.facility == law::FacilityKind::kDetentionCenter ? "看守所"
                                                                      : "执行机关";
          break;
        }
      }
      x.emplace_back("where", std::string(where));
      tpl =
          "判决于{effective_date}生效，{delivery_date}才交付{where}执行，超过法定交付期限{days_"
          "late}";
      *title = "交付执行超期";
      (*facts)["delivery_deadline"] = (*facts)["deadline"];
      facts->erase("deadline");
      break;
    }
    case Msg::kNotDelivered:
      tpl = "判决于{effective_date}生效，判处{term}，至今未交付执行，亦无羁押或合法释放记录";
      *title = "应收未收";
      (*facts)["delivery_deadline"] = (*facts)["deadline"];
      facts->erase("deadline");
      (*facts)["penalty"] = std::string(PenaltyCode(c_.sentence.penalty));
      if (c_.sentence.term_months) (*facts)["term_months"] = c_.sentence.term_months;
      (*facts)["custody_record"] = nullptr;
      if (run_.detentions_ && Person() != kNull32) {
        // Still held in a detention centre (awaiting delivery)?
        const Frame& d = *run_.detentions_;
        const auto start = d.I32("stage_start");
        const auto released =
            d.Has("released_date") ? d.I32("released_date") : std::span<const int32_t>();
        int32_t held = -1;
        for (int32_t r : run_.detentions_by_person_.rows(Person())) {
          if (start[r] > c_.as_of.days()) continue;
          if (!released.empty() && released[r] != kNull32 && released[r] <= c_.as_of.days())
            continue;
          if (held < 0 || start[r] >= start[held]) held = r;
        }
        if (held >= 0) {
          const std::string_view stage =
              d.Codes("stage").codes[static_cast<size_t>(d.I32("stage")[held])].label;
          (*facts)["custody_record"] = {
              {"detention_id", std::string(d.IdText("detention_id", held))},
              {"facility_org_id", std::string(d.IdText("facility_org_id", held))},
              {"stage_start", Date::FromDays(start[held]).ToString()}};
          x.emplace_back("stage", std::string(stage));
          tpl =
              "判决于{effective_date}生效，判处{term}，应于{deadline}"
              "前交付执行，至今仍羁押于看守所（"
              "{stage}）未交付执行，已超期{days_late}";
        }
      }
      break;
    case Msg::kServeInCentreTooLong:
      tpl =
          "{delivery_date}交付看守所执行时余刑{remaining_days}（刑期至{term_end}止），超过{max_"
          "remaining}，仍留看守所服刑";
      break;
    case Msg::kServeInCentreBoundary:
      tpl =
          "{delivery_date}交付看守所执行时余刑恰为三个月（刑期至{term_end}"
          "止），刑事诉讼法第二百六十"
          "四条与刑诉规则第六百五十九条的表述在此冲突，需人工审查";
      break;
    default:
      break;
  }
  if (!tpl.empty()) {
    if (auto s = Fill(tpl, f, x)) return *s;
  }
  return law::Explain(f);
}

void CaseWork::Emit(Model m, int change, std::span<const law::Finding* const> fs,
                    const law::Judgment& j) {
  // The worst finding leads; the rest add their rule and facts.
  const law::Finding* lead = fs.front();
  for (const law::Finding* f : fs) {
    if (f->severity == law::Severity::kViolation) {
      lead = f;
      break;
    }
  }
  Finding out;
  out.model = kIds[m];
  out.person_id = c_.person.id;
  out.severity = lead->severity == law::Severity::kViolation ? Severity::kHigh : Severity::kMedium;
  out.facts = FactsOf(*lead);
  out.summary = Summary(m, change, *lead, j, &out.title, &out.facts);
  auto add_basis = [&](std::string_view rule) {
    if (std::find(out.basis.begin(), out.basis.end(), rule) == out.basis.end()) {
      out.basis.emplace_back(rule);
    }
  };
  add_basis(lead->rule);
  if (lead->msg == Msg::kTermEndMismatch) add_basis("JX-TERM-01");
  if (lead->msg == Msg::kDeliveryLate) {
    out.basis.insert(out.basis.begin(), "JX-DELIV-01");  // the 10 days are part of the deadline
  }
  for (const law::Finding* f : fs) {
    if (f == lead) continue;
    add_basis(f->rule);
    json more = FactsOf(*f);
    std::string ignored;
    const std::string text = Summary(m, change, *f, j, &ignored, &more);
    more["summary"] = text;
    out.facts[std::string(f->rule)] = std::move(more);
    out.summary += "；" + text;
  }
  // A PAROLE-05 bar found through the spending inference cites it (M05 uses M08's setting).
  if (m == kM05 && change >= 0) {
    const law::Finding* inferred = nullptr;
    for (const law::ChangeJudgment& cj : j.changes) {
      if (cj.change == change) inferred = FindMsg(cj.findings, Msg::kPropertyAbilityInferred);
    }
    bool bar = false;
    for (const law::Finding* f : fs) bar = bar || f->msg == Msg::kParolePropertyUnpaid;
    if (inferred && bar) {
      add_basis("JX-PROP-03");
      out.basis.emplace_back("PARAM:ability_spending");
      out.facts["ability_inferred"] = FactsOf(*inferred);
    }
  }
  // Keys and orgs.
  const law::Sentence& s = c_.sentence;
  int32_t org = kNull32;
  if (m == kM22) {
    out.key = {{"sentence_id", s.id}};
    org = CourtOrg();
  } else if (m == kM07) {
    out.key = {{"sentence_id", s.id}};
    const std::optional<int64_t> released = Num(*lead, "release_date");
    org = SentenceFacility(released ? Date::FromDays(static_cast<int32_t>(*released)) : c_.as_of);
  } else if (m == kM06 && change < 0) {
    out.key = {{"sentence_id", s.id}};
    org = SentenceFacility(c_.as_of);
  } else if (m == kM23) {
    if (!run_.detentions_ || Person() == kNull32 || !j.delivery) return;
    const Frame& d = *run_.detentions_;
    const auto stage = d.I32("stage");
    const auto start = d.I32("stage_start");
    int32_t best = -1;
    for (int32_t r : run_.detentions_by_person_.rows(Person())) {
      if (stage[r] != run_.serving_code_) continue;
      if (best < 0 ||
          std::abs(start[r] - j.delivery->days()) < std::abs(start[best] - j.delivery->days())) {
        best = r;
      }
    }
    if (best < 0) return;  // no detention row to key the finding on
    out.key = {{"detention_id", std::string(d.IdText("detention_id", best))}};
    org = d.I32("facility_org_id")[best];
    out.facts["stage_start"] = Date::FromDays(start[best]).ToString();
  } else {
    out.key = {{"change_id", c_.changes[static_cast<size_t>(change)].id}};
    org = ChangeOrg(change);
  }
  // Label-style extras.
  if (m == kM02 && change >= 0) {
    // The reduction the interval runs from.
    const std::optional<int64_t> base = Num(*lead, "previous_effective_date");
    for (auto it = act_order_.rbegin(); base && it != act_order_.rend(); ++it) {
      if (*it == change) continue;
      const law::Change& p = c_.changes[static_cast<size_t>(*it)];
      const std::optional<Date> served = p.effective_date ? p.effective_date : p.decision_date;
      if (p.decided() && IsReduction(p.type) && served && served->days() == *base) {
        out.facts["previous_change_id"] = p.id;
        out.facts["previous_decision"] = p.decision_date->ToString();
        if (p.reduction_months || p.reduction_days) {
          out.facts["previous_reduction"] =
              Period{0, p.reduction_months.value_or(0), p.reduction_days.value_or(0)}.ToChinese();
        }
        break;
      }
    }
  }
  if (lead->msg == Msg::kParoleBarred && change >= 0) {
    const law::Change& ch = c_.changes[static_cast<size_t>(change)];
    out.facts["categories"] = out.facts["category"];
    out.facts.erase("category");
    if (ch.decision_date) out.facts["decision_date"] = ch.decision_date->ToString();
    if (ch.proposal_date) out.facts["proposal_date"] = ch.proposal_date->ToString();
    if (s.term_months) out.facts["original_term_months"] = s.term_months;
  }
  if (lead->msg == Msg::kFloorBroken && lead->rule == "JX-FLOOR-01") {
    const Period total = PeriodOfValue(Num(*lead, "reductions_total").value_or(0));
    if (total.days == 0) {
      out.facts["reductions_total_months"] = total.total_months();
      out.facts["served_after_change_months"] = s.term_months - total.total_months();
    }
  }
  if (m == kM03 && lead->msg == Msg::kCapExceeded) {
    const Period cut = PeriodOfValue(Num(*lead, "reduction").value_or(0));
    const Period cap = PeriodOfValue(Num(*lead, "cap").value_or(0));
    if (cut.days == 0 && cap.days == 0) {
      out.facts["reduction_months"] = cut.total_months();
      out.facts["cap_months"] = cap.total_months();
    }
  }
  out.org_id = std::string(run_.OrgText(org));
  out_.Emit(std::move(out));
}

// M08: what the inferred ability to pay adds (`extra`: findings of the commutation that the
// ordinary judgment has not), led by JX-PROP-02 when present.
void CaseWork::EmitM08(int change, std::span<const law::Finding* const> extra,
                       std::span<const law::Finding> all, const law::Judgment& j) {
  const law::Change& ch = c_.changes[static_cast<size_t>(change)];
  const std::optional<Date> act = ch.ActDate();
  if (!act) return;
  const law::Finding* inferred = FindMsg(all, Msg::kPropertyAbilityInferred);
  const law::Finding* prop = FindMsg(all, Msg::kPropertyUnpaidCommuted);
  Finding out;
  out.model = kIds[kM08];
  out.person_id = c_.person.id;
  out.key = {{"change_id", ch.id}};
  out.org_id = std::string(run_.OrgText(ChangeOrg(change)));
  bool violation = false;
  for (const law::Finding* f : extra)
    violation = violation || f->severity == law::Severity::kViolation;
  out.severity = violation ? Severity::kHigh : Severity::kMedium;

  // Property facts.
  json& facts = out.facts;
  // What is still unpaid on the act date. (A JX-PROP-02 finding that rests on the
  // unpaid_property category carries no amount: the engine does not compute it then.)
  std::optional<int64_t> unpaid;
  if (inferred) {
    unpaid = Num(*inferred, "unpaid");
  } else if (prop && Num(*prop, "unpaid").value_or(0) > 0) {
    unpaid = Num(*prop, "unpaid");
  } else if (c_.property) {
    int64_t paid = 0;
    for (const law::Payment& pay : c_.property->payments) {
      if (pay.date < *act) paid += pay.fen;
    }
    unpaid = std::max<int64_t>(c_.property->due_fen - paid, 0);
  }
  if (run_.property_) {
    const int32_t sid = run_.ctx_.data->Ids("sentences").Find(c_.sentence.id);
    std::string ids;
    for (int32_t r : run_.property_by_sentence_.rows(sid)) {
      ids += (ids.empty() ? "" : ";") + std::string(run_.property_->IdText("exec_id", r));
    }
    if (!ids.empty()) facts["exec_id"] = ids;
  }
  if (c_.property) {
    facts["amount_due"] = Yuan(c_.property->due_fen);
    if (unpaid) facts["paid_before_proposal"] = Yuan(c_.property->due_fen - *unpaid);
  }
  std::string summary;
  if (unpaid) {
    facts["unpaid"] = Yuan(*unpaid);
    summary = "财产性判项尚有" + Yuan(*unpaid) + "元未履行，";
  }
  if (inferred) {
    const int64_t window = Num(*inferred, "window_months").value_or(12);
    int y, mo, d;
    act->ToCivil(&y, &mo, &d);
    const int32_t act_month = y * 12 + (mo - 1);
    int64_t deposits = 0;
    for (const law::AccountMonth& a : c_.accounts) {
      if (a.month >= act_month - window && a.month < act_month) deposits += a.deposits_fen;
    }
    const int64_t spending = Num(*inferred, "spending").value_or(0);
    facts["spending"] = Yuan(spending);
    facts["deposits"] = Yuan(deposits);
    facts["window_months"] = window;
    facts["spending_threshold"] = Yuan(Num(*inferred, "threshold").value_or(0));
    summary += "提请减刑前" + std::to_string(window) + "个月狱内消费" + Yuan(spending) +
               "元，确有履行能力而不履行，";
  } else {
    summary += "罪犯已被认定为确有履行能力而不履行财产性判项，";
  }
  if (j.delivery) facts["delivery_date"] = j.delivery->ToString();
  facts["proposal_date"] = act->ToString();

  // What the stricter regime says, clause by clause.
  std::vector<std::string> clauses;
  std::string verb = "仍按一般罪犯";
  if (j.delivery) verb += "于交付执行后" + std::to_string(*act - *j.delivery) + "日";
  verb += "提请减刑";
  bool strict_named = false;
  for (const law::Finding* f : extra) {
    Extras x = Context(change, j);
    std::optional<std::string> s;
    switch (f->msg) {
      case Msg::kStartTooEarly:
        facts["stricter_earliest_date"] = ValueJson(*f->Find("earliest_proposal_date"));
        facts["stricter_required_period"] = ValueJson(*f->Find("required_period"));
        s = Fill("从严罪犯应执行{required_period}以上方可提请，最早{earliest_proposal_date}", *f,
                 x);
        strict_named = true;
        break;
      case Msg::kIntervalTooShort:
        facts["stricter_required_interval"] = ValueJson(*f->Find("required_interval"));
        s = Fill("从严罪犯两次减刑应间隔{required_interval}，最早{earliest_proposal_date}", *f, x);
        strict_named = true;
        break;
      case Msg::kCapExceeded:
        s = Fill("一次减去{reduction}，超过从严罪犯{cap}的幅度上限", *f, x);
        strict_named = true;
        break;
      case Msg::kCapNotStricter:
        s = Fill("减去{reduction}与一般罪犯上限{ordinary_cap}相同，未体现从严", *f, x);
        strict_named = true;
        break;
      case Msg::kPropertyUnpaidCommuted:
        s = "依法释〔2024〕5号不认定确有悔改表现，一般不予减刑";
        break;
      default:
        s = law::Explain(*f);
    }
    if (s) clauses.push_back(*s);
    facts[std::string(f->rule)] = FactsOf(*f);
  }
  summary += strict_named ? verb : act->ToString() + "仍提请减刑";
  for (const std::string& c : clauses) summary += "；" + c;
  out.summary = std::move(summary);

  // Basis: JX-PROP-02 first, then the stricter rules, then the inference.
  auto add = [&](std::string_view r) {
    if (std::find(out.basis.begin(), out.basis.end(), r) == out.basis.end())
      out.basis.emplace_back(r);
  };
  if (prop) add(prop->rule);
  for (const law::Finding* f : extra) add(f->rule);
  if (inferred) {
    add("JX-PROP-03");
    out.basis.emplace_back("PARAM:ability_spending");
    if (run_.window_param_set_) out.basis.emplace_back("PARAM:ability_window_months");
  }
  out_.Emit(std::move(out));
}

void CaseWork::EmitM12(int change, std::span<const law::Finding* const> fs) {
  const int32_t row = CorrectionRow(change);
  if (row == kNull32) return;  // no correction record to key the finding on
  const Frame& corr = *run_.corrections_;
  const std::string correction_id(corr.IdText("correction_id", row));
  const int32_t office = corr.I32("office_org_id")[row];
  const law::Change& ch = c_.changes[static_cast<size_t>(change)];
  const Date start = ch.effective_date ? *ch.effective_date : *ch.decision_date;
  // One finding per due date.
  std::vector<bool> done(fs.size(), false);
  for (size_t i = 0; i < fs.size(); ++i) {
    if (done[i]) continue;
    const int64_t due = Num(*fs[i], "due").value_or(0);
    Finding out;
    out.model = kIds[kM12];
    out.person_id = c_.person.id;
    out.key = {{"correction_id", correction_id}, {"due", DateText(due)}};
    out.org_id = std::string(run_.OrgText(office));
    out.severity = Severity::kHigh;
    out.facts = json::object();
    out.facts["correction_id"] = correction_id;
    out.facts["temp_release_start"] = start.ToString();
    for (size_t k = i; k < fs.size(); ++k) {
      const law::Finding& f = *fs[k];
      if (Num(f, "due").value_or(0) != due) continue;
      done[k] = true;
      std::string s;
      if (f.msg == Msg::kReviewOverdue) {
        const int64_t last = Num(f, "last_review").value_or(0);
        const std::string since =
            last == start.days()
                ? "暂予监外执行罪犯自" + start.ToString() + "暂予监外执行以来未复查病情"
                : "暂予监外执行罪犯上次病情复查为" + DateText(last);
        if (const auto late = Num(f, "days_late")) {
          s = since + "，应于" + DateText(due) + "前复查，" + DateText(*Num(f, "review_date")) +
              "才复查，迟延" + std::to_string(*late) + "日";
        } else {
          const int64_t over = Num(f, "days_overdue").value_or(0);
          const int64_t stop = due + over;
          s = since + "，应于" + DateText(due) + "前复查，" +
              (stop == c_.as_of.days() ? "截至" + c_.as_of.ToString() + "已逾期"
                                       : "至" + DateText(stop) + "（收监、刑满或死亡）已逾期") +
              std::to_string(over) + "日未复查";
        }
        if (out.title.empty()) out.title = "暂予监外执行病情复查逾期";
        for (int v = 0; v < f.value_count; ++v) {
          out.facts[std::string(f.values[v].name)] = ValueJson(f.values[v]);
        }
      } else {
        const int64_t review = Num(f, "review_date").value_or(0);
        s = DateText(review) + "病情复查结论为不再符合保外就医条件，应于" + DateText(due) +
            "前收监执行，至今未收监";
        if (out.title.empty()) out.title = "暂予监外执行条件消失未收监";
        out.facts["review_date"] = DateText(review);
        out.facts["conclusion"] = "no_longer_eligible";
        out.facts["recommit_due"] = DateText(due);
        out.facts["recommit_days"] = Num(f, "recommit_days").value_or(0);
      }
      out.summary += (out.summary.empty() ? "" : "；") + s;
      if (std::find(out.basis.begin(), out.basis.end(), f.rule) == out.basis.end()) {
        out.basis.emplace_back(f.rule);
      }
      if (f.msg == Msg::kNotRecommitted) {
        const bool set = office >= 0 && static_cast<size_t>(office) < run_.recommit_set_.size()
                             ? run_.recommit_set_[static_cast<size_t>(office)]
                             : run_.recommit_set_global_;
        if (set) out.basis.emplace_back("PARAM:recommit_days");
      }
    }
    out_.Emit(std::move(out));
  }
}

void CaseWork::Run() {
  // Options: one set unless jurisdictions set parameters differently for this case's orgs.
  std::vector<OptionsKey> keys;
  std::vector<int> key_of(c_.changes.size(), 0);
  keys.push_back(run_.global_);
  if (!run_.uniform_) {
    keys.clear();
    for (size_t i = 0; i < c_.changes.size(); ++i) {
      int32_t org = ChangeOrg(static_cast<int>(i));
      if (c_.changes[i].type == law::ChangeType::kTempRelease) {
        const int32_t row = CorrectionRow(static_cast<int>(i));
        if (row != kNull32) org = run_.corrections_->I32("office_org_id")[row];
      }
      const OptionsKey k = run_.OptionsFor(org);
      auto it = std::find(keys.begin(), keys.end(), k);
      if (it == keys.end()) it = keys.insert(keys.end(), k);
      key_of[i] = static_cast<int>(it - keys.begin());
    }
    if (keys.empty()) keys.push_back(run_.OptionsFor(SentenceFacility(c_.as_of)));
  }
  std::vector<law::Judgment> js;
  js.reserve(keys.size());
  for (const OptionsKey& k : keys) js.push_back(law::Judge(c_, OptionsOf(k)));

  // The ordinary judgment (ability to pay not inferred), where an inference touched a
  // reduction: M01–M04 and M06 read it, M08 reads the difference.
  std::vector<std::optional<law::Judgment>> ordinary(keys.size());
  if (c_.property) {
    for (size_t k = 0; k < js.size(); ++k) {
      bool inferred = false;
      for (const law::ChangeJudgment& cj : js[k].changes) {
        if (key_of[static_cast<size_t>(cj.change)] == static_cast<int>(k) &&
            IsReduction(c_.changes[static_cast<size_t>(cj.change)].type) &&
            FindMsg(cj.findings, Msg::kPropertyAbilityInferred)) {
          inferred = true;
        }
      }
      if (!inferred) continue;
      const std::optional<bool> saved = c_.property->able_to_pay;
      c_.property->able_to_pay = false;
      ordinary[k] = law::Judge(c_, OptionsOf(keys[k]));
      c_.property->able_to_pay = saved;
    }
  }

  const law::Judgment& main = js.front();
  for (const law::ChangeJudgment& cj : main.changes) act_order_.push_back(cj.change);

  // Counts for the run record.
  ++scanned_[kM06];
  ++scanned_[kM07];
  ++scanned_[kM22];
  if (main.delivery) ++scanned_[kM23];
  for (const law::Change& ch : c_.changes) {
    if (IsReduction(ch.type)) {
      ++scanned_[kM01], ++scanned_[kM02], ++scanned_[kM03], ++scanned_[kM04], ++scanned_[kM08];
    }
    if (ch.type == law::ChangeType::kParole) ++scanned_[kM05];
    if (ch.type == law::ChangeType::kTempRelease) ++scanned_[kM12];
    ++scanned_[kM06];
  }

  // Sentence-level findings.
  std::array<std::vector<const law::Finding*>, kModels> by_model;
  for (const law::Finding& f : main.sentence_findings) {
    if (!Reportable(f)) continue;
    if (const auto m = SentenceModel(f); m && run_.Want(*m)) by_model[*m].push_back(&f);
  }
  for (int m = 0; m < kModels; ++m) {
    if (!by_model[m].empty()) Emit(static_cast<Model>(m), -1, by_model[m], main);
    by_model[m].clear();
  }

  // Change-level findings, each from the judgment under its own options.
  for (size_t pos = 0; pos < main.changes.size(); ++pos) {
    const int change = main.changes[pos].change;
    const size_t k = static_cast<size_t>(key_of[static_cast<size_t>(change)]);
    const law::Judgment& j = js[k];
    const law::ChangeJudgment* cj = nullptr;
    for (const law::ChangeJudgment& x : j.changes) {
      if (x.change == change) cj = &x;
    }
    if (!cj) continue;
    const law::Change& ch = c_.changes[static_cast<size_t>(change)];
    const law::ChangeJudgment* plain = nullptr;
    if (ordinary[k] && IsReduction(ch.type)) {
      for (const law::ChangeJudgment& x : ordinary[k]->changes) {
        if (x.change == change) plain = &x;
      }
    }
    std::vector<const law::Finding*> ability;  // M08: what only the inference adds
    const std::vector<law::Finding>& base = plain ? plain->findings : cj->findings;
    if (plain) {
      for (const law::Finding& f : cj->findings) {
        if (!Reportable(f)) continue;
        bool in_plain = false;
        for (const law::Finding& g : plain->findings) in_plain = in_plain || SameFinding(f, g);
        if (!in_plain) ability.push_back(&f);
      }
    }
    for (const law::Finding& f : base) {
      if (!Reportable(f)) continue;
      const auto m = ChangeModel(f, ch.type);
      if (!m || !run_.Want(*m)) continue;
      if (*m == kM08 && plain) continue;  // taken from `ability` below
      by_model[*m].push_back(&f);
    }
    for (int m = 0; m < kModels; ++m) {
      if (by_model[m].empty()) continue;
      if (m == kM12) {
        EmitM12(change, by_model[m]);
      } else if (m == kM08) {
        EmitM08(change, by_model[m], cj->findings, j);
      } else {
        Emit(static_cast<Model>(m), change, by_model[m], plain ? *ordinary[k] : j);
      }
      by_model[m].clear();
    }
    if (plain && !ability.empty() && run_.Want(kM08)) EmitM08(change, ability, cj->findings, j);
  }
}

Status LawRun::RunPart(int part, PassOutput& out) {
  (void)part;
  ZJ_ASSIGN_OR_RETURN(std::unique_ptr<storage::Database> db, ctx_.open_db());
  std::array<int64_t, kModels> scanned{};
  ZJ_RETURN_IF_ERROR(ForEachCase(*db, ctx_.as_of_date,
                                 [&](law::Case& c) { CaseWork(*this, c, out, scanned).Run(); }));
  for (int m = 0; m < kModels; ++m) {
    if (want_[m]) out.Scanned(kIds[m], scanned[m]);
  }
  return Status::Ok();
}

class LawPassImpl final : public Pass {
 public:
  LawPassImpl() : specs_(MakeSpecs()) {
    for (const ModelSpec& s : specs_) ptrs_.push_back(&s);
  }
  std::string_view name() const override { return "law"; }
  std::span<const ModelSpec* const> models() const override { return ptrs_; }
  Result<std::unique_ptr<PassRun>> Start(const RunContext& ctx) const override {
    if (!ctx.data || !ctx.params || !ctx.open_db) {
      return FailedPrecondition("法律计算模型缺少运行环境（数据快照、参数或数据库连接）");
    }
    return std::unique_ptr<PassRun>(std::make_unique<LawRun>(ctx));
  }

 private:
  std::vector<ModelSpec> specs_;
  std::vector<const ModelSpec*> ptrs_;
};

}  // namespace

const Pass& LawPass() {
  static const LawPassImpl pass;
  return pass;
}

}  // namespace zj::models
