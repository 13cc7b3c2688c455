// The store's archive part: schema v2 (and the upgrade of a v1 workspace),
// page images, and archive files recorded with the document.
#include <gtest/gtest.h>
#include <unistd.h>

#include "pipeline/store/store.h"

namespace scanstraat {
namespace {

class ArchiveStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ss_archive_store_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    Reopen();
    auto run = store_->CreateRun("{}");
    ASSERT_TRUE(run.ok());
    run_ = *run;
    ASSERT_TRUE(store_->NoteSeen(kId, "a.pdf", "/in/a.pdf", 10, run_).ok());
    ASSERT_TRUE(store_->BeginDocument(kId, run_, false).ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Reopen() {
    store_.reset();
    auto s = Store::Open(dir_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  int64_t Count(const std::string& sql) {
    auto q = store_->db().Prepare(sql);
    EXPECT_TRUE(q.ok());
    EXPECT_TRUE(q->Step().ok());
    return q->Int(0);
  }

  static constexpr const char* kId = "ab";
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  int64_t run_ = 0;
};

PageRecord Page(int n) {
  PageRecord p;
  p.page_no = n;
  p.source = "ocr";
  p.text = "tekst";
  return p;
}

PageImage Image(int n) {
  PageImage im;
  im.filter = "CCITTFaxDecode";
  im.width = 2480;
  im.height = 3508;
  im.bits_per_component = 1;
  im.dpi = 300;
  im.data = std::string("\x00\x01\xff", 3) + std::to_string(n);  // binary, with a NUL
  return im;
}

DocumentOutcome Outcome(const std::string& decision) {
  DocumentOutcome o;
  o.pages = 2;
  o.text_source = "ocr";
  o.decision = decision;
  o.result_json = "{}";
  if (decision == "archive") {
    o.archive_files = {{"pdf", "ab/ab/document.pdf", "11", 100},
                       {"result", "ab/ab/result.json", "22", 10}};
    ArchivedDocument a;
    a.doc_id = "ab";
    a.doctype = "factuur";
    a.doctype_name = "Inkomende factuur";
    a.categorie = "1.5";
    a.waardering = "V";
    a.bewaartermijn = "P7Y";
    a.term_start = "2026-11-24";
    o.archived = a;
  } else {
    o.reasons = {"invalid:bsn"};
  }
  return o;
}

TEST_F(ArchiveStoreTest, PageImageIsStoredWithItsPageAndReadBackExactly) {
  PageImage im = Image(1);
  ASSERT_TRUE(store_->SavePage(kId, Page(1), &im).ok());
  ASSERT_TRUE(store_->SavePage(kId, Page(2)).ok());  // a text-layer page: no image
  auto images = store_->LoadPageImages(kId);
  ASSERT_TRUE(images.ok());
  ASSERT_EQ(images->size(), 1u);
  const PageImage& got = images->at(1);
  EXPECT_EQ(got.data, im.data);
  EXPECT_EQ(got.data.size(), 4u);
  EXPECT_EQ(got.filter, "CCITTFaxDecode");
  EXPECT_EQ(got.width, 2480);
  EXPECT_EQ(got.height, 3508);
  EXPECT_EQ(got.bits_per_component, 1);
  EXPECT_EQ(got.components, 1);
  EXPECT_EQ(got.dpi, 300);
  EXPECT_EQ(store_->DonePages(kId).value(), (std::set<int>{1, 2}));
}

TEST_F(ArchiveStoreTest, ArchivedDocumentRecordsItsFilesAndDropsItsImages) {
  PageImage im = Image(1);
  ASSERT_TRUE(store_->SavePage(kId, Page(1), &im).ok());
  ASSERT_TRUE(store_->FinishDocument(kId, run_, Outcome("archive")).ok());
  std::vector<std::string> paths;
  ASSERT_TRUE(store_->ForEachArchiveFile([&](const std::string& doc, const ArchiveFileRecord& f) {
    EXPECT_EQ(doc, kId);
    paths.push_back(f.role + " " + f.path + " " + f.sha256 + " " + std::to_string(f.size));
  }).ok());
  EXPECT_EQ(paths, (std::vector<std::string>{"pdf ab/ab/document.pdf 11 100",
                                             "result ab/ab/result.json 22 10"}));
  std::vector<ArchivedDocument> docs;
  ASSERT_TRUE(store_->ForEachArchivedDocument([&](const ArchivedDocument& a) { docs.push_back(a); }).ok());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].doc_id, kId);
  EXPECT_EQ(docs[0].bewaartermijn, "P7Y");
  EXPECT_EQ(docs[0].term_start, "2026-11-24");
  EXPECT_FALSE(docs[0].archived_at.empty());
  EXPECT_TRUE(store_->LoadPageImages(kId).value().empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_cases"), 0);

  // Finishing again (a rerun) records nothing twice.
  DocumentOutcome again = Outcome("archive");
  again.archive_files[0].sha256 = "99";
  ASSERT_TRUE(store_->FinishDocument(kId, run_, again).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_files"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_files WHERE sha256='99'"), 0);
}

TEST_F(ArchiveStoreTest, ReviewKeepsItsImagesAndRecordsNoFiles) {
  PageImage im = Image(1);
  ASSERT_TRUE(store_->SavePage(kId, Page(1), &im).ok());
  ASSERT_TRUE(store_->FinishDocument(kId, run_, Outcome("review")).ok());
  EXPECT_EQ(store_->LoadPageImages(kId).value().size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_files"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_documents"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_cases"), 1);
}

TEST_F(ArchiveStoreTest, FailedArchiveRecordLeavesTheDocumentNotDone) {
  // The last insert of the transaction fails (injected): the document stays
  // not done, with no files recorded and its page images kept.
  PageImage im = Image(1);
  ASSERT_TRUE(store_->SavePage(kId, Page(1), &im).ok());
  ASSERT_TRUE(store_->db().Exec("CREATE TRIGGER fail BEFORE INSERT ON archive_documents "
                                "BEGIN SELECT RAISE(ABORT, 'injected'); END").ok());
  EXPECT_FALSE(store_->FinishDocument(kId, run_, Outcome("archive")).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM documents WHERE state='done'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_files"), 0);
  EXPECT_EQ(store_->LoadPageImages(kId).value().size(), 1u);
  ASSERT_TRUE(store_->db().Exec("DROP TRIGGER fail").ok());
  ASSERT_TRUE(store_->FinishDocument(kId, run_, Outcome("archive")).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_files"), 2);
}

TEST_F(ArchiveStoreTest, VersionOneWorkspaceIsUpgraded) {
  // What a version 1 database looked like: none of the v2 and v3 tables and columns.
  ASSERT_TRUE(store_->db().Exec(
      "DROP TABLE page_images; DROP TABLE archive_files; DROP TABLE archive_documents; "
      "DROP TABLE users; DROP TABLE sessions; DROP TABLE audit_log; "
      "ALTER TABLE review_cases DROP COLUMN claimed_by; ALTER TABLE review_cases DROP COLUMN claim_expires; "
      "ALTER TABLE review_cases DROP COLUMN corrections; ALTER TABLE review_cases DROP COLUMN doctype; "
      "ALTER TABLE review_cases DROP COLUMN result; ALTER TABLE review_cases DROP COLUMN awaiting_second; "
      "ALTER TABLE review_cases DROP COLUMN first_approval_by; ALTER TABLE review_cases DROP COLUMN reject_reason; "
      "PRAGMA user_version=1").ok());
  Reopen();
  EXPECT_EQ(Count("PRAGMA user_version"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM documents"), 1);  // v1 data kept
  PageImage im = Image(1);
  ASSERT_TRUE(store_->SavePage(kId, Page(1), &im).ok());
  EXPECT_EQ(store_->LoadPageImages(kId).value().size(), 1u);
}

TEST_F(ArchiveStoreTest, NewerWorkspaceIsRefused) {
  ASSERT_TRUE(store_->db().Exec("PRAGMA user_version=4").ok());
  store_.reset();
  auto s = Store::Open(dir_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("newer"), std::string::npos);
}

}  // namespace
}  // namespace scanstraat
