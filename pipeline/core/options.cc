#include "pipeline/core/options.h"

#include <thread>

namespace scanstraat {

int EffectiveJobs(const RunOptions& options) {
  if (options.jobs > 0) return options.jobs;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace scanstraat
