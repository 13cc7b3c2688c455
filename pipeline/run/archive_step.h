// The archive step of a run: for a document decided `archive`, writes its
// files into <workspace>/archive/ (archive_layout.h) before the store records
// it as done:
//
//   document.pdf               searchable PDF/A-2b: the stored page images
//                              (text-layer pages rendered now at 300 dpi)
//                              with the words as an invisible text layer
//   original.pdf               a PDF with a text layer: its bytes as received
//   *.mdto.xml                 MDTO informatieobject + a bestand per PDF
//   result.json                the result record with its "archive" part
//
// every one through WriteFileAtomic. The files and their SHA-256 go into the
// outcome, and Store::FinishDocument records them in the transaction that
// makes the document done. A crash before that commit leaves files the
// database does not know, under the same names a rerun writes again; a crash
// after it leaves a complete, recorded document. Nothing is archived twice.
//
// Thread-safety: one ArchiveStep per run, used from the serial stage only.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/archive/file_system.h"
#include "pipeline/archive/image_encode.h"
#include "pipeline/ingest/source_document.h"
#include "pipeline/run/workspace_config.h"
#include "pipeline/store/store.h"

namespace scanstraat {

// The archive folder of a workspace.
std::filesystem::path ArchiveRoot(const std::filesystem::path& workspace);

// Conversions between the archive's and the store's form of a page image.
PageImage ToPageImage(EncodedImage image);
Result<EncodedImage> FromPageImage(PageImage image);

// Held while the review server archives an approved document, and while a run
// removes leftovers, so neither removes the other's files in flight.
std::filesystem::path ArchiveLockPath(const std::filesystem::path& workspace);

// Removes the temporary files an interrupted run left in the archive (every
// document folder). REQUIRES: no run writes the archive (the run lock is held);
// takes the archive lock itself.
Result<int> RemoveArchiveLeftovers(const std::filesystem::path& workspace);

struct ArchiveRequest {
  std::string doc_id;
  std::filesystem::path input_path;       // the input file (for original.pdf)
  SourceDocument* source = nullptr;       // to render text-layer pages; may be null
  const std::vector<PageRecord>* pages = nullptr;  // as stored, in page order
  std::map<int, PageImage> images;        // stored page images by page number
  const nlohmann::json* analysis = nullptr;  // the rules' output (archive_settings, document_dates)
  int dpi = 300;                          // resolution to render text-layer pages at
  nlohmann::ordered_json review;          // the record's "review" part (null in a run)
};

struct ArchiveTimings {
  double render_ms = 0;  // rendering + encoding text-layer pages
  double pdf_ms = 0;     // assembling the PDF/A in memory
  double write_ms = 0;   // every file written, synced and renamed
};

class ArchiveStep {
 public:
  // Reads the workspace configuration (workspace_config.h). Writes through
  // the real file system, or a failing one when $SCANSTRAAT_FAULT_ARCHIVE
  // asks for it (tests only; store/fault_spec.h).
  static Result<std::unique_ptr<ArchiveStep>> Create(const std::filesystem::path& workspace);

  // Writes the document's archive files and fills `outcome` (archive_files,
  // archived, and the "archive" part of result_json). On error nothing of
  // this attempt is left in the archive and `outcome` is unchanged: IOError
  // when the archive cannot be written (the run must stop), another code when
  // this document cannot be archived (RouteToReview sends it to review).
  Status Archive(const ArchiveRequest& request, DocumentOutcome& outcome,
                 ArchiveTimings* timings = nullptr);

  const WorkspaceConfig& config() const { return config_; }

 private:
  ArchiveStep(std::filesystem::path root, WorkspaceConfig config, FileSystem& files)
      : root_(std::move(root)), config_(std::move(config)), fs_(files) {}
  std::filesystem::path root_;
  WorkspaceConfig config_;
  FileSystem& fs_;  // PosixFileSystem() unless a test injects faults
};

// Changes an `archive` outcome whose files could not be written into a
// review outcome with reason "archive_failed" and the error on the record.
void RouteToReview(DocumentOutcome& outcome, const Status& why);

}  // namespace scanstraat
