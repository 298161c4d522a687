#include <cstring>

#include "common/sha256.h"
#include "storage/exchange_store.h"

namespace zj::storage {

Result<std::string> StoreChecksum(Database& db) {
  std::vector<std::string> tables;
  {
    ZJ_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    while (true) {
      ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      tables.emplace_back(q->ColumnText(0));
    }
  }
  Sha256 h;
  for (const std::string& t : tables) {
    h.Update("T:" + t + "\n");
    ZJ_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT * FROM " + t + " ORDER BY 1"));
    while (true) {
      ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      for (int c = 0; c < q->ColumnCount(); ++c) {
        if (q->IsNull(c)) {
          h.Update("\x01N", 2);
        } else {
          std::string_view v = q->ColumnText(c);
          uint32_t len = static_cast<uint32_t>(v.size());
          h.Update("\x02", 1);
          h.Update(&len, sizeof len);
          h.Update(v);
        }
      }
      h.Update("\n");
    }
  }
  return h.HexDigest();
}

}  // namespace zj::storage
