// The fault injection spec (SCANSTRAAT_FAULT_STORE / _ARCHIVE): what parses
// and what is refused.
#include <gtest/gtest.h>

#include "pipeline/store/fault_spec.h"

namespace scanstraat {
namespace {

struct SpecCase {
  const char* text;
  bool ok;
  FaultKind kind;
  int nth;
  bool sticky, worker_only;
};

const SpecCase kSpecs[] = {
    {"write:1", true, FaultKind::kWrite, 1, false, false},
    {"full:40+", true, FaultKind::kFull, 40, true, false},
    {"fsync:3@worker", true, FaultKind::kFsync, 3, false, true},
    {"full:7+@worker", true, FaultKind::kFull, 7, true, true},
    {"rename:2", true, FaultKind::kRename, 2, false, false},
    {"write:0", false, FaultKind::kWrite, 0, false, false},
    {"write:-1", false, FaultKind::kWrite, 0, false, false},
    {"write:", false, FaultKind::kWrite, 0, false, false},
    {"write", false, FaultKind::kWrite, 0, false, false},
    {"write:3x", false, FaultKind::kWrite, 0, false, false},
    {"read:1", false, FaultKind::kWrite, 0, false, false},
    {"write:1@supervisor", false, FaultKind::kWrite, 0, false, false},
    {"write:1@", false, FaultKind::kWrite, 0, false, false},
    {"+", false, FaultKind::kWrite, 0, false, false},
    {"", false, FaultKind::kWrite, 0, false, false},
};

TEST(FaultSpec, Parses) {
  for (const SpecCase& c : kSpecs) {
    SCOPED_TRACE(c.text);
    Result<FaultSpec> spec = ParseFaultSpec(c.text);
    ASSERT_EQ(spec.ok(), c.ok) << spec.status().ToString();
    if (!c.ok) {
      EXPECT_EQ(spec.status().code(), Code::kInvalidArgument);
      EXPECT_NE(spec.status().message().find("KIND:N"), std::string::npos);
      continue;
    }
    EXPECT_EQ(spec->kind, c.kind);
    EXPECT_EQ(spec->nth, c.nth);
    EXPECT_EQ(spec->sticky, c.sticky);
    EXPECT_EQ(spec->worker_only, c.worker_only);
  }
}

TEST(FaultSpec, FromEnvironment) {
  unsetenv("SS_TEST_FAULT");
  EXPECT_FALSE(FaultSpecFromEnv("SS_TEST_FAULT").value().has_value());
  setenv("SS_TEST_FAULT", "", 1);
  EXPECT_FALSE(FaultSpecFromEnv("SS_TEST_FAULT").value().has_value());
  setenv("SS_TEST_FAULT", "fsync:2", 1);
  EXPECT_EQ(FaultSpecFromEnv("SS_TEST_FAULT").value()->nth, 2);
  setenv("SS_TEST_FAULT", "fsync", 1);
  Result<std::optional<FaultSpec>> bad = FaultSpecFromEnv("SS_TEST_FAULT");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind("SS_TEST_FAULT: ", 0), 0u) << bad.status().message();
  unsetenv("SS_TEST_FAULT");
}

}  // namespace
}  // namespace scanstraat
