// Happens-before edges for ThreadSanitizer where the synchronisation lives in
// code TSan cannot see: Debian's oneTBB is not built with TSan, so the atomics
// with which tbb::parallel_pipeline hands an item from one stage's thread to
// the next are invisible, and the item looks raced on. Copying or moving a
// hand-off object calls TsanAcquire on the source and TsanRelease on the copy,
// which is what the hidden atomics guarantee. Without TSan these are empty.
#pragma once

#if defined(__SANITIZE_THREAD__)
#define SCANSTRAAT_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SCANSTRAAT_TSAN 1
#endif
#endif

#ifdef SCANSTRAAT_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace scanstraat {

inline void TsanRelease(const void* addr) {
#ifdef SCANSTRAAT_TSAN
  __tsan_release(const_cast<void*>(addr));
#else
  (void)addr;
#endif
}

inline void TsanAcquire(const void* addr) {
#ifdef SCANSTRAAT_TSAN
  __tsan_acquire(const_cast<void*>(addr));
#else
  (void)addr;
#endif
}

// A section that runs one call at a time but not always on the same thread
// (a serial tbb filter): each call acquires what the previous call released
// on `tag`, so the section's own state is ordered as oneTBB orders it. After
// tbb::parallel_pipeline returns, TsanAcquire(tag) orders the caller's reads
// after the section's last call.
class TsanSerialSection {
 public:
  explicit TsanSerialSection(const void* tag) : tag_(tag) { TsanAcquire(tag_); }
  ~TsanSerialSection() { TsanRelease(tag_); }
  TsanSerialSection(const TsanSerialSection&) = delete;
  TsanSerialSection& operator=(const TsanSerialSection&) = delete;

 private:
  const void* tag_;
};

}  // namespace scanstraat
