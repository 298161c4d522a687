#pragma once
// Test support: a synthetic province generated into a fresh temp folder and imported
// strictly into `<dir>/store.db` — the setup shared by the integration tests that judge or
// model the synthetic data. Not thread-safe.

#include <cstdint>
#include <string>

#include "common/status.h"
#include "ingest/importer.h"
#include "synth/synth.h"

namespace zj::testing {

struct SynthStore {
  std::string dir;  // temp folder holding synth/ and store.db; the caller removes it
  std::string db_path;
  std::string url;      // sqlite://<db_path>
  synth::Report synth;  // batch_dir, labels_path, rows …
  ingest::ImportReport import;
};

// Fails (Status) when generation fails or the batch is not applied whole.
Result<SynthStore> MakeSynthStore(synth::Scale scale, uint64_t seed, const std::string& name);

}  // namespace zj::testing
