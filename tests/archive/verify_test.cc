// `verify` building blocks catch real damage: a flipped byte, a truncated
// file, a missing XMP, encryption, JavaScript, an unembedded font.
#include <gtest/gtest.h>

#include "archive_test_util.h"
#include "pipeline/archive/pdfa_writer.h"
#include "pipeline/archive/verify_pdfa.h"
#include "pipeline/core/sha256.h"

namespace scanstraat {
namespace {

using testing::Quote;
using testing::ScratchDir;
using testing::Sh;

class Verify : public ::testing::Test {
 protected:
  void SetUp() override {
    PixPtr pix = testing::ReadPix(testing::LeptProg("form1.tif"));
    auto img = EncodeForArchive(pix.get(), 300);
    ASSERT_TRUE(img.ok());
    PageText text;
    text.width = img->width;
    text.height = img->height;
    text.words.push_back({"Formulier", {40, 30, 160, 52}, 0.9f, 0});
    text.lines.push_back({{40, 30, 160, 52}, 0, 0, 1});
    PdfInfo info;
    info.title = "Testformulier";
    pdf_ = dir_ / "document.pdf";
    ASSERT_TRUE(WritePdfA({{std::move(*img), text}}, info, pdf_).ok());
    sha_ = Sha256File(pdf_).value();
  }

  std::vector<std::string> Checks(const std::filesystem::path& p) {
    auto r = CheckPdfAEssentials(p);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<std::string> out;
    if (r.ok())
      for (const Problem& pr : *r) out.push_back(pr.check);
    return out;
  }

  ScratchDir dir_;
  std::filesystem::path pdf_;
  std::string sha_;
};

TEST_F(Verify, CleanArchiveHasNoProblems) {
  EXPECT_TRUE(Checks(pdf_).empty());
  EXPECT_TRUE(CheckSha256(pdf_, sha_).empty());
}

TEST_F(Verify, FlippedByteFailsTheChecksum) {
  std::string bytes = testing::ReadAll(pdf_);
  bytes[bytes.size() / 2] ^= 0x01;
  testing::WriteAll(pdf_, bytes);
  auto problems = CheckSha256(pdf_, sha_);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].check, "sha256");
}

TEST_F(Verify, TruncatedFileIsCaught) {
  const std::string bytes = testing::ReadAll(pdf_);
  testing::WriteAll(pdf_, bytes.substr(0, bytes.size() * 2 / 3));
  EXPECT_EQ(Checks(pdf_), std::vector<std::string>{"pdfa.parse"});
  EXPECT_EQ(CheckSha256(pdf_, sha_).size(), 1u);
}

TEST_F(Verify, DeletedFileIsMissing) {
  std::filesystem::remove(pdf_);
  auto problems = CheckSha256(pdf_, sha_);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].check, "missing");
  EXPECT_EQ(CheckPdfAEssentials(pdf_).status().code(), Code::kNotFound);
}

TEST_F(Verify, MissingXmpIsCaught) {
  // Rename the catalog's /Metadata key in QDF form (same length), then let
  // fix-qdf repair the offsets: a well-formed PDF without XMP.
  const auto qdf = dir_ / "qdf.pdf";
  ASSERT_EQ(Sh("qpdf --qdf --object-streams=disable " + Quote(pdf_) + " " + Quote(qdf)).exit_code, 0);
  std::string s = testing::ReadAll(qdf);
  const auto at = s.find("/Metadata ");
  ASSERT_NE(at, std::string::npos);
  s.replace(at, 1, "/");  // keeps the length; renames the key
  s.replace(at + 1, 8, "Mexadata");
  testing::WriteAll(qdf, s);
  const auto fixed = dir_ / "no-xmp.pdf";
  ASSERT_EQ(Sh("fix-qdf " + Quote(qdf) + " > " + Quote(fixed)).exit_code, 0);
  const auto checks = Checks(fixed);
  EXPECT_NE(std::find(checks.begin(), checks.end(), "pdfa.xmp"), checks.end());
}

TEST_F(Verify, EncryptionIsCaught) {
  const auto enc = dir_ / "enc.pdf";
  ASSERT_EQ(Sh("qpdf --encrypt '' owner 256 -- " + Quote(pdf_) + " " + Quote(enc)).exit_code, 0);
  const auto checks = Checks(enc);
  EXPECT_NE(std::find(checks.begin(), checks.end(), "pdfa.encrypt"), checks.end());
}

TEST_F(Verify, JavaScriptAndUnembeddedFontAreCaught) {
  const auto qdf = dir_ / "qdf.pdf";
  ASSERT_EQ(Sh("qpdf --qdf --object-streams=disable " + Quote(pdf_) + " " + Quote(qdf)).exit_code, 0);
  std::string s = testing::ReadAll(qdf);
  // Add an OpenAction with JavaScript, and unembed the font (rename FontFile2).
  const auto cat = s.find("/Type /Catalog");
  ASSERT_NE(cat, std::string::npos);
  s.insert(cat, "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>\n  ");
  const auto ff = s.find("/FontFile2");
  ASSERT_NE(ff, std::string::npos);
  s.replace(ff, 10, "/FontFileX");
  testing::WriteAll(qdf, s);
  const auto bad = dir_ / "bad.pdf";
  ASSERT_EQ(Sh("fix-qdf " + Quote(qdf) + " > " + Quote(bad)).exit_code, 0);
  const auto checks = Checks(bad);
  EXPECT_NE(std::find(checks.begin(), checks.end(), "pdfa.javascript"), checks.end());
  EXPECT_NE(std::find(checks.begin(), checks.end(), "pdfa.fonts"), checks.end());
}

TEST_F(Verify, NotAPdfIsCaught) {
  testing::WriteAll(pdf_, "<html>not a pdf</html>");
  EXPECT_EQ(Checks(pdf_), std::vector<std::string>{"pdfa.header"});
}

}  // namespace
}  // namespace scanstraat
