// The rule loader and `rules check`: the shipped rules load cleanly, and each
// file in data/bad_rules/ produces the problem its first line announces
// ("# expect: LINE: message part"), at that line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/extract/rule_set.h"
#include "tests/extract/page_fixture.h"

namespace scanstraat {
namespace {

namespace fs = std::filesystem;
const fs::path kRules = fs::path(SCANSTRAAT_SOURCE_DIR) / "rules";
const fs::path kBad = fs::path(SCANSTRAAT_SOURCE_DIR) / "tests/extract/data/bad_rules";

std::vector<std::string> BadFiles() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kBad)) {
    if (e.path().extension() == ".yaml") names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class BadRule : public ::testing::TestWithParam<std::string> {};

TEST_P(BadRule, ReportsProblemAtLine) {
  const std::string text = testing::ReadFile((kBad / GetParam()).string());
  ASSERT_EQ(text.rfind("# expect: ", 0), 0u) << "first line must be '# expect: LINE: message'";
  const std::string expect = text.substr(10, text.find('\n') - 10);
  const int line = std::stoi(expect.substr(0, expect.find(':')));
  const std::string part = expect.substr(expect.find(':') + 2);
  std::vector<RuleProblem> problems;
  (void)ParseRuleFile(GetParam(), text, problems);
  ASSERT_FALSE(problems.empty()) << GetParam() << " loaded without problems";
  bool seen = false;
  std::string all;
  for (const auto& p : problems) {
    all += p.ToString() + "\n";
    EXPECT_EQ(p.file, GetParam());
    seen = seen || (p.line == line && p.message.find(part) != std::string::npos);
  }
  EXPECT_TRUE(seen) << "expected line " << line << " '" << part << "', got:\n" << all;
}

INSTANTIATE_TEST_SUITE_P(Files, BadRule, ::testing::ValuesIn(BadFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param.substr(0, info.param.size() - 5);
                         });

TEST(RuleSet, ShippedRulesLoadCleanly) {
  const auto problems = CheckRuleSet(kRules);
  for (const auto& p : problems) ADD_FAILURE() << p.ToString();
  auto rules = LoadRuleSet(kRules);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(rules->types.size(), 6u);
  for (const char* id : {"aanvraag_bijstand", "omgevingsvergunning", "verhuizing", "bezwaarschrift", "factuur",
                         "archiefstuk"}) {
    const DocTypeRule* t = rules->Find(id);
    ASSERT_NE(t, nullptr) << id;
    EXPECT_GE(t->version, 1);
    EXPECT_EQ(t->file, std::string(id) + ".yaml");
    EXPECT_FALSE(t->archive.name.empty());
  }
  ASSERT_NE(rules->ArchiveFallback(), nullptr);
  EXPECT_EQ(rules->ArchiveFallback()->id, "archiefstuk");
  const FieldRule* bsn = rules->Find("aanvraag_bijstand")->FindField("bsn");
  ASSERT_NE(bsn, nullptr);
  EXPECT_TRUE(bsn->mask);
  EXPECT_TRUE(bsn->required);
  EXPECT_EQ(bsn->review, "double");
  EXPECT_GT(bsn->line, 1);
}

TEST(RuleSet, LoadListsEveryProblemWithFileAndLine) {
  const fs::path dir = fs::temp_directory_path() / ("ss_rules_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(kBad / "unknown_type.yaml", dir / "a.yaml", fs::copy_options::overwrite_existing);
  fs::copy_file(kBad / "bad_regex.yaml", dir / "b.yaml", fs::copy_options::overwrite_existing);
  auto rules = LoadRuleSet(dir);
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.status().message().find("a.yaml:14"), std::string::npos) << rules.status().message();
  EXPECT_NE(rules.status().message().find("b.yaml:10"), std::string::npos) << rules.status().message();
  fs::remove_all(dir);
}

TEST(RuleSet, DuplicateTypeAcrossFiles) {
  const fs::path dir = fs::temp_directory_path() / ("ss_rules_dup_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(kRules / "factuur.yaml", dir / "factuur.yaml", fs::copy_options::overwrite_existing);
  fs::copy_file(kRules / "factuur.yaml", dir / "factuur_kopie.yaml", fs::copy_options::overwrite_existing);
  const auto problems = CheckRuleSet(dir);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, "factuur_kopie.yaml");
  EXPECT_NE(problems[0].message.find("defined in another file"), std::string::npos);
  fs::remove_all(dir);
}

TEST(RuleSet, VocabularyComesFromAVocabularyFileOfTheRuleSet) {
  const fs::path dir = fs::temp_directory_path() / ("ss_rules_vocab_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(kRules / "verhuizing.yaml", dir / "verhuizing.yaml", fs::copy_options::overwrite_existing);
  // Without it: a problem at the field's vocabulary line.
  auto problems = CheckRuleSet(dir);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, "verhuizing.yaml");
  EXPECT_GT(problems[0].line, 0);
  EXPECT_NE(problems[0].message.find("unknown vocabulary 'woonplaatsen'"), std::string::npos);
  {
    std::ofstream out(dir / "plaatsen.yaml");
    out << "# places\nvocabulary: woonplaatsen\nwords: [Haarlem, \"'s-Gravenhage\"]\n";
  }
  auto rules = LoadRuleSet(dir);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(rules->types.size(), 1u);  // a vocabulary file is no document type
  const FieldRule* woonplaats = rules->Find("verhuizing")->FindField("woonplaats");
  ASSERT_NE(woonplaats, nullptr);
  EXPECT_EQ(woonplaats->vocabulary, (std::vector<std::string>{"Haarlem", "'s-Gravenhage"}));
  fs::remove_all(dir);
}

TEST(RuleSet, MissingFolderIsAnError) {
  EXPECT_FALSE(LoadRuleSet("/nonexistent/rules").ok());
  EXPECT_FALSE(CheckRuleSet("/nonexistent/rules").empty());
}

}  // namespace
}  // namespace scanstraat
