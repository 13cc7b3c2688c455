// `scanstraat selftest`: prints facts about the engines as loaded in this
// process, for operators and tests (e.g. that OpenMP is limited to 1 thread).
#include <tesseract/baseapi.h>

#include <cstdio>

#include "pipeline/cli/commands.h"
#include "pipeline/ocr/tesseract_engine.h"

namespace scanstraat {

int SelfTestCommand(const std::vector<std::string>& args) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    return Usage("Usage: scanstraat selftest\n\nPrints the engine versions and the OpenMP thread limit\n"
                 "in force, and checks that the default languages load.\n");
  }
  std::printf("tesseract %s\n", tesseract::TessBaseAPI::Version());
  std::printf("omp_thread_limit %d\n", OpenMpThreadLimit());
  Result<std::unique_ptr<TesseractEngine>> e = TesseractEngine::Create("nld+eng");
  std::printf("languages nld+eng %s\n", e.ok() ? "ok" : e.status().message().c_str());
  return e.ok() ? 0 : 1;
}

}  // namespace scanstraat
