#include "ingest/importer.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_set>

#include "common/sha256.h"
#include "domain/exchange_tables.h"
#include "ingest/batch.h"
#include "ingest/csv_reader.h"
#include "storage/exchange_store.h"

namespace zj::ingest {
namespace fs = std::filesystem;

using domain::ColumnSpec;
using domain::TableSpec;
using domain::Value;
using storage::ExchangeStore;
using storage::WriteOutcome;

namespace {

constexpr size_t kChunkBytes = 1 << 20;
constexpr size_t kQueueDepth = 4;
constexpr int64_t kProgressEvery = 1 << 20;

std::string_view RuleOfType(domain::ColumnType t) {
  using T = domain::ColumnType;
  switch (t) {
    case T::kId:
      return "id";
    case T::kCode:
    case T::kCodeList:
      return "code";
    case T::kDate:
      return "date";
    case T::kTimestamp:
      return "timestamp";
    case T::kMonth:
      return "month";
    case T::kMoney:
    case T::kMoneyOrAll:
      return "money";
    case T::kCount:
      return "integer";
    case T::kHours:
    case T::kDecimal:
      return "number";
    case T::kBool:
      return "boolean";
    case T::kIdNumber:
      return "id_number";
    case T::kRegionCode:
      return "region_code";
    case T::kLongitude:
    case T::kLatitude:
      return "coordinate";
    case T::kYearsOrLife:
      return "years";
    default:
      return "type";
  }
}

// A problem found while reading a row, before it reaches the store.
struct Problem {
  std::string_view column;
  std::string_view value;
  std::string_view rule;
  std::string message;
};

// Rows parsed by the reader thread. All string_views point into `text`, which
// never reallocates (capacity is reserved up front).
struct Chunk {
  struct Row {
    int64_t line;
    std::string_view record;
    uint32_t problems_begin, problems_end;
    uint32_t extras_begin, extras_end;
    bool deleted;
  };
  std::string text;
  std::vector<Value> values;          // rows × columns
  std::vector<std::string_view> raw;  // rows × columns
  std::vector<Row> rows;
  std::vector<Problem> problems;
  std::vector<std::pair<std::string_view, std::string_view>> extras;
  // Set on the final chunk.
  bool last = false;
  Status stream_status;
  std::string sha256;
  int64_t records = 0;
};

class ChunkQueue {
 public:
  void Push(std::unique_ptr<Chunk> c) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return q_.size() < kQueueDepth || cancelled_; });
    q_.push_back(std::move(c));
    not_empty_.notify_one();
  }
  std::unique_ptr<Chunk> Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !q_.empty(); });
    auto c = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return c;
  }
  // Chunks go back to the reader once applied, so their memory is reused.
  void Recycle(std::unique_ptr<Chunk> c) {
    std::lock_guard lock(mu_);
    if (free_.size() < kQueueDepth + 1) free_.push_back(std::move(c));
  }
  std::unique_ptr<Chunk> Reuse() {
    std::lock_guard lock(mu_);
    if (free_.empty()) return nullptr;
    auto c = std::move(free_.back());
    free_.pop_back();
    return c;
  }
  bool cancelled() {
    std::lock_guard lock(mu_);
    return cancelled_;
  }
  void Cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::unique_ptr<Chunk>> q_;
  std::vector<std::unique_ptr<Chunk>> free_;
  bool cancelled_ = false;
};

// Where each header column goes.
struct HeaderMap {
  enum Kind { kColumn, kExtra, kDeleted };
  struct Slot {
    Kind kind;
    int column;  // kColumn: index in the TableSpec
    std::string name;
  };
  std::vector<Slot> slots;
};

