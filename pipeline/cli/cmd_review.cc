// `scanstraat review`: the review queue from the command line, for reviewers
// and scripts. The same checks, claims and audit entries as the screen.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/review_common.h"
#include "pipeline/core/log.h"
#include "pipeline/review/review_service.h"

namespace scanstraat {
namespace {
using json = nlohmann::json;

constexpr const char* kHelp = R"(Usage: scanstraat review list [--type DOCTYPE] [--reason REASON] [--json]
       scanstraat review show CASE [--reveal FIELD]... [--json]
       scanstraat review approve CASE [--set FIELD=VALUE]...
       scanstraat review reject CASE --reason TEXT
  (each also takes --user NAME, --workspace DIR, --rules DIR)

The review queue from the command line. Commands act as the Scanstraat user
given by --user (or $SCANSTRAAT_USER), with that user's role, and are audited
like the review screen. `show`, `approve` and `reject` claim the case first
(refused while another reviewer holds it) and release it afterwards.

  list      open cases, oldest first, with their reasons
  show      the case's fields; masked fields stay masked unless named with
            --reveal (each reveal is audited)
  approve   applies the corrections (validated like the screen: 11-proef,
            IBAN, dates…) and approves: the document is archived, or waits
            for a second approval by a senior when a `review: double` field
            changed. VALUE "" records that the field is not on the document.
  reject    closes the case with a reason; nothing is archived

Options:
  --user NAME       act as this Scanstraat user (default: $SCANSTRAAT_USER)
  --type DOCTYPE, --reason REASON   filter the list (REASON: e.g. invalid or invalid:bsn)
  --set FIELD=VALUE a correction (repeatable)
  --reveal FIELD    show FIELD in clear (repeatable)
  --json            print JSON
  --workspace DIR   the workspace (default: $SCANSTRAAT_WORKSPACE, else ./workspace)
  --rules DIR       the rules the fields are shown and checked by (default ./rules)
  -h, --help        show this help

Exit codes: 0 done (approve: archived or waiting for the second approval);
1 refused (role, claim, invalid value, not ready); 2 bad arguments;
3 no workspace, or the archive could not be written.
)";

int Fail(const Status& s) {
  LogError(s.message());
  switch (s.code()) {
    case Code::kPermissionDenied:
    case Code::kConflict:
    case Code::kInvalidArgument:
    case Code::kNotFound:
      return 1;
    default:
      return 3;
  }
}

void PrintCase(const json& c, const std::map<std::string, json>& revealed) {
  std::printf("case %lld  document %s  type %s  state %s%s\n", c["id"].get<long long>(),
              c["doc"].get<std::string>().c_str(), c["doctype"]["id"].get<std::string>().c_str(),
              c["state"].get<std::string>().c_str(), c["awaiting_second"].get<bool>() ? " (awaiting second approval)" : "");
  std::string reasons;
  for (const json& r : c["reasons"]) reasons += (reasons.empty() ? "" : " ") + r.get<std::string>();
  std::printf("reasons: %s\n", reasons.empty() ? "-" : reasons.c_str());
  for (const json& f : c["fields"]) {
    const std::string name = f["name"];
    json value = revealed.count(name) ? revealed.at(name) : f["value"];
    std::string shown = value.is_null() ? "-" : value.is_string() ? value.get<std::string>() : value.dump();
    std::string flags;
    if (f["doubtful"].get<bool>()) flags += " doubtful";
    if (!f["valid"].get<bool>() && !f["value"].is_null()) flags += " invalid";
    if (f["corrected"].get<bool>()) flags += " corrected";
    if (f["second_needed"].get<bool>()) flags += " needs-second";
    std::printf("  %-22s %-28s conf %.2f%s\n", name.c_str(), shown.c_str(), f["confidence"].get<double>(),
                flags.c_str());
  }
}

}  // namespace

