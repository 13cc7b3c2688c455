// `scanstraat serve`: the review screen.
#include <cstdio>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/review_common.h"
#include "pipeline/core/log.h"
#include "pipeline/serve/server.h"

namespace scanstraat {
namespace {

constexpr const char* kHelp = R"(Usage: scanstraat serve [--workspace DIR] [--listen HOST:PORT] [--rules DIR]
                       [--secure-cookies]

Serves the review screen and its JSON API (pipeline/serve/API.md) over HTTP:
reviewers log in (accounts: scanstraat users), work the queue of open review
cases, correct fields and approve (the document is archived) or reject.
Everything needed is inside the program; open http://HOST:PORT/ in Chromium
or Firefox. A run may work on the same workspace at the same time.

Put it behind a TLS-terminating proxy when reviewers are not on this
machine, and give --secure-cookies there.

Options:
  --workspace DIR       the workspace (default: $SCANSTRAAT_WORKSPACE, else ./workspace)
  --listen HOST:PORT    where to listen (default 127.0.0.1:8080; port 0 picks a
                        free port, printed on standard error)
  --rules DIR           the rules the fields are shown and checked by (default ./rules)
  --secure-cookies      mark the session cookie Secure (HTTPS via a proxy)
  -h, --help            show this help

Stops on SIGINT or SIGTERM. Exit codes: 0 stopped by a signal; 1 cannot
listen; 2 bad arguments; 3 no workspace.
)";

}  // namespace

int ServeCommand(const std::vector<std::string>& args) {
  Result<ParsedArgs> parsed = ParseArgs(args, {"workspace", "listen", "rules"}, {"help", "h", "secure-cookies"});
  if (!parsed.ok()) return UsageError("serve", parsed.status().message());
  if (parsed->Has("help") || parsed->Has("h")) return Usage(kHelp);
  if (!parsed->positional.empty()) return UsageError("serve", "unexpected argument " + parsed->positional[0]);
  ServeOptions o;
  o.workspace = WorkspaceFrom(*parsed);
  const std::string listen = parsed->Get("listen").value_or("127.0.0.1:8080");
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return UsageError("serve", "--listen takes HOST:PORT");
  o.host = listen.substr(0, colon);
  Result<int64_t> port = ParseInt("listen", listen.substr(colon + 1), 0, 65535);
  if (!port.ok()) return UsageError("serve", port.status().message());
  o.port = static_cast<int>(*port);
  o.secure_cookies = parsed->Has("secure-cookies");
  Result<std::shared_ptr<const RuleSet>> rules = LoadReviewRules(*parsed);
  if (!rules.ok()) return UsageError("serve", rules.status().message());
  o.rules = *rules;
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(o.workspace);
  if (!store.ok()) {
    LogError(store.status().message());
    return 3;
  }
  store->reset();
  return Serve(o);
}

}  // namespace scanstraat
