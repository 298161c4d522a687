// Jurisdiction scopes over a small province imported the way an operator imports one: county,
// city, province, resident office, grants (active, expired, to a facility), the cache and its
// invalidation by a new batch, and many threads at once.

#include "api/auth/scope.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "ingest/importer.h"
#include "storage/migrations.h"
#include "tests/support/batch_builder.h"
#include "tests/support/test_store.h"

namespace zj::auth {
namespace {

namespace fs = std::filesystem;
using V = std::vector<std::string>;

constexpr Timestamp kT0 = 1'750'000'000;

constexpr const char* kOrgs =
    "org_id,name,org_type,parent_id,region_code,stationed_at\n"
    "510000-PROC,四川省人民检察院,prov_proc,,510000,\n"
    "510100-PROC,成都市人民检察院,city_proc,510000-PROC,510100,\n"
    "510104-PROC,成都市锦江区人民检察院,county_proc,510100-PROC,510104,\n"
    "510105-PROC,成都市青羊区人民检察院,county_proc,510100-PROC,510105,\n"
    "510300-PROC,自贡市人民检察院,city_proc,510000-PROC,510300,\n"
    "510302-PROC,自贡市自流井区人民检察院,county_proc,510300-PROC,510302,\n"
    "510000-PRISON-01,四川省第一监狱,prison,,510100,\n"
    "510104-KSS,成都市锦江区看守所,detention_center,,510104,\n"
    "510105-KSS,成都市青羊区看守所,detention_center,,510105,\n"
    "510302-KSS,自贡市自流井区看守所,detention_center,,510302,\n"
    "510104-SJ,成都市锦江区社区矫正管理局,correction_office,,510104,\n"
    "510105-RO-01,驻四川省第一监狱检察室,resident_office,510105-PROC,510105,510000-PRISON-01\n";

class AuthScopeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = testing::TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(work_ + "/src");
    testing::WriteFile(work_ + "/src/orgs.csv", kOrgs);
    auto url = testing::ImportCsvFolder(work_ + "/src", work_);
    ASSERT_TRUE(url.ok()) << url.status().ToString();
    url_ = *url;
    auto db = storage::Database::Open(url_);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    resolver_ = std::make_unique<ScopeResolver>(Opener());
    opts_.hash = HashParams::Min();
  }
  void TearDown() override {
    resolver_.reset();
    db_.reset();
    fs::remove_all(work_);
  }
  models::DatabaseOpener Opener() {
    return [url = url_] { return storage::Database::Open(url, {.create_if_missing = false}); };
  }
  storage::OrgScope Scope(const std::string& org, const V& grants = {}) {
    auto s = resolver_->ScopeOf(*db_, org, grants);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? *s : storage::OrgScope::Of({"?"});
  }

  std::string work_, url_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<ScopeResolver> resolver_;
  Options opts_;
};

TEST_F(AuthScopeTest, CountySeesItsCountyOnly) {
  storage::OrgScope s = Scope("510104-PROC");
  EXPECT_FALSE(s.all());
  EXPECT_EQ(s.org_ids(), (V{"510104-KSS", "510104-PROC", "510104-SJ"}));
  EXPECT_FALSE(s.Contains("510105-KSS"));
  EXPECT_EQ(Scope("510302-PROC").org_ids(), (V{"510302-KSS", "510302-PROC"}));
}

TEST_F(AuthScopeTest, CitySeesItsCounties) {
  EXPECT_EQ(Scope("510100-PROC").org_ids(),
            (V{"510000-PRISON-01", "510100-PROC", "510104-KSS", "510104-PROC", "510104-SJ",
               "510105-KSS", "510105-PROC", "510105-RO-01"}));
  EXPECT_EQ(Scope("510300-PROC").org_ids(), (V{"510300-PROC", "510302-KSS", "510302-PROC"}));
}

TEST_F(AuthScopeTest, ProvinceSeesAll) {
  EXPECT_TRUE(Scope("510000-PROC").all());
  // A grant of the province's jurisdiction is All too.
  EXPECT_TRUE(Scope("510104-PROC", {"510000-PROC"}).all());
}

TEST_F(AuthScopeTest, ResidentOfficeSeesItsFacility) {
  EXPECT_EQ(Scope("510105-RO-01").org_ids(), (V{"510000-PRISON-01", "510105-RO-01"}));
}

