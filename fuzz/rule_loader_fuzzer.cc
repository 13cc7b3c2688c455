// libFuzzer target: arbitrary bytes as a rule file. The bytes are written as
// the only *.yaml file of a private folder and the folder is loaded with
// LoadRuleSet, as `scanstraat run --rules DIR` does: YAML parsing (yaml-cpp),
// the schema checks, RE2 compilation of patterns and the check-expression
// parser. A problem in the file must come back as a Status, never as a crash,
// an exception or a hang.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "pipeline/extract/rule_set.h"

namespace {

std::filesystem::path g_dir;   // the private folder, made once
std::filesystem::path g_file;  // g_dir/fuzz.yaml

void RemoveDir() {
  std::error_code ec;
  std::filesystem::remove_all(g_dir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "scanstraat-rule-fuzz-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  g_dir = tmpl;
  g_file = g_dir / "fuzz.yaml";
  std::atexit(RemoveDir);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FILE* f = std::fopen(g_file.c_str(), "wb");
  if (f == nullptr || std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0) {
    std::perror("writing the rule file");
    std::abort();
  }
  scanstraat::Result<scanstraat::RuleSet> set = scanstraat::LoadRuleSet(g_dir);
  (void)set.ok();
  return 0;
}
