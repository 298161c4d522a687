#include "synth/synth.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/date.h"
#include "common/sha256.h"
#include "domain/exchange_tables.h"
#include "synth/geo.h"
#include "synth/labels.h"

namespace zj::synth {
namespace {

namespace fs = std::filesystem;

std::string SourceDir() {
  const char* s = std::getenv("ZJ_SOURCE_DIR");
  return s ? s : ZJ_SYNTH_TEST_SOURCE_DIR;
}

std::string TempDir(const std::string& name) {
  fs::path p =
      fs::temp_directory_path() / ("zj_synth_test_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(p);
  return p.string();
}

Report MustGenerate(uint64_t seed, const std::string& dir) {
  Options o;
  o.scale = Scale::kTiny;
  o.seed = seed;
  o.out_dir = dir;
  o.geo_dir = SourceDir() + "/data/geo";
  Result<Report> r = Generate(o);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Report{};
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string ReadMaybeGzip(const std::string& path) {
  if (path.size() < 3 || path.substr(path.size() - 3) != ".gz") return ReadFile(path);
  gzFile f = gzopen(path.c_str(), "rb");
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

// RFC 4180 records.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      any = false;
    } else {
      field.push_back(c);
      any = true;
    }
  }
  if (any) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

std::map<std::string, std::string> HashTree(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    out[fs::relative(e.path(), dir).string()] = *Sha256::OfFile(e.path().string());
  }
  return out;
}

TEST(SynthTest, ParseScale) {
  EXPECT_EQ(*ParseScale("tiny"), Scale::kTiny);
  EXPECT_EQ(*ParseScale("city"), Scale::kCity);
  EXPECT_EQ(*ParseScale("province"), Scale::kProvince);
  EXPECT_FALSE(ParseScale("huge").ok());
}

TEST(SynthTest, RejectsNonEmptyOutputDirectory) {
  const std::string dir = TempDir("nonempty");
  fs::create_directories(dir);
  std::ofstream(dir + "/x") << "x";
  Options o;
  o.out_dir = dir;
  o.geo_dir = SourceDir() + "/data/geo";
  EXPECT_FALSE(Generate(o).ok());
  fs::remove_all(dir);
}

TEST(SynthTest, SameSeedSameBytesOtherSeedDiffers) {
  const std::string a = TempDir("det_a"), b = TempDir("det_b"), c = TempDir("det_c");
  MustGenerate(7, a);
  MustGenerate(7, b);
  MustGenerate(8, c);
  const auto ha = HashTree(a), hb = HashTree(b), hc = HashTree(c);
  EXPECT_GT(ha.size(), 25u);
  EXPECT_EQ(ha, hb);
  EXPECT_NE(ha.at("batch/persons.csv"), hc.at("batch/persons.csv"));
  EXPECT_NE(ha.at("labels.jsonl"), hc.at("labels.jsonl"));
  fs::remove_all(a);
  fs::remove_all(b);
  fs::remove_all(c);
}

// One tiny batch shared by the checks below.
class TinyBatch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(TempDir("tiny"));
    report_ = new Report(MustGenerate(20251, *dir_));
    tables_ = new std::map<std::string, std::vector<std::vector<std::string>>>();
    nlohmann::json manifest = nlohmann::json::parse(ReadFile(*dir_ + "/batch/manifest.json"));
    for (const auto& [name, entry] : manifest["tables"].items()) {
      (*tables_)[name] =
          ParseCsv(ReadMaybeGzip(*dir_ + "/batch/" + entry["file"].get<std::string>()));
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete report_;
    delete tables_;
  }
  static const std::vector<std::vector<std::string>>& Table(const std::string& name) {
    return tables_->at(name);
  }
  // Column index of `column` in the file's header.
  static int Col(const std::string& table, const std::string& column) {
    const auto& header = Table(table).front();
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == column) return static_cast<int>(i);
    }
    return -1;
  }

  static std::string* dir_;
  static Report* report_;
  static std::map<std::string, std::vector<std::vector<std::string>>>* tables_;
};
std::string* TinyBatch::dir_ = nullptr;
Report* TinyBatch::report_ = nullptr;
std::map<std::string, std::vector<std::vector<std::string>>>* TinyBatch::tables_ = nullptr;

