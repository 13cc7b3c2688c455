// Cross-field check expressions, table-driven.
#include <gtest/gtest.h>

#include <map>

#include "pipeline/extract/check_expr.h"

namespace scanstraat {
namespace {

struct Row {
  const char* expr;
  const char* expected;  // "true", "false", "skip"
};

CheckField F(CheckValue v) { return {true, std::move(v)}; }

TEST(CheckExpr, Table) {
  const std::map<std::string, CheckField> fields = {
      {"geboortedatum", F(CheckValue::Date("1980-05-01"))},
      {"datum_ondertekening", F(CheckValue::Date("2025-02-20"))},
      {"subtotaal", F(CheckValue::Number(1000.00))},
      {"btw", F(CheckValue::Number(210.00))},
      {"totaal", F(CheckValue::Number(1210.00))},
      {"totaal_fout", F(CheckValue::Number(1220.00))},
      {"kvk", {true, CheckValue::Unknown()}},  // present but invalid
      {"naam", F(CheckValue::Text("Jansen"))},
  };
  auto lookup = [&](std::string_view name) -> CheckField {
    auto it = fields.find(std::string(name));
    return it == fields.end() ? CheckField{} : it->second;
  };
  const Row rows[] = {
      {"datum_ondertekening >= geboortedatum", "true"},
      {"datum_ondertekening < geboortedatum", "false"},
      {"datum_ondertekening <= today", "true"},
      {"geboortedatum > today", "false"},
      {"totaal = subtotaal + btw", "true"},
      {"totaal == subtotaal + btw", "true"},
      {"totaal_fout = subtotaal + btw", "false"},
      {"totaal - btw = subtotaal", "true"},
      {"present(bsn) or present(kvk)", "true"},
      {"present(bsn) or present(ontbreekt)", "false"},
      {"present(bsn)", "false"},
      {"bsn = naam", "skip"},
      {"ontbreekt >= geboortedatum", "skip"},
      {"kvk = '12345678'", "skip"},
      {"ontbreekt = 1 or totaal = subtotaal + btw", "true"},
      {"ontbreekt = 1 and totaal_fout = 0", "false"},
      {"not (totaal = 0)", "true"},
      {"naam = 'Jansen'", "true"},
      {"naam != 'Jansen'", "false"},
      {"totaal > 1000 and totaal < 2000", "true"},
      {"(totaal = 1210.004)", "true"},
  };
  for (const Row& r : rows) {
    std::string error;
    auto e = CheckExpr::Parse(r.expr, error);
    ASSERT_TRUE(e) << r.expr << ": " << error;
    const std::optional<bool> got = e->Evaluate(lookup, "2025-06-01");
    const std::string s = !got ? "skip" : (*got ? "true" : "false");
    EXPECT_EQ(s, r.expected) << r.expr;
  }
}

TEST(CheckExpr, ParseErrorsNameTheColumn) {
  for (const char* bad : {"a = = b", "present(", "a >= ", "(a = b", "a = 'open", "a # b", ""}) {
    std::string error;
    EXPECT_FALSE(CheckExpr::Parse(bad, error)) << bad;
    EXPECT_NE(error.find("column"), std::string::npos) << bad << " -> " << error;
  }
}

TEST(CheckExpr, ListsFields) {
  std::string error;
  auto e = CheckExpr::Parse("totaal = subtotaal + btw and present(kvk)", error);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->Fields(), (std::vector<std::string>{"totaal", "subtotaal", "btw", "kvk"}));
}

}  // namespace
}  // namespace scanstraat
