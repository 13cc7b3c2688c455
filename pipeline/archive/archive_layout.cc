#include "pipeline/archive/archive_layout.h"

#include <string>

namespace scanstraat {

Result<ArchivePaths> ArchivePathsFor(const std::filesystem::path& root,
                                     std::string_view document_id) {
  if (document_id.size() != 64 ||
      document_id.find_first_not_of("0123456789abcdef") != std::string_view::npos)
    return Status::InvalidArgument("document id must be a lower-case SHA-256 hex string");
  ArchivePaths p;
  const std::string id(document_id);
  p.folder = root / id.substr(0, 2) / id;
  p.pdf = p.folder / "document.pdf";
  p.original = p.folder / "original.pdf";
  p.mdto_object = p.folder / "informatieobject.mdto.xml";
  p.mdto_pdf = p.folder / "document.pdf.mdto.xml";
  p.mdto_original = p.folder / "original.pdf.mdto.xml";
  p.result = p.folder / "result.json";
  return p;
}

}  // namespace scanstraat
