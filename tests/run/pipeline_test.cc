// The run's pipeline: the rules of finished documents run in a parallel stage,
// so two documents are analysed at once with two jobs.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "pipeline/core/sha256.h"
#include "pipeline/image/pix.h"
#include "pipeline/run/pipeline.h"
#include "pipeline/run/progress.h"
#include "pipeline/store/store.h"

namespace scanstraat {
namespace {

namespace fs = std::filesystem;

// A small blank PNG; `mark` makes each one a different document.
std::string BlankPng(int mark) {
  PixPtr pix(pixCreate(300, 120, 8));
  pixSetAllArbitrary(pix.get(), 255);
  pixSetPixel(pix.get(), mark % 300, 119, 0);
  pixSetResolution(pix.get(), 300, 300);
  l_uint8* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(pixWriteMemPng(&data, &size, pix.get(), 0), 0);
  std::string bytes(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return bytes;
}

// Counts how many calls are inside the function at once; each call waits (up
// to a few seconds) for a second one to come in, so a serial stage shows as 1.
class ConcurrencyProbe {
 public:
  nlohmann::json Call() {
    std::unique_lock<std::mutex> lock(mu_);
    ++inside_;
    max_inside_ = std::max(max_inside_, inside_);
    ++calls_;
    cv_.notify_all();
    cv_.wait_for(lock, std::chrono::seconds(3), [&] { return inside_ >= 2 || done_waiting_; });
    if (inside_ >= 2) done_waiting_ = true;  // shown once; the rest need not wait
    --inside_;
    return nlohmann::json();
  }
  int max_inside() const { return max_inside_; }
  int calls() const { return calls_; }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int inside_ = 0, max_inside_ = 0, calls_ = 0;
  bool done_waiting_ = false;
};

TEST(Pipeline, RulesOfTwoDocumentsRunAtOnceWithTwoJobs) {
  QuietLeptonica();
  const fs::path dir = fs::path(testing::TempDir()) / "pipeline_parallel_rules";
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  RunOptions options;
  options.workspace = dir / "ws";
  options.jobs = 2;
  options.progress = 0;
  Result<std::unique_ptr<Store>> store = Store::Open(options.workspace);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Result<int64_t> run = (*store)->CreateRun("{}");
  ASSERT_TRUE(run.ok());
  constexpr int kDocs = 6;
  for (int i = 0; i < kDocs; ++i) {
    const std::string bytes = BlankPng(i);
    const fs::path path = dir / "in" / ("p" + std::to_string(i) + ".png");
    std::ofstream(path, std::ios::binary) << bytes;
    ASSERT_TRUE((*store)->NoteSeen(Sha256Hex(bytes), path.filename().string(), path.string(),
                                   static_cast<int64_t>(bytes.size()), *run).ok());
  }
  Result<std::vector<PendingDocument>> pending = (*store)->PendingForRun(*run);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), static_cast<size_t>(kDocs));

  ConcurrencyProbe probe;
  AnalyzeFn analyze = [&](const std::string&, const std::vector<PageText>&, const PageAccess&) {
    return probe.Call();
  };
  Progress progress(false, kDocs);
  std::atomic<bool> cancel{false};
  Result<PipelineStats> stats = RunPipeline(**store, *run, *pending, options, false, analyze, progress, cancel);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->documents, kDocs);
  EXPECT_EQ(probe.calls(), kDocs);
  EXPECT_EQ(probe.max_inside(), 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace scanstraat