// Reads, parses and validates rows of one file on its own thread.
void ReadRows(CsvReader* reader, const TableSpec* table, const HeaderMap* header,
              ChunkQueue* queue) {
  const size_t ncols = table->columns.size();
  auto fresh = [&](size_t need) {
    auto c = queue->Reuse();
    if (c) {
      c->text.clear();
      c->values.clear();
      c->raw.clear();
      c->rows.clear();
      c->problems.clear();
      c->extras.clear();
    } else {
      c = std::make_unique<Chunk>();
    }
    // Reserve once: views into `text` must never move.
    c->text.reserve(std::max(kChunkBytes, need * 2 + 64));
    return c;
  };
  auto chunk = fresh(0);
  CsvRecord rec;
  int64_t records = 0;
  std::vector<std::string_view> fields;
  while (true) {
    Result<bool> more = reader->Next(&rec);
    if (!more.ok() || !*more) {
      chunk->last = true;
      chunk->stream_status = more.ok() ? Status::Ok() : more.status();
      chunk->sha256 = reader->Sha256Hex();
      chunk->records = records;
      queue->Push(std::move(chunk));
      return;
    }
    ++records;
    size_t need = rec.raw.size() * 2 + 16;
    if (chunk->text.size() + need > chunk->text.capacity()) {
      queue->Push(std::move(chunk));
      chunk = fresh(need);
      if (queue->cancelled()) {  // the writer failed; end the stream so it can stop waiting
        chunk->last = true;
        chunk->stream_status = Aborted("导入已中止");
        queue->Push(std::move(chunk));
        return;
      }
    }
    Chunk& c = *chunk;
    // Copy the record and re-point its fields into the chunk.
    const char* old_base = rec.raw.data();
    size_t base = c.text.size();
    c.text.append(rec.raw);
    fields.clear();
    for (std::string_view f : rec.fields) {
      if (f.data() >= old_base && f.data() + f.size() <= old_base + rec.raw.size()) {
        fields.emplace_back(c.text.data() + base + (f.data() - old_base), f.size());
      } else {  // unescaped copy of a field with ""
        size_t at = c.text.size();
        c.text.append(f);
        fields.emplace_back(c.text.data() + at, f.size());
      }
    }
    Chunk::Row row{rec.line,
                   std::string_view(c.text.data() + base, rec.raw.size()),
                   static_cast<uint32_t>(c.problems.size()),
                   0,
                   static_cast<uint32_t>(c.extras.size()),
                   0,
                   false};
    size_t vbase = c.values.size();
    c.values.resize(vbase + ncols);
    c.raw.resize(vbase + ncols);
    auto problem = [&](std::string_view col, std::string_view val, std::string_view rule,
                       std::string msg) {
      c.problems.push_back({col, val, rule, std::move(msg)});
    };
    if (!rec.error.empty()) {
      problem("", "", "csv", "CSV 格式错误：" + rec.error);
    } else if (rec.raw.empty()) {
      problem("", "", "csv", "空行");
    } else if (fields.size() != header->slots.size()) {
      problem("", "", "field_count",
              "字段数为 " + std::to_string(fields.size()) + "，表头有 " +
                  std::to_string(header->slots.size()) + " 列");
    } else {
      for (size_t h = 0; h < fields.size(); ++h) {
        const auto& slot = header->slots[h];
        if (slot.kind == HeaderMap::kColumn) {
          c.raw[vbase + slot.column] = fields[h];
        } else if (slot.kind == HeaderMap::kExtra) {
          if (!fields[h].empty()) c.extras.emplace_back(slot.name, fields[h]);
        } else if (fields[h] == "1") {
          row.deleted = true;
        } else if (!fields[h].empty() && fields[h] != "0") {
          problem("deleted", fields[h], "boolean", "deleted 应为 0 或 1");
        }
      }
      for (size_t i = 0; i < ncols; ++i) {
        const ColumnSpec& col = table->columns[i];
        if (row.deleted && !col.key) continue;
        std::string_view text = c.raw[vbase + i];
        if (text.empty()) {
          if (col.IsRequired()) {
            problem(
                col.name, "", "required",
                "必填字段“" + std::string(col.label) + "”（" + std::string(col.name) + "）为空");
          }
          continue;
        }
        domain::FieldResult r = domain::ParseField(col, text);
        if (!r.error.empty()) {
          problem(col.name, text, RuleOfType(col.type), std::move(r.error));
        } else {
          c.values[vbase + i] = r.value;
        }
      }
      if (!row.deleted && c.problems.size() == row.problems_begin) {
        std::span<const Value> vals(c.values.data() + vbase, ncols);
        for (const auto& o : table->ordered) {
          int a = table->IndexOf(o.first), b = table->IndexOf(o.second);
          if (!vals[a].is_null() && !vals[b].is_null() && vals[b].i < vals[a].i) {
            const ColumnSpec& ca = table->columns[a];
            const ColumnSpec& cb = table->columns[b];
            problem(cb.name, c.raw[vbase + b], "order",
                    std::string(cb.label) + "（" + std::string(c.raw[vbase + b]) + "）早于" +
                        std::string(ca.label) + "（" + std::string(c.raw[vbase + a]) + "）");
          }
        }
        if (table->check) {
          domain::RowView view{table, vals,
                               std::span<const std::string_view>(c.raw.data() + vbase, ncols)};
          std::vector<domain::RowProblem> found;
          table->check(view, &found);
          for (auto& f : found) {
            problem(f.column, view.Raw(f.column), f.rule, std::move(f.reason));
          }
        }
      }
    }
    row.problems_end = static_cast<uint32_t>(c.problems.size());
    row.extras_end = static_cast<uint32_t>(c.extras.size());
    c.rows.push_back(row);
  }
}

