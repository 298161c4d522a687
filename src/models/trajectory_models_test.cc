// M14 社区矫正越界, M15 社区矫正失联, M16 请假逾期未归 on a small store: one correction a
// scenario, imported as a real batch (positions as a packed series), run as the engine
// runs the pass. Home is 崇州市 (510184); 双流区 (510116, same city), 大邑县 (510129) and
// Beijing (outside the province) are the places away.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "geo/county_index.h"
#include "geo/regions.h"
#include "models/jurisdiction.h"
#include "models/registry.h"
#include "tests/support/batch_builder.h"
#include "tests/support/test_store.h"

namespace zj::models {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kH = 3600;
constexpr int64_t kD = 86400;
constexpr int64_t kAsOf = 1782831600;     // 2026-06-30T23:00:00+08:00
constexpr int64_t kJanAsOf = 1769871600;  // 2026-01-31T23:00:00+08:00
constexpr int64_t kJan10 = 1768039200;    // 2026-01-10T18:00:00+08:00

struct Pt {
  double lon, lat;
};
constexpr Pt kHome{103.67, 30.63};       // 崇州市 510184
constexpr Pt kShuangliu{103.92, 30.57};  // 双流区 510116
constexpr Pt kDayi{103.55, 30.60};       // 大邑县 510129
constexpr Pt kBeijing{116.40, 39.90};    // outside Sichuan

// Accumulates the CSV files of the test batch.
class World {
 public:
  // A correction (and its person). `monitored`, `status`, `status_date` as in the exchange.
  void Correction(const std::string& id, bool monitored, const std::string& status = "active",
                  const std::string& status_date = "", const std::string& residence = "510184") {
    const std::string person = "P" + id.substr(1);
    persons_ << person << ",某" << person << ",,M,1980-01-01,510184\n";
    corrections_ << id << "," << person << ",,probation,,2025-01-01,510184-CORR," << residence
                 << ","
                 << "2025-01-01,2027-12-31,2025-01-05," << status << "," << status_date << ","
                 << (monitored ? 1 : 0) << "\n";
  }
  // Positions every 10 minutes on [from, to] at `p` (replacing any at the same second).
  void Stay(const std::string& id, int64_t from, int64_t to, Pt p) {
    for (int64_t t = from; t <= to; t += 600) At(id, t, p);
  }
  void At(const std::string& id, int64_t ts, Pt p) { tracks_[id][ts] = p; }
  void Event(const std::string& correction, const std::string& event, const std::string& date) {
    events_ << "E" << correction << "," << correction << "," << event << "," << date << ",\n";
  }
  void Erase(const std::string& id, int64_t from, int64_t to) {
    auto& m = tracks_[id];
    m.erase(m.lower_bound(from), m.upper_bound(to));
  }
  void Leave(const std::string& leave_id, const std::string& correction, int64_t start, int64_t end,
             const std::string& dest, const std::string& status, std::optional<int64_t> returned) {
    leaves_ << leave_id << "," << correction << "," << start << "," << end << "," << dest
            << ",510184-CORR," << status << "," << (returned ? std::to_string(*returned) : "")
            << "\n";
  }

  void Write(const std::string& dir) const {
    testing::WriteFile(dir + "/orgs.csv",
                       "org_id,name,org_type,parent_id,region_code,stationed_at\n"
                       "510000-PROC,四川省人民检察院,prov_proc,,510000,\n"
                       "510184-CORR,崇州市社区矫正管理局,correction_office,510000-PROC,510184,\n");
    testing::WriteFile(
        dir + "/persons.csv",
        "person_id,name,id_number,gender,birth_date,household_region_code\n" + persons_.str());
    testing::WriteFile(
        dir + "/corrections.csv",
        "correction_id,person_id,sentence_id,correction_type,decision_org_id,"
        "decision_effective_date,office_org_id,residence_region_code,start_date,end_date,"
        "reported_date,status,status_date,monitored\n" +
            corrections_.str());
    testing::WriteFile(dir + "/leaves.csv",
                       "leave_id,correction_id,start_ts,end_ts,destination_region_code,"
                       "approved_by_org_id,status,returned_ts\n" +
                           leaves_.str());
    testing::WriteFile(dir + "/correction_events.csv",
                       "event_id,correction_id,event,date,note\n" + events_.str());
    std::ostringstream pos;
    pos << "correction_id,ts,lon,lat,source\n";
    pos.setf(std::ios::fixed);
    pos.precision(6);
    for (const auto& [id, track] : tracks_) {
      for (const auto& [ts, p] : track)
        pos << id << "," << ts << "," << p.lon << "," << p.lat << ",bracelet\n";
    }
    testing::WriteFile(dir + "/positions.csv", pos.str());
  }

