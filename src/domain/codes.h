#pragma once
// Code lists of EXCHANGE v1 §3 and the code-valued columns of §4, each code with
// the Chinese label users see. Codes are case-sensitive exact strings.
// Immutable static data; thread-safe.

#include <optional>
#include <span>
#include <string_view>

namespace zj::domain {

struct Code {
  std::string_view code;
  std::string_view label;  // 中文
};

struct CodeList {
  std::string_view name;   // e.g. "penalty"
  std::string_view label;  // e.g. "刑罚种类"
  std::span<const Code> codes;

  // Index of `code` in `codes`, or -1.
  int IndexOf(std::string_view code) const;
  // Chinese label of `code`, or nullopt if it is not in the list.
  std::optional<std::string_view> LabelOf(std::string_view code) const;
  // "a 甲、b 乙、…" for error messages and docs.
  std::string Describe() const;
};

// Every code list, in EXCHANGE order.
std::span<const CodeList* const> AllCodeLists();
// The list named `name`, or nullptr.
const CodeList* FindCodeList(std::string_view name);

extern const CodeList kOrgType;
extern const CodeList kPenalty;
extern const CodeList kCategory;
extern const CodeList kChangeType;
extern const CodeList kCommutationBasis;
extern const CodeList kCustodyEvent;
extern const CodeList kCorrectionType;
extern const CodeList kCorrectionEvent;
extern const CodeList kDetentionStage;
extern const CodeList kStaffRole;
extern const CodeList kGender;
extern const CodeList kProcuratorateOpinion;
extern const CodeList kPointsRating;
extern const CodeList kRewardKind;
extern const CodeList kPostClass;
extern const CodeList kLaborKind;
extern const CodeList kPropertyCaseStatus;
extern const CodeList kPaymentSource;
extern const CodeList kCorrectionStatus;
extern const CodeList kLeaveStatus;
extern const CodeList kPositionSource;
extern const CodeList kMedicalConclusion;
extern const CodeList kAttachmentDocType;
extern const CodeList kAttachmentOwner;

}  // namespace zj::domain
