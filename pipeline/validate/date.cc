#include "pipeline/validate/date.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <vector>

#include "pipeline/validate/text_util.h"

namespace scanstraat {
namespace {

struct MonthName {
  std::string_view name;
  int month;
};

constexpr std::array<MonthName, 34> kMonths = {{
    {"januari", 1}, {"jan", 1}, {"january", 1},
    {"februari", 2}, {"feb", 2}, {"febr", 2}, {"february", 2},
    {"maart", 3}, {"mrt", 3}, {"mar", 3}, {"march", 3},
    {"april", 4}, {"apr", 4},
    {"mei", 5}, {"may", 5},
    {"juni", 6}, {"jun", 6}, {"june", 6},
    {"juli", 7}, {"jul", 7}, {"july", 7},
    {"augustus", 8}, {"aug", 8}, {"august", 8},
    {"september", 9}, {"sep", 9}, {"sept", 9},
    {"oktober", 10}, {"okt", 10}, {"october", 10},
    {"november", 11}, {"nov", 11},
    {"december", 12}, {"dec", 12},
}};

constexpr std::array<std::string_view, 14> kWeekdays = {
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "ma", "di", "wo", "do", "vr", "za", "zo"};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Splits into tokens of digits and of letters; separators (- / . , space)
// are recorded so that "1-3-2024" and "1 3 2024" differ from "1-3 2024".
struct Token {
  std::string text;
  bool digits = false;
};

std::vector<Token> Tokenize(std::string_view s, std::string& separators) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsAsciiDigit(c) || IsAsciiAlpha(c)) {
      const bool digits = IsAsciiDigit(c);
      size_t j = i;
      while (j < s.size() && (digits ? IsAsciiDigit(s[j]) : IsAsciiAlpha(s[j]))) ++j;
      out.push_back({std::string(s.substr(i, j - i)), digits});
      i = j;
    } else {
      if (c != ' ') separators.push_back(c);
      ++i;
    }
  }
  return out;
}

int ExpandYear(std::string_view y, int pivot) {
  int year = ToInt(y);
  if (y.size() == 2) year += year <= pivot ? 2000 : 1900;
  return year;
}

DateResult Check(CalendarDate d) {
  if (!IsRealDate(d)) return {DateParse::kImpossible, {}};
  return {DateParse::kOk, d};
}

}  // namespace

std::optional<int> MonthFromName(std::string_view folded_word) {
  for (const auto& m : kMonths) {
    if (m.name == folded_word) return m.month;
  }
  if (folded_word.size() >= 5) {
    for (const auto& m : kMonths) {
      if (m.name.size() >= 5 && EditDistance(m.name, folded_word, 1) <= 1) return m.month;
    }
  }
  // "rn" is a frequent OCR misreading of "m" (rnaart, decernber).
  std::string fixed(folded_word);
  if (const size_t p = fixed.find("rn"); p != std::string::npos) {
    fixed.replace(p, 2, "m");
    for (const auto& m : kMonths) {
      if (m.name == fixed) return m.month;
    }
  }
  return std::nullopt;
}

bool IsRealDate(const CalendarDate& d) {
  if (d.year < 1800 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  const int max_day = d.month == 2 && leap ? 29 : kDays[d.month - 1];
  return d.day <= max_day;
}

std::string FormatIsoDate(const CalendarDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<CalendarDate> ParseIsoDate(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  if (!AllDigits(iso.substr(0, 4)) || !AllDigits(iso.substr(5, 2)) || !AllDigits(iso.substr(8, 2))) {
    return std::nullopt;
  }
  CalendarDate d{ToInt(iso.substr(0, 4)), ToInt(iso.substr(5, 2)), ToInt(iso.substr(8, 2))};
  if (!IsRealDate(d)) return std::nullopt;
  return d;
}

std::string TodayIso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return FormatIsoDate({tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
}

DateResult ParseDutchDate(std::string_view raw, int pivot_two_digit) {
  std::string separators;
  // A stray quote mark on typewritten or scanned text ("5 Februari' 1967")
  // is no part of the date.
  std::string unquoted(raw);
  for (const char* q : {"\u2019", "\u2018", "\u201c", "\u201d", "\u201e", "'", "`", "\u00b0"}) {
    for (size_t at; (at = unquoted.find(q)) != std::string::npos;) unquoted.erase(at, std::string_view(q).size());
  }
  std::vector<Token> tokens = Tokenize(FoldForMatch(CollapseSpaces(unquoted)), separators);
  // Drop a leading weekday ("maandag 3 maart 2025", "di 4-3-2025").
  if (tokens.size() == 4 && !tokens[0].digits) {
    for (auto w : kWeekdays) {
      if (tokens[0].text == w) {
        tokens.erase(tokens.begin());
        break;
      }
    }
  }
  // Separators allowed between the parts: - / . (and a trailing dot); with a
  // month name also a speck of ':' or ';' ("1 Juli: 1951").
  const bool month_name = tokens.size() == 3 && !tokens[1].digits;
  for (char c : separators) {
    if (c != '-' && c != '/' && c != '.' && c != ',' && !(month_name && (c == ':' || c == ';'))) return {};
  }
  if (tokens.size() == 1 && tokens[0].digits && tokens[0].text.size() == 8) {
    // ddmmjjjj written in date boxes without separators.
    const std::string& t = tokens[0].text;
    return Check({ToInt(t.substr(4, 4)), ToInt(t.substr(2, 2)), ToInt(t.substr(0, 2))});
  }
  if (tokens.size() != 3) return {};
  const Token& a = tokens[0];
  const Token& b = tokens[1];
  const Token& c = tokens[2];
  if (a.digits && b.digits && c.digits) {
    if (a.text.size() == 4 && b.text.size() <= 2 && c.text.size() <= 2) {  // ISO order
      return Check({ToInt(a.text), ToInt(b.text), ToInt(c.text)});
    }
    if (a.text.size() > 2 || b.text.size() > 2 || (c.text.size() != 2 && c.text.size() != 4)) {
      return {};
    }
    return Check({ExpandYear(c.text, pivot_two_digit), ToInt(b.text), ToInt(a.text)});
  }
  if (a.digits && !b.digits && c.digits) {
    const std::optional<int> month = MonthFromName(b.text);
    if (!month || a.text.size() > 2 || (c.text.size() != 2 && c.text.size() != 4)) return {};
    return Check({ExpandYear(c.text, pivot_two_digit), *month, ToInt(a.text)});
  }
  return {};
}

}  // namespace scanstraat
