#include "pipeline/validate/mask.h"

#include <optional>
#include <vector>

#include "pipeline/validate/date.h"
#include "pipeline/validate/identifiers.h"
#include "pipeline/validate/text_util.h"

namespace scanstraat {
namespace {

bool IsAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }
bool IsInnerSeparator(char c) { return c == ' ' || c == '.'; }

// A span [begin, end) to mask and what to put there.
struct Span {
  size_t begin = 0, end = 0;
  std::string replacement;
};

// IBAN: two letters of a known country, two digits, then the rest of the
// country's length in groups separated by single spaces. Returns the end of
// the match or nullopt.
std::optional<size_t> MatchIban(std::string_view s, size_t i) {
  if (i > 0 && IsAlnum(s[i - 1])) return std::nullopt;
  if (i + 4 > s.size() || !IsAsciiAlpha(s[i]) || !IsAsciiAlpha(s[i + 1]) ||
      !IsAsciiDigit(s[i + 2]) || !IsAsciiDigit(s[i + 3])) {
    return std::nullopt;
  }
  const int length = IbanLengthForCountry(AsciiUpper(s.substr(i, 2)));
  if (length < 0) return std::nullopt;
  size_t j = i + 4;
  int count = 4;
  while (j < s.size() && count < length) {
    if (IsAlnum(s[j])) {
      ++count;
      ++j;
    } else if (s[j] == ' ' && j + 1 < s.size() && IsAlnum(s[j + 1])) {
      ++j;
    } else {
      break;
    }
  }
  if (count < length || (j < s.size() && IsAlnum(s[j]))) return std::nullopt;
  return j;
}

// Date: d-m-yy(yy), d/m/yyyy, d.m.yyyy, yyyy-mm-dd, d monthname yyyy.
std::optional<size_t> MatchDate(std::string_view s, size_t i) {
  if (i > 0 && IsAlnum(s[i - 1])) return std::nullopt;
  auto digit_run = [&](size_t k) {
    size_t e = k;
    while (e < s.size() && IsAsciiDigit(s[e])) ++e;
    return e - k;
  };
  const size_t a = digit_run(i);
  if (a == 0) return std::nullopt;
  size_t j = i + a;
  // Numeric: a sep b sep c.
  if (j < s.size() && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
    const char sep = s[j];
    const size_t b = digit_run(j + 1);
    const size_t after_b = j + 1 + b;
    if (b >= 1 && b <= 2 && after_b < s.size() && s[after_b] == sep) {
      const size_t c = digit_run(after_b + 1);
      const bool shape = (a <= 2 && (c == 2 || c == 4)) || (a == 4 && c >= 1 && c <= 2);
      if (shape) return after_b + 1 + c;
    }
  }
  // Textual: d monthname[.] yyyy.
  if (a <= 2 && j < s.size() && s[j] == ' ') {
    size_t k = j + 1;
    size_t w = k;
    while (w < s.size() && IsAsciiAlpha(s[w])) ++w;
    if (w > k && MonthFromName(FoldForMatch(s.substr(k, w - k)))) {
      if (w < s.size() && s[w] == '.') ++w;
      if (w < s.size() && s[w] == ' ') {
        const size_t y = digit_run(w + 1);
        if (y == 4 || y == 2) return w + 1 + y;
      }
    }
  }
  return std::nullopt;
}

// Digit groups joined by single separators with 8 or more digits in all.
std::optional<size_t> MatchDigitRun(std::string_view s, size_t i, std::string& digits) {
  if (i > 0 && IsAlnum(s[i - 1])) return std::nullopt;
  digits.clear();
  size_t j = i;
  size_t end = i;
  while (j < s.size()) {
    if (IsAsciiDigit(s[j])) {
      digits.push_back(s[j]);
      ++j;
      end = j;
    } else if (IsInnerSeparator(s[j]) && j + 1 < s.size() && IsAsciiDigit(s[j + 1]) && j > i) {
      ++j;
    } else {
      break;
    }
  }
  if (digits.size() < 8) return std::nullopt;
  return end;
}

}  // namespace

std::string MaskValue(std::string_view normalised) {
  // Split into code points so multi-byte letters count as one.
  std::vector<std::string_view> cps;
  for (size_t i = 0; i < normalised.size();) {
    const auto b = static_cast<unsigned char>(normalised[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    len = std::min(len, normalised.size() - i);
    cps.push_back(normalised.substr(i, len));
    i += len;
  }
  std::string out;
  const size_t keep = cps.size() > 4 ? 4 : 0;
  for (size_t k = 0; k < cps.size(); ++k) {
    if (k + keep >= cps.size()) {
      out.append(cps[k]);
    } else {
      out.push_back('*');
    }
  }
  return out;
}

std::string RedactPersonalData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::string digits;
  size_t i = 0;
  while (i < text.size()) {
    if (auto end = MatchIban(text, i)) {
      const std::string compact = AsciiUpper(KeepIf(text.substr(i, *end - i), [](char c) { return c != ' '; }));
      out += MaskValue(compact);
      i = *end;
    } else if (auto end_date = MatchDate(text, i)) {
      out += std::string(*end_date - i, '*');
      i = *end_date;
    } else if (auto end_run = MatchDigitRun(text, i, digits)) {
      out += MaskValue(digits);
      i = *end_run;
    } else {
      out.push_back(text[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace scanstraat
