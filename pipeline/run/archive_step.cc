#include "pipeline/run/archive_step.h"

#include <chrono>
#include <ctime>
#include <mutex>
#include <system_error>

#include "pipeline/archive/archive_layout.h"
#include "pipeline/archive/atomic_write.h"
#include "pipeline/archive/faulty_file_system.h"
#include "pipeline/archive/mdto.h"
#include "pipeline/archive/pdfa_writer.h"
#include "pipeline/core/file_lock.h"
#include "pipeline/core/log.h"
#include "pipeline/core/page_text_json.h"
#include "pipeline/core/sha256.h"
#include "pipeline/ingest/sniff.h"
#include "pipeline/run/page_task.h"
#include "pipeline/run/result_record.h"
#include "pipeline/store/fault_spec.h"

namespace scanstraat {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;
double MsSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::string TodayUtc(std::chrono::system_clock::time_point now) {
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// PRONOM id and label of a (not PDF/A) PDF by its header version.
std::pair<std::string, std::string> PdfPronom(std::string_view bytes) {
  static const std::map<std::string, std::string> kIds = {
      {"1.0", "fmt/14"}, {"1.1", "fmt/15"}, {"1.2", "fmt/16"}, {"1.3", "fmt/17"},
      {"1.4", "fmt/18"}, {"1.5", "fmt/19"}, {"1.6", "fmt/20"}, {"1.7", "fmt/276"},
      {"2.0", "fmt/1129"}};
  std::string version = bytes.substr(0, 5) == "%PDF-" && bytes.size() >= 8
                            ? std::string(bytes.substr(5, 3)) : "";
  auto it = kIds.find(version);
  if (it == kIds.end()) return {"fmt/276", "Acrobat PDF 1.7 - Portable Document Format"};
  return {it->second, "Acrobat PDF " + version + " - Portable Document Format"};
}

// The files written by one attempt: removed again when the attempt fails, so
// an error leaves nothing of it behind.
class Written {
 public:
  Written(FileSystem& files, const fs::path& root, const ArchivePaths& paths)
      : files_fs_(files), root_(root), paths_(paths) {}
  ~Written() {
    if (committed_) return;
    std::error_code ec;
    for (const fs::path& p : written_) fs::remove(p, ec);
    fs::remove(paths_.folder, ec);                // only when empty
    fs::remove(paths_.folder.parent_path(), ec);  // likewise
  }
  // Adds a file to write; `bytes` must outlive Flush().
  void Add(const std::string& role, const fs::path& path, std::string_view bytes) {
    batch_.push_back({path, bytes});
    ArchiveFileRecord f;
    f.role = role;
    f.path = fs::relative(path, root_).generic_string();
    f.sha256 = Sha256Hex(bytes);
    f.size = static_cast<int64_t>(bytes.size());
    files_.push_back(std::move(f));
  }
  // Writes every added file (WriteFilesAtomic: the syncs grouped).
  Status Flush() {
    for (const FileToWrite& f : batch_) written_.push_back(f.path);  // removing unwritten ones is harmless
    return WriteFilesAtomic(files_fs_, batch_);
  }
  const std::vector<ArchiveFileRecord>& files() const { return files_; }
  void Commit() { committed_ = true; }

 private:
  FileSystem& files_fs_;
  fs::path root_;
  const ArchivePaths& paths_;
  std::vector<fs::path> written_;
  std::vector<FileToWrite> batch_;
  std::vector<ArchiveFileRecord> files_;
  bool committed_ = false;
};

// The file system archive files are written through: the real one, or
// (tests only) the failing one $SCANSTRAAT_FAULT_ARCHIVE asks for
// (store/fault_spec.h), one per process so that its count spans the run.
Result<FileSystem*> ArchiveFileSystem() {
  static std::once_flag once;
  static std::unique_ptr<FaultyFileSystem> faulty;
  static Status status;
  std::call_once(once, [] {
    Result<std::optional<FaultSpec>> spec = FaultSpecFromEnv("SCANSTRAAT_FAULT_ARCHIVE");
    if (!spec.ok() || !spec.value()) {
      status = spec.status();
      return;
    }
    const FaultSpec& f = *spec.value();
    if (f.sticky || f.worker_only) {
      status = Status::InvalidArgument("SCANSTRAAT_FAULT_ARCHIVE takes KIND:N only");
      return;
    }
    using F = FaultyFileSystem::Fault;
    faulty = std::make_unique<FaultyFileSystem>(PosixFileSystem());
    faulty->Inject(f.kind == FaultKind::kWrite ? F::kWriteError
                   : f.kind == FaultKind::kFull ? F::kDiskFull
                   : f.kind == FaultKind::kFsync ? F::kSyncError : F::kRenameError,
                   f.nth);
    LogWarn("fault injection: archive " + std::string(FaultKindName(f.kind)) + " #" +
            std::to_string(f.nth) + " will fail");
  });
  if (!status.ok()) return status;
  return faulty ? static_cast<FileSystem*>(faulty.get()) : &PosixFileSystem();
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

fs::path ArchiveRoot(const fs::path& workspace) { return workspace / "archive"; }

PageImage ToPageImage(EncodedImage image) {
  PageImage p;
  p.filter = std::string(FilterName(image.filter));
  p.width = image.width;
  p.height = image.height;
  p.bits_per_component = image.bits_per_component;
  p.components = image.components;
  p.dpi = image.dpi;
  p.data = std::move(image.data);
  return p;
}

Result<EncodedImage> FromPageImage(PageImage p) {
  EncodedImage e;
  bool known = false;
  for (ImageFilter f : {ImageFilter::kCcittG4, ImageFilter::kDct, ImageFilter::kFlate}) {
    if (FilterName(f) == p.filter) {
      e.filter = f;
      known = true;
    }
  }
  if (!known) return Status::Corrupt("stored page image has unknown filter '" + p.filter + "'");
  e.width = p.width;
  e.height = p.height;
  e.bits_per_component = p.bits_per_component;
  e.components = p.components;
  e.dpi = p.dpi;
  e.data = std::move(p.data);
  return e;
}

fs::path ArchiveLockPath(const fs::path& workspace) { return workspace / "archive.lock"; }

Result<int> RemoveArchiveLeftovers(const fs::path& workspace) {
  const fs::path root = ArchiveRoot(workspace);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return 0;
  // An approval in the review server may be writing right now.
  SS_ASSIGN_OR_RETURN(FileLock lock, FileLock::Acquire(ArchiveLockPath(workspace), true));
  int removed = 0;
  std::vector<fs::path> dirs = {root};
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec)) dirs.push_back(it->path());
  if (ec) return Status::IOError("cannot list the archive folder " + root.string() + ": " + ec.message());
  for (const fs::path& d : dirs) {
    SS_ASSIGN_OR_RETURN(int n, RemoveAtomicLeftovers(PosixFileSystem(), d));
    removed += n;
  }
  return removed;
}

Result<std::unique_ptr<ArchiveStep>> ArchiveStep::Create(const fs::path& workspace) {
  SS_ASSIGN_OR_RETURN(WorkspaceConfig config, LoadWorkspaceConfig(workspace));
  if (config.archiefvormer.empty())
    LogWarn("no archiefvormer configured: archived documents' MDTO metadata says '" +
            std::string(kUnsetArchiefvormer) +
            "'; set it once with `scanstraat run --archiefvormer gm0363 --archiefvormer-naam NAME`");
  SS_ASSIGN_OR_RETURN(FileSystem * files, ArchiveFileSystem());
  return std::unique_ptr<ArchiveStep>(new ArchiveStep(ArchiveRoot(workspace), std::move(config), *files));
}

Status ArchiveStep::Archive(const ArchiveRequest& rq, DocumentOutcome& outcome,
                            ArchiveTimings* timings) {
  ArchiveTimings local;
  ArchiveTimings& tm = timings ? *timings : local;
  if (rq.pages == nullptr || rq.pages->empty() || rq.analysis == nullptr)
    return Status::InvalidArgument("nothing to archive: no pages or no rules output");
  nlohmann::json settings = rq.analysis->value("archive_settings", nlohmann::json::object());
  if (settings.value("from_batch", false)) {  // e.g. archiefstuk: the series decides
    auto set = [&](const char* key, const std::string& v) {
      if (!v.empty()) settings[key] = v;
    };
    set("name", config_.batch_naam);
    set("categorie", config_.batch_categorie);
    set("waardering", config_.batch_waardering);
    set("bewaartermijn", config_.batch_bewaartermijn);
    if (Str(settings, "waardering").empty())
      return Status::InvalidArgument(
          "the batch's archive settings are not set (scanstraat run --batch-categorie CODE "
          "--batch-waardering V|B ...)");
  }
  const std::string doctype = rq.analysis->contains("doctype")
                                  ? Str(rq.analysis->at("doctype"), "id") : std::string();
  SS_ASSIGN_OR_RETURN(ArchivePaths paths, ArchivePathsFor(root_, rq.doc_id));
  const auto now = std::chrono::system_clock::now();

  // The pages: stored images (the run draws text-layer pages in its parallel
  // stage); a text-layer page without one (a workspace from before, or a page
  // that could not be drawn then) is rendered now (no clean-up: its word
  // boxes are in unrotated page coordinates).
  auto t0 = Clock::now();
  std::vector<ArchivePage> pages;
  bool has_text_layer = false;
  for (const PageRecord& p : *rq.pages) {
    if (!p.error_code.empty())
      return Status::InvalidArgument("page " + std::to_string(p.page_no) + " was not read");
    ArchivePage page;
    SS_ASSIGN_OR_RETURN(page.text, PageTextFromJson(p.page_json, p.text));
    auto stored = rq.images.find(p.page_no);
    if (stored != rq.images.end()) {
      SS_ASSIGN_OR_RETURN(page.image, FromPageImage(stored->second));
    } else if (p.source == "pdf_text" && rq.source != nullptr) {
      has_text_layer = true;
      SS_ASSIGN_OR_RETURN(page.image, DrawTextLayerPage(*rq.source, p.page_no - 1, rq.dpi));
    } else {
      return Status::Internal("page " + std::to_string(p.page_no) +
                              " has no stored image to archive");
    }
    has_text_layer |= p.source == "pdf_text";
    pages.push_back(std::move(page));
  }
  tm.render_ms += MsSince(t0);

  // The PDF/A in memory.
  t0 = Clock::now();
  const std::string type_name = Str(settings, "name").empty() ? doctype : Str(settings, "name");
  PdfInfo info;
  info.title = type_name;
  info.author = config_.archiefvormer_naam;
  info.subject = type_name + " " + ShortId(rq.doc_id);
  info.document_id = "urn:scanstraat:document:" + rq.doc_id;
  info.created = now;
  SS_ASSIGN_OR_RETURN(std::string pdf, RenderPdfA(pages, info));
  pages.clear();
  tm.pdf_ms += MsSince(t0);

  // The original of a PDF with a text layer, as received.
  std::string original;
  if (has_text_layer) {
    SS_ASSIGN_OR_RETURN(original, ReadWholeFile(rq.input_path, INT64_MAX));
    if (Sha256Hex(original) != rq.doc_id)
      return Status::IOError("the input file changed before its original could be archived; "
                             "the next run archives it");
    if (SniffKind(std::string_view(original).substr(0, 1024)) != FileKind::kPdf) original.clear();
  }

  // The metadata.
  MdtoInformatieobject io;
  io.id = rq.doc_id;
  io.name = type_name + " " + ShortId(rq.doc_id);
  io.doctype_name = type_name;
  io.doctype_id = doctype;
  io.category_code = Str(settings, "categorie");
  io.category_label = Str(settings, "omschrijving");
  if (!Str(settings, "selectielijst").empty()) io.selectielijst = Str(settings, "selectielijst");
  io.waardering = Str(settings, "waardering");
  io.bewaartermijn = Str(settings, "bewaartermijn");
  const std::string term_start = TodayUtc(now);  // the term counts from archiving
  if (!io.bewaartermijn.empty()) io.bewaartermijn_start = term_start;
  io.archiefvormer_code = config_.archiefvormer.empty() ? kUnsetArchiefvormer : config_.archiefvormer;
  io.archiefvormer_name = config_.archiefvormer_naam.empty()
                              ? "archiefvormer niet ingesteld (scanstraat.conf)"
                              : config_.archiefvormer_naam;
  io.beperking_gebruik = {config_.beperking_gebruik, config_.beperking_gebruik_code,
                          "Begrippenlijst BeperkingGebruikTypeLijst MDTO"};
  std::vector<std::string> dates;
  for (const nlohmann::json& d : rq.analysis->value("document_dates", nlohmann::json::array()))
    if (d.is_string() && IsIsoDate(d.get<std::string>())) dates.push_back(d.get<std::string>());
  if (!dates.empty()) {
    std::sort(dates.begin(), dates.end());
    io.dekking_begin = dates.front();
    if (dates.back() != dates.front()) io.dekking_end = dates.back();
  }
  io.representations = {paths.pdf.filename().string()};
  if (!original.empty()) io.representations.push_back(paths.original.filename().string());
  SS_ASSIGN_OR_RETURN(std::string io_xml, MdtoInformatieobjectXml(io));

  auto bestand = [&](const fs::path& file, std::string_view bytes, std::string pronom,
                     std::string label) {
    MdtoBestand b;
    b.id = rq.doc_id + "/" + file.filename().string();
    b.name = file.filename().string();
    b.size = bytes.size();
    b.pronom = std::move(pronom);
    b.format_label = std::move(label);
    b.sha256 = Sha256Hex(bytes);
    b.checksum_time = now;
    b.object_name = io.name;
    b.object_id = io.id;
    return MdtoBestandXml(b);
  };
  SS_ASSIGN_OR_RETURN(std::string pdf_xml, bestand(paths.pdf, pdf, MdtoBestand{}.pronom,
                                                   MdtoBestand{}.format_label));
  std::string original_xml;
  if (!original.empty()) {
    auto [pronom, label] = PdfPronom(original);
    SS_ASSIGN_OR_RETURN(original_xml, bestand(paths.original, original, pronom, label));
  }

  // The result record with its archive part.
  nlohmann::ordered_json record = nlohmann::ordered_json::parse(outcome.result_json, nullptr, false);
  if (record.is_discarded()) return Status::Internal("the result record is not JSON");
  const std::string pdf_sha = Sha256Hex(pdf);
  record["archive"] = {{"pdf", fs::relative(paths.pdf, root_).generic_string()},
                       {"metadata", fs::relative(paths.mdto_object, root_).generic_string()},
                       {"sha256", pdf_sha}};
  const auto dump = [](const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  };
  nlohmann::ordered_json with_review = record;
  with_review["review"] = rq.review;  // null unless a reviewer approved it
  const std::string result_file = dump(with_review) + "\n";

  // Every file to a temporary name, synced, renamed, the folder synced
  // (WriteFilesAtomic); only then does the store record them.
  t0 = Clock::now();
  std::error_code ec;
  fs::create_directories(paths.folder, ec);
  if (ec) return Status::IOError("cannot create archive folder " + paths.folder.string() + ": " + ec.message());
  Written written(fs_, root_, paths);
  written.Add("pdf", paths.pdf, pdf);
  if (!original.empty()) {
    written.Add("original", paths.original, original);
    written.Add("mdto_original", paths.mdto_original, original_xml);
  }
  written.Add("mdto_pdf", paths.mdto_pdf, pdf_xml);
  written.Add("mdto_object", paths.mdto_object, io_xml);
  written.Add("result", paths.result, result_file);
  SS_RETURN_IF_ERROR(written.Flush());
  tm.write_ms += MsSince(t0);

  written.Commit();
  outcome.archive_files = written.files();
  ArchivedDocument a;
  a.doc_id = rq.doc_id;
  a.doctype = doctype;
  a.doctype_name = type_name;
  a.categorie = io.category_code;
  a.waardering = io.waardering;
  a.bewaartermijn = io.bewaartermijn;
  a.term_start = term_start;
  a.archived_at = UtcNowIso();
  outcome.archived = std::move(a);
  outcome.result_json = dump(record);
  return Status::Ok();
}

void RouteToReview(DocumentOutcome& outcome, const Status& why) {
  outcome.decision = "review";
  outcome.reasons.push_back("archive_failed");
  outcome.archive_files.clear();
  outcome.archived.reset();
  if (outcome.error_code.empty()) {
    outcome.error_code = "archive_failed";
    outcome.error_message = "the archive files could not be made: " + why.message();
  }
  nlohmann::ordered_json record = nlohmann::ordered_json::parse(outcome.result_json, nullptr, false);
  if (record.is_discarded()) return;
  record["route"] = {{"decision", outcome.decision}, {"reasons", outcome.reasons}};
  record["error"] = {{"code", outcome.error_code}, {"message", outcome.error_message}};
  record["archive"] = nullptr;
  outcome.result_json = record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace scanstraat
