#include "pipeline/review/password.h"
#include "pipeline/review/sessions.h"
#include "pipeline/review/users.h"
#include "tests/review/review_fixture.h"

namespace scanstraat {
namespace {

TEST(PasswordTest, Argon2idHashesVerifyAndAreSalted) {
  Result<std::string> a = HashPassword("correct horse battery");
  Result<std::string> b = HashPassword("correct horse battery");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->rfind("$argon2id$", 0), 0u);
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(VerifyPassword(*a, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*a, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("not a hash", "x"));
}

TEST(UserNameTest, OnlySafeNames) {
  EXPECT_TRUE(ValidUserName("anna"));
  EXPECT_TRUE(ValidUserName("j.de-vries_2"));
  EXPECT_FALSE(ValidUserName(""));
  EXPECT_FALSE(ValidUserName("Anna"));
  EXPECT_FALSE(ValidUserName(".anna"));
  EXPECT_FALSE(ValidUserName("anna bert"));
  EXPECT_FALSE(ValidUserName("../x"));
}

TEST(RoleTest, WhatEachRoleMayDo) {
  struct Row { const char* role; bool read, decide, clear, second, audit; };
  const Row rows[] = {
      {"reviewer", true, true, true, false, false}, {"senior", true, true, true, true, false},
      {"archivist", true, false, false, false, false}, {"auditor", false, false, false, false, true},
      {"admin", true, true, true, true, true},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.role);
    std::optional<Role> role = ParseRole(r.role);
    ASSERT_TRUE(role);
    EXPECT_EQ(RoleName(*role), r.role);
    EXPECT_EQ(MayReadCases(*role), r.read);
    EXPECT_EQ(MayDecide(*role), r.decide);
    EXPECT_EQ(MaySeeClear(*role), r.clear);
    EXPECT_EQ(MayApproveSecond(*role), r.second);
    EXPECT_EQ(MayReadAudit(*role), r.audit);
  }
  EXPECT_FALSE(ParseRole("root"));
}

using UsersTest = ReviewStoreTest;

TEST_F(UsersTest, AddAuthenticateDisable) {
  Users users(store_->db());
  ASSERT_TRUE(users.Add("anna", Role::kReviewer, "a-long-password").ok());
  EXPECT_EQ(users.Add("anna", Role::kSenior, "another-long-one").code(), Code::kConflict);
  EXPECT_EQ(users.Add("bert", Role::kSenior, "short").code(), Code::kInvalidArgument);
  Result<User> ok = users.Authenticate("anna", "a-long-password");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->role, Role::kReviewer);
  Result<User> wrong = users.Authenticate("anna", "a-long-passworD");
  Result<User> nobody = users.Authenticate("nobody", "a-long-password");
  EXPECT_EQ(wrong.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(wrong.status().message(), nobody.status().message());  // tells nothing about which names exist
  ASSERT_TRUE(users.SetDisabled("anna", true).ok());
  EXPECT_FALSE(users.Authenticate("anna", "a-long-password").ok());
}

TEST_F(UsersTest, SessionsExpireAndAreStoredOnlyAsHashes) {
  Users users(store_->db());
  ASSERT_TRUE(users.Add("anna", Role::kReviewer, "a-long-password").ok());
  User anna = users.Find("anna").value();
  int64_t now = 1'000'000;
  SessionPolicy policy{.idle_seconds = 600, .absolute_seconds = 3600, .clock = [&] { return now; }};
  Sessions sessions(store_->db(), policy);
  Result<Session> s = sessions.Create(anna, "127.0.0.1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->token.size(), 64u);
  Result<Stmt> q = store_->db().Prepare("SELECT count(*) FROM sessions WHERE token_hash=?");
  q->Bind(1, s->token);
  Result<bool> row = q->Step();
  ASSERT_TRUE(row.ok() && row.value());
  EXPECT_EQ(q->Int(0), 0) << "the cookie value itself must not be stored";

  now += 500;
  EXPECT_TRUE(sessions.Find(s->token).ok());
  now += 500;  // 500 s idle since the last request: still fine
  EXPECT_TRUE(sessions.Find(s->token).ok());
  now += 601;  // idle too long
  EXPECT_FALSE(sessions.Find(s->token).ok());

  Result<Session> t = sessions.Create(anna, "127.0.0.1");
  for (int i = 0; i < 7; ++i) {  // active all the time, but past the absolute limit in the end
    now += 550;
    EXPECT_EQ(sessions.Find(t->token).ok(), i < 6) << i;
  }
  Result<Session> u = sessions.Create(anna, "127.0.0.1");
  ASSERT_TRUE(users.SetDisabled("anna", true).ok());
  EXPECT_FALSE(sessions.Find(u->token).ok());
  EXPECT_FALSE(sessions.Find("").ok());
  EXPECT_FALSE(sessions.Find(std::string(64, 'a')).ok());
}

}  // namespace
}  // namespace scanstraat
