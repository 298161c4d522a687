#include "storage/clue_store.h"

#include <unordered_map>
#include <unordered_set>

#include "common/sha256.h"

namespace zj::storage {
namespace {

std::string Digest(const ClueContent& c) {
  Sha256 h;
  for (const std::string* s : {&c.person_id, &c.org_id, &c.severity, &c.title, &c.summary,
                               &c.facts, &c.basis, &c.window}) {
    h.Update(*s);
    h.Update("\x1f", 1);
  }
  return h.HexDigest();
}

void BindOptText(Statement& st, int i, const std::string& s) {
  if (s.empty()) {
    st.BindNull(i);
  } else {
    st.BindText(i, s);
  }
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

struct Existing {
  int64_t clue_no;
  std::string status;
  std::string digest;
  std::string org_id;
  std::string summary;
  std::string facts;
  bool seen = false;
};


// WHERE clause and bindings shared by ListClues and CountClues.
struct Where {
  std::string sql;
  std::vector<std::string> binds;
};

std::string JsonArray(std::span<const std::string> items) {
  std::string s = "[";
  for (const std::string& i : items) s += (s.size() > 1 ? "," : "") + JsonString(i);
  return s + "]";
}

Where BuildWhere(const ClueFilter& f) {
  Where w;
  auto add = [&](std::string cond, std::string value, std::string close = "") {
    w.binds.push_back(std::move(value));
    w.sql += (w.sql.empty() ? " WHERE " : " AND ") + cond + "$" +
             std::to_string(w.binds.size()) + close;
  };
  auto in = [&](std::string column, std::span<const std::string> values) {
    add(column + " IN (SELECT value FROM json_each(", JsonArray(values), "))");
  };
  if (!f.models.empty()) in("c.model", f.models);
  if (!f.status.empty()) add("c.status = ", f.status);
  if (!f.person_id.empty()) add("c.person_id = ", f.person_id);
  if (f.org_ids) in("c.org_id", *f.org_ids);
  if (!f.severities.empty()) in("c.severity", f.severities);
  if (!f.triage_states.empty()) in("COALESCE(t.state, 'new')", f.triage_states);
  if (f.assignee_id) add("t.assignee_id = ", std::to_string(*f.assignee_id));
  return w;
}

constexpr std::string_view kClueFrom =
    " FROM clues c LEFT JOIN clue_triage t ON t.clue_no = c.clue_no"
    " LEFT JOIN persons p ON p.person_id = c.person_id"
    " LEFT JOIN users u ON u.user_id = t.assignee_id";

}  // namespace

Result<RecordedRun> RecordRun(Database& db, const RunRecord& run,
                              std::span<const std::string> models,
                              std::span<const ClueContent> findings,
                              const std::function<bool(std::string_view org_id)>& in_scope,
                              const std::function<Status(Database&, int64_t)>& in_transaction) {
  {
    std::unordered_set<std::string> keys;
    for (const ClueContent& f : findings) {
      if (!keys.insert(f.model + '\x1f' + f.key).second) {
        return Internal("模型 " + f.model + " 对同一键 " + f.key + " 输出了两条线索");
      }
    }
  }
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  RecordedRun out;
  {
    ZJ_ASSIGN_OR_RETURN(auto ins, db.Prepare(
        "INSERT INTO model_runs (started_at, finished_at, as_of, scope_org_id, models, versions, "
        "params, batches, stats, clues_updated) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)"));
    ins->BindInt(1, run.started_at);
    ins->BindInt(2, run.finished_at);
    ins->BindInt(3, run.as_of);
    BindOptText(*ins, 4, run.scope_org_id);
    ins->BindText(5, run.models);
    ins->BindText(6, run.versions);
    ins->BindText(7, run.params);
    ins->BindText(8, run.batches);
    ins->BindText(9, run.stats);
    ins->BindInt(10, run.clues_updated ? 1 : 0);
    ZJ_RETURN_IF_ERROR(ins->Run());
    ZJ_ASSIGN_OR_RETURN(out.run_no, QueryInt(db, "SELECT last_insert_rowid()"));
  }
  if (in_transaction) ZJ_RETURN_IF_ERROR(in_transaction(db, out.run_no));
  std::unordered_map<std::string, size_t> model_index;
  for (const std::string& m : models) {
    model_index.emplace(m, out.per_model.size());
    out.per_model.emplace_back(m, ReconcileCounts{});
  }
  if (!run.clues_updated) {
    ZJ_RETURN_IF_ERROR(txn.Commit());
    return out;
  }

  // Existing clues of the models that ran.
  std::unordered_map<std::string, Existing> existing;  // model \x1f key → clue
  {
    ZJ_ASSIGN_OR_RETURN(auto sel, db.Prepare(
        "SELECT clue_no, model, key, status, digest, org_id, summary, facts FROM clues "
        "WHERE model IN (SELECT value FROM json_each($1))"));
    sel->BindText(1, JsonArray(models));
    while (true) {
      ZJ_ASSIGN_OR_RETURN(bool row, sel->Step());
      if (!row) break;
      std::string k = std::string(sel->ColumnText(1)) + '\x1f' + std::string(sel->ColumnText(2));
      existing.emplace(std::move(k), Existing{sel->ColumnInt(0), std::string(sel->ColumnText(3)),
                                              std::string(sel->ColumnText(4)),
                                              std::string(sel->ColumnText(5)),
                                              std::string(sel->ColumnText(6)),
                                              std::string(sel->ColumnText(7))});
    }
  }

  const Timestamp now = run.finished_at;
  ZJ_ASSIGN_OR_RETURN(auto insert, db.Prepare(
      "INSERT INTO clues (model, key, person_id, org_id, severity, title, summary, facts, basis, "
      "window, digest, status, first_run, last_run, created_at, updated_at) VALUES "
      "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'open',$12,$12,$13,$13)"));
  ZJ_ASSIGN_OR_RETURN(auto update, db.Prepare(
      "UPDATE clues SET person_id=$2, org_id=$3, severity=$4, title=$5, summary=$6, facts=$7, "
      "basis=$8, window=$9, digest=$10, status='open', last_run=$11, resolved_run=NULL, "
      "updated_at=$12 WHERE clue_no=$1"));
  ZJ_ASSIGN_OR_RETURN(auto touch, db.Prepare("UPDATE clues SET last_run=$2 WHERE clue_no=$1"));
  ZJ_ASSIGN_OR_RETURN(auto resolve, db.Prepare(
      "UPDATE clues SET status='resolved_by_data', resolved_run=$2, updated_at=$3 "
      "WHERE clue_no=$1"));
  ZJ_ASSIGN_OR_RETURN(auto history, db.Prepare(
      "INSERT INTO clue_history (clue_no, run_no, at, event, status, detail) "
      "VALUES ($1,$2,$3,$4,$5,$6)"));
  auto log = [&](int64_t clue_no, std::string_view event, std::string_view status,
                 const std::string& detail) -> Status {
    history->Reset();
    history->BindInt(1, clue_no);
    history->BindInt(2, out.run_no);
    history->BindInt(3, now);
    history->BindText(4, event);
    history->BindText(5, status);
    history->BindText(6, detail);
    return history->Run();
  };
  auto counts = [&](const std::string& model) -> ReconcileCounts& {
    auto it = model_index.find(model);
    if (it == model_index.end()) {
      model_index.emplace(model, out.per_model.size());
      out.per_model.emplace_back(model, ReconcileCounts{});
      return out.per_model.back().second;
    }
    return out.per_model[it->second].second;
  };

  for (const ClueContent& f : findings) {
    const std::string digest = Digest(f);
    const std::string window = f.window.empty() ? "null" : f.window;
    auto it = existing.find(f.model + '\x1f' + f.key);
    ReconcileCounts& c = counts(f.model);
    if (it == existing.end()) {
      insert->Reset();
      insert->BindText(1, f.model);
      insert->BindText(2, f.key);
      BindOptText(*insert, 3, f.person_id);
      insert->BindText(4, f.org_id);
      insert->BindText(5, f.severity);
      insert->BindText(6, f.title);
      insert->BindText(7, f.summary);
      insert->BindText(8, f.facts);
      insert->BindText(9, f.basis);
      insert->BindText(10, window);
      insert->BindText(11, digest);
      insert->BindInt(12, out.run_no);
      insert->BindInt(13, now);
      ZJ_RETURN_IF_ERROR(insert->Run());
      ZJ_ASSIGN_OR_RETURN(int64_t clue_no, QueryInt(db, "SELECT last_insert_rowid()"));
      ZJ_RETURN_IF_ERROR(log(clue_no, "created", "open", "{}"));
      ++c.created;
      continue;
    }
    Existing& e = it->second;
    e.seen = true;
    const bool reopened = e.status == "resolved_by_data";
    if (!reopened && e.digest == digest) {
      touch->Reset();
      touch->BindInt(1, e.clue_no);
      touch->BindInt(2, out.run_no);
      ZJ_RETURN_IF_ERROR(touch->Run());
      ++c.unchanged;
      continue;
    }
    update->Reset();
    update->BindInt(1, e.clue_no);
    BindOptText(*update, 2, f.person_id);
    update->BindText(3, f.org_id);
    update->BindText(4, f.severity);
    update->BindText(5, f.title);
    update->BindText(6, f.summary);
    update->BindText(7, f.facts);
    update->BindText(8, f.basis);
    update->BindText(9, window);
    update->BindText(10, digest);
    update->BindInt(11, out.run_no);
    update->BindInt(12, now);
    ZJ_RETURN_IF_ERROR(update->Run());
    std::string detail = "{}";
    if (e.digest != digest) {
      detail = "{\"previous_summary\":" + JsonString(e.summary) +
               ",\"previous_facts\":" + (e.facts.empty() ? "null" : e.facts) + "}";
    }
    ZJ_RETURN_IF_ERROR(log(e.clue_no, reopened ? "reopened" : "updated", "open", detail));
    ++(reopened ? c.reopened : c.updated);
  }

  for (auto& [k, e] : existing) {
    if (e.seen || e.status != "open" || !in_scope(e.org_id)) continue;
    resolve->Reset();
    resolve->BindInt(1, e.clue_no);
    resolve->BindInt(2, out.run_no);
    resolve->BindInt(3, now);
    ZJ_RETURN_IF_ERROR(resolve->Run());
    ZJ_RETURN_IF_ERROR(log(e.clue_no, "resolved_by_data", "resolved_by_data", "{}"));
    ++counts(k.substr(0, k.find('\x1f'))).resolved;
  }
  ZJ_RETURN_IF_ERROR(txn.Commit());
  for (const auto& [m, c] : out.per_model) {
    out.total.created += c.created;
    out.total.updated += c.updated;
    out.total.unchanged += c.unchanged;
    out.total.reopened += c.reopened;
    out.total.resolved += c.resolved;
  }
  return out;
}

Result<std::vector<ClueRow>> ListClues(Database& db, const ClueFilter& filter) {
  Where w = BuildWhere(filter);
  const size_t n = w.binds.size();
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT c.clue_no, c.model, c.key, c.person_id, c.org_id, c.severity, c.title, c.summary, "
      "c.facts, c.basis, c.window, c.status, c.first_run, c.last_run, c.resolved_run, "
      "c.created_at, c.updated_at, t.state, t.assignee_id, t.version, t.case_id, p.name, "
      "u.display_name" +
      std::string(kClueFrom) + w.sql + " ORDER BY c.model, c.clue_no LIMIT $" +
      std::to_string(n + 1) + " OFFSET $" + std::to_string(n + 2)));
  for (size_t i = 0; i < n; ++i) st->BindText(static_cast<int>(i) + 1, w.binds[i]);
  st->BindInt(static_cast<int>(n) + 1, filter.limit);
  st->BindInt(static_cast<int>(n) + 2, filter.offset);
  std::vector<ClueRow> rows;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool more, st->Step());
    if (!more) break;
    ClueRow r;
    r.clue_no = st->ColumnInt(0);
    r.content.model = st->ColumnText(1);
    r.content.key = st->ColumnText(2);
    r.content.person_id = st->ColumnText(3);
    r.content.org_id = st->ColumnText(4);
    r.content.severity = st->ColumnText(5);
    r.content.title = st->ColumnText(6);
    r.content.summary = st->ColumnText(7);
    r.content.facts = st->ColumnText(8);
    r.content.basis = st->ColumnText(9);
    r.content.window = st->ColumnText(10);
    r.status = st->ColumnText(11);
    r.first_run = st->ColumnInt(12);
    r.last_run = st->ColumnInt(13);
    if (!st->IsNull(14)) r.resolved_run = st->ColumnInt(14);
    r.created_at = st->ColumnInt(15);
    r.updated_at = st->ColumnInt(16);
    r.triage_state = st->ColumnText(17);
    if (!st->IsNull(18)) r.assignee_id = st->ColumnInt(18);
    if (!st->IsNull(19)) r.triage_version = st->ColumnInt(19);
    if (!st->IsNull(20)) r.case_id = st->ColumnInt(20);
    r.person_name = st->ColumnText(21);
    r.assignee_name = st->ColumnText(22);
    rows.push_back(std::move(r));
  }
  return rows;
}

