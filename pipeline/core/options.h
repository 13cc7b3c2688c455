// RunOptions: every tunable of `scanstraat run`, with its default beside it.
// The command line fills it (pipeline/cli/); nothing reads globals.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace scanstraat {

struct Limits {
  // A page (image or rendered PDF page) larger than this is refused as
  // `too_large` before it is decoded: a decompression bomb cannot exhaust memory.
  int64_t max_pixels = 100'000'000;
  // A PDF or TIFF with more pages than this is refused as `too_large`.
  int max_pages = 2'000;
  // Input files larger than this are refused as `too_large` (bytes).
  int64_t max_file_bytes = int64_t{2} << 30;
  // Per-page time limit for OCR (Tesseract's own deadline). A page over it
  // ends with reason `timeout`.
  int page_timeout_ms = 120'000;
  // A page stage that does not return within this (a hang inside a C
  // library that cannot be cancelled) makes the worker give up the document
  // as `timeout` and restart. Must be larger than page_timeout_ms.
  int page_hard_timeout_ms = 300'000;
};

struct RunOptions {
  std::vector<std::filesystem::path> inputs;             // files or folders (recursive)
  std::vector<std::string> exclude;                      // file name globs to skip in folders
  std::filesystem::path workspace = "workspace";         // database, page images, archive
  std::filesystem::path rules_dir = "rules";             // *.yaml rule files
  bool rules_explicit = false;   // --rules given: a missing folder is an error, not a warning
  double sample_rate = 0.02;     // share of sure documents also sent to review ("sampled")
  std::string lang = "nld+eng";                          // Tesseract languages
  std::string mode = "intake";                           // intake | archive
  int jobs = 0;                  // worker threads; 0 = number of cores
  int pages_in_flight = 0;       // bound on pages being processed; 0 = 2 x jobs
  int dpi = 300;                 // render/normalise resolution
  double settle_seconds = 2.0;   // a file changed more recently than this is waited for
  bool deskew = true;            // Leptonica skew correction
  bool orient = true;            // 0/90/180/270 orientation correction
  int progress = -1;             // -1 auto (bar on a terminal), 0 log lines, 1 bar
  Limits limits;
};

// The number of worker threads to use: `jobs`, or the core count when 0.
int EffectiveJobs(const RunOptions& options);

}  // namespace scanstraat
