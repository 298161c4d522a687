#include "ingest/csv_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "common/sha256.h"

namespace zj::ingest {
namespace {

std::string Write(const std::string& name, const std::string& bytes, bool gz = false) {
  std::string path = (std::filesystem::temp_directory_path() / ("zj-csv-" + name)).string();
  if (gz) {
    gzFile f = gzopen(path.c_str(), "wb");
    gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(f);
  } else {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  return path;
}

std::vector<CsvRecord> ReadAll(const std::string& path, Status* status = nullptr) {
  auto r = CsvReader::Open(path);
  EXPECT_TRUE(r.ok());
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (true) {
    auto more = (*r)->Next(&rec);
    if (!more.ok()) {
      if (status) *status = more.status();
      break;
    }
    if (!*more) break;
    CsvRecord copy = rec;
    // Own the fields: the views die with the next call.
    static std::vector<std::unique_ptr<std::string>> keep;
    copy.fields.clear();
    for (auto f : rec.fields) {
      keep.push_back(std::make_unique<std::string>(f));
      copy.fields.push_back(*keep.back());
    }
    keep.push_back(std::make_unique<std::string>(rec.raw));
    copy.raw = *keep.back();
    out.push_back(copy);
  }
  return out;
}

TEST(CsvReader, QuotesNewlinesBomAndCrlf) {
  auto recs = ReadAll(Write("a.csv",
                            "\xEF\xBB\xBF"
                            "a,b,c\r\n1,\"x, \"\"y\"\"\",\r\n2,\"two\nlines\",z\n3,,\n"));
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].fields, (std::vector<std::string_view>{"a", "b", "c"}));
  EXPECT_EQ(recs[1].fields, (std::vector<std::string_view>{"1", "x, \"y\"", ""}));
  EXPECT_EQ(recs[2].fields, (std::vector<std::string_view>{"2", "two\nlines", "z"}));
  EXPECT_EQ(recs[2].line, 3);
  EXPECT_EQ(recs[3].line, 5);  // the quoted newline took a line
  EXPECT_EQ(recs[3].fields, (std::vector<std::string_view>{"3", "", ""}));
}

TEST(CsvReader, LastRecordWithoutNewline) {
  auto recs = ReadAll(Write("b.csv", "a\n1\n2"));
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[2].fields[0], "2");
}

TEST(CsvReader, MalformedQuotingIsReportedPerRecord) {
  auto recs = ReadAll(Write("c.csv", "a,b\n1,x\"y\n2,\"ok\"z\n3,\"open\n"));
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_TRUE(recs[0].error.empty());
  EXPECT_FALSE(recs[1].error.empty());
  EXPECT_FALSE(recs[2].error.empty());
  EXPECT_NE(recs[3].error.find("引号未闭合"), std::string::npos);
}

TEST(CsvReader, GzipMembersAndTruncation) {
  std::string text = "a,b\n";
  for (int i = 0; i < 200000; ++i) text += std::to_string(i) + ",v" + std::to_string(i) + "\n";
  std::string path = Write("d.csv.gz", text, true);
  auto recs = ReadAll(path);
  ASSERT_EQ(recs.size(), 200001u);
  EXPECT_EQ(recs.back().fields[1], "v199999");
  // Two concatenated members read as one stream.
  std::string one, two;
  {
    std::ifstream in(path, std::ios::binary);
    one.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::string p2 = Write("e.csv.gz", "7,x\n", true);
  {
    std::ifstream in(p2, std::ios::binary);
    two.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::string cat = Write("f.csv.gz", one + two);
  EXPECT_EQ(ReadAll(cat).size(), 200002u);
  // Cut in half: a located data-loss error, not a silent short read.
  Status st;
  ReadAll(Write("g.csv.gz", one.substr(0, one.size() / 2)), &st);
  EXPECT_EQ(st.code(), StatusCode::kDataLoss);
}

TEST(CsvReader, ChecksumIsOfStoredBytes) {
  std::string bytes = "a\n1\n";
  std::string path = Write("h.csv", bytes);
  auto r = CsvReader::Open(path);
  CsvRecord rec;
  while (*(*r)->Next(&rec)) {
  }
  EXPECT_EQ((*r)->Sha256Hex(), Sha256::Of(bytes));
}

}  // namespace
}  // namespace zj::ingest
