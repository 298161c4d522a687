// The audit trail: append inside the caller's transaction, the documented hash bytes, the
// triggers, and VerifyAudit against every kind of tampering raw SQL can do.

#include "storage/audit_store.h"

#include <gtest/gtest.h>

#include "common/sha256.h"
#include "storage/migrations.h"

namespace zj::storage {
namespace {

class AuditStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open("sqlite://:memory:");
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(Migrate(*db_).ok());
  }

  AuditEntry Make(int i) {
    AuditEntry e;
    e.at = 1'750'000'000 + i;
    e.user_id = i % 2 ? std::optional<int64_t>(i) : std::nullopt;
    e.username = i % 2 ? "user" + std::to_string(i) : "";
    e.action = i % 3 ? "read_person" : "login";
    e.object_type = "person";
    e.object_id = "P-" + std::to_string(i);
    e.detail = "{\"n\":" + std::to_string(i) + "}";
    e.request_id = "req" + std::to_string(i);
    e.ip = "10.0.0." + std::to_string(i);
    return e;
  }

  // Appends entries 1..n, each in its own write transaction.
  void AppendRows(int n) {
    for (int i = 1; i <= n; ++i) {
      Transaction txn(*db_);
      ASSERT_TRUE(txn.BeginWrite().ok());
      auto seq = AppendAudit(*db_, Make(i));
      ASSERT_TRUE(seq.ok()) << seq.status().ToString();
      EXPECT_EQ(*seq, i);
      ASSERT_TRUE(txn.Commit().ok());
    }
  }

  void Sql(const std::string& sql) { ASSERT_TRUE(db_->Exec(sql).ok()) << sql; }
  void DropTriggers() {
    for (const char* t :
         {"audit_log_no_update", "audit_log_no_delete", "audit_log_append",
          "audit_log_advance_head", "audit_head_no_delete", "audit_head_forward_only"}) {
      Sql(std::string("DROP TRIGGER ") + t);
    }
  }
  std::string HashOf(int64_t seq) {
    auto st = db_->Prepare("SELECT hash FROM audit_log WHERE seq = $1");
    (*st)->BindInt(1, seq);
    EXPECT_TRUE(*(*st)->Step());
    return std::string((*st)->ColumnText(0));
  }
  AuditReport Verify(std::string_view expect = {}) {
    auto r = VerifyAudit(*db_, expect);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : AuditReport{};
  }

  std::unique_ptr<Database> db_;
};

TEST_F(AuditStoreTest, AppendOutsideATransactionIsABugAndWritesNothing) {
  auto seq = AppendAudit(*db_, Make(1));
  EXPECT_EQ(seq.status().code(), StatusCode::kInternal);
  EXPECT_EQ(*QueryInt(*db_, "SELECT count(*) FROM audit_log"), 0);
}

TEST_F(AuditStoreTest, RolledBackWithTheChange) {
  {
    Transaction txn(*db_);
    ASSERT_TRUE(txn.BeginWrite().ok());
    ASSERT_TRUE(AppendAudit(*db_, Make(1)).ok());
  }  // no commit
  EXPECT_EQ(*QueryInt(*db_, "SELECT count(*) FROM audit_log"), 0);
  EXPECT_EQ(*QueryInt(*db_, "SELECT seq FROM audit_head"), 0);
  AppendRows(1);
  EXPECT_TRUE(Verify().ok());
}

TEST_F(AuditStoreTest, RejectsEmptyActionAndDetailThatIsNotJson) {
  Transaction txn(*db_);
  ASSERT_TRUE(txn.BeginWrite().ok());
  AuditEntry e = Make(1);
  e.action = "";
  EXPECT_EQ(AppendAudit(*db_, e).status().code(), StatusCode::kInvalidArgument);
  e = Make(1);
  e.detail = "{not json";
  EXPECT_EQ(AppendAudit(*db_, e).status().code(), StatusCode::kInvalidArgument);
  e.detail = "";  // empty = {}
  EXPECT_TRUE(AppendAudit(*db_, e).ok());
}

