#pragma once
// Synthetic province generator (`zhijian synth`).
//
// Writes one EXCHANGE v1 batch directory shaped like Sichuan (seeds/, data/geo/):
// the full org tree at every scale (1 provincial, 21 city and 183 county
// procuratorates, 32 prisons, 147 detention centres, 183 correction offices,
// 161 resident offices, courts, police), persons, sentences, lawful commutation
// and parole histories, monthly points, rewards, jobs, labour days, accounts,
// property cases and payments, community-correction subjects with leaves and GPS
// positions every 10 minutes (gaps, jitter), detentions at every stage, and on top
// planted violations of every model M01–M25 with `labels.jsonl` listing the findings
// a correct engine must produce (spec/MODELS.md format).
//
// Output: `out_dir/batch/` (manifest.json, one CSV per table of domain::AllTables(),
// positions.csv.gz, attachments/) and `out_dir/labels.jsonl`. The data are judged as of
// 2026-06-30T23:00:00+08:00 (the manifest's exported_at; JX-CC-14 is in force then), and
// every label's detected_at is that moment. The lawful background keeps clear of every
// limit in synth/law_numbers.h by a margin; each planted case triggers exactly one finding
// of one model. Readings the labels assume where the catalogue leaves a choice: M09's
// 12-month fence is over the prisoners scored in all 12 months up to the as-of month;
// M12's due date is the 3-month review date, or review date + 30 days for a
// no_longer_eligible review not followed by recommitment; M15's `from` is the last position
// before the silence.
//
// Deterministic: the same options give byte-identical output. Positions are written
// streaming (gzip), never all held in memory.
// Not thread-safe (one generator per call).

#include <cstdint>
#include <map>
#include <string>

#include "common/status.h"

namespace zj::synth {

enum class Scale { kTiny, kCity, kProvince };
// "tiny" | "city" | "province"
Result<Scale> ParseScale(std::string_view name);

struct Options {
  Scale scale = Scale::kTiny;
  uint64_t seed = 1;
  std::string out_dir;           // created if missing; must be empty or absent
  double violation_rate = 0.02;  // share of eligible records that get a planted violation
  std::string geo_dir;           // folder with sichuan-counties.geojson, sichuan-regions.csv
                                 // (empty: ./data/geo, then $ZJ_SOURCE_DIR/data/geo, then
                                 // the source tree's data/geo)
};

struct Report {
  std::map<std::string, int64_t> rows;    // table → data rows written
  std::map<std::string, int64_t> labels;  // model → planted findings
  std::string batch_dir;                  // out_dir/batch
  std::string labels_path;                // out_dir/labels.jsonl
  std::string as_of;                      // manifest exported_at
};

// Generates the batch into `options.out_dir`. Fails with a Chinese message on
// bad options or I/O errors.
Result<Report> Generate(const Options& options);

}  // namespace zj::synth
