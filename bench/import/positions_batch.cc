// Writes a positions-heavy exchange batch for the import benchmark: a few orgs, one
// person, `--subjects` correction subjects and `--rows` positions (10-minute fixes
// with jitter), gzip-compressed, with a correct manifest. Streaming; bounded memory.
//
//   zj_bench_positions_batch --rows 20000000 --subjects 4600 --out DIR [--plain]

#include <zlib.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/sha256.h"

int main(int argc, char** argv) {
  CLI::App app{"positions batch for bench/import"};
  int64_t rows = 1000000, subjects = 1000;
  std::string out;
  bool plain = false;
  app.add_option("--rows", rows);
  app.add_option("--subjects", subjects);
  app.add_option("--out", out)->required();
  app.add_flag("--plain", plain, "also write positions.csv uncompressed (for the SQL baseline)");
  CLI11_PARSE(app, argc, argv);
  namespace fs = std::filesystem;
  fs::create_directories(out);
  nlohmann::json tables = nlohmann::json::object();
  auto write_table = [&](const std::string& table, const std::string& text, int64_t n) {
    std::string file = out + "/" + table + ".csv";
    std::ofstream(file, std::ios::binary) << text;
    tables[table] = {{"file", table + ".csv"}, {"rows", n}, {"sha256", *zj::Sha256::OfFile(file)}};
  };
  write_table("orgs",
              "org_id,name,org_type,parent_id,region_code\n"
              "510104-SJ,成都市锦江区社区矫正管理局,correction_office,,510104\n",
              1);
  write_table("persons", "person_id,name\nP-1,张某\n", 1);
  std::string corr = "correction_id,person_id,correction_type,office_org_id,monitored\n";
  for (int64_t s = 0; s < subjects; ++s)
    corr += "K-" + std::to_string(s) + ",P-1,probation,510104-SJ,1\n";
  write_table("corrections", corr, subjects);

  gzFile gz = gzopen((out + "/positions.csv.gz").c_str(), "wb1");
  FILE* raw = plain ? std::fopen((out + "/positions-plain.csv").c_str(), "wb") : nullptr;
  std::string buf = "correction_id,ts,lon,lat,source\n";
  const int64_t per = (rows + subjects - 1) / subjects;
  int64_t written = 0;
  uint64_t rng = 88172645463325252ULL;
  for (int64_t s = 0; s < subjects && written < rows; ++s) {
    for (int64_t i = 0; i < per && written < rows; ++i, ++written) {
      rng ^= rng << 13;
      rng ^= rng >> 7;
      rng ^= rng << 17;
      char line[96];
      int n = std::snprintf(line, sizeof line, "K-%lld,%lld,104.%06d,30.%06d,bracelet\n",
                            static_cast<long long>(s), 1748707200LL + i * 600LL,
                            static_cast<int>(rng % 100000 + 40000),
                            static_cast<int>((rng >> 20) % 100000 + 600000));
      buf.append(line, n);
    }
    if (buf.size() > (1 << 20)) {
      gzwrite(gz, buf.data(), static_cast<unsigned>(buf.size()));
      if (raw) std::fwrite(buf.data(), 1, buf.size(), raw);
      buf.clear();
    }
  }
  gzwrite(gz, buf.data(), static_cast<unsigned>(buf.size()));
  if (raw) std::fwrite(buf.data(), 1, buf.size(), raw), std::fclose(raw);
  gzclose(gz);
  tables["positions"] = {{"file", "positions.csv.gz"},
                         {"rows", written},
                         {"sha256", *zj::Sha256::OfFile(out + "/positions.csv.gz")}};
  if (raw) fs::rename(out + "/positions-plain.csv", out + "/../positions-plain.csv");
  nlohmann::json manifest = {{"spec", "zhijian-exchange/1"},
                             {"source_org_id", "BENCH"},
                             {"batch_id", "BENCH#" + std::to_string(rows)},
                             {"exported_at", "2025-06-30T23:00:00+08:00"},
                             {"tables", tables}};
  std::ofstream(out + "/manifest.json") << manifest.dump(2);
  std::printf("%lld positions for %lld subjects in %s\n", static_cast<long long>(written),
              static_cast<long long>(subjects), out.c_str());
  return 0;
}
