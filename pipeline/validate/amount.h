// The `amount` type: money as written on Dutch forms and invoices
// ("€ 1.234,56", "1234,56", "EUR 1.234,-") or in plain/English notation
// ("1,234.56", "1234.56"). Normalised to a decimal string with two decimals
// ("1234.56"). Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string_view>

#include "pipeline/validate/field_type.h"

namespace scanstraat {

[[nodiscard]] Validated NormaliseAmount(std::string_view raw);

// Parses a normalised amount ("-12.50") into cents; nullopt otherwise.
[[nodiscard]] std::optional<long long> AmountToCents(std::string_view normalised);

}  // namespace scanstraat
