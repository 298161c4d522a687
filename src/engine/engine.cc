#include "engine/engine.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <functional>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "engine/toml_config.h"
#include "models/jurisdiction.h"
#include "models/registry.h"
#include "storage/exchange_reader.h"

namespace zj::engine {
namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Tasks that may add tasks; RunAll returns when every task has finished. A task that
// returns an error stops the queue (tasks not yet started are dropped).
class TaskQueue {
 public:
  void Add(std::function<Status()> task) {
    std::lock_guard lock(mu_);
    tasks_.push_back(std::move(task));
    cv_.notify_one();
  }

  Status RunAll(int threads) {
    auto worker = [this] {
      while (true) {
        std::function<Status()> task;
        {
          std::unique_lock lock(mu_);
          cv_.wait(lock, [this] { return !tasks_.empty() || running_ == 0; });
          if (tasks_.empty()) {
            cv_.notify_all();
            return;
          }
          task = std::move(tasks_.front());
          tasks_.pop_front();
          ++running_;
        }
        Status s = task();
        std::lock_guard lock(mu_);
        --running_;
        if (!s.ok() && status_.ok()) {
          status_ = s;
          tasks_.clear();
        }
        cv_.notify_all();
      }
    };
    std::vector<std::thread> pool;
    for (int i = 1; i < std::max(threads, 1); ++i) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    return status_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<Status()>> tasks_;
  int running_ = 0;
  Status status_;
};

struct PassState {
  const models::Pass* pass = nullptr;
  std::unique_ptr<models::PassRun> run;
  std::vector<models::PassOutput> outputs;
  Clock::time_point began;
  std::mutex mu;
  double cpu_ms = 0;
  double wall_ms = 0;
  int parts_left = 0;
};

// The finding's key holds exactly the declared columns, in order (or, for a one-of key,
// exactly one of them), none empty.
bool KeyDeclared(const models::ModelSpec& spec, const models::Finding& f) {
  for (const auto& [k, v] : f.key) {
    if (v.empty()) return false;
  }
  if (spec.key_one_of) {
    return f.key.size() == 1 &&
           std::find(spec.key.begin(), spec.key.end(), f.key[0].first) != spec.key.end();
  }
  if (f.key.size() != spec.key.size()) return false;
  for (size_t i = 0; i < f.key.size(); ++i) {
    if (f.key[i].first != spec.key[i]) return false;
  }
  return true;
}

std::string JsonArray(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

}  // namespace

Result<RunResult> RunModels(const std::string& db_url, const RunOptions& options) {
  const auto t0 = Clock::now();
  RunResult result;
  result.started_at = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();

  // Models to run, and their passes.
  std::vector<const models::ModelSpec*> selected;
  if (options.models.empty()) {
    selected = models::AllModels();
  } else {
    for (const std::string& id : options.models) {
      const models::ModelSpec* m = models::FindModel(id);
      if (!m) {
        std::string known;
        for (const models::ModelSpec* s : models::AllModels()) {
          known += (known.empty() ? "" : " ") + std::string(s->id);
        }
        return InvalidArgument("没有模型 " + id + "；已有模型：" + known);
      }
      if (std::find(selected.begin(), selected.end(), m) == selected.end()) selected.push_back(m);
    }
    std::sort(selected.begin(), selected.end(),
              [](auto* a, auto* b) { return a->id < b->id; });
  }
  if (selected.empty()) return FailedPrecondition("没有可运行的监督模型");
  std::vector<const models::Pass*> passes;
  for (const models::ModelSpec* m : selected) {
    const models::Pass* p = models::PassOf(m->id);
    if (std::find(passes.begin(), passes.end(), p) == passes.end()) passes.push_back(p);
  }

  // The data snapshot.
  ZJ_ASSIGN_OR_RETURN(auto db, storage::Database::Open(db_url));
  ZJ_ASSIGN_OR_RETURN(result.batches, storage::AppliedBatches(*db));
  if (options.as_of) {
    result.as_of = *options.as_of;
  } else {
    ZJ_ASSIGN_OR_RETURN(auto newest, storage::NewestExport(*db));
    if (!newest) return FailedPrecondition("数据库中还没有导入任何数据包，无法运行监督模型");
    result.as_of = *newest;
  }

  // Frames.
  std::vector<models::TableNeed> needs = {models::JurisdictionNeed()};
  for (const models::ModelSpec* m : selected) {
    needs.insert(needs.end(), m->inputs.begin(), m->inputs.end());
  }
  models::DatabaseOpener open_db = [db_url] {
    return storage::Database::Open(db_url, {.create_if_missing = false});
  };
  // Progress: calls serialised by one mutex, counted in models finished.
  std::mutex progress_mu;
  int models_done = 0;
  const int models_total = static_cast<int>(selected.size());
  auto progress = [&](const std::string& stage, int finished) {
    if (!options.progress) return;
    std::lock_guard lock(progress_mu);
    models_done += finished;
    options.progress(stage, models_done, models_total);
  };
  auto selected_of = [&](const models::Pass* p) {
    std::vector<std::string> ids;
    for (const models::ModelSpec* m : p->models()) {
      if (std::find(selected.begin(), selected.end(), m) != selected.end()) ids.emplace_back(m->id);
    }
    return ids;
  };
  progress("载入数据", 0);
  const auto t_load = Clock::now();
  auto snapshot = std::make_unique<models::Snapshot>();
  ZJ_RETURN_IF_ERROR(models::LoadSnapshot(open_db, needs, options.threads, snapshot.get()));
  result.load_ms = MsSince(t_load);

  // Scope and parameters.
  auto covers = [&](std::string_view org) { return models::Covered(*snapshot, org); };
  std::vector<bool> scope;
  if (!options.org_id.empty()) {
    ZJ_ASSIGN_OR_RETURN(scope, covers(options.org_id));
  }
  std::vector<models::ModelParams> declared;
  for (const models::ModelSpec* m : models::AllModels()) declared.push_back({m->id, m->params});
  ZJ_ASSIGN_OR_RETURN(models::ParamSet params,
                      models::ParamSet::Build(declared, options.params,
                                              snapshot->Ids("orgs").size(), covers));

  models::RunContext ctx;
  ctx.data = snapshot.get();
  ctx.as_of = result.as_of;
  ctx.as_of_date = BeijingDate(result.as_of);
  ctx.params = &params;
  for (const models::ModelSpec* m : selected) ctx.selected.push_back(m->id);
  ctx.open_db = open_db;
  ctx.data_dir = options.data_dir;
  ctx.threads = std::max(options.threads, 1);

  // Passes: Start, then every part, on the worker threads.
  std::vector<std::unique_ptr<PassState>> states;
  TaskQueue queue;
  for (const models::Pass* p : passes) {
    states.push_back(std::make_unique<PassState>());
    PassState* st = states.back().get();
    st->pass = p;
    std::vector<std::string> ids = selected_of(p);
    std::string label = "运行";
    for (size_t i = 0; i < ids.size(); ++i) label += (i ? "、" : " ") + ids[i];
    const int pass_models = static_cast<int>(ids.size());
    queue.Add([st, &ctx, &queue, &progress, label, pass_models]() -> Status {
      progress(label, 0);
      st->began = Clock::now();
      ZJ_ASSIGN_OR_RETURN(st->run, st->pass->Start(ctx));
      // A pass may have nothing to do (no subjects in the snapshot): zero parts, and
      // RunPart must not be called (0 ≤ part < parts(), models/model.h).
      const int parts = std::max(st->run->parts(), 0);
      st->outputs.resize(static_cast<size_t>(parts));
      st->parts_left = parts;
      st->cpu_ms = MsSince(st->began);
      if (parts == 0) {
        st->wall_ms = st->cpu_ms;
        progress(label, pass_models);
      }
      for (int part = 0; part < parts; ++part) {
        queue.Add([st, part, &progress, label, pass_models]() -> Status {
          const auto t = Clock::now();
          Status s = st->run->RunPart(part, st->outputs[static_cast<size_t>(part)]);
          std::lock_guard lock(st->mu);
          st->cpu_ms += MsSince(t);
          if (--st->parts_left == 0) {
            st->wall_ms = MsSince(st->began);
            progress(label, pass_models);
          }
          if (!s.ok()) {
            return Status(s.code(), "运行 " + std::string(st->pass->name()) + " 出错：" +
                                        s.message());
          }
          return s;
        });
      }
      return Status::Ok();
    });
  }
  ZJ_RETURN_IF_ERROR(queue.RunAll(ctx.threads));

  // Collect, check, scope, sort.
  std::map<std::string_view, ModelStats> stats;
  for (const models::ModelSpec* m : selected) {
    ModelStats& s = stats[m->id];
    s.id = m->id;
    s.name = m->name;
    s.version = m->version;
    s.pass = models::PassOf(m->id)->name();
  }
  const models::IdDict& org_ids = snapshot->Ids("orgs");
  std::vector<models::Finding> findings;
  for (auto& st : states) {
    for (models::PassOutput& out : st->outputs) {
      for (const auto& [model, n] : out.scanned()) {
        auto it = stats.find(model);
        if (it != stats.end()) it->second.scanned += n;
      }
      for (models::Finding& f : out.findings()) {
        const models::ModelSpec* spec = nullptr;
        for (const models::ModelSpec* m : st->pass->models()) {
          if (m->id == f.model) spec = m;
        }
        if (!spec) return Internal("监督模型输出了未声明的模型编号 " + std::string(f.model));
        if (!KeyDeclared(*spec, f)) {
          return Internal("模型 " + std::string(f.model) + " 的线索键不符合声明：" +
                          models::KeyJson(f));
        }
        auto it = stats.find(spec->id);
        if (it == stats.end()) continue;  // computed by a shared pass, not selected
        if (!scope.empty()) {
          const int32_t org = org_ids.Find(f.org_id);
          if (org == models::kNull32 || static_cast<size_t>(org) >= scope.size() ||
              !scope[static_cast<size_t>(org)]) {
            continue;
          }
        }
        f.model = spec->id;  // the registry's static storage
        if (f.title.empty()) f.title = spec->name;
        findings.push_back(std::move(f));
      }
    }
    for (const models::ModelSpec* m : st->pass->models()) {
      auto it = stats.find(m->id);
      if (it == stats.end()) continue;
      it->second.pass_ms = st->wall_ms;
      it->second.pass_cpu_ms = st->cpu_ms;
    }
  }
  // Sort by (model, key); the key text is kept for the clue records.
  struct Keyed {
    std::string_view model;
    std::string key;
    size_t index;
    bool operator<(const Keyed& o) const { return std::tie(model, key) < std::tie(o.model, o.key); }
  };
  std::vector<Keyed> order;
  order.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    order.push_back({findings[i].model, models::KeyJson(findings[i]), i});
  }
  std::sort(order.begin(), order.end());
  for (size_t i = 1; i < order.size(); ++i) {
    if (order[i].model == order[i - 1].model && order[i].key == order[i - 1].key) {
      return Internal("监督模型对同一键输出了两条线索：" + std::string(order[i].model) + " " +
                      order[i].key);
    }
  }
  result.findings.reserve(findings.size());
  for (const Keyed& k : order) {
    ++stats[k.model].findings;
    result.findings.push_back(std::move(findings[k.index]));
  }