Result<int64_t> CountClues(Database& db, const ClueFilter& filter) {
  Where w = BuildWhere(filter);
  // Counting joins only what a filter reads (the page joins persons for names too).
  const bool triage = !filter.triage_states.empty() || filter.assignee_id;
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare(std::string("SELECT count(*) FROM clues c") +
                          (triage ? " LEFT JOIN clue_triage t ON t.clue_no = c.clue_no" : "") +
                          w.sql));
  for (size_t i = 0; i < w.binds.size(); ++i) st->BindText(static_cast<int>(i) + 1, w.binds[i]);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->ColumnInt(0) : 0;
}

Result<std::vector<ClueEvent>> ClueHistory(Database& db, int64_t clue_no) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT run_no, at, event, status, detail FROM clue_history WHERE clue_no = $1 ORDER BY id"));
  st->BindInt(1, clue_no);
  std::vector<ClueEvent> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back({st->IsNull(0) ? 0 : st->ColumnInt(0), st->ColumnInt(1),
                   std::string(st->ColumnText(2)), std::string(st->ColumnText(3)),
                   std::string(st->ColumnText(4))});
  }
  return out;
}

namespace {

// A model_runs row selected as the columns run_no, started_at, finished_at, as_of,
// scope_org_id, models, versions, params, batches, stats, clues_updated (in that order).
RunRow ReadRun(const Statement& st) {
  RunRow r;
  r.run_no = st.ColumnInt(0);
  r.record.started_at = st.ColumnInt(1);
  r.record.finished_at = st.ColumnInt(2);
  r.record.as_of = st.ColumnInt(3);
  r.record.scope_org_id = st.ColumnText(4);
  r.record.models = st.ColumnText(5);
  r.record.versions = st.ColumnText(6);
  r.record.params = st.ColumnText(7);
  r.record.batches = st.ColumnText(8);
  r.record.stats = st.ColumnText(9);
  r.record.clues_updated = st.ColumnInt(10) != 0;
  return r;
}

}  // namespace