TEST_F(AuditStoreTest, HashIsTheDocumentedBytes) {
  AppendRows(2);
  // Row 1 has an actor; row 2 has none (NULL user_id and username).
  auto rows = ListAudit(*db_, {});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  const AuditRow& r2 = (*rows)[0];
  const AuditRow& r1 = (*rows)[1];
  EXPECT_EQ(r1.prev_hash, std::string(64, '0'));
  EXPECT_EQ(r2.prev_hash, r1.hash);
  // Written out by hand from the header's description.
  const std::string bytes1 = "zj-audit-v1\n" + std::string(64, '0') + "\n" +
                             "1:1\n"
                             "10:1750000001\n"
                             "1:1\n"
                             "5:user1\n"
                             "11:read_person\n"
                             "6:person\n"
                             "3:P-1\n"
                             "7:{\"n\":1}\n"
                             "4:req1\n"
                             "8:10.0.0.1\n";
  EXPECT_EQ(r1.hash, Sha256::Of(bytes1));
  const std::string bytes2 = "zj-audit-v1\n" + r1.hash + "\n" +
                             "1:2\n"
                             "10:1750000002\n"
                             "-\n"
                             "-\n"
                             "11:read_person\n"
                             "6:person\n"
                             "3:P-2\n"
                             "7:{\"n\":2}\n"
                             "4:req2\n"
                             "8:10.0.0.2\n";
  EXPECT_EQ(r2.hash, Sha256::Of(bytes2));
  EXPECT_EQ(AuditHash(r1.hash, 2, Make(2)), r2.hash);
}

TEST_F(AuditStoreTest, AppendThenVerifyIntact) {
  EXPECT_TRUE(Verify().ok());  // empty log
  AppendRows(6);
  AuditReport r = Verify();
  EXPECT_TRUE(r.ok()) << r.problem;
  EXPECT_EQ(r.rows, 6);
  EXPECT_EQ(r.head_seq, 6);
  EXPECT_EQ(r.head_hash, HashOf(6));
  EXPECT_EQ(r.first_bad_seq, 0);
}

TEST_F(AuditStoreTest, TriggersRefuseChangesAndOutOfChainInserts) {
  AppendRows(3);
  for (const char* sql : {"UPDATE audit_log SET detail = '{}' WHERE seq = 2",
                          "DELETE FROM audit_log WHERE seq = 3", "DELETE FROM audit_log"}) {
    Status s = db_->Exec(sql);
    EXPECT_FALSE(s.ok()) << sql;
    EXPECT_NE(s.message().find("审计记录只能追加，不得修改或删除"), std::string::npos)
        << s.message();
  }
  // Out of sequence, or not continuing the head's hash.
  const std::string h3 = HashOf(3);
  EXPECT_FALSE(db_->Exec("INSERT INTO audit_log VALUES (5, 1, NULL, NULL, 'x', NULL, NULL, '{}', "
                         "NULL, NULL, '" +
                         h3 + "', 'h')")
                   .ok());
  EXPECT_FALSE(db_->Exec("INSERT INTO audit_log VALUES (4, 1, NULL, NULL, 'x', NULL, NULL, '{}', "
                         "NULL, NULL, 'bad', 'h')")
                   .ok());
  EXPECT_FALSE(db_->Exec("UPDATE audit_head SET seq = 2, hash = '" + HashOf(2) + "'").ok());
  EXPECT_FALSE(db_->Exec("DELETE FROM audit_head").ok());
  EXPECT_FALSE(db_->Exec("INSERT INTO audit_head VALUES (2, 0, 'x')").ok());
  EXPECT_TRUE(Verify().ok());
}

TEST_F(AuditStoreTest, DroppedTriggersAloneAreReported) {
  AppendRows(3);
  Sql("DROP TRIGGER audit_log_no_delete");
  AuditReport r = Verify();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_seq, 0);
  EXPECT_NE(r.problem.find("触发器"), std::string::npos) << r.problem;
}

TEST_F(AuditStoreTest, AlteredDetail) {
  AppendRows(6);
  DropTriggers();
  Sql("UPDATE audit_log SET detail = '{\"n\":30}' WHERE seq = 3");
  AuditReport r = Verify();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_seq, 3) << r.problem;
  EXPECT_NE(r.problem.find("内容与其哈希不符"), std::string::npos) << r.problem;
  EXPECT_EQ(r.rows, 6);
}

TEST_F(AuditStoreTest, AlteredColumnsOfEveryKind) {
  // Each column (and NULL ↔ '') is covered by the hash.
  const char* changes[] = {"at = at + 1",        "user_id = 99",      "user_id = NULL",
                           "username = 'other'", "action = 'logout'", "object_type = 'case'",
                           "object_id = 'P-9'",  "request_id = NULL", "ip = '10.9.9.9'",
                           "object_type = NULL"};
  for (const char* change : changes) {
    SetUp();
    AppendRows(4);
    DropTriggers();
    Sql(std::string("UPDATE audit_log SET ") + change + " WHERE seq = 3");
    AuditReport r = Verify();
    EXPECT_EQ(r.first_bad_seq, 3) << change << ": " << r.problem;
  }
  SetUp();
  AppendRows(4);
  DropTriggers();
  Sql("UPDATE audit_log SET username = '' WHERE seq = 2");  // was NULL
  EXPECT_EQ(Verify().first_bad_seq, 2);
}

