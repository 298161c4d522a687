#include "apps/zhijian/admin_cmd.h"

#include "apps/zhijian/cli_text.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "api/auth/accounts.h"
#include "api/auth/roles.h"
#include "common/clock.h"
#include "storage/account_store.h"
#include "storage/audit_store.h"
#include "storage/migrations.h"

namespace zj::cli {

struct AdminCommands::State {
  CLI::App* users_add = nullptr;
  CLI::App* users_list = nullptr;
  CLI::App* users_passwd = nullptr;
  CLI::App* users_disable = nullptr;
  CLI::App* users_enable = nullptr;
  CLI::App* grants_add = nullptr;
  CLI::App* grants_list = nullptr;
  CLI::App* grants_revoke = nullptr;
  CLI::App* audit_verify = nullptr;
  CLI::App* audit_list = nullptr;

  std::string username, display_name, org_id, role, staff_id;
  bool password_stdin = false;
  bool json = false;
  std::string from, until, reason;
  int64_t grant_id = 0;
  std::string expect_head;
  std::string object, user;
  int64_t limit = 50;
};

namespace {

using auth::Actor;

int Fail(std::string_view command, const Status& s) {
  std::cerr << "错误：" << command << "：" << s.message() << "\n";
  return 2;
}

Result<std::unique_ptr<storage::Database>> OpenExisting(const std::string& url) {
  ZJ_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url, {.create_if_missing = false}));
  ZJ_ASSIGN_OR_RETURN(int version, storage::SchemaVersion(*db));
  if (version == 0) {
    return FailedPrecondition("数据库尚未初始化，请先运行 zhijian init（" + url + "）");
  }
  ZJ_RETURN_IF_ERROR(storage::Migrate(*db).status());
  return db;
}

// One line from stdin, without the line end.
Result<std::string> ReadPassword() {
  std::string line;
  if (!std::getline(std::cin, line)) return InvalidArgument("未能从标准输入读到密码");
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  if (line.empty()) return InvalidArgument("从标准输入读到的密码为空");
  return line;
}

// The first instant of a Beijing calendar day.
Result<Timestamp> DayStart(std::string_view option, const std::string& text) {
  std::optional<Date> d = Date::Parse(text);
  if (!d) return InvalidArgument(std::string(option) + " 应为 YYYY-MM-DD 格式的日期：" + text);
  return BeijingDayStart(*d);
}

std::string Day(Timestamp ts) { return BeijingDate(ts).ToString(); }

std::string RoleText(std::string_view code) {
  std::optional<auth::Role> r = auth::ParseRole(code);
  return r ? std::string(auth::RoleLabel(*r)) : std::string(code);
}

// A table cell: `s` padded to `width` columns, always followed by at least one space.
std::string Cell(std::string_view s, int width) { return Pad(s, width - 1) + " "; }

std::string Roles() {
  std::string s;
  for (auth::Role r : auth::AllRoles()) {
    s += (s.empty() ? "" : " | ") + std::string(auth::RoleCode(r)) + " " +
         std::string(auth::RoleLabel(r));
  }
  return s;
}

int UsersAdd(storage::Database& db, const AdminCommands::State& a) {
  constexpr std::string_view kCmd = "users add";
  std::optional<auth::Role> role = auth::ParseRole(a.role);
  if (!role) return Fail(kCmd, InvalidArgument("--role 应为 " + Roles() + "：" + a.role));
  auth::NewUser u{.username = a.username,
                  .display_name = a.display_name,
                  .org_id = a.org_id,
                  .role = *role,
                  .staff_id = a.staff_id};
  if (a.password_stdin) {
    auto p = ReadPassword();
    if (!p.ok()) return Fail(kCmd, p.status());
    u.password = *p;
  }
  auto made = auth::CreateUser(db, SystemClock::Get(), {}, Actor::Cli(), u);
  if (!made.ok()) return Fail(kCmd, made.status());
  std::cout << "已创建用户 " << u.username << "（" << u.display_name << "，"
            << auth::RoleLabel(*role) << "，" << u.org_id << "），编号 " << made->user_id << "\n";
  if (!made->password.empty()) {
    std::cout << "初始密码（只显示这一次，请当面交给本人）：" << made->password << "\n";
  }
  std::cout << "首次登录后须修改密码。\n";
  return 0;
}

