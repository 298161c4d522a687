// Accounts and sessions: sign-in, session life cycle, fixation, CSRF, throttling, password
// changes, administration, grants, and the audit row beside every change.

#include "api/auth/accounts.h"

#include <gtest/gtest.h>

#include "common/sha256.h"
#include "storage/account_store.h"
#include "storage/audit_store.h"
#include "storage/migrations.h"

namespace zj::auth {
namespace {

using storage::AuditRow;

constexpr Timestamp kT0 = 1'750'000'000;
constexpr const char* kPassword = "Jiancha#2025x";
constexpr const char* kIp = "10.1.1.1";

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = storage::Database::Open("sqlite://:memory:");
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_).ok());
    ASSERT_TRUE(
        db_->Exec(
               "INSERT INTO batches VALUES (1, 'B#1', '510000-PROC', 0, 0, 'strict', '{}');"
               "INSERT INTO orgs (org_id, name, org_type, parent_id, region_code, batch_no) VALUES "
               "('510104-PROC', '成都市锦江区人民检察院', 'county_proc', NULL, '510104', 1),"
               "('510105-PROC', '成都市青羊区人民检察院', 'county_proc', NULL, '510105', 1),"
               "('510104-KSS', '成都市锦江区看守所', 'detention_center', NULL, '510104', 1);")
            .ok());
    opts_.hash = HashParams::Min();
  }

  // A user with kPassword, created from the command line.
  int64_t AddUser(const std::string& name, Role role = Role::kProsecutor) {
    NewUser u{.username = name,
              .display_name = "张三",
              .org_id = "510104-PROC",
              .role = role,
              .password = std::string(kPassword)};
    auto made = CreateUser(*db_, clock_, opts_, Actor::Cli(), u);
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return made.ok() ? made->user_id : 0;
  }
  Result<NewSession> LoginAs(const std::string& name, const std::string& password = kPassword,
                             const std::string& ip = kIp, const std::string& presented = "") {
    return Login(*db_, clock_, opts_, name, password, ip, presented, "req-1");
  }
  std::vector<AuditRow> Audit(const std::string& action = "") {
    auto rows = storage::ListAudit(*db_, {.action = action, .limit = 1000});
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<AuditRow>{};
  }
  int64_t Count(const std::string& sql) {
    auto v = storage::QueryInt(*db_, sql);
    EXPECT_TRUE(v.ok()) << sql;
    return v.ok() ? *v : -1;
  }
  void TearDown() override {
    auto r = storage::VerifyAudit(*db_);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->ok()) << r->problem;
  }

  std::unique_ptr<storage::Database> db_;
  FakeClock clock_{kT0};
  Options opts_;
};

// ---- administration ------------------------------------------------------------------------

TEST_F(AuthTest, CreateUserValidates) {
  auto create = [&](NewUser u) { return CreateUser(*db_, clock_, opts_, Actor::Cli(), u); };
  NewUser ok{.username = "ZhangSan",
             .display_name = "张三",
             .org_id = "510104-PROC",
             .role = Role::kResident,
             .staff_id = "S-1",
             .password = std::string(kPassword)};
  auto made = create(ok);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_TRUE(made->password.empty());
  auto row = storage::FindUser(*db_, "zhangsan");  // lower-cased
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->role, "resident");
  EXPECT_EQ((*row)->staff_id, "S-1");
  EXPECT_TRUE((*row)->must_change_password);
  EXPECT_NE((*row)->password_hash, kPassword);

  EXPECT_EQ(create(ok).status().code(), StatusCode::kAlreadyExists);
  NewUser bad = ok;
  bad.username = "zs";
  EXPECT_EQ(create(bad).status().code(), StatusCode::kInvalidArgument);
  bad.username = "张三";
  EXPECT_EQ(create(bad).status().code(), StatusCode::kInvalidArgument);
  bad = ok;
  bad.username = "lisi";
  bad.display_name = "";
  EXPECT_EQ(create(bad).status().code(), StatusCode::kInvalidArgument);
  bad = ok;
  bad.username = "lisi";
  bad.org_id = "NO-SUCH";
  Status s = create(bad).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("NO-SUCH"), std::string::npos);
  bad.org_id = "510104-KSS";
  s = create(bad).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("不是检察机关"), std::string::npos) << s.message();
  bad.org_id = "510104-PROC";
  bad.password = "short";
  s = create(bad).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("密码不符合要求"), std::string::npos);
  EXPECT_EQ(Count("SELECT count(*) FROM users"), 1);

  auto audit = Audit("user_create");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].entry.username, "cli");
  EXPECT_EQ(audit[0].entry.user_id, std::nullopt);
  EXPECT_EQ(audit[0].entry.object_type, "user");
  EXPECT_EQ(audit[0].entry.object_id, std::to_string(made->user_id));
  EXPECT_NE(audit[0].entry.detail.find("\"role\":\"resident\""), std::string::npos);
  EXPECT_EQ(audit[0].entry.detail.find(kPassword), std::string::npos);
}