 private:
  std::ostringstream persons_, corrections_, leaves_, events_;
  std::map<std::string, std::map<int64_t, Pt>> tracks_;
};

// Four days at home before the as-of moment.
void Home(World& w, const std::string& id) { w.Stay(id, kAsOf - 4 * kD, kAsOf, kHome); }

World Scenarios() {
  World w;
  const int64_t t0 = kAsOf - 2 * kD;  // on the 10-minute grid of Home()
  // ---- M14 ----
  w.Correction("C01", true);  // lawful: at home throughout
  Home(w, "C01");
  w.Correction("C02", true);  // 150 minutes in 双流 without leave
  Home(w, "C02");
  w.Stay("C02", t0, t0 + 150 * 60, kShuangliu);
  w.Correction("C03", true);  // exactly 120 minutes: lawful ("超过" excludes the number)
  Home(w, "C03");
  w.Stay("C03", t0, t0 + 120 * 60, kShuangliu);
  w.Correction("C04", true);  // 121 minutes
  Home(w, "C04");
  w.Stay("C04", t0, t0 + 120 * 60, kShuangliu);
  w.At("C04", t0 + 121 * 60, kShuangliu);
  w.Correction("C05", true);  // border zig-zag: every other fix outside for a day
  Home(w, "C05");
  for (int64_t t = t0 + 600; t <= t0 + kD; t += 1200) w.At("C05", t, kDayi);
  w.Correction("C06", true);  // five hours in 双流 under a leave to 双流
  Home(w, "C06");
  w.Stay("C06", t0, t0 + 5 * kH, kShuangliu);
  w.Leave("L06", "C06", t0 - kH, t0 + 6 * kH, "510116", "approved", t0 + 6 * kH);
  w.Correction("C07", true);  // the same under a leave to 大邑: not covered
  Home(w, "C07");
  w.Stay("C07", t0, t0 + 5 * kH, kShuangliu);
  w.Leave("L07", "C07", t0 - kH, t0 + 6 * kH, "510129", "approved", t0 + 6 * kH);
  w.Correction("C08", true);  // a leave to the whole city (成都市) covers 双流
  Home(w, "C08");
  w.Stay("C08", t0, t0 + 5 * kH, kShuangliu);
  w.Leave("L08", "C08", t0 - kH, t0 + 6 * kH, "510100", "approved", t0 + 6 * kH);
  w.Correction("C09", true);  // three hours outside the province
  Home(w, "C09");
  w.Stay("C09", t0, t0 + 3 * kH, kBeijing);
  w.Correction("C10", true);  // a single fix at home does not split the episode
  Home(w, "C10");
  w.Stay("C10", t0, t0 + 90 * 60, kShuangliu);
  w.Stay("C10", t0 + 110 * 60, t0 + 200 * 60, kShuangliu);
  w.Correction("C32", true);  // still away at the as-of moment
  Home(w, "C32");
  w.Stay("C32", kAsOf - 5 * kH, kAsOf, kShuangliu);
  w.Correction("C33", true);  // away without leave for three days: 脱管 too (JX-CC-14)
  Home(w, "C33");
  w.Stay("C33", kAsOf - 3 * kD, kAsOf, kShuangliu);
  w.Correction("C36", true, "active", "", "");  // no residence given: the office's county
  Home(w, "C36");
  w.Stay("C36", t0, t0 + 150 * 60, kShuangliu);
  w.Correction("C16", false);  // not monitored: its positions are not judged
  Home(w, "C16");
  w.Stay("C16", t0, t0 + 10 * kH, kShuangliu);

  // ---- M15 ----
  w.Correction("C11", true);  // silent for the last 50 hours
  w.Stay("C11", kAsOf - 4 * kD, kAsOf - 50 * kH, kHome);
  w.Correction("C12", true);  // silent for exactly 48 hours: lawful
  w.Stay("C12", kAsOf - 4 * kD, kAsOf - 48 * kH, kHome);
  w.Correction("C13", true);  // a 49-hour gap, then positions again
  Home(w, "C13");
  w.Erase("C13", kAsOf - 3 * kD + 1, kAsOf - 3 * kD + 49 * kH - 1);
  w.Correction("C14", true);  // a 47-hour gap
  Home(w, "C14");
  w.Erase("C14", kAsOf - 3 * kD + 1, kAsOf - 3 * kD + 47 * kH - 1);
  // Terminated on 2026-06-27: silent since 06-24 10:00 → 62 hours up to 06-27 00:00.
  w.Correction("C15", true, "terminated", "2026-06-27");
  w.Stay("C15", kAsOf - 10 * kD, 1782266400, kHome);  // 2026-06-24T10:00:00+08:00
  // Terminated on 2026-06-27, last position 06-26 10:00: 14 hours, and nothing after.
  w.Correction("C17", true, "terminated", "2026-06-27");
  w.Stay("C17", kAsOf - 10 * kD, 1782439200, kHome);  // 2026-06-26T10:00:00+08:00
  // Still `active`, but a 解除矫正 event on 06-27 ends the period as C15's status does.
  w.Correction("C35", true);
  w.Stay("C35", kAsOf - 10 * kD, 1782266400, kHome);
  w.Event("C35", "terminated", "2026-06-27");
  // One position 40 days back, then silence until a day ago: the gap starts at that
  // position, found before the read range.
  w.Correction("C19", true);
  w.At("C19", kAsOf - 40 * kD, kHome);
  w.Stay("C19", kAsOf - kD, kAsOf, kHome);
  // January (run as of 2026-01-31): before 2026-02-21 the threshold is ten days (JX-CC-07).
  w.Correction("C18", true);  // 100-hour gap: lawful then
  w.Stay("C18", kJanAsOf - 16 * kD, kJanAsOf - 10 * kD, kHome);
  w.Stay("C18", kJanAsOf - 10 * kD + 100 * kH, kJanAsOf, kHome);
  w.Correction("C34", true);  // 250-hour gap: over ten days
  w.Stay("C34", kJanAsOf - 16 * kD, kJanAsOf - 14 * kD, kHome);
  w.Stay("C34", kJanAsOf - 14 * kD + 250 * kH, kJanAsOf, kHome);

  // ---- M16 ----
  w.Correction("C20", false);  // back 50 hours late
  w.Leave("L20", "C20", kAsOf - 12 * kD, kAsOf - 10 * kD, "510116", "approved",
          kAsOf - 10 * kD + 50 * kH);
  w.Correction("C21", false);  // back exactly 48 hours late: lawful
  w.Leave("L21", "C21", kAsOf - 12 * kD, kAsOf - 10 * kD, "510116", "approved",
          kAsOf - 10 * kD + 48 * kH);
  w.Correction("C22", false);  // not back, ended three days ago
  w.Leave("L22", "C22", kAsOf - 5 * kD, kAsOf - 3 * kD, "510116", "approved", std::nullopt);
  w.Correction("C23", false);  // not back, ended 47 hours ago: not yet
  w.Leave("L23", "C23", kAsOf - 5 * kD, kAsOf - 47 * kH, "510116", "approved", std::nullopt);
  w.Correction("C24", false);  // extended (续假): the first leave never returned, the second did
  w.Leave("L24A", "C24", kAsOf - 10 * kD, kAsOf - 8 * kD, "510116", "approved", std::nullopt);
  w.Leave("L24B", "C24", kAsOf - 8 * kD - kH, kAsOf - 5 * kD, "510116", "approved",
          kAsOf - 5 * kD - kH);
  w.Correction("C25", false);  // a rejected leave has no return
  w.Leave("L25", "C25", kAsOf - 12 * kD, kAsOf - 10 * kD, "510116", "rejected", std::nullopt);
  // Monitored, not back, positions still in 双流: (a) and (b) in one finding, and no M14.
  w.Correction("C26", true);
  Home(w, "C26");
  w.Stay("C26", kAsOf - 4 * kD + 2 * kH, kAsOf, kShuangliu);
  w.Leave("L26", "C26", kAsOf - 4 * kD + kH, kAsOf - 3 * kD, "510116", "approved", std::nullopt);
  // Monitored, back on time by the record, but the positions stay away five hours more: M14.
  w.Correction("C27", true);
  Home(w, "C27");
  w.Stay("C27", t0, t0 + 12 * kH, kShuangliu);
  w.Leave("L27", "C27", t0 - kH, t0 + 8 * kH, "510116", "approved", t0 + 7 * kH);
  // Correction over before the return was due.
  w.Correction("C28", false, "terminated", "2026-06-21");
  w.Leave("L28", "C28", kAsOf - 12 * kD, kAsOf - 10 * kD, "510116", "approved", std::nullopt);
  // January leaves: 120 hours late is lawful under the ten-day rule, 264 hours is not.
  w.Correction("C29", false);
  w.Leave("L29", "C29", kJan10 - 2 * kD, kJan10, "510116", "approved", kJan10 + 120 * kH);
  w.Correction("C30", false);
  w.Leave("L30", "C30", kJan10 - 2 * kD, kJan10, "510116", "approved", kJan10 + 264 * kH);
  // Monitored but without any position: the record still speaks.
  w.Correction("C31", true);
  w.Leave("L31", "C31", kAsOf - 5 * kD, kAsOf - 3 * kD, "510116", "approved", std::nullopt);
  return w;
}

struct RunOutput {
  Status status;
  std::vector<Finding> findings;
  std::map<std::string, int64_t> scanned;
  int parts = 0;

