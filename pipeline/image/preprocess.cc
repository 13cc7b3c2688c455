#include "pipeline/image/preprocess.h"

#include <cmath>

namespace scanstraat {
namespace {

constexpr float kDegToRad = 3.14159265f / 180.0f;
// Skew below this is left alone: rotating costs time and blurs strokes.
constexpr float kMinSkewDegrees = 0.15f;
// pixFindSkew's confidence below this means "no clear text lines".
constexpr float kMinSkewConfidence = 2.5f;

PixPtr ToGrey(const PIX* pix) {
  PIX* p = const_cast<PIX*>(pix);
  if (pixGetDepth(p) == 8 && pixGetColormap(p) == nullptr) return PixPtr(pixCopy(nullptr, p));
  if (pixGetDepth(p) == 32) return PixPtr(pixConvertRGBToLuminance(p));
  return PixPtr(pixConvertTo8(p, 0));
}

// Binary copy for orientation and skew detection, at full resolution: on
// noisy 300 dpi scans a halved image gave confidences too weak to decide (an
// upside-down page scored -2.4 halved, -11.4 at full size; ~80 ms a page).
// Made once per page: thresholding is pointwise, so the binary of the turned
// page is the turned binary (pixRotateOrth), bit for bit.
PixPtr AnalysisBinary(PIX* grey) { return PixPtr(pixConvertTo1(grey, 150)); }

// Returns the clockwise quarter turns that make the text upright (0..3).
int DetectQuarterTurns(PIX* bin) {
  l_float32 upconf = 0, leftconf = 0;
  if (pixOrientDetect(bin, &upconf, &leftconf, 0, 0) != 0) return 0;
  return QuarterTurnsFromConfidence(upconf, leftconf);
}

}  // namespace

int QuarterTurnsFromConfidence(float up, float left) {
  // Leptonica's rule (one direction sure enough and well ahead of the other)
  // with lower bounds: makeOrientDecision's 8 and 2.5 left a tenth of the
  // turned pages of noisy scans unturned; 7 and 2 decided all but one of 187
  // measured pages rightly (none wrongly), and one confidence of exactly 0
  // no longer stops the decision.
  constexpr float kMinOrientConfidence = 7.0f;
  constexpr float kMinOrientRatio = 2.0f;
  const float a = std::fabs(up), b = std::fabs(left);
  if (a > kMinOrientConfidence && a > kMinOrientRatio * b) return up > 0 ? 0 : 2;
  if (b > kMinOrientConfidence && b > kMinOrientRatio * a) return left > 0 ? 1 : 3;
  return 0;
}

bool RescalesTo(int dpi, int target_dpi) { return std::abs(dpi - target_dpi) > target_dpi / 10; }

Result<Preprocessed> Preprocess(const PIX* pix, int dpi, const PreprocessOptions& options) {
  Preprocessed out;
  out.info.source_dpi = dpi;
  PixPtr grey = ToGrey(pix);
  if (!grey) return Status::Corrupt("page image cannot be converted to greyscale");

  if (dpi > 0 && RescalesTo(dpi, options.target_dpi)) {
    float s = static_cast<float>(options.target_dpi) / static_cast<float>(dpi);
    PixPtr scaled(pixScale(grey.get(), s, s));
    if (!scaled) return Status::Internal("page scaling failed");
    grey = std::move(scaled);
    out.info.scale = s;
  }

  PixPtr bin;
  if (options.orient || options.deskew) bin = AnalysisBinary(grey.get());

  if (options.orient && bin) {
    int quads = DetectQuarterTurns(bin.get());
    if (quads != 0) {
      PixPtr turned(pixRotateOrth(grey.get(), quads));
      if (!turned) return Status::Internal("page rotation failed");
      grey = std::move(turned);
      bin = options.deskew ? PixPtr(pixRotateOrth(bin.get(), quads)) : nullptr;
      out.info.rotation = 90 * quads;
    }
  }

  if (options.deskew && bin) {
    l_float32 angle = 0, conf = 0;
    if (pixFindSkew(bin.get(), &angle, &conf) == 0 && conf >= kMinSkewConfidence &&
        std::fabs(angle) >= kMinSkewDegrees) {
      PixPtr rotated(pixRotate(grey.get(), kDegToRad * angle, L_ROTATE_AREA_MAP,
                               L_BRING_IN_WHITE, 0, 0));
      if (rotated) {
        grey = std::move(rotated);
        out.info.skew_degrees = angle;
      }
    }
  }
  pixSetResolution(grey.get(), options.target_dpi, options.target_dpi);
  out.grey = std::move(grey);
  return out;
}

}  // namespace scanstraat
