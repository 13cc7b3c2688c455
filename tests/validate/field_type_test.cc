// Data-driven tests of the field types: every row of cases.tsv is one test
// (type, raw, expected value, expected valid, optional expected error).
#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/validate/field_type.h"
#include "tests/validate/tsv_cases.h"

namespace scanstraat {
namespace {

using testing::ReadTsv;
using testing::TsvRow;

const std::string kCases = std::string(SCANSTRAAT_SOURCE_DIR) + "/tests/validate/cases.tsv";

std::vector<TsvRow> Cases() { return ReadTsv(kCases); }

class FieldTypeCase : public ::testing::TestWithParam<TsvRow> {};

TEST_P(FieldTypeCase, NormalisesAndValidates) {
  const TsvRow& row = GetParam();
  ASSERT_GE(row.cells.size(), 4u) << kCases << ":" << row.line << ": needs 4 columns";
  const std::string& type = row.cells[0];
  const std::string& raw = row.cells[1];
  const std::optional<Validated> v = NormaliseAndValidate(type, raw);
  ASSERT_TRUE(v.has_value()) << "unknown type " << type;
  EXPECT_EQ(v->value, row.cells[2]) << kCases << ":" << row.line;
  EXPECT_EQ(v->valid, row.cells[3] == "yes") << kCases << ":" << row.line;
  EXPECT_EQ(v->valid, v->errors.empty()) << kCases << ":" << row.line;
  if (row.cells.size() >= 5 && !row.cells[4].empty()) {
    EXPECT_NE(std::find(v->errors.begin(), v->errors.end(), row.cells[4]), v->errors.end())
        << kCases << ":" << row.line << ": expected error " << row.cells[4];
  }
}

INSTANTIATE_TEST_SUITE_P(Table, FieldTypeCase, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<TsvRow>& info) {
                           return "line" + std::to_string(info.param.line) + "_" + info.param.cells[0];
                         });

TEST(FieldTypeTable, HasRowsForEveryType) {
  const auto rows = Cases();
  ASSERT_GE(rows.size(), 100u) << "cannot read " << kCases;
  for (const std::string& type : KnownFieldTypes()) {
    const bool present = std::any_of(rows.begin(), rows.end(), [&](const TsvRow& r) {
      return !r.cells.empty() && r.cells[0] == type;
    });
    EXPECT_TRUE(present) << "no case for type " << type;
  }
}

TEST(FieldType, UnknownTypeIsNullopt) {
  EXPECT_FALSE(NormaliseAndValidate("telefoonnummer", "0612345678").has_value());
  EXPECT_FALSE(IsKnownFieldType("Date"));
  EXPECT_TRUE(IsKnownFieldType("date"));
  EXPECT_TRUE(IsKnownFieldType("choice"));
}

TEST(FieldType, OcrRepairIsMarked) {
  const auto clean = NormaliseAndValidate("bsn", "123456782");
  const auto repaired = NormaliseAndValidate("bsn", "l23456782");
  ASSERT_TRUE(clean && repaired);
  EXPECT_FALSE(clean->repaired);
  EXPECT_TRUE(repaired->repaired);
  EXPECT_TRUE(repaired->valid);
  const auto iban = NormaliseAndValidate("iban", "NL91 ABNA O417 1643 00");
  ASSERT_TRUE(iban);
  EXPECT_TRUE(iban->repaired);
  // An e-mail address read with a capital I: i or l, a guess.
  const auto email_i = NormaliseAndValidate("email", "Iddijk@gmail.com");
  const auto email_l = NormaliseAndValidate("email", "lddijk@gmail.com");
  ASSERT_TRUE(email_i && email_l);
  EXPECT_TRUE(email_i->valid);
  EXPECT_EQ(email_i->value, "iddijk@gmail.com");
  EXPECT_TRUE(email_i->repaired);
  EXPECT_FALSE(email_l->repaired);
}

TEST(FieldType, NameInLowerCaseOnlyIsLessSure) {
  // "de wit" for "de Wit": a capital read as small letter is the likelier story.
  for (const char* raw : {"de wit", "jansen"}) {
    const auto v = NormaliseAndValidate("name", raw);
    ASSERT_TRUE(v);
    EXPECT_TRUE(v->valid) << raw;
    EXPECT_TRUE(v->unusual) << raw;
    EXPECT_FALSE(v->repaired) << raw;
  }
  for (const char* raw : {"de Wit", "EL Amrani", "Öztürk", "d'Ancona"}) {
    const auto v = NormaliseAndValidate("name", raw);
    ASSERT_TRUE(v);
    EXPECT_FALSE(v->unusual) << raw;
  }
}

TEST(FieldType, FormattedNumberTypes) {
  for (const char* t : {"date", "amount", "integer", "postcode", "phone", "btw", "kvk"}) {
    EXPECT_TRUE(IsFormattedNumberType(t)) << t;
  }
  for (const char* t : {"text", "name", "email", "bsn", "iban", "choice", "checkbox"}) {
    EXPECT_FALSE(IsFormattedNumberType(t)) << t;
  }
}

TEST(FieldType, DefaultPatternsExistForReadTypes) {
  for (const char* t : {"date", "bsn", "iban", "postcode", "amount", "integer", "phone", "email", "kvk", "btw"}) {
    EXPECT_FALSE(DefaultValuePattern(t).empty()) << t;
  }
  EXPECT_TRUE(DefaultValuePattern("text").empty());
  EXPECT_TRUE(HasChecksum("bsn"));
  EXPECT_FALSE(HasChecksum("kvk"));
}

TEST(FieldType, ReadingCharsetFitsTheType) {
  struct Case {
    const char* type;
    const char* raw;
    const char* must_hold;      // characters the value may be written with
    const char* must_not_hold;  // characters it may not (letters a digit is misread as)
  } cases[] = {
      {"postcode", "3822S]", "0123456789SJ", "]|ab"},
      {"date", "P27-4-25", "0123456789-./", "PO"},
      {"date", "1 mrt. 2024", "0123456789.mrt", "M"},
      {"bsn", "1447.62:566", "0123456789.", "Ol:"},
      {"iban", "NL91 ABNA", "0123456789NLABZ", "a"},
      {"amount", "€ 1.234,56", "0123456789.,", "O"},
      {"integer", "12", "0123456789", "Il"},
      {"kvk", "12345678", "0123456789", "O"},
      {"phone", "(0348) 377579", "0123456789()+-", "O"},
      {"btw", "NL123456789B01", "0123456789NLB", "O"},
      {"email", "daan22@hotmail.\u00e9om", "daan22@hotmail.com_-+", "\u00e9 ,;"},
  };
  for (const Case& c : cases) {
    const std::string set = ReadingCharset(c.type, c.raw);
    for (const char* p = c.must_hold; *p; ++p) EXPECT_NE(set.find(*p), std::string::npos) << c.type << " " << *p;
    for (const char* p = c.must_not_hold; *p; ++p) EXPECT_EQ(set.find(*p), std::string::npos) << c.type << " " << *p;
  }
  EXPECT_NE(ReadingCharset("amount", "").find("\u20ac"), std::string::npos);
  // Free text may hold anything.
  for (const char* t : {"text", "name", "checkbox", "choice"}) EXPECT_EQ(ReadingCharset(t, "x"), "") << t;
}

}  // namespace
}  // namespace scanstraat
