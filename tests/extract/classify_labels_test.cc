// Classification by a form's own field labels when its title is worded
// otherwise: labels no other type uses count, shared ones do not.
#include <gtest/gtest.h>

#include "pipeline/extract/classify.h"
#include "pipeline/extract/fuzzy_match.h"
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


TEST(ClassifyPhrases, AlternativesCountOnceAsTheBestFound) {
  const DocTypeRule t = Parse("gamma.yaml", R"(id: gamma
version: 1
archive: {name: Gamma, selectielijst: Test, categorie: "0.0", waardering: V, bewaartermijn: P1Y}
classify:
  threshold: 0.5
  may:
    - {phrase: [Verhuizing, Verhuismelding, Adreswijziging], weight: 3}
    - {phrase: Basisregistratie Personen, weight: 1}
)");
  ASSERT_EQ(t.classify.may.size(), 2u);
  EXPECT_EQ(t.classify.may[0].keys.size(), 3u);
  EXPECT_EQ(t.classify.may[0].text, "Verhuizing | Verhuismelding | Adreswijziging");
  RuleSet set;
  set.types.push_back(t);
  // Two alternatives on the page count once: 3 of the 4 weight.
  const auto pages = testing::ParseLayout("50 100 Verhuismelding\n100 100 Adreswijziging doorgeven\n");
  EXPECT_DOUBLE_EQ(ScoreTypes(set, pages).front().score, 0.75);
}

TEST(ClassifyPhrases, LongPhraseFoundInsideACompound) {
  Phrase bijstand{"bijstand", {MatchKey("bijstand")}, 1.0, 0};
  const auto pages = testing::ParseLayout("50 100 Aanvraag bijstandsuitkering\n");
  EXPECT_DOUBLE_EQ(FindPhrase(pages, bijstand, 0.85), 0.9);
  // A short phrase is too easily part of an unrelated word.
  Phrase wet{"wet", {MatchKey("wet")}, 1.0, 0};
  EXPECT_DOUBLE_EQ(FindPhrase(testing::ParseLayout("50 100 Wethouders\n"), wet, 0.85), 0.0);
}
}  // namespace
}  // namespace scanstraat
