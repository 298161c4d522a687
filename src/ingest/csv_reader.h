#pragma once
// CsvReader: streams RFC 4180 records from a plain or gzip-compressed file.
//
//  - UTF-8; a leading BOM is skipped. Records end at `\n` or `\r\n`; inside quotes
//    newlines are data. `""` inside a quoted field is one quote.
//  - A `.gz` file (by name) is inflated as it is read; concatenated gzip members are
//    accepted; a truncated or corrupt stream is a kDataLoss error.
//  - The SHA-256 of the file's stored bytes (compressed if compressed) is computed
//    on the way, so the manifest checksum costs no second read.
//  - Memory is bounded by the largest record plus the read block (1 MiB).
//
// Malformed quoting is reported per record (the record carries `error`), so a
// validator can name the line and go on; I/O and gzip errors end the stream.
// Not thread-safe; one reader per thread.

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/sha256.h"
#include "common/status.h"

namespace zj::ingest {

struct CsvRecord {
  int64_t line = 0;                      // 1-based line where the record starts
  std::vector<std::string_view> fields;  // valid until the next Next() call
  std::string_view raw;                  // the record's bytes, without the line end
  std::string error;                     // non-empty: malformed quoting (Chinese)
};

class CsvReader {
 public:
  static Result<std::unique_ptr<CsvReader>> Open(const std::string& path);
  ~CsvReader();

  // Reads the next record into *record. Returns false at end of file.
  // A kDataLoss / kIoError status ends the stream.
  Result<bool> Next(CsvRecord* record);
  // Valid once Next() has returned false.
  std::string Sha256Hex() { return sha_.HexDigest(); }
  int64_t bytes_read() const { return bytes_read_; }

 private:
  CsvReader() = default;
  Status Fill();  // appends decompressed bytes to buf_; sets eof_
  Status ReadRaw(char* out, size_t cap, size_t* got);

  FILE* file_ = nullptr;
  std::string path_;
  bool gzip_ = false;
  struct Inflater;
  std::unique_ptr<Inflater> inflater_;
  Sha256 sha_;
  int64_t bytes_read_ = 0;

  std::string buf_;  // unconsumed decompressed bytes
  size_t pos_ = 0;   // parse position in buf_
  bool eof_ = false;
  bool started_ = false;
  int64_t line_ = 1;
  std::deque<std::string> unescaped_;  // storage for fields with `""`
};

}  // namespace zj::ingest
