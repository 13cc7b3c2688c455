// Doubtful values read again (reread.h), with a fake second reading: which
// values are read again, with which characters, and which reading wins.
#include <gtest/gtest.h>

#include <re2/re2.h>

#include "pipeline/extract/analyze.h"
#include "pipeline/extract/text_run.h"
#include "pipeline/validate/field_type.h"
#include "tests/extract/page_fixture.h"
#include "tests/extract/rules_fixture.h"

namespace scanstraat {
namespace {

using testing::Field;
using testing::TestRules;

// What the fake second reading answers: free (no character limit) and
// limited to the type's characters; "-" means it cannot read the box.
struct Answer {
  const char* text;
  float confidence;
};

struct Case {
  const char* what;
  const char* layout;  // after "50 100 Testformulier"
  const char* field;
  Answer free, limited;
  double ink;           // ink in the value's box
  const char* value;    // expected value ("-": not found)
  bool sure;            // expected confidence at or above the field's minimum (0.8)
  int readings;         // expected calls of the fake
  const char* how;      // expected in `how` ("" : nothing about reading again)
};

const Case kCases[] = {
    {"two readings agree: the surer counts", "100 100 Bedrag: 12,50~0.5", "bedrag", {"12,50", 0.97f}, {"-", 0},
     0.2, "12.50", true, 1, "read again on its own: the same value"},
    {"a second reading that differs leaves the first, doubtful", "100 100 Bedrag: 12,50~0.5", "bedrag",
     {"12,80", 0.97f}, {"-", 0}, 0.2, "12.50", false, 1, "a different value as surely"},
    {"a second reading cut short is no rival: the first stays as sure", "100 100 Bedrag: € 376.691,00~0.88",
     "bedrag", {"€ 3", 0.97f}, {"-", 0}, 0.2, "376691.00", true, 1, "a part of the value"},
    {"readings that differ in case or spacing only agree on the value", "100 100 Naam: El~0.9 Amrani~0.9", "naam",
     {"EL Amrani", 0.97f}, {"-", 0}, 0.2, "El Amrani", true, 1, "the same letters"},
    {"a '1' more at an edge is a box edge in one of the readings: doubtful however unsure the second",
     "100 100 Bedrag: 1224~0.87", "bedrag", {"224", 0.5f}, {"-", 0}, 0.2, "1224.00", false, 1,
     "a mark at its edge"},
    {"a value above its minimum but below kCheckBelow is checked: another value as surely makes it doubtful",
     "100 100 Bedrag: 12,50~0.87", "bedrag", {"12,80", 0.88f}, {"-", 0}, 0.2, "12.50", false, 1,
     "a different value as surely"},
    {"... but a much less sure other value (a garbled reading) does not", "100 100 Bedrag: 12,50~0.87", "bedrag",
     {"12,80", 0.4f}, {"-", 0}, 0.2, "12.50", true, 1, "a different value, less surely"},
    {"a valid second reading replaces an invalid first", "100 100 BSN: 123456788", "bsn", {"123456782", 0.96f},
     {"-", 0}, 0.2, "123456782", true, 1, "a valid value"},
    {"the limited reading comes second, when the free one gives no value", "100 100 BSN: l23456782~0.6", "bsn",
     {"l23456782", 0.9f}, {"123456782", 0.95f}, 0.2, "123456782", true, 2, "a valid value"},
    {"neither reading valid: the first stays", "100 100 BSN: 123456788", "bsn", {"123456788", 0.96f},
     {"123456788", 0.96f}, 0.2, "123456788", false, 2, "no valid value"},
    {"a box the fake cannot read: the first stays", "100 100 Bedrag: 12,50~0.5", "bedrag", {"-", 0}, {"-", 0},
     0.2, "12.50", false, 2, "no valid value"},
    {"a faint value is not read again (an illegible value must stay unread)", "100 100 Bedrag: 12,50~0.5",
     "bedrag", {"12,50", 0.97f}, {"-", 0}, 0.01, "12.50", false, 0, ""},
    {"a sure value is not read again", "100 100 Bedrag: 12,50", "bedrag", {"12,80", 0.97f}, {"-", 0}, 0.2,
     "12.50", true, 0, ""},
    {"a field that was not found is not read", "100 100 Naam: Jansen", "bedrag", {"12,50", 0.97f}, {"-", 0}, 0.2,
     "-", false, 0, ""},
    {"a match that is a small part of the reading is no value", "100 100 Bedrag: 12,50~0.5", "bedrag",
     {"het bedrag van 12,50 wordt later overgemaakt", 0.97f}, {"-", 0}, 0.2, "12.50", false, 2,
     "no valid value"},
};

TEST(Reread, Cases) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.what);
    std::vector<std::string> charsets;
    AnalyzeOptions o;
    o.today = "2025-06-01";
    o.reread_always = true;  // the reading itself; when it runs: RereadOnlyWhereItCanChangeTheRoute
    o.ink_ratio = [&](int, Box) -> std::optional<double> { return c.ink; };
    o.reread = [&](int page_no, const Box&, const std::string& charset) -> std::optional<Reread> {
      EXPECT_EQ(page_no, 1);
      charsets.push_back(charset);
      const Answer& a = charset.empty() ? c.free : c.limited;
      if (std::string(a.text) == "-") return std::nullopt;
      return Reread{a.text, {a.confidence}};
    };
    const Analysis a = Analyze(TestRules(), testing::ParseLayout(std::string("50 100 Testformulier\n") + c.layout),
                               "doc-1", o);
    const FieldValue& v = Field(a, c.field);
    EXPECT_EQ(v.found ? v.value : "-", c.value);
    EXPECT_EQ(v.found && v.confidence >= 0.8, c.sure) << v.confidence;
    EXPECT_EQ(static_cast<int>(charsets.size()), c.readings);
    if (charsets.size() == 2) {
      EXPECT_EQ(charsets[0], "");
      EXPECT_EQ(charsets[1], ReadingCharset(v.type, v.raw));
    }
    if (*c.how) EXPECT_NE(v.how.find(c.how), std::string::npos) << v.how;
    else EXPECT_EQ(v.how.find("read again"), std::string::npos) << v.how;
  }
}

