// bench/law: how fast the law engine judges whole histories.
//
//   zj_bench_law --db sqlite://var/bench/province.db [--repeat 3]
//
// Loads every case of the store once (models::ForEachCase), then judges all of them on ONE
// thread, `repeat` times, and reports persons judged per second. The baseline, run in the
// same process over the same store, is the question a SQL platform would ask: the start
// time (JX-START-01 tiers) and interval (JX-INTV-01) of every commutation as one SQLite query
// with window functions — a small part of what the engine decides — timed the same way.

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include <sys/resource.h>

#include <CLI/CLI.hpp>

#include "law/judge.h"
#include "models/law_cases.h"
#include "storage/database.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

long MaxRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

// Start time and interval of ordinary fixed-term commutations, in SQL. Month arithmetic
// uses SQLite's date modifiers (which roll 31 January + 1 month over to 3 March — one of
// the reasons the engine does its own).
constexpr const char* kBaselineSql = R"SQL(
WITH delivery AS (
  SELECT person_id, MIN(date) AS d FROM custody_events WHERE event = 'admitted' GROUP BY person_id
), c AS (
  SELECT t.change_id, t.person_id, t.proposal_date AS p, s.term_months AS term,
         LAG(COALESCE(t.effective_date, t.decision_date))
           OVER (PARTITION BY t.sentence_id ORDER BY t.proposal_date) AS prev_eff,
         dl.d AS delivered
  FROM term_changes t JOIN sentences s ON s.sentence_id = t.sentence_id
  LEFT JOIN delivery dl ON dl.person_id = t.person_id
  WHERE t.change_type = 'commutation' AND s.penalty = 'fixed_term' AND t.proposal_date IS NOT NULL
)
SELECT COUNT(*), SUM(CASE
  WHEN prev_eff IS NULL AND delivered IS NOT NULL AND
       p < CAST(julianday(date(delivered * 86400, 'unixepoch',
             CASE WHEN term < 60 THEN '+12 months' WHEN term < 120 THEN '+18 months'
                  ELSE '+24 months' END)) - 2440587.5 AS INTEGER) THEN 1
  WHEN prev_eff IS NOT NULL AND
       p < CAST(julianday(date(prev_eff * 86400, 'unixepoch',
             CASE WHEN term < 120 THEN '+12 months' ELSE '+18 months' END)) - 2440587.5 AS INTEGER)
       THEN 1 ELSE 0 END)
FROM c
)SQL";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"law engine benchmark"};
  std::string url = "sqlite://var/bench/province.db";
  int repeat = 3;
  app.add_option("--db", url, "store");
  app.add_option("--repeat", repeat, "judging passes");
  CLI11_PARSE(app, argc, argv);

  auto db = zj::storage::Database::Open(url);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().message().c_str());
    return 2;
  }
  auto as_of = zj::models::DefaultAsOf(**db);
  if (!as_of.ok()) {
    std::fprintf(stderr, "%s\n", as_of.status().message().c_str());
    return 2;
  }

  // Load.
  std::vector<zj::law::Case> cases;
  const auto t0 = Clock::now();
  zj::Status st = zj::models::ForEachCase(**db, *as_of, [&](zj::law::Case& c) {
    cases.push_back(std::move(c));
  });
  const auto t1 = Clock::now();
  if (!st.ok()) {
    std::fprintf(stderr, "%s\n", st.message().c_str());
    return 2;
  }
  std::set<std::string> persons;
  size_t changes = 0;
  for (const auto& c : cases) {
    persons.insert(c.person.id);
    changes += c.changes.size();
  }

  // Judge, one thread.
  double best = 1e9;
  size_t violations = 0, findings = 0;
  for (int r = 0; r < repeat; ++r) {
    violations = findings = 0;
    const auto a = Clock::now();
    for (const auto& c : cases) {
      const zj::law::Judgment j = zj::law::Judge(c);
      violations += j.verdict == zj::law::Verdict::kViolation;
      findings += j.sentence_findings.size();
      for (const auto& cj : j.changes) findings += cj.findings.size();
    }
    best = std::min(best, Seconds(a, Clock::now()));
  }

  // Baseline: the SQL question, same store, same process.
  double sql_best = 1e9;
  int64_t sql_rows = 0, sql_hits = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto a = Clock::now();
    auto stmt = (*db)->Prepare(kBaselineSql);
    if (!stmt.ok()) {
      std::fprintf(stderr, "%s\n", stmt.status().message().c_str());
      return 2;
    }
    auto row = (*stmt)->Step();
    if (row.ok() && *row) {
      sql_rows = (*stmt)->ColumnInt(0);
      sql_hits = (*stmt)->ColumnInt(1);
    }
    sql_best = std::min(sql_best, Seconds(a, Clock::now()));
  }

  const double persons_per_s = persons.size() / best;
  const double sql_persons_per_s = persons.size() / sql_best;
  std::printf("as_of                 %s\n", as_of->ToString().c_str());
  std::printf("cases (sentences)     %zu\n", cases.size());
  std::printf("persons               %zu\n", persons.size());
  std::printf("changes               %zu\n", changes);
  std::printf("load from store       %.2f s (%.0f persons/s)\n", Seconds(t0, t1),
              persons.size() / Seconds(t0, t1));
  std::printf("judge, 1 thread       %.3f s best of %d → %.0f persons/s, %.2f µs/person\n", best,
              repeat, persons_per_s, best * 1e6 / persons.size());
  std::printf("  cases with violation %zu, findings %zu\n", violations, findings);
  std::printf("baseline SQL          %.3f s best of %d → %.0f persons/s (start+interval of %lld "
              "commutations only; %lld flagged)\n",
              sql_best, repeat, sql_persons_per_s, static_cast<long long>(sql_rows),
              static_cast<long long>(sql_hits));
  std::printf("ratio engine / SQL    %.1f×\n", persons_per_s / sql_persons_per_s);
  std::printf("max RSS               %ld MiB\n", MaxRssMiB());
  return 0;
}
