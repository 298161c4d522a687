// The law engine over the synthetic province: every planted M01–M08 violation is found
// on its key, and nobody without a planted violation is judged a violator.
//
// synth (tiny, seed 20251) → import → models::ForEachCase → law::Judge → labels.jsonl.
//
// The same check runs on a store built by hand at a larger scale when
//   ZJ_LAW_SYNTH_DB=sqlite:///tmp/city/store.db ZJ_LAW_SYNTH_LABELS=/tmp/city/labels.jsonl
// are set (see the LargerStore test), e.g. after
//   zhijian synth --scale city --seed 20251 --out /tmp/city
//   zhijian --db sqlite:///tmp/city/store.db init && … import /tmp/city/batch

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "ingest/importer.h"
#include "law/explain.h"
#include "law/judge.h"
#include "law/rulebook.h"
#include "models/law_cases.h"
#include "storage/migrations.h"
#include "synth/synth.h"
#include "tests/support/batch_builder.h"
#include "tests/support/test_store.h"

namespace zj {
namespace {
namespace fs = std::filesystem;

// The models whose findings the law engine alone decides (spec/MODELS.md).
const std::set<std::string> kLawModels = {"M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08"};

// What the engine said about one subject (a sentence or a change) that is not lawful.
struct Subject {
  std::string person_id;
  std::string sentence_id;
  std::string change_id;  // empty: the sentence
  law::Verdict verdict = law::Verdict::kLawful;
  std::set<std::string> violation_rules;
  std::vector<std::string> explanations;  // of the violation findings
};

struct Label {
  std::string model, key_column, key, person_id;
  std::vector<std::string> basis;
};

struct ModelTally {
  int labels = 0, found = 0, rule_in_basis = 0, rule_checked = 0;
  std::vector<std::string> missed, wrong_rule;
};

struct Outcome {
  models::ForEachStats stats;
  int64_t changes = 0;
  double seconds = 0;
  std::map<std::string, ModelTally> models;
  // Violations on persons without any planted label, by rule.
  std::map<std::string, int> false_by_rule;
  std::vector<const Subject*> false_violations;
  // Violations on labelled persons whose rules none of the person's labels name.
  std::map<std::string, int> unexplained_by_rule;
  std::vector<const Subject*> unexplained;
  std::vector<Subject> subjects;  // every non-lawful subject

