// Passwords and secrets of the review server: Argon2id hashes (libargon2,
// the only file that includes it) and random tokens (OpenSSL's CSPRNG).
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace scanstraat {

// Shortest password `users add` accepts.
inline constexpr size_t kMinPasswordLength = 12;

// Argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane) and a random
// 16-byte salt, as a PHC string ("$argon2id$v=19$m=19456,t=2,p=1$…").
[[nodiscard]] Result<std::string> HashPassword(std::string_view password);

// True when `password` matches the PHC string `encoded`. Takes as long for a
// wrong password as for a right one.
[[nodiscard]] bool VerifyPassword(const std::string& encoded, std::string_view password);

// A hash of a password nobody has, to verify against when a login names an
// unknown user, so that the answer's timing does not tell which names exist.
const std::string& DummyPasswordHash();

// `bytes` random bytes from the CSPRNG, as lower-case hex.
[[nodiscard]] std::string RandomHex(size_t bytes);

// Compares in time that depends only on the lengths.
[[nodiscard]] bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace scanstraat