std::string KeyText(const TableSpec& t, std::span<const std::string_view> raw) {
  std::string k;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (!t.columns[i].key) continue;
    if (!k.empty()) k.push_back('\x1f');
    k.append(raw[i]);
  }
  return k;
}

class BatchImporter {
 public:
  BatchImporter(storage::Database& db, const ImportOptions& o, ImportReport* r)
      : db_(db), store_(db), options_(o), report_(*r) {}

  // Returns non-OK only for store failures. Input problems land in the report.
  Status Run(const BatchDir& batch);

 private:
  struct DeletedRow {
    const TableSpec* table;
    std::string key;
    int64_t row_no;
    std::string file;
    int64_t line;
  };
  struct Deferred {  // self-references checked once the table is complete
    std::string file;
    int64_t line;
    std::string_view column;
    std::string value;
  };

  Status ImportTable(const BatchDir& batch, const ManifestTable& mt, const TableSpec& table);
  Result<HeaderMap> ReadHeader(CsvReader& reader, const TableSpec& table, const std::string& file);
  // Checks one row; clean new-looking rows wait in `pending_` to be inserted in a
  // group, everything else is written (or rejected) at once.
  Status ApplyRow(const TableSpec& table, const std::string& file, Chunk& c, const Chunk::Row& row,
                  size_t vbase, TableReport* tr);
  Status WriteRow(const TableSpec& table, const std::string& file, const Chunk::Row& row,
                  std::span<const Value> vals, std::span<const std::string_view> raw,
                  std::string_view extra, TableReport* tr);
  Status FlushPending(const TableSpec& table, const std::string& file, TableReport* tr);
  Status Reject(const TableSpec& table, const std::string& file, const Chunk::Row& row,
                std::vector<Problem> problems, TableReport* tr);
  void AddIssue(ImportIssue issue);
  void Fatal(ImportIssue issue);
  Status CheckAttachment(const BatchDir& batch, std::span<const Value> vals,
                         std::vector<Problem>* problems);
  Status CheckDeletes();

  storage::Database& db_;
  ExchangeStore store_;
  const ImportOptions& options_;
  ImportReport& report_;
  const BatchDir* batch_ = nullptr;
  bool fatal_ = false;
  std::vector<DeletedRow> deleted_;
  std::unordered_set<std::string> deleted_keys_;  // table \x1e key
  std::vector<Deferred> deferred_;
  // Last reference looked up per (table, column): positions come grouped by subject.
  struct RefCache {
    std::string key;
    bool found = false;
  };
  std::vector<RefCache> ref_cache_;
  struct PendingRow {
    const Chunk::Row* row;
    std::span<const Value> values;
    std::span<const std::string_view> raw;
    std::string extra;
  };
  std::vector<PendingRow> pending_;
};

void BatchImporter::AddIssue(ImportIssue issue) {
  ++report_.issue_count;
  if (report_.issues.size() < options_.max_listed_issues)
    report_.issues.push_back(std::move(issue));
}

void BatchImporter::Fatal(ImportIssue issue) {
  if (!fatal_) {
    fatal_ = true;
    report_.fatal = issue.ToChinese();
  }
  AddIssue(std::move(issue));
}

Result<HeaderMap> BatchImporter::ReadHeader(CsvReader& reader, const TableSpec& table,
                                            const std::string& file) {
  CsvRecord rec;
  ZJ_ASSIGN_OR_RETURN(bool any, reader.Next(&rec));
  HeaderMap map;
  auto header_issue = [&](std::string column, std::string rule, std::string msg) {
    Fatal({file, 1, std::move(column), "", std::move(rule), std::move(msg)});
  };
  if (!any || rec.raw.empty()) {
    header_issue("", "header", "文件没有表头行");
    return map;
  }
  if (!rec.error.empty()) {
    header_issue("", "csv", "表头 CSV 格式错误：" + rec.error);
    return map;
  }
  std::vector<bool> seen(table.columns.size(), false);
  std::unordered_set<std::string> names;
  for (std::string_view f : rec.fields) {
    std::string name(f);
    if (!names.insert(name).second) {
      header_issue(name, "duplicate_column", "表头中列名重复：" + name);
      continue;
    }
    int idx = table.IndexOf(name);
    if (idx >= 0) {
      seen[idx] = true;
      map.slots.push_back({HeaderMap::kColumn, idx, name});
    } else if (name == "deleted") {
      map.slots.push_back({HeaderMap::kDeleted, -1, name});
    } else if (name.rfind("x_", 0) == 0 && name.size() > 2) {
      map.slots.push_back({HeaderMap::kExtra, -1, name});
    } else {
      header_issue(name, "unknown_column",
                   "未知列“" + name + "”：" + std::string(table.label) + "（" +
                       std::string(table.name) + "）没有此列；自定义列须以 x_ 开头");
      map.slots.push_back({HeaderMap::kExtra, -1, name});
    }
  }
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (!seen[i] && table.columns[i].IsRequired()) {
      const ColumnSpec& c = table.columns[i];
      header_issue(std::string(c.name), "missing_column",
                   "缺少必填列“" + std::string(c.label) + "”（" + std::string(c.name) + "）");
    }
  }
  return map;
}

