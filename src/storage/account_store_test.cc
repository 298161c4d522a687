// The SQL of accounts: users, sessions, login attempts and locks, grants, the orgs lookup.

#include "storage/account_store.h"

#include <gtest/gtest.h>

#include "storage/migrations.h"

namespace zj::storage {
namespace {

class AccountStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open("sqlite://:memory:");
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(Migrate(*db_).ok());
  }
  int64_t AddUser(const std::string& name) {
    UserRow u{.username = name,
              .display_name = "张三",
              .org_id = "510104-PROC",
              .role = "prosecutor",
              .password_hash = "$argon2id$x",
              .must_change_password = true,
              .password_changed_at = 10,
              .created_at = 10,
              .updated_at = 10};
    auto id = InsertUser(*db_, u);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  std::unique_ptr<Database> db_;
};

TEST_F(AccountStoreTest, Users) {
  const int64_t a = AddUser("zhangsan");
  const int64_t b = AddUser("lisi");
  EXPECT_NE(a, b);
  UserRow dup{.username = "zhangsan",
              .display_name = "x",
              .org_id = "o",
              .role = "admin",
              .password_hash = "h"};
  EXPECT_EQ(InsertUser(*db_, dup).status().code(), StatusCode::kAlreadyExists);

  auto u = FindUser(*db_, "zhangsan");
  ASSERT_TRUE(u.ok() && u->has_value());
  EXPECT_EQ((*u)->user_id, a);
  EXPECT_EQ((*u)->display_name, "张三");
  EXPECT_EQ((*u)->staff_id, "");
  EXPECT_TRUE((*u)->must_change_password);
  EXPECT_FALSE((*u)->disabled);
  EXPECT_FALSE(FindUser(*db_, "nobody")->has_value());
  EXPECT_EQ((*FindUserById(*db_, b))->username, "lisi");
  EXPECT_FALSE(FindUserById(*db_, 999)->has_value());

  auto all = ListUsers(*db_);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].username, "lisi");  // by username

  ASSERT_TRUE(SetPassword(*db_, a, "$argon2id$new", false, 50).ok());
  ASSERT_TRUE(SetDisabled(*db_, a, true, 60).ok());
  u = FindUserById(*db_, a);
  EXPECT_EQ((*u)->password_hash, "$argon2id$new");
  EXPECT_FALSE((*u)->must_change_password);
  EXPECT_EQ((*u)->password_changed_at, 50);
  EXPECT_TRUE((*u)->disabled);
  EXPECT_EQ((*u)->updated_at, 60);
  ASSERT_TRUE(ReplacePasswordHash(*db_, a, "$argon2id$re").ok());
  u = FindUserById(*db_, a);
  EXPECT_EQ((*u)->password_hash, "$argon2id$re");
  EXPECT_EQ((*u)->password_changed_at, 50);  // not a password change
}

TEST_F(AccountStoreTest, Sessions) {
  const int64_t a = AddUser("zhangsan");
  SessionRow s{.token_hash = "t1",
               .csrf_hash = "c1",
               .user_id = a,
               .ip = "10.0.0.1",
               .created_at = 100,
               .last_seen_at = 100,
               .expires_at = 500};
  auto id1 = InsertSession(*db_, s);
  s.token_hash = "t2";
  auto id2 = InsertSession(*db_, s);
  ASSERT_TRUE(id1.ok() && id2.ok());
  auto found = FindSession(*db_, "t1");
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->session_id, *id1);
  EXPECT_EQ((*found)->csrf_hash, "c1");
  EXPECT_EQ((*found)->revoked_at, std::nullopt);
  EXPECT_FALSE(FindSession(*db_, "nope")->has_value());

  ASSERT_TRUE(TouchSession(*db_, *id1, 160).ok());
  EXPECT_EQ((*FindSession(*db_, "t1"))->last_seen_at, 160);

  EXPECT_TRUE(*RevokeSession(*db_, *id1, 200, "logout"));
  EXPECT_FALSE(*RevokeSession(*db_, *id1, 300, "logout"));  // already
  found = FindSession(*db_, "t1");
  EXPECT_EQ((*found)->revoked_at, 200);
  EXPECT_EQ((*found)->revoked_why, "logout");
  EXPECT_EQ(*RevokeUserSessions(*db_, a, 400, "password"), 1);  // only t2 was live
  EXPECT_EQ((*FindSession(*db_, "t2"))->revoked_why, "password");
  EXPECT_EQ(*RevokeUserSessions(*db_, a, 500, "password"), 0);
}

