#include "models/params.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace zj::models {
namespace {

std::string Where(const ParamOverride& o) {
  std::string w = o.source.empty() || o.source == "命令行" ? o.source + "参数"
                                                           : o.source + " 中的参数";
  w += " " + o.model + "." + o.name;
  if (!o.org_id.empty()) w += "（辖区 " + o.org_id + "）";
  return w;
}

std::string ParamList(const ModelParams& m) {
  std::string s;
  for (const ParamSpec& p : m.params) s += (s.empty() ? "" : "、") + std::string(p.name);
  return s.empty() ? "（无参数）" : s;
}

// Parses `text` for `spec` into `value`; empty string on success, else the Chinese reason.
std::string ParseValue(const ParamSpec& spec, std::string_view text, double* number,
                       uint64_t* codes) {
  if (spec.type == ParamType::kCodes) {
    *codes = 0;
    while (!text.empty()) {
      const size_t semi = text.find(';');
      const std::string_view code = text.substr(0, semi);
      const int i = spec.codes->IndexOf(code);
      if (i < 0) {
        return "“" + std::string(code) + "”不是" + std::string(spec.codes->label) +
               "代码，可用：" + spec.codes->Describe();
      }
      *codes |= uint64_t{1} << i;
      if (semi == std::string_view::npos) break;
      text.remove_prefix(semi + 1);
    }
    return "";
  }
  double v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) {
    return "值“" + std::string(text) + "”不是数";
  }
  if (spec.type == ParamType::kInt && v != std::floor(v)) {
    return "值“" + std::string(text) + "”应为整数";
  }
  if (v < spec.min || v > spec.max) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "值 %s 超出允许范围 %g–%g", std::string(text).c_str(),
                  spec.min, spec.max);
    return buf;
  }
  *number = v;
  return "";
}

}  // namespace

Result<ParamOverride> ParseParamArg(std::string_view arg) {
  const size_t eq = arg.find('=');
  const size_t dot = arg.substr(0, eq).find('.');
  if (eq == std::string_view::npos || dot == std::string_view::npos || dot == 0 ||
      dot + 1 == eq) {
    return InvalidArgument("参数“" + std::string(arg) +
                           "”格式不对，应为 模型.参数=值，例如 M14.out_of_area_minutes=180");
  }
  return ParamOverride{.model = std::string(arg.substr(0, dot)),
                       .name = std::string(arg.substr(dot + 1, eq - dot - 1)),
                       .value = std::string(arg.substr(eq + 1)),
                       .source = "命令行"};
}

