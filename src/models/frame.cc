#include "models/frame.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "storage/exchange_reader.h"

namespace zj::models {
namespace {

using domain::ColumnSpec;
using domain::ColumnType;
using domain::TableSpec;

[[noreturn]] void Bug(const std::string& what) { throw std::logic_error(what); }

bool IsIdType(ColumnType t) { return t == ColumnType::kId || t == ColumnType::kIdNumber; }

int32_t ParseRegion(std::string_view text) {
  int32_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return kNull32;
    v = v * 10 + (c - '0');
  }
  return text.empty() ? kNull32 : v;
}

int32_t CodeMask(const domain::CodeList& codes, std::string_view text) {
  int32_t mask = 0;
  while (!text.empty()) {
    const size_t semi = text.find(';');
    const int i = codes.IndexOf(text.substr(0, semi));
    if (i >= 0 && i < 31) mask |= int32_t{1} << i;
    if (semi == std::string_view::npos) break;
    text.remove_prefix(semi + 1);
  }
  return mask;
}

// Appends one stored value (domain::Value as the store and ParseField give it).
void AppendValue(Frame::Column& col, const domain::Value& v) {
  const ColumnType type = col.spec->type;
  switch (col.storage) {
    case Storage::kI32: {
      int32_t x = kNull32;
      if (type == ColumnType::kCodeList) {
        x = v.is_null() ? 0 : CodeMask(*col.spec->codes, v.text);
      } else if (!v.is_null()) {
        if (col.dict) {
          x = col.dict->Intern(v.text);
        } else if (type == ColumnType::kCode) {
          x = col.spec->codes->IndexOf(v.text);
        } else if (type == ColumnType::kRegionCode) {
          x = ParseRegion(v.text);
        } else {
          x = static_cast<int32_t>(v.i);
        }
      }
      col.i32.push_back(x);
      break;
    }
    case Storage::kI64:
      col.i64.push_back(v.is_null() ? kNull64 : v.i);
      break;
    case Storage::kF64:
      col.f64.push_back(v.is_null() ? std::nan("")
                                    : (v.kind == domain::Value::Kind::kReal ? v.r
                                                                            : static_cast<double>(v.i)));
      break;
    case Storage::kText:
      col.text.emplace_back(v.is_null() ? std::string_view() : v.text);
      break;
  }
}

// The columns of one table to load: the union of every need, in declared order.
struct TableLoad {
  const TableSpec* table = nullptr;
  std::vector<const ColumnSpec*> columns;
};

// One table loaded by one thread, ids interned into dictionaries private to the thread.
struct LoadedTable {
  std::unique_ptr<Frame> frame;
  std::map<std::string, std::unique_ptr<IdDict>> local_dicts;  // domain → ids local to this load
  Status status;
};

void LoadOne(const DatabaseOpener& open_db, const TableLoad& load, LoadedTable* out) {
  auto fail = [&](Status s) { out->status = std::move(s); };
  auto db = open_db();
  if (!db.ok()) return fail(db.status());
  storage::ScanSpec spec{.table = std::string(load.table->name)};
  spec.columns.push_back("row_no");
  for (const ColumnSpec* c : load.columns) spec.columns.emplace_back(c->name);
  spec.order_by = {"row_no"};
  storage::Transaction tx(**db);  // declared before the scan: the scan ends first
  if (Status s = tx.BeginRead(); !s.ok()) return fail(s);
  auto scan = storage::TableScan::Open(**db, spec);
  if (!scan.ok()) return fail(scan.status());
  auto frame = std::make_unique<Frame>(*load.table, 0);
  std::vector<Frame::Column*> cols;
  for (const ColumnSpec* c : load.columns) {
    IdDict* dict = nullptr;
    if (IsIdType(c->type)) {
      auto& d = out->local_dicts[Snapshot::DomainOf(*load.table, *c)];
      if (!d) d = std::make_unique<IdDict>(Snapshot::DomainOf(*load.table, *c));
      dict = d.get();
    }
    cols.push_back(&frame->AddColumn(*c, dict));
  }
  auto& row_no = frame->mutable_row_no();
  int32_t rows = 0;
  while (true) {
    auto more = (*scan)->Next();
    if (!more.ok()) return fail(more.status());
    if (!*more) break;
    row_no.push_back((*scan)->Int(0));
    for (size_t i = 0; i < cols.size(); ++i) {
      const int q = static_cast<int>(i) + 1;
      domain::Value v;
      if (!(*scan)->IsNull(q)) {
        switch (domain::SqlTypeOf(cols[i]->spec->type)) {
          case domain::SqlType::kInteger:
            v = domain::Value::Int((*scan)->Int(q));
            break;
          case domain::SqlType::kReal:
            v = domain::Value::Real((*scan)->Real(q));
            break;
          case domain::SqlType::kText:
            v = domain::Value::Text((*scan)->Text(q));
            break;
        }
      }
      AppendValue(*cols[i], v);
    }
    ++rows;
  }
  frame->set_rows(rows);
  out->frame = std::move(frame);
}

}  // namespace

