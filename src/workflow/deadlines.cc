#include "workflow/deadlines.h"

#include <algorithm>

#include "common/period.h"
#include "law/rulebook.h"

namespace zj::workflow {
namespace {

constexpr DeadlineSpec kSpecs[] = {
    {DeadlineKind::kProposalOpinion, "proposal_opinion", "对减刑、假释提请提出检察意见"},
    {DeadlineKind::kTempOpinion, "temp_opinion", "对暂予监外执行提请提出书面意见"},
    {DeadlineKind::kRulingCorrection, "ruling_correction", "对减刑、假释裁定提出书面纠正意见"},
    {DeadlineKind::kTempObjection, "temp_objection", "对暂予监外执行决定提出书面意见"},
    {DeadlineKind::kOralFix, "oral_fix", "口头纠正后执行机关改正"},
    {DeadlineKind::kCourtRehear, "court_rehear", "法院重新审理并作出裁定"},
    {DeadlineKind::kPointsReply, "points_reply", "监狱整改计分考核或书面说明"},
    {DeadlineKind::kReply, "reply", "被监督单位书面回复纠正情况"},
    {DeadlineKind::kSuggestionReply, "suggestion_reply", "被建议单位书面回复"},
};

bool In(const std::vector<Date>& v, Date d) { return std::find(v.begin(), v.end(), d) != v.end(); }

bool IsWorkingDay(Date d, const DeadlineSettings& s) {
  if (In(s.workdays, d)) return true;
  if (In(s.holidays, d)) return false;
  return d.IsoWeekday() <= 5;
}

std::string PeriodWords(const law::LawNumber& n) {
  const Period& p = n.value;
  if (p.years) return std::to_string(p.years) + "年";
  if (p.months) return std::to_string(p.months) + "个月";
  return std::to_string(p.days) + (n.working_days ? "个工作日" : "日");
}

ComputedDeadline FromLaw(DeadlineKind kind, law::N number, Date from,
                         const DeadlineSettings& s) {
  const law::LawNumber& n = law::Number(number);
  ComputedDeadline d{kind, from, from, std::string(n.rule), std::string(n.citation), ""};
  d.due = n.working_days ? AddWorkingDays(from, n.value.days, s) : CorrespondingDay(from, n.value);
  d.label = std::string(Spec(kind).label) + "（" + PeriodWords(n) + "，" + d.rule + "）";
  return d;
}

}  // namespace

std::span<const DeadlineSpec> DeadlineSpecs() { return kSpecs; }

const DeadlineSpec* FindDeadlineSpec(std::string_view code) {
  for (const DeadlineSpec& s : kSpecs) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

const DeadlineSpec& Spec(DeadlineKind kind) { return kSpecs[static_cast<int>(kind)]; }

Date AddWorkingDays(Date from, int n, const DeadlineSettings& s) {
  Date d = from;
  while (n > 0) {
    d = d + 1;
    if (IsWorkingDay(d, s)) --n;
  }
  return d;
}

ComputedDeadline ComputeDeadline(DeadlineKind kind, Date from, const DeadlineSettings& s) {
  switch (kind) {
    case DeadlineKind::kProposalOpinion:
      return FromLaw(kind, law::N::kOpinionDays, from, s);
    case DeadlineKind::kTempOpinion:
      return FromLaw(kind, law::N::kTempOpinionDays, from, s);
    case DeadlineKind::kRulingCorrection:
      return FromLaw(kind, law::N::kCorrectionOpinionDays, from, s);
    case DeadlineKind::kTempObjection:
      return FromLaw(kind, law::N::kTempObjection, from, s);
    case DeadlineKind::kOralFix:
      return FromLaw(kind, law::N::kOralCorrectionFix, from, s);
    case DeadlineKind::kCourtRehear:
      return FromLaw(kind, law::N::kCourtRehear, from, s);
    case DeadlineKind::kPointsReply:
      return FromLaw(kind, law::N::kPointsCorrectionDays, from, s);
    case DeadlineKind::kReply: {
      ComputedDeadline d{kind, from, from + s.correction_reply_days, "PARAM:correction_reply_days",
                         "本院规定（无全国统一期限）", ""};
      d.label = std::string(Spec(kind).label) + "（" + std::to_string(s.correction_reply_days) +
                "日，本院设定）";
      return d;
    }
    case DeadlineKind::kSuggestionReply: {
      ComputedDeadline d{kind,
                         from,
                         CorrespondingDay(from, Period::Months(s.suggestion_reply_months)),
                         "PARAM:suggestion_reply_months",
                         "《人民检察院检察建议工作规定》第十九条",
                         ""};
      d.label = std::string(Spec(kind).label) + "（" + std::to_string(s.suggestion_reply_months) +
                "个月，检察建议工作规定第十九条）";
      return d;
    }
  }
  return {kind, from, from, "", "", ""};
}

Result<Date> ExtendedDue(DeadlineKind kind, Date due) {
  if (kind != DeadlineKind::kProposalOpinion) {
    return FailedPrecondition("“" + std::string(Spec(kind).label) + "”的期限没有法定延长");
  }
  return CorrespondingDay(due, law::P(law::N::kOpinionExtDays));
}

}  // namespace zj::workflow