  const Finding* Get(std::string_view model, std::string_view key_json) const {
    for (const Finding& f : findings) {
      if (f.model == model && KeyJson(f) == key_json) return &f;
    }
    return nullptr;
  }
  // The ids of the subjects (or leaves) a model found, with the finding's key.
  std::set<std::string> Keys(std::string_view model) const {
    std::set<std::string> out;
    for (const Finding& f : findings) {
      if (f.model == model) out.insert(KeyJson(f));
    }
    return out;
  }
  std::set<std::string> Ids(std::string_view model) const {
    std::set<std::string> out;
    for (const Finding& f : findings) {
      if (f.model == model) out.insert(f.key[0].second);
    }
    return out;
  }
};

std::string Key2(std::string_view id, int64_t from) {
  return R"({"correction_id":")" + std::string(id) + R"(","from":")" + FormatTimestamp(from) +
         R"("})";
}

class TrajectoryModelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    work_ = new std::string(testing::TempDir("trajectory-models"));
    Scenarios().Write(*work_ + "/src");
    auto url = testing::ImportCsvFolder(*work_ + "/src", *work_,
                                        {.exported_at = "2026-06-30T23:00:00+08:00"});
    ASSERT_TRUE(url.ok()) << url.status().ToString();
    url_ = new std::string(*url);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*work_);
    delete work_;
    delete url_;
  }

  struct Options {
    std::vector<std::string_view> models = {"M14", "M15", "M16"};
    std::vector<ParamOverride> overrides;
    int64_t as_of = kAsOf;
    int threads = 2;
    std::string data_dir = testing::SourceDir() + "/data";
  };

  // Runs the trajectory pass as the engine does: Start once, then every part.
  static RunOutput Run(const Options& o) {
    RunOutput result;
    const Pass& pass = TrajectoryPass();
    std::vector<TableNeed> needs = {JurisdictionNeed()};
    std::vector<ModelParams> declared;
    for (const ModelSpec* m : AllModels()) declared.push_back({m->id, m->params});
    for (const ModelSpec* m : pass.models()) {
      needs.insert(needs.end(), m->inputs.begin(), m->inputs.end());
    }
    const std::string url = *url_;
    DatabaseOpener open_db = [url] {
      return storage::Database::Open(url, {.create_if_missing = false});
    };
    Snapshot snapshot;
    Status loaded = LoadSnapshot(open_db, needs, 2, &snapshot);
    EXPECT_TRUE(loaded.ok()) << loaded.ToString();
    auto params = ParamSet::Build(declared, o.overrides, snapshot.Ids("orgs").size(),
                                  [&](std::string_view org) { return Covered(snapshot, org); });
    EXPECT_TRUE(params.ok()) << params.status().ToString();
    if (!loaded.ok() || !params.ok()) return result;
    RunContext ctx;
    ctx.data = &snapshot;
    ctx.as_of = o.as_of;
    ctx.as_of_date = BeijingDate(o.as_of);
    ctx.params = &*params;
    ctx.selected = o.models;
    ctx.open_db = open_db;
    ctx.data_dir = o.data_dir;
    ctx.threads = o.threads;
    auto run = pass.Start(ctx);
    if (!run.ok()) {
      result.status = run.status();
      return result;
    }
    result.parts = (*run)->parts();
    for (int part = 0; part < (*run)->parts(); ++part) {
      PassOutput out;
      Status s = (*run)->RunPart(part, out);
      EXPECT_TRUE(s.ok()) << s.ToString();
      for (Finding& f : out.findings()) result.findings.push_back(std::move(f));
      for (const auto& [m, n] : out.scanned()) result.scanned[std::string(m)] += n;
    }
    // The engine's checks: declared key columns, nothing keyed twice, org and basis given.
    std::set<std::string> seen;
    for (const Finding& f : result.findings) {
      const ModelSpec* spec = FindModel(f.model);
      EXPECT_NE(spec, nullptr);
      EXPECT_EQ(f.key.size(), spec->key.size()) << KeyJson(f);
      EXPECT_TRUE(seen.insert(std::string(f.model) + KeyJson(f)).second)
          << "twice: " << f.model << " " << KeyJson(f);
      EXPECT_EQ(f.org_id, "510184-CORR");
      EXPECT_FALSE(f.summary.empty());
      EXPECT_FALSE(f.basis.empty());
      for (const std::string& b : f.basis) {
        EXPECT_TRUE(b.rfind("PARAM:", 0) == 0 ||
                    std::find(spec->basis.begin(), spec->basis.end(), b) != spec->basis.end())
            << f.model << " cites undeclared " << b;
      }
    }
    return result;
  }

  static std::string* work_;
  static std::string* url_;
};
std::string* TrajectoryModelsTest::work_ = nullptr;
std::string* TrajectoryModelsTest::url_ = nullptr;