Status BatchImporter::Reject(const TableSpec& table, const std::string& file, const Chunk::Row& row,
                             std::vector<Problem> problems, TableReport* tr) {
  ++tr->rejected;
  nlohmann::json reasons = nlohmann::json::array();
  for (Problem& p : problems) {
    reasons.push_back(
        {{"column", p.column}, {"value", p.value}, {"rule", p.rule}, {"message", p.message}});
    AddIssue({file, row.line, std::string(p.column), std::string(p.value), std::string(p.rule),
              std::move(p.message)});
  }
  if (options_.quarantine) {
    ++report_.quarantined;
    return store_.AddQuarantine(report_.batch_no, {std::string(table.name), file, row.line,
                                                   std::string(row.record), reasons.dump()});
  }
  return Status::Ok();
}

Status BatchImporter::CheckAttachment(const BatchDir& batch, std::span<const Value> vals,
                                      std::vector<Problem>* problems) {
  const TableSpec& t = *domain::FindTable("attachments");
  std::string_view file = vals[t.IndexOf("file")].text;
  std::string_view sha = vals[t.IndexOf("sha256")].text;
  fs::path src = fs::path(batch.dir()) / std::string(file);
  std::error_code ec;
  if (!fs::is_regular_file(src, ec)) {
    problems->push_back(
        {"file", file, "attachment", "数据包中找不到材料文件：" + std::string(file)});
    return Status::Ok();
  }
  ZJ_ASSIGN_OR_RETURN(std::string actual, Sha256::OfFile(src.string()));
  if (actual != sha) {
    problems->push_back({"sha256", sha, "sha256", "材料文件 SHA-256 不符：实际为 " + actual});
    return Status::Ok();
  }
  fs::path dest = storage::AttachmentFilePath(db_, sha);
  if (!fs::exists(dest, ec)) {
    fs::create_directories(dest.parent_path(), ec);
    fs::path tmp = dest.string() + ".tmp";
    fs::copy_file(src, tmp, fs::copy_options::overwrite_existing, ec);
    if (ec) return IoError("保存材料文件失败：" + dest.string() + "：" + ec.message());
    fs::rename(tmp, dest, ec);
    if (ec) return IoError("保存材料文件失败：" + dest.string() + "：" + ec.message());
  }
  return Status::Ok();
}