TEST_F(AuthTest, GeneratedPasswordIsReturnedOnceAndWorks) {
  NewUser u{.username = "lisi",
            .display_name = "李四",
            .org_id = "510104-PROC",
            .role = Role::kAssistant};
  auto made = CreateUser(*db_, clock_, opts_, Actor::Cli(), u);
  ASSERT_TRUE(made.ok());
  EXPECT_TRUE(CheckPasswordPolicy("lisi", made->password).ok());
  auto s = LoginAs("lisi", made->password);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE(s->principal.must_change_password);
  EXPECT_EQ(s->principal.role, Role::kAssistant);
}

TEST_F(AuthTest, OnlyUserAdminsAdministerWhileTheCommandLineMay) {
  AddUser("admin1", Role::kAdmin);
  AddUser("leader1", Role::kLeader);
  auto admin = LoginAs("admin1");
  auto leader = LoginAs("leader1");
  ASSERT_TRUE(admin.ok() && leader.ok());
  NewUser u{.username = "wangwu",
            .display_name = "王五",
            .org_id = "510104-PROC",
            .password = std::string(kPassword)};
  const Actor by_leader = Actor::Of(leader->principal, "10.2.2.2", "r-9");
  EXPECT_EQ(CreateUser(*db_, clock_, opts_, by_leader, u).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(SetUserDisabled(*db_, clock_, by_leader, "admin1", true).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(ResetPassword(*db_, clock_, opts_, by_leader, "admin1", std::nullopt).status().code(),
            StatusCode::kPermissionDenied);
  GrantRequest g{.username = "leader1",
                 .org_id = "510105-PROC",
                 .valid_from = kT0,
                 .valid_until = kT0 + 86400,
                 .reason = "巡回检察"};
  EXPECT_EQ(AddGrant(*db_, clock_, by_leader, g).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(RevokeGrant(*db_, clock_, by_leader, 1).code(), StatusCode::kPermissionDenied);

  const Actor by_admin = Actor::Of(admin->principal, "10.3.3.3", "r-10");
  auto made = CreateUser(*db_, clock_, opts_, by_admin, u);
  ASSERT_TRUE(made.ok());
  auto audit = Audit("user_create");
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].entry.username, "admin1");
  EXPECT_EQ(audit[0].entry.user_id, admin->principal.user_id);
  EXPECT_EQ(audit[0].entry.ip, "10.3.3.3");
  EXPECT_EQ(audit[0].entry.request_id, "r-10");
  EXPECT_EQ(SetUserDisabled(*db_, clock_, by_admin, "admin1", true).code(),
            StatusCode::kFailedPrecondition);  // not oneself
}

TEST_F(AuthTest, AuditRowIsInTheSameTransaction) {
  // Break the chain's head (triggers dropped first): the append fails, so the change it
  // records must not be there either.
  ASSERT_TRUE(db_->Exec("DROP TRIGGER audit_head_no_delete; DELETE FROM audit_head").ok());
  NewUser u{.username = "lisi",
            .display_name = "李四",
            .org_id = "510104-PROC",
            .password = std::string(kPassword)};
  EXPECT_EQ(CreateUser(*db_, clock_, opts_, Actor::Cli(), u).status().code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(Count("SELECT count(*) FROM users"), 0);
  ASSERT_TRUE(
      db_->Exec("INSERT INTO audit_head VALUES (1, 0, '" + std::string(64, '0') + "')").ok());
  ASSERT_TRUE(db_->Exec("CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
                        "BEGIN SELECT RAISE(ABORT, '审计链头不得删除'); END")
                  .ok());
}

// ---- sign-in and sessions -------------------------------------------------------------------

TEST_F(AuthTest, LoginIssuesASessionStoredOnlyAsHashes) {
  const int64_t id = AddUser("zhangsan");
  auto s = LoginAs("ZhangSan");  // usernames ignore case
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->token.size(), 43u);
  EXPECT_EQ(s->csrf_token.size(), 43u);
  EXPECT_NE(s->token, s->csrf_token);
  EXPECT_EQ(s->expires_at, kT0 + 12 * 3600);
  const Principal& p = s->principal;
  EXPECT_EQ(p.user_id, id);
  EXPECT_EQ(p.username, "zhangsan");
  EXPECT_EQ(p.display_name, "张三");
  EXPECT_EQ(p.role, Role::kProsecutor);
  EXPECT_EQ(p.org_id, "510104-PROC");
  EXPECT_TRUE(p.grant_org_ids.empty());
  EXPECT_TRUE(p.must_change_password);

  auto row = storage::FindSession(*db_, Sha256::Of(s->token));
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->csrf_hash, Sha256::Of(s->csrf_token));
  EXPECT_EQ((*row)->ip, kIp);
  EXPECT_EQ(Count("SELECT count(*) FROM sessions WHERE token_hash = '" + s->token +
                  "' OR csrf_hash = '" + s->csrf_token + "'"),
            0);

  auto audit = Audit("login");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].entry.user_id, id);
  EXPECT_EQ(audit[0].entry.username, "zhangsan");
  EXPECT_EQ(audit[0].entry.ip, kIp);
  EXPECT_EQ(audit[0].entry.request_id, "req-1");
  EXPECT_EQ(Count("SELECT count(*) FROM login_attempts WHERE outcome = 'ok'"), 1);
}

