// The model engine over the synthetic province: every planted violation (labels.jsonl) is
// found on its (model, key) with its person and org, and nothing else is found — recall and
// precision 100% for every model, at tiny scale (three seeds) and city scale. Then the clue
// life cycle on real data: a second run on unchanged data makes no new clue, and a batch that
// corrects one finding's data resolves exactly that clue, by data.
//
// synth → import → engine::RunModels → compare with labels.jsonl.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "engine/engine.h"
#include "ingest/importer.h"
#include "models/registry.h"
#include "storage/clue_store.h"
#include "synth/synth.h"
#include "tests/support/batch_builder.h"
#include "tests/support/test_store.h"

namespace zj {
namespace {
namespace fs = std::filesystem;

// What identifies a finding for the comparison: model, canonical key, person, org.
using Identity = std::tuple<std::string, std::string, std::string, std::string>;

Identity IdentityOf(const nlohmann::json& j) {
  return {j.at("model").get<std::string>(), j.at("key").dump(),
          j.at("person_id").is_null() ? "" : j.at("person_id").get<std::string>(),
          j.at("org_id").get<std::string>()};
}

// A generated and imported store with its labels, by model.
struct LabelledStore {
  testing::SynthStore store;
  std::map<std::string, std::set<Identity>> labels;  // model → planted findings
};

LabelledStore Build(synth::Scale scale, uint64_t seed, const std::string& name) {
  LabelledStore s;
  auto store = testing::MakeSynthStore(scale, seed, name);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return s;
  s.store = std::move(*store);
  std::ifstream in(s.store.synth.labels_path);
  for (std::string line; std::getline(in, line);) {
    const nlohmann::json j = nlohmann::json::parse(line);
    s.labels[j.at("model").get<std::string>()].insert(IdentityOf(j));
  }
  return s;
}

std::string Show(const Identity& i) {
  return std::get<0>(i) + " " + std::get<1>(i) + " person=" + std::get<2>(i) +
         " org=" + std::get<3>(i);
}

// Runs every model and compares with the labels, model by model.
void ExpectExactlyTheLabels(const LabelledStore& s) {
  engine::RunOptions o;
  o.threads = 2;
  o.data_dir = testing::SourceDir() + "/data";
  auto run = engine::RunModels(s.store.url, o);
  ASSERT_TRUE(run.ok()) << run.status().message();
  std::map<std::string, std::set<Identity>> found;
  for (const models::Finding& f : run->findings) {
    const nlohmann::json j = models::FindingJson(f, "");
    found[std::string(f.model)].insert(IdentityOf(j));
  }
  for (const models::ModelSpec* m : models::AllModels()) {
    const std::string id(m->id);
    const std::set<Identity>& want = s.labels.count(id) ? s.labels.at(id) : std::set<Identity>{};
    const std::set<Identity>& got = found.count(id) ? found.at(id) : std::set<Identity>{};
    // The generator plants at least one violation per model, so no model passes vacuously.
    EXPECT_FALSE(want.empty()) << id << ": no planted violation in this data";
    std::vector<std::string> missed, extra;
    for (const Identity& i : want) {
      if (!got.count(i)) missed.push_back(Show(i));
    }
    for (const Identity& i : got) {
      if (!want.count(i)) extra.push_back(Show(i));
    }
    EXPECT_TRUE(missed.empty()) << id << " missed " << missed.size() << " of " << want.size()
                                << ", e.g. " << missed.front();
    EXPECT_TRUE(extra.empty()) << id << " found " << extra.size() << " not planted, e.g. "
                               << extra.front();
  }
}

TEST(ModelsSynth, TinyEverySeedExactlyTheLabels) {
  for (uint64_t seed : {20251u, 7u, 11u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    LabelledStore s = Build(synth::Scale::kTiny, seed, "models-tiny-" + std::to_string(seed));
    ExpectExactlyTheLabels(s);
    fs::remove_all(s.store.dir);
  }
}

TEST(ModelsSynth, CityExactlyTheLabels) {
  LabelledStore s = Build(synth::Scale::kCity, 20251, "models-city");
  ExpectExactlyTheLabels(s);
  fs::remove_all(s.store.dir);
}

// Rewrites one row of a synth CSV (by its first column) with `column` set to `value`, as a
// new batch holding just that row.
void WriteCorrection(const LabelledStore& s, const std::string& table, const std::string& id,
                     const std::string& column, const std::string& value,
                     const std::string& batch_dir) {
  std::ifstream in(s.store.synth.batch_dir + "/" + table + ".csv");
  std::string header, line, row;
  std::getline(in, header);
  while (std::getline(in, line)) {
    if (line.rfind(id + ",", 0) == 0) row = line;
  }
  ASSERT_FALSE(row.empty()) << id << " not in " << table;
  auto split = [](const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    for (std::string f; std::getline(ss, f, ',');) out.push_back(f);
    if (!text.empty() && text.back() == ',') out.emplace_back();
    return out;
  };
  std::vector<std::string> names = split(header), fields = split(row);
  ASSERT_EQ(names.size(), fields.size()) << "row with quoted commas: " << row;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == column) fields[i] = value;
  }
  std::string fixed;
  for (size_t i = 0; i < fields.size(); ++i) fixed += (i ? "," : "") + fields[i];
  fs::create_directories(batch_dir + "-src");
  testing::WriteFile(batch_dir + "-src/" + table + ".csv", header + "\n" + fixed + "\n");
  testing::BuildOptions o{.batch_id = "CORRECTION#0001",
                          .exported_at = "2026-06-30T23:30:00+08:00"};
  ASSERT_TRUE(testing::BuildBatch(batch_dir + "-src", batch_dir, o).ok());
}

TEST(ModelsSynth, CluesLastAcrossRunsAndCorrectedDataResolvesThem) {
  LabelledStore s = Build(synth::Scale::kTiny, 20251, "models-clues");
  engine::RunOptions o;
  o.threads = 2;
  o.data_dir = testing::SourceDir() + "/data";
  auto first = engine::RunModels(s.store.url, o);
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_GT(first->findings.size(), 25u);
  EXPECT_EQ(first->clues.created, static_cast<int64_t>(first->findings.size()));

  auto second = engine::RunModels(s.store.url, o);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->clues.created, 0);
  EXPECT_EQ(second->clues.updated, 0);
  EXPECT_EQ(second->clues.resolved, 0);
  EXPECT_EQ(second->clues.unchanged, static_cast<int64_t>(first->findings.size()));

