#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "pipeline/run/malloc_config.h"

namespace scanstraat {
namespace {

#if defined(__GLIBC__)
// Bytes in mmapped blocks while a page-sized block is held.
size_t MappedWhileHolding(size_t bytes) {
  void* volatile p = std::malloc(bytes);
  std::memset(p, 1, bytes);
  size_t mapped = mallinfo2().hblkhd;
  std::free(p);
  return mapped;
}

// Without the fixed threshold, glibc serves the second page-sized block from
// the heap (it raised the threshold when the first was freed), where it can
// stay resident after free.
TEST(MallocConfig, PageSizedBlocksStayMappedAfterOneIsFreed) {
  ASSERT_TRUE(KeepLargeBlocksMapped());
  constexpr size_t kPage = 9u << 20;  // an A4 grey page at 300 dpi
  const size_t before = mallinfo2().hblkhd;
  EXPECT_GE(MappedWhileHolding(kPage), before + kPage);
  EXPECT_GE(MappedWhileHolding(kPage), before + kPage);  // still mapped the second time
  EXPECT_GE(MappedWhileHolding(2 * kMmapThresholdBytes), before + 2 * kMmapThresholdBytes);
}
#endif

}  // namespace
}  // namespace scanstraat
