// Reading a box of a real page again, as the rules ask for a doubtful value.
#include <gtest/gtest.h>

#include "pipeline/run/engine_pool.h"
#include "pipeline/run/page_reread.h"
#include "pipeline/run/reanalyze.h"

namespace scanstraat {
namespace {

const std::string kPhototest =
    std::string(SCANSTRAAT_SHARED_DATA) + "/ocr-ground-truth/tesseract-test/testing/phototest.tif";

TEST(PageReread, ReadsALineOfThePageAgain) {
  QuietLeptonica();
  const RunOptions options;
  Result<std::unique_ptr<SourceDocument>> source = OpenSourceFile(kPhototest, options);
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  Result<DocumentPages> pages = ReadPages(**source, options);
  ASSERT_TRUE(pages.ok());
  ASSERT_EQ(pages->pages.size(), 1u);
  const PageText& page = pages->pages[0];
  std::string first_line;
  for (int w = 0; w < page.lines[0].word_count; ++w) {
    first_line += (w ? " " : "") + page.words[page.lines[0].first_word + w].text;
  }

  EnginePool engines(options.lang);
  const PageAccess access = MakePageAccess(source->get(), options, engines.Fn());
  ASSERT_TRUE(access.reread);
  std::optional<Reread> again = access.reread(1, page.lines[0].box, "");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->text, first_line);
  EXPECT_FALSE(again->confidences.empty());
  // Ink is measured on the same cleaned page.
  ASSERT_TRUE(access.ink);
  EXPECT_GT(access.ink(1, page.lines[0].box).value_or(0), 0.05);
  // No such page, or a box off the page: nothing.
  EXPECT_FALSE(access.reread(2, page.lines[0].box, ""));
  EXPECT_FALSE(access.reread(1, {page.width + 10, 0, page.width + 50, 40}, ""));
}

TEST(PageReread, WithoutSourceOrEngineNothingIsReadAgain) {
  const RunOptions options;
  EnginePool engines(options.lang);
  const PageAccess none = MakePageAccess(nullptr, options, engines.Fn());
  ASSERT_TRUE(none.reread);
  EXPECT_FALSE(none.reread(1, {0, 0, 100, 40}, ""));
  EXPECT_FALSE(none.ink(1, {0, 0, 100, 40}));
  QuietLeptonica();
  Result<std::unique_ptr<SourceDocument>> source = OpenSourceFile(kPhototest, options);
  ASSERT_TRUE(source.ok());
  EXPECT_FALSE(MakePageAccess(source->get(), options, EngineFn{}).reread);
}

}  // namespace
}  // namespace scanstraat
