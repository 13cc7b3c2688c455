// The archive step on a made-up document: the files it writes and records,
// and that a failure leaves nothing of the attempt behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "pipeline/core/page_text_json.h"
#include "pipeline/core/sha256.h"
#include "pipeline/image/pix.h"
#include "pipeline/run/archive_step.h"

namespace scanstraat {
namespace {
namespace fs = std::filesystem;

const std::string kId(64, 'c');

class ArchiveStepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = fs::temp_directory_path() /
          ("ss_archive_step_" + std::to_string(getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(ws_);
    fs::create_directories(ws_);
    // One 8-bit page with a black bar: a two-tone page (G4).
    PixPtr pix(pixCreate(600, 800, 8));
    pixSetAllArbitrary(pix.get(), 255);
    pixRasterop(pix.get(), 100, 100, 300, 40, PIX_CLR, nullptr, 0, 0);
    auto enc = EncodeForArchive(pix.get(), 300);
    ASSERT_TRUE(enc.ok());
    images_[1] = ToPageImage(std::move(enc).value());

    PageText t;
    t.width = 600;
    t.height = 800;
    t.words = {{"Gemeentearchief", {100, 100, 400, 140}, 0.95f, 0}};
    t.lines = {{{100, 100, 400, 140}, 0, 0, 1}};
    t.text = "Gemeentearchief";
    PageRecord p;
    p.page_no = 1;
    p.source = "ocr";
    p.text = t.text;
    p.page_json = PageTextToJson(t);
    pages_ = {p};
    analysis_ = nlohmann::json::parse(R"({
      "doctype": {"id": "bezwaarschrift"},
      "archive_settings": {"name": "Bezwaarschrift", "categorie": "13.1", "omschrijving": "Bezwaar",
                           "selectielijst": "", "waardering": "V", "bewaartermijn": "P5Y"},
      "document_dates": ["2025-02-11", "2025-01-21", "11-02-2025"]})");
    outcome_.decision = "archive";
    outcome_.result_json = R"({"schema":"scanstraat.result/1","route":{"decision":"archive","reasons":[]},"archive":null})";
    std::ofstream(ws_ / "scanstraat.conf") << "archiefvormer = gm0363\narchiefvormer_naam = Gemeente Amsterdam\n";
  }
  void TearDown() override { fs::remove_all(ws_); }

  ArchiveRequest Request() {
    ArchiveRequest rq;
    rq.doc_id = kId;
    rq.pages = &pages_;
    rq.images = images_;
    rq.analysis = &analysis_;
    return rq;
  }
  fs::path Folder() { return ArchiveRoot(ws_) / "cc" / kId; }