Result<std::vector<RunRow>> ListRuns(Database& db, int64_t limit) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT run_no, started_at, finished_at, as_of, scope_org_id, models, versions, params, "
      "batches, stats, clues_updated FROM model_runs ORDER BY run_no DESC LIMIT $1"));
  st->BindInt(1, limit);
  std::vector<RunRow> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    RunRow r = ReadRun(*st);
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

constexpr std::string_view kRunColumns =
    "r.run_no, r.started_at, r.finished_at, r.as_of, r.scope_org_id, r.models, r.versions, "
    "r.params, r.batches, r.stats, r.clues_updated";
// Runs an OrgScope may see; $1 is the scope's JSON array (unused for the whole store).
std::string RunScopeWhere(const OrgScope& scope) {
  return scope.all() ? " WHERE 1" : " WHERE r.scope_org_id IN (SELECT value FROM json_each($1))";
}

}  // namespace

Result<std::vector<RunRow>> ListRunsInScope(Database& db, const OrgScope& scope, int64_t limit,
                                            int64_t offset) {
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT " + std::string(kRunColumns) +
                 ", (SELECT a.username FROM audit_log a WHERE a.action = 'models_run' AND "
                 "a.object_type = 'model_run' AND a.object_id = CAST(r.run_no AS TEXT) "
                 "ORDER BY a.seq LIMIT 1) FROM model_runs r" +
                 RunScopeWhere(scope) + " ORDER BY r.run_no DESC LIMIT $2 OFFSET $3"));
  st->BindText(1, scope.all() ? "[]" : scope.json());
  st->BindInt(2, limit);
  st->BindInt(3, offset);
  std::vector<RunRow> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    RunRow r = ReadRun(*st);
    if (!st->IsNull(11)) r.requested_by = st->ColumnText(11);
    out.push_back(std::move(r));
  }
  return out;
}

