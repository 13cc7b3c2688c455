#include <gtest/gtest.h>

#include "pipeline/run/result_record.h"

namespace scanstraat {
namespace {

PageRecord Page(int n, const char* source, const char* error = "") {
  PageRecord p;
  p.page_no = n;
  p.source = source;
  p.error_code = error;
  if (*error) p.error_message = "page " + std::to_string(n) + ": it broke";
  return p;
}

TEST(DecideDocument, UnreadableFileFails) {
  DocumentFacts f;
  f.id = "ab";
  f.source = "in/x.pdf";
  f.open_status = Status::Encrypted("PDF is encrypted");
  DocumentOutcome o = DecideDocument(f, nullptr);
  EXPECT_EQ(o.decision, "failed");
  EXPECT_EQ(o.reasons, std::vector<std::string>{"unreadable"});
  EXPECT_EQ(o.error_code, "encrypted");
  auto j = nlohmann::json::parse(o.result_json);
  EXPECT_EQ(j["schema"], "scanstraat.result/1");
  EXPECT_EQ(j["document"]["id"], "ab");
  EXPECT_EQ(j["route"]["decision"], "failed");
  EXPECT_EQ(j["error"]["code"], "encrypted");
  EXPECT_EQ(j["doctype"]["id"], "unknown");
}

TEST(DecideDocument, WithoutRulesEveryDocumentIsUnknown) {
  DocumentFacts f;
  f.page_count = 2;
  f.pages = {Page(1, "ocr"), Page(2, "pdf_text")};
  DocumentOutcome o = DecideDocument(f, nullptr);
  EXPECT_EQ(o.decision, "review");
  EXPECT_EQ(o.reasons, std::vector<std::string>{"unknown_doctype"});
  EXPECT_EQ(o.text_source, "mixed");
  EXPECT_TRUE(o.error_code.empty());
}

TEST(DecideDocument, SomePagesFailedGoesToReviewAllFailedFails) {
  DocumentFacts f;
  f.page_count = 2;
  f.pages = {Page(1, "ocr"), Page(2, "none", "timeout")};
  DocumentOutcome some = DecideDocument(f, nullptr);
  EXPECT_EQ(some.decision, "review");
  EXPECT_EQ(some.reasons, (std::vector<std::string>{"unreadable", "unknown_doctype"}));
  EXPECT_EQ(some.error_code, "timeout");
  f.pages = {Page(1, "none", "timeout"), Page(2, "none", "corrupt")};
  DocumentOutcome all = DecideDocument(f, nullptr);
  EXPECT_EQ(all.decision, "failed");
  EXPECT_NE(all.error_message.find("1 more"), std::string::npos);
}

TEST(DecideDocument, RulesDecideWhenThePagesAreFine) {
  DocumentFacts f;
  f.page_count = 1;
  f.pages = {Page(1, "ocr")};
  nlohmann::json analysis = {
      {"doctype", {{"id", "factuur"}, {"confidence", 0.97}, {"rules", "factuur@1"}}},
      {"fields", {{"iban", {{"value", "NL91ABNA0417164300"}}}}},
      {"route", {{"decision", "archive"}, {"reasons", nlohmann::json::array()}}}};
  DocumentOutcome o = DecideDocument(f, analysis);
  EXPECT_EQ(o.decision, "archive");
  EXPECT_TRUE(o.reasons.empty());
  auto j = nlohmann::json::parse(o.result_json);
  EXPECT_EQ(j["doctype"]["id"], "factuur");
}

}  // namespace
}  // namespace scanstraat
