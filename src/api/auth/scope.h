#pragma once
// The jurisdiction (管辖范围) of a signed-in user, as the storage::OrgScope that every
// casework query takes (storage/scope.h; DESIGN.md §7: roles × jurisdiction, 省 → 市 → 县 →
// 派驻室, with time-limited grants).
//
// The scope of a principal is the union of what models::Covered (models/jurisdiction.h)
// gives for the principal's org and for the org of each grant active now
// (Principal::grant_org_ids). When any of these is a provincial procuratorate or the SPP, the
// scope is OrgScope::All(). A grant whose org is no longer in the orgs table adds nothing;
// the principal's own org missing from it is kFailedPrecondition (no scope can be given).
//
// ScopeResolver keeps the orgs table (a models::Snapshot holding only the orgs frame) and the
// coverage of every org it was asked about, and drops both when the set of applied batches
// changes (storage::AppliedBatchStamp: one cheap query on the caller's connection per call).
// The orgs are (re)loaded through the DatabaseOpener, on a connection of their own.
//
// Thread-safe: one ScopeResolver serves every request thread.

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

#include "api/auth/accounts.h"
#include "common/status.h"
#include "models/frame.h"
#include "storage/database.h"
#include "storage/scope.h"

namespace zj::auth {

class ScopeResolver {
 public:
  explicit ScopeResolver(models::DatabaseOpener open_db);
  ~ScopeResolver();
  ScopeResolver(const ScopeResolver&) = delete;
  ScopeResolver& operator=(const ScopeResolver&) = delete;

  // The scope of `principal`. `db` is the caller's connection (for the batch stamp only).
  Result<storage::OrgScope> ScopeOf(storage::Database& db, const Principal& principal);
  // The same for an org and the orgs of active grants.
  Result<storage::OrgScope> ScopeOf(storage::Database& db, std::string_view org_id,
                                    std::span<const std::string> grant_org_ids);

  // How many times the orgs table has been loaded (to observe the cache).
  int64_t loads() const;

 private:
  struct Orgs;
  Result<std::shared_ptr<Orgs>> Current(storage::Database& db);

  models::DatabaseOpener open_db_;
  mutable std::mutex mu_;
  std::shared_ptr<Orgs> orgs_;  // guarded by mu_
  int64_t loads_ = 0;           // guarded by mu_
};

}  // namespace zj::auth
