#include <gtest/gtest.h>
#include <unistd.h>

#include "pipeline/store/store.h"

namespace scanstraat {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ss_store_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto s = Store::Open(dir_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

DocumentOutcome Review() {
  DocumentOutcome o;
  o.pages = 1;
  o.text_source = "ocr";
  o.decision = "review";
  o.reasons = {"unknown_doctype"};
  o.result_json = R"({"schema":"scanstraat.result/1"})";
  return o;
}

TEST_F(StoreTest, DocumentLifecycleAndExactlyOnce) {
  auto run = store_->CreateRun("{}");
  ASSERT_TRUE(run.ok());
  auto st = store_->NoteSeen("aa", "in/a.pdf", "/abs/in/a.pdf", 10, *run);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st.value(), DocState::kNew);
  // The same content under another name is the same document.
  EXPECT_EQ(store_->NoteSeen("aa", "in/copy.pdf", "/abs/in/copy.pdf", 10, *run).value(), DocState::kPending);

  auto pending = store_->PendingForRun(*run);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 1u);
  ASSERT_TRUE(store_->BeginDocument("aa", *run, false).ok());
  PageRecord p;
  p.page_no = 1;
  p.source = "ocr";
  p.text = "hallo";
  ASSERT_TRUE(store_->SavePage("aa", p).ok());
  ASSERT_TRUE(store_->SavePage("aa", p).ok());  // a redone page replaces, never duplicates
  EXPECT_EQ(store_->DonePages("aa").value(), std::set<int>{1});

  ASSERT_TRUE(store_->FinishDocument("aa", *run, Review()).ok());
  ASSERT_TRUE(store_->FinishDocument("aa", *run, Review()).ok());  // second finish is a no-op
  int rows = 0;
  ASSERT_TRUE(store_->ForEachResult(0, "", [&](const Store::ResultRow& r) {
    ++rows;
    EXPECT_GT(r.case_id, 0);
    EXPECT_EQ(r.state_of_case, "open");
  }).ok());
  EXPECT_EQ(rows, 1);
  auto run2 = store_->CreateRun("{}");
  EXPECT_EQ(store_->NoteSeen("aa", "in/a.pdf", "/abs/in/a.pdf", 10, *run2).value(), DocState::kDone);
  EXPECT_TRUE(store_->PendingForRun(*run2)->empty());
  auto sum = store_->Summarise(*run2);
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(sum->documents_seen, 1);
  EXPECT_EQ(sum->documents_skipped, 1);
  EXPECT_EQ(sum->documents_processed, 0);
}

TEST_F(StoreTest, CrashBookkeeping) {
  auto run = store_->CreateRun("{}");
  ASSERT_TRUE(store_->NoteSeen("bb", "b", "/b", 1, *run).ok());
  ASSERT_TRUE(store_->NoteSeen("cc", "c", "/c", 1, *run).ok());
  ASSERT_TRUE(store_->BeginDocument("bb", *run, false).ok());
  EXPECT_EQ(store_->MarkCrashed(*run).value(), 1);
  EXPECT_TRUE(store_->IsolatedCrashes(*run)->empty());  // not alone: only a suspect
  auto pending = store_->PendingForRun(*run).value();
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].id, "bb");  // suspects first
  EXPECT_TRUE(pending[0].suspect);
  ASSERT_TRUE(store_->BeginDocument("bb", *run, true).ok());
  EXPECT_EQ(store_->MarkCrashed(*run).value(), 1);
  EXPECT_EQ(store_->IsolatedCrashes(*run).value(), std::vector<std::string>{"bb"});
  ASSERT_TRUE(store_->ResetInProgress(*run).ok());
  EXPECT_FALSE(store_->PendingForRun(*run).value()[0].suspect);
}

TEST(StoreOpen, UnwritableWorkspaceIsAnIOError) {
  auto s = Store::Open("/proc/version/ws");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Code::kIOError);
  EXPECT_EQ(Store::OpenExisting("/nonexistent-ws").status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace scanstraat