Result<ParamSet> ParamSet::Build(
    std::span<const ModelParams> models, std::span<const ParamOverride> overrides,
    int32_t org_count,
    const std::function<Result<std::vector<bool>>(std::string_view scope_org_id)>& covers) {
  ParamSet set;
  for (const ModelParams& m : models) {
    for (const ParamSpec& p : m.params) {
      Entry e;
      e.global.spec = &p;
      if (!p.default_value.empty()) {
        const std::string err = ParseValue(p, p.default_value, &e.global.number, &e.global.codes);
        if (!err.empty()) {
          throw std::logic_error(std::string(m.model) + "." + std::string(p.name) +
                                 " default: " + err);
        }
      }
      e.by_org.assign(static_cast<size_t>(std::max(org_count, 0)), -1);
      set.entries_[std::string(m.model)].emplace(std::string(p.name), std::move(e));
    }
  }
  // Global settings first (configuration, then command line: later wins), then scoped ones
  // from the widest jurisdiction to the narrowest (more orgs covered first).
  struct Scoped {
    const ParamOverride* o;
    std::vector<bool> covered;
    size_t count;
  };
  std::vector<Scoped> scoped;
  for (const ParamOverride& o : overrides) {
    const ModelParams* model = nullptr;
    for (const ModelParams& m : models) {
      if (m.model == o.model) model = &m;
    }
    if (!model) return InvalidArgument(Where(o) + "：没有模型 " + o.model);
    auto m = set.entries_.find(o.model);
    auto it = m == set.entries_.end() ? Entries::iterator() : m->second.find(o.name);
    if (m == set.entries_.end() || it == m->second.end()) {
      return InvalidArgument(Where(o) + "：模型 " + o.model + " 没有参数 " + o.name + "；可用参数：" +
                             ParamList(*model));
    }
    Value v{.spec = it->second.global.spec, .set = true};
    const std::string err = ParseValue(*v.spec, o.value, &v.number, &v.codes);
    if (!err.empty()) return InvalidArgument(Where(o) + "：" + err);
    if (o.org_id.empty()) {
      it->second.global = v;
      continue;
    }
    auto cov = covers(o.org_id);
    if (!cov.ok()) return InvalidArgument(Where(o) + "：" + cov.status().message());
    size_t n = 0;
    for (bool b : *cov) n += b;
    scoped.push_back({&o, std::move(*cov), n});
  }
  std::stable_sort(scoped.begin(), scoped.end(),
                   [](const Scoped& a, const Scoped& b) { return a.count > b.count; });
  for (const Scoped& s : scoped) {
    Entry& e = set.entries_.at(s.o->model).at(s.o->name);
    Value v{.spec = e.global.spec, .set = true};
    (void)ParseValue(*v.spec, s.o->value, &v.number, &v.codes);
    e.scoped.emplace_back(s.o->org_id, v);
    const int32_t index = static_cast<int32_t>(e.scoped.size()) - 1;
    for (size_t org = 0; org < s.covered.size() && org < e.by_org.size(); ++org) {
      if (s.covered[org]) e.by_org[org] = index;
    }
  }
  return set;
}

const ParamSet::Entry& ParamSet::Find(std::string_view model, std::string_view name) const {
  auto m = entries_.find(model);
  if (m != entries_.end()) {
    auto it = m->second.find(name);
    if (it != m->second.end()) return it->second;
  }
  throw std::logic_error("undeclared parameter " + std::string(model) + "." + std::string(name));
}

const ParamSet::Value& ParamSet::At(const Entry& e, int32_t org) const {
  if (org >= 0 && static_cast<size_t>(org) < e.by_org.size()) {
    const int32_t i = e.by_org[static_cast<size_t>(org)];
    if (i >= 0) return e.scoped[static_cast<size_t>(i)].second;
  }
  return e.global;
}

double ParamSet::Num(std::string_view model, std::string_view name, int32_t org) const {
  return At(Find(model, name), org).number;
}

uint64_t ParamSet::Codes(std::string_view model, std::string_view name, int32_t org) const {
  return At(Find(model, name), org).codes;
}

bool ParamSet::IsSet(std::string_view model, std::string_view name, int32_t org) const {
  return At(Find(model, name), org).set;
}

nlohmann::json ParamSet::ToJson() const {
  auto value_json = [](const Value& v) -> nlohmann::json {
    if (v.spec->type == ParamType::kCodes) {
      std::string s;
      for (size_t i = 0; i < v.spec->codes->codes.size(); ++i) {
        if (v.codes & (uint64_t{1} << i)) {
          s += (s.empty() ? "" : ";") + std::string(v.spec->codes->codes[i].code);
        }
      }
      return s;
    }
    if (!v.set && v.spec->default_value.empty()) return nullptr;  // as the law says
    if (v.spec->type == ParamType::kInt) return static_cast<int64_t>(v.number);
    return v.number;
  };
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [model, entries] : entries_) {
    for (const auto& [name, e] : entries) {
      nlohmann::json p = {{"value", value_json(e.global)}, {"default", !e.global.set}};
      if (!e.scoped.empty()) {
        nlohmann::json j = nlohmann::json::object();
        for (const auto& [org, v] : e.scoped) j[org] = value_json(v);
        p["jurisdictions"] = j;
      }
      out[model][name] = p;
    }
  }
  return out;
}

}  // namespace zj::models