TEST_F(AuthScopeTest, GrantsAddTheirOrgsCoverage) {
  EXPECT_EQ(Scope("510104-PROC", {"510302-PROC"}).org_ids(),
            (V{"510104-KSS", "510104-PROC", "510104-SJ", "510302-KSS", "510302-PROC"}));
  // A grant of one facility (巡回检察 of a prison) adds that facility.
  EXPECT_EQ(Scope("510104-PROC", {"510000-PRISON-01"}).org_ids(),
            (V{"510000-PRISON-01", "510104-KSS", "510104-PROC", "510104-SJ"}));
  // An org gone from the orgs table adds nothing; the user's own org must be there.
  EXPECT_EQ(Scope("510104-PROC", {"NO-SUCH"}).org_ids(),
            (V{"510104-KSS", "510104-PROC", "510104-SJ"}));
  EXPECT_EQ(resolver_->ScopeOf(*db_, "NO-SUCH", {}).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(AuthScopeTest, SignedInUserWithActiveAndExpiredGrants) {
  FakeClock clock(kT0);
  NewUser u{.username = "zhangsan",
            .display_name = "张三",
            .org_id = "510104-PROC",
            .password = std::string("Jiancha#2025x")};
  ASSERT_TRUE(CreateUser(*db_, clock, opts_, Actor::Cli(), u).ok());
  GrantRequest active{.username = "zhangsan",
                      .org_id = "510302-PROC",
                      .valid_from = kT0,
                      .valid_until = kT0 + 86400,
                      .reason = "跨区域巡回检察"};
  GrantRequest expiring = active;
  expiring.org_id = "510105-PROC";
  expiring.valid_until = kT0 + 600;
  ASSERT_TRUE(AddGrant(*db_, clock, Actor::Cli(), active).ok());
  ASSERT_TRUE(AddGrant(*db_, clock, Actor::Cli(), expiring).ok());
  auto session = Login(*db_, clock, opts_, "zhangsan", "Jiancha#2025x", "10.0.0.1", "");
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  auto scope = resolver_->ScopeOf(*db_, session->principal);
  ASSERT_TRUE(scope.ok());
  EXPECT_TRUE(scope->Contains("510302-KSS"));
  EXPECT_TRUE(scope->Contains("510105-KSS"));

  clock.Advance(600);  // the second grant has ended
  auto p = Authenticate(*db_, clock, opts_, session->token);
  ASSERT_TRUE(p.ok());
  scope = resolver_->ScopeOf(*db_, *p);
  ASSERT_TRUE(scope.ok());
  EXPECT_EQ(scope->org_ids(),
            (V{"510104-KSS", "510104-PROC", "510104-SJ", "510302-KSS", "510302-PROC"}));
}

TEST_F(AuthScopeTest, CachedUntilABatchIsApplied) {
  EXPECT_EQ(resolver_->loads(), 0);
  Scope("510104-PROC");
  Scope("510100-PROC");
  Scope("510104-PROC", {"510302-PROC"});
  EXPECT_EQ(resolver_->loads(), 1);

  fs::create_directories(work_ + "/src2");
  testing::WriteFile(work_ + "/src2/orgs.csv",
                     "org_id,name,org_type,parent_id,region_code,stationed_at\n"
                     "510104-JLS,成都市锦江区拘留所,detention_center,,510104,\n");
  testing::BuildOptions o{.batch_id = "TEST#0002", .exported_at = "2025-07-31T23:00:00+08:00"};
  ASSERT_TRUE(testing::BuildBatch(work_ + "/src2", work_ + "/batch2", o).ok());
  auto report = ingest::ImportBatch(*db_, work_ + "/batch2");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->outcome, ingest::ImportOutcome::kApplied) << report->ToChinese();

  EXPECT_EQ(Scope("510104-PROC").org_ids(),
            (V{"510104-JLS", "510104-KSS", "510104-PROC", "510104-SJ"}));
  EXPECT_EQ(resolver_->loads(), 2);
  Scope("510104-PROC");
  EXPECT_EQ(resolver_->loads(), 2);
}

TEST_F(AuthScopeTest, ManyThreadsShareOneResolver) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      auto db = storage::Database::Open(url_);
      if (!db.ok()) {
        wrong[t] = -1;
        return;
      }
      const V grant = {"510105-RO-01"};
      for (int i = 0; i < 50; ++i) {
        auto county = resolver_->ScopeOf(**db, "510104-PROC", {});
        auto city = resolver_->ScopeOf(**db, "510300-PROC", grant);
        if (!county.ok() || county->org_ids().size() != 3) ++wrong[t];
        if (!city.ok() || city->org_ids().size() != 5) ++wrong[t];
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong, (std::vector<int>{0, 0, 0, 0}));
  EXPECT_EQ(resolver_->loads(), 1);
}

}  // namespace
}  // namespace zj::auth