Status BatchImporter::ApplyRow(const TableSpec& table, const std::string& file, Chunk& c,
                               const Chunk::Row& row, size_t vbase, TableReport* tr) {
  const size_t ncols = table.columns.size();
  std::span<const Value> vals(c.values.data() + vbase, ncols);
  std::span<const std::string_view> raw(c.raw.data() + vbase, ncols);
  std::vector<Problem> problems;
  if (row.problems_end > row.problems_begin) {
    for (uint32_t i = row.problems_begin; i < row.problems_end; ++i) {
      problems.push_back(std::move(c.problems[i]));
    }
    return Reject(table, file, row, std::move(problems), tr);
  }
  // References: each must name a row that exists once the batch is applied. Tables are
  // applied parents first, so the store already holds this batch's parents.
  for (size_t i = 0; i < ncols; ++i) {
    const ColumnSpec& col = table.columns[i];
    if (col.ref.empty() || vals[i].is_null()) continue;
    if (row.deleted && !(table.layout == domain::Layout::kPackedSeries && i == 0)) continue;
    std::string_view target = col.ref;
    if (target[0] == '@') target = raw[table.IndexOf(target.substr(1))];
    if (target == table.name) {
      deferred_.push_back({file, row.line, col.name, std::string(vals[i].text)});
      continue;
    }
    const TableSpec* parent = domain::FindTable(target);
    RefCache& cache = ref_cache_[i];
    bool found;
    if (!cache.key.empty() && cache.key == vals[i].text) {
      found = cache.found;
    } else {
      ZJ_ASSIGN_OR_RETURN(auto row_no, store_.RowNo(*parent, vals[i].text));
      found = row_no.has_value();
      cache.key.assign(vals[i].text);
      cache.found = found;
    }
    if (!found) {
      problems.push_back({col.name, vals[i].text, "reference",
                          std::string(col.label) + "“" + std::string(vals[i].text) + "”在" +
                              std::string(parent->label) + "（" + std::string(parent->name) +
                              "）中不存在"});
    }
  }
  // Agreements: e.g. a term change's person must be the person of its sentence.
  if (!row.deleted && problems.empty()) {
    for (const domain::Agreement& a : table.agreements) {
      const Value& mine = vals[table.IndexOf(a.column)];
      const Value& via = vals[table.IndexOf(a.via)];
      if (mine.is_null() || via.is_null()) continue;
      const ColumnSpec& via_col = *table.Find(a.via);
      ZJ_ASSIGN_OR_RETURN(auto theirs,
                          store_.TextOf(*domain::FindTable(via_col.ref), via.text, a.column));
      if (theirs && *theirs != mine.text) {
        problems.push_back({a.column, mine.text, "agreement",
                            std::string(table.Find(a.column)->label) + "“" +
                                std::string(mine.text) + "”与" + std::string(via_col.label) + "“" +
                                std::string(via.text) + "”所属人员“" + *theirs + "”不一致"});
      }
    }
  }
  if (table.name == "attachments" && !row.deleted && problems.empty()) {
    ZJ_RETURN_IF_ERROR(CheckAttachment(*batch_, vals, &problems));
  }
  if (!problems.empty()) return Reject(table, file, row, std::move(problems), tr);

  std::string extra;
  if (!row.deleted && row.extras_end > row.extras_begin) {
    nlohmann::json j = nlohmann::json::object();
    for (uint32_t i = row.extras_begin; i < row.extras_end; ++i) {
      j[std::string(c.extras[i].first)] = std::string(c.extras[i].second);
    }
    extra = j.dump();
  }
  if (!row.deleted && deleted_keys_.empty()) {
    pending_.push_back({&row, vals, raw, std::move(extra)});
    if (pending_.size() == ExchangeStore::kInsertGroup) return FlushPending(table, file, tr);
    return Status::Ok();
  }
  ZJ_RETURN_IF_ERROR(FlushPending(table, file, tr));
  return WriteRow(table, file, row, vals, raw, extra, tr);
}

Status BatchImporter::FlushPending(const TableSpec& table, const std::string& file,
                                   TableReport* tr) {
  if (pending_.empty()) return Status::Ok();
  if (pending_.size() == ExchangeStore::kInsertGroup) {
    ExchangeStore::NewRow rows[ExchangeStore::kInsertGroup];
    for (size_t i = 0; i < pending_.size(); ++i) rows[i] = {pending_[i].values, pending_[i].extra};
    auto all_new = store_.InsertAllNew(table, rows);
    if (!all_new.ok() && all_new.status().code() != StatusCode::kInvalidArgument) {
      return all_new.status();
    }
    if (all_new.ok() && *all_new) {
      tr->inserted += static_cast<int64_t>(pending_.size());
      pending_.clear();
      return Status::Ok();
    }
  }
  // A partial group, or some key exists already: one by one, with exact outcomes.
  for (const PendingRow& p : pending_) {
    ZJ_RETURN_IF_ERROR(WriteRow(table, file, *p.row, p.values, p.raw, p.extra, tr));
  }
  pending_.clear();
  return Status::Ok();
}

