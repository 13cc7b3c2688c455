// Masking of personal data for logs, error messages and screens that may not
// show it in clear. Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace scanstraat {

// Keeps the last 4 characters (code points) and replaces the others with
// '*': "123456782" → "*****6782". Values of 4 characters or fewer are masked
// completely. Spaces are masked too, so the length hints at nothing more.
[[nodiscard]] std::string MaskValue(std::string_view normalised);

// Returns `text` with everything that looks like a BSN (a run of 8 or
// more digits, also with single spaces or dots inside: "1234 56
// 782"), an IBAN ("NL91 ABNA 0417 1643 00", with or without spaces) or a date
// ("01-03-1985", "1985-03-01", "1 maart 1985") masked. Defence in depth for log
// lines and error messages: it over-masks rather than under-masks.
[[nodiscard]] std::string RedactPersonalData(std::string_view text);

}  // namespace scanstraat
