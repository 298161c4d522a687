// The bad-input corpus (tests/badinput/cases/*): each case breaks one rule of the
// exchange contract on top of a valid base batch. The store already holds the base
// batch; importing the broken batch must be rejected with the error located exactly
// (file, line, column, value, rule) and must leave the store's checksum unchanged.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "ingest/importer.h"
#include "storage/exchange_store.h"
#include "storage/migrations.h"
#include "tests/support/batch_builder.h"

namespace zj {
namespace {
namespace fs = std::filesystem;
using testing::BuildBatch;
using testing::ReadFile;

fs::path Corpus() { return fs::path(testing::SourceDir()) / "tests/badinput"; }

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(Corpus() / "cases")) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, RejectedWithLocatedErrorAndStoreUnchanged) {
  const std::string name = GetParam();
  const fs::path case_dir = Corpus() / "cases" / name;
  const auto spec = nlohmann::json::parse(ReadFile((case_dir / "case.json").string()));
  const std::string work = testing::TempDir("bad-" + name);

  // The store holds the valid base batch.
  auto db = storage::Database::Open("sqlite://" + work + "/store.db");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE(storage::Migrate(**db).ok());
  testing::BuildOptions base_opts;
  base_opts.gzip = {"positions"};
  ASSERT_TRUE(BuildBatch((Corpus() / "base").string(), work + "/base", base_opts).ok());
  auto base = ingest::ImportBatch(**db, work + "/base");
  ASSERT_TRUE(base.ok());
  ASSERT_EQ(base->outcome, ingest::ImportOutcome::kApplied) << base->ToChinese();
  auto before = storage::StoreChecksum(**db);
  ASSERT_TRUE(before.ok());

  // The broken batch: base files with the case's files laid over them, or only
  // the files named in "second_batch".
  const std::string src = work + "/src";
  if (spec.contains("second_batch")) {
    fs::create_directories(src);
    for (auto& [target, file] : spec["second_batch"].items()) {
      fs::copy_file(case_dir / file.get<std::string>(), fs::path(src) / target);
    }
  } else {
    fs::copy(Corpus() / "base", src, fs::copy_options::recursive);
    for (auto& e : fs::directory_iterator(case_dir)) {
      if (e.path().filename() == "case.json") continue;
      fs::copy_file(e.path(), fs::path(src) / e.path().filename(),
                    fs::copy_options::overwrite_existing);
    }
  }
  testing::BuildOptions opts;
  opts.batch_id = "CASE#" + name;
  opts.exported_at = "2025-07-31T23:00:00+08:00";
  if (!spec.contains("second_batch")) opts.gzip = {"positions"};
  const std::string batch = work + "/batch";
  ASSERT_TRUE(BuildBatch(src, batch, opts).ok());
  if (spec.contains("manifest")) {
    auto manifest = nlohmann::json::parse(ReadFile(batch + "/manifest.json"));
    manifest.merge_patch(spec["manifest"]);
    testing::WriteFile(batch + "/manifest.json", manifest.dump(2));
  }
  if (spec.contains("truncate")) {
    const std::string f = batch + "/" + spec["truncate"].get<std::string>();
    std::string bytes = ReadFile(f);
    bytes.resize(bytes.size() / 2);
    testing::WriteFile(f, bytes);
    auto manifest = nlohmann::json::parse(ReadFile(batch + "/manifest.json"));
    for (auto& [t, v] : manifest["tables"].items()) {
      if (v["file"] == spec["truncate"]) v["sha256"] = Sha256::Of(bytes);
    }
    testing::WriteFile(batch + "/manifest.json", manifest.dump(2));
  }

  auto report = ingest::ImportBatch(**db, batch);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->outcome, ingest::ImportOutcome::kRejected) << report->ToChinese();
  const auto& want = spec["expect"];
  bool found = false;
  for (const auto& issue : report->issues) {
    bool match = issue.file == want["file"].get<std::string>() &&
                 issue.line == want["line"].get<int64_t>() &&
                 issue.rule == want["rule"].get<std::string>() &&
                 (!want.contains("column") || issue.column == want["column"].get<std::string>()) &&
                 (!want.contains("value") || issue.value == want["value"].get<std::string>());
    if (match) {
      found = true;
      EXPECT_FALSE(issue.message.empty());
      // Users read Chinese: the message carries at least one CJK character.
      EXPECT_NE(issue.ToChinese().find("\xe5"), std::string::npos);
    }
  }
  EXPECT_TRUE(found) << "expected " << want.dump() << "\n" << report->ToChinese();
  auto after = storage::StoreChecksum(**db);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*before, *after) << "a rejected batch changed the store";
  db->reset();
  fs::remove_all(work);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(CaseNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace zj
