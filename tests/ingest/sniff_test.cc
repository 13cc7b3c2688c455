#include <gtest/gtest.h>

#include <string>

#include "pipeline/ingest/sniff.h"

namespace scanstraat {
namespace {

struct Case {
  std::string head;
  FileKind kind;
};

TEST(Sniff, DecidesByContent) {
  const Case cases[] = {
      {"", FileKind::kEmpty},
      {"%PDF-1.7\n", FileKind::kPdf},
      {"garbage before the header %PDF-1.4\n", FileKind::kPdf},
      {std::string("II*\0", 4), FileKind::kTiff},
      {std::string("MM\0*", 4), FileKind::kTiff},
      {"\x89PNG\r\n\x1a\n....", FileKind::kPng},
      {"\xFF\xD8\xFF\xE0", FileKind::kJpeg},
      {"GIF89a", FileKind::kOtherImage},
      {"hello, this is text", FileKind::kUnknown},
      {"PK\x03\x04 (a zip or docx)", FileKind::kUnknown},
  };
  for (const Case& c : cases) EXPECT_EQ(SniffKind(c.head), c.kind) << FileKindName(c.kind);
}

}  // namespace
}  // namespace scanstraat
