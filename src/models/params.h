#pragma once
// Model parameters: declared with defaults and Chinese descriptions (ParamSpec), set per
// jurisdiction in configuration and per run on the command line, resolved once per run
// into a ParamSet that models read without locks.
//
// Precedence (DESIGN.md §3): declared default < zhijian.toml `[models.Mxx]` < the most
// specific `[models.Mxx.jurisdiction."<org_id>"]` whose jurisdiction covers the org a
// finding is about < `--param Mxx.name=value` (whole run).
//
// A default may be empty: the value then comes from the law in force on the date that
// matters (the model asks src/law), unless a user sets it; IsSet() tells which.
//
// Immutable after Build; thread-safe.

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "domain/codes.h"

namespace zj::models {

enum class ParamType : uint8_t {
  kInt,     // whole number
  kNumber,  // decimal number
  kCodes,   // ';'-separated codes of `codes`
};

struct ParamSpec {
  std::string_view name;  // "out_of_area_minutes"
  ParamType type = ParamType::kInt;
  std::string_view default_value;  // text; empty = "as the law in force says"
  std::string_view unit;           // 分钟, 小时, 元, 月 … (empty for ratios and codes)
  std::string_view description;    // 中文
  std::string_view rule;           // RULEBOOK rule the default follows; empty = user's choice
  const domain::CodeList* codes = nullptr;  // kCodes
  double min = 0;
  double max = 1e12;
};

// One user setting.
struct ParamOverride {
  std::string model;   // "M14"
  std::string name;    // "out_of_area_minutes"
  std::string value;   // as typed
  std::string org_id;  // empty = everywhere; else the jurisdiction of this org
  std::string source;  // 中文, for errors: "命令行", "zhijian.toml"
};

// Parses "M14.out_of_area_minutes=180" (command line form). Chinese error on bad syntax.
Result<ParamOverride> ParseParamArg(std::string_view arg);

// The org argument when a value is not about one org.
inline constexpr int32_t kNoOrg = std::numeric_limits<int32_t>::min();

struct ModelParams {
  std::string_view model;
  std::span<const ParamSpec> params;
};

class ParamSet {
 public:
  // `org_count`: size of the orgs id domain; `covers(scope_org_id, org)`: whether the
  // jurisdiction of org `scope_org_id` covers the org with dense id `org` (kInvalidArgument
  // from `covers` setup is the caller's). Unknown model, parameter or org, a value that
  // does not parse or is out of range → kInvalidArgument naming the setting and its source.
  static Result<ParamSet> Build(
      std::span<const ModelParams> models, std::span<const ParamOverride> overrides,
      int32_t org_count,
      const std::function<Result<std::vector<bool>>(std::string_view scope_org_id)>& covers);

  // Values for findings about org `org` (dense id in the "orgs" domain); kNoOrg (or an id
  // out of range) gives the value that applies everywhere.
  double Num(std::string_view model, std::string_view name, int32_t org = kNoOrg) const;
  int64_t Int(std::string_view model, std::string_view name, int32_t org = kNoOrg) const {
    return static_cast<int64_t>(Num(model, name, org));
  }
  // Bit i set = code i of the parameter's code list.
  uint64_t Codes(std::string_view model, std::string_view name,
                 int32_t org = kNoOrg) const;
  // Whether the value was set by a user (configuration or command line), not defaulted.
  bool IsSet(std::string_view model, std::string_view name, int32_t org = kNoOrg) const;

  // The effective settings, for the run record: {"M14": {"out_of_area_minutes": {"value":
  // 120, "default": true, "jurisdictions": {"510100-PROC": 180}}}}.
  nlohmann::json ToJson() const;

 private:
  struct Value {
    const ParamSpec* spec = nullptr;
    double number = 0;
    uint64_t codes = 0;
    bool set = false;
  };
  struct Entry {
    Value global;
    std::vector<std::pair<std::string, Value>> scoped;  // org_id → value (for the record)
    std::vector<int32_t> by_org;  // index into scoped for each org, -1 = global
  };
  const Entry& Find(std::string_view model, std::string_view name) const;
  const Value& At(const Entry& e, int32_t org) const;
  // model → parameter name → entry; looked up by string_view, without allocating, so
  // models may ask per row.
  using Entries = std::map<std::string, Entry, std::less<>>;
  std::map<std::string, Entries, std::less<>> entries_;
};

}  // namespace zj::models
