// Identifier types: BSN (11-proof), IBAN (ISO 13616, mod 97), KvK number,
// Dutch btw-id. Thread-safety: pure functions.
#pragma once

#include <string_view>

#include "pipeline/validate/field_type.h"

namespace scanstraat {

[[nodiscard]] Validated NormaliseBsn(std::string_view raw);
[[nodiscard]] Validated NormaliseIban(std::string_view raw);
[[nodiscard]] Validated NormaliseKvk(std::string_view raw);
[[nodiscard]] Validated NormaliseBtw(std::string_view raw);

// Length of an IBAN of the (upper-case) country code; -1 when unknown.
[[nodiscard]] int IbanLengthForCountry(std::string_view country);

// REQUIRES: 9 ASCII digits. Weights 9..2 and -1, sum ≡ 0 mod 11, not all zero.
[[nodiscard]] bool BsnElevenProof(std::string_view digits);
// REQUIRES: compact upper-case IBAN. Mod 97 of the rearranged number is 1.
[[nodiscard]] bool IbanMod97(std::string_view iban);

}  // namespace scanstraat
