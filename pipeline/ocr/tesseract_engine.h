// The Tesseract adapter: one engine per worker thread, initialised once,
// used through its C++ API. Nothing outside this pair sees a Tesseract type.
//
// Thread-safety: an engine is used by one thread at a time. Create one per
// worker thread (tbb::enumerable_thread_specific in the pipeline).
// OpenMP inside Tesseract must be limited to one thread by the environment
// before the library loads (see pipeline/cli/omp_guard.h).
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/core/status.h"
#include "pipeline/image/pix.h"

namespace tesseract {
class TessBaseAPI;
}

namespace scanstraat {

struct OcrOutput {
  PageText text;
  std::string hocr;        // the page's hOCR (XHTML fragment for one page)
  float mean_confidence = 0;  // 0..1, mean of word confidences
};

// One line of text read again on its own (ReadLine).
struct LineReading {
  std::string text;               // the words joined by single spaces
  std::vector<float> confidences; // 0..1, one per word
};

class TesseractEngine {
 public:
  ~TesseractEngine();
  TesseractEngine(const TesseractEngine&) = delete;
  TesseractEngine& operator=(const TesseractEngine&) = delete;

  // Loads the language data ("nld+eng"). Errors: kNotFound when a language
  // is not installed (message says which package to install).
  static Result<std::unique_ptr<TesseractEngine>> Create(const std::string& lang);

  // Whether Create(lang) would find the language data: each language's file
  // is opened and its configuration read, without loading the models (~18
  // ms for nld+eng against ~110 ms for Create). Errors as Create's.
  static Status CheckLanguages(const std::string& lang);

  // OCRs an 8 bpp page image at `dpi`. Stops after `timeout_ms` (kTimeout)
  // or when *cancel becomes true (kCancelled). `page_no` counts from 1.
  Result<OcrOutput> Recognize(const PIX* image, int dpi, int page_no, int timeout_ms,
                              const std::atomic<bool>* cancel);

  // Reads an 8 bpp image that holds one line of text (a crop of a page
  // around a value) as a single line, taking only the characters in
  // `whitelist` (empty: any). The engine is left as it was (page mode, no
  // whitelist), so a page OCR may follow. Stops after `timeout_ms`.
  Result<LineReading> ReadLine(const PIX* image, int dpi, const std::string& whitelist, int timeout_ms);

 private:
  TesseractEngine();
  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

// The OpenMP thread limit in force in this process (omp_get_thread_limit of
// the libgomp Tesseract loaded), or -1 when no OpenMP runtime is loaded.
int OpenMpThreadLimit();

}  // namespace scanstraat
