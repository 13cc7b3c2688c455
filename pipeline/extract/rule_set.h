// The rule set: one DocTypeRule per YAML file in rules/, loaded and checked
// once, then shared read-only by every worker. Nothing in the C++ code knows a
// document type or field name: they all come from here.
//
// Thread-safety: a RuleSet is immutable after LoadRuleSet returns; compiled
// RE2 patterns are safe for concurrent matching, so one RuleSet may be used
// from many threads at once.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/status.h"

namespace re2 {
class RE2;
}

namespace scanstraat {

class CheckExpr;

// Where a value stands relative to its label.
enum class Position {
  kRight,     // same row, right of the label
  kBelow,     // the row under the label, starting under it
  kSameCell,  // after the label in the same OCR block (a table cell or box)
  kNextLine,  // the next OCR line after the label's line
  kAfter,     // running text: the words that follow the label (letters)
};
[[nodiscard]] std::string_view PositionName(Position p);

// A word or phrase that must/may/must-not appear for classification. A
// phrase may list alternatives ("Verhuizing | Verhuismelding"): it counts
// once, as its best-matching alternative.
struct Phrase {
  std::string text;               // as written in the rule (alternatives joined by " | ")
  std::vector<std::string> keys;  // folded, letters and digits only (for matching), one per alternative
  double weight = 1.0;
  int line = 0;                   // line in the rule file
};

struct ClassifyRule {
  std::vector<Phrase> must, may, must_not;
  int priority = 0;              // breaks near-ties between types (higher wins)
  double threshold = 0.5;        // share of the phrase weight that must be found
  double similarity = 0.85;      // fuzzy match needed for a phrase
  bool archive_fallback = false;  // the type unclassified documents get in archive mode
};

// A checkbox is found next to its option label; `side` and sizes are in
// multiples of the label's height.
struct InkRule {
  bool left = true;        // box left of the label (else right of it)
  double size = 1.0;       // box edge / label height
  double gap = 0.5;        // space between box and label / label height
  double threshold = 0.12; // ink ratio above which a box counts as ticked
  double margin = 0.05;    // choice: the ticked box must beat the next by this
  // choice: a second box above the threshold with at least this share of the
  // fullest box's ink is ticked too (a cross leaves less ink than a filled box,
  // and two crosses seldom leave the same)
  double second = 0.5;
};

struct ChoiceOption {
  std::string key;
  std::vector<std::string> labels;
  std::vector<std::string> label_keys;  // folded forms of labels
};

struct ContextPattern {
  std::string source;                  // as written
  std::shared_ptr<const re2::RE2> re;  // value = group "value", else group 1
  int line = 0;
};

// A label that stands for a value of several parts ("Postcode en woonplaats",
// "Straat en huisnummer"): its pattern describes the combined value and takes
// the field's part out of it (group "value").
struct CombinedLabel {
  std::vector<std::string> labels;     // as written
  std::vector<std::string> label_keys; // folded forms
  std::string pattern;                 // RE2, as written
  std::shared_ptr<const re2::RE2> re;  // compiled; null when it does not compile
  int line = 0;
};

struct FieldRule {
  std::string name;
  std::string type;                    // a type of pipeline/validate/field_type.h
  bool required = false;
  bool mask = false;                   // personal data: masked in logs and explain
  bool repeat = false;                 // collect every occurrence (e.g. dates)
  std::string review;                  // "" or "double" (reviewer types it twice)
  double min_confidence = 0.8;
  double label_similarity = 0.8;
  std::vector<std::string> labels;     // label variants as written
  std::vector<std::string> label_keys; // folded forms
  // The words of its labels (label_words.h), and those no other field of the
  // type has in its labels: a phrase of these words is its label too.
  std::vector<std::string> label_words;
  std::vector<std::string> own_label_words;
  std::vector<Position> positions;     // tried in this order
  std::string pattern;                 // RE2, as written ("" = the type's default)
  std::shared_ptr<const re2::RE2> value_re;  // compiled pattern or default; null = whole text
  std::vector<ContextPattern> context; // running-text patterns over the whole document
  std::vector<CombinedLabel> combined; // labels of a value of several parts, each with its pattern
  int max_words = 12;                  // kAfter: words looked at after the label
  bool not_in_future = false;          // date: later than today is an error
  bool has_range = false;
  double range_min = 0, range_max = 0; // integer/amount: inclusive range
  bool pick_first = false;             // take the first valid value in reading order, not the surest
  std::vector<std::string> section;    // phrases: only labels after the first of these count
  std::vector<std::string> section_keys;
  std::vector<std::string> skip_section;  // headings: the field's first label after one of these does not count
  std::vector<std::string> skip_section_keys;
  std::vector<ChoiceOption> options;   // choice/checkbox
  InkRule ink;
  // Known spellings (e.g. the woonplaatsen): a vocabulary file of the rule set
  // (a rules/*.yaml with `vocabulary: NAME` and `words: [...]`).
  std::string vocabulary_name;          // as written in the rule; "" = none
  int vocabulary_line = 0;
  std::vector<std::string> vocabulary;       // the spellings
  std::vector<std::string> vocabulary_keys;  // their folded forms (MatchKey)
  int line = 0;
};

struct CheckRule {
  std::string name;
  std::string expr;                    // as written
  std::shared_ptr<const CheckExpr> compiled;
  int line = 0;
};

struct ArchiveSettings {
  std::string name;
  std::string selectielijst;   // e.g. "Selectielijst gemeenten 2020"
  std::string categorie;       // informatiecategorie / selectielijst code, e.g. "8.1"
  std::string omschrijving;
  std::string waardering;      // V (vernietigen) or B (blijvend bewaren)
  std::string bewaartermijn;   // ISO 8601 duration, e.g. P10Y; "" for B
  bool from_batch = false;     // classification comes from the batch settings
};

struct DocTypeRule {
  std::string id;
  std::string title;
  int version = 0;
  std::string file;            // file name inside the rules folder
  ArchiveSettings archive;
  ClassifyRule classify;
  std::vector<FieldRule> fields;
  std::vector<CheckRule> checks;

