// zhijian users / grants / audit end to end: the built binary against a store initialised and
// imported by the binary, exit codes, output, and what lands in the store and the audit trail.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "api/auth/accounts.h"
#include "storage/audit_store.h"
#include "storage/database.h"
#include "tests/support/batch_builder.h"

namespace zj::auth {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

class AuthCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = testing::TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    url_ = "sqlite://" + work_ + "/store.db";
    ASSERT_EQ(Zj("init").code, 0);
    const std::string batch = work_ + "/batch";
    ASSERT_TRUE(testing::BuildBatch(testing::SourceDir() + "/tests/badinput/base", batch, {}).ok());
    CliRun imported = Zj("import " + batch);
    ASSERT_EQ(imported.code, 0) << imported.out << imported.err;
  }
  void TearDown() override { fs::remove_all(work_); }

  // Runs `zhijian --db <store> <args>`, with `input` on stdin.
  CliRun Zj(const std::string& args, const std::string& input = "") {
    const std::string in = work_ + "/stdin", out = work_ + "/stdout", err = work_ + "/stderr";
    testing::WriteFile(in, input);
    const std::string cmd = testing::ZhijianBinary() + " --db " + url_ + " " + args + " < " + in +
                            " > " + out + " 2> " + err;
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = testing::ReadFile(out);
    r.err = testing::ReadFile(err);
    return r;
  }
  static bool Has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }

  std::string work_, url_;
};

