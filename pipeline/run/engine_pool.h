// One Tesseract engine per thread, created on first use, for work outside a
// run that reads with OCR from several threads (`rules test` applies the
// rules to many documents in parallel, and a doubtful value is read again).
//
// Thread-safety: Local() may be called from any thread; each thread gets its
// own engine and must not hand it to another.
#pragma once

#include <memory>
#include <string>

#include <tbb/enumerable_thread_specific.h>

#include "pipeline/ocr/tesseract_engine.h"
#include "pipeline/run/page_reread.h"

namespace scanstraat {

class EnginePool {
 public:
  explicit EnginePool(std::string lang) : lang_(std::move(lang)) {}

  // The calling thread's engine for the pool's languages.
  Result<TesseractEngine*> Local();

  // Local() as an EngineFn. REQUIRES: the pool outlives the function.
  EngineFn Fn() {
    return [this] { return Local(); };
  }

 private:
  std::string lang_;
  tbb::enumerable_thread_specific<std::unique_ptr<TesseractEngine>> engines_;
};

}  // namespace scanstraat
