// scanstraat: the command-line entry point. Reads as a dispatch table; each
// command lives in its own cmd_*.cc.
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/cli/commands.h"
#include "pipeline/cli/omp_guard.h"

namespace {

constexpr const char* kVersion = "0.1.0";

constexpr const char* kHelp = R"(Usage: scanstraat COMMAND [options]

Scanstraat reads scanned documents, OCRs them, extracts their fields by
rules, and archives the sure ones or routes them to human review.

Commands:
  run INPUT...     process files and folders into the workspace (the nightly batch)
  results          print the result records as JSON Lines
  rules check|test check the rule files; run them on samples with expected results
  explain FILE     what the rules make of one document, and why
  verify           check the archive's files, checksums and metadata
  retention        list archived documents whose bewaartermijn has passed
  serve            the review screen for reviewers (HTTP, in the program)
  review           the review queue from the command line: list, show, approve, reject
  users            accounts and roles of the review screen
  audit list|verify  read the audit log; check its hash chain
  selftest         show engine versions and check the installation
  version          print the version
  help             show this help

`scanstraat COMMAND --help` shows the options of a command.
)";

}  // namespace

int main(int argc, char** argv) {
  scanstraat::EnsureOpenMpLimit(argv);
  std::vector<std::string> all(argv, argv + argc);
  if (argc < 2) {
    std::fputs(kHelp, stderr);
    return 2;
  }
  std::string cmd = argv[1];
  std::vector<std::string> rest(all.begin() + 2, all.end());
  if (cmd == "run") return scanstraat::RunCommand(rest, all);
  if (cmd == "results") return scanstraat::ResultsCommand(rest);
  if (cmd == "rules") return scanstraat::RulesCommand(rest);
  if (cmd == "explain") return scanstraat::ExplainCommand(rest);
  if (cmd == "verify") return scanstraat::VerifyCommand(rest);
  if (cmd == "retention") return scanstraat::RetentionCommand(rest);
  if (cmd == "serve") return scanstraat::ServeCommand(rest);
  if (cmd == "users") return scanstraat::UsersCommand(rest);
  if (cmd == "audit") return scanstraat::AuditCommand(rest);
  if (cmd == "review") return scanstraat::ReviewCommand(rest);
  if (cmd == "selftest") return scanstraat::SelfTestCommand(rest);
  if (cmd == "version" || cmd == "--version") {
    std::printf("scanstraat %s\n", kVersion);
    return 0;
  }
  if (cmd == "help" || cmd == "--help" || cmd == "-h") {
    std::fputs(kHelp, stdout);
    return 0;
  }
  std::fprintf(stderr, "scanstraat: unknown command '%s'\n\n%s", cmd.c_str(), kHelp);
  return 2;
}
