#pragma once
// zhijian models … and zhijian clues …: the model engine from the command line.

#include <cstdint>
#include <string>
#include <vector>

namespace zj::cli {

struct ModelsRunArgs {
  std::vector<std::string> models;
  std::string org_id;
  std::vector<std::string> params;  // "M14.out_of_area_minutes=180"
  std::string as_of;                // YYYY-MM-DD or ISO 8601 timestamp
  std::string out;                  // findings.jsonl
  std::string config_path;          // zhijian.toml (parameter sections), may not exist
  std::string data_dir;
  int threads = 0;  // 0 = the machine's cores
  bool trial = false;
  bool json = false;
};

struct CluesListArgs {
  std::vector<std::string> models;
  std::string org_id;
  std::string status;
  std::string person_id;
  int64_t limit = 50;
  bool json = false;
};

// Exit codes: 0 done, 2 bad arguments or failure.
int CmdModelsList(bool json);
int CmdModelsRun(const std::string& db_url, const ModelsRunArgs& args);
int CmdModelsRuns(const std::string& db_url, int64_t limit, bool json);
int CmdCluesList(const std::string& db_url, const CluesListArgs& args);

}  // namespace zj::cli
