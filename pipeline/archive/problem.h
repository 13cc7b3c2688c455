// A problem that `scanstraat verify` reports about one archived file.
// Thread-safety: plain value.
#pragma once

#include <string>

namespace scanstraat {

struct Problem {
  std::string check;    // stable id of the failed check, e.g. "pdfa.xmp", "mdto.schema", "sha256"
  std::string message;  // what is wrong and what to do; names no personal data
};

}  // namespace scanstraat
