#include "pipeline/run/malloc_config.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace scanstraat {

bool KeepLargeBlocksMapped() {
#if defined(__GLIBC__)
  return mallopt(M_MMAP_THRESHOLD, static_cast<int>(kMmapThresholdBytes)) == 1;
#else
  return false;
#endif
}

}  // namespace scanstraat
