#include <gtest/gtest.h>

#include "pipeline/cli/args.h"

namespace scanstraat {
namespace {

TEST(Args, ValuesFlagsAndPositionals) {
  auto r = ParseArgs({"in", "--jobs", "2", "--lang=nld", "--quiet", "--", "--odd-name.pdf"},
                     {"jobs", "lang"}, {"quiet"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->Get("jobs"), "2");
  EXPECT_EQ(r->Get("lang"), "nld");
  EXPECT_TRUE(r->Has("quiet"));
  EXPECT_EQ(r->positional, (std::vector<std::string>{"in", "--odd-name.pdf"}));
}

TEST(Args, ErrorsNameTheOption) {
  EXPECT_NE(ParseArgs({"--bogus"}, {}, {}).status().message().find("--bogus"), std::string::npos);
  EXPECT_NE(ParseArgs({"--jobs"}, {"jobs"}, {}).status().message().find("needs a value"), std::string::npos);
  EXPECT_FALSE(ParseInt("jobs", "0", 1, 8).ok());
  EXPECT_FALSE(ParseInt("jobs", "2x", 1, 8).ok());
  EXPECT_EQ(ParseInt("jobs", "8", 1, 8).value(), 8);
}

}  // namespace
}  // namespace scanstraat
