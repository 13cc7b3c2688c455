// libFuzzer target: arbitrary bytes through the worker's image intake. The
// kind is sniffed from the content as in the worker (TIFF, PNG, JPEG and the
// other formats Leptonica reads); the document is opened and every page
// decoded. Leptonica, libtiff, libpng and libjpeg are not instrumented; a
// crash or hang inside them still shows up.
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
  (void)scanstraat::fuzz::DriveImageIntake(bytes);
  return 0;
}
