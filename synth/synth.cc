#include "synth/synth.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "synth/builders.h"
#include "synth/geo.h"
#include "synth/labels.h"
#include "synth/plant.h"
#include "synth/prison_life.h"
#include "synth/sentences.h"
#include "synth/world.h"
#include "synth/writer.h"

#ifndef ZJ_SYNTH_DEFAULT_GEO_DIR
#define ZJ_SYNTH_DEFAULT_GEO_DIR ""
#endif

namespace zj::synth {
namespace {

namespace fs = std::filesystem;

bool HasGeo(const std::string& dir) {
  std::error_code ec;
  return !dir.empty() && fs::exists(dir + "/sichuan-regions.csv", ec) &&
         fs::exists(dir + "/sichuan-counties.geojson", ec);
}

Result<std::string> FindGeoDir(const std::string& requested) {
  if (!requested.empty()) {
    if (!HasGeo(requested)) {
      return InvalidArgument(
          "地理数据目录中缺少 sichuan-regions.csv 或 sichuan-counties.geojson：" + requested);
    }
    return requested;
  }
  std::vector<std::string> candidates = {"data/geo"};
  if (const char* src = std::getenv("ZJ_SOURCE_DIR"))
    candidates.push_back(std::string(src) + "/data/geo");
  candidates.push_back(ZJ_SYNTH_DEFAULT_GEO_DIR);
  for (const std::string& c : candidates) {
    if (HasGeo(c)) return c;
  }
  return InvalidArgument("找不到四川区划与边界数据（data/geo），请用 geo_dir 指定");
}

Status PrepareOutDir(const std::string& out_dir) {
  if (out_dir.empty()) return InvalidArgument("未指定输出目录");
  std::error_code ec;
  if (fs::exists(out_dir, ec)) {
    if (!fs::is_directory(out_dir, ec)) return InvalidArgument("输出路径不是目录：" + out_dir);
    if (!fs::is_empty(out_dir, ec)) return InvalidArgument("输出目录必须为空：" + out_dir);
  }
  fs::create_directories(out_dir + "/batch", ec);
  if (ec) return IoError("无法创建输出目录：" + out_dir + "（" + ec.message() + "）");
  return Status::Ok();
}

}  // namespace

Result<Scale> ParseScale(std::string_view name) {
  if (name == "tiny") return Scale::kTiny;
  if (name == "city") return Scale::kCity;
  if (name == "province") return Scale::kProvince;
  return InvalidArgument("未知的规模“" + std::string(name) + "”，应为 tiny、city 或 province");
}

Result<Report> Generate(const Options& options) {
  if (!(options.violation_rate >= 0 && options.violation_rate <= 1)) {
    return InvalidArgument("违规比例（violation_rate）应在 0 到 1 之间");
  }
  ZJ_ASSIGN_OR_RETURN(std::string geo_dir, FindGeoDir(options.geo_dir));
  ZJ_RETURN_IF_ERROR(PrepareOutDir(options.out_dir));
  ZJ_ASSIGN_OR_RETURN(std::unique_ptr<Geo> geo, Geo::Load(geo_dir));

  World w(options.seed, options.scale, *geo);
  w.county_weights = CountyWeights(*geo);
  BuildOrgs(w);
  BuildPrisoners(w);
  BuildCourtCorrections(w);
  BuildPreTrial(w);
  const PlantCounts counts = CountPlants(w, options.violation_rate);
  PlantHistories(w, counts);
  BuildPrisonLives(w);
  FinalizePrisonUnits(w);
  BuildTracks(w);
  PlantLate(w, counts);

  Report report;
  report.batch_dir = options.out_dir + "/batch";
  report.labels_path = options.out_dir + "/labels.jsonl";
  report.as_of = FormatTimestamp(w.as_of_ts);
  // Same options, same id; any difference in scale, seed or rate, another batch.
  char rate[32];
  std::snprintf(rate, sizeof rate, "%g", options.violation_rate);
  static constexpr const char* kScaleNames[] = {"tiny", "city", "province"};
  const std::string batch_id = report.as_of + "#synth-" +
                               kScaleNames[static_cast<int>(options.scale)] + "-" +
                               std::to_string(options.seed) + "-" + rate;
  ZJ_RETURN_IF_ERROR(WriteBatch(w, report.batch_dir, batch_id, &report.rows));

  SortLabels(&w.labels);
  std::ofstream out(report.labels_path, std::ios::binary);
  for (const Label& l : w.labels) {
    out << LabelToJson(l, report.as_of) << "\n";
    ++report.labels[l.model];
  }
  if (!out) return IoError("写入 labels.jsonl 出错：" + report.labels_path);
  return report;
}

}  // namespace zj::synth