TEST_F(TrajectoryModelsTest, PlacesOfTheScenariosAreWhereTheTestSaysTheyAre) {
  auto text = [](const std::string& rel) {
    return testing::ReadFile(testing::SourceDir() + "/" + rel);
  };
  auto regions = geo::RegionSet::Parse(text("data/geo/sichuan-regions.csv"),
                                       text("data/geo/sichuan-counties.geojson"));
  ASSERT_TRUE(regions.ok());
  auto index = geo::CountyIndex::Build(*regions);
  ASSERT_TRUE(index.ok());
  auto at = [&](Pt p) {
    return index->Locate({static_cast<int32_t>(p.lon * 1e6), static_cast<int32_t>(p.lat * 1e6)});
  };
  EXPECT_EQ(at(kHome), 510184);
  EXPECT_EQ(at(kShuangliu), 510116);
  EXPECT_EQ(at(kDayi), 510129);
  EXPECT_EQ(at(kBeijing), 0);
}

TEST_F(TrajectoryModelsTest, M14OutOfArea) {
  const RunOutput r = Run({});
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  const int64_t t0 = kAsOf - 2 * kD;
  EXPECT_EQ(r.Ids("M14"),
            (std::set<std::string>{"C02", "C04", "C07", "C09", "C10", "C27", "C32", "C33", "C36"}));

  const Finding* f = r.Get("M14", Key2("C02", t0));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->person_id, "P02");
  EXPECT_EQ(f->facts.at("minutes"), 150);
  EXPECT_EQ(f->facts.at("positions"), 16);
  EXPECT_EQ(f->facts.at("residence_region_code"), "510184");
  EXPECT_EQ(f->facts.at("destination_region_code"), "510116");
  EXPECT_EQ(f->facts.at("threshold_minutes"), 120);
  EXPECT_EQ(f->facts.at("last_outside"), FormatTimestamp(t0 + 150 * 60));
  EXPECT_EQ(f->basis, (std::vector<std::string>{"PARAM:out_of_area_minutes", "JX-CC-03"}));
  EXPECT_EQ(f->summary,
            "社区矫正对象于2026-06-28T23:00:00+08:00至2026-06-29T01:30:00+08:00"
            "离开执行地崇州市到双流区，持续约150分钟，无经批准的请假");
  EXPECT_EQ(f->window.at("from"), FormatTimestamp(t0));
  EXPECT_EQ(f->window.at("to"), FormatTimestamp(t0 + 150 * 60));

  // No residence in the record: the county of the office.
  f = r.Get("M14", Key2("C36", t0));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("residence_region_code"), "510184");
  // 121 minutes: one minute over.
  f = r.Get("M14", Key2("C04", t0));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("minutes"), 121);
  // A leave to another county does not cover 双流.
  f = r.Get("M14", Key2("C07", t0));
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->summary.find("不在经批准请假的地域和期间内"), std::string::npos) << f->summary;
  // Outside every county of the province.
  f = r.Get("M14", Key2("C09", t0));
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->facts.at("destination_region_code").is_null());
  EXPECT_NE(f->summary.find("到四川省以外"), std::string::npos) << f->summary;
  // The single fix at home is absorbed: one episode, 20 positions away.
  f = r.Get("M14", Key2("C10", t0));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("minutes"), 200);
  EXPECT_EQ(f->facts.at("positions"), 20);
  // Positions after the recorded return are not covered by the leave.
  f = r.Get("M14", Key2("C27", t0 + 7 * kH + 600));
  ASSERT_NE(f, nullptr) << ::testing::PrintToString(r.Keys("M14"));
  EXPECT_EQ(f->facts.at("last_outside"), FormatTimestamp(t0 + 12 * kH));
  // Still away at the as-of moment.
  f = r.Get("M14", Key2("C32", kAsOf - 5 * kH));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("ongoing"), true);
  EXPECT_NE(f->summary.find("仍在执行地以外"), std::string::npos) << f->summary;
  // Three days away without leave is 脱管 (more than 48 hours, JX-CC-14).
  f = r.Get("M14", Key2("C33", kAsOf - 3 * kD));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->basis,
            (std::vector<std::string>{"PARAM:out_of_area_minutes", "JX-CC-03", "JX-CC-14"}));
  EXPECT_EQ(f->facts.at("absence_threshold_hours"), 48);
}

