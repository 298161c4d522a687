#pragma once
// zhijian users …, grants … and audit …: accounts, time-limited grants and the audit trail
// from the command line (docs/accounts.md). Writes go through api/auth, the same functions
// the web API calls, and are audited with the actor `cli`.
//
// Exit codes: 0 done; 1 `audit verify` found the trail damaged; 2 bad arguments or failure
// (a Chinese message naming the command on stderr).

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

namespace zj::cli {

class AdminCommands {
 public:
  // Adds the subcommands users, grants and audit to `app` (before it parses).
  explicit AdminCommands(CLI::App& app);
  ~AdminCommands();
  AdminCommands(const AdminCommands&) = delete;
  AdminCommands& operator=(const AdminCommands&) = delete;

  // After parsing: runs the chosen subcommand against the store and returns its exit code,
  // or nullopt when none of these subcommands was chosen.
  std::optional<int> Run(const std::string& db_url);

  struct State;  // the parsed arguments (admin_cmd.cc)

 private:
  std::unique_ptr<State> s_;
};

}  // namespace zj::cli
