#include "pipeline/validate/amount.h"

#include <string>
#include <vector>

#include "pipeline/validate/text_util.h"

namespace scanstraat {
namespace {

// Removes a currency sign or code at either end.
std::string StripCurrency(std::string s) {
  for (std::string_view sign : {"€", "EUR", "eur", "Eur", "euro", "EURO", "Euro", "fl.", "ƒ"}) {
    if (s.starts_with(sign)) s.erase(0, sign.size());
    if (s.ends_with(sign)) s.erase(s.size() - sign.size());
  }
  return s;
}

}  // namespace

Validated NormaliseAmount(std::string_view raw) {
  std::string s = CollapseSpaces(raw);
  if (s.empty()) return Invalid("", "empty");
  s = StripCurrency(s);
  s = KeepIf(s, [](char c) { return c != ' '; });
  s = StripCurrency(s);
  bool negative = false;
  if (s.starts_with("-")) {
    negative = true;
    s.erase(0, 1);
  }
  // "1.234,-" and "12,--": whole euros.
  if (s.ends_with(",--") || s.ends_with(".--")) s.resize(s.size() - 3);
  if (s.ends_with(",-") || s.ends_with(".-")) s.resize(s.size() - 2);
  if (s.empty()) return Invalid(std::string(raw), "invalid_format");
  for (char c : s) {
    if (!IsAsciiDigit(c) && c != '.' && c != ',') return Invalid(s, "invalid_characters");
  }
  if (!IsAsciiDigit(s.front()) || !IsAsciiDigit(s.back())) return Invalid(s, "invalid_format");

  // The decimal separator is the last separator when one or two digits
  // follow it; thousands separators are then the other kind, every 3 digits.
  const size_t last_sep = s.find_last_of(".,");
  std::string int_part = s;
  std::string frac_part;
  char thousands = 0;
  if (last_sep != std::string::npos) {
    const size_t digits_after = s.size() - last_sep - 1;
    const char sep = s[last_sep];
    const char other = sep == ',' ? '.' : ',';
    const bool other_present = s.find(other) != std::string::npos;
    if (digits_after <= 2) {
      int_part = s.substr(0, last_sep);
      frac_part = s.substr(last_sep + 1);
      thousands = other;
      if (int_part.find(sep) != std::string::npos) return Invalid(s, "invalid_format");
    } else if (digits_after == 3 && !other_present) {
      thousands = sep;  // "1.234" or "1,234": thousands
    } else {
      return Invalid(s, "invalid_format");
    }
  }
  // Check thousands grouping: groups of exactly 3 after the first.
  std::vector<std::string> groups;
  std::string cur;
  for (char c : int_part) {
    if (c == thousands) {
      groups.push_back(cur);
      cur.clear();
    } else if (IsAsciiDigit(c)) {
      cur.push_back(c);
    } else {
      return Invalid(s, "invalid_format");
    }
  }
  groups.push_back(cur);
  std::string digits;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].empty() || groups[i].size() > (i == 0 ? (groups.size() > 1 ? 3u : 15u) : 3u) ||
        (i > 0 && groups[i].size() != 3)) {
      return Invalid(s, "invalid_format");
    }
    digits += groups[i];
  }
  while (digits.size() > 1 && digits.front() == '0') digits.erase(0, 1);
  while (frac_part.size() < 2) frac_part.push_back('0');
  std::string value = (negative ? "-" : "") + digits + "." + frac_part;
  if (value == "-0.00") value = "0.00";
  return Valid(value);
}

std::optional<long long> AmountToCents(std::string_view n) {
  bool negative = false;
  if (n.starts_with("-")) {
    negative = true;
    n.remove_prefix(1);
  }
  const size_t dot = n.find('.');
  if (dot == std::string_view::npos || n.size() - dot != 3 || dot == 0 || dot > 15) return std::nullopt;
  long long cents = 0;
  for (size_t i = 0; i < n.size(); ++i) {
    if (i == dot) continue;
    if (!IsAsciiDigit(n[i])) return std::nullopt;
    cents = cents * 10 + (n[i] - '0');
  }
  return negative ? -cents : cents;
}

}  // namespace scanstraat