TEST_F(TrajectoryModelsTest, M14Parameters) {
  Options o;
  o.models = {"M14"};
  o.overrides = {{"M14", "out_of_area_minutes", "180", "", "命令行"}};
  RunOutput r = Run(o);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  // 150, 121 and exactly 180 minutes (C09) are now lawful; 200 minutes (C10) and longer
  // stays are not.
  EXPECT_EQ(r.Ids("M14"), (std::set<std::string>{"C07", "C10", "C27", "C32", "C33"}));  // not C36
  EXPECT_EQ(r.Get("M14", Key2("C10", kAsOf - 2 * kD))->facts.at("threshold_minutes"), 180);
  EXPECT_TRUE(r.Ids("M15").empty());  // only the selected models report

  // A one-day window: the episodes two days ago are no longer in it.
  o.overrides = {{"M14", "window_days", "1", "", "命令行"}};
  r = Run(o);
  EXPECT_EQ(r.Ids("M14"), (std::set<std::string>{"C32", "C33"}));

  // The jitter setting must not exceed the episode length.
  o.overrides = {{"M14", "out_of_area_minutes", "20", "", "命令行"}};
  r = Run(o);
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("confirm_minutes"), std::string::npos) << r.status.message();
}

TEST_F(TrajectoryModelsTest, M15LostContact) {
  const RunOutput r = Run({});
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  // C18 and C34 fell silent in January and stayed so: five months without a position.
  EXPECT_EQ(r.Ids("M15"), (std::set<std::string>{"C11", "C13", "C15", "C18", "C19", "C34", "C35"}));

  const Finding* f = r.Get("M15", Key2("C11", kAsOf - 50 * kH));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("hours_without_position"), 50);
  EXPECT_EQ(f->facts.at("threshold_hours"), 48);
  EXPECT_TRUE(f->facts.at("next_position").is_null());
  EXPECT_EQ(f->basis, (std::vector<std::string>{"JX-CC-14"}));
  EXPECT_EQ(f->summary,
            "电子定位自2026-06-28T21:00:00+08:00后中断，截至2026-06-30T23:00:00+08:00"
            "已失联约50小时，超过48小时");
  EXPECT_TRUE(f->window.at("to").is_null());

  f = r.Get("M15", Key2("C13", kAsOf - 3 * kD));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("hours_without_position"), 49);
  EXPECT_EQ(f->facts.at("next_position"), FormatTimestamp(kAsOf - 3 * kD + 49 * kH));

  // Terminated: counted up to the start of the last day, 2026-06-27 00:00 (62 hours).
  f = r.Get("M15", Key2("C15", 1782266400));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("hours_without_position"), 62);
  EXPECT_EQ(f->facts.at("correction_ended"), "2026-06-27");
  EXPECT_NE(f->summary.find("至矫正终止之日（2026-06-27）"), std::string::npos) << f->summary;

  // The same from a 解除矫正 event while the status still says 在矫.
  f = r.Get("M15", Key2("C35", 1782266400));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("correction_ended"), "2026-06-27");

  // The gap starts at the position found before the read range.
  f = r.Get("M15", Key2("C19", kAsOf - 40 * kD));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("hours_without_position"), 39 * 24);
  EXPECT_EQ(f->facts.at("next_position"), FormatTimestamp(kAsOf - kD));
}