Storage StorageOf(ColumnType type) {
  switch (type) {
    case ColumnType::kTimestamp:
    case ColumnType::kMoney:
    case ColumnType::kMoneyOrAll:
      return Storage::kI64;
    case ColumnType::kHours:
    case ColumnType::kDecimal:
      return Storage::kF64;
    case ColumnType::kText:
    case ColumnType::kTextList:
      return Storage::kText;
    default:
      return Storage::kI32;
  }
}

int32_t IdDict::Intern(std::string_view text) {
  auto it = ids_.find(text);
  if (it != ids_.end()) return it->second;
  const int32_t id = static_cast<int32_t>(texts_.size());
  texts_.emplace_back(text);
  ids_.emplace(texts_.back(), id);
  return id;
}

int32_t IdDict::Find(std::string_view text) const {
  auto it = ids_.find(text);
  return it == ids_.end() ? kNull32 : it->second;
}

Frame::Column& Frame::AddColumn(const ColumnSpec& spec, IdDict* dict) {
  Column& c = columns_[std::string(spec.name)];
  c.spec = &spec;
  c.storage = StorageOf(spec.type);
  c.dict = dict;
  return c;
}

Frame::Column* Frame::MutableColumn(std::string_view column) {
  auto it = columns_.find(column);
  return it == columns_.end() ? nullptr : &it->second;
}

const Frame::Column& Frame::Get(std::string_view column, Storage want) const {
  auto it = columns_.find(column);
  if (it == columns_.end()) {
    Bug("frame " + std::string(name()) + ": column " + std::string(column) + " not loaded");
  }
  if (it->second.storage != want) {
    Bug("frame " + std::string(name()) + ": column " + std::string(column) +
        " read with the wrong storage");
  }
  return it->second;
}

std::span<const int32_t> Frame::I32(std::string_view column) const {
  return Get(column, Storage::kI32).i32;
}
std::span<const int64_t> Frame::I64(std::string_view column) const {
  return Get(column, Storage::kI64).i64;
}
std::span<const double> Frame::F64(std::string_view column) const {
  return Get(column, Storage::kF64).f64;
}
std::span<const std::string> Frame::Text(std::string_view column) const {
  return Get(column, Storage::kText).text;
}

const IdDict& Frame::Dict(std::string_view column) const {
  const Column& c = Get(column, Storage::kI32);
  if (!c.dict) Bug("frame " + std::string(name()) + ": column " + std::string(column) + " is no id");
  return *c.dict;
}

std::string_view Frame::IdText(std::string_view column, int32_t row) const {
  const Column& c = Get(column, Storage::kI32);
  if (!c.dict) Bug("frame " + std::string(name()) + ": column " + std::string(column) + " is no id");
  const int32_t id = c.i32[static_cast<size_t>(row)];
  return id == kNull32 ? std::string_view() : c.dict->Text(id);
}

const domain::CodeList& Frame::Codes(std::string_view column) const {
  const Column& c = Get(column, Storage::kI32);
  if (!c.spec->codes) Bug("frame " + std::string(name()) + ": column " + std::string(column) +
                          " has no code list");
  return *c.spec->codes;
}

void Frame::IndexKey() {
  const std::vector<int> keys = table_->KeyIndexes();
  if (keys.size() != 1) return;
  Column* c = MutableColumn(table_->columns[keys[0]].name);
  if (!c || !c->dict) return;
  row_of_key_.assign(static_cast<size_t>(c->dict->size()), -1);
  for (int32_t r = 0; r < rows_; ++r) {
    const int32_t id = c->i32[static_cast<size_t>(r)];
    if (id != kNull32) row_of_key_[static_cast<size_t>(id)] = r;
  }
}

