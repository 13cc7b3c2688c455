#include "pipeline/image/pix.h"

#include <cstdlib>

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
