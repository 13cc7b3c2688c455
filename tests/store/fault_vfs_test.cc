// The store under a failing disk (fault_vfs.h): each case breaks one write or
// fsync during one store operation and checks that the operation reports it,
// that the database is still sound with nothing half-recorded, and that the
// same work done again afterwards (as the next run would) completes once.
#include <gtest/gtest.h>
#include <unistd.h>

#include "pipeline/store/fault_vfs.h"
#include "pipeline/store/store.h"

namespace scanstraat {
namespace {

enum class Step {
  kNoteSeen,      // the supervisor records a new input
  kSavePage,      // a page with its image
  kFinish,        // the document done, with its archive files
  kSaveBigPage,   // a page so large that its commit runs a checkpoint (fsyncs)
};

struct FaultCase {
  const char* spec;
  Step step;
  Code code;            // kOk: the fault is not reached
  const char* message;  // part of the error message
};

const FaultCase kCases[] = {
    {"write:1", Step::kNoteSeen, Code::kIOError, "disk I/O error"},
    {"write:2", Step::kSavePage, Code::kIOError, "disk I/O error"},
    {"full:1", Step::kSavePage, Code::kIOError, "disk is full"},
    {"write:3", Step::kFinish, Code::kIOError, "disk I/O error"},
    {"full:2+", Step::kFinish, Code::kIOError, "disk is full"},
    {"fsync:1", Step::kSaveBigPage, Code::kIOError, "disk I/O error"},  // the WAL's sync
    {"fsync:2", Step::kSaveBigPage, Code::kIOError, "disk I/O error"},  // the database's
    {"fsync:1", Step::kSavePage, Code::kOk, ""},  // a small commit does not sync (WAL, NORMAL)
    {"write:100000", Step::kFinish, Code::kOk, ""},
};

const char* StepName(Step s) {
  switch (s) {
    case Step::kNoteSeen: return "note_seen";
    case Step::kSavePage: return "save_page";
    case Step::kFinish: return "finish";
    case Step::kSaveBigPage: return "save_big_page";
  }
  return "?";
}

constexpr const char* kDoc = "d1";
constexpr const char* kNewDoc = "d2";

PageImage Image(size_t bytes) {
  PageImage im;
  im.filter = "DCTDecode";
  im.width = 2480;
  im.height = 3508;
  im.data = std::string(bytes, '\x5a');
  return im;
}

PageRecord Page() {
  PageRecord p;
  p.page_no = 1;
  p.source = "ocr";
  p.text = "tekst";
  return p;
}

DocumentOutcome Archived() {
  DocumentOutcome o;
  o.pages = 1;
  o.text_source = "ocr";
  o.decision = "archive";
  o.result_json = R"({"schema":"scanstraat.result/1"})";
  o.archive_files = {{"pdf", "d1/document.pdf", "aa", 10}, {"result", "d1/result.json", "bb", 5}};
  ArchivedDocument a;
  a.doc_id = kDoc;
  a.doctype = "factuur";
  a.doctype_name = "Factuur";
  a.categorie = "1.1";
  a.waardering = "V";
  a.bewaartermijn = "P7Y";
  a.term_start = "2026-01-01";
  o.archived = a;
  return o;
}

class StoreFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("ss_store_fault_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    InstallFaultVfs();  // before any connection is opened
  }
  void TearDown() override {
    DisarmFaultVfs();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Open() {
    store_.reset();
    auto s = Store::Open(dir_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  int64_t Int(const std::string& sql) {
    auto q = store_->db().Prepare(sql);
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    EXPECT_TRUE(q->Step().ok());
    return q->Int(0);
  }
  std::string Text(const std::string& sql) {
    auto q = store_->db().Prepare(sql);
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    EXPECT_TRUE(q->Step().ok());
    return q->Text(0);
  }
  Status Do(Step step) {
    switch (step) {
      case Step::kNoteSeen: return store_->NoteSeen(kNewDoc, "b.pdf", "/in/b.pdf", 1, run_).status();
      case Step::kSavePage: {
        PageImage im = Image(20'000);
        return store_->SavePage(kDoc, Page(), &im);
      }
      case Step::kFinish: return store_->FinishDocument(kDoc, run_, Archived());
      case Step::kSaveBigPage: {
        PageImage im = Image(6 << 20);  // > 1000 WAL frames of 4 KiB
        return store_->SavePage(kDoc, Page(), &im);
      }
    }
    return Status::Internal("unknown step");
  }
  // What must hold whatever failed: a sound file, and nothing half-recorded.
  void ExpectConsistent() {
    EXPECT_EQ(Text("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(Int("SELECT COUNT(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM documents WHERE state='done' AND (result IS NULL OR "
                  "decision IS NULL OR done_seq IS NULL)"), 0);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM archive_files f JOIN documents d ON d.id=f.doc_id "
                  "WHERE d.state != 'done'"), 0);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM archive_documents a JOIN documents d ON d.id=a.doc_id "
                  "WHERE d.state != 'done'"), 0);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  int64_t run_ = 0;
};

TEST_F(StoreFaultTest, EachFaultIsReportedAndTheWorkCompletesAfterwards) {
  for (const FaultCase& c : kCases) {
    SCOPED_TRACE(std::string(c.spec) + " during " + StepName(c.step));
    std::filesystem::remove_all(dir_);
    DisarmFaultVfs();
    Open();
    run_ = store_->CreateRun("{}").value();
    ASSERT_TRUE(store_->NoteSeen(kDoc, "a.pdf", "/in/a.pdf", 10, run_).ok());
    ASSERT_TRUE(store_->BeginDocument(kDoc, run_, false).ok());
    if (c.step == Step::kFinish) {
      ASSERT_TRUE(Do(Step::kSavePage).ok());
    }

    ArmFaultVfs(ParseFaultSpec(c.spec).value());
    Status s = Do(c.step);
    const int injected = FaultVfsInjected();
    DisarmFaultVfs();
    EXPECT_EQ(s.code(), c.code) << s.ToString();
    if (c.code == Code::kOk) {
      EXPECT_EQ(injected, 0);
    } else {
      EXPECT_GE(injected, 1);
      EXPECT_NE(s.message().find(c.message), std::string::npos) << s.message();
      EXPECT_EQ(s.message().find("a.pdf"), std::string::npos) << "no file names in errors";
    }

    Open();  // the next run: what is not done is done again
    ExpectConsistent();
    const bool done = c.code == Code::kOk && c.step == Step::kFinish;
    EXPECT_EQ(Int("SELECT COUNT(*) FROM documents WHERE state='done'"), done ? 1 : 0);
    ASSERT_TRUE(store_->NoteSeen(kNewDoc, "b.pdf", "/in/b.pdf", 1, run_).ok());
    if (!done) {
      ASSERT_TRUE(Do(Step::kSavePage).ok());
      ASSERT_TRUE(Do(Step::kFinish).ok());
    }
    ExpectConsistent();
    EXPECT_EQ(Int("SELECT COUNT(*) FROM documents"), 2);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM documents WHERE state='done'"), 1);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM pages"), 1);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM archive_files"), 2);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM archive_documents"), 1);
    EXPECT_EQ(Int("SELECT COUNT(*) FROM page_images"), 0);  // dropped once archived
  }
}

TEST_F(StoreFaultTest, WorkerOnlyFaultsSpareOtherProcesses) {
  Open();
  run_ = store_->CreateRun("{}").value();
  FaultSpec spec = ParseFaultSpec("write:1+@worker").value();
  ArmFaultVfs(spec);
  EXPECT_TRUE(store_->NoteSeen(kDoc, "a.pdf", "/in/a.pdf", 10, run_).ok());
  EXPECT_EQ(FaultVfsInjected(), 0);  // this test process is not a run's worker
}

}  // namespace
}  // namespace scanstraat