Status BatchImporter::WriteRow(const TableSpec& table, const std::string& file,
                               const Chunk::Row& row, std::span<const Value> vals,
                               std::span<const std::string_view> raw, std::string_view extra,
                               TableReport* tr) {
  const size_t ncols = table.columns.size();
  std::vector<Problem> problems;
  std::string deleted_key;
  if (!deleted_keys_.empty() || row.deleted) {
    deleted_key = std::string(table.name) + "\x1e" + KeyText(table, raw);
    if (deleted_keys_.count(deleted_key)) {
      const int k = table.KeyIndexes()[0];
      problems.push_back({table.columns[k].name, raw[k], "duplicate_key",
                          "同一数据包中同一主键出现多次（此前已有删除行）"});
      return Reject(table, file, row, std::move(problems), tr);
    }
  }
  Result<WriteOutcome> outcome = WriteOutcome::kInserted;
  if (row.deleted) {
    // Rows that others can reference (single-column keys) are remembered for the
    // restrict check at the end of the batch.
    const std::vector<int> keys = table.KeyIndexes();
    const bool referable = keys.size() == 1 && table.layout != domain::Layout::kPackedSeries;
    std::optional<int64_t> row_no;
    if (referable) {
      ZJ_ASSIGN_OR_RETURN(row_no, store_.LookupRowNo(table, vals[keys[0]].text));
    }
    outcome = store_.Delete(table, vals);
    if (outcome.ok() && *outcome != WriteOutcome::kDuplicateInBatch) {
      deleted_keys_.insert(deleted_key);
    }
    if (outcome.ok() && *outcome == WriteOutcome::kDeleted && referable) {
      deleted_.push_back(
          {&table, std::string(vals[keys[0]].text), row_no.value_or(0), file, row.line});
    }
  } else {
    outcome = store_.Upsert(table, vals, extra);
  }
  if (!outcome.ok()) {
    if (outcome.status().code() != StatusCode::kInvalidArgument) return outcome.status();
    problems.push_back({"", "", "range", outcome.status().message()});
    return Reject(table, file, row, std::move(problems), tr);
  }
  switch (*outcome) {
    case WriteOutcome::kInserted:
      ++tr->inserted;
      break;
    case WriteOutcome::kUpdated:
      ++tr->updated;
      break;
    case WriteOutcome::kDeleted:
      ++tr->deleted;
      break;
    case WriteOutcome::kMissing:
      ++tr->delete_missing;
      break;
    case WriteOutcome::kDuplicateInBatch: {
      std::string key;
      for (size_t i = 0; i < ncols; ++i) {
        if (!table.columns[i].key) continue;
        key += (key.empty() ? "" : "，") + std::string(table.columns[i].name) + "=" +
               std::string(raw[i]);
      }
      problems.push_back({table.columns[table.KeyIndexes()[0]].name, raw[table.KeyIndexes()[0]],
                          "duplicate_key", "同一数据包中主键重复（" + key + "）"});
      return Reject(table, file, row, std::move(problems), tr);
    }
  }
  return Status::Ok();
}

Status BatchImporter::ImportTable(const BatchDir& batch, const ManifestTable& mt,
                                  const TableSpec& table) {
  auto started = std::chrono::steady_clock::now();
  TableReport tr;
  tr.table = mt.table;
  tr.file = mt.file;
  const std::string path = (fs::path(batch.dir()) / mt.file).string();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    Fatal({mt.file, 0, "", "", "manifest", "manifest.json 列出的文件不存在：" + mt.file});
    report_.tables.push_back(tr);
    return Status::Ok();
  }
  ZJ_ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path));
  const int64_t issues_before = report_.issue_count;
  auto header = ReadHeader(*reader, table, mt.file);
  if (!header.ok()) {  // gzip damaged right at the start, unreadable file
    Fatal({mt.file, 0, "", "", header.status().code() == StatusCode::kDataLoss ? "gzip" : "io",
           header.status().message()});
    report_.tables.push_back(tr);
    return Status::Ok();
  }
  if (report_.issue_count > issues_before) {  // a bad header: the rows cannot be read
    report_.tables.push_back(tr);
    return Status::Ok();
  }
  ref_cache_.assign(table.columns.size(), {});
  ChunkQueue queue;
  std::thread producer(ReadRows, reader.get(), &table, &*header, &queue);
  Status failure;
  int64_t next_progress = kProgressEvery;
  while (true) {
    std::unique_ptr<Chunk> c = queue.Pop();
    if (failure.ok()) {
      for (size_t r = 0; r < c->rows.size(); ++r) {
        ++tr.read;
        failure = ApplyRow(table, mt.file, *c, c->rows[r], r * table.columns.size(), &tr);
        if (!failure.ok()) break;
      }
      if (failure.ok()) failure = FlushPending(table, mt.file, &tr);  // views die with the chunk
      if (!failure.ok()) queue.Cancel();
      if (options_.progress && tr.read >= next_progress) {
        options_.progress(mt.table, tr.read);
        next_progress = tr.read + kProgressEvery;
      }
    }
    if (!c->last) {
      queue.Recycle(std::move(c));
      continue;
    }
    producer.join();
    if (!failure.ok()) return failure;
    if (!c->stream_status.ok()) {
      StatusCode code = c->stream_status.code();
      Fatal({mt.file, 0, "", "",
             code == StatusCode::kDataLoss          ? "gzip"
             : code == StatusCode::kInvalidArgument ? "csv"
                                                    : "io",
             c->stream_status.message()});
    } else {
      if (c->sha256 != mt.sha256) {
        Fatal({mt.file, 0, "", c->sha256, "sha256",
               "文件 SHA-256 与 manifest.json 不符：manifest 为 " + mt.sha256 + "，实际为 " +
                   c->sha256});
      }
      int64_t data_rows = c->records;  // the header was read before the thread started
      if (data_rows != mt.rows) {
        Fatal({mt.file, 0, "", std::to_string(data_rows), "row_count",
               "数据行数与 manifest.json 不符：manifest 为 " + std::to_string(mt.rows) +
                   " 行，实际为 " + std::to_string(data_rows) + " 行"});
      }
    }
    break;
  }
  // Self-references, now that the whole table is in.
  for (const Deferred& d : deferred_) {
    ZJ_ASSIGN_OR_RETURN(auto row_no, store_.LookupRowNo(table, d.value));
    if (!row_no) {
      ImportIssue issue{d.file,  d.line,      std::string(d.column),
                        d.value, "reference", std::string(table.label) + "“" + d.value + "”不存在"};
      if (options_.quarantine) {
        Fatal(std::move(issue));  // the row is already written; quarantine cannot take it back
      } else {
        ++tr.rejected;
        AddIssue(std::move(issue));
      }
    }
  }
  deferred_.clear();
  store_.TableDone(table);
  tr.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (options_.progress) options_.progress(mt.table, tr.read);
  report_.tables.push_back(tr);
  return Status::Ok();
}

