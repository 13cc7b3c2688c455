// Every input the fuzzers found a problem with (fuzz/regressions/<target>/),
// fed through the same intake code as the fuzz target (fuzz/intake_driver.h),
// in the normal build: each must end as a Status with a documented code, never
// as a crash, an exception or a hang. A file named NAME.<code>.EXT (e.g.
// bomb.too_large.gif) must end with exactly that code. Under
// scripts/sanitize.sh address the same inputs also run under ASan+UBSan.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/intake_driver.h"

namespace scanstraat {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(SCANSTRAAT_SOURCE_DIR) / "fuzz" / "regressions";
// The intake targets; rule_loader/ is tested in tests/extract/ (it needs ss_extract).
const std::set<std::string> kIntakeTargets = {"pdf_intake", "image_intake"};
const std::set<std::string> kOtherTargets = {"rule_loader"};

struct Case {
  std::string target;  // folder name = fuzz target
  fs::path file;
};

std::vector<Case> AllCases() {
  std::vector<Case> cases;
  std::error_code ec;
  for (const auto& dir : fs::directory_iterator(kRegressions, ec)) {
    if (!dir.is_directory()) continue;
    std::string target = dir.path().filename().string();
    if (!kIntakeTargets.count(target)) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (f.is_regular_file() && f.path().filename().string()[0] != '.') cases.push_back({target, f.path()});
    }
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.file < b.file; });
  return cases;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class FuzzRegression : public testing::TestWithParam<Case> {};

TEST_P(FuzzRegression, EndsAsADocumentedStatus) {
  static const bool quiet = (fuzz::QuietLibraries(), true);
  (void)quiet;
  const Case& c = GetParam();
  std::string bytes = ReadFile(c.file);
  Status s;
  EXPECT_NO_THROW(s = c.target == "pdf_intake" ? fuzz::DrivePdfIntake(bytes) : fuzz::DriveImageIntake(bytes))
      << c.file;
  // The codes OpenSourceDocument and LoadPage document for bad input; anything
  // else (internal, io_error, ...) would be a bug on our side.
  static const std::set<Code> kDocumented = {Code::kOk,          Code::kCorrupt,  Code::kEncrypted,
                                             Code::kEmpty,       Code::kUnsupported, Code::kTooLarge};
  EXPECT_TRUE(kDocumented.count(s.code())) << c.file << ": " << s.ToString();
  if (!s.ok()) EXPECT_FALSE(s.message().empty()) << c.file;
  const std::string name = c.file.filename().string();
  for (Code code : kDocumented) {
    if (name.find("." + std::string(CodeName(code)) + ".") != std::string::npos) {
      EXPECT_EQ(s.code(), code) << c.file << ": " << s.ToString();
    }
  }
}

// Fails when a regression folder is added for a target nobody runs here.
TEST(FuzzRegressionFolders, EveryFolderIsAKnownTarget) {
  std::error_code ec;
  for (const auto& dir : fs::directory_iterator(kRegressions, ec)) {
    if (!dir.is_directory()) continue;
    std::string target = dir.path().filename().string();
    EXPECT_TRUE(kIntakeTargets.count(target) || kOtherTargets.count(target))
        << "fuzz/regressions/" << target << " is not run by any test";
  }
  EXPECT_FALSE(ec) << kRegressions << ": " << ec.message();
}

std::string CaseName(const testing::TestParamInfo<Case>& info) {
  std::string name = info.param.target + "_" + info.param.file.filename().string();
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Inputs, FuzzRegression, testing::ValuesIn(AllCases()), CaseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FuzzRegression);

}  // namespace
}  // namespace scanstraat
