#pragma once
// Writes a World as one EXCHANGE v1 batch: a CSV per table of domain::AllTables() (header and
// column order from the declaration; positions gzip-compressed and streamed), attachments for
// pending proposals under attachments/, and manifest.json with rows and SHA-256 per file.
// Not thread-safe.

#include <cstdint>
#include <map>
#include <string>

#include "common/status.h"
#include "synth/world.h"

namespace zj::synth {

// The batch's source org (the provincial prison administration, as in EXCHANGE §1).
std::string SourceOrgId(const World& w);

// Writes into `batch_dir` (which must exist). `batch_id` goes into the manifest (it must
// differ between batches of different content). Fills `rows` with data rows per table.
Status WriteBatch(const World& w, const std::string& batch_dir, const std::string& batch_id,
                  std::map<std::string, int64_t>* rows);

}  // namespace zj::synth
