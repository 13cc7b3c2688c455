#include "pipeline/validate/text_types.h"

#include <string>

#include "pipeline/validate/text_util.h"

namespace scanstraat {

Validated NormaliseText(std::string_view raw) {
  std::string v = CollapseSpaces(raw);
  if (v.empty()) return Invalid("", "empty");
  return Valid(v);
}

Validated NormaliseName(std::string_view raw) {
  std::string v = CollapseSpaces(raw);
  // Curly apostrophes as in "’t Hart" become ASCII.
  for (size_t p; (p = v.find("\xE2\x80\x99")) != std::string::npos;) v.replace(p, 3, "'");
  for (size_t p; (p = v.find("\xE2\x80\x98")) != std::string::npos;) v.replace(p, 3, "'");
  if (v.empty()) return Invalid("", "empty");
  bool has_letter = false;
  for (char c : v) {
    const auto u = static_cast<unsigned char>(c);
    if (IsAsciiAlpha(c) || u >= 0x80) {
      has_letter = true;
    } else if (c != ' ' && c != '-' && c != '\'' && c != '.') {
      return Invalid(v, "invalid_characters");
    }
  }
  if (!has_letter) return Invalid(v, "invalid_characters");
  return Valid(v);
}

Validated NormalisePostcode(std::string_view raw) {
  const std::string compact = AsciiUpper(KeepIf(CollapseSpaces(raw), [](char c) { return c != ' '; }));
  if (compact.empty()) return Invalid("", "empty");
  const bool shape = compact.size() == 6 && compact[0] >= '1' && compact[0] <= '9' &&
                     IsAsciiDigit(compact[1]) && IsAsciiDigit(compact[2]) &&
                     IsAsciiDigit(compact[3]) && compact[4] >= 'A' && compact[4] <= 'Z' &&
                     compact[5] >= 'A' && compact[5] <= 'Z';
  if (!shape) return Invalid(compact, "invalid_format");
  const std::string letters = compact.substr(4);
  const std::string value = compact.substr(0, 4) + " " + letters;
  if (letters == "SA" || letters == "SD" || letters == "SS") return Invalid(value, "invalid_format");
  return Valid(value);
}

Validated NormaliseInteger(std::string_view raw) {
  std::string digits = KeepIf(CollapseSpaces(raw), [](char c) { return c != ' ' && c != '.'; });
  if (digits.empty()) return Invalid("", "empty");
  for (char c : digits) {
    if (!IsAsciiDigit(c)) return Invalid(digits, "invalid_characters");
  }
  while (digits.size() > 1 && digits.front() == '0') digits.erase(0, 1);
  return Valid(digits);
}

Validated NormalisePhone(std::string_view raw) {
  std::string s = KeepIf(CollapseSpaces(raw), [](char c) {
    return c != ' ' && c != '-' && c != '.' && c != '/';
  });
  if (s.empty()) return Invalid("", "empty");
  if (s.starts_with("+31")) {
    s = "0" + s.substr(3);
  } else if (s.starts_with("0031")) {
    s = "0" + s.substr(4);
  }
  // "+31 (0)6 …" → "0(0)6…": the (0) is the trunk prefix written twice.
  if (s.starts_with("0(0)")) s.erase(0, 1);
  s = KeepIf(s, [](char c) { return c != '(' && c != ')'; });
  for (char c : s) {
    if (!IsAsciiDigit(c)) return Invalid(s, "invalid_characters");
  }
  if (s.size() != 10 || s[0] != '0') return Invalid(s, "invalid_length");
  return Valid(s);
}

Validated NormaliseEmail(std::string_view raw) {
  // OCR often puts spaces around '@' and '.'.
  const std::string s = AsciiLower(KeepIf(CollapseSpaces(raw), [](char c) { return c != ' '; }));
  if (s.empty()) return Invalid("", "empty");
  const size_t at = s.find('@');
  if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) {
    return Invalid(s, "invalid_format");
  }
  for (char c : s.substr(0, at)) {
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && std::string_view("._%+-").find(c) == std::string_view::npos) {
      return Invalid(s, "invalid_characters");
    }
  }
  const std::string domain = s.substr(at + 1);
  const size_t last_dot = domain.rfind('.');
  if (last_dot == std::string::npos || last_dot == 0 || domain.size() - last_dot - 1 < 2 ||
      domain.find("..") != std::string::npos) {
    return Invalid(s, "invalid_format");
  }
  for (size_t i = 0; i < domain.size(); ++i) {
    const char c = domain[i];
    const bool tld = i > last_dot;
    if (tld ? !IsAsciiAlpha(c) : !(IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '-' || c == '.')) {
      return Invalid(s, "invalid_format");
    }
  }
  return Valid(s);
}

Validated NormaliseCheckbox(std::string_view raw) {
  const std::string s = FoldForMatch(CollapseSpaces(raw));
  if (s.empty()) return Invalid("", "empty");
  for (std::string_view t : {"true", "ja", "x", "[x]", "1", "yes", "\xE2\x98\x92", "\xE2\x98\x91"}) {
    if (s == t) return Valid("true");
  }
  for (std::string_view f : {"false", "nee", "[ ]", "[]", "0", "no", "\xE2\x98\x90"}) {
    if (s == f) return Valid("false");
  }
  return Invalid(s, "invalid_format");
}

Validated NormaliseChoice(std::string_view raw) {
  const std::string s = AsciiLower(CollapseSpaces(raw));
  if (s.empty()) return Invalid("", "empty");
  return Valid(s);
}

}  // namespace scanstraat
