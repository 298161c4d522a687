#include "law/explain.h"

#include <cstdio>

#include "common/money.h"
#include "common/period.h"

namespace zj::law {
namespace {

using Json = nlohmann::ordered_json;

std::string DateChinese(Date d) {
  int y, m, day;
  d.ToCivil(&y, &m, &day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d年%d月%d日", y, m, day);
  return buf;
}

Period PeriodOf(int64_t v) { return {0, static_cast<int>(v / 1000), static_cast<int>(v % 1000)}; }

// One template per message; {name} is replaced by the value of that name.
std::string_view Template(Msg m) {
  switch (m) {
    case Msg::kTermEndMismatch:
      return "判决载明刑期至{stated_term_end}止，但按刑期起日{term_start}、刑期{term_months}、折抵{custody_credit_days}计算，应至{computed_term_end}止，相差{difference_days}";
    case Msg::kCreditMismatch:
      return "判决折抵刑期{stated_credit_days}，但先行羁押{custody_days}、指定居所监视居住{rsdl_days}依法只能折抵{computed_credit_days}";
    case Msg::kCreditOddRsdl:
      return "指定居所监视居住{rsdl_days}为奇数，二日折抵一日后余一日如何折抵未有明确规定，折抵应在{credit_days_low}至{credit_days_high}之间，需人工核实";
    case Msg::kTermOutOfRange:
      return "判处刑期{term_months}，超出法定幅度（{min}至{max}）";
    case Msg::kProbationOutOfRange:
      return "原判刑期{term_months}、缓刑考验期{probation_months}，不符合考验期幅度（{min_months}至{max_months}）或不符合宣告缓刑的刑种、刑期条件";
    case Msg::kProbationForRecidivist:
      return "罪犯系累犯，依法不适用缓刑";
    case Msg::kDeliveryLate:
      return "判决于{effective_date}生效，应于{deadline}前交付执行，实际交付执行日期为{delivery_date}，超期{days_late}";
    case Msg::kNotDelivered:
      return "判决于{effective_date}生效，应于{deadline}前交付执行，截至数据日期仍未见交付执行记录，已超期{days_late}";
    case Msg::kServeInCentreTooLong:
      return "{delivery_date}交付看守所执行时余刑{remaining_days}（刑期至{term_end}止），超过{max_remaining}，应当送交监狱执行";
    case Msg::kServeInCentreBoundary:
      return "{delivery_date}交付看守所执行时余刑恰为三个月（刑期至{term_end}止），刑事诉讼法第264条与刑诉规则第659条的表述在此处冲突，需人工审查";
    case Msg::kNotReleased:
      return "刑期（含不计入执行期的{uncounted_days}）应于{computed_term_end}届满，最迟应于{latest_release_date}释放，{release_date}超期羁押{days_overdue}";
    case Msg::kReleasedEarly:
      return "刑期至{computed_term_end}止，却于{release_date}释放，提前{days_early}，未见假释、暂予监外执行等法律依据";
    case Msg::kStartTooEarly:
      return "原判{original_term_months}，{delivery_date}交付执行，应执行{required_period}以上方可提请减刑，最早{earliest_proposal_date}；本次于{proposal_date}提请，提前{short_days}";
    case Msg::kStartShortened:
      return "{delivery_date}交付执行，一般应执行{required_period}（至{earliest_proposal_date}）后提请；本次{proposal_date}提请，属管制、拘役或余刑较短可以适当缩短起始时间的情形，请核实理由";
    case Msg::kStartRelaxed:
      return "依未成年或老病残罪犯的规定放宽（不超过三分之一）后符合：一般标准{required_period}{cap}，放宽后{relaxed_earliest_date}{relaxed_cap}，本次{proposal_date}";
    case Msg::kIntervalTooShort:
      return "上次减刑裁定于{previous_effective_date}生效，本次于{proposal_date}提请，间隔{interval_days}，少于应有的{required_interval}（最早{earliest_proposal_date}）";
    case Msg::kIntervalBelowPrevious:
      return "上次减刑{previous_reduction}，两次减刑间隔不得少于上次减刑幅度；上次裁定于{previous_effective_date}生效，本次于{proposal_date}提请，间隔仅{interval_days}（最早{earliest_proposal_date}）";
    case Msg::kCapExceeded:
      return "本次减刑{reduction}，超过该减刑理由和罪犯类别所允许的一次减刑幅度{cap}";
    case Msg::kCapNotStricter:
      return "罪犯属应从严掌握减刑幅度的类别，本次减刑{reduction}与一般罪犯同等条件下的上限{ordinary_cap}相同，未体现从严，需人工审查";
    case Msg::kTenYearBoundary:
      return "原判恰为{original_term_months}，第7条第1款“十年以下”与第2款“十年以上”均包含十年，按较严的第2款审查";
    case Msg::kFloorBroken:
      return "减刑后实际执行刑期将少于法定下限{floor}（应不早于{floor_date}释放，减刑后刑期至{term_end_after}止；原判{original_term_months}，累计减刑{reductions_total}）";
    case Msg::kNoCommutationAllowed:
      return "依法不得减刑或假释（{reason}），缓刑罪犯只有在考验期内有重大立功表现的才可减刑";
    case Msg::kNewCrimeWait:
      return "执行期间又犯新罪，新罪判决于{new_judgment_effective}生效，{wait}内不予减刑（至{earliest_proposal_date}），本次于{proposal_date}提请";
    case Msg::kPropertyUnpaidCommuted:
      return "财产性判项尚有{unpaid}未履行，确有履行能力而不履行，不认定确有悔改表现，一般不予减刑";
    case Msg::kPropertyAbilityInferred:
      return "财产性判项尚有{unpaid}未履行，而此前{window_months}个月狱内消费{spending}（参数 ability_spending：{threshold}），据此认定确有履行能力";
    case Msg::kConversionTerm:
      return "减为有期徒刑{new_term_months}，不在法定范围（{min_months}至{max_months}）内";
    case Msg::kConversionEndMismatch:
      return "减为有期徒刑后刑期应自{term_start}起算，至{computed_new_term_end}止，裁定载明至{stated_new_term_end}止";
    case Msg::kReprieveReducedEarly:
      return "死刑缓期执行期间自{effective_date}起算，至{reprieve_expiry}期满，裁定却于{decision_date}作出，早于期满";
    case Msg::kReprieveToFixedNoMerit:
      return "死缓期满直接减为二十五年有期徒刑须有重大立功表现，本次减刑理由不是重大立功";
    case Msg::kNewEndMismatch:
      return "原刑期至{previous_term_end}止，减去{reduction}应至{computed_new_term_end}止，裁定载明至{stated_new_term_end}止，相差{difference_days}";
    case Msg::kParoleTooEarly:
      return "假释须实际执行{required_served}以上（刑期自{term_start}起算，原判{original_term_months}），最早{eligible_date}；本次于{proposal_date}提请，尚差{short_days}";
    case Msg::kParoleBarred:
      return "罪犯属不得假释的情形（{category}）";
    case Msg::kParoleNotForPenalty:
      return "原判{penalty}，刑法第八十一条规定的假释只适用于有期徒刑和无期徒刑";
    case Msg::kParolePropertyUnpaid:
      return "财产性判项尚有{unpaid}未履行，确有履行能力而不履行，不得假释";
    case Msg::kParoleAfterCommutation:
      return "上次减刑{previous_reduction}，裁定于{previous_effective_date}生效，减刑后假释间隔应不少于{required_interval}（最早{earliest_proposal_date}），本次于{proposal_date}提请";
    case Msg::kParoleAfterRevocation:
      return "曾被撤销假释，一般不得再假释，除非因漏罪被撤销且漏罪系罪犯主动交代";
    case Msg::kParoleDutyStrict:
      return "贪污贿赂罪犯假释应从严掌握";
    case Msg::kParoleProbationEnd:
      return "假释考验期应为没有执行完毕的刑期，至{computed_probation_end}止，裁定载明至{stated_probation_end}止";
    case Msg::kTempReleaseIneligible:
      return "原判{penalty}，不符合暂予监外执行的刑种条件（死缓不得暂予监外执行；无期徒刑限于怀孕或正在哺乳自己婴儿的妇女）";
    case Msg::kTempReleaseMinServed:
      return "累犯或暴力犯罪罪犯暂予监外执行须已执行{required_served}以上（至{eligible_date}），本次于{proposal_date}提请，尚差{short_days}";
    case Msg::kTempReleaseStrict:
      return "职务犯罪、破坏金融管理秩序和金融诈骗犯罪、涉黑罪犯保外就医应从严审批，需核实病情是否属于短期内有生命危险";
    case Msg::kReviewOverdue:
      return "保外就医罪犯应每三个月复查病情：上次复查{last_review}，应于{due}前复查，{review_date}迟延{days_late}{days_overdue}";
    case Msg::kNotRecommitted:
      return "{review_date}复查结论为不再符合保外就医条件，应在{recommit_days}内（{due}前）收监执行，至今未收监";
    case Msg::kRulingLate:
      return "{proposal_date}提请，{decision_date}裁定，超过{limit}的审理期限（{deadline}）；法院收到日期和延长审批未见记录，需人工核实";
    case Msg::kRulingServedLate:
      return "{decision_date}作出裁定，{effective_date}方生效，间隔{days}，超过七日送达期限，需人工核实送达日期";
    case Msg::kOpinionLate:
      return "检察意见于{opinion_date}提出，距{proposal_date}{decision_date}{days}，超过{limit_days}的期限";
    case Msg::kMissingFact:
      return "缺少审查所需的事实：{fact}，需补充后再审查";
    case Msg::kUnconfirmedRegime:
      return "行为时适用{regime}，其减刑起始时间、间隔和幅度细则未经核实，只审查刑法规定的下限，其余需人工审查";
    case Msg::kCount:
      break;
  }
  return "";
}

std::string_view FactLabel(std::string_view fact) {
  if (fact == "term_start") return "刑期起日";
  if (fact == "proposal_date") return "提请日期";
  if (fact == "delivery_date") return "交付执行日期";
  if (fact == "reduction_months") return "减刑幅度";
  if (fact == "basis") return "减刑理由";
  if (fact == "previous_effective_date") return "上次减刑裁定生效日期";
  if (fact == "new_term_months") return "减为有期徒刑的刑期";
  if (fact == "penalty") return "刑种";
  if (fact == "reason_text") return "暂予监外执行的理由";
  return fact;
}

std::string_view CodeLabel(std::string_view code) {
  if (code == "recidivist") return "累犯";
  if (code == "violent_10y") return "因故意杀人、强奸、抢劫、绑架、放火、爆炸、投放危险物质或者有组织的暴力性犯罪被判处十年以上有期徒刑、无期徒刑";
  if (code == "life_without_parole") return "终身监禁";
  if (code == "probation") return "缓刑";
  if (code == "death_reprieve") return "死刑缓期二年执行";
  if (code == "life") return "无期徒刑";
  if (code == "criminal_detention") return "拘役";
  if (code == "surveillance") return "管制";
  if (code == "repentance") return "确有悔改表现";
  if (code == "merit") return "立功表现";
  if (code == "repentance_merit") return "确有悔改表现并有立功表现";
  if (code == "major_merit") return "重大立功表现";
  if (code == "repentance_major_merit") return "确有悔改表现并有重大立功表现";
  return FactLabel(code);
}

}  // namespace

std::string FormatValueChinese(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kDate:
      return DateChinese(Date::FromDays(static_cast<int32_t>(v.v)));
    case Value::Kind::kDays:
      return std::to_string(v.v) + "日";
    case Value::Kind::kMonths:
      return Period::Months(static_cast<int>(v.v)).Normalized().ToChinese();
    case Value::Kind::kPeriod:
      return PeriodOf(v.v).Normalized().ToChinese();
    case Value::Kind::kFen:
      return Money{v.v}.ToYuanString() + "元";
    case Value::Kind::kCount:
      return std::to_string(v.v);
    case Value::Kind::kText:
      return std::string(CodeLabel(v.text));
  }
  return "";
}

Json ValueToJson(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kDate:
      return Date::FromDays(static_cast<int32_t>(v.v)).ToString();
    case Value::Kind::kDays:
    case Value::Kind::kMonths:
    case Value::Kind::kCount:
      return v.v;
    case Value::Kind::kPeriod:
      return PeriodOf(v.v).Normalized().ToChinese();
    case Value::Kind::kFen:
      return Money{v.v}.ToYuanString();
    case Value::Kind::kText:
      return std::string(v.text);
  }
  return nullptr;
}