TEST_F(AuthTest, UnknownUserAndWrongPasswordAreTheSameAnswer) {
  AddUser("zhangsan");
  auto wrong = LoginAs("zhangsan", "Wrong#password1");
  auto unknown = LoginAs("nobody", kPassword);
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(unknown.status().code(), wrong.status().code());
  EXPECT_EQ(unknown.status().message(), wrong.status().message());
  EXPECT_EQ(wrong.status().message(), "用户名或密码错误");
  auto failed = Audit("login_failed");
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_NE(failed[0].entry.detail.find("\"username\":\"nobody\""), std::string::npos);
  EXPECT_NE(failed[0].entry.detail.find("bad_credentials"), std::string::npos);
  EXPECT_EQ(failed[0].entry.object_id, "");  // no such user
  EXPECT_EQ(failed[1].entry.object_type, "user");
  EXPECT_EQ(Count("SELECT count(*) FROM login_attempts WHERE outcome = 'bad_credentials'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM sessions"), 0);
}

TEST_F(AuthTest, AuthenticateAndTheIdleTimeout) {
  AddUser("zhangsan");
  auto s = LoginAs("zhangsan");
  ASSERT_TRUE(s.ok());
  auto last_seen = [&] {
    return Count("SELECT last_seen_at FROM sessions WHERE session_id = " +
                 std::to_string(s->principal.session_id));
  };
  auto p = Authenticate(*db_, clock_, opts_, s->token);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->user_id, s->principal.user_id);
  EXPECT_EQ(p->session_id, s->principal.session_id);
  // last_seen moves at most once a minute.
  clock_.Advance(59);
  ASSERT_TRUE(Authenticate(*db_, clock_, opts_, s->token).ok());
  EXPECT_EQ(last_seen(), kT0);
  clock_.Advance(1);
  ASSERT_TRUE(Authenticate(*db_, clock_, opts_, s->token).ok());
  EXPECT_EQ(last_seen(), kT0 + 60);
  // 29:59 idle is fine; 30:00 is not.
  clock_.Advance(30 * 60 - 1);
  ASSERT_TRUE(Authenticate(*db_, clock_, opts_, s->token).ok());
  clock_.Advance(30 * 60);
  auto idle = Authenticate(*db_, clock_, opts_, s->token);
  EXPECT_EQ(idle.status().code(), StatusCode::kUnauthenticated);
  EXPECT_NE(idle.status().message().find("30 分钟未操作"), std::string::npos);

  EXPECT_EQ(Authenticate(*db_, clock_, opts_, "").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Authenticate(*db_, clock_, opts_, "forged-token").status().code(),
            StatusCode::kUnauthenticated);
}