TEST(Reread, ComparesTwoReadings) {
  struct T {
    const char* first;
    const char* second;
    OtherReading want;
  } cases[] = {
      {"Molenweg", "Mo Lenweg", OtherReading::kSameLetters},
      {"15c", "15C", OtherReading::kSameLetters},
      {"€ 376.691,00", "€ 3", OtherReading::kCutShort},
      {"1224", "224", OtherReading::kEdgeMark},
      {"31", "31l", OtherReading::kEdgeMark},
      {"73.776,00", "13.716,00", OtherReading::kRival},
      {"302495784", "202495784", OtherReading::kRival},
      {"fatina68@hotmail.com", "fatima68@hotmail.com", OtherReading::kRival},
      {"224", "24", OtherReading::kRival},
  };
  for (const T& t : cases) EXPECT_EQ(CompareReadings(t.first, t.second), t.want) << t.first << " / " << t.second;
}

TEST(Reread, TextLayerPagesAreNotReadAgain) {
  std::vector<PageText> pages = testing::ParseLayout("50 100 Testformulier\n100 100 Bedrag: 12,50~0.5\n");
  pages[0].source = TextSource::kPdfText;
  int readings = 0;
  AnalyzeOptions o;
  o.reread = [&](int, const Box&, const std::string&) -> std::optional<Reread> {
    ++readings;
    return Reread{"12,50", {0.99f}};
  };
  const Analysis a = Analyze(TestRules(), pages, "doc-1", o);
  EXPECT_EQ(readings, 0);
  EXPECT_LT(Field(a, "bedrag").confidence, 0.8);
}

TEST(Reread, AValueOverTwoLinesIsReadLineByLine) {
  // Archive mode: the fallback type's dates come from running text; this one
  // is split over a line end.
  const std::vector<PageText> pages =
      testing::ParseLayout("100 100 Besloten op 5~0.4 maart~0.5\n150 100 1967,~0.5 na beraad.\n");
  std::vector<Box> boxes;
  AnalyzeOptions o;
  o.archive_mode = true;
  o.reread = [&](int, const Box& box, const std::string& charset) -> std::optional<Reread> {
    boxes.push_back(box);
    if (!charset.empty()) return std::nullopt;
    return box.y0 == 100 ? Reread{"5 maart", {0.95f, 0.95f}} : Reread{"1967", {0.96f}};
  };
  const Analysis a = Analyze(TestRules(), pages, "doc-1", o);
  const FieldValue& v = Field(a, "datum");
  ASSERT_EQ(v.items.size(), 1u);
  EXPECT_EQ(v.items[0].value, "1967-03-05");
  EXPECT_NE(v.items[0].how.find("the same value"), std::string::npos) << v.items[0].how;
  ASSERT_EQ(boxes.size(), 2u);
  EXPECT_EQ(boxes[0].y0, 100);
  EXPECT_EQ(boxes[1].y0, 150);
}

