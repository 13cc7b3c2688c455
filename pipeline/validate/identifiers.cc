#include "pipeline/validate/identifiers.h"

#include <array>
#include <string>

#include "pipeline/validate/text_util.h"

namespace scanstraat {
namespace {

// ',' and ':' appear where OCR misreads a dot ("4308.32,825", "1447.62:566").
bool IsSeparator(char c) { return c == ' ' || c == '.' || c == ',' || c == ':' || c == '-' || c == '\t'; }

// Maps letters that OCR reads for digits back to the digit.
char OcrDigit(char c) {
  switch (c) {
    case 'O': case 'o': case 'D': case 'Q': return '0';
    case 'l': case 'L': case 'I': case 'i': case '|': return '1';
    default: return c;
  }
}

char OcrLetter(char c) {
  switch (c) {
    case '0': return 'O';
    case '1': return 'I';
    case '5': return 'S';
    case '8': return 'B';
    default: return c;
  }
}

struct IbanCountry {
  std::string_view code;
  int length;
};

// Lengths per ISO 13616 registry for the countries a Dutch municipality meets.
constexpr std::array<IbanCountry, 36> kIbanLengths = {{
    {"NL", 18}, {"BE", 16}, {"DE", 22}, {"FR", 27}, {"LU", 20}, {"GB", 22}, {"IE", 22},
    {"ES", 24}, {"PT", 25}, {"IT", 27}, {"AT", 20}, {"CH", 21}, {"LI", 21}, {"DK", 18},
    {"FI", 18}, {"SE", 24}, {"NO", 15}, {"IS", 26}, {"PL", 28}, {"CZ", 24}, {"SK", 24},
    {"HU", 28}, {"SI", 19}, {"HR", 21}, {"RO", 24}, {"BG", 22}, {"GR", 27}, {"CY", 28},
    {"MT", 31}, {"EE", 20}, {"LV", 21}, {"LT", 20}, {"TR", 26}, {"MA", 28}, {"SM", 27},
    {"MC", 27},
}};

int IbanLength(std::string_view country) {
  for (const auto& c : kIbanLengths) {
    if (c.code == country) return c.length;
  }
  return -1;
}

}  // namespace

int IbanLengthForCountry(std::string_view country) { return IbanLength(country); }

bool BsnElevenProof(std::string_view d) {
  if (d.size() != 9) return false;
  int sum = 0;
  bool all_zero = true;
  for (int i = 0; i < 9; ++i) {
    const int digit = d[i] - '0';
    all_zero = all_zero && digit == 0;
    sum += (i < 8 ? (9 - i) : -1) * digit;
  }
  return !all_zero && sum % 11 == 0;
}

Validated NormaliseBsn(std::string_view raw) {
  const std::string trimmed = CollapseSpaces(raw);
  if (trimmed.empty()) return Invalid("", "empty");
  std::string digits;
  bool repaired = false;
  for (char c : trimmed) {
    if (IsSeparator(c)) continue;
    const char d = OcrDigit(c);
    if (!IsAsciiDigit(d)) return Invalid(trimmed, "invalid_characters");
    repaired = repaired || d != c;
    digits.push_back(d);
  }
  if (digits.size() == 8) digits.insert(digits.begin(), '0');
  if (digits.size() != 9) return Invalid(digits, "invalid_length");
  if (!BsnElevenProof(digits)) return Invalid(digits, "invalid_checksum");
  Validated v = Valid(digits);
  v.repaired = repaired;
  return v;
}

bool IbanMod97(std::string_view iban) {
  if (iban.size() < 5) return false;
  const std::string rearranged = std::string(iban.substr(4)) + std::string(iban.substr(0, 4));
  int rest = 0;
  for (char c : rearranged) {
    if (IsAsciiDigit(c)) {
      rest = (rest * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      rest = (rest * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return rest == 1;
}

Validated NormaliseIban(std::string_view raw) {
  std::string compact = AsciiUpper(KeepIf(CollapseSpaces(raw), [](char c) { return !IsSeparator(c); }));
  if (compact.starts_with("IBAN")) compact.erase(0, 4);
  if (compact.starts_with(":")) compact.erase(0, 1);
  if (compact.empty()) return Invalid("", "empty");
  for (char c : compact) {
    if (!IsAsciiDigit(c) && !(c >= 'A' && c <= 'Z') && c != '|') {
      return Invalid(compact, "invalid_characters");
    }
  }
  // Repair by position: letters where the structure wants letters, digits
  // where it wants digits. NL: NLkk BBBB nnnnnnnnnn. Elsewhere only the
  // country and check digits have a fixed kind.
  std::string fixed = compact;
  for (size_t i = 0; i < fixed.size(); ++i) {
    const bool want_letter = i < 2 || (fixed.starts_with("NL") && i >= 4 && i < 8);
    const bool want_digit = (i >= 2 && i < 4) || (fixed.starts_with("NL") && i >= 8);
    if (want_letter) fixed[i] = OcrLetter(fixed[i]);
    if (want_digit) fixed[i] = OcrDigit(fixed[i]);
  }
  const int length = IbanLength(fixed.substr(0, 2));
  if (length < 0) return Invalid(fixed, "unknown_country");
  if (static_cast<int>(fixed.size()) != length) return Invalid(fixed, "invalid_length");
  for (size_t i = 0; i < fixed.size(); ++i) {
    const char c = fixed[i];
    const bool ok = (i < 2 && c >= 'A' && c <= 'Z') || (i >= 2 && i < 4 && IsAsciiDigit(c)) ||
                    (i >= 4 && (IsAsciiDigit(c) || (c >= 'A' && c <= 'Z')));
    if (!ok) return Invalid(fixed, "invalid_format");
  }
  if (fixed.starts_with("NL")) {
    for (size_t i = 4; i < 8; ++i) {
      if (!(fixed[i] >= 'A' && fixed[i] <= 'Z')) return Invalid(fixed, "invalid_format");
    }
  }
  if (!IbanMod97(fixed)) return Invalid(fixed, "invalid_checksum");
  Validated v = Valid(fixed);
  v.repaired = fixed != compact;
  return v;
}

Validated NormaliseKvk(std::string_view raw) {
  const std::string trimmed = CollapseSpaces(raw);
  if (trimmed.empty()) return Invalid("", "empty");
  std::string digits;
  for (char c : trimmed) {
    if (IsSeparator(c)) continue;
    if (!IsAsciiDigit(c)) return Invalid(trimmed, "invalid_characters");
    digits.push_back(c);
  }
  if (digits.size() != 8) return Invalid(digits, "invalid_length");
  return Valid(digits);
}

Validated NormaliseBtw(std::string_view raw) {
  const std::string compact =
      AsciiUpper(KeepIf(CollapseSpaces(raw), [](char c) { return !IsSeparator(c) && c != '|'; }));
  if (compact.empty()) return Invalid("", "empty");
  // NL + 9 digits + B + 2 digits; letters OCR reads for digits (and 8 for B)
  // are repaired by position.
  std::string fixed = compact;
  if (fixed.size() == 14) {
    for (size_t i = 2; i < 14; ++i) fixed[i] = i == 11 ? (fixed[i] == '8' ? 'B' : fixed[i]) : OcrDigit(fixed[i]);
  }
  bool ok = fixed.size() == 14 && fixed.starts_with("NL") && fixed[11] == 'B';
  for (size_t i = 2; ok && i < 14; ++i) {
    if (i != 11 && !IsAsciiDigit(fixed[i])) ok = false;
  }
  if (!ok) return Invalid(compact, "invalid_format");
  Validated v = Valid(fixed);
  v.repaired = fixed != compact;
  return v;
}

}  // namespace scanstraat
