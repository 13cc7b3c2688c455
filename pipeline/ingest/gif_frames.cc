#include "pipeline/ingest/gif_frames.h"

namespace scanstraat {
namespace {

int Byte(std::string_view b, size_t i) { return static_cast<unsigned char>(b[i]); }
int64_t Le16(std::string_view b, size_t i) { return Byte(b, i) | (Byte(b, i + 1) << 8); }
size_t ColorTableSize(int packed) { return (packed & 0x80) ? 3u << ((packed & 7) + 1) : 0; }

// Skips data sub-blocks (a length byte, then that many bytes, until a 0
// length) from `i`. Returns the position after them, or npos when truncated.
size_t SkipSubBlocks(std::string_view b, size_t i) {
  while (i < b.size()) {
    size_t n = static_cast<size_t>(Byte(b, i));
    ++i;
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace

bool IsGif(std::string_view bytes) {
  return bytes.substr(0, 6) == "GIF87a" || bytes.substr(0, 6) == "GIF89a";
}

int64_t GifPixelsToDecode(std::string_view b) {
  if (!IsGif(b) || b.size() < 13) return 0;
  int64_t pixels = 0;
  size_t i = 13 + ColorTableSize(Byte(b, 10));  // after the screen descriptor and its colours
  while (i < b.size()) {
    int block = Byte(b, i);
    if (block == 0x3B) break;  // trailer
    if (block == 0x21) {       // extension: label, then sub-blocks
      i = i + 2 <= b.size() ? SkipSubBlocks(b, i + 2) : std::string_view::npos;
    } else if (block == 0x2C) {  // image descriptor: x, y, width, height, packed
      if (i + 10 > b.size()) break;
      pixels += Le16(b, i + 5) * Le16(b, i + 7);
      size_t data = i + 10 + ColorTableSize(Byte(b, i + 9)) + 1;  // + LZW code size
      i = data <= b.size() ? SkipSubBlocks(b, data) : std::string_view::npos;
    } else {
      break;
    }
    if (i == std::string_view::npos) break;
  }
  return pixels;
}

}  // namespace scanstraat
