#include "pipeline/archive/archive_layout.h"

#include <gtest/gtest.h>

namespace scanstraat {
namespace {

TEST(ArchiveLayout, NamesFilesByDocumentIdOnly) {
  const std::string id(64, 'e');
  auto p = ArchivePathsFor("/archive", id);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->folder, std::filesystem::path("/archive/ee") / id);
  EXPECT_EQ(p->pdf.filename(), "document.pdf");
  EXPECT_EQ(p->mdto_pdf.filename(), "document.pdf.mdto.xml");
  EXPECT_EQ(p->mdto_object.parent_path(), p->folder);
}

TEST(ArchiveLayout, RefusesAnythingButASha256) {
  EXPECT_FALSE(ArchivePathsFor("/a", "Jansen").ok());
  EXPECT_FALSE(ArchivePathsFor("/a", std::string(64, 'E')).ok());
  EXPECT_FALSE(ArchivePathsFor("/a", "../" + std::string(61, 'a')).ok());
}

}  // namespace
}  // namespace scanstraat
