#include "pipeline/review/cases.h"

#include "tests/review/review_fixture.h"

namespace scanstraat {
namespace {

class CasesTest : public ReviewStoreTest {
 protected:
  AuditEvent Event(const std::string& who) { return {who, "claim", "case", "ok", "test", ""}; }
  int64_t now_ = 1'000'000;
};

TEST_F(CasesTest, QueueIsOldestFirstAndFilters) {
  const int64_t a = AddCase(std::string(64, 'a'), "factuur", "invalid:iban");
  const int64_t b = AddCase(std::string(64, 'b'), "verhuizing", "missing:postcode");
  Cases cases(store_->db(), [&] { return now_; });
  Result<std::vector<CaseRow>> all = cases.ListOpen({});
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, a);
  EXPECT_EQ((*all)[1].id, b);
  EXPECT_EQ(cases.ListOpen(CaseFilter{"verhuizing", ""})->size(), 1u);
  EXPECT_EQ(cases.ListOpen(CaseFilter{"", "invalid"})->size(), 1u);
  EXPECT_EQ(cases.ListOpen(CaseFilter{"", "invalid:iban"})->size(), 1u);
  EXPECT_EQ(cases.ListOpen(CaseFilter{"", "invalid:bsn"})->size(), 0u);
}

TEST_F(CasesTest, AClaimKeepsOthersOutUntilItExpires) {
  const int64_t id = AddCase(std::string(64, 'c'), "factuur", "invalid:iban");
  Cases cases(store_->db(), [&] { return now_; });
  ASSERT_TRUE(cases.Claim(id, "anna", Event("anna")).ok());
  EXPECT_EQ(cases.Claim(id, "bert", Event("bert")).code(), Code::kConflict);
  EXPECT_EQ(cases.RequireClaim(id, "bert").code(), Code::kConflict);
  EXPECT_TRUE(cases.RequireClaim(id, "anna").ok());  // renews
  now_ += kClaimSeconds - 1;
  EXPECT_EQ(cases.Claim(id, "bert", Event("bert")).code(), Code::kConflict);
  now_ += 2;
  EXPECT_TRUE(cases.Claim(id, "bert", Event("bert")).ok()) << "an expired claim is free";
  EXPECT_EQ(cases.RequireClaim(id, "anna").code(), Code::kConflict);
  ASSERT_TRUE(cases.Release(id, "bert").ok());
  EXPECT_TRUE(cases.Claim(id, "anna", Event("anna")).ok());
}

TEST_F(CasesTest, CorrectionsAndRejectionNeedTheClaimAndAreAudited) {
  const int64_t id = AddCase(std::string(64, 'd'), "factuur", "invalid:iban");
  Cases cases(store_->db(), [&] { return now_; });
  AuditEvent e{"anna", "correct", "case", "ok", "test", "field=iban"};
  EXPECT_EQ(cases.SaveCorrection(id, "anna", "iban", "NL91ABNA0417164300", e).code(), Code::kConflict);
  ASSERT_TRUE(cases.Claim(id, "anna", Event("anna")).ok());
  ASSERT_TRUE(cases.SaveCorrection(id, "anna", "iban", "NL91ABNA0417164300", e).ok());
  Result<CaseRow> c = cases.Get(id);
  EXPECT_EQ(c->corrections["iban"]["value"], "NL91ABNA0417164300");
  EXPECT_EQ(c->corrections["iban"]["by"], "anna");
  EXPECT_EQ(cases.Reject(id, "anna", "", e).code(), Code::kInvalidArgument);
  ASSERT_TRUE(cases.Reject(id, "anna", "duplicaat", e).ok());
  EXPECT_EQ(cases.Get(id)->state, "rejected");
  EXPECT_EQ(cases.Claim(id, "anna", Event("anna")).code(), Code::kInvalidArgument);
  // claim + correction + rejection
  Result<AuditVerdict> v = AuditLog(store_->db()).Verify();
  EXPECT_EQ(v->entries, 3);
}

TEST(ReasonMatchesTest, WholeReasonOrItsKind) {
  EXPECT_TRUE(ReasonMatches("invalid:bsn", "invalid"));
  EXPECT_TRUE(ReasonMatches("invalid:bsn", "invalid:bsn"));
  EXPECT_TRUE(ReasonMatches("unknown_doctype", "unknown_doctype"));
  EXPECT_FALSE(ReasonMatches("invalid:bsn", "inv"));
  EXPECT_FALSE(ReasonMatches("invalid:bsn", "invalid:iban"));
}

}  // namespace
}  // namespace scanstraat
