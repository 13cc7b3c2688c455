// The workspace store: runs, documents, pages and review cases in one
// SQLite database (workspace/scanstraat.db). Nothing outside the store is
// trusted to say whether a document is done.
//
// Document states: pending → in_progress → done. A document becomes done in
// one transaction together with its review case, so a crash leaves it either
// done (with its case) or not done (and it is processed again).
// Thread-safety: a Store is used by one thread at a time; open one per thread.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/store/sqlite_db.h"

namespace scanstraat {

enum class DocState { kNew, kPending, kInProgress, kDone };

struct PendingDocument {
  std::string id;
  std::string source;
  std::string path;
  int attempts = 0;
  int crashes = 0;        // times a worker died while this document was in progress
  bool suspect = false;   // was in progress when a worker died or a run was killed
};

struct PageRecord {
  int page_no = 0;
  std::string source;       // "ocr" | "pdf_text" | "none" (failed)
  int width = 0, height = 0, dpi = 0, rotation = 0;
  double skew = 0, confidence = 0;
  int words = 0;
  int64_t millis = 0;
  std::string error_code, error_message;  // empty when the page was read
  std::string text, hocr, page_json;      // page_json: PageText as JSON
};

// A cleaned page image, compressed for the archive (archive/image_encode.h
// EncodedImage in the store's terms): what the OCR boxes refer to, for the
// PDF/A and the review screen.
struct PageImage {
  std::string filter;       // PDF filter name: CCITTFaxDecode | DCTDecode | FlateDecode
  int width = 0, height = 0, bits_per_component = 8, components = 1, dpi = 300;
  std::string data;
};

// One file of an archived document, as recorded once it is durably written.
struct ArchiveFileRecord {
  std::string role;         // pdf | original | mdto_object | mdto_pdf | mdto_original | result
  std::string path;         // relative to <workspace>/archive
  std::string sha256;
  int64_t size = 0;
};

// What retention needs of an archived document (from its rules' archive settings).
struct ArchivedDocument {
  std::string doc_id, doctype, doctype_name, categorie, waardering, bewaartermijn;
  std::string term_start;   // YYYY-MM-DD the bewaartermijn counts from
  std::string archived_at;  // UTC ISO time the document was archived
};

struct DocumentOutcome {
  int pages = 0;
  std::string text_source;  // ocr | pdf_text | mixed | none
  std::string decision;     // archive | review | failed
  std::vector<std::string> reasons;
  std::string error_code, error_message;
  std::string result_json;  // the result record without its "review" part
  // decision archive: the files written (recorded in the same transaction)
  // and the document's archive facts; the page images are then deleted.
  std::vector<ArchiveFileRecord> archive_files;
  std::optional<ArchivedDocument> archived;
};

struct RunSummary {
  int64_t run_id = 0;
  int documents_seen = 0, documents_processed = 0, documents_skipped = 0;
  int pages = 0, pages_ocr = 0, pages_text = 0;
  int archived = 0, to_review = 0, failed = 0;
};

class Store {
 public:
  // Opens or creates the store in `workspace` (created if missing).
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& workspace);
  // Opens an existing store only (kNotFound when there is none).
  static Result<std::unique_ptr<Store>> OpenExisting(const std::filesystem::path& workspace);

  Result<int64_t> CreateRun(const std::string& options_json);
  Status FinishRun(int64_t run_id, const std::string& status, double wall_seconds);

  // Records that `run_id` saw a file with this id; returns the document's state.
  Result<DocState> NoteSeen(const std::string& id, const std::string& source,
                            const std::string& path, int64_t size, int64_t run_id);
  // Documents not done that this run saw, suspects (in progress) first.
  Result<std::vector<PendingDocument>> PendingForRun(int64_t run_id);

  // Marks the start of an attempt (committed before any work starts).
  Status BeginDocument(const std::string& id, int64_t run_id, bool isolated);
  Result<std::set<int>> DonePages(const std::string& id);
  // With `image`, the page image is stored in the same transaction.
  Status SavePage(const std::string& id, const PageRecord& page, const PageImage* image = nullptr);
  // The stored page images of a document, by page number (archive_store.cc).
  Result<std::map<int, PageImage>> LoadPageImages(const std::string& id);
  Result<std::vector<PageRecord>> LoadPages(const std::string& id);
  Status FinishDocument(const std::string& id, int64_t run_id, const DocumentOutcome& outcome);

  // After a worker died: counts a crash on every document it had in progress.
  // Returns how many documents were in progress.
  Result<int> MarkCrashed(int64_t run_id);
  // After a graceful stop: documents this run had in progress go back to
  // pending (their stored pages are kept and not redone).
  Status ResetInProgress(int64_t run_id);
  // Documents that were in progress, alone, when a worker died.
  Result<std::vector<std::string>> IsolatedCrashes(int64_t run_id);

  Result<RunSummary> Summarise(int64_t run_id);
  Result<int64_t> LatestRunId();

  struct ResultRow {
    std::string id, result_json, state_of_case;
    int64_t case_id = 0;
    std::string decided_by;        // who approved or rejected the case
    std::string corrections_json;  // the case's corrections (review/cases.h)
  };
  // Calls `fn` for every done document (of `run_id` when > 0, done at or
  // after `since` when not empty), in order of completion.
  Status ForEachResult(int64_t run_id, const std::string& since,
                       const std::function<void(const ResultRow&)>& fn);

  // Every recorded archive file / archived document (archive_store.cc).
  Status ForEachArchiveFile(const std::function<void(const std::string& doc_id,
                                                     const ArchiveFileRecord&)>& fn);
  Status ForEachArchivedDocument(const std::function<void(const ArchivedDocument&)>& fn);

  // A reviewer's approval (review_store.cc): the case becomes approved, the
  // document's record becomes `outcome.result_json`, and the archive rows of
  // `outcome` are recorded, in one transaction that also runs
  // `in_transaction` (the audit entry). kConflict when the case is no longer
  // open (someone else decided it first): nothing is recorded.
  Status RecordApproval(const std::string& doc_id, int64_t case_id, const std::string& by,
                        const std::string& corrections_json, const DocumentOutcome& outcome,
                        const std::function<Status()>& in_transaction);

  Db& db() { return *db_; }

 private:
  explicit Store(std::unique_ptr<Db> db) : db_(std::move(db)) {}
  // Inside FinishDocument's transaction: the archive rows of `o`.
  Status RecordArchive(const std::string& id, const DocumentOutcome& o);
  std::unique_ptr<Db> db_;
};

// Creates or upgrades the schema (PRAGMA user_version).
Status MigrateSchema(Db& db);

}  // namespace scanstraat
