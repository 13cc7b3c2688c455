// MaskValue and RedactPersonalData; redaction cases come from redact_cases.tsv.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "pipeline/validate/mask.h"
#include "pipeline/validate/text_util.h"
#include "tests/validate/tsv_cases.h"

namespace scanstraat {
namespace {

const std::string kRedactCases = std::string(SCANSTRAAT_SOURCE_DIR) + "/tests/validate/redact_cases.tsv";

TEST(MaskValue, KeepsLastFour) {
  EXPECT_EQ(MaskValue("123456782"), "*****6782");
  EXPECT_EQ(MaskValue("NL91ABNA0417164300"), "**************4300");
  EXPECT_EQ(MaskValue("1234"), "****");
  EXPECT_EQ(MaskValue(""), "");
  EXPECT_EQ(MaskValue("Müller-Lüdenscheidt"), std::string(15, '*') + "eidt");
  EXPECT_EQ(MaskValue("éééééé"), "**éééé");
}

TEST(RedactPersonalData, Table) {
  const auto rows = testing::ReadTsv(kRedactCases);
  ASSERT_GE(rows.size(), 10u) << "cannot read " << kRedactCases;
  for (const auto& row : rows) {
    ASSERT_EQ(row.cells.size(), 2u) << kRedactCases << ":" << row.line;
    EXPECT_EQ(RedactPersonalData(row.cells[0]), row.cells[1]) << kRedactCases << ":" << row.line;
  }
}

TEST(TextUtil, FoldsDiacriticsAndCase) {
  EXPECT_EQ(FoldForMatch("Geboortedätum"), "geboortedatum");
  EXPECT_EQ(FoldForMatch("Łódź ŽIJ ĳs Œuvre"), "lodz zij ijs oeuvre");
  EXPECT_EQ(FoldForMatch("’t Hart"), "'t hart");
  EXPECT_EQ(CollapseSpaces("  a \t b\xC2\xA0 c  "), "a b c");
}

TEST(TextUtil, EditDistanceAndSimilarity) {
  EXPECT_EQ(EditDistance("burgerservicenummer", "burgerservlcenummer"), 1);
  EXPECT_EQ(EditDistance("abc", "abc"), 0);
  EXPECT_EQ(EditDistance("", "abc"), 3);
  EXPECT_EQ(EditDistance("kitten", "sitting", 1), 2);  // limit + 1
  EXPECT_DOUBLE_EQ(Similarity("bsn", "bsn"), 1.0);
  EXPECT_NEAR(Similarity("geboortedatum", "geboortedaturn"), 1.0 - 2.0 / 14, 1e-9);
}

// The bounded distance agrees with the full one wherever the full one is
// within the limit, in either argument order, also past the on-stack row
// length (96 characters).
TEST(TextUtil, BoundedEditDistanceAgreesWithFullDistance) {
  const std::string long_a(150, 'a');
  std::string long_b = long_a;
  long_b[10] = 'b';
  long_b[140] = 'c';
  struct Case {
    std::string a, b;
    int full;
  };
  const std::vector<Case> cases = {
      {"kitten", "sitting", 3},         {"sitting", "kitten", 3},
      {"", "", 0},                      {"abc", "", 3},
      {"datumondertekening", "datum", 13}, {long_a, long_b, 2},
      {long_a, long_a + "xyz", 3},      {"postcode", "p0stc0de", 2},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EditDistance(c.a, c.b), c.full) << c.a.size() << " vs " << c.b.size();
    for (int limit = 0; limit <= 4; ++limit) {
      EXPECT_EQ(EditDistance(c.a, c.b, limit), std::min(c.full, limit + 1)) << "limit " << limit;
    }
  }
}

// Against the textbook full table, on many random pairs of short strings
// over a small alphabet (so that close pairs are common) or the whole one
// (where the letter-count bound rejects most pairs), and every limit.
TEST(TextUtil, BoundedEditDistanceAgreesWithTheFullTableOnRandomPairs) {
  auto full = [](const std::string& a, const std::string& b) {
    std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); ++i)
      for (size_t j = 1; j <= b.size(); ++j)
        d[i][j] = std::min({d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1});
    return d[a.size()][b.size()];
  };
  std::mt19937 rng(9001);
  auto word = [&rng](unsigned letters) {
    std::string w(rng() % 14, ' ');
    for (char& c : w) c = static_cast<char>('a' + rng() % letters);
    return w;
  };
  for (int round = 0; round < 4000; ++round) {
    const unsigned letters = round % 2 ? 3 : 26;
    const std::string a = word(letters), b = word(letters);
    const int d = full(a, b);
    ASSERT_EQ(EditDistance(a, b), d) << a << " / " << b;
    for (int limit = 0; limit <= 15; ++limit)
      ASSERT_EQ(EditDistance(a, b, limit), std::min(d, limit + 1)) << a << " / " << b << " limit " << limit;
  }
}

// SimilarityAtLeast gives the exact similarity at or above the floor, the
// boundary included, and 0 below it.
TEST(TextUtil, SimilarityAtLeastCutsOffBelowTheFloor) {
  EXPECT_NEAR(SimilarityAtLeast("geboortedatum", "geboortedaturn", 0.8), 1.0 - 2.0 / 14, 1e-9);
  EXPECT_DOUBLE_EQ(SimilarityAtLeast("abcdefghij", "abcdefghXY", 0.8), 0.8);  // exactly 2 of 10
  EXPECT_DOUBLE_EQ(SimilarityAtLeast("abcdefghij", "abcdefgXYZ", 0.8), 0.0);  // 3 of 10
  EXPECT_DOUBLE_EQ(SimilarityAtLeast("", "", 0.9), 1.0);
  EXPECT_NEAR(SimilarityAtLeast("kitten", "sitting", 0.0), Similarity("kitten", "sitting"), 1e-12);
}

}  // namespace
}  // namespace scanstraat
