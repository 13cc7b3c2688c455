// Scoring the rules against a sample's expected result (`rules test`): the
// expected result is the generator's `<case>.expected.json`
// (tools/samplegen/README.md), the actual one the "doctype"/"fields"/"route"
// parts of the result record (ToResultJson). Per field right, wrong or
// missing; the route and the expected reasons (with `accept_reasons`); the
// values that would reach the archive unseen; and the totals and figures of
// issue 3. Also the per-document baseline a later run must not fall below.
//
// Thread-safety: pure functions over values.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/extract/confidence.h"

namespace scanstraat {

struct FieldDiff {
  enum class Kind { kRight, kWrong, kMissing };
  std::string name;
  Kind kind = Kind::kRight;
  std::string expected;  // "" when the field is not on the document (null)
  std::string actual;    // "" when nothing was found
  bool mask = false;     // personal data: show masked
  double confidence = 0;
};

struct CaseScore {
  std::string name;  // "<type folder>/<file>"
  std::string expected_type, actual_type;
  bool type_right = false;
  bool fault = false;  // a fault was planted: must go to review
  std::string expected_route, actual_route;
  bool route_right = false;
  bool reasons_right = false;                 // every expected reason (or an accepted one) given
  std::vector<std::string> missing_reasons;   // expected reasons not given
  std::vector<std::string> actual_reasons;
  int fields_right = 0, fields_wrong = 0, fields_missing = 0;
  int archived_values = 0, archived_wrong = 0;  // only when routed to the archive
  std::vector<FieldDiff> fields;                // every field of the expected type
  std::vector<CalibrationSample> calibration;  // every value found: confidence, right?
  std::string error;                           // the document could not be scored
};

// Compares one document. `result` has "doctype", "fields" and "route" as
// ToResultJson makes them; `masked` names the fields to show masked.
[[nodiscard]] CaseScore ScoreCase(const std::string& name, const nlohmann::json& expected,
                                  const nlohmann::json& result, const std::set<std::string>& masked);

// A value as text for comparison: strings as they are, booleans
// "true"/"false", lists as their sorted distinct items joined by ", ",
// null as "".
[[nodiscard]] std::string ValueText(const nlohmann::json& value);

// Why the document is a regression on its own (empty: none): a wrong type, a
// wrong value archived unseen, a planted fault not routed to review.
[[nodiscard]] std::vector<std::string> Regressions(const CaseScore& score);

// The per-document figures a baseline keeps, and how `now` is worse than a
// baseline entry (empty: not worse).
[[nodiscard]] nlohmann::json BaselineEntry(const CaseScore& score);
[[nodiscard]] std::vector<std::string> WorseThan(const CaseScore& now, const nlohmann::json& baseline_entry);

struct Totals {
  int documents = 0, errors = 0;
  int type_right = 0;
  int fields_right = 0, fields_wrong = 0, fields_missing = 0;
  int route_right = 0;
  int faults = 0, faults_to_review = 0, faults_reason_right = 0;
  int clean = 0, clean_archived = 0;
  int archived_values = 0, archived_wrong = 0;
  std::vector<CalibrationSample> calibration;

  void Add(const CaseScore& score);
  double TypeAccuracy() const;       // type right / documents
  double SilentErrorRate() const;    // wrong archived values / archived values
  double FaultsToReview() const;     // planted faults routed to review / faults
  double CleanArchived() const;      // clean documents archived / clean documents
};

// The totals block printed at the end of `rules test`.
[[nodiscard]] std::string FormatTotals(const Totals& totals);

}  // namespace scanstraat