TEST_F(TinyBatch, ManifestMatchesFiles) {
  nlohmann::json m = nlohmann::json::parse(ReadFile(*dir_ + "/batch/manifest.json"));
  EXPECT_EQ(m["spec"], "zhijian-exchange/1");
  EXPECT_EQ(m["exported_at"], report_->as_of);
  EXPECT_FALSE(m["source_org_id"].get<std::string>().empty());
  EXPECT_FALSE(m["batch_id"].get<std::string>().empty());
  for (const domain::TableSpec* spec : domain::AllTables()) {
    const std::string name(spec->name);
    ASSERT_TRUE(m["tables"].contains(name)) << name;
    const auto& entry = m["tables"][name];
    const std::string path = *dir_ + "/batch/" + entry["file"].get<std::string>();
    EXPECT_EQ(entry["sha256"].get<std::string>(), *Sha256::OfFile(path)) << name;
    EXPECT_EQ(entry["rows"].get<int64_t>(), static_cast<int64_t>(Table(name).size()) - 1) << name;
    EXPECT_EQ(entry["rows"].get<int64_t>(), report_->rows.at(name)) << name;
  }
  EXPECT_EQ(m["tables"]["positions"]["file"], "positions.csv.gz");
}

TEST_F(TinyBatch, HeadersArePermutationsOfTheDeclaration) {
  for (const domain::TableSpec* spec : domain::AllTables()) {
    const auto& header = Table(std::string(spec->name)).front();
    std::multiset<std::string> got(header.begin(), header.end()), want;
    for (const auto& c : spec->columns) want.insert(std::string(c.name));
    EXPECT_EQ(got, want) << spec->name;
  }
}

