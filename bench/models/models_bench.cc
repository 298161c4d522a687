// bench/models: every supervision model over one store, and the SQL baseline for M02, M14
// and M21 on the same store, in the same run.
//
//   zj_bench_models --db sqlite://var/bench-law/province.db --data-dir data
//                   --baseline-dir bench/baseline [--repeat 3] [--threads 2]
//
// 1. All models, one trial run (clues untouched): wall time end to end after import (load +
//    models + checks), per pass wall and CPU time, rows scanned, findings; positions per
//    second of the trajectory pass (M14–M16); peak RSS of this process after that run.
// 2. For M02, M14 and M21: the engine asked only that model (trial run, end to end, best of
//    `repeat`), and the same question as plain SQL run by the sqlite3 shell on the same store
//    (bench/baseline/m02.sql, m21.sql, m14.sql; best of `repeat`), and the ratio. The M14
//    query needs SpatiaLite and, being per-point polygon tests, runs on a sample of subjects
//    (the script says which); its ratio compares positions per second.
// Timings are printed, never asserted.

#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "engine/engine.h"
#include "models/registry.h"
#include "storage/migrations.h"

namespace {

using Clock = std::chrono::steady_clock;

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

zj::engine::RunResult RunOrDie(const std::string& url, zj::engine::RunOptions o) {
  o.update_clues = false;
  auto r = zj::engine::RunModels(url, o);
  if (!r.ok()) {
    std::cerr << "运行失败：" << r.status().message() << "\n";
    std::exit(2);
  }
  return std::move(*r);
}

// Runs `sql_file` through the sqlite3 shell on the store; returns seconds and the number of
// result lines (the keys it reports).
std::pair<double, long> RunSql(const std::string& db_path, const std::string& sql_file,
                               const std::string& extra_env) {
  const std::string out = "/tmp/zj_bench_models_sql.out";
  // From the store's folder: the M14 query attaches geo.sqlite beside the store.
  const std::string dir = std::filesystem::path(db_path).parent_path().string();
  const std::string cmd = "cd '" + dir + "' && " + extra_env + " sqlite3 -batch -noheader '" +
                          db_path + "' < '" + sql_file + "' > " + out + " 2>/dev/null";
  const auto t = Clock::now();
  const int rc = std::system(cmd.c_str());
  const double s = std::chrono::duration<double>(Clock::now() - t).count();
  if (rc != 0) {
    std::cerr << "基线查询失败（" << sql_file << "），退出码 " << rc << "\n";
    return {-1, 0};
  }
  std::ifstream in(out);
  long lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return {s, lines};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench/models"};
  std::string url, data_dir = "data", baseline_dir = "bench/baseline";
  int repeat = 3, threads = 2;
  app.add_option("--db", url)->required();
  app.add_option("--data-dir", data_dir);
  app.add_option("--baseline-dir", baseline_dir);
  app.add_option("--repeat", repeat);
  app.add_option("--threads", threads);
  CLI11_PARSE(app, argc, argv);
  if (url.rfind("sqlite://", 0) != 0) {
    std::cerr << "--db 应为 sqlite://…\n";
    return 2;
  }
  const std::string db_path = url.substr(9);
  {
    auto db = zj::storage::Database::Open(url, {.create_if_missing = false});
    if (!db.ok() || !zj::storage::Migrate(**db).ok()) {
      std::cerr << "无法打开数据库 " << url << "\n";
      return 2;
    }
  }

  zj::engine::RunOptions all;
  all.threads = threads;
  all.data_dir = data_dir;
  // Warm the page cache once so that the first measured run is not a disk benchmark.
  (void)RunOrDie(url, all);
  zj::engine::RunResult best;
  for (int i = 0; i < repeat; ++i) {
    zj::engine::RunResult r = RunOrDie(url, all);
    if (i == 0 || r.total_ms < best.total_ms) best = std::move(r);
  }
  const double rss = PeakRssMiB();

  std::printf("== all %zu models, %d threads, best of %d: %.2f s end to end (load %.2f s); "
              "%zu findings; peak RSS %.0f MiB\n",
              best.models.size(), threads, repeat, best.total_ms / 1000, best.load_ms / 1000,
              best.findings.size(), rss);
  std::printf("%-5s %-11s %12s %9s %10s %10s\n", "model", "pass", "scanned", "findings",
              "pass_s", "pass_cpu_s");
  std::map<std::string, double> pass_ms;
  int64_t positions = 0;
  for (const auto& m : best.models) {
    std::printf("%-5s %-11s %12lld %9lld %10.3f %10.3f\n", m.id.c_str(), m.pass.c_str(),
                static_cast<long long>(m.scanned), static_cast<long long>(m.findings),
                m.pass_ms / 1000, m.pass_cpu_ms / 1000);
    pass_ms[m.pass] = m.pass_ms;
    if (m.id == "M15") positions = m.scanned;
  }
  if (pass_ms.count("trajectory") && pass_ms["trajectory"] > 0) {
    std::printf("trajectory pass (M14–M16 in one pass): %lld positions in %.2f s = %.1f M "
                "positions/s (reading from SQLite included)\n",
                static_cast<long long>(positions), pass_ms["trajectory"] / 1000,
                positions / pass_ms["trajectory"] / 1000);
  }

  struct Question {
    const char* model;
    const char* file;
    const char* env;
  };
  const Question questions[] = {
      {"M02", "m02.sql", ""},
      {"M21", "m21.sql", ""},
      {"M14", "m14.sql", "SPATIALITE_SECURITY=relaxed"},
  };
  std::printf("\n== engine vs SQL on SQLite (same store, same run; best of %d)\n", repeat);
  for (const Question& q : questions) {
    const std::string sql = baseline_dir + "/" + q.file;
    if (!std::filesystem::exists(sql)) {
      std::printf("%s: no baseline %s\n", q.model, sql.c_str());
      continue;
    }
    zj::engine::RunOptions one = all;
    one.models = {q.model};
    double engine_s = 1e18, pass_s = 1e18;
    int64_t found = 0, scanned = 0;
    for (int i = 0; i < repeat; ++i) {
      zj::engine::RunResult r = RunOrDie(url, one);
      engine_s = std::min(engine_s, r.total_ms / 1000);
      if (!r.models.empty()) pass_s = std::min(pass_s, r.models[0].pass_ms / 1000);
      found = static_cast<int64_t>(r.findings.size());
      scanned = r.models.empty() ? 0 : r.models[0].scanned;
    }
    double sql_s = 1e18;
    long rows = 0;
    for (int i = 0; i < repeat; ++i) {
      auto [s, lines] = RunSql(db_path, sql, q.env);
      if (s < 0) break;
      sql_s = std::min(sql_s, s);
      rows = lines;
    }
    if (std::string_view(q.model) == "M14" && sql_s < 1e17) {
      // Sampled: compare positions per second.
      std::ifstream in(sql);
      long sample = 0;
      for (std::string line; std::getline(in, line);) {
        if (line.rfind("-- sample_corrections: ", 0) == 0) sample = std::stol(line.substr(23));
      }
      const std::string count_file = "/tmp/zj_bench_models_count.sql";
      std::ofstream(count_file) << "SELECT count(*) FROM positions WHERE pos_key < (" << sample + 1
                                << " << 32);\n";
      RunSql(db_path, count_file, "");
      std::ifstream counted("/tmp/zj_bench_models_sql.out");
      long sample_positions = 0;
      counted >> sample_positions;
      const double engine_rate = scanned / engine_s, sql_rate = sample_positions / sql_s;
      std::printf("M14: engine %.3f s end to end for all %lld positions (%.2f M/s, %lld "
                  "findings); SQL+SpatiaLite %.3f s for the %ld positions of the first %ld "
                  "subjects (%.3f M/s, %ld result lines); ratio %.0f× (positions per second)\n",
                  engine_s, static_cast<long long>(scanned), engine_rate / 1e6,
                  static_cast<long long>(found), sql_s, sample_positions, sample, sql_rate / 1e6,
                  rows, engine_rate / sql_rate);
      continue;
    }
    if (sql_s >= 1e17) {
      std::printf("%s: engine %.2f s (%lld findings); SQL baseline failed\n", q.model, engine_s,
                  static_cast<long long>(found));
      continue;
    }
    std::printf("%s: engine %.3f s end to end (%lld findings, %lld rows scanned), of which its "
                "pass %.3f s; SQL %.3f s (%ld result lines); ratio %.2f× end to end, %.1f× pass "
                "alone\n",
                q.model, engine_s, static_cast<long long>(found), static_cast<long long>(scanned),
                pass_s, sql_s, rows, sql_s / engine_s, sql_s / pass_s);
  }
  return 0;
}