TEST_F(AccountStoreTest, LoginAttemptsCountFailuresPerIpInTheWindow) {
  ASSERT_TRUE(RecordLoginAttempt(*db_, 100, "a", "1.1.1.1", "bad_credentials").ok());
  ASSERT_TRUE(RecordLoginAttempt(*db_, 200, "b", "1.1.1.1", "user_locked").ok());
  ASSERT_TRUE(RecordLoginAttempt(*db_, 300, "a", "1.1.1.1", "ok").ok());
  ASSERT_TRUE(RecordLoginAttempt(*db_, 300, "a", "1.1.1.1", "ip_locked").ok());
  ASSERT_TRUE(RecordLoginAttempt(*db_, 300, "a", "1.1.1.1", "disabled").ok());
  ASSERT_TRUE(RecordLoginAttempt(*db_, 300, "a", "2.2.2.2", "bad_credentials").ok());
  EXPECT_EQ(*CountFailedLogins(*db_, "1.1.1.1", 0), 2);
  EXPECT_EQ(*CountFailedLogins(*db_, "1.1.1.1", 100), 2);
  EXPECT_EQ(*CountFailedLogins(*db_, "1.1.1.1", 101), 1);
  EXPECT_EQ(*CountFailedLogins(*db_, "3.3.3.3", 0), 0);
  // The count uses the partial index.
  auto plan = db_->Prepare(
      "EXPLAIN QUERY PLAN SELECT count(*) FROM login_attempts WHERE ip = $1 AND at >= $2 "
      "AND outcome IN ('bad_credentials', 'user_locked')");
  ASSERT_TRUE(plan.ok());
  std::string text;
  while (*(*plan)->Step()) text += std::string((*plan)->ColumnText(3)) + "\n";
  EXPECT_NE(text.find("login_attempts_ip"), std::string::npos) << text;
}

TEST_F(AccountStoreTest, LoginLocks) {
  auto none = GetLoginLock(*db_, "user", "a");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->failures, 0);
  EXPECT_EQ(none->locked_until, std::nullopt);
  ASSERT_TRUE(PutLoginLock(*db_, "user", "a", {3, std::nullopt}).ok());
  ASSERT_TRUE(PutLoginLock(*db_, "user", "a", {0, 900}).ok());
  ASSERT_TRUE(PutLoginLock(*db_, "ip", "a", {0, 100}).ok());  // same key, other kind
  auto lock = GetLoginLock(*db_, "user", "a");
  EXPECT_EQ(lock->failures, 0);
  EXPECT_EQ(lock->locked_until, 900);
  EXPECT_EQ(GetLoginLock(*db_, "ip", "a")->locked_until, 100);
  ASSERT_TRUE(ClearLoginLock(*db_, "user", "a").ok());
  EXPECT_EQ(GetLoginLock(*db_, "user", "a")->locked_until, std::nullopt);
  EXPECT_EQ(GetLoginLock(*db_, "ip", "a")->locked_until, 100);
}

TEST_F(AccountStoreTest, GrantsActiveFromInclusiveUntilExclusive) {
  const int64_t a = AddUser("zhangsan");
  const int64_t b = AddUser("lisi");
  GrantRow g{.user_id = a,
             .org_id = "510105-PROC",
             .valid_from = 1000,
             .valid_until = 2000,
             .reason = "巡回检察",
             .granted_by = "cli",
             .granted_at = 900};
  auto g1 = InsertGrant(*db_, g);
  g.org_id = "510302-PROC";
  g.valid_from = 1500;
  g.valid_until = 3000;
  auto g2 = InsertGrant(*db_, g);
  g.user_id = b;
  auto g3 = InsertGrant(*db_, g);
  ASSERT_TRUE(g1.ok() && g2.ok() && g3.ok());
  g.valid_until = g.valid_from;
  EXPECT_FALSE(InsertGrant(*db_, g).ok());  // CHECK (valid_until > valid_from)

  using V = std::vector<std::string>;
  EXPECT_EQ(*ActiveGrantOrgs(*db_, a, 999), V{});
  EXPECT_EQ(*ActiveGrantOrgs(*db_, a, 1000), V{"510105-PROC"});
  EXPECT_EQ(*ActiveGrantOrgs(*db_, a, 1500), (V{"510105-PROC", "510302-PROC"}));
  EXPECT_EQ(*ActiveGrantOrgs(*db_, a, 1999), (V{"510105-PROC", "510302-PROC"}));
  EXPECT_EQ(*ActiveGrantOrgs(*db_, a, 2000), V{"510302-PROC"});
  EXPECT_EQ(*ActiveGrantOrgs(*db_, a, 3000), V{});

  EXPECT_TRUE(*RevokeGrantRow(*db_, *g2, 1600, "admin"));
  EXPECT_FALSE(*RevokeGrantRow(*db_, *g2, 1700, "admin"));
  EXPECT_EQ(*ActiveGrantOrgs(*db_, a, 1650), V{"510105-PROC"});
  EXPECT_EQ(*ActiveGrantOrgs(*db_, b, 1650), V{"510302-PROC"});

  auto found = FindGrant(*db_, *g2);
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->username, "zhangsan");
  EXPECT_EQ((*found)->revoked_at, 1600);
  EXPECT_EQ((*found)->revoked_by, "admin");
  EXPECT_FALSE(FindGrant(*db_, 999)->has_value());
  EXPECT_EQ(ListGrants(*db_, std::nullopt)->size(), 3u);
  auto of_a = ListGrants(*db_, a);
  ASSERT_EQ(of_a->size(), 2u);
  EXPECT_EQ((*of_a)[0].grant_id, *g2);  // newest first
}