// Deleting a row that stored rows still reference would leave them dangling.
Status BatchImporter::CheckDeletes() {
  for (const DeletedRow& d : deleted_) {
    for (const TableSpec* child : domain::AllTables()) {
      for (const ColumnSpec& col : child->columns) {
        bool refers =
            col.ref == d.table->name || (!col.ref.empty() && col.ref[0] == '@' &&
                                         domain::kAttachmentOwner.IndexOf(d.table->name) >= 0);
        if (!refers) continue;
        ZJ_ASSIGN_OR_RETURN(bool used, store_.IsReferenced(*child, col, *d.table, d.key, d.row_no));
        if (used) {
          Fatal({d.file, d.line, std::string(d.table->columns[d.table->KeyIndexes()[0]].name),
                 d.key, "restrict",
                 "不能删除" + std::string(d.table->label) + "“" + d.key + "”：" +
                     std::string(child->label) + "（" + std::string(child->name) + "." +
                     std::string(col.name) + "）仍引用该记录"});
        }
      }
    }
  }
  return Status::Ok();
}

Status BatchImporter::Run(const BatchDir& batch) {
  batch_ = &batch;
  const Manifest& m = batch.manifest();
  // Every table file in the folder must be listed: nothing is silently skipped.
  std::error_code ec;
  for (auto& e : fs::recursive_directory_iterator(batch.dir(), ec)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), batch.dir()).string();
    if (rel == "manifest.json" || rel.rfind("attachments/", 0) == 0) continue;
    bool listed = false;
    for (const auto& t : m.tables) listed = listed || t.file == rel;
    if (!listed) {
      Fatal({rel, 0, "", "", "manifest", "数据包中的文件未在 manifest.json 中列出：" + rel});
    }
  }
  for (size_t i = 0; i < m.tables.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (m.tables[i].file == m.tables[j].file) {
        Fatal({m.tables[i].file, 0, "", "", "manifest",
               "manifest.json 中两个数据表指向同一文件：" + m.tables[i].file});
      }
    }
  }
  if (fatal_) return Status::Ok();

  ZJ_RETURN_IF_ERROR(db_.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(auto previous, store_.FindBatch(m.batch_id));
  if (previous) {
    report_.outcome = ImportOutcome::kAlreadyApplied;
    report_.batch_no = previous->batch_no;
    return db_.Rollback();
  }
  ZJ_ASSIGN_OR_RETURN(auto latest, store_.LatestExport(m.source_org_id));
  if (latest && *latest > m.exported_at) {
    Fatal({"manifest.json", 0, "exported_at", m.exported_at_text, "order",
           "来自 " + m.source_org_id + " 的数据包须按导出时间先后导入：已导入导出时间为 " +
               FormatTimestamp(*latest) + " 的数据包，本数据包更早"});
    return db_.Rollback();
  }
  storage::BatchRecord rec{
      0, m.batch_id, m.source_org_id, m.exported_at, options_.clock->Now(), report_.mode, ""};
  ZJ_ASSIGN_OR_RETURN(report_.batch_no, store_.BeginBatch(rec));
  Status s;
  for (const ManifestTable& mt : m.tables) {
    s = ImportTable(batch, mt, *domain::FindTable(mt.table));
    if (!s.ok()) break;
  }
  if (s.ok()) s = CheckDeletes();
  if (!s.ok()) {
    (void)db_.Rollback();
    return s;
  }
  bool reject = fatal_ || (!options_.quarantine && report_.issue_count > 0);
  if (reject) {
    report_.outcome = ImportOutcome::kRejected;
    return db_.Rollback();
  }
  report_.outcome = ImportOutcome::kApplied;
  s = store_.FinishBatch(report_.batch_no, report_.ToJson());
  if (s.ok() && options_.before_commit) s = options_.before_commit(db_, report_);
  if (!s.ok()) {
    (void)db_.Rollback();
    return s;
  }
  return db_.Commit();
}

}  // namespace

