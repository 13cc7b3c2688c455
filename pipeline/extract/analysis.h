// What the rules made of one document: the type, every field with where it
// was found and how sure we are, the cross-field checks and the route.
// Produced by Analyze (analyze.h); read by the result record, the review
// case and Explain.
//
// Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/page_text.h"

namespace scanstraat {

// The pieces a value's confidence is made of (see confidence.h).
struct ConfidenceParts {
  double ocr = 0;        // mean OCR confidence of the value's words (1 for a text layer)
  double label = 0;      // similarity of the label match (1 for context patterns)
  double pattern = 0;    // how cleanly the value pattern matched the text at the position
  bool checksum = false; // the type has check digits and they hold
  bool repaired = false; // valid only after repairing OCR misreads
  bool unusual = false;  // valid, but written unlike such values (a name in small letters only)
  // A number in a format its type checks (a date, an amount, a postcode):
  // read without a dictionary, so OCR is less sure of it than of words.
  bool formatted_number = false;
  // The label was followed by more words of its phrase ("Datum" in "Datum
  // start onderneming"): perhaps a longer label of something else. A value
  // found by a whole label is preferred.
  bool partial_label = false;
  // The field has a vocabulary: the value is one of its spellings (`known`),
  // or is not (`unknown`).
  bool known = false;
  bool unknown = false;
};

// Where a value stands in the words OCR read, for reading it again: its box
// per line of text (top to bottom; one for most values), and how many
// characters of its first and last word lie outside it (the "." of
// "BZ-2024-2247." at the end of a sentence).
struct ValueSpan {
  std::vector<Box> lines;
  size_t outside_front = 0, outside_back = 0;
};

struct FieldValue {
  std::string name;
  std::string type;
  bool found = false;
  std::string value;          // normalised
  std::string raw;            // the text as read
  bool valid = false;
  double confidence = 0;
  int page = 0;               // from 1; 0 when not found
  Box bbox;
  ValueSpan span;
  std::vector<std::string> errors;   // "missing", "invalid_checksum", "future_date", …
  bool mask = false;
  // Provenance.
  std::string rule_file;      // e.g. "aanvraag_bijstand.yaml"
  int rule_line = 0;          // line of the field in that file
  std::string rule_ref;       // "aanvraag_bijstand@3"
  std::string how;            // e.g. "label 'BSN' (0.92), right" or "context pattern line 40"
  ConfidenceParts parts;
  std::vector<FieldValue> items;  // repeat fields: every occurrence (value/raw/page/bbox)
};

struct TypeScore {
  std::string id;
  std::string rules;          // "id@version"
  double score = 0;           // share of phrase weight found, 0..1
  double threshold = 0;
  int priority = 0;
  bool excluded = false;      // a must phrase missing or a must_not phrase present
  std::vector<std::string> notes;  // human-readable: which phrases matched
};

struct CheckOutcome {
  std::string name;
  std::string expr;
  std::optional<bool> passed;  // nullopt: skipped (a field it needs is missing or invalid)
  int line = 0;
};

struct Analysis {
  std::string document_id;
  bool archive_mode = false;
  std::string doctype = "unknown";  // "unknown" when nothing passed its threshold
  std::string doctype_rules;        // "id@version" ("" for unknown)
  std::string doctype_file;
  double doctype_confidence = 0;
  double doctype_margin = 0;        // winner's score minus the runner-up's
  bool fallback = false;            // archive mode put an unclassified document here
  std::vector<TypeScore> scores;    // every type, best first
  std::vector<FieldValue> fields;   // every field of the type, in rule order
  std::vector<CheckOutcome> checks;
  int poorly_read_page = 0;         // first OCR page read poorly (page_quality.h), 0: none
  std::string decision = "review";  // "archive" or "review"
  std::vector<std::string> reasons; // RESULTS.md names: missing:F, invalid:F, …
};

}  // namespace scanstraat
