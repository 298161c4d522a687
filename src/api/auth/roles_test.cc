// The permission table, every role × every action, against the matrix written out here.

#include "api/auth/roles.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace zj::auth {
namespace {

TEST(AuthRoles, CodesAndLabels) {
  const std::map<std::string, std::string> expected = {
      {"leader", "院领导"},        {"dept_head", "部门负责人"},  {"prosecutor", "检察官"},
      {"assistant", "检察官助理"}, {"resident", "派驻检察人员"}, {"admin", "系统管理员"}};
  ASSERT_EQ(AllRoles().size(), expected.size());
  for (Role r : AllRoles()) {
    const std::string code(RoleCode(r));
    ASSERT_TRUE(expected.count(code)) << code;
    EXPECT_EQ(RoleLabel(r), expected.at(code));
    EXPECT_EQ(ParseRole(code), r);
  }
  EXPECT_EQ(ParseRole("Admin"), std::nullopt);
  EXPECT_EQ(ParseRole(""), std::nullopt);
  EXPECT_EQ(ParseRole("系统管理员"), std::nullopt);
}

TEST(AuthRoles, ActionsHaveUniqueCodesAndChineseLabels) {
  EXPECT_EQ(AllActions().size(), 11u);
  std::set<std::string_view> codes;
  for (Action a : AllActions()) {
    EXPECT_TRUE(codes.insert(ActionCode(a)).second) << ActionCode(a);
    EXPECT_FALSE(ActionLabel(a).empty());
    EXPECT_GE(static_cast<unsigned char>(ActionLabel(a)[0]), 0x80) << ActionCode(a);
  }
}

TEST(AuthRoles, PermissionTableExhaustive) {
  // Rows: actions; columns: leader, dept_head, prosecutor, assistant, resident, admin.
  const std::map<Action, std::string> matrix = {
      {Action::kViewCasework, "11111-"},   {Action::kClueAssign, "11----"},
      {Action::kClueVerify, "-1111-"},     {Action::kClueDecide, "111-1-"},
      {Action::kCaseEdit, "-1111-"},       {Action::kCaseApprove, "11----"},
      {Action::kIndicatorsView, "11111-"}, {Action::kDataImport, "-1---1"},
      {Action::kModelsRun, "-1---1"},      {Action::kUserAdmin, "-----1"},
      {Action::kAuditView, "1----1"},
  };
  const Role columns[] = {Role::kLeader,    Role::kDeptHead, Role::kProsecutor,
                          Role::kAssistant, Role::kResident, Role::kAdmin};
  ASSERT_EQ(matrix.size(), AllActions().size());
  int allowed = 0;
  for (Action a : AllActions()) {
    ASSERT_TRUE(matrix.count(a)) << ActionCode(a);
    for (int c = 0; c < 6; ++c) {
      const bool want = matrix.at(a)[static_cast<size_t>(c)] == '1';
      EXPECT_EQ(Can(columns[c], a), want) << RoleCode(columns[c]) << " × " << ActionCode(a);
      allowed += want;
    }
  }
  EXPECT_EQ(allowed, 5 + 2 + 4 + 4 + 4 + 2 + 5 + 2 + 2 + 1 + 2);
}

}  // namespace
}  // namespace zj::auth