TEST_F(AuthTest, AbsoluteLifetime) {
  AddUser("zhangsan");
  auto s = LoginAs("zhangsan");
  ASSERT_TRUE(s.ok());
  // Busy all day: a request every 20 minutes keeps it from idling out, not past 12 hours.
  for (int i = 0; i < 12 * 3 - 1; ++i) {
    clock_.Advance(20 * 60);
    ASSERT_TRUE(Authenticate(*db_, clock_, opts_, s->token).ok()) << i;
  }
  clock_.Set(kT0 + 12 * 3600 - 1);
  ASSERT_TRUE(Authenticate(*db_, clock_, opts_, s->token).ok());
  clock_.Set(kT0 + 12 * 3600);
  auto late = Authenticate(*db_, clock_, opts_, s->token);
  EXPECT_EQ(late.status().code(), StatusCode::kUnauthenticated);
  EXPECT_NE(late.status().message().find("12 小时"), std::string::npos);
}

TEST_F(AuthTest, Logout) {
  AddUser("zhangsan");
  auto s = LoginAs("zhangsan");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(Logout(*db_, clock_, s->token, kIp, "req-2").ok());
  EXPECT_EQ(Authenticate(*db_, clock_, opts_, s->token).status().code(),
            StatusCode::kUnauthenticated);
  auto audit = Audit("logout");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].entry.username, "zhangsan");
  EXPECT_EQ(audit[0].entry.request_id, "req-2");
  // Again, or with a token nobody has: nothing to do, nothing audited.
  EXPECT_TRUE(Logout(*db_, clock_, s->token, kIp).ok());
  EXPECT_TRUE(Logout(*db_, clock_, "unknown", kIp).ok());
  EXPECT_TRUE(Logout(*db_, clock_, "", kIp).ok());
  EXPECT_EQ(Audit("logout").size(), 1u);
}