Result<int64_t> CountRunsInScope(Database& db, const OrgScope& scope) {
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare("SELECT COUNT(*) FROM model_runs r" + RunScopeWhere(scope)));
  st->BindText(1, scope.all() ? "[]" : scope.json());
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->ColumnInt(0) : 0;
}

Result<std::map<std::string, ReconcileCounts>> RunClueChanges(Database& db, int64_t run_no) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT c.model, h.event, COUNT(*) FROM clue_history h JOIN clues c ON c.clue_no = "
      "h.clue_no WHERE h.run_no = $1 GROUP BY c.model, h.event"));
  st->BindInt(1, run_no);
  std::map<std::string, ReconcileCounts> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    ReconcileCounts& c = out[std::string(st->ColumnText(0))];
    const std::string_view event = st->ColumnText(1);
    const int64_t n = st->ColumnInt(2);
    if (event == "created") c.created += n;
    else if (event == "updated") c.updated += n;
    else if (event == "reopened") c.reopened += n;
    else if (event == "resolved_by_data") c.resolved += n;
  }
  return out;
}

Result<std::vector<std::string>> AppliedBatches(Database& db) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT batch_id FROM batches ORDER BY batch_no"));
  std::vector<std::string> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.emplace_back(st->ColumnText(0));
  }
  return out;
}

}  // namespace zj::storage
