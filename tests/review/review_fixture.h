// A workspace store with review cases, for the review module's tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/store/store.h"

namespace scanstraat {

class ReviewStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ss_review_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto s = Store::Open(dir_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    auto run = store_->CreateRun("{}");
    ASSERT_TRUE(run.ok());
    run_ = *run;
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  // A done document with a review case; returns the case id.
  int64_t AddCase(const std::string& doc_id, const std::string& doctype, const std::string& reason) {
    EXPECT_TRUE(store_->NoteSeen(doc_id, "in/" + doc_id, "/nowhere/" + doc_id, 10, run_).ok());
    DocumentOutcome o;
    o.pages = 1;
    o.decision = "review";
    o.reasons = {reason};
    o.result_json = nlohmann::json({{"doctype", {{"id", doctype}, {"confidence", 0.9}}},
                                    {"fields", nlohmann::json::object()},
                                    {"route", {{"decision", "review"}, {"reasons", {reason}}}}})
                        .dump();
    EXPECT_TRUE(store_->FinishDocument(doc_id, run_, o).ok());
    Result<Stmt> q = store_->db().Prepare("SELECT id FROM review_cases WHERE doc_id=?");
    q->Bind(1, doc_id);
    Result<bool> row = q->Step();
    EXPECT_TRUE(row.ok() && row.value());
    return q->Int(0);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  int64_t run_ = 0;
};

}  // namespace scanstraat