  fs::path ws_;
  std::map<int, PageImage> images_;
  std::vector<PageRecord> pages_;
  nlohmann::json analysis_;
  DocumentOutcome outcome_;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_F(ArchiveStepTest, WritesAndDescribesEveryFile) {
  auto step = ArchiveStep::Create(ws_);
  ASSERT_TRUE(step.ok()) << step.status().ToString();
  ASSERT_TRUE(step.value()->Archive(Request(), outcome_).ok());
  std::set<std::string> roles;
  for (const ArchiveFileRecord& f : outcome_.archive_files) {
    roles.insert(f.role);
    const std::string bytes = Slurp(ArchiveRoot(ws_) / f.path);
    EXPECT_EQ(Sha256Hex(bytes), f.sha256) << f.path;
    EXPECT_EQ(static_cast<int64_t>(bytes.size()), f.size) << f.path;
    EXPECT_EQ(f.path.find("cc/" + kId + "/"), 0u) << f.path;
  }
  EXPECT_EQ(roles, (std::set<std::string>{"pdf", "mdto_object", "mdto_pdf", "result"}));
  auto record = nlohmann::json::parse(outcome_.result_json);
  EXPECT_EQ(record["archive"]["pdf"], "cc/" + kId + "/document.pdf");
  EXPECT_EQ(record["archive"]["metadata"], "cc/" + kId + "/informatieobject.mdto.xml");
  EXPECT_EQ(record["archive"]["sha256"], Sha256Hex(Slurp(Folder() / "document.pdf")));
  const std::string io = Slurp(Folder() / "informatieobject.mdto.xml");
  EXPECT_NE(io.find("<dekkingInTijdBegindatum>2025-01-21</dekkingInTijdBegindatum>"), std::string::npos);
  EXPECT_NE(io.find("<dekkingInTijdEinddatum>2025-02-11</dekkingInTijdEinddatum>"), std::string::npos);
  EXPECT_NE(io.find("gm0363"), std::string::npos);
  ASSERT_TRUE(outcome_.archived);
  EXPECT_EQ(outcome_.archived->bewaartermijn, "P5Y");
  EXPECT_EQ(outcome_.archived->categorie, "13.1");
  EXPECT_EQ(Slurp(Folder() / "document.pdf").rfind("%PDF-", 0), 0u);
}

TEST_F(ArchiveStepTest, AWriteFailureLeavesNothingAndChangesNothing) {
  fs::create_directories(Folder() / "result.json");  // the last rename cannot replace a folder
  const std::string before = outcome_.result_json;
  auto step = ArchiveStep::Create(ws_);
  ASSERT_TRUE(step.ok());
  Status s = step.value()->Archive(Request(), outcome_);
  EXPECT_EQ(s.code(), Code::kIOError) << s.ToString();
  EXPECT_FALSE(fs::exists(Folder() / "document.pdf"));
  EXPECT_FALSE(fs::exists(Folder() / "informatieobject.mdto.xml"));
  EXPECT_FALSE(fs::exists(Folder() / "document.pdf.mdto.xml"));
  EXPECT_TRUE(outcome_.archive_files.empty());
  EXPECT_FALSE(outcome_.archived);
  EXPECT_EQ(outcome_.result_json, before);
}

TEST_F(ArchiveStepTest, ADocumentThatCannotBeDescribedGoesToReview) {
  analysis_["archive_settings"]["waardering"] = "";  // MDTO needs a waardering
  auto step = ArchiveStep::Create(ws_);
  ASSERT_TRUE(step.ok());
  Status s = step.value()->Archive(Request(), outcome_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.code(), Code::kIOError);
  EXPECT_FALSE(fs::exists(ArchiveRoot(ws_) / "cc"));
  RouteToReview(outcome_, s);
  EXPECT_EQ(outcome_.decision, "review");
  EXPECT_EQ(outcome_.reasons, (std::vector<std::string>{"archive_failed"}));
  auto record = nlohmann::json::parse(outcome_.result_json);
  EXPECT_EQ(record["route"]["decision"], "review");
  EXPECT_TRUE(record["archive"].is_null());
  EXPECT_EQ(record["error"]["code"], "archive_failed");
}

TEST_F(ArchiveStepTest, LeftoversOfInterruptedWritesAreRemoved) {
  fs::create_directories(Folder());
  std::ofstream(Folder() / ".document.pdf.tmp-0123abcd") << "half";
  std::ofstream(Folder() / "document.pdf") << "kept";
  auto n = RemoveArchiveLeftovers(ws_);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n.value(), 1);
  EXPECT_FALSE(fs::exists(Folder() / ".document.pdf.tmp-0123abcd"));
  EXPECT_TRUE(fs::exists(Folder() / "document.pdf"));
}

TEST_F(ArchiveStepTest, BadConfigIsAnErrorNamingTheLine) {
  std::ofstream(ws_ / "scanstraat.conf") << "# ok\narchiefvormr = gm0363\n";
  auto step = ArchiveStep::Create(ws_);
  ASSERT_FALSE(step.ok());
  EXPECT_NE(step.status().message().find("scanstraat.conf:2"), std::string::npos);
}

}  // namespace
}  // namespace scanstraat
