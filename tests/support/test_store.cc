#include "tests/support/test_store.h"

#include "storage/migrations.h"
#include "tests/support/batch_builder.h"

namespace zj::testing {

namespace {

Result<ingest::ImportReport> ImportInto(const std::string& url, const std::string& batch) {
  ZJ_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url));
  ZJ_RETURN_IF_ERROR(storage::Migrate(*db).status());
  ZJ_ASSIGN_OR_RETURN(ingest::ImportReport report, ingest::ImportBatch(*db, batch));
  if (report.outcome != ingest::ImportOutcome::kApplied) {
    return Internal("batch not applied: " + report.ToChinese());
  }
  return report;
}

}  // namespace

Result<std::string> ImportCsvFolder(const std::string& src, const std::string& work,
                                    const BuildOptions& options) {
  ZJ_RETURN_IF_ERROR(BuildBatch(src, work + "/batch", options));
  const std::string url = "sqlite://" + work + "/store.db";
  ZJ_RETURN_IF_ERROR(ImportInto(url, work + "/batch").status());
  return url;
}

Result<SynthStore> MakeSynthStore(synth::Scale scale, uint64_t seed, const std::string& name) {
  SynthStore s;
  s.dir = TempDir(name);
  synth::Options o{.scale = scale,
                   .seed = seed,
                   .out_dir = s.dir + "/synth",
                   .geo_dir = SourceDir() + "/data/geo"};
  ZJ_ASSIGN_OR_RETURN(s.synth, synth::Generate(o));
  s.db_path = s.dir + "/store.db";
  s.url = "sqlite://" + s.db_path;
  ZJ_ASSIGN_OR_RETURN(s.import, ImportInto(s.url, s.synth.batch_dir));
  return s;
}

}  // namespace zj::testing
