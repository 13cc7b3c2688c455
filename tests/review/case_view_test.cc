#include "pipeline/review/case_view.h"

#include <gtest/gtest.h>

namespace scanstraat {
namespace {
using json = nlohmann::json;

RuleSet Rules() {
  RuleSet rules;
  DocTypeRule t;
  t.id = "aanvraag";
  t.title = "Aanvraag";
  FieldRule bsn;
  bsn.name = "bsn";
  bsn.type = "bsn";
  bsn.required = true;
  bsn.mask = true;
  bsn.review = "double";
  bsn.labels = {"BSN"};
  FieldRule geb = bsn;
  geb.name = "geboortedatum";
  geb.type = "date";
  geb.review = "";
  geb.labels = {"Geboortedatum"};
  FieldRule naam;
  naam.name = "achternaam";
  naam.type = "name";
  naam.required = true;
  FieldRule email;
  email.name = "email";
  email.type = "email";
  t.fields = {bsn, geb, naam, email};
  rules.types.push_back(t);
  return rules;
}

CaseRow Case() {
  CaseRow c;
  c.id = 7;
  c.doc_id = std::string(64, 'e');
  c.state = "open";
  c.doctype = "aanvraag";
  c.reasons = {"invalid:bsn"};
  c.result_json = json({{"doctype", {{"id", "aanvraag"}, {"confidence", 0.9}}},
                        {"fields",
                         {{"bsn", {{"value", "123456789"}, {"raw", "12345 6789"}, {"valid", false},
                                   {"confidence", 0.4}, {"page", 1}, {"bbox", {1, 2, 3, 4}}}},
                          {"geboortedatum", {{"value", "1985-03-01"}, {"raw", "1 maart 1985"}, {"valid", true},
                                             {"confidence", 0.95}}},
                          {"achternaam", {{"value", "Jansen"}, {"valid", true}, {"confidence", 0.95}}},
                          {"email", {{"value", nullptr}, {"valid", false}, {"confidence", 0.0}}},
                          {"extra", {{"value", "secret-extra-value"}, {"valid", true}}}}},
                        {"route", {{"decision", "review"}, {"reasons", {"invalid:bsn"}}}}})
                      .dump();
  return c;
}

TEST(CaseViewTest, MaskedFieldsAreNeverInClear) {
  const json v = CaseView(Case(), Rules(), {});
  const std::string text = v.dump();
  for (const char* secret : {"123456789", "12345 6789", "1985-03-01", "1 maart 1985", "secret-extra-value"})
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  std::map<std::string, json> f;
  for (const json& x : v["fields"]) f[x["name"]] = x;
  EXPECT_EQ(f["bsn"]["value"], "*****6789");
  EXPECT_EQ(f["geboortedatum"]["value"], "**-**-****") << "a date keeps no digits";
  EXPECT_EQ(f["achternaam"]["value"], "Jansen");
  EXPECT_TRUE(f["extra"]["masked"]) << "a field without a rule is masked";
  EXPECT_TRUE(f["bsn"]["doubtful"]);
  EXPECT_EQ(f["bsn"]["reasons"], json({"invalid:bsn"}));
  EXPECT_FALSE(f["achternaam"]["doubtful"]);
  EXPECT_EQ(v["fields"][0]["name"], "bsn") << "rule order";
}

TEST(CaseViewTest, CorrectionsShowMaskedAndNeedASecondPerson) {
  CaseRow c = Case();
  c.corrections = {{"bsn", {{"value", "111222333"}, {"by", "anna"}, {"second_by", nullptr}}}};
  const json v = CaseView(c, Rules(), {});
  EXPECT_EQ(v.dump().find("111222333"), std::string::npos);
  const json& bsn = v["fields"][0];
  EXPECT_TRUE(bsn["corrected"]);
  EXPECT_TRUE(bsn["second_needed"]);
  EXPECT_TRUE(bsn["valid"]);
  EXPECT_EQ(bsn["value"], "*****2333");
}

TEST(CaseViewTest, NotReadyUntilRequiredFieldsAreValid) {
  CaseRow c = Case();
  EXPECT_EQ(NotReady(CorrectedRecord(c), Rules()), std::vector<std::string>({"bsn"}));
  c.corrections = {{"bsn", {{"value", "111222333"}, {"by", "anna"}}}};
  nlohmann::ordered_json r = CorrectedRecord(c);
  EXPECT_TRUE(NotReady(r, Rules()).empty());
  EXPECT_EQ(r["fields"]["bsn"]["value"], "111222333");
  EXPECT_EQ(r["fields"]["bsn"]["confidence"], 1.0);
  EXPECT_TRUE(r["fields"]["bsn"]["corrected"]);
  c.corrections["achternaam"] = {{"value", ""}, {"by", "anna"}};  // "" = not on the document
  EXPECT_EQ(NotReady(CorrectedRecord(c), Rules()), std::vector<std::string>({"achternaam"}));
  c.doctype = "unknown";
  c.result_json = json({{"doctype", {{"id", "unknown"}}}}).dump();
  EXPECT_EQ(NotReady(CorrectedRecord(c), Rules()), std::vector<std::string>({"unknown_doctype"}));
}

}  // namespace
}  // namespace scanstraat
