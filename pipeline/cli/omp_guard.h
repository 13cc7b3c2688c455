// Debian's libtesseract is built with OpenMP, and libgomp reads
// OMP_THREAD_LIMIT once, when it is loaded — before main() runs. Scanstraat
// gets its parallelism from oneTBB (one Tesseract per worker thread), and
// OpenMP threads competing with those workers cost 5–11× per page. So when
// the variable is not set, main() sets it to 1 and re-executes the program,
// so that it is in force from the start.
#pragma once

namespace scanstraat {

// Returns normally when OMP_THREAD_LIMIT is set; otherwise sets it and
// replaces the process (execv of /proc/self/exe); on failure returns and
// the run continues with a warning.
void EnsureOpenMpLimit(char** argv);

}  // namespace scanstraat