TEST_F(TrajectoryModelsTest, M15ThresholdFollowsTheLawOfTheDayOrTheUser) {
  Options o;
  o.models = {"M15"};
  o.as_of = kJanAsOf;  // before 2026-02-21: more than ten days (JX-CC-07)
  RunOutput r = Run(o);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.Ids("M15"), (std::set<std::string>{"C34"}));
  const Finding* f = r.Get("M15", Key2("C34", kJanAsOf - 14 * kD));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("hours_without_position"), 250);
  EXPECT_EQ(f->facts.at("threshold_hours"), 240);
  EXPECT_EQ(f->basis, (std::vector<std::string>{"JX-CC-07"}));

  o.as_of = kAsOf;
  o.overrides = {{"M15", "lost_contact_hours", "72", "", "命令行"}};
  r = Run(o);
  EXPECT_EQ(r.Ids("M15"), (std::set<std::string>{"C18", "C19", "C34"}));
  f = r.Get("M15", Key2("C19", kAsOf - 40 * kD));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->basis, (std::vector<std::string>{"PARAM:lost_contact_hours"}));
  EXPECT_EQ(f->facts.at("threshold_hours"), 72);

  o.overrides = {{"M15", "lost_contact_hours", "24", "", "命令行"}};
  r = Run(o);
  EXPECT_EQ(r.Ids("M15"),
            (std::set<std::string>{"C11", "C12", "C13", "C14", "C15", "C18", "C19", "C34", "C35"}));
}