Groups::Groups(std::span<const int32_t> keys, int32_t key_count) {
  start_.assign(static_cast<size_t>(key_count) + 1, 0);
  for (int32_t k : keys) {
    if (k >= 0 && k < key_count) ++start_[static_cast<size_t>(k) + 1];
  }
  for (size_t i = 1; i < start_.size(); ++i) start_[i] += start_[i - 1];
  rows_.resize(static_cast<size_t>(start_.back()));
  std::vector<int32_t> next(start_.begin(), start_.end() - 1);
  for (size_t r = 0; r < keys.size(); ++r) {
    const int32_t k = keys[r];
    if (k >= 0 && k < key_count) rows_[static_cast<size_t>(next[static_cast<size_t>(k)]++)] =
        static_cast<int32_t>(r);
  }
}

const Frame& Snapshot::Table(std::string_view name) const {
  auto it = frames_.find(name);
  if (it == frames_.end()) Bug("snapshot: table " + std::string(name) + " not loaded");
  return *it->second;
}

const IdDict& Snapshot::Ids(std::string_view domain) const {
  static const IdDict kEmpty("");
  auto it = dicts_.find(domain);
  return it == dicts_.end() ? kEmpty : *it->second;
}

IdDict* Snapshot::MutableIds(std::string_view domain) {
  auto it = dicts_.find(domain);
  if (it == dicts_.end()) {
    it = dicts_.emplace(std::string(domain), std::make_unique<IdDict>(std::string(domain))).first;
  }
  return it->second.get();
}

Frame& Snapshot::AddFrame(std::unique_ptr<Frame> frame) {
  Frame& f = *frame;
  frames_[std::string(f.name())] = std::move(frame);
  return f;
}

std::string Snapshot::DomainOf(const TableSpec& table, const ColumnSpec& column) {
  if (column.type == ColumnType::kIdNumber) return "id_number";
  if (!column.ref.empty()) return std::string(column.ref);
  const std::vector<int> keys = table.KeyIndexes();
  if (keys.size() == 1 && table.columns[keys[0]].name == column.name) {
    return std::string(table.name);
  }
  return std::string(table.name) + "." + std::string(column.name);
}

Status LoadSnapshot(const DatabaseOpener& open_db, std::span<const TableNeed> needs, int threads,
                    Snapshot* snapshot) {
  // Merge needs per table, in apply order (which fixes the dense id order).
  std::vector<TableLoad> loads;
  for (const TableSpec* t : domain::AllTables()) {
    TableLoad load{.table = t};
    bool wanted = false;
    for (const TableNeed& need : needs) {
      if (need.table != t->name || need.streamed) continue;
      wanted = true;
      for (std::string_view c : need.columns) {
        const ColumnSpec* spec = t->Find(c);
        if (!spec) {
          return InvalidArgument("数据表 " + std::string(t->name) + " 没有列 " + std::string(c));
        }
        if (std::find(load.columns.begin(), load.columns.end(), spec) == load.columns.end()) {
          load.columns.push_back(spec);
        }
      }
    }
    if (!wanted) continue;
    if (t->layout != domain::Layout::kKeyed) {
      return InvalidArgument("数据表 " + std::string(t->name) + " 不能整表载入（定位轨迹按人流式读取）");
    }
    // Keep declared order so frames do not depend on which models asked first.
    std::sort(load.columns.begin(), load.columns.end());
    loads.push_back(std::move(load));
  }
  for (const TableNeed& need : needs) {
    const TableSpec* t = domain::FindTable(need.table);
    if (!t) return InvalidArgument("没有数据表 " + std::string(need.table));
    for (std::string_view c : need.columns) {
      if (!t->Find(c)) {
        return InvalidArgument("数据表 " + std::string(t->name) + " 没有列 " + std::string(c));
      }
    }
  }

  std::vector<LoadedTable> loaded(loads.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < loads.size(); i = next++) LoadOne(open_db, loads[i], &loaded[i]);
  };
  std::vector<std::thread> pool;
  const int n = std::max(1, std::min<int>(threads, static_cast<int>(loads.size())));
  for (int i = 1; i < n; ++i) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();

  for (size_t i = 0; i < loads.size(); ++i) {
    if (!loaded[i].status.ok()) return loaded[i].status;
  }
  // Re-number local ids into the snapshot's dictionaries, table by table in apply order.
  for (size_t i = 0; i < loads.size(); ++i) {
    LoadedTable& lt = loaded[i];
    std::map<const IdDict*, std::vector<int32_t>> remap;
    for (auto& [domain, local] : lt.local_dicts) {
      IdDict* global = snapshot->MutableIds(domain);
      std::vector<int32_t>& m = remap[local.get()];
      m.resize(static_cast<size_t>(local->size()));
      for (int32_t id = 0; id < local->size(); ++id) m[id] = global->Intern(local->Text(id));
    }
    for (const ColumnSpec* c : loads[i].columns) {
      Frame::Column* col = lt.frame->MutableColumn(c->name);
      if (!col->dict) continue;
      const std::vector<int32_t>& m = remap[col->dict];
      for (int32_t& v : col->i32) {
        if (v != kNull32) v = m[static_cast<size_t>(v)];
      }
      col->dict = snapshot->MutableIds(Snapshot::DomainOf(*loads[i].table, *c));
    }
  }
  for (LoadedTable& lt : loaded) snapshot->AddFrame(std::move(lt.frame));
  snapshot->IndexAll();
  return Status::Ok();
}

