#pragma once
// The casework state machines, as tables: clue triage (线索研判) and supervision cases
// (监督案件). These tables are the one source of truth for which action moves a clue or a
// case from which state to which, and which duty (职责) the person doing it must hold; the
// service (casework.h), the API and docs/casework.md follow from them.
//
// Case types and the document each issues:
//   correction         纠正违法        → 纠正违法通知书 (JX-PROS-04: oral correction first for
//                                        minor cases; written when serious or not fixed in 7 days)
//   suggestion         检察建议        → 检察建议书
//   proposal_review    减假暂审查      → 检察意见书 on the 提请 (JX-PROS-01, JX-ZJ-08)
//   ruling_correction  书面纠正意见    → 纠正不当减刑/假释裁定意见书 (JX-PROS-02, JX-PROS-03)
//
// Pure data and lookups; thread-safe.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace zj::workflow {

// What a person must be allowed to do (the api maps roles to duties).
enum class Duty : uint8_t {
  kAssign,   // 分派线索
  kVerify,   // 核查线索
  kDecide,   // 排除、合并线索，立案
  kEdit,     // 办理案件：调查、拟稿、登记回复与整改材料、回头看
  kApprove,  // 审批：签发文书、延长期限、结案
};
std::string_view DutyLabel(Duty d);

// ---- clue triage ----

struct TriageTransition {
  std::string_view action;                   // assign | start | verify | dismiss | merge | …
  std::string_view label;                    // 中文
  std::span<const std::string_view> from;    // states it may start from ("" = 待分派)
  std::string_view to;
  Duty duty;
};
std::span<const TriageTransition> TriageTransitions();
const TriageTransition* FindTriageTransition(std::string_view action);
std::string_view TriageStateLabel(std::string_view state);  // "" → 待分派

// Why a clue is dismissed (排除), coded so it can be counted.
struct DismissReason {
  std::string_view code;
  std::string_view label;
  bool needs_note;  // the reason must be explained in words
};
std::span<const DismissReason> DismissReasons();
const DismissReason* FindDismissReason(std::string_view code);

// ---- cases ----

enum class CaseType : uint8_t { kCorrection, kSuggestion, kProposalReview, kRulingCorrection };

struct CaseTypeInfo {
  CaseType type;
  std::string_view code;      // stored in cases.case_type
  std::string_view label;     // 中文
  std::string_view doc_kind;  // the document it issues (report/legal_document.h kinds)
  std::string_view doc_label;
  std::string_view doc_code;  // the 代字 in the document number: 纠违, 检建, 检意, 纠意
};
std::span<const CaseTypeInfo> CaseTypes();
const CaseTypeInfo* FindCaseType(std::string_view code);
const CaseTypeInfo& Info(CaseType t);

struct CaseState {
  std::string_view code;
  std::string_view label;
  bool terminal;
};
std::span<const CaseState> CaseStates();
const CaseState* FindCaseState(std::string_view code);

// Case outcomes (结案方式), set by the transitions that close a case.
struct CaseOutcome {
  std::string_view code;
  std::string_view label;
};
std::span<const CaseOutcome> CaseOutcomes();
const CaseOutcome* FindCaseOutcome(std::string_view code);

// Type masks for transitions.
inline constexpr uint8_t kAnyType = 0x0f;
constexpr uint8_t TypeBit(CaseType t) { return uint8_t(1u << static_cast<int>(t)); }

struct CaseTransition {
  std::string_view action;
  std::string_view label;  // 中文
  uint8_t types;           // TypeBit mask of the case types it applies to
  std::span<const std::string_view> from;
  std::string_view to;
  Duty duty;
  std::string_view outcome = {};  // set when the transition closes the case with a fixed outcome
};
std::span<const CaseTransition> CaseTransitions();
// The transition for (type, state, action), or nullptr when the action is not allowed there.
const CaseTransition* FindCaseTransition(CaseType type, std::string_view state,
                                         std::string_view action);
// Every action allowed from `state` for `type`, in table order.
std::vector<const CaseTransition*> ActionsFrom(CaseType type, std::string_view state);

}  // namespace zj::workflow
