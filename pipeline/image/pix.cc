#include "pipeline/image/pix.h"

#include <cstdlib>
#include <cstring>

namespace scanstraat {

void QuietLeptonica() { setMsgSeverity(L_SEVERITY_NONE); }

Result<ImageHeader> ReadImageHeader(std::string_view bytes) {
  ImageHeader h;
  l_int32 iscmap = 0;
  if (pixReadHeaderMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size(), &h.format,
                       &h.width, &h.height, &h.bits_per_sample, &h.samples_per_pixel,
                       &iscmap) != 0) {
    return Status::Corrupt("image header cannot be read");
  }
  if (h.width <= 0 || h.height <= 0) return Status::Corrupt("image has no pixels");
  return h;
}

Result<PixPtr> DecodeImage(std::string_view bytes) {
  PIX* pix = pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size());
  if (pix == nullptr) return Status::Corrupt("image data cannot be decoded (damaged or truncated)");
  return PixPtr(pix);
}

Result<PixPtr> PixFromRows(std::string_view rows, int width, int height, int bits, int components,
                           size_t stride) {
  const bool grey = components == 1 && (bits == 1 || bits == 8);
  if (width <= 0 || height <= 0 || !(grey || (components == 3 && bits == 8)))
    return Status::InvalidArgument("rows are not 1-bit grey, 8-bit grey or 8-bit RGB");
  const size_t row_bytes = (size_t(width) * size_t(bits) * size_t(components) + 7) / 8;
  if (stride == 0) stride = row_bytes;
  if (stride < row_bytes) return Status::InvalidArgument("rows are shorter than their pixels need");
  // The last row may end at its last pixel; the ones before it take `stride` each.
  if (rows.size() < row_bytes || (rows.size() - row_bytes) / stride < size_t(height) - 1)
    return Status::Corrupt("image data is shorter than its size says");
  PixPtr pix(pixCreateNoInit(width, height, grey ? bits : 32));
  if (!pix) return Status::TooLarge("page image does not fit in memory");
  const auto* src = reinterpret_cast<const unsigned char*>(rows.data());
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  if (grey) {
    // Grey rows are the pix's rows byte for byte, each 32-bit word in
    // Leptonica's order (first pixel in the high byte), and for 1 bit
    // inverted (PDF's 0 = black is Leptonica's 1 = black): one pass a row.
    const l_uint32 flip = bits == 1 ? 0xffffffffu : 0u;
    const size_t whole = row_bytes / 4;
    for (int y = 0; y < height; ++y) {
      const unsigned char* row = src + size_t(y) * stride;
      l_uint32* line = data + size_t(y) * wpl;
      for (size_t i = 0; i < whole; ++i, row += 4)
        line[i] = (l_uint32{row[0]} << 24 | l_uint32{row[1]} << 16 | l_uint32{row[2]} << 8 | row[3]) ^ flip;
      if (whole < size_t(wpl)) {  // the last bytes, then padding
        l_uint32 last = 0;
        for (size_t b = 0; b < row_bytes % 4; ++b) last |= l_uint32{row[b]} << (24 - 8 * b);
        line[whole] = last ^ flip;
      }
    }
    if (bits == 1) pixSetPadBits(pix.get(), 0);
    return pix;
  }
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = src + size_t(y) * stride;
    l_uint32* line = data + size_t(y) * wpl;
    for (int x = 0; x < width; ++x, row += 3)
      line[x] = l_uint32{row[0]} << L_RED_SHIFT | l_uint32{row[1]} << L_GREEN_SHIFT | l_uint32{row[2]} << L_BLUE_SHIFT;
  }
  return pix;
}

int PixDpi(const PIX* pix) {
  int x = pixGetXRes(const_cast<PIX*>(pix));
  return (x >= 50 && x <= 2400) ? x : 0;
}

Result<std::string> EncodePng(const PIX* pix) {
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMem(&data, &size, const_cast<PIX*>(pix), IFF_PNG) != 0 || data == nullptr) {
    return Status::Internal("PNG encoding failed");
  }
  std::string out(reinterpret_cast<char*>(data), size);
  lept_free(data);
  return out;
}

}  // namespace scanstraat
