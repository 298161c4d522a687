#pragma once
// A batch on disk (EXCHANGE v1 §1): a directory, or a .tar / .tar.gz / .tgz / .zip of
// one, holding manifest.json, one CSV (or CSV.gz) per table and attachments/.
//
// OpenBatch resolves the path to a directory (extracting an archive into a private
// temporary folder that is removed with the BatchDir) and parses the manifest.
// Every problem is returned as a Chinese message naming the file and field.
// Not thread-safe.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace zj::ingest {

struct ManifestTable {
  std::string table;  // exchange table name
  std::string file;   // path relative to the batch directory
  int64_t rows = 0;
  std::string sha256;
};

struct Manifest {
  std::string spec;
  std::string source_org_id;
  std::string batch_id;
  std::string exported_at_text;
  int64_t exported_at = 0;  // Unix seconds
  std::vector<ManifestTable> tables;
};

class BatchDir {
 public:
  ~BatchDir();
  const std::string& dir() const { return dir_; }
  const Manifest& manifest() const { return manifest_; }

  static Result<std::unique_ptr<BatchDir>> Open(const std::string& path);

 private:
  BatchDir() = default;
  std::string dir_;
  std::string temp_;  // extraction folder to remove, if any
  Manifest manifest_;
};

// Parses manifest.json text. `tables` come out in the order of AllTables().
Result<Manifest> ParseManifest(std::string_view json_text);

}  // namespace zj::ingest
