#pragma once
// Test support: stores built the way an operator builds them (batch → strict import), for
// the tests that read a store: a folder of hand-written CSVs, or a synthetic province.
// Not thread-safe.

#include <cstdint>
#include <string>

#include "common/status.h"
#include "ingest/importer.h"
#include "synth/synth.h"
#include "tests/support/batch_builder.h"

namespace zj::testing {

// Builds a batch from `src` (files `<table>.csv`, see BuildBatch) into `<work>/batch` and
// imports it strictly into a new `<work>/store.db`. Returns the store's URL; fails unless
// the whole batch is applied.
Result<std::string> ImportCsvFolder(const std::string& src, const std::string& work,
                                    const BuildOptions& options = {});

// A synthetic province generated into a fresh temp folder and imported into <dir>/store.db.
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
