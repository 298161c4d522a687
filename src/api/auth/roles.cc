#include "api/auth/roles.h"

#include <array>
#include <cstdint>

namespace zj::auth {
namespace {

struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<RoleInfo, 6> kRoles = {{
    {Role::kLeader, "leader", "院领导"},
    {Role::kDeptHead, "dept_head", "部门负责人"},
    {Role::kProsecutor, "prosecutor", "检察官"},
    {Role::kAssistant, "assistant", "检察官助理"},
    {Role::kResident, "resident", "派驻检察人员"},
    {Role::kAdmin, "admin", "系统管理员"},
}};

constexpr uint32_t Bit(Role r) { return 1u << static_cast<int>(r); }
constexpr uint32_t kEveryoneButAdmin = Bit(Role::kLeader) | Bit(Role::kDeptHead) |
                                       Bit(Role::kProsecutor) | Bit(Role::kAssistant) |
                                       Bit(Role::kResident);

struct ActionInfo {
  Action action;
  std::string_view code;
  std::string_view label;
  uint32_t roles;  // bit per Role
};

// The permission table: the only place that says who may do what.
constexpr std::array<ActionInfo, 11> kActions = {{
    {Action::kViewCasework, "view_casework", "查看辖区内的线索、案件、人员和文书",
     kEveryoneButAdmin},
    {Action::kClueAssign, "clue_assign", "分派线索", Bit(Role::kLeader) | Bit(Role::kDeptHead)},
    {Action::kClueVerify, "clue_verify", "核查线索",
     Bit(Role::kProsecutor) | Bit(Role::kAssistant) | Bit(Role::kResident) | Bit(Role::kDeptHead)},
    {Action::kClueDecide, "clue_decide", "线索处理（不予立案、合并、转为案件）",
     Bit(Role::kLeader) | Bit(Role::kDeptHead) | Bit(Role::kProsecutor) | Bit(Role::kResident)},
    {Action::kCaseEdit, "case_edit", "办理案件（流转、拟稿、回复、整改材料）",
     Bit(Role::kDeptHead) | Bit(Role::kProsecutor) | Bit(Role::kResident) | Bit(Role::kAssistant)},
    {Action::kCaseApprove, "case_approve", "审批（签发文书、延长期限）",
     Bit(Role::kLeader) | Bit(Role::kDeptHead)},
    {Action::kIndicatorsView, "indicators_view", "查看指标与考核", kEveryoneButAdmin},
    {Action::kDataImport, "data_import", "导入数据包", Bit(Role::kAdmin) | Bit(Role::kDeptHead)},
    {Action::kModelsRun, "models_run", "运行监督模型", Bit(Role::kAdmin) | Bit(Role::kDeptHead)},
    {Action::kUserAdmin, "user_admin", "管理用户账号与授权", Bit(Role::kAdmin)},
    {Action::kAuditView, "audit_view", "查看审计日志", Bit(Role::kAdmin) | Bit(Role::kLeader)},
}};

constexpr std::array<Role, 6> kAllRoles = {Role::kLeader,    Role::kDeptHead, Role::kProsecutor,
                                           Role::kAssistant, Role::kResident, Role::kAdmin};
constexpr std::array<Action, 11> kAllActions = {
    Action::kViewCasework, Action::kClueAssign,  Action::kClueVerify,     Action::kClueDecide,
    Action::kCaseEdit,     Action::kCaseApprove, Action::kIndicatorsView, Action::kDataImport,
    Action::kModelsRun,    Action::kUserAdmin,   Action::kAuditView};

// Both tables are indexed by the enum value: check that once, at compile time.
constexpr bool InEnumOrder() {
  for (size_t i = 0; i < kRoles.size(); ++i) {
    if (static_cast<size_t>(kRoles[i].role) != i || kAllRoles[i] != kRoles[i].role) return false;
  }
  for (size_t i = 0; i < kActions.size(); ++i) {
    if (static_cast<size_t>(kActions[i].action) != i || kAllActions[i] != kActions[i].action) {
      return false;
    }
  }
  return true;
}
static_assert(InEnumOrder(), "kRoles and kActions must list every enum value in order");

}  // namespace

std::span<const Role> AllRoles() { return kAllRoles; }
std::span<const Action> AllActions() { return kAllActions; }

std::string_view RoleCode(Role role) { return kRoles[static_cast<size_t>(role)].code; }
std::string_view RoleLabel(Role role) { return kRoles[static_cast<size_t>(role)].label; }

std::optional<Role> ParseRole(std::string_view code) {
  for (const RoleInfo& r : kRoles) {
    if (r.code == code) return r.role;
  }
  return std::nullopt;
}

std::string_view ActionCode(Action action) { return kActions[static_cast<size_t>(action)].code; }
std::string_view ActionLabel(Action action) { return kActions[static_cast<size_t>(action)].label; }

bool Can(Role role, Action action) {
  return (kActions[static_cast<size_t>(action)].roles & Bit(role)) != 0;
}

}  // namespace zj::auth
