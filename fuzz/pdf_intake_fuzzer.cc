// libFuzzer target: arbitrary bytes as a PDF through the worker's intake
// (OpenSourceDocument as kPdf, then LoadPage, and RenderPage for text-layer
// pages). Poppler itself is not instrumented; a crash or hang inside it still
// shows up, and everything on our side of the adapter is checked by
// ASan/UBSan.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/intake_driver.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  scanstraat::fuzz::QuietLibraries();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)scanstraat::fuzz::DrivePdfIntake(bytes);
  return 0;
}