TEST_F(AccountStoreTest, OrgsAndBatchStamp) {
  EXPECT_EQ(*AppliedBatchStamp(*db_), (BatchStamp{0, 0}));
  EXPECT_FALSE(FindOrg(*db_, "510104-PROC")->has_value());
  ASSERT_TRUE(db_->Exec("INSERT INTO batches VALUES (1, 'B#1', '510000-PROC', 0, 0, 'strict', "
                        "'{}'); INSERT INTO orgs (org_id, name, org_type, region_code, "
                        "batch_no) VALUES ('510104-PROC', '锦江区院', 'county_proc', '510104', 1)")
                  .ok());
  EXPECT_EQ(*AppliedBatchStamp(*db_), (BatchStamp{1, 1}));
  auto org = FindOrg(*db_, "510104-PROC");
  ASSERT_TRUE(org->has_value());
  EXPECT_EQ((*org)->name, "锦江区院");
  EXPECT_EQ((*org)->org_type, "county_proc");
  ASSERT_TRUE(db_->Exec("INSERT INTO batches VALUES (2, 'B#2', '510000-PROC', 0, 0, 'strict', "
                        "'{}')")
                  .ok());
  EXPECT_EQ(*AppliedBatchStamp(*db_), (BatchStamp{2, 2}));
}

TEST_F(AccountStoreTest, AssigneesAreActiveUsersOfTheScopeAndRoles) {
  ASSERT_TRUE(db_->Exec("INSERT INTO batches VALUES (1, 'B#1', '510000-PROC', 0, 0, 'strict', "
                        "'{}'); INSERT INTO orgs (org_id, name, org_type, region_code, "
                        "batch_no) VALUES ('510104-PROC', '锦江区院', 'county_proc', '510104', 1)")
                  .ok());
  auto add = [&](const std::string& name, const std::string& display, const std::string& org,
                 const std::string& role) {
    UserRow u{.username = name,
              .display_name = display,
              .org_id = org,
              .role = role,
              .password_hash = "h"};
    auto id = InsertUser(*db_, u);
    EXPECT_TRUE(id.ok());
    return *id;
  };
  const int64_t wang = add("wang", "王检察官", "510104-PROC", "prosecutor");
  add("li", "李主任", "510104-PROC", "dept_head");
  add("boss", "赵检察长", "510104-PROC", "leader");
  add("far", "刘检察官", "510105-PROC", "prosecutor");
  add("pct", "50%_助理", "510104-PROC", "assistant");
  const int64_t gone = add("gone", "钱检察官", "510104-PROC", "prosecutor");
  ASSERT_TRUE(SetDisabled(*db_, gone, true, 20).ok());

  const std::vector<std::string> roles = {"prosecutor", "assistant", "resident", "dept_head"};
  auto names = [&](const OrgScope& scope, AssigneeFilter f) {
    f.roles = roles;
    auto rows = ListAssignees(*db_, scope, f);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    std::vector<std::string> out;
    for (const AssigneeRow& r : *rows) out.push_back(r.username);
    return out;
  };
  // By org, then display name; no leader, no disabled account.
  EXPECT_EQ(names(OrgScope::All(), {}), (std::vector<std::string>{"pct", "li", "wang", "far"}));
  EXPECT_EQ(names(OrgScope::Of({"510104-PROC"}), {}),
            (std::vector<std::string>{"pct", "li", "wang"}));
  EXPECT_TRUE(names(OrgScope::Of({}), {}).empty());
  EXPECT_EQ(names(OrgScope::All(), {.org_id = "510105-PROC"}), (std::vector<std::string>{"far"}));
  EXPECT_TRUE(names(OrgScope::Of({"510104-PROC"}), {.org_id = "510105-PROC"}).empty());
  // Text matches name or username, wildcards literally.
  EXPECT_EQ(names(OrgScope::All(), {.text = "检察官"}), (std::vector<std::string>{"wang", "far"}));
  EXPECT_EQ(names(OrgScope::All(), {.text = "WAN"}), (std::vector<std::string>{"wang"}));
  EXPECT_EQ(names(OrgScope::All(), {.text = "%_"}), (std::vector<std::string>{"pct"}));
  EXPECT_TRUE(names(OrgScope::All(), {.text = "_x"}).empty());
  EXPECT_EQ(names(OrgScope::All(), {.limit = 1}).size(), 1u);
  // The row: the org's name, "" for an org the orgs table lacks.
  auto rows = ListAssignees(*db_, OrgScope::All(), {.roles = {"prosecutor"}});
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].user_id, wang);
  EXPECT_EQ((*rows)[0].display_name, "王检察官");
  EXPECT_EQ((*rows)[0].role, "prosecutor");
  EXPECT_EQ((*rows)[0].org_name, "锦江区院");
  EXPECT_EQ((*rows)[1].org_name, "");
  EXPECT_TRUE(ListAssignees(*db_, OrgScope::All(), {})->empty());  // no role, no one
}

}  // namespace
}  // namespace zj::storage
