#pragma once
// Test support: builds an exchange batch folder from a folder of plain CSV files,
// writing manifest.json with the right row counts and checksums (tests then break
// exactly the thing they test). Not thread-safe.

#include <map>
#include <set>
#include <string>

#include "common/status.h"

namespace zj::testing {

struct BuildOptions {
  std::string batch_id = "TEST#0001";
  std::string source_org_id = "510000-PROC";
  std::string exported_at = "2025-06-30T23:00:00+08:00";
  std::set<std::string> gzip;  // tables to store as .csv.gz
};

// Copies `src` (files `<table>.csv`, `attachments/`) to `dst` and writes the manifest.
Status BuildBatch(const std::string& src, const std::string& dst, const BuildOptions& options);

// Writes `text` to `path`, gzip-compressed.
Status WriteGzip(const std::string& path, const std::string& text);
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& text);

// A fresh empty folder under the system temp dir.
std::string TempDir(const std::string& name);

// Path of the source tree (ZJ_SOURCE_DIR, set by CTest) and of the zhijian binary.
std::string SourceDir();
std::string ZhijianBinary();

}  // namespace zj::testing