std::string Explain(const Finding& f) {
  const Rule* rule = FindRule(f.rule);
  std::string out = "【" + std::string(f.rule);
  if (rule) out += " " + std::string(rule->title);
  out += "】";
  const std::string_view t = Template(f.msg);
  for (size_t i = 0; i < t.size();) {
    if (t[i] == '{') {
      const size_t close = t.find('}', i);
      const std::string_view name = t.substr(i + 1, close - i - 1);
      if (const Value* v = f.Find(name)) out += FormatValueChinese(*v);
      i = close + 1;
    } else {
      out += t[i++];
    }
  }
  if (rule) out += "（依据：" + std::string(rule->citation) + "）";
  return out;
}

std::string_view PenaltyLabel(Penalty p) {
  switch (p) {
    case Penalty::kSurveillance:
      return "管制";
    case Penalty::kCriminalDetention:
      return "拘役";
    case Penalty::kFixedTerm:
      return "有期徒刑";
    case Penalty::kLife:
      return "无期徒刑";
    case Penalty::kDeathReprieve:
      return "死刑缓期二年执行";
    case Penalty::kDeathReprieveRestricted:
      return "死刑缓期二年执行（限制减刑）";
  }
  return "";
}

std::string_view ChangeTypeLabel(ChangeType t) {
  switch (t) {
    case ChangeType::kCommutation:
      return "减刑";
    case ChangeType::kParole:
      return "假释";
    case ChangeType::kTempRelease:
      return "暂予监外执行";
    case ChangeType::kRevokeParole:
      return "撤销假释";
    case ChangeType::kRevokeProbation:
      return "撤销缓刑";
    case ChangeType::kRecommit:
      return "收监执行";
    case ChangeType::kLifeToFixed:
      return "无期徒刑减为有期徒刑";
    case ChangeType::kReprieveToLife:
      return "死缓减为无期徒刑";
    case ChangeType::kReprieveToFixed:
      return "死缓减为有期徒刑";
  }
  return "";
}