TEST_F(AuditStoreTest, AlteredRowWithItsHashRecomputedBreaksTheNextLink) {
  AppendRows(6);
  DropTriggers();
  auto rows = ListAudit(*db_, {.limit = 10});
  AuditEntry e = (*rows)[6 - 3].entry;  // seq 3
  e.detail = "{\"n\":300}";
  const std::string forged = AuditHash((*rows)[6 - 3].prev_hash, 3, e);
  Sql("UPDATE audit_log SET detail = '{\"n\":300}', hash = '" + forged + "' WHERE seq = 3");
  AuditReport r = Verify();
  EXPECT_EQ(r.first_bad_seq, 4) << r.problem;
  EXPECT_NE(r.problem.find("前一哈希"), std::string::npos) << r.problem;
}

TEST_F(AuditStoreTest, DeletedMiddleRow) {
  AppendRows(6);
  DropTriggers();
  Sql("DELETE FROM audit_log WHERE seq = 4");
  AuditReport r = Verify();
  EXPECT_EQ(r.first_bad_seq, 4) << r.problem;
  EXPECT_NE(r.problem.find("缺失"), std::string::npos) << r.problem;
  EXPECT_EQ(r.rows, 5);
}

TEST_F(AuditStoreTest, DeletedMiddleRowWithLaterRowsRenumbered) {
  AppendRows(6);
  DropTriggers();
  Sql("DELETE FROM audit_log WHERE seq = 4");
  Sql("UPDATE audit_log SET seq = seq - 1 WHERE seq > 4");
  Sql("UPDATE audit_head SET seq = 5");
  EXPECT_EQ(Verify().first_bad_seq, 4);
}

TEST_F(AuditStoreTest, DeletedLastRow) {
  AppendRows(6);
  DropTriggers();
  Sql("DELETE FROM audit_log WHERE seq = 6");
  AuditReport r = Verify();
  EXPECT_EQ(r.first_bad_seq, 6) << r.problem;
  EXPECT_NE(r.problem.find("末尾"), std::string::npos) << r.problem;
}

TEST_F(AuditStoreTest, DeletedLastRowAndHeadMovedBackWithoutItsHash) {
  AppendRows(6);
  DropTriggers();
  Sql("DELETE FROM audit_log WHERE seq = 6");
  Sql("UPDATE audit_head SET seq = 5");
  EXPECT_EQ(Verify().first_bad_seq, 5);
}

TEST_F(AuditStoreTest, SwappedContentOfTwoRows) {
  AppendRows(6);
  DropTriggers();
  // Everything but seq changes places between rows 2 and 5.
  Sql("CREATE TEMP TABLE copy AS SELECT * FROM audit_log WHERE seq IN (2, 5)");
  std::string set;
  for (const char* c : {"at", "user_id", "username", "action", "object_type", "object_id", "detail",
                        "request_id", "ip", "prev_hash", "hash"}) {
    set += std::string(set.empty() ? "" : ", ") + c + " = (SELECT " + c +
           " FROM copy WHERE copy.seq = 7 - audit_log.seq)";
  }
  Sql("UPDATE audit_log SET " + set + " WHERE seq IN (2, 5)");
  ASSERT_EQ(*QueryInt(*db_, "SELECT count(*) FROM audit_log WHERE seq = 2 AND object_id = 'P-5'"),
            1);
  AuditReport r = Verify();
  EXPECT_EQ(r.first_bad_seq, 2) << r.problem;
}

TEST_F(AuditStoreTest, SwappedDetailsOnly) {
  AppendRows(6);
  DropTriggers();
  Sql("UPDATE audit_log SET detail = CASE seq WHEN 3 THEN '{\"n\":4}' ELSE '{\"n\":3}' END "
      "WHERE seq IN (3, 4)");
  EXPECT_EQ(Verify().first_bad_seq, 3);
}

TEST_F(AuditStoreTest, ChangedHash) {
  AppendRows(6);
  DropTriggers();
  Sql("UPDATE audit_log SET hash = '" + std::string(64, 'a') + "' WHERE seq = 5");
  EXPECT_EQ(Verify().first_bad_seq, 5);
}

TEST_F(AuditStoreTest, InsertedRow) {
  AppendRows(6);
  DropTriggers();
  // A forged row 4 whose own hash is right; rows 4..6 moved to 5..7.
  Sql("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 4");
  Sql("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000");
  AuditEntry forged = Make(40);
  const std::string h3 = HashOf(3);
  auto st = db_->Prepare(
      "INSERT INTO audit_log VALUES (4, $1, NULL, NULL, $2, $3, $4, $5, $6, $7, $8, $9)");
  (*st)->BindInt(1, forged.at);
  (*st)->BindText(2, forged.action);
  (*st)->BindText(3, forged.object_type);
  (*st)->BindText(4, forged.object_id);
  (*st)->BindText(5, forged.detail);
  (*st)->BindText(6, forged.request_id);
  (*st)->BindText(7, forged.ip);
  (*st)->BindText(8, h3);
  forged.user_id.reset();
  forged.username.clear();
  (*st)->BindText(9, AuditHash(h3, 4, forged));
  ASSERT_TRUE((*st)->Run().ok());
  Sql("UPDATE audit_head SET seq = 7, hash = (SELECT hash FROM audit_log WHERE seq = 7)");
  AuditReport r = Verify();
  // The forged row is consistent in itself; the chain breaks at the row it displaced.
  EXPECT_EQ(r.first_bad_seq, 5) << r.problem;
}

