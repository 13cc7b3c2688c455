// Data-driven document tests: every tests/extract/data/docs/*.expect is one
// case, run with the shipped rules/ on the page layout beside it (NAME.page,
// or the file named by a `layout` line). Expectation lines:
//   mode archive|intake      today YYYY-MM-DD       doctype ID
//   field NAME VALUE         (VALUE "-": not found; repeat fields: a,b,c)
//   check NAME passed|failed|skipped
//   decision archive|review  reasons r1,r2 (exact, in order; empty: none)
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "pipeline/extract/analyze.h"
#include "pipeline/extract/explain.h"
#include "pipeline/extract/rule_set.h"
#include "tests/extract/page_fixture.h"

namespace scanstraat {
namespace {

namespace fs = std::filesystem;
const fs::path kDocs = fs::path(SCANSTRAAT_SOURCE_DIR) / "tests/extract/data/docs";
const fs::path kRules = fs::path(SCANSTRAAT_SOURCE_DIR) / "rules";

std::vector<std::string> Cases() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kDocs)) {
    if (e.path().extension() == ".expect") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

const RuleSet& Rules() {
  static const RuleSet* rules = [] {
    auto r = LoadRuleSet(kRules);
    if (!r.ok()) {
      ADD_FAILURE() << r.status().ToString();
      return new RuleSet();
    }
    return new RuleSet(std::move(r).value());
  }();
  return *rules;
}

std::string JoinValues(const nlohmann::json& v) {
  if (v.is_null()) return "-";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_array()) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + x.get<std::string>();
    return s;
  }
  return v.get<std::string>();
}

class DocCase : public ::testing::TestWithParam<std::string> {};

TEST_P(DocCase, MatchesExpectation) {
  const std::string expect_path = (kDocs / (GetParam() + ".expect")).string();
  std::istringstream expect(testing::ReadFile(expect_path));
  std::string layout = GetParam() + ".page";
  AnalyzeOptions options;
  std::vector<std::string> lines;
  for (std::string line; std::getline(expect, line);) {
    if (line.rfind("layout ", 0) == 0) layout = line.substr(7);
    if (line == "mode archive") options.archive_mode = true;
    if (line.rfind("today ", 0) == 0) options.today = line.substr(6);
    lines.push_back(line);
  }
  const std::string layout_text = testing::ReadFile((kDocs / layout).string());
  ASSERT_FALSE(layout_text.empty()) << "cannot read " << layout;
  const std::vector<PageText> pages = testing::ParseLayout(layout_text);
  const Analysis a = Analyze(Rules(), pages, "doc-" + GetParam(), options);
  const nlohmann::json j = ToResultJson(a);
  const std::string explain = Explain(a, Rules());
  int line_no = 0;
  for (const std::string& line : lines) {
    ++line_no;
    SCOPED_TRACE(expect_path + ":" + std::to_string(line_no) + "\n" + explain);
    std::istringstream in(line);
    std::string key;
    in >> key;
    std::string rest;
    std::getline(in, rest);
    if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    if (key == "doctype") {
      EXPECT_EQ(j["doctype"]["id"], rest);
    } else if (key == "field") {
      const size_t sp = rest.find(' ');
      const std::string name = rest.substr(0, sp);
      const std::string value = sp == std::string::npos ? "" : rest.substr(sp + 1);
      ASSERT_TRUE(j["fields"].contains(name)) << "no field " << name;
      EXPECT_EQ(JoinValues(j["fields"][name]["value"]), value) << "field " << name;
    } else if (key == "check") {
      const size_t sp = rest.find(' ');
      bool seen = false;
      for (const auto& c : j["checks"]) {
        if (c["name"] == rest.substr(0, sp)) {
          EXPECT_EQ(c["result"], rest.substr(sp + 1));
          seen = true;
        }
      }
      EXPECT_TRUE(seen) << "no check " << rest;
    } else if (key == "decision") {
      EXPECT_EQ(j["route"]["decision"], rest);
    } else if (key == "reasons") {
      std::string got;
      for (const auto& r : j["route"]["reasons"]) got += (got.empty() ? "" : ",") + r.get<std::string>();
      EXPECT_EQ(got, rest);
    }
  }
  // Every value found carries page, box, raw text and its rule.
  for (const auto& [name, f] : j["fields"].items()) {
    EXPECT_TRUE(f["rules"].get<std::string>().find('@') != std::string::npos) << name;
    EXPECT_TRUE(f["rule"].get<std::string>().find(".yaml:") != std::string::npos) << name;
    if (!f["value"].is_null()) {
      EXPECT_GE(f["page"].get<int>(), 1) << name;
      EXPECT_EQ(f["bbox"].size(), 4u) << name;
      EXPECT_FALSE(f["raw"].get<std::string>().empty()) << name;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Docs, DocCase, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(DocCases, ThereAreCases) { EXPECT_GE(Cases().size(), 8u); }

}  // namespace
}  // namespace scanstraat
