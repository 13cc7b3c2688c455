// Confidence of an extracted value, and the calibration table that shows
// whether it means what it says (among values with confidence >= c, the share
// that is right should be >= c).
//
// The model is a product of the evidence: OCR confidence of the words, label
// similarity and pattern cleanliness, each raised to a weight, then check
// digits shrink the remaining doubt (a valid 11-proof BSN misread is rare).
// The weights are in ConfidenceModel so a calibration run can tune them.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "pipeline/extract/analysis.h"

namespace scanstraat {

struct ConfidenceModel {
  double ocr_weight = 1.5;         // OCR word confidence is the strongest signal
  // The same for a formatted number (ConfidenceParts::formatted_number):
  // Tesseract has no dictionary for digits, so its confidence is lower for
  // the same accuracy. On the dev sample sets (seeds 302-304, 2,717 values
  // found), this weight instead of 1.5 lifts 19 formatted numbers over their
  // minimum, all 19 right; for numbers in free text (house numbers) it would
  // lift 10, of which 2 wrong, so free text keeps 1.5.
  double number_ocr_weight = 1.0;
  double label_weight = 0.3;       // a misread label is still the label
  double pattern_weight = 1.0;
  // Remaining doubt × this when check digits hold: the 11-proof and mod 97
  // catch every single misread digit and every swap of neighbours, so a
  // misread that still holds needs two errors that cancel.
  double checksum_doubt = 0.15;
  double repaired_factor = 0.85;   // confidence × this when OCR repair was needed, or the value is unusual
  // A value found in the field's vocabulary: remaining doubt × this (a
  // misread rarely spells another known name). Not found there: × unknown_factor.
  double vocabulary_doubt = 0.35;
  double unknown_factor = 0.85;
  double invalid_cap = 0.3;        // an invalid value is never more sure than this
  // An OCR page whose words average a confidence below this was read
  // poorly: a field not found may be on it, unread (route.h). On the dev
  // sample sets, pages of documents archived with a date missing unseen
  // averaged 0.42-0.76, the worst page of a rightly archived one 0.81.
  double poor_page = 0.78;
  double ceiling = 0.995;
};

[[nodiscard]] double CombineConfidence(const ConfidenceParts& parts, bool valid,
                                       const ConfidenceModel& model = {});

// One observed value: its confidence and whether it was right (compared with
// the expected result of a sample).
struct CalibrationSample {
  double confidence = 0;
  bool correct = false;
};

struct CalibrationRow {
  double low = 0, high = 0;   // bucket [low, high)
  int count = 0;
  int correct = 0;
  double share_correct = 0;   // correct / count (0 when empty)
  // Over all values with confidence >= low: the share correct. Calibrated
  // when this is >= low for every row.
  int count_at_least = 0;
  double share_correct_at_least = 0;
};

// Buckets of width 1/buckets over 0..1 (the last includes 1.0).
[[nodiscard]] std::vector<CalibrationRow> CalibrationTable(const std::vector<CalibrationSample>& samples,
                                                           int buckets = 10);
// True when share_correct_at_least >= low - tolerance for every row with at
// least `min_count` values at or above it.
[[nodiscard]] bool IsCalibrated(const std::vector<CalibrationRow>& table, double tolerance = 0.0,
                                int min_count = 1);
// A printable table: "0.90-1.00  n=123  correct=0.984  >=0.90: 0.984 (n=123)".
[[nodiscard]] std::string FormatCalibrationTable(const std::vector<CalibrationRow>& table);

}  // namespace scanstraat
