// `scanstraat retention`: archived documents whose bewaartermijn has passed,
// the first step of a destruction list. Destroys nothing.
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

#include "pipeline/archive/mdto.h"
#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/core/log.h"
#include "pipeline/store/store.h"

namespace scanstraat {
namespace {

constexpr const char* kHelp = R"(Usage: scanstraat retention [--workspace DIR] [--due-before DATE] [--json]

Lists the archived documents to be destroyed (waardering V) whose
bewaartermijn ends on or before DATE: the term counts from the day the
document was archived. Documents to keep (B) are never listed. This is the
first step of a destruction list; nothing is deleted.

Columns: document id, document type, informatiecategorie (selectielijst),
waardering, bewaartermijn, archive date, due date.

Options:
  --workspace DIR     the workspace (default: $SCANSTRAAT_WORKSPACE, else ./workspace)
  --due-before DATE   YYYY-MM-DD (default: today, UTC)
  --json              JSON Lines instead of a table
  -h, --help          show this help

Exit codes: 0 listed (also when nothing is due); 2 bad arguments;
3 no workspace or it cannot be read.
)";

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

std::string Today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

int RetentionCommand(const std::vector<std::string>& args) {
  Result<ParsedArgs> parsed = ParseArgs(args, {"workspace", "due-before"}, {"json", "help", "h"});
  if (!parsed.ok()) return UsageError("retention", parsed.status().message());
  if (parsed->Has("help") || parsed->Has("h")) return Usage(kHelp);
  if (!parsed->positional.empty())
    return UsageError("retention", "unexpected argument " + parsed->positional[0]);
  std::string workspace = WorkspaceFrom(*parsed);
  std::string date = parsed->Get("due-before").value_or(Today());
  if (!IsDate(date) || !AddIsoDuration(date, "P0D").ok())
    return UsageError("retention", "--due-before takes a date like 2031-12-31, not '" + date + "'");
  const bool json = parsed->Has("json");

  Result<std::unique_ptr<Store>> store = Store::OpenExisting(workspace);
  if (!store.ok()) {
    LogError(store.status().message());
    return 3;
  }
  int listed = 0, bad = 0;
  if (!json)
    std::printf("%-64s  %-20s  %-8s  %-3s  %-6s  %-10s  %s\n", "document", "type", "category",
                "w", "term", "archived", "due");
  Status s = store.value()->ForEachArchivedDocument([&](const ArchivedDocument& a) {
    if (a.waardering != "V" || a.bewaartermijn.empty()) return;
    Result<std::string> due = AddIsoDuration(a.term_start, a.bewaartermijn);
    if (!due.ok()) {
      ++bad;
      LogWarn("doc " + ShortId(a.doc_id) + ": bewaartermijn '" + a.bewaartermijn +
              "' from " + a.term_start + " cannot be computed");
      return;
    }
    if (due.value() > date) return;
    ++listed;
    const std::string archived = a.archived_at.substr(0, 10);
    if (json) {
      nlohmann::ordered_json j = {{"document", a.doc_id}, {"doctype", a.doctype},
                                  {"doctype_name", a.doctype_name}, {"categorie", a.categorie},
                                  {"waardering", a.waardering}, {"bewaartermijn", a.bewaartermijn},
                                  {"term_start", a.term_start}, {"archived", archived},
                                  {"due", due.value()}};
      std::printf("%s\n", j.dump().c_str());
    } else {
      std::printf("%-64s  %-20s  %-8s  %-3s  %-6s  %-10s  %s\n", a.doc_id.c_str(), a.doctype.c_str(),
                  a.categorie.c_str(), a.waardering.c_str(), a.bewaartermijn.c_str(),
                  archived.c_str(), due->c_str());
    }
  });
  if (!s.ok()) {
    LogError(s.ToString());
    return 3;
  }
  if (!json) std::printf("%d documents due on or before %s\n", listed, date.c_str());
  return bad > 0 ? 3 : 0;
}

}  // namespace scanstraat
