#include "pipeline/cli/omp_guard.h"

#include <unistd.h>

#include <cstdlib>

#include "pipeline/core/log.h"

namespace scanstraat {

void EnsureOpenMpLimit(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  LogWarn("could not re-execute with OMP_THREAD_LIMIT=1; set it in the environment to avoid slow OCR");
}

}  // namespace scanstraat
