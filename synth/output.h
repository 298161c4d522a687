#pragma once
// Files of an exchange batch as the generator writes them.
//
// OutputFile: a buffered file that hashes (SHA-256) exactly the bytes it stores and can
// gzip them on the way (zlib, level 1, no timestamp in the header, so output is
// reproducible). CsvTable: one table's CSV (RFC 4180, `\n`, UTF-8, no BOM) whose header and
// column order come from the table's declaration in domain/exchange_tables.h; a row is
// filled by column name. I/O errors are remembered and reported by Close().
// A gzip file compresses on its own worker thread (1 MiB chunks, at most 4 queued), so
// generating and compressing overlap; the bytes stored are the same as single-threaded.
// Not thread-safe: one caller thread per object.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/date.h"
#include "common/sha256.h"
#include "common/status.h"
#include "domain/exchange_tables.h"

namespace zj::synth {

class OutputFile {
 public:
  static Result<std::unique_ptr<OutputFile>> Open(const std::string& path, bool gzip);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void Write(std::string_view data);
  // Flushes, finishes the gzip stream and closes. Call once.
  Status Close();
  // Valid after Close().
  const std::string& sha256() const { return sha256_; }
  int64_t stored_bytes() const { return stored_bytes_; }

 private:
  OutputFile() = default;
  void FlushPlain();
  void Deflate(const std::string& input, int flush);
  void Store(const void* data, size_t size);
  void CompressLoop();  // worker thread body

  std::string path_;
  std::FILE* file_ = nullptr;
  bool gzip_ = false;
  struct ZState;
  std::unique_ptr<ZState> z_;
  std::string buffer_;
  std::vector<unsigned char> out_;
  Sha256 hasher_;
  std::string sha256_;
  int64_t stored_bytes_ = 0;
  Status error_;
  // gzip worker: chunks handed over by Write(), compressed and stored in order.
  std::thread worker_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  bool closing_ = false;
};

class CsvTable {
 public:
  // `spec` must outlive the table.
  static Result<std::unique_ptr<CsvTable>> Open(const domain::TableSpec& spec,
                                                const std::string& dir, bool gzip);

  const domain::TableSpec& spec() const { return spec_; }
  std::string file_name() const { return file_name_; }
  // Index of a declared column. A name the declaration lacks is a bug: throws.
  int Col(std::string_view name) const;

  void Set(std::string_view column, std::string_view value) { fields_[Col(column)] = value; }
  void Set(std::string_view column, const std::string& value) { fields_[Col(column)] = value; }
  void Set(std::string_view column, const char* value) { fields_[Col(column)] = value; }
  void Set(std::string_view column, Date date) { fields_[Col(column)] = date.ToString(); }
  void Set(std::string_view column, const std::optional<Date>& date) {
    if (date) Set(column, *date);
  }
  void SetInt(std::string_view column, int64_t v) { fields_[Col(column)] = std::to_string(v); }
  // Money in fen as decimal yuan ("123.40").
  void SetFen(std::string_view column, int64_t fen);
  void SetTimestamp(std::string_view column, Timestamp ts) {
    fields_[Col(column)] = FormatTimestamp(ts);
  }
  // Writes the row (unset columns are empty = null) and clears the fields.
  void EndRow();
  // Appends a complete, already formatted line (with '\n'); for the bulk positions table.
  void AppendRaw(std::string_view line, int64_t rows) {
    file_->Write(line);
    rows_ += rows;
  }

  int64_t rows() const { return rows_; }
  Status Close() { return file_->Close(); }
  const std::string& sha256() const { return file_->sha256(); }

 private:
  CsvTable(const domain::TableSpec& spec, std::unique_ptr<OutputFile> file, std::string name);

  const domain::TableSpec& spec_;
  std::unique_ptr<OutputFile> file_;
  std::string file_name_;
  std::vector<std::string> fields_;
  std::string line_;
  int64_t rows_ = 0;
};

// Appends `field` to `out` with RFC 4180 quoting when it holds `,`, `"`, CR or LF.
void AppendCsvField(std::string_view field, std::string* out);

}  // namespace zj::synth
