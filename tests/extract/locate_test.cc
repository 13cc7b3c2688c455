// Label matching and value positions on hand-made pages, with a small rule
// set written inline (tests/extract/data/test_rules/).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "pipeline/extract/analyze.h"
#include "pipeline/extract/explain.h"
#include "pipeline/extract/fuzzy_match.h"
#include "pipeline/extract/route.h"
#include "tests/extract/page_fixture.h"
#include "tests/extract/rules_fixture.h"

namespace scanstraat {
namespace {

using testing::Field;
using testing::TestRules;

Analysis AnalyzeLayout(const std::string& layout, AnalyzeOptions options = {}) {
  if (options.today.empty()) options.today = "2025-06-01";
  return Analyze(TestRules(), testing::ParseLayout(layout), "doc-1", options);
}

TEST(FuzzyMatch, KeysFoldCaseDiacriticsAndPunctuation) {
  EXPECT_EQ(MatchKey("Sofinummer/BSN:"), "sofinummerbsn");
  EXPECT_EQ(MatchKey("Geboortedätum"), "geboortedatum");
  EXPECT_DOUBLE_EQ(KeySimilarity("bsn", "bsm"), 0.0);  // short keys must be exact
  EXPECT_GT(KeySimilarity("burgerservicenummer", "burgerservlcenurnmer"), 0.8);
}

TEST(FuzzyMatch, LabelSpansSeveralWords) {
  const auto pages = testing::ParseLayout("100 100 Burger service nummer: 123456782\n");
  const auto spans = FindKey(pages[0], 0, MatchKey("Burgerservicenummer"), 0.8);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].first, 0);
  EXPECT_EQ(spans[0].count, 3);
  EXPECT_DOUBLE_EQ(spans[0].similarity, 1.0);
}

TEST(Positions, RightOfLabelStopsAtNextLabel) {
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Naam: Jansen Kenmerk: AB-12\n");
  EXPECT_EQ(Field(a, "naam").value, "Jansen");
  EXPECT_EQ(Field(a, "kenmerk").value, "AB-12");
  EXPECT_EQ(Field(a, "naam").how.find("right") != std::string::npos, true) << Field(a, "naam").how;
}

TEST(Positions, BelowTheLabel) {
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Naam\n150 100 de Wit\n");
  EXPECT_EQ(Field(a, "naam").value, "de Wit");
  EXPECT_NE(Field(a, "naam").how.find("below"), std::string::npos);
}

TEST(Positions, BelowTheLabelPastASpeck) {
  // A speck read as "_" just under the label is no row of text: the value is
  // the row under it.
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Naam\n140 90 _\n190 100 de Wit\n");
  EXPECT_EQ(Field(a, "naam").value, "de Wit");
}

TEST(Positions, RightOfLabelPastASpeck) {
  // A speck read as "'" between the label and its value, far from both,
  // does not end the value's phrase before it starts.
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Bedrag\n100 700 '\n100 1000 \u20ac 12,50\n");
  EXPECT_EQ(Field(a, "bedrag").value, "12.50");
}

TEST(Positions, SameCell) {
  // Label and value share an OCR block (a table cell), on two lines far apart.
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 b1 Omschrijving\n"
                                   "300 300 b1 Dakkapel aan de achterzijde\n100 1500 b2 Anders\n");
  EXPECT_EQ(Field(a, "omschrijving").value, "Dakkapel aan de achterzijde");
  EXPECT_NE(Field(a, "omschrijving").how.find("same_cell"), std::string::npos);
}

TEST(Positions, NextLine) {
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Datum ondertekening\n400 1200 3 april 2025\n");
  EXPECT_EQ(Field(a, "datum").value, "2025-04-03");
  EXPECT_NE(Field(a, "datum").how.find("next_line"), std::string::npos);
}

TEST(Positions, AfterInRunningText) {
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Wij ontvingen uw brief met kenmerk\n"
                         "150 100 AB-99 en danken u.\n");
  EXPECT_EQ(Field(a, "kenmerk").value, "AB-99");
}

TEST(Positions, FieldsOnALaterPage) {
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n---\n100 100 Naam: Pietersen\n");
  EXPECT_EQ(Field(a, "naam").value, "Pietersen");
  EXPECT_EQ(Field(a, "naam").page, 2);
}

TEST(Positions, LowOcrConfidenceLowersConfidence) {
  const Analysis sure = AnalyzeLayout("50 100 Testformulier\n100 100 Naam: Jansen\n");
  const Analysis unsure = AnalyzeLayout("50 100 Testformulier\n100 100 Naam: Jansen~0.40\n");
  EXPECT_GT(Field(sure, "naam").confidence, 0.8);
  EXPECT_LT(Field(unsure, "naam").confidence, 0.5);
  EXPECT_NE(std::find(unsure.reasons.begin(), unsure.reasons.end(), "low_confidence:naam"), unsure.reasons.end());
}

