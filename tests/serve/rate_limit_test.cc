#include "pipeline/serve/rate_limit.h"

#include <gtest/gtest.h>

namespace scanstraat {
namespace {

TEST(LoginLimiterTest, FiveFailuresInTheWindowBlockUntilTheyAge) {
  LoginLimiter limiter(5, 900);
  int64_t now = 10'000;
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(limiter.Allowed("ip:1", now));
    limiter.Failed("ip:1", now);
    now += 10;
  }
  EXPECT_FALSE(limiter.Allowed("ip:1", now));
  EXPECT_TRUE(limiter.Allowed("ip:2", now)) << "other keys are not affected";
  now = 10'000 + 900;  // the first failure leaves the window
  EXPECT_TRUE(limiter.Allowed("ip:1", now));
  limiter.Failed("ip:1", now);
  EXPECT_FALSE(limiter.Allowed("ip:1", now));
  limiter.Succeeded("ip:1");
  EXPECT_TRUE(limiter.Allowed("ip:1", now));
}

}  // namespace
}  // namespace scanstraat
