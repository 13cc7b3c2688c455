#include "pipeline/image/two_tone.h"

#include <algorithm>
#include <cstdint>
#include <memory>

namespace scanstraat {
namespace {

struct NumaDeleter {
  void operator()(NUMA* n) const { numaDestroy(&n); }
};
using NumaPtr = std::unique_ptr<NUMA, NumaDeleter>;

bool IsMid(unsigned v) { return v - kMidGreyLow < kMidGreyHigh - kMidGreyLow; }

// Every pixel: the bytes of whole words are counted in memory order (the
// count does not depend on it), in blocks of a fixed length that the
// compiler vectorises; the last, partial word of a row pixel by pixel,
// leaving out its padding.
int64_t CountMidAll(PIX* p) {
  constexpr int kBlock = 64;
  const int w = pixGetWidth(p), h = pixGetHeight(p), wpl = pixGetWpl(p);
  const int whole = w / 4 * 4, blocks = whole / kBlock * kBlock;
  int64_t mid = 0;
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = pixGetData(p) + static_cast<size_t>(y) * wpl;
    const auto* bytes = reinterpret_cast<const uint8_t*>(line);
    int row = 0;
    for (int i = 0; i < blocks; i += kBlock) {
      uint8_t n = 0;
      for (int k = 0; k < kBlock; ++k) n += static_cast<uint8_t>(IsMid(bytes[i + k]));
      row += n;
    }
    for (int i = blocks; i < whole; ++i) row += IsMid(bytes[i]);
    for (int x = whole; x < w; ++x) row += IsMid(GET_DATA_BYTE(line, x));
    mid += row;
  }
  return mid;
}

int64_t CountMidSampled(PIX* p, int factor, int64_t* total) {
  NumaPtr hist(pixGetGrayHistogram(p, factor));
  if (!hist) return -1;
  double all = 0, mid = 0;
  for (int v = 0; v < 256; ++v) {
    l_float32 n = 0;
    numaGetFValue(hist.get(), v, &n);
    all += n;
    if (IsMid(v)) mid += n;
  }
  *total = static_cast<int64_t>(all);
  return static_cast<int64_t>(mid);
}

}  // namespace

bool IsTwoTone(const PIX* grey, int sampling, double mid_fraction) {
  PIX* p = const_cast<PIX*>(grey);  // Leptonica lacks const
  if (!p || pixGetDepth(p) != 8 || pixGetColormap(p)) return false;
  const int factor = std::max(1, std::min({sampling, pixGetWidth(p), pixGetHeight(p)}));
  int64_t total = static_cast<int64_t>(pixGetWidth(p)) * pixGetHeight(p);
  const int64_t mid = factor == 1 ? CountMidAll(p) : CountMidSampled(p, factor, &total);
  return mid >= 0 && total > 0 && static_cast<double>(mid) <= mid_fraction * static_cast<double>(total);
}

}  // namespace scanstraat
