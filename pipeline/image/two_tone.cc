#include "pipeline/image/two_tone.h"

#include <algorithm>
#include <memory>

namespace scanstraat {
namespace {

struct NumaDeleter {
  void operator()(NUMA* n) const { numaDestroy(&n); }
};
using NumaPtr = std::unique_ptr<NUMA, NumaDeleter>;

}  // namespace

bool IsTwoTone(const PIX* grey, int sampling, double mid_fraction) {
  PIX* p = const_cast<PIX*>(grey);  // Leptonica lacks const
  if (!p || pixGetDepth(p) != 8 || pixGetColormap(p)) return false;
  const int factor = std::max(1, std::min({sampling, pixGetWidth(p), pixGetHeight(p)}));
  NumaPtr hist(pixGetGrayHistogram(p, factor));
  if (!hist) return false;
  double total = 0, mid = 0;
  for (int v = 0; v < 256; ++v) {
    l_float32 n = 0;
    numaGetFValue(hist.get(), v, &n);
    total += n;
    if (v >= 32 && v < 224) mid += n;
  }
  return total > 0 && mid <= mid_fraction * total;
}

}  // namespace scanstraat