int ReviewCommand(const std::vector<std::string>& args) {
  Result<ParsedArgs> parsed = ParseArgs(args, {"workspace", "rules", "user", "type", "reason", "set", "reveal"},
                                        {"help", "h", "json"});
  if (!parsed.ok()) return UsageError("review", parsed.status().message());
  if (parsed->Has("help") || parsed->Has("h") || parsed->positional.empty()) return Usage(kHelp);
  const std::string action = parsed->positional[0];
  Result<std::shared_ptr<const RuleSet>> rules = LoadReviewRules(*parsed);
  if (!rules.ok()) return UsageError("review", rules.status().message());
  Result<std::unique_ptr<ReviewService>> service = ReviewService::Open(WorkspaceFrom(*parsed), *rules);
  if (!service.ok()) {
    LogError(service.status().message());
    return 3;
  }
  ReviewService& s = **service;
  Result<Actor> actor = CliActor(s, *parsed);
  if (!actor.ok()) return Fail(actor.status());

  if (action == "list") {
    Result<json> q = s.Queue(*actor, {parsed->Get("type").value_or(""), parsed->Get("reason").value_or("")});
    if (!q.ok()) return Fail(q.status());
    if (parsed->Has("json")) {
      std::printf("%s\n", (*q)["cases"].dump().c_str());
      return 0;
    }
    std::printf("%-6s %-12s %-22s %-20s %-12s %s\n", "CASE", "DOCUMENT", "TYPE", "CREATED", "CLAIMED", "REASONS");
    for (const json& c : (*q)["cases"]) {
      std::string reasons;
      for (const json& r : c["reasons"]) reasons += (reasons.empty() ? "" : " ") + r.get<std::string>();
      std::printf("%-6lld %-12s %-22s %-20s %-12s %s\n", c["id"].get<long long>(), c["doc"].get<std::string>().c_str(),
                  c["doctype"].get<std::string>().c_str(), c["created_at"].get<std::string>().substr(0, 19).c_str(),
                  c["claimed_by"].is_null() ? "-" : c["claimed_by"].get<std::string>().c_str(), reasons.c_str());
    }
    return 0;
  }
  if (parsed->positional.size() != 2) return UsageError("review", action + " takes one CASE number");
  Result<int64_t> id = ParseInt("CASE", parsed->positional[1], 1, INT64_MAX);
  if (!id.ok()) return UsageError("review", id.status().message());

  if (action != "show" && action != "approve" && action != "reject")
    return UsageError("review", "unknown action " + action + " (list, show, approve, reject)");
  if (action == "reject" && parsed->Get("reason").value_or("").empty())
    return UsageError("review", "reject needs --reason TEXT");
  Result<int64_t> claim = s.Claim(*actor, *id);
  if (!claim.ok()) return Fail(claim.status());
  struct ReleaseAtEnd {
    ReviewService& s;
    const Actor& a;
    int64_t id;
    ~ReleaseAtEnd() { (void)s.Release(a, id); }
  } release{s, *actor, *id};

  if (action == "show") {
    Result<json> c = s.Show(*actor, *id);
    if (!c.ok()) return Fail(c.status());
    std::map<std::string, json> revealed;
    for (const std::string& field : parsed->GetAll("reveal")) {
      Result<json> v = s.Reveal(*actor, *id, field);
      if (!v.ok()) return Fail(v.status());
      revealed[field] = (*v)["value"];
    }
    if (parsed->Has("json")) {
      json out = *c;
      for (json& f : out["fields"])
        if (revealed.count(f["name"])) {
          f["value"] = revealed[f["name"]];
          f["masked"] = false;
        }
      std::printf("%s\n", out.dump().c_str());
    } else {
      PrintCase(*c, revealed);
    }
    return 0;
  }
  if (action == "reject") {
    Status st = s.Reject(*actor, *id, *parsed->Get("reason"));
    if (!st.ok()) return Fail(st);
    std::printf("case %lld rejected\n", static_cast<long long>(*id));
    return 0;
  }
  for (const std::string& set : parsed->GetAll("set")) {
    const size_t eq = set.find('=');
    if (eq == std::string::npos || eq == 0) return UsageError("review", "--set takes FIELD=VALUE");
    Result<json> c = s.Correct(*actor, *id, set.substr(0, eq), json(set.substr(eq + 1)));
    if (!c.ok()) {
      // Name the field, never the value (it may be personal data).
      LogError("field " + set.substr(0, eq) + ": " + c.status().message());
      return 1;
    }
  }
  Result<ApproveResult> r = s.Approve(*actor, *id);
  if (!r.ok()) return Fail(r.status());
  if (r->state == "approved")
    std::printf("case %lld approved and archived: %s\n", static_cast<long long>(*id),
                r->archive.value("pdf", std::string("?")).c_str());
  else
    std::printf("case %lld approved once; it now waits for a second approval by a senior\n",
                static_cast<long long>(*id));
  return 0;
}

}  // namespace scanstraat