std::string_view BasisLabel(Basis b) {
  switch (b) {
    case Basis::kNone:
      return "";
    case Basis::kRepentance:
      return "确有悔改表现";
    case Basis::kMerit:
      return "有立功表现";
    case Basis::kRepentanceMerit:
      return "确有悔改表现并有立功表现";
    case Basis::kMajorMerit:
      return "有重大立功表现";
    case Basis::kRepentanceMajorMerit:
      return "确有悔改表现并有重大立功表现";
  }
  return "";
}

namespace {

Json FindingsJson(const std::vector<Finding>& findings) {
  Json arr = Json::array();
  for (const Finding& f : findings) {
    Json values = Json::object();
    for (int i = 0; i < f.value_count; ++i) values[std::string(f.values[i].name)] = ValueToJson(f.values[i]);
    arr.push_back({{"rule", f.rule},
                   {"severity", SeverityCode(f.severity)},
                   {"values", values},
                   {"text", Explain(f)}});
  }
  return arr;
}

Json OptDate(const std::optional<Date>& d) {
  return d ? Json(d->ToString()) : Json(nullptr);
}

}  // namespace

Json ToJson(const Case& c, const Judgment& j) {
  Json out;
  out["person_id"] = c.person.id;
  out["sentence_id"] = c.sentence.id;
  out["as_of"] = c.as_of.ToString();
  out["verdict"] = VerdictCode(j.verdict);
  out["delivery_date"] = OptDate(j.delivery);
  out["credited_start"] = OptDate(j.credited_start);
  out["computed_term_end"] = OptDate(j.computed_term_end);
  out["current_term_end"] = OptDate(j.current_term_end);
  out["uncounted_days"] = j.uncounted_days;
  out["release_due"] = OptDate(j.release_due);
  out["sentence"] = {{"verdict", VerdictCode(j.sentence_verdict)},
                     {"findings", FindingsJson(j.sentence_findings)}};
  Json changes = Json::array();
  for (const ChangeJudgment& cj : j.changes) {
    const Change& ch = c.changes[cj.change];
    changes.push_back({{"change_id", ch.id},
                       {"type", ChangeTypeLabel(ch.type)},
                       {"verdict", VerdictCode(cj.verdict)},
                       {"regime", RegimeName(cj.regime)},
                       {"embezzlement_2019", cj.embezzlement_2019},
                       {"term_end_before", OptDate(cj.term_end_before)},
                       {"term_end_after", OptDate(cj.term_end_after)},
                       {"findings", FindingsJson(cj.findings)}});
  }
  out["changes"] = changes;
  const Eligibility& e = j.eligibility;
  out["eligibility"] = {
      {"commutation", EligibilityStatusCode(e.commutation)},
      {"commutation_from", OptDate(e.commutation_from)},
      {"commutation_cap", e.commutation_cap ? Json(e.commutation_cap->Normalized().ToChinese())
                                            : Json(nullptr)},
      {"commutation_rule", e.commutation_rule},
      {"parole", EligibilityStatusCode(e.parole)},
      {"parole_from", OptDate(e.parole_from)},
      {"parole_rule", e.parole_rule},
      {"pending_proposal", e.pending_proposal}};
  return out;
}

