#include "pipeline/review/audit_log.h"

#include "tests/review/review_fixture.h"

namespace scanstraat {
namespace {

AuditLog::Query Q(int limit, int64_t before = 0, std::string actor = "", std::string object_prefix = "") {
  AuditLog::Query q;
  q.limit = limit;
  q.before = before;
  q.actor = std::move(actor);
  q.object_prefix = std::move(object_prefix);
  return q;
}

class AuditLogTest : public ReviewStoreTest {
 protected:
  void Fill(int n) {
    AuditLog log(store_->db());
    for (int i = 0; i < n; ++i)
      ASSERT_TRUE(log.Append({"anna", "view_case", "case:" + std::to_string(i), "ok", "127.0.0.1", ""}).ok());
  }
  // What someone with write access to the file could do: drop the guards.
  void DropTriggers() {
    ASSERT_TRUE(store_->db().Exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete").ok());
  }
};

TEST_F(AuditLogTest, AnUntouchedChainVerifies) {
  Fill(20);
  AuditLog log(store_->db());
  Result<AuditVerdict> v = log.Verify();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok()) << v->problem;
  EXPECT_EQ(v->entries, 20);
  EXPECT_EQ(v->head.size(), 64u);
}

TEST_F(AuditLogTest, UpdateAndDeleteAreRefusedByTheDatabase) {
  Fill(3);
  EXPECT_FALSE(store_->db().Exec("UPDATE audit_log SET actor='mallory' WHERE seq=2").ok());
  EXPECT_FALSE(store_->db().Exec("DELETE FROM audit_log WHERE seq=2").ok());
  Result<AuditVerdict> v = AuditLog(store_->db()).Verify();
  EXPECT_TRUE(v->ok());
}

struct Tamper {
  const char* name;
  const char* sql;
  int64_t first_bad;
};

TEST_F(AuditLogTest, EveryKindOfTamperingIsFoundAtItsEntry) {
  const Tamper cases[] = {
      {"changed actor", "UPDATE audit_log SET actor='mallory' WHERE seq=5", 5},
      {"changed result", "UPDATE audit_log SET result='denied' WHERE seq=7", 7},
      {"removed entry", "DELETE FROM audit_log WHERE seq=4", 5},
      {"rehashed entry", "UPDATE audit_log SET object='case:99', hash=hash WHERE seq=3", 3},
      {"removed first entry", "DELETE FROM audit_log WHERE seq=1", 2},
  };
  for (const Tamper& t : cases) {
    SCOPED_TRACE(t.name);
    TearDown();
    SetUp();
    Fill(10);
    DropTriggers();
    ASSERT_TRUE(store_->db().Exec(t.sql).ok());
    Result<AuditVerdict> v = AuditLog(store_->db()).Verify();
    ASSERT_TRUE(v.ok());
    EXPECT_FALSE(v->ok());
    EXPECT_EQ(v->first_bad, t.first_bad) << v->problem;
  }
}

TEST_F(AuditLogTest, AReforgedEntryBreaksTheLinkOfTheNext) {
  Fill(6);
  DropTriggers();
  // Change entry 3 and give it a correct hash of its own: entry 4 no longer links to it.
  AuditLog log(store_->db());
  Result<std::vector<AuditEntry>> all = log.List(Q(100));
  AuditEntry e = (*all)[6 - 3];
  ASSERT_EQ(e.seq, 3);
  e.actor = "mallory";
  const std::string forged = AuditHash(e);
  ASSERT_TRUE(store_->db().Exec("UPDATE audit_log SET actor='mallory', hash='" + forged + "' WHERE seq=3").ok());
  Result<AuditVerdict> v = log.Verify();
  EXPECT_EQ(v->first_bad, 4) << v->problem;
}

TEST_F(AuditLogTest, ListFiltersAndPagesNewestFirst) {
  Fill(5);
  AuditLog log(store_->db());
  ASSERT_TRUE(log.Append({"bert", "approve", "case:2", "ok", "10.0.0.1", ""}).ok());
  Result<std::vector<AuditEntry>> newest = log.List(Q(2));
  ASSERT_EQ(newest->size(), 2u);
  EXPECT_EQ((*newest)[0].actor, "bert");
  EXPECT_GT((*newest)[0].seq, (*newest)[1].seq);
  Result<std::vector<AuditEntry>> by_actor = log.List(Q(100, 0, "bert"));
  EXPECT_EQ(by_actor->size(), 1u);
  Result<std::vector<AuditEntry>> older = log.List(Q(100, 3));
  EXPECT_EQ(older->size(), 2u);
  Result<std::vector<AuditEntry>> case2 = log.List(Q(100, 0, "", "case:2"));
  EXPECT_EQ(case2->size(), 2u);  // case:2 from Fill and bert's approval
}

}  // namespace
}  // namespace scanstraat
