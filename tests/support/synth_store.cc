#include "tests/support/synth_store.h"

#include "storage/migrations.h"
#include "tests/support/batch_builder.h"

namespace zj::testing {

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
  ZJ_ASSIGN_OR_RETURN(auto db, storage::Database::Open(s.url));
  ZJ_RETURN_IF_ERROR(storage::Migrate(*db).status());
  ZJ_ASSIGN_OR_RETURN(s.import, ingest::ImportBatch(*db, s.synth.batch_dir));
  if (s.import.outcome != ingest::ImportOutcome::kApplied) {
    return Internal("synthetic batch not applied: " + s.import.ToChinese());
  }
  return s;
}

}  // namespace zj::testing
