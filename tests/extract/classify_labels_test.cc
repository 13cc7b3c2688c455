// Classification by a form's own field labels when its title is worded
// otherwise: labels no other type uses count, shared ones do not.
#include <gtest/gtest.h>

#include "pipeline/extract/classify.h"
#include "tests/extract/page_fixture.h"

namespace scanstraat {
namespace {

DocTypeRule Parse(const std::string& name, const std::string& yaml) {
  std::vector<RuleProblem> problems;
  DocTypeRule t = ParseRuleFile(name, yaml, problems);
  for (const auto& p : problems) ADD_FAILURE() << p.ToString();
  return t;
}

RuleSet TwoTypes() {
  RuleSet set;
  set.types.push_back(Parse("alfa.yaml", R"(id: alfa
version: 1
archive: {name: Alfa, selectielijst: Test, categorie: "0.0", waardering: V, bewaartermijn: P1Y}
classify: {threshold: 0.35, may: [Alfaformulier]}
fields:
  - {name: verhuisdatum, type: date, labels: [Verhuisdatum]}
  - {name: aantal, type: integer, labels: [Aantal personen]}
  - {name: postcode, type: postcode, labels: [Postcode]}
)"));
  set.types.push_back(Parse("beta.yaml", R"(id: beta
version: 1
archive: {name: Beta, selectielijst: Test, categorie: "0.0", waardering: V, bewaartermijn: P1Y}
classify: {threshold: 0.35, may: [Betaformulier]}
fields:
  - {name: factuurnummer, type: text, labels: [Factuurnummer]}
  - {name: vervaldatum, type: date, labels: [Vervaldatum]}
  - {name: postcode, type: postcode, labels: [Postcode]}
)"));
  return set;
}

TEST(ClassifyByLabels, OwnFieldLabelsClassifyAFormWithAnotherTitle) {
  const RuleSet rules = TwoTypes();
  const auto pages = testing::ParseLayout(
      "50 100 Melding nieuw woonadres\n100 100 Verhuisdatum: 01-02-2024\n150 100 Aantal personen: 2\n"
      "200 100 Postcode: 1234 AB\n");
  const std::vector<TypeScore> scores = ScoreTypes(rules, pages);
  EXPECT_EQ(PickWinner(scores), "alfa");
  EXPECT_DOUBLE_EQ(scores.front().score, 0.8);  // both own fields found
}

TEST(ClassifyByLabels, SharedLabelsAloneClassifyNothing) {
  const RuleSet rules = TwoTypes();
  const auto pages = testing::ParseLayout("50 100 Iets anders\n200 100 Postcode: 1234 AB\n");
  EXPECT_EQ(PickWinner(ScoreTypes(rules, pages)), "");
}

TEST(ClassifyByLabels, TitleStillDecidesWhenLabelsPointElsewhere) {
  const RuleSet rules = TwoTypes();
  // One own label of beta (share 0.5 -> 0.4) against alfa's title (1.0).
  const auto pages = testing::ParseLayout("50 100 Alfaformulier\n100 100 Vervaldatum: 01-02-2024\n");
  EXPECT_EQ(PickWinner(ScoreTypes(rules, pages)), "alfa");
}

}  // namespace
}  // namespace scanstraat
