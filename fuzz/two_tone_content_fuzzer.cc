// libFuzzer target: arbitrary bytes as a page's content stream through the
// lexer that decides whether a born-digital page draws in black and white
// only (ingest/two_tone_content.h). It reads bytes from any PDF it is given,
// so it must stop cleanly on unterminated strings, stray delimiters, deep
// nesting and numbers of any length.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/ingest/two_tone_content.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)scanstraat::ContentDrawsInTwoTones(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