TEST_F(AuthCliTest, UsersGrantsAndAuditEndToEnd) {
  // users add, generated password shown once.
  CliRun add = Zj("users add --username ZhangSan --name 张三 --org 510104-PROC --role prosecutor");
  ASSERT_EQ(add.code, 0) << add.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(add.out, m, std::regex("初始密码.*?：(\\S+)"))) << add.out;
  const std::string generated = m[1];
  EXPECT_EQ(generated.size(), 16u);
  EXPECT_TRUE(Has(add.out, "首次登录后须修改密码"));

  // users add, password from stdin.
  CliRun add2 =
      Zj("users add --username lisi --name 李四 --org 510104-RO-01 --role resident "
         "--password-stdin",
         "Zhujian#2025x\n");
  ASSERT_EQ(add2.code, 0) << add2.err;
  EXPECT_FALSE(Has(add2.out, "初始密码"));

  // Bad input: exit 2 with a located Chinese message, nothing created.
  struct Bad {
    std::string args, input, says;
  } bad[] = {
      {"users add --username wangwu --name 王五 --org 510104-PROC --role boss", "", "--role"},
      {"users add --username wangwu --name 王五 --org NO-SUCH --role leader", "", "NO-SUCH"},
      {"users add --username wangwu --name 王五 --org 510104-KSS --role leader", "",
       "不是检察机关"},
      {"users add --username zhangsan --name 张三 --org 510104-PROC --role leader", "", "已被使用"},
      {"users add --username wangwu --name 王五 --org 510104-PROC --role leader --password-stdin",
       "wangwu2025\n", "密码不符合要求"},
      {"users add --username wangwu --name 王五 --org 510104-PROC --role leader --password-stdin",
       "", "标准输入"},
      {"users disable nobody", "", "没有用户 nobody"},
      {"users passwd nobody", "", "没有用户 nobody"},
  };
  for (const Bad& b : bad) {
    CliRun r = Zj(b.args, b.input);
    EXPECT_EQ(r.code, 2) << b.args;
    EXPECT_TRUE(Has(r.err, "错误：")) << r.err;
    EXPECT_TRUE(Has(r.err, b.says)) << b.args << " → " << r.err;
  }
  EXPECT_TRUE(Has(Zj("users add --username wangwu --name 王五 --org 510104-PROC --role boss").err,
                  "错误：users add："));

  // users list.
  CliRun list = Zj("users list --json");
  ASSERT_EQ(list.code, 0) << list.err;
  auto users = nlohmann::json::parse(list.out);
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0]["username"], "lisi");
  EXPECT_EQ(users[0]["role_label"], "派驻检察人员");
  EXPECT_EQ(users[1]["username"], "zhangsan");
  EXPECT_EQ(users[1]["must_change_password"], true);
  EXPECT_EQ(users[1]["disabled"], false);
  EXPECT_TRUE(Has(Zj("users list").out, "检察官"));

  // The generated password signs in (through the library, as the web API would).
  {
    auto db = storage::Database::Open(url_);
    ASSERT_TRUE(db.ok());
    Options opts;
    opts.hash = HashParams::Min();
    auto s = Login(**db, SystemClock::Get(), opts, "zhangsan", generated, "127.0.0.1", "");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_TRUE(s->principal.must_change_password);
  }

  // disable / enable / passwd.
  ASSERT_EQ(Zj("users disable zhangsan").code, 0);
  EXPECT_EQ(nlohmann::json::parse(Zj("users list --json").out)[1]["disabled"], true);
  ASSERT_EQ(Zj("users enable zhangsan").code, 0);
  EXPECT_EQ(nlohmann::json::parse(Zj("users list --json").out)[1]["disabled"], false);
  CliRun passwd = Zj("users passwd zhangsan");
  ASSERT_EQ(passwd.code, 0) << passwd.err;
  ASSERT_TRUE(std::regex_search(passwd.out, m, std::regex("新密码.*?：(\\S+)"))) << passwd.out;
  EXPECT_NE(std::string(m[1]), generated);
  EXPECT_EQ(Zj("users passwd lisi --password-stdin", "Another#2026y\n").code, 0);

  // grants.
  CliRun grant =
      Zj("grants add --user zhangsan --org 510100-PROC --until 2099-12-31 "
         "--reason 跨区域巡回检察");
  ASSERT_EQ(grant.code, 0) << grant.err;
  EXPECT_TRUE(Has(grant.out, "已授权 #1")) << grant.out;
  EXPECT_TRUE(Has(grant.out, "2099-12-31 止")) << grant.out;
  EXPECT_EQ(Zj("grants add --user zhangsan --org 510100-PROC --until 2099-13-01 --reason x").code,
            2);
  CliRun before = Zj("grants add --user zhangsan --org 510100-PROC --until 2001-01-01 --reason x");
  EXPECT_EQ(before.code, 2);
  EXPECT_TRUE(Has(before.err, "截止时间须晚于起始时间")) << before.err;
  CliRun over =
      Zj("grants add --user zhangsan --org 510100-PROC --from 2000-01-01 "
         "--until 2001-01-01 --reason x");
  EXPECT_EQ(over.code, 2);
  EXPECT_TRUE(Has(over.err, "截止时间已过")) << over.err;
  CliRun later =
      Zj("grants add --user lisi --org 510104-PROC --from 2099-01-01 --until 2099-01-31 "
         "--reason 巡回检察");
  ASSERT_EQ(later.code, 0) << later.err;
  CliRun grants = Zj("grants list");
  ASSERT_EQ(grants.code, 0);
  EXPECT_TRUE(Has(grants.out, "#1  zhangsan  510100-PROC")) << grants.out;
  EXPECT_TRUE(Has(grants.out, "有效"));
  EXPECT_TRUE(Has(grants.out, "2099-01-01 至 2099-01-31  未生效")) << grants.out;
  ASSERT_EQ(Zj("grants revoke 1").code, 0);
  CliRun again = Zj("grants revoke 1");
  EXPECT_EQ(again.code, 2);
  EXPECT_TRUE(Has(again.err, "已于")) << again.err;
  EXPECT_EQ(Zj("grants revoke 99").code, 2);
  EXPECT_TRUE(Has(Zj("grants list").out, "已撤销（cli"));

  // audit list: everything the command line did is there, by `cli`.
  CliRun audit = Zj("audit list --user cli --limit 100");
  ASSERT_EQ(audit.code, 0) << audit.err;
  for (const char* action : {"user_create", "user_disable", "user_enable", "password_reset",
                             "grant_add", "grant_revoke"}) {
    EXPECT_TRUE(Has(audit.out, std::string("  cli  ") + action)) << action << "\n" << audit.out;
  }
  CliRun about = Zj("audit list --object user:1");
  EXPECT_TRUE(Has(about.out, "user_create")) << about.out;
  EXPECT_TRUE(Has(about.out, "login")) << about.out;
  EXPECT_FALSE(Has(about.out, "grant_add"));
  EXPECT_EQ(Zj("audit list --object user").code, 2);
  EXPECT_EQ(Zj("audit list --limit 2").out.find("#"), 0u);

  // audit verify: intact, with the head recorded and checked later.
  CliRun verify = Zj("audit verify");
  ASSERT_EQ(verify.code, 0) << verify.out << verify.err;
  ASSERT_TRUE(std::regex_search(verify.out, m, std::regex("哈希 ([0-9a-f]{64})"))) << verify.out;
  const std::string head = m[1];
  CliRun expected = Zj("audit verify --expect-head " + head);
  EXPECT_EQ(expected.code, 0) << expected.out;
  CliRun rewritten = Zj("audit verify --expect-head " + std::string(64, 'b'));
  EXPECT_EQ(rewritten.code, 1);
  EXPECT_TRUE(Has(rewritten.out, "整体改写")) << rewritten.out;

  // Tampered with through raw SQL: exit 1 and the first bad record.
  {
    auto db = storage::Database::Open(url_);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("DROP TRIGGER audit_log_no_update").ok());
    ASSERT_TRUE((*db)->Exec("UPDATE audit_log SET detail = '{}' WHERE seq = 2").ok());
  }
  CliRun broken = Zj("audit verify");
  EXPECT_EQ(broken.code, 1);
  EXPECT_TRUE(Has(broken.out, "审计日志校验未通过")) << broken.out;
  EXPECT_TRUE(Has(broken.out, "首个异常记录：第 2 条")) << broken.out;
}

TEST_F(AuthCliTest, StoreMustBeInitialised) {
  testing::WriteFile(work_ + "/empty.db", "");  // a file, but no store in it
  const std::string other = "sqlite://" + work_ + "/empty.db";
  const std::string cmd =
      testing::ZhijianBinary() + " --db " + other + " users list > /dev/null 2> " + work_ + "/e";
  const int status = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_TRUE(Has(testing::ReadFile(work_ + "/e"), "zhijian init"));
}

}  // namespace
}  // namespace zj::auth