  // Correct the data behind one M24 finding: the decision copy arrives the next day.
  const Identity m24 = *s.labels.at("M24").begin();
  const std::string rs_id = nlohmann::json::parse(std::get<1>(m24)).at("rs_id");
  std::string decision;
  {
    std::ifstream in(s.store.synth.batch_dir + "/residence_surveillance.csv");
    std::string header, line;
    std::getline(in, header);
    ASSERT_NE(header.find("decision_date"), std::string::npos);
  }
  auto db = storage::Database::Open(s.store.url);
  ASSERT_TRUE(db.ok());
  {
    auto st = (*db)->Prepare(
        "SELECT date(decision_date * 86400 + 86400, 'unixepoch') FROM residence_surveillance "
        "WHERE rs_id = $1");
    ASSERT_TRUE(st.ok());
    (*st)->BindText(1, rs_id);
    ASSERT_TRUE(*(*st)->Step());
    decision = std::string((*st)->ColumnText(0));
  }
  WriteCorrection(s, "residence_surveillance", rs_id, "copy_received_date", decision,
                  s.store.dir + "/correction");
  auto applied = ingest::ImportBatch(**db, s.store.dir + "/correction");
  ASSERT_TRUE(applied.ok() && applied->outcome == ingest::ImportOutcome::kApplied)
      << (applied.ok() ? applied->ToChinese() : applied.status().message());

  auto third = engine::RunModels(s.store.url, o);
  ASSERT_TRUE(third.ok()) << third.status().message();
  EXPECT_EQ(third->clues.created, 0);
  EXPECT_EQ(third->clues.resolved, 1);
  EXPECT_EQ(third->findings.size() + 1, first->findings.size());
  auto resolved = storage::ListClues(**db, {.status = "resolved_by_data"});
  ASSERT_TRUE(resolved.ok());
  ASSERT_EQ(resolved->size(), 1u);
  EXPECT_EQ((*resolved)[0].content.model, "M24");
  EXPECT_EQ((*resolved)[0].resolved_run, third->run_no);
  auto history = storage::ClueHistory(**db, (*resolved)[0].clue_no);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].event, "created");
  EXPECT_EQ((*history)[0].run_no, first->run_no);
  EXPECT_EQ((*history)[1].event, "resolved_by_data");
  // The run records the snapshot it saw.
  auto runs = storage::ListRuns(**db, 1);
  ASSERT_TRUE(runs.ok());
  EXPECT_NE((*runs)[0].record.batches.find("CORRECTION#0001"), std::string::npos);
  db->reset();
  fs::remove_all(s.store.dir);
}

}  // namespace
}  // namespace zj