TEST_F(TrajectoryModelsTest, M16OverdueLeaves) {
  const RunOutput r = Run({});
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.Ids("M16"), (std::set<std::string>{"L20", "L22", "L26", "L30", "L31"}));

  const Finding* f = r.Get("M16", R"({"leave_id":"L20"})");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->person_id, "P20");
  EXPECT_EQ(f->facts.at("hours_late"), 50);
  EXPECT_EQ(f->facts.at("threshold_hours"), 48);
  EXPECT_EQ(f->facts.at("end_ts"), FormatTimestamp(kAsOf - 10 * kD));
  EXPECT_EQ(f->facts.at("returned_ts"), FormatTimestamp(kAsOf - 10 * kD + 50 * kH));
  EXPECT_EQ(f->basis, (std::vector<std::string>{"JX-CC-14", "JX-CC-03"}));
  EXPECT_EQ(f->summary,
            "请假外出于2026-06-20T23:00:00+08:00到期，2026-06-23T01:00:00+08:00才销假，"
            "逾期约50小时，超过48小时");
  EXPECT_TRUE(f->window.is_null());

  f = r.Get("M16", R"({"leave_id":"L22"})");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("hours_late"), 72);
  EXPECT_TRUE(f->facts.at("returned_ts").is_null());
  EXPECT_NE(f->summary.find("仍未销假"), std::string::npos) << f->summary;

  // Record and positions in one finding; the overstay is not also an M14 episode.
  f = r.Get("M16", R"({"leave_id":"L26"})");
  ASSERT_NE(f, nullptr);
  ASSERT_TRUE(f->facts.contains("outside_after_end")) << f->facts.dump();
  EXPECT_EQ(f->facts.at("outside_after_end").at("last_position"), FormatTimestamp(kAsOf));
  EXPECT_EQ(f->facts.at("outside_after_end").at("ongoing"), true);
  EXPECT_EQ(f->facts.at("outside_after_end").at("hours_after_end"), 72);
  EXPECT_EQ(r.Ids("M14").count("C26"), 0u);

  // Ten days before 2026-02-21: 264 hours is over, 120 hours (L29) is not.
  f = r.Get("M16", R"({"leave_id":"L30"})");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->facts.at("threshold_hours"), 240);
  EXPECT_EQ(f->basis, (std::vector<std::string>{"JX-CC-07", "JX-CC-03"}));

  // A monitored subject without positions: from the record alone.
  f = r.Get("M16", R"({"leave_id":"L31"})");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->facts.contains("outside_after_end"));
}

