// Crash safety: `zhijian import` killed with SIGKILL in the middle of a large batch
// leaves the store exactly as it was, and the same import then succeeds.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

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

constexpr int kSubjects = 40;
constexpr int kPointsEach = 75000;  // 3 million positions

// Runs zhijian with `args`; returns its pid and a pipe on its stderr.
pid_t Spawn(const std::vector<std::string>& args, int* err_fd) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 2);
    close(fds[0]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  *err_fd = fds[0];
  return pid;
}

TEST(KillDuringImport, StoreKeepsPreviousStateAndRetrySucceeds) {
  const std::string work = testing::TempDir("kill");
  const std::string url = "sqlite://" + work + "/store.db";
  const fs::path base = fs::path(testing::SourceDir()) / "tests/badinput/base";
  {
    auto db = storage::Database::Open(url);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(storage::Migrate(**db).ok());
    testing::BuildOptions o;
    o.gzip = {"positions"};
    ASSERT_TRUE(testing::BuildBatch(base.string(), work + "/b1", o).ok());
    ASSERT_EQ(ingest::ImportBatch(**db, work + "/b1")->outcome, ingest::ImportOutcome::kApplied);
  }
  // A large second batch: more correction subjects and 3 million positions.
  const std::string src = work + "/big-src";
  fs::create_directories(src);
  std::string corr = "correction_id,person_id,correction_type,office_org_id\n";
  for (int i = 0; i < kSubjects; ++i)
    corr += "K-B" + std::to_string(i) + ",P-0002,probation,510104-SJ\n";
  testing::WriteFile(src + "/corrections.csv", corr);
  const std::string batch = work + "/big";
  testing::BuildOptions o;
  o.batch_id = "BIG#1";
  o.exported_at = "2025-07-31T23:00:00+08:00";
  ASSERT_TRUE(testing::BuildBatch(src, batch, o).ok());
  {
    gzFile gz = gzopen((batch + "/positions.csv.gz").c_str(), "wb1");
    std::string buf = "correction_id,ts,lon,lat,source\n";
    for (int s = 0; s < kSubjects; ++s) {
      for (int i = 0; i < kPointsEach; ++i) {
        char line[96];
        int n = std::snprintf(line, sizeof line, "K-B%d,%lld,104.%06d,30.%06d,bracelet\n", s,
                              1685548800LL + i * 600LL, 100000 + i % 1000, 600000 + i % 777);
        buf.append(line, n);
      }
      gzwrite(gz, buf.data(), static_cast<unsigned>(buf.size()));
      buf.clear();
    }
    gzclose(gz);
    auto manifest = nlohmann::json::parse(testing::ReadFile(batch + "/manifest.json"));
    manifest["tables"]["positions"] = {{"file", "positions.csv.gz"},
                                       {"rows", kSubjects * kPointsEach},
                                       {"sha256", *Sha256::OfFile(batch + "/positions.csv.gz")}};
    testing::WriteFile(batch + "/manifest.json", manifest.dump());
  }
  std::string before;
  {
    auto db = storage::Database::Open(url);
    before = *storage::StoreChecksum(**db);
  }
  int err_fd = -1;
  pid_t pid = Spawn({testing::ZhijianBinary(), "--db", url, "import", batch}, &err_fd);
  ASSERT_GT(pid, 0);
  // Wait until the importer reports positions read, i.e. it is mid-transaction.
  std::string seen;
  char buf[512];
  bool midway = false;
  while (!midway) {
    ssize_t n = read(err_fd, buf, sizeof buf);
    if (n <= 0) break;
    seen.append(buf, n);
    midway = seen.find("导入 positions：已读取") != std::string::npos;
  }
  ASSERT_TRUE(midway) << "importer ended before it was killed:\n" << seen;
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  close(err_fd);
  ASSERT_TRUE(WIFSIGNALED(status));
  {
    auto db = storage::Database::Open(url);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(*storage::StoreChecksum(**db), before) << "the killed import left a trace";
  }
  // The same import now goes through.
  pid = Spawn({testing::ZhijianBinary(), "--db", url, "import", batch}, &err_fd);
  while (read(err_fd, buf, sizeof buf) > 0) {
  }
  close(err_fd);
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  auto db = storage::Database::Open(url);
  EXPECT_EQ(*storage::QueryInt(**db, "SELECT count(*) FROM positions"),
            4 + int64_t{kSubjects} * kPointsEach);
  db->reset();
  fs::remove_all(work);
}

}  // namespace
}  // namespace zj
