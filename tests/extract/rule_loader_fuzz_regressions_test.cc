// Every rule file the rule_loader fuzzer found a problem with
// (fuzz/regressions/rule_loader/), loaded the way the fuzz target loads it: as
// the only *.yaml of a folder, through LoadRuleSet. Each must load or come back
// as InvalidArgument with a message, never crash or throw. Run under
// scripts/sanitize.sh address, ASan+UBSan also check the memory accesses.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/extract/rule_set.h"

namespace scanstraat {
namespace {

namespace fs = std::filesystem;

const fs::path kFolder = fs::path(SCANSTRAAT_SOURCE_DIR) / "fuzz" / "regressions" / "rule_loader";

std::vector<fs::path> AllFiles() {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(kFolder, ec)) {
    if (f.is_regular_file() && f.path().filename().string()[0] != '.') files.push_back(f.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class RuleLoaderFuzzRegression : public testing::TestWithParam<fs::path> {};

TEST_P(RuleLoaderFuzzRegression, LoadsOrReportsProblems) {
  std::string tmpl = (fs::temp_directory_path() / "scanstraat-rule-regression-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  const fs::path dir = tmpl;
  fs::copy_file(GetParam(), dir / "fuzz.yaml");
  Status s;
  EXPECT_NO_THROW({
    Result<RuleSet> set = LoadRuleSet(dir);
    s = set.status();
  }) << GetParam();
  EXPECT_TRUE(s.ok() || s.code() == Code::kInvalidArgument) << GetParam() << ": " << s.ToString();
  if (!s.ok()) EXPECT_NE(s.message().find("fuzz.yaml"), std::string::npos) << s.message();
  fs::remove_all(dir);
}

std::string CaseName(const testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.filename().string();
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Inputs, RuleLoaderFuzzRegression, testing::ValuesIn(AllFiles()), CaseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleLoaderFuzzRegression);

}  // namespace
}  // namespace scanstraat