TEST_F(AuthTest, LoginRevokesThePresentedTokenAndIssuesANewOne) {
  AddUser("zhangsan");
  AddUser("lisi");
  auto first = LoginAs("zhangsan");
  ASSERT_TRUE(first.ok());
  // Someone signs in from a browser that still carries zhangsan's cookie.
  auto second = LoginAs("lisi", kPassword, kIp, first->token);
  ASSERT_TRUE(second.ok());
  EXPECT_NE(second->token, first->token);
  EXPECT_EQ(Authenticate(*db_, clock_, opts_, first->token).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(Authenticate(*db_, clock_, opts_, second->token)->username, "lisi");
  EXPECT_EQ(Count("SELECT count(*) FROM sessions WHERE revoked_why = 'login'"), 1);
  auto audit = Audit("login");
  EXPECT_NE(audit[0].entry.detail.find("\"revoked_session_id\":" +
                                       std::to_string(first->principal.session_id)),
            std::string::npos)
      << audit[0].entry.detail;
  // A token presented with a login that fails is left alone.
  auto third = LoginAs("lisi", "Wrong#password1", kIp, second->token);
  EXPECT_FALSE(third.ok());
  EXPECT_TRUE(Authenticate(*db_, clock_, opts_, second->token).ok());
}

TEST_F(AuthTest, CsrfTokenBelongsToItsSession) {
  AddUser("zhangsan");
  auto a = LoginAs("zhangsan");
  auto b = LoginAs("zhangsan");
  ASSERT_TRUE(a.ok() && b.ok());
  auto p = Authenticate(*db_, clock_, opts_, a->token);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(CheckCsrf(*p, a->csrf_token).ok());
  EXPECT_TRUE(CheckCsrf(a->principal, a->csrf_token).ok());
  EXPECT_EQ(CheckCsrf(*p, b->csrf_token).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckCsrf(*p, "").code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckCsrf(*p, a->token).code(), StatusCode::kPermissionDenied);
  std::string flipped = a->csrf_token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(CheckCsrf(*p, flipped).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckCsrf(Principal{}, a->csrf_token).code(), StatusCode::kPermissionDenied);
}

TEST_F(AuthTest, DisablingRevokesSessionsAndRefusesSignIn) {
  AddUser("zhangsan");
  auto s1 = LoginAs("zhangsan");
  auto s2 = LoginAs("zhangsan");
  ASSERT_TRUE(s1.ok() && s2.ok());
  ASSERT_TRUE(SetUserDisabled(*db_, clock_, Actor::Cli(), "zhangsan", true).ok());
  EXPECT_EQ(Authenticate(*db_, clock_, opts_, s1->token).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(Authenticate(*db_, clock_, opts_, s2->token).status().code(),
            StatusCode::kUnauthenticated);
  auto again = LoginAs("zhangsan");
  EXPECT_EQ(again.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(again.status().message(), "账号已停用，请联系系统管理员");
  // A wrong password still gets the usual answer.
  EXPECT_EQ(LoginAs("zhangsan", "Wrong#password1").status().message(), "用户名或密码错误");
  auto audit = Audit("user_disable");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_NE(audit[0].entry.detail.find("\"sessions_revoked\":2"), std::string::npos);
  EXPECT_NE(Audit("login_failed")[1].entry.detail.find("\"reason\":\"disabled\""),
            std::string::npos);

  ASSERT_TRUE(SetUserDisabled(*db_, clock_, Actor::Cli(), "zhangsan", true).ok());  // no-op
  EXPECT_EQ(Audit("user_disable").size(), 1u);
  ASSERT_TRUE(SetUserDisabled(*db_, clock_, Actor::Cli(), "zhangsan", false).ok());
  EXPECT_EQ(Audit("user_enable").size(), 1u);
  EXPECT_TRUE(LoginAs("zhangsan").ok());
  EXPECT_EQ(SetUserDisabled(*db_, clock_, Actor::Cli(), "nobody", true).code(),
            StatusCode::kNotFound);
}

TEST_F(AuthTest, ChangePassword) {
  AddUser("zhangsan");
  auto s1 = LoginAs("zhangsan");
  auto s2 = LoginAs("zhangsan");
  ASSERT_TRUE(s1.ok() && s2.ok());
  const Principal& p = s1->principal;
  const char* kNew = "Xingzhi$2026y";
  EXPECT_EQ(ChangePassword(*db_, clock_, opts_, p, "Wrong#password1", kNew, kIp).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ChangePassword(*db_, clock_, opts_, p, kPassword, kPassword, kIp).code(),
            StatusCode::kInvalidArgument);
  Status weak = ChangePassword(*db_, clock_, opts_, p, kPassword, "zhangsan#2026X", kIp);
  EXPECT_NE(weak.message().find("不得包含用户名"), std::string::npos) << weak.message();
  EXPECT_TRUE(Audit("password_change").empty());

  ASSERT_TRUE(ChangePassword(*db_, clock_, opts_, p, kPassword, kNew, kIp, "req-3").ok());
  EXPECT_FALSE(Authenticate(*db_, clock_, opts_, s1->token).ok());
  EXPECT_FALSE(Authenticate(*db_, clock_, opts_, s2->token).ok());
  EXPECT_FALSE(LoginAs("zhangsan", kPassword).ok());
  auto after = LoginAs("zhangsan", kNew);
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->principal.must_change_password);
  auto audit = Audit("password_change");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_NE(audit[0].entry.detail.find("\"sessions_revoked\":2"), std::string::npos);
}

TEST_F(AuthTest, ResetPassword) {
  AddUser("zhangsan");
  auto s = LoginAs("zhangsan");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(
      ChangePassword(*db_, clock_, opts_, s->principal, kPassword, "Xingzhi$2026y", kIp).ok());
  for (int i = 0; i < 5; ++i) (void)LoginAs("zhangsan", "Wrong#password1");
  ASSERT_EQ(LoginAs("zhangsan", "Xingzhi$2026y").status().code(), StatusCode::kResourceExhausted);

  auto generated = ResetPassword(*db_, clock_, opts_, Actor::Cli(), "zhangsan", std::nullopt);
  ASSERT_TRUE(generated.ok());
  EXPECT_EQ(generated->size(), 16u);
  auto again = LoginAs("zhangsan", *generated);  // the lock is cleared too
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->principal.must_change_password);

  auto given =
      ResetPassword(*db_, clock_, opts_, Actor::Cli(), "zhangsan", std::string("Qingyang&2027z"));
  ASSERT_TRUE(given.ok());
  EXPECT_TRUE(given->empty());
  EXPECT_FALSE(Authenticate(*db_, clock_, opts_, again->token).ok());
  EXPECT_TRUE(LoginAs("zhangsan", "Qingyang&2027z").ok());
  EXPECT_EQ(ResetPassword(*db_, clock_, opts_, Actor::Cli(), "zhangsan", std::string("weak"))
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(
      ResetPassword(*db_, clock_, opts_, Actor::Cli(), "nobody", std::nullopt).status().code(),
      StatusCode::kNotFound);
  auto audit = Audit("password_reset");
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_NE(audit[1].entry.detail.find("\"password\":\"generated\""), std::string::npos);
  EXPECT_NE(audit[0].entry.detail.find("\"password\":\"set\""), std::string::npos);
}

TEST_F(AuthTest, RehashOnLoginWhenParametersChange) {
  AddUser("zhangsan");
  const std::string before = (*storage::FindUser(*db_, "zhangsan"))->password_hash;
  opts_.hash.opslimit += 1;
  ASSERT_TRUE(NeedsRehash(before, opts_.hash));
  auto s = LoginAs("zhangsan");
  ASSERT_TRUE(s.ok());
  const std::string after = (*storage::FindUser(*db_, "zhangsan"))->password_hash;
  EXPECT_NE(after, before);
  EXPECT_FALSE(NeedsRehash(after, opts_.hash));
  EXPECT_TRUE(VerifyPassword(after, kPassword));
  EXPECT_NE(Audit("login")[0].entry.detail.find("\"rehashed\":true"), std::string::npos);
  // The next sign-in verifies against the new hash and needs no other.
  EXPECT_TRUE(LoginAs("zhangsan").ok());
  EXPECT_EQ((*storage::FindUser(*db_, "zhangsan"))->password_hash, after);
}

// ---- throttling ------------------------------------------------------------------------------

TEST_F(AuthTest, FiveFailuresLockTheUsernameFor15Minutes) {
  AddUser("zhangsan");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(LoginAs("zhangsan", "Wrong#password1").status().code(), StatusCode::kUnauthenticated)
        << i;
  }
  // Locked: even the right password is refused, and it says so.
  auto locked = LoginAs("zhangsan");
  EXPECT_EQ(locked.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(locked.status().message().find("15 分钟后再试"), std::string::npos)
      << locked.status().message();
  // Another user is not affected.
  AddUser("lisi");
  EXPECT_TRUE(LoginAs("lisi").ok());
  clock_.Advance(15 * 60 - 1);
  EXPECT_EQ(LoginAs("zhangsan").status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(LoginAs("zhangsan").status().message().find("1 分钟后再试"), std::string::npos);
  clock_.Advance(1);
  EXPECT_TRUE(LoginAs("zhangsan").ok());
  auto refused = Audit("login_failed");
  EXPECT_NE(refused[0].entry.detail.find("\"reason\":\"user_locked\""), std::string::npos);
  EXPECT_EQ(Count("SELECT count(*) FROM login_attempts WHERE outcome = 'user_locked'"), 3);
}

TEST_F(AuthTest, FailuresMustBeConsecutive) {
  AddUser("zhangsan");
  for (int i = 0; i < 4; ++i) (void)LoginAs("zhangsan", "Wrong#password1");
  ASSERT_TRUE(LoginAs("zhangsan").ok());
  for (int i = 0; i < 4; ++i) (void)LoginAs("zhangsan", "Wrong#password1");
  EXPECT_TRUE(LoginAs("zhangsan").ok());
}

TEST_F(AuthTest, UnknownUsernamesLockAlike) {
  AddUser("zhangsan");
  for (int i = 0; i < 5; ++i) {
    (void)LoginAs("ghost", "Wrong#password1");
    (void)LoginAs("zhangsan", "Wrong#password1");
  }
  const Status ghost = LoginAs("ghost", "Wrong#password1").status();
  const Status known = LoginAs("zhangsan", "Wrong#password1").status();
  EXPECT_EQ(ghost.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(ghost.code(), known.code());
  EXPECT_EQ(ghost.message(), known.message());
}

TEST_F(AuthTest, TwentyFailuresFromOneIpIn15MinutesRefuseIt) {
  AddUser("zhangsan");
  // Four tries at each of five usernames: no username is locked, the IP is.
  for (int i = 0; i < 20; ++i) {
    clock_.Advance(30);
    auto r = LoginAs("user" + std::to_string(i % 5), "Wrong#password1", "10.9.9.9");
    EXPECT_EQ(r.status().code(), StatusCode::kUnauthenticated) << i;
  }
  auto refused = LoginAs("zhangsan", kPassword, "10.9.9.9");
  EXPECT_EQ(refused.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(refused.status().message().find("本机登录失败次数过多"), std::string::npos);
  EXPECT_TRUE(LoginAs("zhangsan", kPassword, "10.8.8.8").ok());  // another machine
  clock_.Advance(15 * 60 - 1);
  EXPECT_EQ(LoginAs("zhangsan", kPassword, "10.9.9.9").status().code(),
            StatusCode::kResourceExhausted);
  clock_.Advance(1);
  EXPECT_TRUE(LoginAs("zhangsan", kPassword, "10.9.9.9").ok());
}

TEST_F(AuthTest, IpFailuresOutsideTheWindowDoNotCount) {
  AddUser("zhangsan");
  for (int i = 0; i < 19; ++i) (void)LoginAs("user" + std::to_string(i % 5), "Wrong#1", "10.9.9.9");
  clock_.Advance(15 * 60);
  (void)LoginAs("user9", "Wrong#1", "10.9.9.9");
  EXPECT_TRUE(LoginAs("zhangsan", kPassword, "10.9.9.9").ok());
}

// ---- grants ----------------------------------------------------------------------------------

TEST_F(AuthTest, GrantsCountOnlyWhileActive) {
  AddUser("zhangsan");
  GrantRequest g{.username = "zhangsan",
                 .org_id = "510105-PROC",
                 .valid_from = kT0 + 3600,
                 .valid_until = kT0 + 7200,
                 .reason = "跨区域巡回检察（青羊区看守所）"};
  auto id = AddGrant(*db_, clock_, Actor::Cli(), g);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  opts_.idle_timeout = 24 * 3600;  // the session outlives the jumps of the clock below
  auto s = LoginAs("zhangsan");
  ASSERT_TRUE(s.ok());
  auto grants_at = [&](Timestamp t) {
    clock_.Set(t);
    auto p = Authenticate(*db_, clock_, opts_, s->token);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? p->grant_org_ids : std::vector<std::string>{"?"};
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(grants_at(kT0 + 3599), V{});
  EXPECT_EQ(grants_at(kT0 + 3600), V{"510105-PROC"});
  EXPECT_EQ(grants_at(kT0 + 7199), V{"510105-PROC"});
  EXPECT_EQ(grants_at(kT0 + 7200), V{});

  clock_.Set(kT0 + 3600);
  ASSERT_TRUE(RevokeGrant(*db_, clock_, Actor::Cli(), *id).ok());
  EXPECT_EQ(grants_at(kT0 + 3601), V{});
  Status twice = RevokeGrant(*db_, clock_, Actor::Cli(), *id);
  EXPECT_EQ(twice.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(RevokeGrant(*db_, clock_, Actor::Cli(), 999).code(), StatusCode::kNotFound);
  auto added = Audit("grant_add");
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].entry.object_type, "grant");
  EXPECT_EQ(added[0].entry.object_id, std::to_string(*id));
  EXPECT_NE(added[0].entry.detail.find("跨区域巡回检察"), std::string::npos);
  EXPECT_EQ(Audit("grant_revoke").size(), 1u);
}

TEST_F(AuthTest, GrantValidation) {
  AddUser("zhangsan");
  auto add = [&](GrantRequest g) { return AddGrant(*db_, clock_, Actor::Cli(), g).status(); };
  const GrantRequest ok{.username = "zhangsan",
                        .org_id = "510105-PROC",
                        .valid_from = kT0,
                        .valid_until = kT0 + 86400,
                        .reason = "巡回检察"};
  GrantRequest g = ok;
  g.username = "nobody";
  EXPECT_EQ(add(g).code(), StatusCode::kNotFound);
  g = ok;
  g.org_id = "NO-SUCH";
  EXPECT_EQ(add(g).code(), StatusCode::kInvalidArgument);
  g = ok;
  g.valid_until = g.valid_from;
  EXPECT_EQ(add(g).code(), StatusCode::kInvalidArgument);
  g = ok;
  g.valid_from = kT0 - 86400;
  g.valid_until = kT0;  // already over
  EXPECT_EQ(add(g).code(), StatusCode::kInvalidArgument);
  g = ok;
  g.reason = "";
  EXPECT_EQ(add(g).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Count("SELECT count(*) FROM grants"), 0);
  // Any org may be granted, a facility too (巡回检察 of one prison).
  g = ok;
  g.org_id = "510104-KSS";
  EXPECT_TRUE(add(g).ok());
}

}  // namespace
}  // namespace zj::auth
