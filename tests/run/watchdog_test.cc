#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "pipeline/run/watchdog.h"

namespace scanstraat {
namespace {

TEST(Watchdog, FiresOnceForAStuckPageOnly) {
  std::atomic<int> fired{0};
  std::string doc;
  {
    Watchdog w(200, [&](const std::string& id, int page) {
      doc = id + "#" + std::to_string(page);
      ++fired;
    });
    int64_t quick = w.Begin("quick", 1);
    w.End(quick);
    w.Begin("stuck", 3);
    std::this_thread::sleep_for(std::chrono::milliseconds(900));
  }
  EXPECT_EQ(fired.load(), 1);
  EXPECT_EQ(doc, "stuck#3");
}

}  // namespace
}  // namespace scanstraat
