#include "ingest/batch.h"

#include <gtest/gtest.h>

namespace zj::ingest {
namespace {

const char* kGood = R"({"spec":"zhijian-exchange/1","source_org_id":"510000-PRISON-ADMIN",
 "batch_id":"2025-06-30T23:00:00+08:00#0007","exported_at":"2025-06-30T23:00:00+08:00",
 "tables":{"positions":{"file":"positions.csv.gz","rows":9,"sha256":"%s"},
           "persons":{"file":"persons.csv","rows":1,"sha256":"%s"}}})";

std::string Good() {
  std::string sha(64, 'a');
  char buf[1024];
  std::snprintf(buf, sizeof buf, kGood, sha.c_str(), sha.c_str());
  return buf;
}

TEST(Manifest, ParsesAndOrdersTablesForApply) {
  auto m = ParseManifest(Good());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->batch_id, "2025-06-30T23:00:00+08:00#0007");
  ASSERT_EQ(m->tables.size(), 2u);
  EXPECT_EQ(m->tables[0].table, "persons");  // apply order, not file order
  EXPECT_EQ(m->tables[1].rows, 9);
}

TEST(Manifest, RejectsWithChineseReasons) {
  auto bad = [](std::string from, std::string to) {
    std::string s = Good();
    s.replace(s.find(from), from.size(), to);
    auto m = ParseManifest(s);
    EXPECT_FALSE(m.ok()) << to;
    return m.ok() ? std::string() : m.status().message();
  };
  EXPECT_NE(bad("zhijian-exchange/1", "zhijian-exchange/2").find("spec"), std::string::npos);
  EXPECT_NE(bad("\"persons\":", "\"people\":").find("未知数据表"), std::string::npos);
  EXPECT_NE(bad("persons.csv", "../persons.csv").find("不安全"), std::string::npos);
  EXPECT_NE(bad("persons.csv", "persons.txt").find(".csv"), std::string::npos);
  EXPECT_NE(bad("\"rows\":1", "\"rows\":-1").find("rows"), std::string::npos);
  EXPECT_NE(bad("\"exported_at\":\"2025-06-30T23:00:00+08:00\"", "\"exported_at\":\"yesterday\"")
                .find("exported_at"),
            std::string::npos);
  EXPECT_NE(bad("\"spec\"", "\"x\":1,\"extra\":2,\"spec\"").find("未知字段"), std::string::npos);
  EXPECT_FALSE(ParseManifest("{not json").ok());
}

}  // namespace
}  // namespace zj::ingest