  // "id@version", as in the result record.
  [[nodiscard]] std::string Ref() const { return id + "@" + std::to_string(version); }
  [[nodiscard]] const FieldRule* FindField(std::string_view name) const;
};

struct RuleSet {
  std::filesystem::path dir;
  std::vector<DocTypeRule> types;  // sorted by file name

  [[nodiscard]] const DocTypeRule* Find(std::string_view id) const;
  // The type with classify.archive_fallback, or null.
  [[nodiscard]] const DocTypeRule* ArchiveFallback() const;
};

struct RuleProblem {
  std::string file;   // file name (or the folder when it concerns the set)
  int line = 0;       // 1-based; 0 when unknown
  int column = 0;
  std::string message;
  // "file:line:column: message"
  [[nodiscard]] std::string ToString() const;
};

// Loads all *.yaml files in `dir`. Returns InvalidArgument listing every
// problem (file:line: message) when any file has one.
[[nodiscard]] Result<RuleSet> LoadRuleSet(const std::filesystem::path& dir);

// Lint: schema errors, regexes that do not compile, unknown types, duplicate
// fields or types, checks naming unknown fields — each with file and line.
// Empty when the set loads cleanly.
[[nodiscard]] std::vector<RuleProblem> CheckRuleSet(const std::filesystem::path& dir);

// Loads one rule file's text (for tests and `rules check` on one file).
// Problems are appended to `problems`; the returned rule is only meaningful
// when none were added.
[[nodiscard]] DocTypeRule ParseRuleFile(const std::string& file_name, const std::string& yaml_text,
                                        std::vector<RuleProblem>& problems);

}  // namespace scanstraat