TEST_F(TrajectoryModelsTest, M16Parameter) {
  Options o;
  o.models = {"M16"};
  o.overrides = {{"M16", "overdue_hours", "60", "", "命令行"}};
  const RunOutput r = Run(o);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  // 50 hours (L20) is within 60; 72 hours (L22, L26, L31), 120 (L29, lawful under the law
  // of its day) and 264 (L30) are not: the user's setting applies to every date.
  EXPECT_EQ(r.Ids("M16"), (std::set<std::string>{"L22", "L26", "L29", "L30", "L31"}));
  EXPECT_EQ(r.Get("M16", R"({"leave_id":"L30"})")->basis,
            (std::vector<std::string>{"PARAM:overdue_hours", "JX-CC-03"}));
  EXPECT_TRUE(r.Ids("M14").empty());
}

TEST_F(TrajectoryModelsTest, SameFindingsWhateverThePartsAndScannedPositions) {
  Options o;
  o.threads = 1;
  const RunOutput one = Run(o);
  o.threads = 8;
  const RunOutput many = Run(o);
  ASSERT_TRUE(one.status.ok() && many.status.ok());
  EXPECT_LT(one.parts, many.parts);
  for (std::string_view m : {"M14", "M15", "M16"}) {
    EXPECT_EQ(one.Keys(m), many.Keys(m)) << m;
  }
  // Every model of the pass reports the positions read (M16 also its leave rows).
  EXPECT_GT(one.scanned.at("M14"), 10000);
  EXPECT_EQ(one.scanned.at("M14"), one.scanned.at("M15"));
  EXPECT_EQ(one.scanned.at("M14"), many.scanned.at("M14"));
  EXPECT_GT(one.scanned.at("M16"), one.scanned.at("M14"));
}

TEST_F(TrajectoryModelsTest, MissingRegionFilesAreALocatedChineseError) {
  Options o;
  o.data_dir = *work_ + "/no-such-data";
  const RunOutput r = Run(o);
  ASSERT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("no-such-data/geo/sichuan-regions.csv"), std::string::npos)
      << r.status.message();
  EXPECT_NE(r.status.message().find("无法读取区划数据文件"), std::string::npos);

  // A broken outline file names the file and the feature.
  fs::create_directories(*work_ + "/bad-data/geo");
  testing::WriteFile(*work_ + "/bad-data/geo/sichuan-regions.csv",
                     testing::ReadFile(testing::SourceDir() + "/data/geo/sichuan-regions.csv"));
  testing::WriteFile(*work_ + "/bad-data/geo/sichuan-counties.geojson",
                     R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                     R"("geometry":{"type":"Polygon","coordinates":[]}}]})");
  o.data_dir = *work_ + "/bad-data";
  const RunOutput bad = Run(o);
  ASSERT_FALSE(bad.status.ok());
  EXPECT_NE(bad.status.message().find("sichuan-counties.geojson"), std::string::npos)
      << bad.status.message();
}

}  // namespace
}  // namespace zj::models
