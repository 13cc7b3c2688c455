// Where an archived document's files live, named by its document id only, so
// no personal data ever appears in a file or folder name:
//
//   <root>/<id[0:2]>/<id>/document.pdf               searchable PDF/A-2b
//   <root>/<id[0:2]>/<id>/original.pdf               born-digital input, bytes as received
//   <root>/<id[0:2]>/<id>/informatieobject.mdto.xml  MDTO informatieobject
//   <root>/<id[0:2]>/<id>/document.pdf.mdto.xml      MDTO bestand of the PDF/A
//   <root>/<id[0:2]>/<id>/original.pdf.mdto.xml      MDTO bestand of the original
//   <root>/<id[0:2]>/<id>/result.json                the result record (RESULTS.md)
//
// Thread-safety: pure functions.
#pragma once

#include <filesystem>
#include <string_view>

#include "pipeline/core/status.h"

namespace scanstraat {

struct ArchivePaths {
  std::filesystem::path folder;
  std::filesystem::path pdf, original, mdto_object, mdto_pdf, mdto_original, result;
};

// InvalidArgument unless `document_id` is 64 lower-case hex digits (a SHA-256).
Result<ArchivePaths> ArchivePathsFor(const std::filesystem::path& root,
                                     std::string_view document_id);

}  // namespace scanstraat