TEST(Positions, TwoLabelsWithDifferentValuesAreUnsure) {
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Naam: Jansen\n300 100 Naam: Pietersen\n");
  EXPECT_LT(Field(a, "naam").confidence, 0.6);
}

// --- checkboxes and choices by ink -------------------------------------------------------

TEST(Ink, ChoiceTakesTheFullestBox) {
  const std::string layout = "50 100 Testformulier\n100 100 Vervoer\n200 200 Auto\n200 600 Fiets\n200 1000 Lopen\n";
  AnalyzeOptions o;
  std::vector<Box> asked;
  o.ink_ratio = [&](int page, Box b) -> std::optional<double> {
    asked.push_back(b);
    return b.x1 <= 600 && b.x0 >= 500 ? 0.35 : 0.06;  // the box left of "Fiets"
  };
  const Analysis a = AnalyzeLayout(layout, o);
  EXPECT_EQ(Field(a, "vervoer").value, "fiets");
  EXPECT_TRUE(Field(a, "vervoer").valid);
  EXPECT_GT(Field(a, "vervoer").confidence, 0.9);
  ASSERT_EQ(asked.size(), 3u);
  // The box is left of the label, on its row; the middle 60% of a box the
  // label's height is asked for (the printed outline is not ink).
  EXPECT_LT(asked[1].x1, 600);
  EXPECT_NEAR(asked[1].height(), 0.6 * testing::kWordHeight, 2);
}

TEST(Ink, ASecondCrossWithLessInkStillCounts) {
  // Two crosses seldom leave the same ink; the lighter one is a tick too when
  // it has half the ink of the fuller one.
  AnalyzeOptions o;
  o.ink_ratio = [](int, Box b) -> std::optional<double> {
    return b.x1 <= 300 ? 0.36 : b.x1 <= 600 ? 0.22 : 0.04;
  };
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Vervoer\n200 200 Auto\n200 600 Fiets\n200 1000 Lopen\n", o);
  EXPECT_FALSE(Field(a, "vervoer").valid);
  EXPECT_EQ(Field(a, "vervoer").errors, std::vector<std::string>{"multiple_ticked"});
}

TEST(Ink, TwoFullBoxesAreInvalid) {
  AnalyzeOptions o;
  o.ink_ratio = [](int, Box b) -> std::optional<double> { return b.x1 <= 600 ? 0.33 : 0.05; };
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Vervoer\n200 200 Auto\n200 600 Fiets\n200 1000 Lopen\n", o);
  EXPECT_FALSE(Field(a, "vervoer").valid);
  EXPECT_EQ(Field(a, "vervoer").errors, std::vector<std::string>{"multiple_ticked"});
  EXPECT_NE(std::find(a.reasons.begin(), a.reasons.end(), "invalid:vervoer"), a.reasons.end());
}

TEST(Ink, NoBoxTickedIsMissing) {
  AnalyzeOptions o;
  o.ink_ratio = [](int, Box) -> std::optional<double> { return 0.05; };
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Vervoer\n200 200 Auto\n200 600 Fiets\n", o);
  EXPECT_FALSE(Field(a, "vervoer").found);
}

TEST(Ink, CheckboxThreshold) {
  AnalyzeOptions on, off;
  on.ink_ratio = [](int, Box) -> std::optional<double> { return 0.4; };
  off.ink_ratio = [](int, Box) -> std::optional<double> { return 0.02; };
  const std::string layout = "50 100 Testformulier\n100 200 Akkoord met voorwaarden\n";
  EXPECT_EQ(Field(AnalyzeLayout(layout, on), "akkoord").value, "true");
  EXPECT_EQ(Field(AnalyzeLayout(layout, off), "akkoord").value, "false");
  EXPECT_EQ(ToResultJson(AnalyzeLayout(layout, on))["fields"]["akkoord"]["value"], true);
}

TEST(Glyphs, TickMarksWithoutInkFunction) {
  for (const char* tick : {"X", "☒", "[x]", "✓"}) {
    const Analysis a = AnalyzeLayout(std::string("50 100 Testformulier\n100 100 Vervoer\n200 100 ") + tick +
                           " Auto\n200 600 ☐ Fiets\n");
    EXPECT_EQ(Field(a, "vervoer").value, "auto") << tick;
  }
  const Analysis none = AnalyzeLayout("50 100 Testformulier\n100 100 Vervoer\n200 200 Auto\n200 600 Fiets\n");
  EXPECT_FALSE(Field(none, "vervoer").found);
}

// --- classification, routing, modes -------------------------------------------------------

