#include "pipeline/validate/field_type.h"

#include <algorithm>
#include <array>
#include <ctime>

#include "pipeline/validate/amount.h"
#include "pipeline/validate/date.h"
#include "pipeline/validate/identifiers.h"
#include "pipeline/validate/text_types.h"

namespace scanstraat {
namespace {

Validated NormaliseDate(std::string_view raw) {
  if (raw.find_first_not_of(" \t\n") == std::string_view::npos) return Invalid("", "empty");
  // Two-digit years: up to this year's jj is 20jj, later is 19jj.
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  const DateResult r = ParseDutchDate(raw, (tm.tm_year + 1900) % 100);
  switch (r.status) {
    case DateParse::kOk: return Valid(FormatIsoDate(r.date));
    case DateParse::kImpossible: return Invalid(std::string(raw), "impossible_date");
    case DateParse::kNotADate: break;
  }
  return Invalid(std::string(raw), "not_a_date");
}

struct TypeInfo {
  std::string_view name;
  Validated (*normalise)(std::string_view);
  std::string_view pattern;  // RE2, finds a value inside a longer text
};

// Patterns are deliberately loose (OCR spacing); the type's normaliser decides.
constexpr std::array<TypeInfo, 14> kTypes = {{
    {"text", NormaliseText, ""},
    {"name", NormaliseName, ""},
    {"date", NormaliseDate,
     R"((?i)\b(?:\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?(?:\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2}\b|\d{1,2}\s+[a-z]{3,10}\.?\s+\d{4}\b|\d{1,2}\s\d{1,2}\s\d{4}\b))"},
    {"bsn", NormaliseBsn, R"(\b\d[\d .,:]{6,12}\d\b)"},
    // Check digits may be misread as O/I/l; the normaliser repairs them.
    {"iban", NormaliseIban, R"((?i)\b[A-Z]{2}\s?[0-9OIL]{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b)"},
    {"postcode", NormalisePostcode, R"((?i)\b[1-9]\d{3}\s?[A-Z]{2}\b)"},
    // OCR may put a space after a separator ("327. 476,00", "301.101, 00").
    // Digits in groups of three end at a word boundary: "1234,56" is no "123".
    {"amount", NormaliseAmount,
     R"((?:€\s?|EUR\s?)?\b\d{1,3}(?:(?:[.,]\s?|\s)\d{3})*\b(?:[.,](?:\s?\d{2}|\d)\b|,-{1,2})?|\b\d+(?:[.,]\d{1,2})?\b)"},
    {"integer", NormaliseInteger, R"(\b\d+\b)"},
    {"phone", NormalisePhone, R"((?:\+31|0031|\b0)[\d\s()\-]{8,16}\d\b)"},
    // OCR puts spaces inside an address ("jan@out look . com"); the
    // normaliser drops them.
    {"email", NormaliseEmail,
     R"((?i)[A-Z0-9_%+\-]+(?:\s?\.\s?[A-Z0-9_%+\-]+)*\s?@\s?[A-Z0-9\-]+(?:\s?[.\-]?\s?[A-Z0-9\-]+)*\s?\.\s?[A-Z]{2,}\b)"},
    {"kvk", NormaliseKvk, R"(\b\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b)"},
    // Digits may be misread as O/I/l and the B as 8; the normaliser repairs them.
    {"btw", NormaliseBtw, R"((?i)\bNL\s?[\dOIL]{3}\s?[\dOIL]{3}\s?[\dOIL]{3}\s?\.?[B8]\s?[\dOIL]{2}\b)"},
    {"checkbox", NormaliseCheckbox, ""},
    {"choice", NormaliseChoice, ""},
}};

const TypeInfo* Find(std::string_view type) {
  for (const auto& t : kTypes) {
    if (t.name == type) return &t;
  }
  return nullptr;
}

}  // namespace

Validated Invalid(std::string value, std::string error) {
  Validated v;
  v.value = std::move(value);
  v.errors.push_back(std::move(error));
  return v;
}

Validated Valid(std::string value) {
  Validated v;
  v.value = std::move(value);
  v.valid = true;
  return v;
}

std::optional<Validated> NormaliseAndValidate(std::string_view type, std::string_view raw) {
  const TypeInfo* t = Find(type);
  if (t == nullptr) return std::nullopt;
  return t->normalise(raw);
}

bool IsKnownFieldType(std::string_view type) { return Find(type) != nullptr; }

const std::vector<std::string>& KnownFieldTypes() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const auto& t : kTypes) names.emplace_back(t.name);
    return names;
  }();
  return kNames;
}

bool IsInkFieldType(std::string_view type) { return type == "checkbox" || type == "choice"; }

bool IsFormattedNumberType(std::string_view type) {
  constexpr std::array<std::string_view, 7> kFormatted = {"date", "amount", "integer", "postcode",
                                                          "phone", "btw", "kvk"};
  return std::find(kFormatted.begin(), kFormatted.end(), type) != kFormatted.end();
}

std::string_view DefaultValuePattern(std::string_view type) {
  const TypeInfo* t = Find(type);
  return t == nullptr ? std::string_view() : t->pattern;
}

std::string ReadingCharset(std::string_view type, std::string_view raw) {
  constexpr std::string_view kDigits = "0123456789";
  constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const std::string digits(kDigits);
  if (type == "date") {
    // Letters in the first reading: a month name ("1 mrt. 2024").
    int letters = 0;
    for (char c : raw) letters += ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? 1 : 0;
    return digits + "-./" + (letters >= 3 ? "abcdefghijklmnopqrstuvwxyz" : "");
  }
  if (type == "bsn") return digits + ".";
  if (type == "iban" || type == "postcode") return digits + std::string(kUpper);
  if (type == "amount") return digits + ".,-\u20ac";
  if (type == "integer" || type == "kvk") return digits;
  if (type == "phone") return digits + "+-()";
  if (type == "btw") return digits + "NLB.";
  // An address is written in plain ASCII; OCR's "é" or "ç" is a misread.
  if (type == "email") return digits + std::string(kUpper) + "abcdefghijklmnopqrstuvwxyz.@_-+";
  return "";
}

bool HasChecksum(std::string_view type) { return type == "bsn" || type == "iban"; }

}  // namespace scanstraat
