#pragma once
// Roles (角色) and actions: who may do what (DESIGN.md §7).
//
// The permission table in roles.cc is the only place that says which role may take which
// action; everything else asks Can(). Jurisdiction (whose data) is a separate question,
// answered by api/auth/scope.h: a role says what a user may do, the scope where.
//
// Pure; thread-safe.

#include <optional>
#include <span>
#include <string_view>

namespace zj::auth {

enum class Role {
  kLeader,      // 院领导
  kDeptHead,    // 部门负责人
  kProsecutor,  // 检察官
  kAssistant,   // 检察官助理
  kResident,    // 派驻检察人员
  kAdmin,       // 系统管理员
};

enum class Action {
  kViewCasework,    // clues, cases, people and documents in the jurisdiction
  kClueAssign,      // 分派线索
  kClueVerify,      // 核查线索
  kClueDecide,      // dismiss, merge or promote a clue to a case
  kCaseEdit,        // transitions, drafts, replies, rectification evidence
  kCaseApprove,     // approve issuing a document, extend a deadline
  kIndicatorsView,  // 指标与考核
  kDataImport,      // import exchange batches
  kModelsRun,       // run the supervision models
  kUserAdmin,       // accounts, passwords, grants
  kAuditView,       // read the audit trail
};

std::span<const Role> AllRoles();
std::span<const Action> AllActions();

// Stable code ("prosecutor") stored in users.role and used in the API.
std::string_view RoleCode(Role role);
// Chinese label ("检察官").
std::string_view RoleLabel(Role role);
// A role code, or nullopt when there is no such role.
std::optional<Role> ParseRole(std::string_view code);

std::string_view ActionCode(Action action);   // "clue_assign"
std::string_view ActionLabel(Action action);  // "分派线索"

// Whether `role` may take `action`.
bool Can(Role role, Action action);

}  // namespace zj::auth
