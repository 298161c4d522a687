#include "workflow/case_machine.h"

#include <array>
#include <vector>

namespace zj::workflow {
namespace {

using SV = std::string_view;

// ---- triage ----

constexpr std::array<SV, 3> kFromOpen = {"", "assigned", "verifying"};
constexpr std::array<SV, 2> kFromAssigned = {"assigned", "verifying"};
constexpr std::array<SV, 1> kFromAssignedOnly = {"assigned"};
constexpr std::array<SV, 4> kFromUndecided = {"", "assigned", "verifying", "verified"};
constexpr std::array<SV, 2> kFromClosedTriage = {"dismissed", "merged"};

constexpr TriageTransition kTriage[] = {
    {"assign", "分派", kFromOpen, "assigned", Duty::kAssign},
    {"start", "开始核查", kFromAssignedOnly, "verifying", Duty::kVerify},
    {"verify", "核查属实", kFromOpen, "verified", Duty::kVerify},
    {"dismiss", "排除", kFromUndecided, "dismissed", Duty::kDecide},
    {"merge", "合并为重复线索", kFromUndecided, "merged", Duty::kDecide},
    {"promote", "立案", kFromUndecided, "promoted", Duty::kDecide},
    {"reopen", "恢复研判", kFromClosedTriage, "assigned", Duty::kDecide},
};

struct StateLabel {
  SV code;
  SV label;
};
constexpr StateLabel kTriageStates[] = {
    {"", "待分派"},         {"assigned", "已分派"}, {"verifying", "核查中"},
    {"verified", "已核实"}, {"dismissed", "已排除"}, {"merged", "已合并"},
    {"promoted", "已立案"},
};

constexpr DismissReason kReasons[] = {
    {"lawful_on_review", "经核查，执行活动合法", false},
    {"data_error", "数据录入错误，已核对原始卷宗", true},
    {"already_corrected", "执行机关已自行纠正", false},
    {"duplicate", "与其他线索重复", false},
    {"out_of_jurisdiction", "不属本院管辖，已移送", true},
    {"insufficient", "证据不足，无法核实", true},
    {"other", "其他", true},
};

// ---- cases ----

constexpr CaseTypeInfo kTypes[] = {
    {CaseType::kCorrection, "correction", "纠正违法", "correction_notice", "纠正违法通知书",
     "纠违"},
    {CaseType::kSuggestion, "suggestion", "检察建议", "suggestion", "检察建议书", "检建"},
    {CaseType::kProposalReview, "proposal_review", "减刑、假释、暂予监外执行审查",
     "proposal_opinion", "检察意见书", "检意"},
    {CaseType::kRulingCorrection, "ruling_correction", "书面纠正意见（裁定）", "ruling_correction",
     "纠正不当减刑、假释裁定意见书", "纠意"},
};

constexpr CaseState kStates[] = {
    {"accepted", "已受理", false},         {"investigating", "调查核实中", false},
    {"oral_corrected", "已口头纠正", false}, {"drafting", "文书拟制中", false},
    {"pending_approval", "待审批", false},  {"issued", "文书已制发", false},
    {"replied", "已回复（未采纳）", false}, {"rectifying", "整改中", false},
    {"follow_up", "待回头看", false},        {"ruled", "已裁定待审查", false},
    {"closed", "已结案", true},
};

constexpr CaseOutcome kOutcomes[] = {
    {"rectified", "整改到位"},
    {"rectified_orally", "口头纠正后已改正"},
    {"not_adopted", "未采纳"},
    {"escalated", "升级监督"},
    {"no_violation", "经审查未发现违法，终结审查"},
    {"ruling_lawful", "裁定（决定）合法"},
    {"challenged", "已提出书面纠正意见"},
    {"court_corrected", "法院已重新裁定予以纠正"},
};

constexpr uint8_t kAll = kAnyType;
constexpr uint8_t kCorr = TypeBit(CaseType::kCorrection);
constexpr uint8_t kSugg = TypeBit(CaseType::kSuggestion);
constexpr uint8_t kReview = TypeBit(CaseType::kProposalReview);
constexpr uint8_t kRuling = TypeBit(CaseType::kRulingCorrection);

constexpr std::array<SV, 1> kAccepted = {"accepted"};
constexpr std::array<SV, 2> kEarly = {"accepted", "investigating"};
constexpr std::array<SV, 4> kDraftable = {"accepted", "investigating", "oral_corrected",
                                          "drafting"};
constexpr std::array<SV, 3> kTerminable = {"accepted", "investigating", "drafting"};
constexpr std::array<SV, 1> kDrafting = {"drafting"};
constexpr std::array<SV, 1> kPending = {"pending_approval"};
constexpr std::array<SV, 1> kIssued = {"issued"};
constexpr std::array<SV, 1> kOral = {"oral_corrected"};
constexpr std::array<SV, 1> kReplied = {"replied"};
constexpr std::array<SV, 1> kRectifying = {"rectifying"};
constexpr std::array<SV, 1> kFollowUp = {"follow_up"};
constexpr std::array<SV, 1> kRuled = {"ruled"};
constexpr std::array<SV, 3> kEscalatable = {"oral_corrected", "replied", "rectifying"};
// The court may rule before the opinion is issued: that is recorded, never refused.
constexpr std::array<SV, 5> kBeforeRuling = {"accepted", "investigating", "drafting",
                                             "pending_approval", "issued"};

constexpr CaseTransition kCase[] = {
    {"investigate", "开始调查核实", kAll, kAccepted, "investigating", Duty::kEdit},
    {"oral_correct", "口头纠正", kCorr, kEarly, "oral_corrected", Duty::kEdit},
    {"confirm_fixed", "确认已改正", kCorr, kOral, "closed", Duty::kEdit, "rectified_orally"},
    {"draft", "拟制文书", kAll, kDraftable, "drafting", Duty::kEdit},
    {"submit", "提请审批", kAll, kDrafting, "pending_approval", Duty::kEdit},
    {"return", "退回修改", kAll, kPending, "drafting", Duty::kApprove},
    {"approve_issue", "审批签发", kAll, kPending, "issued", Duty::kApprove},
    {"reply_adopted", "登记回复（采纳）", kCorr | kSugg, kIssued, "rectifying", Duty::kEdit},
    {"reply_adopted", "登记回复（采纳）", kRuling, kIssued, "closed", Duty::kEdit,
     "court_corrected"},
    {"reply_rejected", "登记回复（未采纳）", kCorr | kSugg | kRuling, kIssued, "replied",
     Duty::kEdit},
    {"report_rectification", "登记整改材料", kCorr | kSugg, kRectifying, "follow_up",
     Duty::kEdit},
    {"follow_up_passed", "回头看：整改到位", kCorr | kSugg, kFollowUp, "closed", Duty::kEdit,
     "rectified"},
    {"follow_up_failed", "回头看：整改未到位", kCorr | kSugg, kFollowUp, "rectifying",
     Duty::kEdit},
    {"ruling_received", "收到裁定（决定）", kReview, kBeforeRuling, "ruled", Duty::kEdit},
    {"accept_ruling", "审查裁定：合法", kReview, kRuled, "closed", Duty::kEdit, "ruling_lawful"},
    {"challenge_ruling", "审查裁定：提出书面纠正意见", kReview, kRuled, "closed", Duty::kEdit,
     "challenged"},
    {"escalate", "升级监督", kCorr | kSugg | kRuling, kEscalatable, "closed", Duty::kApprove,
     "escalated"},
    {"close_not_adopted", "未采纳结案", kCorr | kSugg | kRuling, kReplied, "closed",
     Duty::kApprove, "not_adopted"},
    {"terminate", "终结审查", kAll, kTerminable, "closed", Duty::kApprove, "no_violation"},
};

bool Contains(std::span<const SV> set, SV s) {
  for (SV x : set) {
    if (x == s) return true;
  }
  return false;
}

}  // namespace

std::string_view DutyLabel(Duty d) {
  switch (d) {
    case Duty::kAssign:
      return "分派线索";
    case Duty::kVerify:
      return "核查线索";
    case Duty::kDecide:
      return "线索处理决定";
    case Duty::kEdit:
      return "案件办理";
    case Duty::kApprove:
      return "审批";
  }
  return "";
}

std::span<const TriageTransition> TriageTransitions() { return kTriage; }

const TriageTransition* FindTriageTransition(std::string_view action) {
  for (const TriageTransition& t : kTriage) {
    if (t.action == action) return &t;
  }
  return nullptr;
}

std::string_view TriageStateLabel(std::string_view state) {
  for (const StateLabel& s : kTriageStates) {
    if (s.code == state) return s.label;
  }
  return state;
}

std::span<const DismissReason> DismissReasons() { return kReasons; }

const DismissReason* FindDismissReason(std::string_view code) {
  for (const DismissReason& r : kReasons) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

std::span<const CaseTypeInfo> CaseTypes() { return kTypes; }

const CaseTypeInfo* FindCaseType(std::string_view code) {
  for (const CaseTypeInfo& t : kTypes) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

const CaseTypeInfo& Info(CaseType t) { return kTypes[static_cast<int>(t)]; }

std::span<const CaseState> CaseStates() { return kStates; }

const CaseState* FindCaseState(std::string_view code) {
  for (const CaseState& s : kStates) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

std::span<const CaseOutcome> CaseOutcomes() { return kOutcomes; }

const CaseOutcome* FindCaseOutcome(std::string_view code) {
  for (const CaseOutcome& o : kOutcomes) {
    if (o.code == code) return &o;
  }
  return nullptr;
}

std::span<const CaseTransition> CaseTransitions() { return kCase; }

const CaseTransition* FindCaseTransition(CaseType type, std::string_view state,
                                         std::string_view action) {
  for (const CaseTransition& t : kCase) {
    if (t.action == action && (t.types & TypeBit(type)) && Contains(t.from, state)) return &t;
  }
  return nullptr;
}

std::vector<const CaseTransition*> ActionsFrom(CaseType type, std::string_view state) {
  std::vector<const CaseTransition*> out;
  for (const CaseTransition& t : kCase) {
    if ((t.types & TypeBit(type)) && Contains(t.from, state)) out.push_back(&t);
  }
  return out;
}

}  // namespace zj::workflow