TEST(Reread, TrimsWhatTheFirstReadingLeftOutsideTheValue) {
  struct T {
    const char* text;
    size_t front, back;
    const char* trimmed;
  } cases[] = {
      {"BZ-2024-2247.", 0, 1, "BZ-2024-2247"},
      {"(BZ-2024-2247),", 1, 2, "BZ-2024-2247"},
      {"BZ-2024-2247", 0, 1, "BZ-2024-2247"},    // the second reading has no "." there
      {"BZ-2024-2247x", 0, 1, "BZ-2024-2247x"},  // a letter is for the pattern to judge
      {"..", 2, 2, ""},
  };
  for (const T& t : cases) {
    EXPECT_EQ(TrimOutside(t.text, ValueSpan{{}, t.front, t.back}), t.trimmed) << t.text;
  }
  // The first reading records what it left outside the value, per line.
  const Analysis a = Analyze(TestRules(), testing::ParseLayout("50 100 Testformulier\n100 100 Kenmerk: AB-12.\n"),
                             "doc-1", AnalyzeOptions{});
  const FieldValue& v = Field(a, "kenmerk");
  EXPECT_EQ(v.value, "AB-12");
  EXPECT_EQ(v.span.outside_front, 0u);
  EXPECT_EQ(v.span.outside_back, 1u);
  ASSERT_EQ(v.span.lines.size(), 1u);
  EXPECT_EQ(v.span.lines[0], v.bbox);
}

TEST(MatchInText, AmountsWithASpaceAfterASeparator) {
  const re2::RE2 amount(std::string(DefaultValuePattern("amount")));
  struct T {
    const char* text;
    const char* value;
  } cases[] = {
      {"€ 327. 476,00", "€ 327. 476,00"},
      {"€ 301.101, 00", "€ 301.101, 00"},
      {"€ 1.234,56", "€ 1.234,56"},
      {"12,5", "12,5"},
      {"1234,56", "1234,56"},
      {"Totaal 1224", "1224"},
      {"€ 12, 5 stuks", "€ 12"},
  };
  for (const T& t : cases) {
    std::optional<MatchedText> m = MatchInText(t.text, &amount);
    ASSERT_TRUE(m.has_value()) << t.text;
    EXPECT_EQ(m->text, t.value);
  }
}

TEST(MatchInText, JudgesTheTextLeftOverAsOnAPage) {
  const re2::RE2 date(std::string(DefaultValuePattern("date")));
  struct T {
    const char* text;
    const char* value;  // "-": no match
    double quality;
    bool small_part;
  } cases[] = {
      {"12-03-2024", "12-03-2024", 1.0, false},
      {"[12-03-2024", "12-03-2024", 0.97, false},
      {"op 12-03-2024 ontvangen", "12-03-2024", 0.93, false},
      {"het besluit van 12-03-2024 wordt hierbij herzien", "12-03-2024", 0.7, true},
      {"geen datum", "-", 0, false},
  };
  for (const T& t : cases) {
    std::optional<MatchedText> m = MatchInText(t.text, &date);
    SCOPED_TRACE(t.text);
    ASSERT_EQ(m.has_value(), std::string(t.value) != "-");
    if (!m) continue;
    EXPECT_EQ(m->text, t.value);
    EXPECT_DOUBLE_EQ(m->pattern_quality, t.quality);
    EXPECT_EQ(m->small_part, t.small_part);
  }
  std::optional<MatchedText> whole = MatchInText("Jansen", nullptr);
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->text, "Jansen");
}

}  // namespace
}  // namespace scanstraat

namespace scanstraat {
namespace {

// By default a doubtful value is read again only when that can change where
// the document goes: not while a required value (naam) is missing.
TEST(Reread, OnlyWhereItCanChangeTheRoute) {
  struct Case {
    const char* what;
    const char* layout;
    int readings;
  };
  const Case cases[] = {
      {"naam missing: stays in review, nothing read again", "100 100 Bedrag: 12,50~0.5\n", 0},
      {"only the doubtful bedrag stands between it and the archive",
       "100 100 Naam: Jansen\n150 100 Bedrag: 12,50~0.5\n", 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    int readings = 0;
    AnalyzeOptions o;
    o.today = "2025-06-01";
    o.ink_ratio = [](int, Box) -> std::optional<double> { return 0.2; };
    o.reread = [&](int, const Box&, const std::string&) -> std::optional<Reread> {
      ++readings;
      return Reread{"12,50", {0.97f}};
    };
    const Analysis a = Analyze(TestRules(), testing::ParseLayout(std::string("50 100 Testformulier\n") + c.layout),
                               "doc-1", o);
    EXPECT_EQ(readings, c.readings);
    if (c.readings > 0) {
      EXPECT_EQ(a.decision, "archive");
    }
  }
}

}  // namespace
}  // namespace scanstraat
