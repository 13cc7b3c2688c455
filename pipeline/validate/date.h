// Dates as Dutch forms and letters write them: `dd-mm-jjjj`, `d-m-jj`,
// `dd/mm/jjjj`, `dd.mm.jjjj`, `1 maart 2024`, `1 mrt. 2024`, an optional
// weekday in front ("maandag 3 maart 2025"), and ISO `2024-03-01`. Month
// names tolerate one OCR misread ("rnaart" → maart).
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace scanstraat {

struct CalendarDate {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const CalendarDate&) const = default;
};

enum class DateParse { kOk, kNotADate, kImpossible };

struct DateResult {
  DateParse status = DateParse::kNotADate;
  CalendarDate date;  // set when status is kOk
};

// Parses `raw`. Two-digit years are 20jj when jj <= `pivot_two_digit`, else
// 19jj. kImpossible: it looks like a date but the day does not exist
// (31-02-2024) or the year is outside 1800..2200.
[[nodiscard]] DateResult ParseDutchDate(std::string_view raw, int pivot_two_digit);

// Returns the month 1..12 for a Dutch (or English) month name or abbreviation,
// allowing one edit for names of 5+ letters; nullopt when it is none.
[[nodiscard]] std::optional<int> MonthFromName(std::string_view folded_word);

[[nodiscard]] bool IsRealDate(const CalendarDate& d);
// "YYYY-MM-DD".
[[nodiscard]] std::string FormatIsoDate(const CalendarDate& d);
// Parses exactly "YYYY-MM-DD" (a normalised value); nullopt otherwise.
[[nodiscard]] std::optional<CalendarDate> ParseIsoDate(std::string_view iso);
// Today's date in local time, as YYYY-MM-DD.
[[nodiscard]] std::string TodayIso();

}  // namespace scanstraat