  // The data must not have changed while we read it.
  ZJ_ASSIGN_OR_RETURN(auto batches_after, storage::AppliedBatches(*db));
  if (batches_after != result.batches) {
    return Aborted("运行期间有新的数据包导入，结果可能不一致，请重新运行");
  }

  const std::string detected_at = FormatTimestamp(result.started_at);
  if (!options.findings_path.empty()) {
    std::ofstream out(options.findings_path, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("无法写入线索文件 " + options.findings_path);
    for (const models::Finding& f : result.findings) {
      out << models::FindingJson(f, detected_at).dump() << '\n';
    }
    if (!out.flush()) return IoError("写入线索文件失败：" + options.findings_path);
  }

  // Record and reconcile.
  std::vector<storage::ClueContent> contents;
  contents.reserve(result.findings.size());
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const models::Finding& f = result.findings[i];
    contents.push_back({.model = std::string(f.model),
                        .key = std::move(order[i].key),
                        .person_id = f.person_id,
                        .org_id = f.org_id,
                        .severity = std::string(models::SeverityCode(f.severity)),
                        .title = f.title,
                        .summary = f.summary,
                        .facts = f.facts.dump(),
                        .basis = nlohmann::json(f.basis).dump(),
                        .window = f.window.dump()});
  }
  std::vector<std::string> model_ids;
  nlohmann::json versions = nlohmann::json::object();
  for (const models::ModelSpec* m : selected) {
    model_ids.emplace_back(m->id);
    versions[std::string(m->id)] = m->version;
  }
  result.total_ms = MsSince(t0);
  auto stats_json = [&] {
    nlohmann::json j = {{"load_ms", result.load_ms}, {"models", nlohmann::json::object()}};
    for (const auto& [id, s] : stats) {
      j["models"][std::string(id)] = {{"scanned", s.scanned},     {"findings", s.findings},
                                      {"pass", s.pass},           {"pass_ms", s.pass_ms},
                                      {"pass_cpu_ms", s.pass_cpu_ms}};
    }
    j["total_ms"] = MsSince(t0);
    return j.dump();
  };
  storage::RunRecord record{
      .started_at = result.started_at,
      .finished_at = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count(),
      .as_of = result.as_of,
      .scope_org_id = options.org_id,
      .models = JsonArray(model_ids),
      .versions = versions.dump(),
      .params = params.ToJson().dump(),
      .batches = JsonArray(result.batches),
      .stats = stats_json(),
      .clues_updated = options.update_clues};
  auto in_scope = [&](std::string_view org_id) {
    if (scope.empty()) return true;
    const int32_t org = org_ids.Find(org_id);
    return org != models::kNull32 && static_cast<size_t>(org) < scope.size() &&
           scope[static_cast<size_t>(org)];
  };
  progress("更新线索", 0);
  ZJ_ASSIGN_OR_RETURN(storage::RecordedRun recorded,
                      storage::RecordRun(*db, record, model_ids, contents, in_scope,
                                         options.in_transaction));
  result.run_no = recorded.run_no;
  result.clues = recorded.total;
  for (const auto& [id, c] : recorded.per_model) {
    auto it = stats.find(id);
    if (it != stats.end()) it->second.clues = c;
  }
  for (const models::ModelSpec* m : selected) result.models.push_back(stats[m->id]);
  result.total_ms = MsSince(t0);
  return result;
}

Result<toml::table> ParseConfigToml(std::string_view text, std::string_view source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    std::ostringstream where;
    where << source << " 第 " << e.source().begin.line << " 行第 " << e.source().begin.column
          << " 列：" << e.description();
    return InvalidArgument("配置文件格式错误：" + where.str());
  }
}

