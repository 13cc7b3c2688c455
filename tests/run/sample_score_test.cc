// Scoring a document's result against its expected result (`rules test`).
#include <gtest/gtest.h>

#include "pipeline/run/sample_score.h"

namespace scanstraat {
namespace {

using nlohmann::json;

json Expected(const std::string& route, json reasons = json::array(), json accept = json::object()) {
  return {{"doctype", "verhuizing"},
          {"fields", {{"bsn", "123456782"}, {"straat", "Kerkstraat"}, {"telefoon", nullptr}}},
          {"route", route}, {"reasons", reasons}, {"accept_reasons", accept}};
}

json Result(const std::string& type, const std::string& decision, json reasons, const std::string& straat,
            json telefoon = nullptr) {
  return {{"doctype", {{"id", type}}},
          {"fields", {{"bsn", {{"value", "123456782"}, {"confidence", 0.97}}},
                      {"straat", {{"value", straat}, {"confidence", 0.9}}},
                      {"telefoon", {{"value", telefoon}, {"confidence", 0.0}}}}},
          {"route", {{"decision", decision}, {"reasons", reasons}}}};
}

TEST(SampleScore, CleanDocumentArchivedRight) {
  CaseScore s = ScoreCase("verhuizing/01.png", Expected("archive"), Result("verhuizing", "archive", json::array(), "Kerkstraat"), {"bsn"});
  EXPECT_TRUE(s.type_right);
  EXPECT_TRUE(s.route_right);
  EXPECT_EQ(s.fields_right, 3);
  EXPECT_EQ(s.archived_values, 2);  // the null telefoon is not a value
  EXPECT_EQ(s.archived_wrong, 0);
  EXPECT_TRUE(Regressions(s).empty());
  ASSERT_EQ(s.calibration.size(), 2u);
  EXPECT_TRUE(s.calibration[0].correct);
}

TEST(SampleScore, WrongValueArchivedIsARegression) {
  CaseScore s = ScoreCase("v", Expected("archive"), Result("verhuizing", "archive", json::array(), "Kerkst raat"), {});
  EXPECT_EQ(s.fields_wrong, 1);
  EXPECT_EQ(s.archived_wrong, 1);
  ASSERT_EQ(Regressions(s).size(), 1u);
  // The same value sent to review is a difference, not a regression.
  CaseScore r = ScoreCase("v", Expected("archive"),
                          Result("verhuizing", "review", json::array({"low_confidence:straat"}), "Kerkst raat"), {});
  EXPECT_EQ(r.archived_values, 0);
  EXPECT_FALSE(r.route_right);
  EXPECT_TRUE(Regressions(r).empty());
}

TEST(SampleScore, ValueWhereNoneIsPrintedIsWrong) {
  CaseScore s = ScoreCase("v", Expected("archive"), Result("verhuizing", "archive", json::array(), "Kerkstraat", "0612345678"), {});
  EXPECT_EQ(s.fields_wrong, 1);
  EXPECT_EQ(s.archived_wrong, 1);
}

TEST(SampleScore, FaultMustGoToReviewWithAnAcceptedReason) {
  json e = Expected("review", {"low_confidence:bsn"},
                    {{"low_confidence:bsn", {"low_confidence:bsn", "missing:bsn", "invalid:bsn"}}});
  CaseScore ok = ScoreCase("v", e, Result("verhuizing", "review", {"missing:bsn"}, "Kerkstraat"), {});
  EXPECT_TRUE(ok.reasons_right);
  EXPECT_TRUE(Regressions(ok).empty());
  CaseScore other = ScoreCase("v", e, Result("verhuizing", "review", {"missing:straat"}, "Kerkstraat"), {});
  EXPECT_FALSE(other.reasons_right);
  EXPECT_EQ(other.missing_reasons, std::vector<std::string>{"low_confidence:bsn"});
  CaseScore missed = ScoreCase("v", e, Result("verhuizing", "archive", json::array(), "Kerkstraat"), {});
  EXPECT_FALSE(Regressions(missed).empty());
}

TEST(SampleScore, WildcardAcceptReason) {
  json e = Expected("review", {"check_failed:totaal"}, {{"check_failed:totaal", {"check_failed:*"}}});
  CaseScore s = ScoreCase("v", e, Result("verhuizing", "review", {"check_failed:som_klopt"}, "Kerkstraat"), {});
  EXPECT_TRUE(s.reasons_right);
}

TEST(SampleScore, WrongTypeCountsFieldsMissing) {
  CaseScore s = ScoreCase("v", Expected("archive"), Result("factuur", "review", json::array(), "Kerkstraat"), {});
  EXPECT_FALSE(s.type_right);
  EXPECT_EQ(s.fields_missing, 2);
  EXPECT_FALSE(Regressions(s).empty());
}

TEST(SampleScore, ListsCompareAsSortedDistinctValues) {
  EXPECT_EQ(ValueText(json::array({"1950-03-03", "1940-01-01", "1950-03-03"})), "1940-01-01, 1950-03-03");
  EXPECT_EQ(ValueText(true), "true");
  EXPECT_EQ(ValueText(nullptr), "");
}

TEST(SampleScore, BaselineCatchesADocumentDoingWorse) {
  CaseScore before = ScoreCase("v", Expected("archive"), Result("verhuizing", "archive", json::array(), "Kerkstraat"), {});
  CaseScore after = ScoreCase("v", Expected("archive"),
                              Result("verhuizing", "review", json::array({"missing:straat"}), ""), {});
  EXPECT_TRUE(WorseThan(before, BaselineEntry(before)).empty());
  EXPECT_EQ(WorseThan(after, BaselineEntry(before)).size(), 2u);  // the route, and a field fewer right
}

TEST(SampleScore, TotalsAndFigures) {
  Totals t;
  t.Add(ScoreCase("a", Expected("archive"), Result("verhuizing", "archive", json::array(), "Kerkstraat"), {}));
  t.Add(ScoreCase("b", Expected("archive"), Result("verhuizing", "review", {"low_confidence:straat"}, "Kerkstraat"), {}));
  t.Add(ScoreCase("c", Expected("review", {"invalid:bsn"}), Result("verhuizing", "review", {"invalid:bsn"}, "Kerkstraat"), {}));
  EXPECT_EQ(t.documents, 3);
  EXPECT_DOUBLE_EQ(t.TypeAccuracy(), 1.0);
  EXPECT_DOUBLE_EQ(t.CleanArchived(), 0.5);
  EXPECT_DOUBLE_EQ(t.FaultsToReview(), 1.0);
  EXPECT_DOUBLE_EQ(t.SilentErrorRate(), 0.0);
  EXPECT_NE(FormatTotals(t).find("clean documents archived      50.0%  (1/2)"), std::string::npos);
}

}  // namespace
}  // namespace scanstraat