// Everything the strict importer checks per row: types, codes, required columns, ordered
// pairs, the table's own row check, and that every reference resolves within the batch.
TEST_F(TinyBatch, EveryFieldPassesStrictValidation) {
  std::map<std::string, std::set<std::string>> keys;  // single-key tables → key values
  for (const domain::TableSpec* spec : domain::AllTables()) {
    const auto k = spec->KeyIndexes();
    if (k.size() != 1) continue;
    const int col = Col(std::string(spec->name), std::string(spec->columns[k[0]].name));
    auto& set = keys[std::string(spec->name)];
    const auto& rows = Table(std::string(spec->name));
    for (size_t r = 1; r < rows.size(); ++r) {
      EXPECT_TRUE(set.insert(rows[r][col]).second)
          << spec->name << " duplicate key " << rows[r][col];
    }
  }
  for (const domain::TableSpec* spec : domain::AllTables()) {
    const std::string name(spec->name);
    const auto& rows = Table(name);
    const auto& header = rows.front();
    std::vector<int> file_col(spec->columns.size());
    for (size_t i = 0; i < spec->columns.size(); ++i) {
      file_col[i] = Col(name, std::string(spec->columns[i].name));
      ASSERT_GE(file_col[i], 0);
    }
    std::set<std::vector<std::string>> composite;
    for (size_t r = 1; r < rows.size(); ++r) {
      ASSERT_EQ(rows[r].size(), header.size()) << name << " line " << r + 1;
      std::vector<domain::Value> values(spec->columns.size());
      std::vector<std::string_view> raw(spec->columns.size());
      std::vector<std::string> key;
      for (size_t i = 0; i < spec->columns.size(); ++i) {
        const domain::ColumnSpec& c = spec->columns[i];
        const std::string& text = rows[r][file_col[i]];
        raw[i] = text;
        if (c.key) key.push_back(text);
        if (text.empty()) {
          EXPECT_FALSE(c.IsRequired()) << name << " line " << r + 1 << " " << c.name;
          continue;
        }
        domain::FieldResult f = domain::ParseField(c, text);
        EXPECT_TRUE(f.error.empty())
            << name << " line " << r + 1 << " " << c.name << "=" << text << ": " << f.error;
        values[i] = f.value;
        if (!c.ref.empty() && c.ref != "@owner_table") {
          EXPECT_TRUE(keys[std::string(c.ref)].count(text))
              << name << "." << c.name << " → " << c.ref << " missing " << text;
        }
      }
      if (key.size() > 1) {
        EXPECT_TRUE(composite.insert(key).second) << name << " duplicate key line " << r + 1;
      }
      domain::RowView view{spec, values, raw};
      for (const domain::OrderedColumns& o : spec->ordered) {
        const domain::Value &a = view[o.first], &b = view[o.second];
        if (!a.is_null() && !b.is_null()) {
          EXPECT_LE(a.i, b.i) << name << " line " << r + 1 << " " << o.first << " > " << o.second;
        }
      }
      for (const domain::Agreement& a : spec->agreements) {
        // e.g. term_changes.person_id must be the person of term_changes.sentence_id.
        const domain::ColumnSpec* via = spec->Find(a.via);
        const std::string target(via->ref);
        const std::string via_value(view.Raw(a.via));
        if (via_value.empty()) continue;
        const auto& trows = Table(target);
        const int tkey = Col(target, std::string(domain::FindTable(target)->columns[0].name));
        const int tcol = Col(target, std::string(a.column));
        bool ok = false;
        for (size_t k = 1; k < trows.size() && !ok; ++k) {
          ok = trows[k][tkey] == via_value && trows[k][tcol] == view.Raw(a.column);
        }
        EXPECT_TRUE(ok) << name << " line " << r + 1 << ": " << a.column << " disagrees with "
                        << a.via;
      }
      if (spec->check) {
        std::vector<domain::RowProblem> problems;
        spec->check(view, &problems);
        for (const auto& p : problems) {
          ADD_FAILURE() << name << " line " << r + 1 << " " << p.column << ": " << p.reason;
        }
      }
      if (name == "attachments") {
        const std::string owner_table(view.Raw("owner_table"));
        EXPECT_TRUE(keys[owner_table].count(std::string(view.Raw("owner_id"))));
        const std::string file = *dir_ + "/batch/" + std::string(view.Raw("file"));
        EXPECT_EQ(*Sha256::OfFile(file), view.Raw("sha256")) << file;
      }
    }
  }
}

TEST_F(TinyBatch, OrgTreeIsComplete) {
  std::map<std::string, int> by_type;
  const int type = Col("orgs", "org_type"), parent = Col("orgs", "parent_id");
  int roots = 0;
  for (size_t r = 1; r < Table("orgs").size(); ++r) {
    ++by_type[Table("orgs")[r][type]];
    roots += Table("orgs")[r][parent].empty();
  }
  EXPECT_EQ(roots, 1);
  EXPECT_EQ(by_type["prov_proc"], 1);
  EXPECT_EQ(by_type["city_proc"], 21);
  EXPECT_EQ(by_type["county_proc"], 183);
  EXPECT_EQ(by_type["prison"], 32);
  EXPECT_EQ(by_type["detention_center"], 147);
  EXPECT_EQ(by_type["correction_office"], 183);
  EXPECT_EQ(by_type["resident_office"], 161);
  EXPECT_EQ(by_type["court"], 1 + 21 + 183);
}

TEST_F(TinyBatch, IdNumbersAreValid) {
  for (const auto& [table, column] : std::vector<std::pair<std::string, std::string>>{
           {"persons", "id_number"}, {"deaths", "id_number"}}) {
    const int col = Col(table, column);
    for (size_t r = 1; r < Table(table).size(); ++r) {
      EXPECT_EQ(domain::CheckIdNumber(Table(table)[r][col]), "") << Table(table)[r][col];
    }
  }
}

