// The trajectory pass against the synthetic generator: on `zhijian synth --scale tiny`
// batches, the out-of-area episodes (M14), lost-contact gaps (M15) and overdue-abroad
// points (M16) found from the batch's own files must be exactly the planted labels —
// same keys, same facts, nothing more. This is the check that geo and synth agree on
// docs/synth.md's conventions (`from`, minutes, positions, floored hours).
//
// ZJ_GEO_SYNTH_SCALE=city runs the same check on a city-scale batch (30 days, 19 million
// positions, gaps in mid-window, leaves in the window; about a minute).

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "common/date.h"
#include "geo/test_data.h"
#include "geo/trajectory.h"
#include "synth/synth.h"

namespace zj::geo {
namespace {

namespace fs = std::filesystem;
using testing::Sichuan;

std::string ReadAll(const fs::path& path) {
  if (path.extension() == ".gz") {
    gzFile f = gzopen(path.c_str(), "rb");
    std::string out;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    gzclose(f);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A CSV table by column name. The tables read here hold ids, codes and timestamps only: no
// quoting needed.
struct Table {
  std::map<std::string, size_t> column;
  std::vector<std::vector<std::string>> rows;
  const std::string& At(size_t row, const std::string& name) const {
    return rows[row][column.at(name)];
  }
};

Table ReadTable(const fs::path& path) {
  Table t;
  std::istringstream in(ReadAll(path));
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream ls(line);
    while (std::getline(ls, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    if (header) {
      for (size_t i = 0; i < fields.size(); ++i) t.column[fields[i]] = i;
      header = false;
    } else {
      t.rows.push_back(std::move(fields));
    }
  }
  return t;
}

int32_t Micro(const std::string& degrees) { return testing::E6(std::stod(degrees)); }

class SynthTrajectories : public ::testing::TestWithParam<uint64_t> {};

TEST_P(SynthTrajectories, FindingsEqualTheLabels) {
  const fs::path dir = fs::temp_directory_path() / ("zj_geo_synth_" + std::to_string(::getpid()) +
                                                    "_" + std::to_string(GetParam()));
  fs::remove_all(dir);
  synth::Options o;
  const char* scale = std::getenv("ZJ_GEO_SYNTH_SCALE");
  const bool city = scale != nullptr && std::string_view(scale) == "city";
  o.scale = city ? synth::Scale::kCity : synth::Scale::kTiny;
  o.seed = GetParam();
  o.violation_rate = 0.05;
  o.out_dir = dir.string();
  o.geo_dir = testing::SourceDir() + "/data/geo";
  Result<synth::Report> report = synth::Generate(o);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const int64_t as_of = *ParseTimestamp(report->as_of);
  // Positions cover the 4 (tiny) or 30 (city) days before the as-of moment (synth/world.cc).
  const int64_t window_from = as_of - (city ? 30 : 4) * int64_t{86400};

  const fs::path batch = report->batch_dir;
  const Table corrections = ReadTable(batch / "corrections.csv");
  const Table leaves = ReadTable(batch / "leaves.csv");
  // positions.csv.gz, streamed: correction_id,ts,lon,lat,source (header checked).
  std::map<std::string, std::vector<Position>> track;
  size_t position_count = 0;
  {
    gzFile f = gzopen((batch / "positions.csv.gz").c_str(), "rb");
    ASSERT_NE(f, nullptr);
    char buf[512];
    ASSERT_NE(gzgets(f, buf, sizeof buf), nullptr);
    ASSERT_EQ(std::string_view(buf), "correction_id,ts,lon,lat,source\n");
    std::vector<Position>* current = nullptr;
    std::string current_id;
    while (gzgets(f, buf, sizeof buf) != nullptr) {
      std::string_view line(buf);
      std::string_view field[4];
      for (auto& v : field) {
        const size_t comma = line.find(',');
        v = line.substr(0, comma);
        line.remove_prefix(comma + 1);
      }
      if (current == nullptr || field[0] != current_id) {
        current_id = field[0];
        current = &track[current_id];
      }
      current->push_back(
          {*ParseTimestamp(field[1]), Micro(std::string(field[2])), Micro(std::string(field[3]))});
      ++position_count;
    }
    gzclose(f);
  }
  std::map<std::string, std::vector<Leave>> leaves_of;
  std::vector<std::string> leave_ids;
  for (size_t r = 0; r < leaves.rows.size(); ++r) {
    const std::string& returned = leaves.At(r, "returned_ts");
    leaves_of[leaves.At(r, "correction_id")].push_back(
        {.row = static_cast<int32_t>(r),
         .start_ts = *ParseTimestamp(leaves.At(r, "start_ts")),
         .end_ts = *ParseTimestamp(leaves.At(r, "end_ts")),
         .destination = std::stoi(leaves.At(r, "destination_region_code")),
         .approved = leaves.At(r, "status") == "approved",
         .returned_ts = returned.empty() ? std::nullopt : ParseTimestamp(returned)});
    leave_ids.push_back(leaves.At(r, "leave_id"));
  }

  static const CountyIndex* index = new CountyIndex(*CountyIndex::Build(Sichuan()));
  TrackAnalyzer analyzer(Sichuan(), *index);
  std::set<std::string> found, want;
  int monitored = 0;
  const auto started = std::chrono::steady_clock::now();
  for (size_t r = 0; r < corrections.rows.size(); ++r) {
    if (corrections.At(r, "monitored") != "1" || corrections.At(r, "status") != "active") continue;
    ++monitored;
    const std::string& id = corrections.At(r, "correction_id");
    TrackResult out;
    const Status s =
        analyzer.Analyze({.positions = track[id],
                          .residence = std::stoi(corrections.At(r, "residence_region_code")),
                          .leaves = leaves_of[id],
                          .window_from = window_from,
                          .as_of = as_of},
                         &out);
    ASSERT_TRUE(s.ok()) << s.ToString();
    for (const OutOfAreaEpisode& e : out.out_of_area) {
      found.insert("M14 " + id + " " + FormatTimestamp(e.from) + " last " +
                   FormatTimestamp(e.last_outside) + " minutes " + std::to_string(e.minutes) +
                   " positions " + std::to_string(e.positions) + " to " +
                   std::to_string(e.destination));
    }
    for (const LostContactGap& g : out.lost_contact) {
      found.insert("M15 " + id + " " + FormatTimestamp(g.from) + " next " +
                   (g.to ? FormatTimestamp(*g.to) : "null") + " hours " + std::to_string(g.hours));
    }
    for (const OverdueAbroad& d : out.overdue_abroad) {
      found.insert("M16 " + leave_ids[static_cast<size_t>(d.leave_row)]);
    }
  }
  EXPECT_GT(monitored, 20);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::istringstream labels(ReadAll(report->labels_path));
  std::string line;
  while (std::getline(labels, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);
    const std::string model = j["model"];
    const auto& f = j["facts"];
    if (model == "M14") {
      want.insert("M14 " + j["key"]["correction_id"].get<std::string>() + " " +
                  j["key"]["from"].get<std::string>() + " last " +
                  f["last_outside"].get<std::string>() + " minutes " +
                  std::to_string(f["minutes"].get<int64_t>()) + " positions " +
                  std::to_string(f["positions"].get<int64_t>()) + " to " +
                  f["destination_region_code"].get<std::string>());
    } else if (model == "M15") {
      want.insert("M15 " + j["key"]["correction_id"].get<std::string>() + " " +
                  j["key"]["from"].get<std::string>() + " next " +
                  (f["next_position"].is_null() ? "null" : f["next_position"].get<std::string>()) +
                  " hours " + std::to_string(f["hours_without_position"].get<int64_t>()));
    }
    // M16 labels are late returns of unmonitored subjects (no positions): not ours.
  }
  EXPECT_FALSE(want.empty());
  std::printf("%d monitored subjects, %zu positions analysed in %.2f s, %zu labels, %zu findings\n",
              monitored, position_count, seconds, want.size(), found.size());
  EXPECT_EQ(found, want);
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Seeds, SynthTrajectories, ::testing::Values(1, 20251, 77));

}  // namespace
}  // namespace zj::geo