TEST(Routing, UnknownInIntakeArchiefInArchiveMode) {
  const std::string layout = "100 100 Een brief over iets heel anders op 3 maart 1932\n";
  const Analysis intake = AnalyzeLayout(layout);
  EXPECT_EQ(intake.doctype, "unknown");
  EXPECT_EQ(intake.reasons, std::vector<std::string>{"unknown_doctype"});
  EXPECT_EQ(intake.decision, "review");
  AnalyzeOptions o;
  o.archive_mode = true;
  const Analysis archive = AnalyzeLayout(layout, o);
  EXPECT_EQ(archive.doctype, "oud_stuk");
  EXPECT_TRUE(archive.fallback);
  EXPECT_EQ(archive.decision, "archive");
}

TEST(Routing, MustNotExcludesAType) {
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n80 100 Factuur\n100 100 Naam: Jansen\n");
  EXPECT_EQ(a.doctype, "unknown");
}

TEST(Routing, MissingRequiredAndFailedCheck) {
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Bedrag: 10,00\n140 100 Bedrag2: 5,00\n180 100 Som: 16,00\n");
  EXPECT_EQ(a.decision, "review");
  EXPECT_EQ(a.reasons, (std::vector<std::string>{"missing:naam", "check_failed:som_klopt"}));
}

TEST(Sampling, DeterministicAndNearTheRate) {
  int sampled = 0;
  for (int i = 0; i < 4000; ++i) {
    const std::string id = "doc-" + std::to_string(i);
    const bool s = SampledForReview(id, "seed", 0.1);
    EXPECT_EQ(s, SampledForReview(id, "seed", 0.1));
    sampled += s ? 1 : 0;
  }
  EXPECT_NEAR(sampled / 4000.0, 0.1, 0.02);
  EXPECT_FALSE(SampledForReview("doc", "seed", 0.0));
  EXPECT_TRUE(SampledForReview("doc", "seed", 1.0));
}

TEST(Sampling, OnlySureDocumentsGetSampledReason) {
  AnalyzeOptions o;
  o.sample_rate = 1.0;
  const Analysis sure = AnalyzeLayout("50 100 Testformulier\n100 100 Naam: Jansen\n", o);
  EXPECT_EQ(sure.reasons, std::vector<std::string>{"sampled"});
  EXPECT_EQ(sure.decision, "review");
  const Analysis doubtful = AnalyzeLayout("50 100 Testformulier\n100 100 Kenmerk: AB-1\n", o);
  EXPECT_EQ(doubtful.reasons, std::vector<std::string>{"missing:naam"});
}

TEST(Explain, SaysWhyAndMasksPersonalData) {
  const Analysis a = AnalyzeLayout("50 100 Testformulier\n100 100 Naam: Jansen\n140 100 BSN: 123456782\n");
  const std::string text = Explain(a, TestRules());
  EXPECT_NE(text.find("Type: testformulier@2"), std::string::npos) << text;
  EXPECT_NE(text.find("*****6782"), std::string::npos) << text;
  EXPECT_EQ(text.find("123456782"), std::string::npos) << text;
  EXPECT_NE(text.find("label 'BSN:'"), std::string::npos) << text;
  EXPECT_NE(text.find("check digits hold"), std::string::npos) << text;
  EXPECT_NE(Explain(a, TestRules(), {.show_personal_data = true}).find("123456782"), std::string::npos);
}

TEST(Threads, OneRuleSetManyThreads) {
  const auto pages = testing::ParseLayout("50 100 Testformulier\n100 100 Naam: Jansen Kenmerk: AB-12\n");
  AnalyzeOptions o;
  o.today = "2025-06-01";
  const nlohmann::json expected = ToResultJson(Analyze(TestRules(), pages, "d", o));
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (ToResultJson(Analyze(TestRules(), pages, "d", o)) != expected) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace scanstraat

namespace scanstraat {
namespace {

// Reading again only where it can change the route (route.h).
TEST(Routing, RereadOnlyWhereItCanChangeTheOutcome) {
  struct Case {
    std::vector<std::string> reasons;
    bool reread;
  };
  const std::vector<Case> cases = {
      {{}, true},                                                  // bound for the archive: check
      {{"low_confidence:postcode"}, true},
      {{"invalid:bsn", "low_confidence:huisnummer"}, true},
      {{"check_failed:totaal_is_som", "invalid:btw_bedrag"}, true},
      {{"missing:postcode"}, false},                               // stays in review
      {{"invalid:bsn", "missing:iban"}, false},
      {{"unknown_doctype"}, false},
  };
  for (const Case& c : cases) {
    std::string all;
    for (const std::string& r : c.reasons) all += r + " ";
    EXPECT_EQ(RereadCanChangeOutcome(c.reasons), c.reread) << all;
  }
}

}  // namespace
}  // namespace scanstraat
