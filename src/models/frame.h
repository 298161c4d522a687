#pragma once
// Frames: exchange tables held as compact columns for one model run (DESIGN.md §5).
//
// A Frame is one table's rows in store order (row_no), with the columns the selected
// models asked for. Column storage follows the declared type (domain/exchange_tables.h):
//
//   I32  ids and id numbers (dense integers, see IdDict), codes (index in the code
//        list), code lists (bit i = code i), dates (days since 1970-01-01), months
//        (year*12 + month-1), counts, bools, region codes, lon/lat (microdegrees),
//        years-or-life (kLifelong = -1)
//   I64  timestamps (Unix seconds), money (fen; kAllProperty = -1)
//   F64  hours and decimal points
//   Text free text and text lists
//
// Nulls: kNull32 / kNull64 / NaN / empty text. A code list's null is 0 (no flags).
//
// Dense ids: every id column maps its text to an int32 through the IdDict of its
// domain, so that the same person is the same integer in every frame and tables join
// by indexing. The domain of a column is the table it references (`ref`), its own table
// when it is the table's single key, "id_number" for 居民身份证号, else "<table>.<column>".
//
// A Frame and a Snapshot are immutable once loaded and safe to read from any number of
// threads. Asking for a column that was not loaded, or with the wrong storage, is a bug
// and throws std::logic_error (models declare their columns; the engine loads them).

#include <cmath>
#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "domain/exchange_tables.h"
#include "storage/database.h"

namespace zj::models {

inline constexpr int32_t kNull32 = std::numeric_limits<int32_t>::min();
inline constexpr int64_t kNull64 = std::numeric_limits<int64_t>::min();

enum class Storage : uint8_t { kI32, kI64, kF64, kText };
Storage StorageOf(domain::ColumnType type);

// Text ↔ dense int32 for one id domain. Not thread-safe while interning; read-only
// (and thread-safe) once the snapshot is loaded.
class IdDict {
 public:
  explicit IdDict(std::string domain) : domain_(std::move(domain)) {}
  int32_t Intern(std::string_view text);
  // The id of `text`, or kNull32 if it never occurred.
  int32_t Find(std::string_view text) const;
  std::string_view Text(int32_t id) const { return texts_[static_cast<size_t>(id)]; }
  int32_t size() const { return static_cast<int32_t>(texts_.size()); }
  const std::string& domain() const { return domain_; }

 private:
  std::string domain_;
  std::deque<std::string> texts_;                      // stable addresses
  std::unordered_map<std::string_view, int32_t> ids_;  // views into texts_
};

class Frame {
 public:
  Frame(const domain::TableSpec& table, int32_t rows) : table_(&table), rows_(rows) {}

  const domain::TableSpec& table() const { return *table_; }
  std::string_view name() const { return table_->name; }
  int32_t rows() const { return rows_; }
  bool Has(std::string_view column) const { return columns_.count(std::string(column)) > 0; }

  std::span<const int32_t> I32(std::string_view column) const;
  std::span<const int64_t> I64(std::string_view column) const;
  std::span<const double> F64(std::string_view column) const;
  std::span<const std::string> Text(std::string_view column) const;
  // The dictionary behind an id column.
  const IdDict& Dict(std::string_view column) const;
  // Text of the id in `column` at `row` ("" when null).
  std::string_view IdText(std::string_view column, int32_t row) const;
  // The store's row_no of each row (always loaded; positions refer to corrections by it).
  std::span<const int64_t> RowNo() const { return row_no_; }
  // For a table with one key column: the row holding each dense key id, or -1.
  // Indexed by id, sized to the key's dictionary.
  std::span<const int32_t> RowOfKey() const { return row_of_key_; }
  // The code list of a kCode / kCodeList column.
  const domain::CodeList& Codes(std::string_view column) const;

  // --- building (loader and tests) ---
  struct Column {
    const domain::ColumnSpec* spec = nullptr;
    Storage storage = Storage::kI32;
    std::vector<int32_t> i32;
    std::vector<int64_t> i64;
    std::vector<double> f64;
    std::vector<std::string> text;
    IdDict* dict = nullptr;
  };
  Column& AddColumn(const domain::ColumnSpec& spec, IdDict* dict);
  std::vector<int64_t>& mutable_row_no() { return row_no_; }
  void set_rows(int32_t rows) { rows_ = rows; }
  Column* MutableColumn(std::string_view column);
  // Builds RowOfKey() once the key's dictionary is final.
  void IndexKey();

