// The `scanstraat` commands. Each takes its arguments (after the command
// name) and returns the process exit code; `--help` on each prints its usage.
#pragma once

#include <string>
#include <vector>

namespace scanstraat {

int RunCommand(const std::vector<std::string>& args, const std::vector<std::string>& full_argv);
int ResultsCommand(const std::vector<std::string>& args);
int SelfTestCommand(const std::vector<std::string>& args);
int RulesCommand(const std::vector<std::string>& args);
int ExplainCommand(const std::vector<std::string>& args);
int VerifyCommand(const std::vector<std::string>& args);
int RetentionCommand(const std::vector<std::string>& args);
int ServeCommand(const std::vector<std::string>& args);
int UsersCommand(const std::vector<std::string>& args);
int AuditCommand(const std::vector<std::string>& args);
int ReviewCommand(const std::vector<std::string>& args);

// Prints `text` and returns 0, or prints `error` and a hint and returns 2.
int Usage(const std::string& text);
int UsageError(const std::string& command, const std::string& error);

}  // namespace scanstraat
