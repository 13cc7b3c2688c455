// The shipped rules on real Tesseract output: data/tsv/NAME.tsv is
// `tesseract IMAGE NAME -l nld tsv` of a generated sample
// (tools/samplegen, seed 11) and NAME.expected.json its truth. What must
// hold: the type is right, and no value that is wrong is confident enough to
// pass its min_confidence (no silent errors). Documents whose expected route
// is review must go to review.
#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/extract/analyze.h"
#include "pipeline/extract/confidence.h"
#include "pipeline/extract/explain.h"
#include "tests/extract/page_fixture.h"

namespace scanstraat {
namespace {

namespace fs = std::filesystem;
const fs::path kTsv = fs::path(SCANSTRAAT_SOURCE_DIR) / "tests/extract/data/tsv";
const fs::path kRules = fs::path(SCANSTRAAT_SOURCE_DIR) / "rules";

std::vector<std::string> Cases() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kTsv)) {
    if (e.path().extension() == ".tsv") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class OcrTsv : public ::testing::TestWithParam<std::string> {};

TEST_P(OcrTsv, RightTypeAndNoSilentErrors) {
  auto rules = LoadRuleSet(kRules);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const auto pages = testing::ParseTesseractTsv(testing::ReadFile((kTsv / (GetParam() + ".tsv")).string()));
  ASSERT_FALSE(pages.empty());
  const auto expected =
      nlohmann::json::parse(testing::ReadFile((kTsv / (GetParam() + ".expected.json")).string()));
  AnalyzeOptions o;
  o.archive_mode = expected["mode"] == "archive";
  const Analysis a = Analyze(*rules, pages, GetParam(), o);
  const nlohmann::json j = ToResultJson(a);
  SCOPED_TRACE(Explain(a, *rules, {.show_personal_data = true}));
  ASSERT_EQ(j["doctype"]["id"], expected["doctype"]);
  const DocTypeRule* type = rules->Find(a.doctype);
  int right = 0;
  for (const auto& [name, want] : expected["fields"].items()) {
    const auto& got = j["fields"][name];
    if (got["value"] == want) {
      ++right;
      continue;
    }
    if (got["value"].is_null()) continue;  // missing: reported, not silent
    const FieldRule* rule = type->FindField(name);
    ASSERT_NE(rule, nullptr);
    EXPECT_TRUE(!got["valid"].get<bool>() || got["confidence"].get<double>() < rule->min_confidence)
        << name << " is wrong (" << got["value"] << ", want " << want << ") but confident "
        << got["confidence"];
  }
  EXPECT_GE(right, static_cast<int>(expected["fields"].size()) / 2) << "fewer than half the fields right";
  if (expected["route"] == "review") {
    EXPECT_EQ(j["route"]["decision"], "review");
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, OcrTsv, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           for (char& c : n) {
                             if (c == '-') c = '_';
                           }
                           return n;
                         });

TEST(OcrTsvParser, WordsLinesAndPages) {
  const std::string tsv =
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
      "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
      "5\t1\t1\t1\t1\t1\t100\t200\t150\t40\t96.5\tNaam\n"
      "5\t1\t1\t1\t1\t2\t300\t200\t200\t40\t80\tJansen\n"
      "5\t1\t2\t1\t1\t1\t100\t300\t100\t40\t91\tBSN\n"
      "1\t2\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
      "5\t2\t1\t1\t1\t1\t100\t200\t150\t40\t95\tPagina\n";
  const auto pages = testing::ParseTesseractTsv(tsv);
  ASSERT_EQ(pages.size(), 2u);
  ASSERT_EQ(pages[0].words.size(), 3u);
  ASSERT_EQ(pages[0].lines.size(), 2u);
  EXPECT_EQ(pages[0].lines[0].word_count, 2);
  EXPECT_EQ(pages[0].lines[1].block, 2);
  EXPECT_EQ(pages[0].words[1].box, (Box{300, 200, 500, 240}));
  EXPECT_FLOAT_EQ(pages[0].words[1].confidence, 0.8f);
  EXPECT_EQ(pages[0].text, "Naam Jansen\nBSN");
  EXPECT_EQ(pages[1].page_no, 2);
}

TEST(Calibration, TableAndCheck) {
  std::vector<CalibrationSample> s;
  for (int i = 0; i < 100; ++i) s.push_back({0.95, i < 97});  // 97% right at 0.95
  for (int i = 0; i < 100; ++i) s.push_back({0.55, i < 60});  // 60% right at 0.55
  const auto table = CalibrationTable(s, 10);
  ASSERT_EQ(table.size(), 10u);
  EXPECT_EQ(table[9].count, 100);
  EXPECT_DOUBLE_EQ(table[9].share_correct, 0.97);
  EXPECT_EQ(table[5].count_at_least, 200);
  EXPECT_DOUBLE_EQ(table[5].share_correct_at_least, 157.0 / 200);
  EXPECT_TRUE(IsCalibrated(table));
  s.push_back({1.0, false});
  for (int i = 0; i < 20; ++i) s.push_back({0.92, false});  // overconfident values
  EXPECT_FALSE(IsCalibrated(CalibrationTable(s, 10)));
  EXPECT_NE(FormatCalibrationTable(CalibrationTable(s, 10)).find("overconfident"), std::string::npos);
}

TEST(Calibration, ChecksumsAndRepairsMoveConfidence) {
  ConfidenceParts p{.ocr = 0.8, .label = 1.0, .pattern = 1.0};
  const double plain = CombineConfidence(p, true);
  p.checksum = true;
  const double with_checksum = CombineConfidence(p, true);
  p.repaired = true;
  const double repaired = CombineConfidence(p, true);
  EXPECT_GT(with_checksum, plain);
  EXPECT_LT(repaired, with_checksum);
  EXPECT_LE(CombineConfidence(p, false), 0.3);
  EXPECT_LT(CombineConfidence({.ocr = 1.0, .label = 1.0, .pattern = 1.0}, true), 1.0);
}

TEST(Calibration, FormattedNumbersWeighOcrLess) {
  // OCR at 0.85: a word 0.85^1.5 (0.78, below a minimum of 0.8), a date or
  // amount 0.85^1.0.
  ConfidenceParts p{.ocr = 0.85, .label = 1.0, .pattern = 1.0};
  EXPECT_NEAR(CombineConfidence(p, true), 0.7837, 1e-3);
  p.formatted_number = true;
  EXPECT_NEAR(CombineConfidence(p, true), 0.85, 1e-9);
  EXPECT_LE(CombineConfidence(p, false), 0.3);  // an invalid value stays capped
}

}  // namespace
}  // namespace scanstraat
