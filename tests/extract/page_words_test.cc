// Blank OCR words (box outlines) are dropped before the rules look at the
// page, and a repeat field is no surer than the share of the text read
// surely.
#include <gtest/gtest.h>

#include "pipeline/extract/analyze.h"
#include "pipeline/extract/page_words.h"
#include "tests/extract/page_fixture.h"
#include "tests/extract/rules_fixture.h"

namespace scanstraat {
namespace {

using testing::Field;
using testing::TestRules;


// A box outline as Tesseract reports it: a "word" of one space as wide as
// the form, on a line of its own.
void AddOutline(PageText& page, int y) {
  Line line;
  line.block = 0;
  line.first_word = static_cast<int>(page.words.size());
  line.word_count = 1;
  Word w;
  w.text = " ";
  w.box = {90, y, 2300, y + 5};
  w.confidence = 0.95f;
  w.line = static_cast<int>(page.lines.size());
  line.box = w.box;
  page.words.push_back(w);
  page.lines.push_back(line);
}

TEST(PageWords, BlankWordsAndTheirLinesAreDropped) {
  PageText page;
  testing::AddRow(page, 100, 100, 0, {"Naam"});
  AddOutline(page, 150);
  testing::AddRow(page, 170, 100, 0, {"Jansen", "Pietersen"});
  const PageText clean = WithoutBlankWords(page);
  ASSERT_EQ(clean.words.size(), 3u);
  ASSERT_EQ(clean.lines.size(), 2u);
  EXPECT_EQ(clean.lines[1].first_word, 1);
  EXPECT_EQ(clean.lines[1].word_count, 2);
  EXPECT_EQ(clean.words[2].text, "Pietersen");
  EXPECT_EQ(clean.words[2].line, 1);
  EXPECT_TRUE(IsBlankWord(page.words[1]));
  EXPECT_FALSE(IsBlankWord(page.words[0]));
}

TEST(PageWords, ValueBelowLabelIsNotTheBoxOutline) {
  std::vector<PageText> pages(1);
  pages[0].width = 2480;
  pages[0].height = 3508;
  testing::AddRow(pages[0], 50, 100, 0, {"Testformulier"});
  testing::AddRow(pages[0], 100, 100, 0, {"Naam"});
  AddOutline(pages[0], 145);  // the top edge of the value's box, right under the label
  testing::AddRow(pages[0], 160, 120, 0, {"P.", "de", "Vries"});
  AnalyzeOptions o;
  o.today = "2025-06-01";
  const Analysis a = Analyze(TestRules(), pages, "doc-1", o);
  EXPECT_EQ(Field(a, "naam").value, "P. de Vries");
}

// OCR boxes the last word of a value a little higher than the rest ("00" of
// "203.844, 00"): the row below the label still starts at its first word.
TEST(PageWords, ValueBelowLabelStartsAtTheRowsLeftmostWord) {
  std::vector<PageText> pages(1);
  pages[0].width = 2480;
  pages[0].height = 3508;
  testing::AddRow(pages[0], 50, 100, 0, {"Testformulier"});
  testing::AddRow(pages[0], 100, 100, 0, {"Naam"});
  testing::AddRow(pages[0], 165, 110, 0, {"P."});
  testing::AddRow(pages[0], 140, 230, 0, {"Vries"});  // 25 px higher, same row
  AnalyzeOptions o;
  o.today = "2025-06-01";
  const Analysis a = Analyze(TestRules(), pages, "doc-1", o);
  EXPECT_EQ(Field(a, "naam").value, "P. Vries");
}

// "Kerkst raat": two pieces of one word closer than a space make the value
// less sure, so it goes to review rather than to the archive as it is.
TEST(PageWords, WordSplitByOcrLowersConfidence) {
  auto page_with_gap = [](int gap) {
    std::vector<PageText> pages(1);
    pages[0].width = 2480;
    pages[0].height = 3508;
    testing::AddRow(pages[0], 50, 100, 0, {"Testformulier"});
    testing::AddRow(pages[0], 100, 100, 0, {"Naam:", "Kerkst", "raat"});
    Word& second = pages[0].words.back();
    const Word& first = pages[0].words[pages[0].words.size() - 2];
    const int width = second.box.width();
    second.box.x0 = first.box.x1 + gap;
    second.box.x1 = second.box.x0 + width;
    return pages;
  };
  AnalyzeOptions o;
  o.today = "2025-06-01";
  const FieldValue spaced = Field(Analyze(TestRules(), page_with_gap(20), "doc-1", o), "naam");
  const FieldValue split = Field(Analyze(TestRules(), page_with_gap(5), "doc-1", o), "naam");
  EXPECT_EQ(spaced.value, "Kerkst raat");
  EXPECT_NEAR(split.confidence, spaced.confidence * 0.8, 1e-9);
}

TEST(PageWords, CurrencySignDoesNotLowerAnAmountsConfidence) {
  const std::string head = "50 100 Testformulier\n";
  AnalyzeOptions o;
  o.today = "2025-06-01";
  const FieldValue sure = Field(Analyze(TestRules(), testing::ParseLayout(head + "100 100 Bedrag: €~0.95 12,50\n"), "doc-1", o), "bedrag");
  const FieldValue unsure = Field(Analyze(TestRules(), testing::ParseLayout(head + "100 100 Bedrag: €~0.2 12,50\n"), "doc-1", o), "bedrag");
  EXPECT_EQ(unsure.value, "12.50");
  EXPECT_DOUBLE_EQ(unsure.confidence, sure.confidence);
}

// A sum that adds up confirms its amounts the way check digits confirm a
// BSN; one that does not leaves them as OCR read them.
TEST(PageWords, ArithmeticCheckThatHoldsConfirmsItsAmounts) {
  auto som = [](const std::string& total) {
    AnalyzeOptions o;
    o.today = "2025-06-01";
    return Analyze(TestRules(),
                   testing::ParseLayout("50 100 Testformulier\n100 100 Bedrag: 10,00~0.8\n"
                                        "200 100 Bedrag2: 2,50~0.8\n300 100 Som: " + total + "~0.8\n"),
                   "doc-1", o);
  };
  const Analysis holds = som("12,50");
  const Analysis fails = som("12,60");
  EXPECT_EQ(holds.checks[0].passed, std::optional<bool>(true));
  EXPECT_EQ(fails.checks[0].passed, std::optional<bool>(false));
  EXPECT_GT(Field(holds, "som").confidence, Field(fails, "som").confidence + 0.15);
  EXPECT_GT(Field(holds, "bedrag").confidence, Field(fails, "bedrag").confidence + 0.15);
  EXPECT_NE(Field(holds, "bedrag").how.find("confirmed by check som_klopt"), std::string::npos);
}

TEST(PageWords, TrailingDashAfterAValueIsDropped) {
  const Analysis a = Analyze(TestRules(), testing::ParseLayout("50 100 Testformulier\n100 100 Naam: Jansen -\n"),
                             "doc-1", [] { AnalyzeOptions o; o.today = "2025-06-01"; return o; }());
  EXPECT_EQ(Field(a, "naam").value, "Jansen");
}

TEST(PageWords, SurelyReadShareCountsVisibleWords) {
  std::vector<PageText> pages = testing::ParseLayout("100 100 een~0.9 twee~0.5 drie~0.95 vier~0.3\n");
  AddOutline(pages[0], 200);
  EXPECT_DOUBLE_EQ(SurelyReadShare(pages, 0.7), 0.5);
  EXPECT_DOUBLE_EQ(SurelyReadShare({}, 0.7), 1.0);
}

TEST(PageWords, RepeatFieldIsNoSurerThanTheTextReadSurely) {
  const std::string dates = "100 100 Op 3 maart 1950 en 4 april 1951 besloten\n";
  AnalyzeOptions o;
  o.archive_mode = true;
  o.today = "2025-06-01";
  const Analysis clear = Analyze(TestRules(), testing::ParseLayout(dates), "doc-1", o);
  const Analysis poor = Analyze(
      TestRules(), testing::ParseLayout(dates + "200 100 xx~0.2 yy~0.3 zz~0.1 qq~0.2 vv~0.1\n"), "doc-1", o);
  const FieldValue& c = Field(clear, "datum");
  const FieldValue& p = Field(poor, "datum");
  ASSERT_EQ(c.items.size(), 2u);
  ASSERT_EQ(p.items.size(), 2u);
  // 9 of 14 words read surely: (9/14)^2 of the clear confidence.
  EXPECT_NEAR(p.confidence, c.confidence * (9.0 / 14) * (9.0 / 14), 1e-9);
  EXPECT_LT(p.confidence, 0.5);
}


TEST(PageWords, LabelGluedToItsValueIsSplit) {
  EXPECT_EQ(GluedLabelSplit("BSN:123456782"), 4u);
  EXPECT_EQ(GluedLabelSplit("KvK65789362"), 3u);
  EXPECT_EQ(GluedLabelSplit("Tel.0612345678"), 4u);
  EXPECT_EQ(GluedLabelSplit("Btw-nr.:NL123456789B01"), 8u);
  // Values with letters and digits of their own stay whole.
  EXPECT_EQ(GluedLabelSplit("NL91ABNA0417164300"), 0u);
  EXPECT_EQ(GluedLabelSplit("NL123456789B01"), 0u);
  EXPECT_EQ(GluedLabelSplit("12:30"), 0u);
  EXPECT_EQ(GluedLabelSplit("F2025-0042"), 0u);
  EXPECT_EQ(GluedLabelSplit("Huisnummer:"), 0u);

  const PageText page = SplitGluedLabels(testing::ParseLayout("100 100 BSN:123456782 Jansen\n")[0]);
  ASSERT_EQ(page.words.size(), 3u);
  EXPECT_EQ(page.words[0].text, "BSN:");
  EXPECT_EQ(page.words[1].text, "123456782");
  EXPECT_EQ(page.words[0].box.x1, page.words[1].box.x0);
  EXPECT_EQ(page.lines[0].word_count, 3);
  EXPECT_EQ(page.words[2].line, 0);
}
}  // namespace
}  // namespace scanstraat
