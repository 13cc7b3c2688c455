// The field types of TAXONOMY.md: each normalises a raw value as read (OCR
// or text layer) and says whether it is valid. The rules name a type per
// field; this is the only place that knows what the types mean.
//
// Error names (stable, used in result records): "empty", "invalid_format",
// "invalid_characters", "invalid_length", "invalid_checksum", "not_a_date",
// "impossible_date", "unknown_country".
//
// Thread-safety: pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scanstraat {

struct Validated {
  std::string value;                // normalised (best effort also when invalid)
  bool valid = false;
  std::vector<std::string> errors;  // e.g. "invalid_checksum", "not_a_date"
  // True when the value was only valid after repairing typical OCR misreads
  // (O→0, l→1 in a BSN or IBAN). Callers lower their confidence for it.
  bool repaired = false;
  // Valid, but written unlike such values usually are (a name in small
  // letters only: more likely a capital misread). Callers lower their
  // confidence for it as for a repair.
  bool unusual = false;
};

// Returns nullopt when `type` is not a known type name.
[[nodiscard]] std::optional<Validated> NormaliseAndValidate(std::string_view type,
                                                            std::string_view raw);
[[nodiscard]] bool IsKnownFieldType(std::string_view type);
// All type names, in TAXONOMY.md order.
[[nodiscard]] const std::vector<std::string>& KnownFieldTypes();

// True for types whose value is decided by ink in boxes (checkbox, choice),
// not by reading text.
[[nodiscard]] bool IsInkFieldType(std::string_view type);

// True for types whose values are numbers in a format the type checks
// (date, amount, integer, postcode, phone, btw, kvk): a misread must still
// fit the format. Not for bsn and iban, whose check digits say more.
[[nodiscard]] bool IsFormattedNumberType(std::string_view type);

// An RE2 pattern that finds a value of `type` inside a longer text, used when
// a rule gives no pattern of its own. Empty for text, name and the ink types
// (their value is the whole text found at the position).
[[nodiscard]] std::string_view DefaultValuePattern(std::string_view type);

// True when the type carries its own check digits (bsn, iban): a valid value
// is then far less likely to be a misread.
[[nodiscard]] bool HasChecksum(std::string_view type);

// The characters a value of `type` can be written with, for reading it
// again with OCR limited to them (a digit is then never read as a letter);
// empty when any character may occur (text, name). `raw` is the value
// as first read: a date written with a month name ("1 maart 2024") needs
// letters. A limited reading can turn a smudge into a plausible value, so
// the caller takes it only when the type's validation accepts it.
[[nodiscard]] std::string ReadingCharset(std::string_view type, std::string_view raw);

// Helper for the type implementations: a Validated with one error.
[[nodiscard]] Validated Invalid(std::string value, std::string error);
[[nodiscard]] Validated Valid(std::string value);

}  // namespace scanstraat
