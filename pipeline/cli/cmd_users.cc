// `scanstraat users`: accounts of the review screen.
#include <cstdio>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/review_common.h"
#include "pipeline/core/log.h"
#include "pipeline/review/review_service.h"

namespace scanstraat {
namespace {

constexpr const char* kHelp = R"(Usage: scanstraat users add NAME --role ROLE [--workspace DIR]
       scanstraat users list [--workspace DIR]
       scanstraat users disable NAME [--workspace DIR]
       scanstraat users enable NAME [--workspace DIR]
       scanstraat users password NAME [--workspace DIR]

Accounts of the review screen (scanstraat serve). `add` and `password` read
the password from the first line of standard input (at least 12 characters);
it is stored as an Argon2id hash. Disabling a user, or setting a new
password, ends their sessions at once. Every change is in the audit log.

Roles:
  reviewer   works the queue: corrects, approves, rejects
  senior     a reviewer who may also give the second approval of a
             `review: double` field
  archivist  reads the queue and cases (no clear personal data, no decisions)
  auditor    reads the audit log only
  admin      all of the above

Options:
  --role ROLE       the new user's role
  --workspace DIR   the workspace (default: $SCANSTRAAT_WORKSPACE, else ./workspace)
  -h, --help        show this help

Examples:
  printf '%s\n' "$PASSWORD" | scanstraat users add anna --role reviewer
  scanstraat users disable anna

Exit codes: 0 done; 1 refused (name taken, unknown user, short password);
2 bad arguments; 3 no workspace or it cannot be written.
)";

int Fail(const Status& s) {
  LogError(s.message());
  return s.code() == Code::kIOError || s.code() == Code::kInternal ? 3 : 1;
}

}  // namespace

int UsersCommand(const std::vector<std::string>& args) {
  Result<ParsedArgs> parsed = ParseArgs(args, {"workspace", "role"}, {"help", "h"});
  if (!parsed.ok()) return UsageError("users", parsed.status().message());
  if (parsed->Has("help") || parsed->Has("h") || parsed->positional.empty()) return Usage(kHelp);
  const std::string action = parsed->positional[0];
  Result<std::unique_ptr<ReviewService>> service = ReviewService::Open(WorkspaceFrom(*parsed), nullptr);
  if (!service.ok()) {
    LogError(service.status().message());
    return 3;
  }
  ReviewService& s = **service;
  const std::string origin = CliOrigin();
  if (action == "list") {
    Result<std::vector<User>> users = s.users().List();
    if (!users.ok()) return Fail(users.status());
    std::printf("%-24s %-10s %-9s %s\n", "NAME", "ROLE", "STATE", "CREATED");
    for (const User& u : *users)
      std::printf("%-24s %-10s %-9s %s\n", u.name.c_str(), std::string(RoleName(u.role)).c_str(),
                  u.disabled ? "disabled" : "active", u.created_at.c_str());
    return 0;
  }
  if (parsed->positional.size() != 2) return UsageError("users", action + " takes one user NAME");
  const std::string name = parsed->positional[1];
  Status result = Status::Ok();
  std::string detail;
  if (action == "add") {
    std::optional<Role> role = ParseRole(parsed->Get("role").value_or(""));
    if (!role) return UsageError("users", "give --role reviewer|senior|archivist|auditor|admin");
    Result<std::string> password = ReadPasswordLine();
    if (!password.ok()) return UsageError("users", password.status().message());
    result = s.users().Add(name, *role, *password);
    detail = "role=" + std::string(RoleName(*role));
  } else if (action == "password") {
    Result<std::string> password = ReadPasswordLine();
    if (!password.ok()) return UsageError("users", password.status().message());
    result = s.users().SetPassword(name, *password);
  } else if (action == "disable" || action == "enable") {
    result = s.users().SetDisabled(name, action == "disable");
  } else {
    return UsageError("users", "unknown action " + action + " (add, list, disable, enable, password)");
  }
  s.Audit({origin, "user_" + action, "user:" + (ValidUserName(name) ? name : "-"), AuditResult(result), origin,
           detail});
  if (!result.ok()) return Fail(result);
  std::printf("users %s %s: done\n", action.c_str(), name.c_str());
  return 0;
}

}  // namespace scanstraat
