// `scanstraat serve`: the review screen and its JSON API (API.md) on one
// HTTP listener (cpp-httplib, the only file set that includes it). Each
// request thread borrows a ReviewService (its own store connection) from a
// pool; the rules are loaded once and shared.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "pipeline/extract/rule_set.h"
#include "pipeline/review/sessions.h"

namespace scanstraat {

struct ServeOptions {
  std::filesystem::path workspace;
  std::string host = "127.0.0.1";
  int port = 8080;                    // 0: any free port (printed when listening)
  std::shared_ptr<const RuleSet> rules;
  bool secure_cookies = false;        // add `Secure` (behind a TLS proxy)
  SessionPolicy sessions;
  int login_max_failures = 5;
  int64_t login_window_seconds = 15 * 60;
};

// Serves until SIGINT or SIGTERM. Prints "scanstraat serve: listening on
// http://HOST:PORT" on stderr once it accepts connections. Returns the exit
// code (0 after a signal, 1 when it cannot listen).
int Serve(const ServeOptions& options);

}  // namespace scanstraat
