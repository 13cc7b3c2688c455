// Accounts of the review screen and their roles (`scanstraat users …`).
//
//   reviewer   works the queue: corrects, approves, rejects
//   senior     a reviewer who may also give the second approval (four eyes)
//   archivist  reads the queue and cases (to improve rules); no clear
//              personal data, no decisions
//   auditor    reads the audit log only
//   admin      all of the above
//
// Thread-safety: a Users is used by one thread at a time (like its Db).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/store/sqlite_db.h"

namespace scanstraat {

enum class Role { kReviewer, kSenior, kArchivist, kAuditor, kAdmin };

[[nodiscard]] std::optional<Role> ParseRole(std::string_view name);
[[nodiscard]] std::string_view RoleName(Role role);

// What a role may do.
[[nodiscard]] bool MayReadCases(Role r);       // queue and case screen
[[nodiscard]] bool MayDecide(Role r);          // claim, correct, approve, reject
[[nodiscard]] bool MaySeeClear(Role r);        // reveal masked values
[[nodiscard]] bool MayApproveSecond(Role r);   // second approval of a `review: double` change
[[nodiscard]] bool MayReadAudit(Role r);

struct User {
  int64_t id = 0;
  std::string name;
  Role role = Role::kReviewer;
  bool disabled = false;
  std::string created_at;
};

// A name is 1–64 of [a-z0-9._-], starting with a letter or digit.
[[nodiscard]] bool ValidUserName(std::string_view name);

class Users {
 public:
  explicit Users(Db& db) : db_(db) {}

  // kInvalidArgument for a bad name or a short password, kConflict when the
  // name is taken.
  Status Add(const std::string& name, Role role, std::string_view password);
  Status SetPassword(const std::string& name, std::string_view password);
  Result<std::vector<User>> List();
  // Disabling also ends the user's sessions.
  Status SetDisabled(const std::string& name, bool disabled);
  Result<User> Find(const std::string& name);
  Result<User> FindById(int64_t id);
  // The user when the name exists, is enabled and the password matches;
  // otherwise kPermissionDenied with one message for every cause.
  Result<User> Authenticate(const std::string& name, std::string_view password);

 private:
  Db& db_;
};

}  // namespace scanstraat
