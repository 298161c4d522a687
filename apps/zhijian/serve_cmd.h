#pragma once
// zhijian serve: the HTTP API and the web app on one port (api/app.h), and zhijian intake:
// accept pending proposals as review cases and record rulings that have arrived.
//
// serve accepts pending proposals once at start (as intake does), then serves until SIGINT
// or SIGTERM. Exit codes: 0 stopped cleanly; 2 bad arguments or start-up failure (Chinese
// message on stderr).

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

namespace zj::cli {

class ServeCommands {
 public:
  // Adds `serve` and `intake` to `app`; `data_dir` is the shipped data/ folder.
  ServeCommands(CLI::App& app, std::string data_dir);
  ~ServeCommands();
  ServeCommands(const ServeCommands&) = delete;
  ServeCommands& operator=(const ServeCommands&) = delete;

  // After parsing: runs the chosen subcommand, or nullopt when neither was chosen.
  // `config_path` is zhijian.toml (its [casework] section; a missing file means defaults).
  std::optional<int> Run(const std::string& db_url, const std::string& config_path);

  struct State;

 private:
  std::unique_ptr<State> s_;
};

}  // namespace zj::cli
