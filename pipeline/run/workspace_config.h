// The workspace configuration file `<workspace>/scanstraat.conf`: the facts
// about the organisation that the archive's MDTO metadata needs and that do
// not belong in the rules. Plain `key = value` lines; `#` starts a comment.
//
//   archiefvormer          = gm0363                 TOOI code of the organisation
//   archiefvormer_naam     = Gemeente Amsterdam
//   beperking_gebruik      = beperkt openbaar; …    MDTO beperkingGebruikType label
//   beperking_gebruik_code = Openbaarheid/AW1995/BeperktOpenbaar-levenssfeer/1.0
//   mdto_xsd               = /path/MDTO-XML1.0.1.xsd   for `scanstraat verify`
//   batch_naam             = Bouwdossiers 1950-1970  the series being digitised
//   batch_categorie        = 11.1.6                  its selectielijst category
//   batch_waardering       = B                       V or B
//   batch_bewaartermijn    = P20Y                    for V
//
// The batch_* settings are the archive settings of document types whose
// rules say `archive: from_batch: true` (archiefstuk): their classification
// and retention come from the series, not from the content.
// `scanstraat run --archiefvormer CODE --archiefvormer-naam NAME` stores the
// first two here, `--batch-naam/-categorie/-waardering/-bewaartermijn` the
// batch settings. Thread-safety: plain values and pure functions.
#pragma once

#include <filesystem>
#include <string>

#include "pipeline/core/status.h"

namespace scanstraat {

struct WorkspaceConfig {
  // Empty: not configured; the MDTO metadata then says so (kUnsetArchiefvormer).
  std::string archiefvormer;
  std::string archiefvormer_naam;
  // Default: documents of citizens are not public (Archiefwet 1995, art. 15).
  std::string beperking_gebruik =
      "beperkt openbaar; eerbiediging van de persoonlijke levenssfeer (Archiefwet 1995)";
  std::string beperking_gebruik_code = "Openbaarheid/AW1995/BeperktOpenbaar-levenssfeer/1.0";
  std::string mdto_xsd;  // empty: `verify` needs --schema
  // Archive settings of the batch (for `from_batch` document types).
  std::string batch_naam, batch_categorie, batch_waardering, batch_bewaartermijn;
};

// What the metadata says when no archiefvormer is configured.
inline constexpr const char* kUnsetArchiefvormer = "onbekend";

std::filesystem::path WorkspaceConfigPath(const std::filesystem::path& workspace);

// Reads the file; the defaults when it does not exist. InvalidArgument naming
// the line for an unknown key or a line that is not `key = value`.
Result<WorkspaceConfig> LoadWorkspaceConfig(const std::filesystem::path& workspace);

// Writes the file atomically (all keys, with comments).
[[nodiscard]] Status SaveWorkspaceConfig(const std::filesystem::path& workspace,
                                         const WorkspaceConfig& config);

}  // namespace scanstraat
