#include "api/auth/scope.h"

#include <map>
#include <utility>
#include <vector>

#include "models/jurisdiction.h"
#include "storage/account_store.h"

namespace zj::auth {

namespace {

// What one org covers.
struct Coverage {
  bool all = false;
  std::vector<std::string> org_ids;
};

}  // namespace

struct ScopeResolver::Orgs {
  storage::BatchStamp stamp;
  models::Snapshot snapshot;  // immutable once loaded
  std::mutex mu;
  std::map<std::string, std::shared_ptr<const Coverage>, std::less<>> memo;  // guarded by mu

  // nullptr when the org is not in the orgs table.
  Result<std::shared_ptr<const Coverage>> Of(std::string_view org_id) {
    std::lock_guard<std::mutex> lock(mu);
    if (auto it = memo.find(org_id); it != memo.end()) return it->second;
    auto made = std::make_shared<Coverage>();
    const models::Frame& orgs = snapshot.Table("orgs");
    const models::IdDict& ids = snapshot.Ids("orgs");
    const int32_t id = ids.Find(org_id);
    const int32_t row = id == models::kNull32 ? -1 : orgs.RowOfKey()[static_cast<size_t>(id)];
    if (row < 0) {
      memo.emplace(std::string(org_id), nullptr);
      return std::shared_ptr<const Coverage>();
    }
    const int32_t type = orgs.I32("org_type")[static_cast<size_t>(row)];
    const std::string_view code =
        type == models::kNull32 ? "" : orgs.Codes("org_type").codes[type].code;
    if (code == "spp" || code == "prov_proc") {
      made->all = true;
    } else {
      ZJ_ASSIGN_OR_RETURN(std::vector<bool> covered, models::Covered(snapshot, org_id));
      for (int32_t i = 0; i < ids.size(); ++i) {
        if (covered[static_cast<size_t>(i)]) made->org_ids.emplace_back(ids.Text(i));
      }
    }
    memo.emplace(std::string(org_id), made);
    return std::shared_ptr<const Coverage>(std::move(made));
  }
};

ScopeResolver::ScopeResolver(models::DatabaseOpener open_db) : open_db_(std::move(open_db)) {}
ScopeResolver::~ScopeResolver() = default;

int64_t ScopeResolver::loads() const {
  std::lock_guard<std::mutex> lock(mu_);
  return loads_;
}

Result<std::shared_ptr<ScopeResolver::Orgs>> ScopeResolver::Current(storage::Database& db) {
  // Read the stamp before loading: a batch applied meanwhile makes the next call reload.
  ZJ_ASSIGN_OR_RETURN(storage::BatchStamp stamp, storage::AppliedBatchStamp(db));
  std::lock_guard<std::mutex> lock(mu_);
  if (orgs_ && orgs_->stamp == stamp) return orgs_;
  auto fresh = std::make_shared<Orgs>();
  fresh->stamp = stamp;
  const models::TableNeed need[] = {models::JurisdictionNeed()};
  ZJ_RETURN_IF_ERROR(models::LoadSnapshot(open_db_, need, 1, &fresh->snapshot));
  orgs_ = std::move(fresh);
  ++loads_;
  return orgs_;
}

Result<storage::OrgScope> ScopeResolver::ScopeOf(storage::Database& db,
                                                 const Principal& principal) {
  return ScopeOf(db, principal.org_id, principal.grant_org_ids);
}

Result<storage::OrgScope> ScopeResolver::ScopeOf(storage::Database& db, std::string_view org_id,
                                                 std::span<const std::string> grant_org_ids) {
  ZJ_ASSIGN_OR_RETURN(std::shared_ptr<Orgs> orgs, Current(db));
  ZJ_ASSIGN_OR_RETURN(std::shared_ptr<const Coverage> own, orgs->Of(org_id));
  if (!own) {
    return FailedPrecondition("用户所在机构 " + std::string(org_id) +
                              " 不在机构表中，无法确定管辖范围，请联系系统管理员");
  }
  if (own->all) return storage::OrgScope::All();
  std::vector<std::string> ids = own->org_ids;
  for (const std::string& g : grant_org_ids) {
    ZJ_ASSIGN_OR_RETURN(std::shared_ptr<const Coverage> granted, orgs->Of(g));
    if (!granted) continue;
    if (granted->all) return storage::OrgScope::All();
    ids.insert(ids.end(), granted->org_ids.begin(), granted->org_ids.end());
  }
  return storage::OrgScope::Of(std::move(ids));
}

}  // namespace zj::auth
