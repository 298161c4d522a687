#pragma once
// Zip archives in memory, through libarchive: the container of .docx and .xlsx files and of a
// batch download.
//
// WriteZip is deterministic: the same entries give the same bytes on any machine and in any
// time zone. Entries keep the given order, are deflated, and carry a fixed time (the minimum DOS
// date, 1980-01-01 00:00, and 1979-12-31T00:00:00Z in the Unix extra field), owner 0:0 and mode
// 0644; names are UTF-8 (the zip's UTF-8 flag is set for non-ASCII names).
//
// Thread-safety: pure functions; safe to call from many threads.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace zj::report {

struct ZipEntry {
  std::string name;  // relative path with '/' separators, e.g. word/document.xml
  std::string data;
};

// The archive's bytes. An empty or duplicate name, or a name that is absolute or climbs
// ("../"), is kInvalidArgument; a libarchive failure is kInternal.
Result<std::string> WriteZip(std::span<const ZipEntry> entries);

// The regular files of a zip archive, in archive order. Not a zip, or corrupt: kDataLoss.
// More than 256 MiB once uncompressed: kResourceExhausted (a zip bomb is not read out).
Result<std::vector<ZipEntry>> ReadZip(std::string_view bytes);

}  // namespace zj::report