 private:
  const Column& Get(std::string_view column, Storage want) const;
  const domain::TableSpec* table_;
  int32_t rows_;
  std::map<std::string, Column, std::less<>> columns_;
  std::vector<int64_t> row_no_;
  std::vector<int32_t> row_of_key_;
};

// Rows grouped by a dense key (counting sort, stable in row order): rows(g) are the rows
// whose key is g. Rows with a null key are left out.
class Groups {
 public:
  Groups() = default;
  Groups(std::span<const int32_t> keys, int32_t key_count);
  std::span<const int32_t> rows(int32_t key) const {
    if (key < 0 || key + 1 >= static_cast<int32_t>(start_.size())) return {};
    return {rows_.data() + start_[key], rows_.data() + start_[key + 1]};
  }
  int32_t key_count() const { return static_cast<int32_t>(start_.size()) - 1; }

 private:
  std::vector<int32_t> start_;
  std::vector<int32_t> rows_;
};

// The frames of one run, with their shared id dictionaries.
class Snapshot {
 public:
  Snapshot() = default;
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  // The loaded table; throws std::logic_error if it was not loaded (a bug).
  const Frame& Table(std::string_view name) const;
  bool HasTable(std::string_view name) const { return frames_.count(std::string(name)) > 0; }
  // The dictionary of an id domain (empty if no loaded column uses it). Never modifies the
  // snapshot, so any number of threads may call it.
  const IdDict& Ids(std::string_view domain) const;

  // --- building ---
  IdDict* MutableIds(std::string_view domain);
  Frame& AddFrame(std::unique_ptr<Frame> frame);
  // Builds every frame's RowOfKey() once the dictionaries are final.
  void IndexAll();
  static std::string DomainOf(const domain::TableSpec& table, const domain::ColumnSpec& column);

 private:
  std::map<std::string, std::unique_ptr<Frame>, std::less<>> frames_;
  std::map<std::string, std::unique_ptr<IdDict>, std::less<>> dicts_;
};

// Builds a snapshot from rows written as exchange text, for tests and examples:
//
//   SnapshotBuilder b;
//   b.Table("term_changes", {"change_id", "person_id", "proposal_date"});
//   ZJ_RETURN_IF_ERROR(b.Row("term_changes", {{"change_id", "C-1"}, {"person_id", "P-1"},
//                                             {"proposal_date", "2025-03-01"}}));
//   std::unique_ptr<Snapshot> s = b.Finish();
//
// Values are parsed by domain::ParseField exactly as the importer does (a bad value is
// kInvalidArgument and adds nothing); columns left out are null. Referential rules are
// not checked. Not thread-safe.
class SnapshotBuilder {
 public:
  SnapshotBuilder();
  // Declares a table and the columns it holds (a bug, throws, if unknown).
  SnapshotBuilder& Table(std::string_view table, std::vector<std::string_view> columns);
  Status Row(std::string_view table,
             std::initializer_list<std::pair<std::string_view, std::string_view>> values);
  std::unique_ptr<Snapshot> Finish();

 private:
  std::unique_ptr<Snapshot> snapshot_;
};

// A table and the columns a model reads from it. `streamed`: the pass reads these itself
// from the store (law cases, positions), so the engine lists them as the model's inputs but
// does not load them into frames.
struct TableNeed {
  std::string_view table;
  std::vector<std::string_view> columns;
  bool streamed = false;
};

// Loads `needs` (merged per table; streamed needs skipped) from the store into `snapshot`, one table per thread
// on up to `threads` threads, each with its own connection from `open_db`. All reads run
// in read transactions; the caller checks that the data did not change meanwhile.
// Unknown table or column → kInvalidArgument.
using DatabaseOpener = std::function<Result<std::unique_ptr<storage::Database>>()>;
Status LoadSnapshot(const DatabaseOpener& open_db,
                    std::span<const TableNeed> needs, int threads, Snapshot* snapshot);

}  // namespace zj::models