std::string ImportIssue::ToChinese() const {
  std::string s = file;
  if (line > 0) s += " 第 " + std::to_string(line) + " 行";
  if (!column.empty()) s += " 列 " + column;
  if (!value.empty()) s += " 值“" + value + "”";
  s += "：" + message;
  if (!rule.empty()) s += "〔" + rule + "〕";
  return s;
}

std::string ImportReport::ToJson() const {
  nlohmann::json j;
  j["batch_id"] = batch_id;
  j["source_org_id"] = source_org_id;
  j["exported_at"] = exported_at;
  j["mode"] = mode;
  j["outcome"] = outcome == ImportOutcome::kApplied          ? "applied"
                 : outcome == ImportOutcome::kAlreadyApplied ? "already_applied"
                                                             : "rejected";
  j["batch_no"] = batch_no;
  j["issue_count"] = issue_count;
  j["quarantined"] = quarantined;
  j["fatal"] = fatal;
  j["seconds"] = seconds;
  j["tables"] = nlohmann::json::array();
  for (const auto& t : tables) {
    j["tables"].push_back({{"table", t.table},
                           {"file", t.file},
                           {"read", t.read},
                           {"inserted", t.inserted},
                           {"updated", t.updated},
                           {"deleted", t.deleted},
                           {"delete_missing", t.delete_missing},
                           {"rejected", t.rejected},
                           {"seconds", t.seconds}});
  }
  j["issues"] = nlohmann::json::array();
  for (const auto& i : issues) {
    j["issues"].push_back({{"file", i.file},
                           {"line", i.line},
                           {"column", i.column},
                           {"value", i.value},
                           {"rule", i.rule},
                           {"message", i.message}});
  }
  return j.dump();
}

std::string ImportReport::ToChinese() const {
  std::string s = "数据包 " + batch_id + "（来源 " + source_org_id + "，导出时间 " + exported_at +
                  "，" + (mode == "quarantine" ? "隔离模式" : "严格模式") + "）\n";
  char line[256];
  if (!tables.empty()) {
    s += "数据表                  读取      新增      更新      删除  删除不存在      拒收     "
         "耗时(秒)\n";
    for (const auto& t : tables) {
      std::snprintf(line, sizeof line, "%-22s %8lld %9lld %9lld %9lld %11lld %9lld %11.3f\n",
                    t.table.c_str(), (long long)t.read, (long long)t.inserted, (long long)t.updated,
                    (long long)t.deleted, (long long)t.delete_missing, (long long)t.rejected,
                    t.seconds);
      s += line;
    }
  }
  for (const auto& i : issues) s += "  ✗ " + i.ToChinese() + "\n";
  if (issue_count > static_cast<int64_t>(issues.size())) {
    s += "  …… 另有 " + std::to_string(issue_count - static_cast<int64_t>(issues.size())) +
         " 个问题未列出（见 --report 输出的 JSON）\n";
  }
  switch (outcome) {
    case ImportOutcome::kApplied:
      s += "结果：已导入（批次号 " + std::to_string(batch_no) + "）";
      if (quarantined) s += "，" + std::to_string(quarantined) + " 行存入隔离区待核查";
      s += "\n";
      break;
    case ImportOutcome::kAlreadyApplied:
      s += "结果：该数据包此前已导入（批次号 " + std::to_string(batch_no) + "），未作任何更改\n";
      break;
    case ImportOutcome::kRejected:
      s += "结果：拒收，数据库未作任何更改（共 " + std::to_string(issue_count) + " 个问题）\n";
      break;
  }
  return s;
}

Result<ImportReport> ImportBatch(storage::Database& db, const std::string& path,
                                 const ImportOptions& options) {
  auto started = std::chrono::steady_clock::now();
  ImportReport report;
  report.mode = options.quarantine ? "quarantine" : "strict";
  auto batch = BatchDir::Open(path);
  if (!batch.ok()) {
    if (batch.status().code() == StatusCode::kIoError) return batch.status();
    report.outcome = ImportOutcome::kRejected;
    report.fatal = batch.status().message();
    report.issue_count = 1;
    report.issues.push_back({path, 0, "", "", "manifest", batch.status().message()});
    return report;
  }
  const Manifest& m = (*batch)->manifest();
  report.batch_id = m.batch_id;
  report.source_org_id = m.source_org_id;
  report.exported_at = m.exported_at_text;
  BatchImporter importer(db, options, &report);
  ZJ_RETURN_IF_ERROR(importer.Run(**batch));
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace zj::ingest
