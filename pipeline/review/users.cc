#include "pipeline/review/users.h"

#include "pipeline/core/log.h"
#include "pipeline/review/password.h"

namespace scanstraat {
namespace {
constexpr const char* kRoles[] = {"reviewer", "senior", "archivist", "auditor", "admin"};

User UserFrom(const Stmt& q) {
  User u;
  u.id = q.Int(0);
  u.name = q.Text(1);
  u.role = ParseRole(q.Text(2)).value_or(Role::kReviewer);
  u.disabled = q.Int(3) != 0;
  u.created_at = q.Text(4);
  return u;
}

constexpr const char* kSelect = "SELECT id, name, role, disabled, created_at FROM users ";
}  // namespace

std::optional<Role> ParseRole(std::string_view name) {
  for (int i = 0; i < 5; ++i)
    if (name == kRoles[i]) return static_cast<Role>(i);
  return std::nullopt;
}

std::string_view RoleName(Role role) { return kRoles[static_cast<int>(role)]; }

bool MayReadCases(Role r) { return r != Role::kAuditor; }
bool MayDecide(Role r) { return r == Role::kReviewer || r == Role::kSenior || r == Role::kAdmin; }
bool MaySeeClear(Role r) { return MayDecide(r); }
bool MayApproveSecond(Role r) { return r == Role::kSenior || r == Role::kAdmin; }
bool MayReadAudit(Role r) { return r == Role::kAuditor || r == Role::kAdmin; }

bool ValidUserName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

Status Users::Add(const std::string& name, Role role, std::string_view password) {
  if (!ValidUserName(name))
    return Status::InvalidArgument("a user name is 1 to 64 of a-z, 0-9, '.', '_' and '-'");
  if (password.size() < kMinPasswordLength)
    return Status::InvalidArgument("the password must be at least " +
                                   std::to_string(kMinPasswordLength) + " characters");
  if (Find(name).ok()) return Status::Conflict("user " + name + " exists");
  SS_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare(
      "INSERT INTO users(name, role, password_hash, created_at) VALUES(?, ?, ?, ?)"));
  st.Bind(1, name).Bind(2, std::string(RoleName(role))).Bind(3, hash).Bind(4, UtcNowIso());
  return st.Run();
}

Status Users::SetPassword(const std::string& name, std::string_view password) {
  if (password.size() < kMinPasswordLength)
    return Status::InvalidArgument("the password must be at least " +
                                   std::to_string(kMinPasswordLength) + " characters");
  SS_ASSIGN_OR_RETURN(User u, Find(name));
  SS_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  return db_.Transaction([&]() -> Status {
    SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare("UPDATE users SET password_hash=? WHERE id=?"));
    st.Bind(1, hash).Bind(2, u.id);
    SS_RETURN_IF_ERROR(st.Run());
    SS_ASSIGN_OR_RETURN(Stmt end, db_.Prepare("DELETE FROM sessions WHERE user_id=?"));
    end.Bind(1, u.id);
    return end.Run();
  });
}

Result<std::vector<User>> Users::List() {
  SS_ASSIGN_OR_RETURN(Stmt q, db_.Prepare(std::string(kSelect) + "ORDER BY name"));
  std::vector<User> out;
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(UserFrom(q));
  }
  return out;
}

Status Users::SetDisabled(const std::string& name, bool disabled) {
  SS_ASSIGN_OR_RETURN(User u, Find(name));
  return db_.Transaction([&]() -> Status {
    SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare("UPDATE users SET disabled=? WHERE id=?"));
    st.Bind(1, disabled ? 1 : 0).Bind(2, u.id);
    SS_RETURN_IF_ERROR(st.Run());
    if (!disabled) return Status::Ok();
    SS_ASSIGN_OR_RETURN(Stmt end, db_.Prepare("DELETE FROM sessions WHERE user_id=?"));
    end.Bind(1, u.id);
    return end.Run();
  });
}

Result<User> Users::Find(const std::string& name) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_.Prepare(std::string(kSelect) + "WHERE name=?"));
  q.Bind(1, name);
  SS_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return Status::NotFound("no user " + name);
  return UserFrom(q);
}

Result<User> Users::FindById(int64_t id) {
  SS_ASSIGN_OR_RETURN(Stmt q, db_.Prepare(std::string(kSelect) + "WHERE id=?"));
  q.Bind(1, id);
  SS_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return Status::NotFound("no user with id " + std::to_string(id));
  return UserFrom(q);
}

Result<User> Users::Authenticate(const std::string& name, std::string_view password) {
  const Status wrong = Status::PermissionDenied("wrong name or password, or the account is disabled");
  SS_ASSIGN_OR_RETURN(Stmt q, db_.Prepare(
      "SELECT id, name, role, disabled, created_at, password_hash FROM users WHERE name=?"));
  q.Bind(1, name);
  SS_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) {
    (void)VerifyPassword(DummyPasswordHash(), password);  // same time as a real check
    return wrong;
  }
  User u = UserFrom(q);
  const std::string hash = q.Text(5);
  if (!VerifyPassword(hash, password) || u.disabled) return wrong;
  return u;
}

}  // namespace scanstraat
