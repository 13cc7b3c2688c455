#include <cstdio>

#include "pipeline/cli/commands.h"

namespace scanstraat {

int Usage(const std::string& text) {
  std::fputs(text.c_str(), stdout);
  return 0;
}

int UsageError(const std::string& command, const std::string& error) {
  std::fprintf(stderr, "scanstraat %s: %s\nTry `scanstraat %s --help`.\n", command.c_str(),
               error.c_str(), command.c_str());
  return 2;
}

}  // namespace scanstraat