void Snapshot::IndexAll() {
  // Dictionaries are final now: index keys.
  for (auto& [name, frame] : frames_) frame->IndexKey();
}

}  // namespace zj::models

namespace zj::models {

SnapshotBuilder::SnapshotBuilder() : snapshot_(std::make_unique<Snapshot>()) {}

SnapshotBuilder& SnapshotBuilder::Table(std::string_view table,
                                        std::vector<std::string_view> columns) {
  const TableSpec* t = domain::FindTable(table);
  if (!t) Bug("SnapshotBuilder: no table " + std::string(table));
  auto frame = std::make_unique<Frame>(*t, 0);
  for (std::string_view c : columns) {
    const ColumnSpec* spec = t->Find(c);
    if (!spec) Bug("SnapshotBuilder: no column " + std::string(table) + "." + std::string(c));
    IdDict* dict = IsIdType(spec->type)
                       ? snapshot_->MutableIds(Snapshot::DomainOf(*t, *spec))
                       : nullptr;
    frame->AddColumn(*spec, dict);
  }
  snapshot_->AddFrame(std::move(frame));
  return *this;
}

Status SnapshotBuilder::Row(
    std::string_view table,
    std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  Frame& f = const_cast<Frame&>(snapshot_->Table(table));
  const TableSpec& t = f.table();
  // Validate everything first: a bad row changes nothing.
  std::vector<std::pair<Frame::Column*, domain::Value>> parsed;
  std::vector<std::string> texts;  // keep the text alive for views
  texts.reserve(values.size());
  for (const auto& [name, text] : values) {
    Frame::Column* col = f.MutableColumn(name);
    if (!col) {
      return InvalidArgument(std::string(table) + "." + std::string(name) + " 未声明");
    }
    texts.emplace_back(text);
    domain::Value v;
    if (!text.empty()) {
      domain::FieldResult r = domain::ParseField(*col->spec, texts.back());
      if (!r.error.empty()) {
        return InvalidArgument(std::string(table) + "." + std::string(name) + " = " +
                               std::string(text) + "：" + r.error);
      }
      v = r.value;
    }
    parsed.emplace_back(col, v);
  }
  for (const domain::ColumnSpec& c : t.columns) {
    Frame::Column* col = f.MutableColumn(c.name);
    if (!col) continue;
    bool given = false;
    for (auto& [pc, v] : parsed) given = given || pc == col;
    if (!given) parsed.emplace_back(col, domain::Value::Null());
  }
  for (auto& [col, v] : parsed) AppendValue(*col, v);
  f.mutable_row_no().push_back(f.rows() + 1);
  f.set_rows(f.rows() + 1);
  return Status::Ok();
}

std::unique_ptr<Snapshot> SnapshotBuilder::Finish() {
  snapshot_->IndexAll();
  return std::move(snapshot_);
}

}  // namespace zj::models
