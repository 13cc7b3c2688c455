#include <gtest/gtest.h>

#include "pipeline/core/page_text_json.h"
#include "pipeline/core/sha256.h"
#include "pipeline/core/status.h"

namespace scanstraat {
namespace {

TEST(Status, CodesHaveStableNames) {
  EXPECT_EQ(CodeName(Code::kEncrypted), "encrypted");
  EXPECT_EQ(CodeName(Code::kUnsupported), "unsupported_format");
  EXPECT_EQ(CodeName(Code::kTooLarge), "too_large");
  Status s = Status::Corrupt("xref broken").WithContext("page 3");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "corrupt: page 3: xref broken");
  EXPECT_TRUE(Status::Ok().ok());
}

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, MissingFileIsAnError) {
  Result<std::string> r = Sha256File("/nonexistent/for/sure");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kIOError);
}

TEST(PageTextJson, RoundTrips) {
  PageText p;
  p.page_no = 2;
  p.width = 2480;
  p.height = 3508;
  p.source = TextSource::kPdfText;
  p.words = {{"Burgerservicenummer", {100, 200, 600, 240}, 0.914f, 0},
             {"12345", {620, 200, 760, 240}, 0.5f, 0}};
  p.lines = {{{100, 200, 760, 240}, 0, 0, 2}};
  Result<PageText> back = PageTextFromJson(PageTextToJson(p), "Burgerservicenummer 12345\n");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->page_no, 2);
  EXPECT_EQ(back->source, TextSource::kPdfText);
  ASSERT_EQ(back->words.size(), 2u);
  EXPECT_EQ(back->words[1].text, "12345");
  EXPECT_EQ(back->words[1].box, (Box{620, 200, 760, 240}));
  EXPECT_NEAR(back->words[0].confidence, 0.914f, 0.001f);
  ASSERT_EQ(back->lines.size(), 1u);
  EXPECT_EQ(back->lines[0].word_count, 2);
  EXPECT_EQ(back->text, "Burgerservicenummer 12345\n");
}

TEST(PageTextJson, RejectsGarbage) {
  EXPECT_FALSE(PageTextFromJson("{not json", "").ok());
  EXPECT_FALSE(PageTextFromJson(R"({"words":[[1,2]]})", "").ok());
}

}  // namespace
}  // namespace scanstraat