Result<std::vector<models::ParamOverride>> ParamOverridesFromToml(std::string_view text,
                                                                  std::string_view source) {
  ZJ_ASSIGN_OR_RETURN(toml::table cfg, ParseConfigToml(text, source));
  std::vector<models::ParamOverride> out;
  const toml::table* section = cfg["models"].as_table();
  if (!section) return out;
  auto value_text = [](const toml::node& n) -> std::optional<std::string> {
    if (auto v = n.value<int64_t>()) return std::to_string(*v);
    if (auto v = n.value<double>()) {
      std::ostringstream s;
      s << *v;
      return s.str();
    }
    if (auto v = n.value<std::string>()) return *v;
    return std::nullopt;
  };
  auto add = [&](const std::string& model, const toml::table& t,
                 const std::string& org) -> Status {
    for (const auto& [name, node] : t) {
      if (std::string(name.str()) == "jurisdiction" && org.empty()) continue;
      auto v = value_text(node);
      if (!v) {
        return InvalidArgument(std::string(source) + " 中 models." + model + "." +
                               std::string(name.str()) + " 的值应为数或字符串");
      }
      out.push_back({.model = model,
                     .name = std::string(name.str()),
                     .value = *v,
                     .org_id = org,
                     .source = std::string(source)});
    }
    return Status::Ok();
  };
  for (const auto& [model_key, node] : *section) {
    const std::string model(model_key.str());
    const toml::table* t = node.as_table();
    if (!t) return InvalidArgument(std::string(source) + " 中 models." + model + " 应为表");
    ZJ_RETURN_IF_ERROR(add(model, *t, ""));
    if (const toml::table* j = (*t)["jurisdiction"].as_table()) {
      for (const auto& [org, scoped] : *j) {
        const toml::table* st = scoped.as_table();
        if (!st) {
          return InvalidArgument(std::string(source) + " 中 models." + model + ".jurisdiction." +
                                 std::string(org.str()) + " 应为表");
        }
        ZJ_RETURN_IF_ERROR(add(model, *st, std::string(org.str())));
      }
    }
  }
  return out;
}

}  // namespace zj::engine