TEST_F(TinyBatch, EveryModelIsPlantedWithItsKeys) {
  std::map<std::string, std::vector<std::vector<std::string_view>>> keys;
  for (const ModelKeys& mk : AllModelKeys()) keys[std::string(mk.model)] = mk.alternatives;
  std::set<std::string> seen;
  std::set<std::string> identities;
  std::ifstream in(report_->labels_path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    for (const char* field : {"model", "key", "person_id", "org_id", "severity", "detected_at",
                              "title", "summary", "facts", "basis", "window"}) {
      EXPECT_TRUE(j.contains(field)) << field << " in " << line;
    }
    const std::string model = j["model"];
    seen.insert(model);
    std::set<std::string> got;
    for (const auto& [k, v] : j["key"].items()) {
      got.insert(k);
      EXPECT_TRUE(v.is_string()) << line;
    }
    bool match = false;
    for (const auto& alt : keys.at(model)) {
      match = match || got == std::set<std::string>(alt.begin(), alt.end());
    }
    EXPECT_TRUE(match) << line;
    EXPECT_TRUE(identities.insert(model + j["key"].dump()).second) << "keyed twice: " << line;
    EXPECT_EQ(j["detected_at"], report_->as_of);
    EXPECT_FALSE(j["basis"].empty());
    EXPECT_FALSE(j["org_id"].get<std::string>().empty());
  }
  for (int m = 1; m <= 25; ++m) {
    char name[8];
    std::snprintf(name, sizeof name, "M%02d", m);
    EXPECT_TRUE(seen.count(name)) << name << " not planted";
  }
}

TEST_F(TinyBatch, PositionsStayInTheResidenceCountyExceptLeavesAndPlantedEpisodes) {
  auto geo = Geo::Load(SourceDir() + "/data/geo");
  ASSERT_TRUE(geo.ok());
  std::map<std::string, int> residence;
  {
    const int id = Col("corrections", "correction_id"),
              reg = Col("corrections", "residence_region_code");
    for (size_t r = 1; r < Table("corrections").size(); ++r) {
      residence[Table("corrections")[r][id]] = (*geo)->CountyIndex(Table("corrections")[r][reg]);
    }
  }
  std::map<std::string, std::vector<std::pair<Timestamp, Timestamp>>> away;
  {
    const auto& leaves = Table("leaves");
    const int c = Col("leaves", "correction_id"), s = Col("leaves", "start_ts"),
              ret = Col("leaves", "returned_ts"), st = Col("leaves", "status");
    for (size_t r = 1; r < leaves.size(); ++r) {
      if (leaves[r][st] != "approved" || leaves[r][ret].empty()) continue;
      away[leaves[r][c]].push_back(
          {*ParseTimestamp(leaves[r][s]), *ParseTimestamp(leaves[r][ret])});
    }
    std::ifstream in(report_->labels_path);
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line);
      if (j["model"] != "M14") continue;
      away[j["key"]["correction_id"]].push_back(
          {*ParseTimestamp(j["window"]["from"].get<std::string>()),
           *ParseTimestamp(j["window"]["to"].get<std::string>())});
    }
  }
  const auto& pos = Table("positions");
  ASSERT_GT(pos.size(), 1000u);
  const int c = Col("positions", "correction_id"), ts = Col("positions", "ts"),
            lon = Col("positions", "lon"), lat = Col("positions", "lat");
  int checked = 0, outside_allowed = 0;
  for (size_t r = 1; r < pos.size(); ++r) {
    const double x = std::stod(pos[r][lon]), y = std::stod(pos[r][lat]);
    ASSERT_TRUE(x >= 73 && x <= 136 && y >= 3 && y <= 54) << pos[r][lon] << "," << pos[r][lat];
    if (r % 5 != 0) continue;
    const Timestamp t = *ParseTimestamp(pos[r][ts]);
    bool excused = false;
    for (const auto& [from, to] : away[pos[r][c]]) excused = excused || (t >= from && t <= to);
    const bool inside = (*geo)->Shape(residence.at(pos[r][c])).Contains({x, y});
    if (excused) {
      outside_allowed += !inside;
    } else {
      EXPECT_TRUE(inside) << pos[r][c] << " " << pos[r][ts] << " " << x << "," << y;
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000);
  EXPECT_GT(outside_allowed, 0);
}

}  // namespace
}  // namespace zj::synth