std::string Timeline(const Case& c, const Judgment& j) {
  std::string out;
  auto line = [&](std::string_view date, std::string_view text) {
    out += std::string(date.empty() ? "          " : date) + "  " + std::string(text) + "\n";
  };
  auto findings = [&](const std::vector<Finding>& fs) {
    for (const Finding& f : fs) {
      const char* mark = f.severity == Severity::kViolation ? "✗ "
                         : f.severity == Severity::kInfo    ? "· "
                                                            : "? ";
      out += "            " + std::string(mark) + Explain(f) + "\n";
    }
  };
  const Sentence& s = c.sentence;
  std::string head = "判决 " + s.id + "：" + std::string(PenaltyLabel(s.penalty));
  if (s.term_months) head += Period::Months(s.term_months).Normalized().ToChinese();
  if (s.probation_months) {
    head += "，缓刑" + Period::Months(*s.probation_months).Normalized().ToChinese();
  }
  if (s.term_start) head += "，刑期自" + s.term_start->ToString();
  if (s.term_end) head += "至" + s.term_end->ToString() + "止";
  if (s.custody_credit_days) head += "（另折抵" + std::to_string(s.custody_credit_days) + "日）";
  line(s.judgment_date.ToString(), head);
  line(s.effective_date.ToString(), "判决生效");
  if (j.delivery) line(j.delivery->ToString(), "交付执行");
  if (j.computed_term_end) {
    line("", "按判决计算刑期至" + j.computed_term_end->ToString() + "止");
  }
  for (const ChangeJudgment& cj : j.changes) {
    const Change& ch = c.changes[cj.change];
    std::string text = std::string(ChangeTypeLabel(ch.type)) + " " + ch.id;
    if (ch.basis != Basis::kNone) text += "（" + std::string(BasisLabel(ch.basis)) + "）";
    if (ch.reduction_months) {
      text += " 减" + Period::Months(*ch.reduction_months).Normalized().ToChinese();
    }
    if (ch.reduction_days) text += " 减" + std::to_string(*ch.reduction_days) + "日";
    if (ch.new_term_months) {
      text += " 减为" + Period::Months(*ch.new_term_months).Normalized().ToChinese();
    }
    if (ch.proposal_date) text += "，" + ch.proposal_date->ToString() + "提请";
    if (ch.decision_date) {
      text += "，" + ch.decision_date->ToString() + "裁定/决定";
    } else {
      text += "，尚未裁定";
    }
    if (cj.term_end_after) text += "，刑期至" + cj.term_end_after->ToString() + "止";
    text += " —— " + std::string(VerdictLabel(cj.verdict)) + "（" + std::string(RegimeName(cj.regime)) + "）";
    const std::optional<Date> d = ch.ActDate();
    line(d ? d->ToString() : "", text);
    findings(cj.findings);
  }
  if (j.release_due) {
    std::string text = "应于" + j.release_due->ToString() + "刑满";
    if (j.uncounted_days) text += "（含不计入执行期的" + std::to_string(j.uncounted_days) + "日）";
    line("", text);
  }
  line(c.as_of.ToString(), "数据截止 —— 判决与执行：" + std::string(VerdictLabel(j.sentence_verdict)));
  findings(j.sentence_findings);
  const Eligibility& e = j.eligibility;
  if (e.commutation == Eligibility::Status::kEligible && e.commutation_from) {
    std::string text = "下次减刑最早可于" + e.commutation_from->ToString() + "提请（" +
                       std::string(e.commutation_rule) + "）";
    if (e.commutation_cap) text += "，仅悔改表现时一次最多减" + e.commutation_cap->Normalized().ToChinese();
    line("", text);
  } else if (e.commutation == Eligibility::Status::kBarred) {
    line("", "不得再减刑（" + std::string(e.commutation_rule) + "）");
  }
  if (e.parole == Eligibility::Status::kEligible && e.parole_from) {
    line("", "假释最早可于" + e.parole_from->ToString() + "提请（" + std::string(e.parole_rule) + "）");
  } else if (e.parole == Eligibility::Status::kBarred) {
    line("", "不得假释（" + std::string(e.parole_rule) + "）");
  }
  if (e.pending_proposal) line("", "有尚未裁定的提请");
  return out;
}

}  // namespace zj::law