int UsersList(storage::Database& db, bool json) {
  auto users = storage::ListUsers(db);
  if (!users.ok()) return Fail("users list", users.status());
  if (json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const storage::UserRow& u : *users) {
      out.push_back({{"user_id", u.user_id},
                     {"username", u.username},
                     {"display_name", u.display_name},
                     {"org_id", u.org_id},
                     {"role", u.role},
                     {"role_label", RoleText(u.role)},
                     {"staff_id", u.staff_id},
                     {"disabled", u.disabled},
                     {"must_change_password", u.must_change_password},
                     {"created_at", FormatTimestamp(u.created_at)}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (users->empty()) {
    std::cout << "（尚无用户，用 zhijian users add 创建）\n";
    return 0;
  }
  std::cout << Cell("用户名", 18) << Cell("姓名", 12) << Cell("角色", 14) << Cell("机构", 18)
            << "状态\n";
  for (const storage::UserRow& u : *users) {
    std::string state = u.disabled ? "已停用" : "正常";
    if (u.must_change_password && !u.disabled) state += "（须修改密码）";
    std::cout << Cell(u.username, 18) << Cell(u.display_name, 12) << Cell(RoleText(u.role), 14)
              << Cell(u.org_id, 18) << state << "\n";
  }
  return 0;
}

int UsersPasswd(storage::Database& db, const AdminCommands::State& a) {
  constexpr std::string_view kCmd = "users passwd";
  std::optional<std::string> password;
  if (a.password_stdin) {
    auto p = ReadPassword();
    if (!p.ok()) return Fail(kCmd, p.status());
    password = *p;
  }
  auto set = auth::ResetPassword(db, SystemClock::Get(), {}, Actor::Cli(), a.username, password);
  if (!set.ok()) return Fail(kCmd, set.status());
  std::cout << "已重置用户 " << a.username << " 的密码，其全部登录会话已失效。\n";
  if (!set->empty()) std::cout << "新密码（只显示这一次）：" << *set << "\n";
  std::cout << "下次登录后须修改密码。\n";
  return 0;
}

int UsersDisable(storage::Database& db, const std::string& username, bool disabled) {
  Status s = auth::SetUserDisabled(db, SystemClock::Get(), Actor::Cli(), username, disabled);
  if (!s.ok()) return Fail(disabled ? "users disable" : "users enable", s);
  std::cout << (disabled ? "已停用用户 " : "已启用用户 ") << username
            << (disabled ? "，其全部登录会话已失效。\n" : "。\n");
  return 0;
}

int GrantsAdd(storage::Database& db, const AdminCommands::State& a) {
  constexpr std::string_view kCmd = "grants add";
  const Timestamp now = SystemClock::Get().Now();
  auth::GrantRequest g{.username = a.user, .org_id = a.org_id, .reason = a.reason};
  g.valid_from = now;
  if (!a.from.empty()) {
    auto from = DayStart("--from", a.from);
    if (!from.ok()) return Fail(kCmd, from.status());
    g.valid_from = *from;
  }
  auto until = DayStart("--until", a.until);
  if (!until.ok()) return Fail(kCmd, until.status());
  g.valid_until = *until + 86400;  // through the end of that day
  auto id = auth::AddGrant(db, SystemClock::Get(), Actor::Cli(), g);
  if (!id.ok()) return Fail(kCmd, id.status());
  std::cout << "已授权 #" << *id << "：用户 " << a.user << " 可查看 " << a.org_id
            << " 管辖范围内的数据，" << FormatTimestamp(g.valid_from) << " 起至 "
            << Day(g.valid_until - 1) << " 止（事由：" << a.reason << "）\n";
  return 0;
}

int GrantsList(storage::Database& db) {
  auto grants = storage::ListGrants(db, std::nullopt);
  if (!grants.ok()) return Fail("grants list", grants.status());
  if (grants->empty()) {
    std::cout << "（尚无授权）\n";
    return 0;
  }
  const Timestamp now = SystemClock::Get().Now();
  for (const storage::GrantRow& g : *grants) {
    std::string state;
    if (g.revoked_at) {
      state = "已撤销（" + g.revoked_by + "，" + Day(*g.revoked_at) + "）";
    } else if (now < g.valid_from) {
      state = "未生效";
    } else if (now >= g.valid_until) {
      state = "已过期";
    } else {
      state = "有效";
    }
    std::cout << "#" << g.grant_id << "  " << g.username << "  " << g.org_id << "  "
              << Day(g.valid_from) << " 至 " << Day(g.valid_until - 1) << "  " << state
              << "  事由：" << g.reason << "  授权人：" << g.granted_by << "\n";
  }
  return 0;
}

int GrantsRevoke(storage::Database& db, int64_t id) {
  Status s = auth::RevokeGrant(db, SystemClock::Get(), Actor::Cli(), id);
  if (!s.ok()) return Fail("grants revoke", s);
  std::cout << "已撤销授权 #" << id << "\n";
  return 0;
}

int AuditVerify(storage::Database& db, const std::string& expect) {
  auto r = storage::VerifyAudit(db, expect);
  if (!r.ok()) return Fail("audit verify", r.status());
  if (!r->ok()) {
    std::cout << "审计日志校验未通过：" << r->problem << "\n";
    if (r->first_bad_seq > 0) std::cout << "首个异常记录：第 " << r->first_bad_seq << " 条\n";
    std::cout << "共读到 " << r->rows << " 条记录。\n";
    return 1;
  }
  std::cout << "审计日志完整：共 " << r->rows << " 条记录，链头为第 " << r->head_seq << " 条，哈希 "
            << r->head_hash << "\n";
  if (!expect.empty()) {
    std::cout << "预期的哈希是第 " << r->expected_seq << " 条记录的哈希";
    if (r->expected_seq < r->head_seq) {
      std::cout << "，其后又追加了 " << r->head_seq - r->expected_seq << " 条";
    }
    std::cout << "。\n";
  }
  std::cout << "请把链头哈希另行保存（如打印存档），日后用 --expect-head 核对日志未被整体改写。\n";
  return 0;
}

int AuditList(storage::Database& db, const AdminCommands::State& a) {
  constexpr std::string_view kCmd = "audit list";
  storage::AuditFilter f{.limit = a.limit};
  if (!a.object.empty()) {
    const size_t colon = a.object.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == a.object.size()) {
      return Fail(kCmd,
                  InvalidArgument("--object 应写成 类型:编号，如 person:P-0001：" + a.object));
    }
    f.object_type = a.object.substr(0, colon);
    f.object_id = a.object.substr(colon + 1);
  }
  if (!a.user.empty()) {
    f.username = a.user;
    std::transform(f.username.begin(), f.username.end(), f.username.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  if (a.limit <= 0) return Fail(kCmd, InvalidArgument("--limit 应为正整数"));
  auto rows = storage::ListAudit(db, f);
  if (!rows.ok()) return Fail(kCmd, rows.status());
  if (rows->empty()) {
    std::cout << "（没有符合条件的审计记录）\n";
    return 0;
  }
  for (const storage::AuditRow& r : *rows) {
    const storage::AuditEntry& e = r.entry;
    std::cout << "#" << r.seq << "  " << FormatTimestamp(e.at) << "  "
              << (e.username.empty() ? "（系统）" : e.username) << "  " << e.action;
    if (!e.object_type.empty()) std::cout << "  " << e.object_type << ":" << e.object_id;
    if (e.detail != "{}") std::cout << "  " << e.detail;
    if (!e.ip.empty()) std::cout << "  来自 " << e.ip;
    std::cout << "\n";
  }
  return 0;
}

}  // namespace

AdminCommands::AdminCommands(CLI::App& app) : s_(std::make_unique<State>()) {
  State& a = *s_;
  auto* users = app.add_subcommand("users", "用户账号 / user accounts");
  users->require_subcommand(1);
  a.users_add =
      users->add_subcommand("add", "新增用户；未给密码时生成随机密码并只显示一次 / create a user");
  a.users_add->add_option("--username", a.username, "用户名（登录名）/ login name")->required();
  a.users_add->add_option("--name", a.display_name, "姓名 / display name")->required();
  a.users_add->add_option("--org", a.org_id, "所在检察机关的机构编号 / procuratorate org_id")
      ->required();
  a.users_add->add_option("--role", a.role, "角色：" + Roles() + " / role")->required();
  a.users_add->add_option("--staff-id", a.staff_id, "检察人员编号（可选）/ staff_id");
  a.users_add->add_flag("--password-stdin", a.password_stdin,
                        "从标准输入读取初始密码 / read the password from stdin");
  a.users_list = users->add_subcommand("list", "列出用户 / list users");
  a.users_list->add_flag("--json", a.json, "输出 JSON / print JSON");
  a.users_passwd =
      users->add_subcommand("passwd", "重置密码（用户下次登录后须修改）/ reset a password");
  a.users_passwd->add_option("username", a.username, "用户名 / login name")->required();
  a.users_passwd->add_flag("--password-stdin", a.password_stdin,
                           "从标准输入读取新密码 / read the password from stdin");
  a.users_disable = users->add_subcommand("disable", "停用用户并使其登录全部失效 / disable a user");
  a.users_disable->add_option("username", a.username, "用户名 / login name")->required();
  a.users_enable = users->add_subcommand("enable", "重新启用用户 / enable a user");
  a.users_enable->add_option("username", a.username, "用户名 / login name")->required();

  auto* grants = app.add_subcommand(
      "grants", "临时授权（跨区域巡回检察组）/ time-limited jurisdiction grants");
  grants->require_subcommand(1);
  a.grants_add = grants->add_subcommand("add", "授予某机构管辖范围的查看权限 / add a grant");
  a.grants_add->add_option("--user", a.user, "用户名 / login name")->required();
  a.grants_add->add_option("--org", a.org_id, "被授权查看的机构编号 / org_id")->required();
  a.grants_add->add_option("--until", a.until, "截止日期 YYYY-MM-DD（含当日）/ last day")
      ->required();
  a.grants_add->add_option("--from", a.from, "起始日期 YYYY-MM-DD（默认立即生效）/ first day");
  a.grants_add->add_option("--reason", a.reason, "授权事由，如巡回检察任务 / reason")->required();
  a.grants_list = grants->add_subcommand("list", "列出全部授权 / list grants");
  a.grants_revoke = grants->add_subcommand("revoke", "撤销授权 / revoke a grant");
  a.grants_revoke->add_option("id", a.grant_id, "授权编号 / grant id")->required();

  auto* audit = app.add_subcommand("audit", "审计日志 / the audit trail");
  audit->require_subcommand(1);
  a.audit_verify = audit->add_subcommand(
      "verify", "校验审计日志的哈希链；发现问题时退出码为 1 / verify the hash chain");
  a.audit_verify->add_option("--expect-head", a.expect_head,
                             "此前记下的链头哈希 / a head hash recorded earlier");
  a.audit_list = audit->add_subcommand("list", "查询审计记录（最新在前）/ list audit records");
  a.audit_list->add_option("--object", a.object, "对象，如 person:P-0001 / object type:id");
  a.audit_list->add_option("--user", a.user, "操作人用户名（命令行为 cli）/ actor");
  a.audit_list->add_option("--limit", a.limit, "最多显示条数 / at most")->capture_default_str();
}

AdminCommands::~AdminCommands() = default;

std::optional<int> AdminCommands::Run(const std::string& db_url) {
  const State& a = *s_;
  const CLI::App* chosen[] = {a.users_add,    a.users_list, a.users_passwd, a.users_disable,
                              a.users_enable, a.grants_add, a.grants_list,  a.grants_revoke,
                              a.audit_verify, a.audit_list};
  const CLI::App* cmd = nullptr;
  for (const CLI::App* c : chosen) {
    if (c->parsed()) cmd = c;
  }
  if (!cmd) return std::nullopt;
  auto db = OpenExisting(db_url);
  if (!db.ok()) return Fail(cmd->get_parent()->get_name() + " " + cmd->get_name(), db.status());
  storage::Database& store = **db;
  if (cmd == a.users_add) return UsersAdd(store, a);
  if (cmd == a.users_list) return UsersList(store, a.json);
  if (cmd == a.users_passwd) return UsersPasswd(store, a);
  if (cmd == a.users_disable) return UsersDisable(store, a.username, true);
  if (cmd == a.users_enable) return UsersDisable(store, a.username, false);
  if (cmd == a.grants_add) return GrantsAdd(store, a);
  if (cmd == a.grants_list) return GrantsList(store);
  if (cmd == a.grants_revoke) return GrantsRevoke(store, a.grant_id);
  if (cmd == a.audit_verify) return AuditVerify(store, a.expect_head);
  return AuditList(store, a);
}

}  // namespace zj::cli
