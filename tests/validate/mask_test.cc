// MaskValue and RedactPersonalData; redaction cases come from redact_cases.tsv.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace scanstraat