TEST_F(AuditStoreTest, InsertedRowWithoutAValidHash) {
  AppendRows(3);
  DropTriggers();
  Sql("UPDATE audit_log SET seq = seq + 1 WHERE seq = 3");
  Sql("INSERT INTO audit_log VALUES (3, 1, NULL, NULL, 'read_person', NULL, NULL, '{}', NULL, "
      "NULL, '" +
      HashOf(2) + "', 'bogus')");
  EXPECT_EQ(Verify().first_bad_seq, 3);
}

TEST_F(AuditStoreTest, AlteredHead) {
  AppendRows(6);
  DropTriggers();
  Sql("UPDATE audit_head SET hash = '" + HashOf(5) + "'");
  AuditReport r = Verify();
  EXPECT_EQ(r.first_bad_seq, 6) << r.problem;
  SetUp();
  AppendRows(3);
  DropTriggers();
  Sql("DELETE FROM audit_head");
  r = Verify();
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.problem.find("链头"), std::string::npos);
}

TEST_F(AuditStoreTest, ExpectedHeadDetectsAWholeRewrite) {
  AppendRows(4);
  const std::string recorded = HashOf(4);
  {
    Transaction txn(*db_);
    ASSERT_TRUE(txn.BeginWrite().ok());
    ASSERT_TRUE(AppendAudit(*db_, Make(5)).ok());
    ASSERT_TRUE(txn.Commit().ok());
  }
  AuditReport r = Verify(recorded);
  EXPECT_TRUE(r.ok()) << r.problem;
  EXPECT_EQ(r.expected_seq, 4);
  // Upper-case hex is the same hash.
  std::string upper = recorded;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(Verify(upper).expected_seq, 4);

  // Rewrite everything with fresh hashes: consistent, but the recorded head is gone.
  auto rows = ListAudit(*db_, {.limit = 100});
  SetUp();
  for (auto it = rows->rbegin(); it != rows->rend(); ++it) {
    AuditEntry e = it->entry;
    if (it->seq == 2) e.detail = "{\"n\":\"rewritten\"}";
    Transaction txn(*db_);
    ASSERT_TRUE(txn.BeginWrite().ok());
    ASSERT_TRUE(AppendAudit(*db_, e).ok());
    ASSERT_TRUE(txn.Commit().ok());
  }
  EXPECT_TRUE(Verify().ok());
  r = Verify(recorded);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.expected_seq, 0);
  EXPECT_NE(r.problem.find("整体改写"), std::string::npos) << r.problem;
}

TEST_F(AuditStoreTest, ListFiltersNewestFirst) {
  AppendRows(6);
  auto all = ListAudit(*db_, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 6u);
  EXPECT_EQ((*all)[0].seq, 6);
  EXPECT_EQ((*all)[5].seq, 1);
  EXPECT_EQ((*all)[5].entry.username, "user1");
  EXPECT_EQ((*all)[4].entry.user_id, std::nullopt);

  auto person = ListAudit(*db_, {.object_type = "person", .object_id = "P-3"});
  ASSERT_EQ(person->size(), 1u);
  EXPECT_EQ((*person)[0].seq, 3);
  EXPECT_EQ((*person)[0].entry.detail, "{\"n\":3}");
  EXPECT_EQ(ListAudit(*db_, {.object_type = "case", .object_id = "P-3"})->size(), 0u);
  auto by_user = ListAudit(*db_, {.user_id = 5});
  ASSERT_EQ(by_user->size(), 1u);
  EXPECT_EQ((*by_user)[0].seq, 5);
  EXPECT_EQ(ListAudit(*db_, {.username = "user3"})->size(), 1u);
  EXPECT_EQ(ListAudit(*db_, {.action = "login"})->size(), 2u);  // 3 and 6
  auto since = ListAudit(*db_, {.since = 1'750'000'004});
  ASSERT_EQ(since->size(), 3u);
  EXPECT_EQ(ListAudit(*db_, {.limit = 2})->size(), 2u);
  // Values are bound, not spliced.
  EXPECT_EQ(ListAudit(*db_, {.object_id = "P-1' OR '1'='1"})->size(), 0u);
}

}  // namespace
}  // namespace zj::storage