  int Missed() const {
    int n = 0;
    for (const auto& [m, t] : models) n += static_cast<int>(t.missed.size());
    return n;
  }
  int WrongRule() const {
    int n = 0;
    for (const auto& [m, t] : models) n += static_cast<int>(t.wrong_rule.size());
    return n;
  }
};

std::vector<Label> ReadLabels(const std::string& path) {
  std::vector<Label> labels;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(line);
    Label l;
    l.model = j["model"];
    if (j["person_id"].is_string()) l.person_id = j["person_id"];  // null for M11 (a unit)
    for (const std::string col : {"change_id", "sentence_id"}) {
      if (j["key"].contains(col) && j["key"].size() == 1) {
        l.key_column = col;
        l.key = j["key"][col];
      }
    }
    for (const auto& b : j["basis"]) l.basis.push_back(b);
    labels.push_back(std::move(l));
  }
  return labels;
}

// A basis entry the engine decides (a rule of its rulebook, fully or where facts allow).
bool EngineDecides(const std::string& rule) {
  const law::Rule* r = law::FindRule(rule);
  return r && r->coverage != law::Coverage::kNotYet;
}

Outcome Check(storage::Database& db, const std::string& labels_path) {
  Outcome out;
  const auto started = std::chrono::steady_clock::now();
  auto as_of = models::DefaultAsOf(db);
  EXPECT_TRUE(as_of.ok()) << as_of.status().ToString();
  if (!as_of.ok()) return out;
  std::unordered_set<std::string> sentence_ids, change_ids;
  Status s = models::ForEachCase(
      db, *as_of,
      [&](law::Case& c) {
        const law::Judgment j = law::Judge(c);
        sentence_ids.insert(c.sentence.id);
        out.changes += static_cast<int64_t>(c.changes.size());
        auto record = [&](const std::string& change_id, law::Verdict v,
                          const std::vector<law::Finding>& findings) {
          if (v == law::Verdict::kLawful) return;
          Subject sub{c.person.id, c.sentence.id, change_id, v, {}, {}};
          for (const law::Finding& f : findings) {
            if (f.severity != law::Severity::kViolation) continue;
            sub.violation_rules.emplace(f.rule);
            sub.explanations.push_back(law::Explain(f));
          }
          out.subjects.push_back(std::move(sub));
        };
        record("", j.sentence_verdict, j.sentence_findings);
        for (const law::ChangeJudgment& cj : j.changes) {
          change_ids.insert(c.changes[cj.change].id);
          record(c.changes[cj.change].id, cj.verdict, cj.findings);
        }
      },
      &out.stats);
  EXPECT_TRUE(s.ok()) << s.ToString();
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::unordered_map<std::string, const Subject*> by_sentence, by_change;
  for (const Subject& sub : out.subjects) {
    (sub.change_id.empty() ? by_sentence[sub.sentence_id] : by_change[sub.change_id]) = &sub;
  }
  const std::vector<Label> labels = ReadLabels(labels_path);
  std::unordered_map<std::string, std::set<std::string>> person_basis;  // every model
  for (const Label& l : labels) {
    std::set<std::string>& b = person_basis[l.person_id];
    b.insert(l.basis.begin(), l.basis.end());
    if (!kLawModels.count(l.model)) continue;
    ModelTally& t = out.models[l.model];
    ++t.labels;
    const bool on_change = l.key_column == "change_id";
    const auto& index = on_change ? by_change : by_sentence;
    const auto& known = on_change ? change_ids : sentence_ids;
    auto it = index.find(l.key);
    const Subject* sub = it == index.end() ? nullptr : it->second;
    if (!sub || sub->verdict != law::Verdict::kViolation) {
      t.missed.push_back(l.model + " " + l.key_column + "=" + l.key + " person " + l.person_id +
                         (!known.count(l.key) ? "：不在载入的案例中"
                          : sub ? "：结论 " + std::string(law::VerdictCode(sub->verdict))
                                : "：结论 lawful"));
      continue;
    }
    ++t.found;
    std::vector<std::string> decided;
    for (const std::string& r : l.basis) {
      if (EngineDecides(r)) decided.push_back(r);
    }
    if (decided.empty()) continue;
    ++t.rule_checked;
    bool hit = false;
    for (const std::string& r : decided) hit = hit || sub->violation_rules.count(r);
    if (hit) {
      ++t.rule_in_basis;
    } else {
      std::string got;
      for (const std::string& r : sub->violation_rules) got += " " + r;
      t.wrong_rule.push_back(l.model + " " + l.key + "：标注依据不在引擎的违法规则中（引擎：" +
                             got + "）");
    }
  }
  for (const Subject& sub : out.subjects) {
    if (sub.verdict != law::Verdict::kViolation) continue;
    auto pb = person_basis.find(sub.person_id);
    if (pb == person_basis.end()) {
      out.false_violations.push_back(&sub);
      for (const std::string& r : sub.violation_rules) ++out.false_by_rule[r];
      continue;
    }
    bool explained = false;
    for (const std::string& r : sub.violation_rules) explained = explained || pb->second.count(r);
    if (!explained) {
      out.unexplained.push_back(&sub);
      for (const std::string& r : sub.violation_rules) ++out.unexplained_by_rule[r];
    }
  }
  return out;
}

void Print(const std::string& title, const Outcome& o) {
  std::ostringstream s;
  s << "\n== " << title << "：" << o.stats.persons << " 人、" << o.stats.cases << " 个判决、"
    << o.changes << " 项变动，载入并判断用时 " << o.seconds << " 秒\n";
  s << "模型  标注  找到  漏报  规则一致/可核对\n";
  for (const auto& [m, t] : o.models) {
    s << m << "   " << t.labels << "  " << t.found << "  " << t.missed.size() << "  "
      << t.rule_in_basis << "/" << t.rule_checked << "\n";
  }
  for (const auto& [m, t] : o.models) {
    for (size_t i = 0; i < t.missed.size() && i < 10; ++i) s << "  漏报 " << t.missed[i] << "\n";
    for (size_t i = 0; i < t.wrong_rule.size() && i < 10; ++i) {
      s << "  规则不一致 " << t.wrong_rule[i] << "\n";
    }
  }
  s << "无任何标注的人员被判违法：" << o.false_violations.size() << " 项";
  for (const auto& [r, n] : o.false_by_rule) s << "  " << r << "×" << n;
  s << "\n";
  for (size_t i = 0; i < o.false_violations.size() && i < 10; ++i) {
    const Subject& x = *o.false_violations[i];
    s << "  " << x.person_id << " " << x.sentence_id << " "
      << (x.change_id.empty() ? "判决与执行" : x.change_id) << "：" << x.explanations.front()
      << "\n";
  }
  s << "有标注的人员另被判违法（规则不在其任何标注依据中）：" << o.unexplained.size() << " 项";
  for (const auto& [r, n] : o.unexplained_by_rule) s << "  " << r << "×" << n;
  s << "\n";
  for (size_t i = 0; i < o.unexplained.size() && i < 10; ++i) {
    const Subject& x = *o.unexplained[i];
    s << "  " << x.person_id << " " << x.sentence_id << " "
      << (x.change_id.empty() ? "判决与执行" : x.change_id) << "：" << x.explanations.front()
      << "\n";
  }
  std::cout << s.str() << std::flush;
}

// `planted`: every law model must have labels (not so for a `--rate 0` store).
void ExpectClean(const Outcome& o, bool planted) {
  EXPECT_EQ(o.Missed(), 0);
  EXPECT_EQ(o.WrongRule(), 0);
  EXPECT_TRUE(o.false_violations.empty()) << o.false_violations.size() << " false violations";
  for (const std::string& m : kLawModels) {
    if (!planted) break;
    auto it = o.models.find(m);
    EXPECT_TRUE(it != o.models.end() && it->second.labels > 0) << m << " has no label";
  }
}

// Runs the zhijian binary; returns its exit code and stdout.
int Run(const std::string& args, std::string* out) {
  const std::string file = testing::TempDir("law-cli-out") + "/out.txt";
  const int status =
      std::system((testing::ZhijianBinary() + " " + args + " > " + file + " 2>/dev/null").c_str());
  *out = testing::ReadFile(file);
  fs::remove_all(fs::path(file).parent_path());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// `zhijian law …` on the same store: exit codes and what the scan lists.
void CheckCli(const std::string& db_path, const Outcome& o, const std::string& labels_path) {
  const std::string db = "--db sqlite://" + db_path + " ";
  std::string out;
  const std::vector<Label> labels = ReadLabels(labels_path);
  const Label* m02 = nullptr;
  for (const Label& l : labels) {
    if (l.model == "M02" && !m02) m02 = &l;
  }
  ASSERT_NE(m02, nullptr);
  EXPECT_EQ(Run(db + "law explain --person " + m02->person_id, &out), 0);
  EXPECT_NE(out.find(m02->key), std::string::npos) << out;
  EXPECT_NE(out.find("JX-INTV-01"), std::string::npos) << out;
  EXPECT_EQ(Run(db + "law explain --json --person " + m02->person_id, &out), 0);
  EXPECT_TRUE(nlohmann::json::parse(out).is_array());
  EXPECT_EQ(Run(db + "law explain --person NO-SUCH-PERSON", &out), 2);
  EXPECT_EQ(Run(db + "law explain --person " + m02->person_id + " --as-of 2026-02-30", &out), 2);

  int violations = 0;
  for (const Subject& s : o.subjects) violations += s.verdict == law::Verdict::kViolation;
  EXPECT_EQ(Run(db + "law scan --json --verdict violation", &out), violations ? 1 : 0);
  const nlohmann::json scan = nlohmann::json::parse(out);
  EXPECT_EQ(scan["as_of"], "2026-06-30");
  EXPECT_EQ(scan["items"].size(), static_cast<size_t>(violations));
  EXPECT_EQ(scan["counts"]["persons"], o.stats.persons);
  EXPECT_EQ(Run(db + "law scan --verdict bogus", &out), 2);
  EXPECT_GE(Run(db + "law scan --eligible-within 30 --json", &out), 0);
  EXPECT_EQ(nlohmann::json::parse(out)["mode"], "eligible");

  const std::string golden = testing::SourceDir() + "/tests/golden/law/JX-START-01.json";
  EXPECT_EQ(Run("law check " + golden, &out), 0) << out;
  const std::string bad = testing::TempDir("law-cli-bad") + "/bad.json";
  testing::WriteFile(bad, "{\"as_of\": \"2026-06-30\",\n  \"sentence\": {\"penalty\" 1}}");
  EXPECT_EQ(Run("law check " + bad, &out), 2);
  testing::WriteFile(bad,
                     "{\"as_of\": \"2026-06-30\", \"sentence\": {\"penalty\": \"fixed_term\", "
                     "\"term_months\": 24, \"effective_date\": \"2024-01-01\", \"term_start\": "
                     "\"2023-12-01\"}, \"delivery_date\": \"2024-01-20\", "
                     "\"expect\": {\"verdict\": \"lawful\"}}");
  EXPECT_EQ(Run("law check " + bad, &out), 1) << out;  // still held after the term: TERM-10
  fs::remove_all(fs::path(bad).parent_path());
}

TEST(LawSynth, TinyProvinceEveryPlantedViolationFoundNoFalseViolations) {
  auto store = testing::MakeSynthStore(synth::Scale::kTiny, 20251, "law-synth");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const std::string work = store->dir;
  const synth::Report* gen = &store->synth;
  auto db = storage::Database::Open(store->url);
  ASSERT_TRUE(db.ok());

  const Outcome out = Check(**db, gen->labels_path);
  Print("tiny seed 20251", out);
  EXPECT_GT(out.stats.cases, 0);
  ExpectClean(out, /*planted=*/true);
  db->reset();
  CheckCli(work + "/store.db", out, gen->labels_path);
  fs::remove_all(work);
}

// A store built by hand (city or province scale); skipped unless the environment names it.
TEST(LawSynth, LargerStore) {
  const char* url = std::getenv("ZJ_LAW_SYNTH_DB");
  const char* labels = std::getenv("ZJ_LAW_SYNTH_LABELS");
  if (!url || !labels) GTEST_SKIP() << "ZJ_LAW_SYNTH_DB / ZJ_LAW_SYNTH_LABELS not set";
  auto db = storage::Database::Open(url, {.create_if_missing = false});
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  const Outcome out = Check(**db, labels);
  Print(url, out);
  ExpectClean(out, /*planted=*/false);
}

}  // namespace
}  // namespace zj
