// The plain field types: text, name, postcode, integer, phone, email, and the
// value form of checkbox/choice. Thread-safety: pure functions.
#pragma once

#include <string_view>

#include "pipeline/validate/field_type.h"

namespace scanstraat {

[[nodiscard]] Validated NormaliseText(std::string_view raw);
[[nodiscard]] Validated NormaliseName(std::string_view raw);
[[nodiscard]] Validated NormalisePostcode(std::string_view raw);
[[nodiscard]] Validated NormaliseInteger(std::string_view raw);
[[nodiscard]] Validated NormalisePhone(std::string_view raw);
[[nodiscard]] Validated NormaliseEmail(std::string_view raw);
// "true"/"false" from ja/nee, x, ☒, true/false, 1/0.
[[nodiscard]] Validated NormaliseCheckbox(std::string_view raw);
// A choice's option key: trimmed, lower case, non-empty.
[[nodiscard]] Validated NormaliseChoice(std::string_view raw);

}  // namespace scanstraat
