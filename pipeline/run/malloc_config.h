// How the worker's allocator treats page-sized buffers.
//
// glibc raises its mmap threshold (up to 32 MiB) each time an mmapped block is
// freed, so after the first page a rendered page (~9 MB grey at 300 dpi), its
// copies and Tesseract's page buffers come from the heap arenas instead, one
// arena per thread; freed there they stay resident whenever a smaller block
// sits above them. Which arena and how fragmented depends on scheduling, so
// the worker's peak RSS crept up with the number of pages (measured: 70 MB
// for 100 born-digital documents, 89 MB for 1000). A fixed threshold keeps
// every buffer of 1 MiB or more mmapped, returned to the system when freed,
// and the peak set by the pages in flight only.
//
// Thread-safety: call once at process start, before other threads exist.
#pragma once

#include <cstddef>

namespace scanstraat {

// Blocks at least this large are mmapped and unmapped on free.
inline constexpr size_t kMmapThresholdBytes = size_t{1} << 20;

// Fixes the threshold (ends glibc's dynamic adjustment). Returns false where
// that is not possible (not glibc, or mallopt refused); harmless then.
bool KeepLargeBlocksMapped();

}  // namespace scanstraat
