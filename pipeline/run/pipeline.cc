#include "pipeline/run/pipeline.h"

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>
#include <set>

#include "pipeline/core/log.h"
#include "pipeline/core/page_text_json.h"
#include "pipeline/core/sha256.h"
#include "pipeline/core/tsan_handoff.h"
#include "pipeline/image/preprocess.h"
#include "pipeline/ingest/sniff.h"
#include "pipeline/ingest/source_document.h"
#include "pipeline/run/archive_step.h"
#include "pipeline/run/page_reread.h"
#include "pipeline/run/page_task.h"
#include "pipeline/run/progress.h"
#include "pipeline/run/result_record.h"
#include "pipeline/run/watchdog.h"

namespace scanstraat {
namespace {

// Exit code of a worker that the watchdog ended (the supervisor restarts it).
constexpr int kWatchdogExit = 75;

struct DocWork {
  PendingDocument doc;
  std::unique_ptr<SourceDocument> source;
  Status open_status;
  int page_count = 0;
  std::atomic<int> remaining{0};  // pages of this run still to be stored
};

// A document whose pages are all stored (stage 3 makes it), analysed in the
// parallel stage 4 and committed in the serial stage 5.
struct Finished {
  DocumentFacts facts;
  nlohmann::json analysis;
  DocumentOutcome outcome;
  double analyze_ms = -1;  // time in the rules; < 0: no rules ran
};

// What one stage hands the next. oneTBB copies and moves it between the
// stages' threads; the copy and move operations tell TSan so
// (core/tsan_handoff.h), and compile to plain member copies otherwise.
struct Item {
  std::shared_ptr<DocWork> doc;
  int index = -1;  // page index; -1: nothing to OCR, go straight to finishing
  PageOutcome outcome;
  // Set by stage 3 after the document's last page; filled by stage 4, which
  // drops it when the document cannot be finished now.
  std::shared_ptr<Finished> finished;

  Item() = default;
  ~Item() = default;
  Item(const Item& o) { *this = o; }
  Item(Item&& o) noexcept { *this = std::move(o); }
  Item& operator=(const Item& o) {
    TsanAcquire(&o);
    doc = o.doc;
    index = o.index;
    outcome = o.outcome;
    finished = o.finished;
    TsanRelease(this);
    return *this;
  }
  Item& operator=(Item&& o) noexcept {
    TsanAcquire(&o);
    doc = std::move(o.doc);
    index = o.index;
    outcome = std::move(o.outcome);
    finished = std::move(o.finished);
    TsanRelease(this);
    return *this;
  }
};

// Reads, checks and opens one document. The bytes must still hash to its id:
// a file replaced between discovery and now is processed on the next run.
std::shared_ptr<DocWork> OpenDocument(const PendingDocument& d, const RunOptions& options) {
  auto work = std::make_shared<DocWork>();
  work->doc = d;
  Result<std::string> bytes = ReadWholeFile(d.path, options.limits.max_file_bytes);
  if (!bytes.ok()) {
    work->open_status = bytes.status();
    return work;
  }
  if (Sha256Hex(bytes.value()) != d.id) {
    work->open_status = Status::IOError(
        "file changed after it was found; its new content is read as a new document by the next run");
    return work;
  }
  FileKind kind = SniffKind(std::string_view(bytes.value()).substr(0, 1024));
  Result<std::unique_ptr<SourceDocument>> src =
      OpenSourceDocument(std::move(bytes).value(), kind, options.limits);
  if (!src.ok()) {
    work->open_status = src.status();
    return work;
  }
  work->source = std::move(src).value();
  work->page_count = work->source->PageCount();
  return work;
}

// Fault injection for the crash and hang tests: SCANSTRAAT_FAULT_CRASH_DOC /
// SCANSTRAAT_FAULT_HANG_DOC name a document id prefix (12+ hex digits) whose
// pages crash the worker (SIGSEGV) or hang it; SCANSTRAAT_FAULT_HANG_OPEN_DOC
// hangs the opening of the file. Unset in normal use.
bool FaultNamed(const char* variable, const std::string& doc_id) {
  const char* prefix = std::getenv(variable);
  return prefix != nullptr && std::strlen(prefix) >= 12 && doc_id.rfind(prefix, 0) == 0;
}

void HangForever() {
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
}

void InjectedFault(const std::string& doc_id) {
  if (FaultNamed("SCANSTRAAT_FAULT_CRASH_DOC", doc_id)) std::raise(SIGSEGV);
  if (FaultNamed("SCANSTRAAT_FAULT_HANG_DOC", doc_id)) HangForever();
}

class Runner {
 public:
  Runner(Store& store, int64_t run_id, const RunOptions& options, const AnalyzeFn& analyze,
         Progress& progress, const std::atomic<bool>& cancel)
      : store_(store), run_id_(run_id), options_(options), analyze_(analyze),
        progress_(progress), cancel_(cancel) {}

  Result<PipelineStats> Run(const std::vector<PendingDocument>& docs, bool isolated) {
    int jobs = isolated ? 1 : EffectiveJobs(options_);
    size_t tokens = isolated ? 1
                    : options_.pages_in_flight > 0 ? static_cast<size_t>(options_.pages_in_flight)
                                                   : static_cast<size_t>(2 * jobs);
    Watchdog watchdog(options_.limits.page_hard_timeout_ms,
                      [this](const std::string& id, int page) { OnHang(id, page); });
    watchdog_ = &watchdog;
    isolated_ = isolated;
    docs_ = &docs;
    next_doc_ = 0;
    Result<std::unique_ptr<ArchiveStep>> archiver = ArchiveStep::Create(options_.workspace);
    if (!archiver.ok()) return archiver.status();
    archiver_ = std::move(archiver).value();
    tbb::global_control threads(tbb::global_control::max_allowed_parallelism,
                                static_cast<size_t>(jobs));
    tbb::task_arena arena(jobs);
    arena.execute([&] {
      tbb::parallel_pipeline(
          tokens,
          tbb::make_filter<void, Item>(tbb::filter_mode::serial_in_order,
                                       [this](tbb::flow_control& fc) { return NextItem(fc); }) &
              tbb::make_filter<Item, Item>(tbb::filter_mode::parallel,
                                           [this](Item item) { return Process(std::move(item)); }) &
              tbb::make_filter<Item, Item>(tbb::filter_mode::serial_out_of_order,
                                           [this](Item item) {
                                             TsanSerialSection serial(&save_stage_tag_);
                                             return Save(std::move(item));
                                           }) &
              tbb::make_filter<Item, Item>(tbb::filter_mode::parallel,
                                           [this](Item item) { return Analyze(std::move(item)); }) &
              tbb::make_filter<Item, void>(tbb::filter_mode::serial_out_of_order,
                                           [this](Item item) {
                                             // The item dies inside the section: dropping the last
                                             // reference to a document frees it (and libqpdf's
                                             // shared state) on this thread.
                                             TsanSerialSection serial(&commit_stage_tag_);
                                             Commit(Item(std::move(item)));
                                           }));
    });
    TsanAcquire(&next_stage_tag_);
    TsanAcquire(&save_stage_tag_);
    TsanAcquire(&commit_stage_tag_);
    watchdog_ = nullptr;
    LogStageCosts();
    if (!error_.ok()) return error_;
    stats_.cancelled = cancel_.load();
    return stats_;
  }

 private:
  // Stage 1 (serial): the next page to do, opening documents as needed.
  Item NextItem(tbb::flow_control& fc) {
    TsanSerialSection serial(&next_stage_tag_);
    for (;;) {
      if (cancel_.load() || failed_.load()) {
        fc.stop();
        return {};
      }
      if (current_) {
        while (next_page_ < current_->page_count && done_pages_.count(next_page_ + 1)) ++next_page_;
        if (next_page_ < current_->page_count) {
          Item item;
          item.doc = current_;
          item.index = next_page_++;
          return item;
        }
        current_.reset();
      }
      if (next_doc_ >= docs_->size()) {
        fc.stop();
        return {};
      }
      const PendingDocument& d = (*docs_)[next_doc_++];
      if (Status s = Locked([&] { return store_.BeginDocument(d.id, run_id_, isolated_); }); !s.ok()) {
        SetError(s);
        continue;
      }
      // Opening parses the file (a damaged PDF can loop inside Poppler's
      // loader), so it is watched like a page; page 0 stands for "opening".
      int64_t token = watchdog_->Begin(d.id, 0);
      if (FaultNamed("SCANSTRAAT_FAULT_HANG_OPEN_DOC", d.id)) HangForever();
      std::shared_ptr<DocWork> work = OpenDocument(d, options_);
      watchdog_->End(token);
      progress_.AddPages(work->page_count);
      Result<std::set<int>> done = Locked([&] { return store_.DonePages(d.id); });
      done_pages_ = done.ok() ? done.value() : std::set<int>{};
      int todo = 0;
      for (int p = 1; p <= work->page_count; ++p) todo += done_pages_.count(p) ? 0 : 1;
      work->remaining = todo;
      if (!work->open_status.ok() || todo == 0) {
        Item item;
        item.doc = work;  // nothing to OCR: straight to finishing
        return item;
      }
      current_ = work;
      next_page_ = 0;
    }
  }

  // Stage 2 (parallel): one page through load, clean-up and OCR.
  Item Process(Item item) {
    if (item.index < 0) return item;
    int64_t token = watchdog_->Begin(item.doc->doc.id, item.index + 1);
    InjectedFault(item.doc->doc.id);
    try {
      item.outcome = ProcessPage(*item.doc->source, item.index, options_,
                                 [this]() { return Engine(); }, &cancel_);
    } catch (const std::exception& e) {
      item.outcome.record.page_no = item.index + 1;
      item.outcome.status = Status::Internal("unexpected error while reading the page");
      item.outcome.record.source = "none";
      item.outcome.record.error_code = "internal";
      item.outcome.record.error_message = "page " + std::to_string(item.index + 1) +
                                          ": unexpected error while reading the page";
    }
    watchdog_->End(token);
    return item;
  }

  // Stage 3 (serial): store the page; after the document's last page, the
  // item carries the document on to be finished.
  Item Save(Item item) {
    DocWork& w = *item.doc;
    if (item.index >= 0) {
      if (item.outcome.status.code() == Code::kCancelled) return item;  // redone on the next run
      Status s = Locked([&] {
        return store_.SavePage(w.doc.id, item.outcome.record,
                               item.outcome.image ? &*item.outcome.image : nullptr);
      });
      if (item.outcome.image) {
        encode_ms_ += item.outcome.encode_ms;
        ++encoded_pages_;
      }
      if (item.outcome.record.source == "ocr") {
        pdf_images_ += item.outcome.origin == ImageOrigin::kPdfImage;
        pdf_drawn_ += item.outcome.origin == ImageOrigin::kPdfDrawn;
      }
      if (!s.ok()) {
        SetError(s);
        return item;
      }
      ++stats_.pages;
      progress_.PageDone();
      if (--w.remaining > 0) return item;
    }
    item.outcome = PageOutcome{};  // stored; the page image is not needed any more
    item.finished = std::make_shared<Finished>();
    return item;
  }

  // Stage 4 (parallel): the rules on a finished document (with their ink
  // measurements and second readings, which OCR), and the decision. Parallel
  // so that with many cores the documents' last pages do not queue for it.
  Item Analyze(Item item) {
    if (!item.finished) return item;
    DocWork& w = *item.doc;
    Finished* done = item.finished.get();
    DocumentFacts& facts = done->facts;
    facts.id = w.doc.id;
    facts.source = w.doc.source;
    facts.page_count = w.page_count;
    facts.open_status = w.open_status;
    Result<std::vector<PageRecord>> pages = Locked([&] { return store_.LoadPages(w.doc.id); });
    if (!pages.ok()) {
      SetError(pages.status());
      item.finished.reset();
      return item;
    }
    facts.pages = std::move(pages).value();
    if (w.open_status.ok() && analyze_) {
      std::vector<PageText> texts;
      for (const PageRecord& p : facts.pages) {
        if (!p.error_code.empty()) continue;
        Result<PageText> t = PageTextFromJson(p.page_json, p.text);
        if (t.ok()) texts.push_back(std::move(t).value());
      }
      const auto t0 = std::chrono::steady_clock::now();
      done->analysis = analyze_(w.doc.id, texts, MakePageAccess(w.source.get(), options_, [this] { return Engine(); }));
      done->analyze_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    }
    done->outcome = DecideDocument(facts, done->analysis);
    return item;
  }

  // Stage 5 (serial): archive a document decided `archive` and record it.
  void Commit(Item item) {
    if (!item.finished) return;
    DocWork& w = *item.doc;
    Finished& done = *item.finished;
    const DocumentFacts& facts = done.facts;
    const nlohmann::json& analysis = done.analysis;
    DocumentOutcome& outcome = done.outcome;
    if (done.analyze_ms >= 0) {
      analyze_ms_ += done.analyze_ms;
      ++analyzed_docs_;
    }
    if (outcome.decision == "archive" && !ArchiveFiles(w, facts, analysis, outcome)) return;
    Status s = Locked([&] { return store_.FinishDocument(w.doc.id, run_id_, outcome); });
    if (!s.ok()) {
      SetError(s);
      return;
    }
    ++stats_.documents;
    std::string line = "doc " + ShortId(w.doc.id) + " " + std::to_string(facts.page_count) +
                       (facts.page_count == 1 ? " page (" : " pages (") + TextSourceOf(facts.pages) + ") -> " +
                       outcome.decision;
    if (!outcome.reasons.empty()) {
      line += " [";
      for (size_t i = 0; i < outcome.reasons.size(); ++i) line += (i ? "," : "") + outcome.reasons[i];
      line += "]";
    }
    if (!outcome.error_code.empty()) line += " " + outcome.error_code;
    progress_.DocumentDone(line);
  }

  // Writes the archive files of a document decided `archive` (archive_step.h)
  // before the store records it. False when the run must stop (the archive
  // cannot be written); a document that cannot be archived goes to review.
  bool ArchiveFiles(DocWork& w, const DocumentFacts& facts, const nlohmann::json& analysis,
                    DocumentOutcome& outcome) {
    ArchiveRequest rq;
    rq.doc_id = w.doc.id;
    rq.input_path = w.doc.path;
    rq.source = w.source.get();
    rq.pages = &facts.pages;
    rq.analysis = &analysis;
    rq.dpi = options_.dpi;
    Result<std::map<int, PageImage>> images = Locked([&] { return store_.LoadPageImages(w.doc.id); });
    if (!images.ok()) {
      SetError(images.status());
      return false;
    }
    rq.images = std::move(images).value();
    Status s = archiver_->Archive(rq, outcome, &archive_timings_);
    if (s.code() == Code::kIOError) {
      SetError(s.WithContext("doc " + ShortId(w.doc.id) + ": archive"));
      return false;
    }
    if (!s.ok()) {
      LogWarn("doc " + ShortId(w.doc.id) + " cannot be archived, sent to review: " + s.message());
      RouteToReview(outcome, s);
      return true;
    }
    ++archived_docs_;
    archived_pages_ += facts.page_count;
    return true;
  }

  void LogStageCosts() {
    auto ms = [](double v) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f ms", v);
      return std::string(buf);
    };
    // Scanned PDF pages whose image could not be taken as it is are drawn,
    // which costs more: a batch of, say, JBIG2 scans shows up here.
    if (pdf_images_ + pdf_drawn_ > 0)
      LogInfo("ingest: " + std::to_string(pdf_images_) + " PDF pages read from their scanned image, " +
              std::to_string(pdf_drawn_) + " drawn for OCR");
    if (encoded_pages_ > 0)
      LogInfo("archive: " + std::to_string(encoded_pages_) + " page images encoded, " +
              ms(encode_ms_ / encoded_pages_) + "/page (parallel stage)");
    if (analyzed_docs_ > 0)
      LogInfo("rules: " + std::to_string(analyzed_docs_) + " documents, " + ms(analyze_ms_ / analyzed_docs_) +
              "/document (parallel stage)");
    if (archived_pages_ > 0)
      LogInfo("archive: " + std::to_string(archived_docs_) + " documents, " +
              std::to_string(archived_pages_) + " pages archived; per page: render " +
              ms(archive_timings_.render_ms / archived_pages_) + ", PDF/A " +
              ms(archive_timings_.pdf_ms / archived_pages_) + ", write " +
              ms(archive_timings_.write_ms / archived_pages_) + " (serial stage)");
  }

  Result<TesseractEngine*> Engine() {
    bool exists = false;
    auto& slot = engines_.local(exists);
    if (!slot) {
      Result<std::unique_ptr<TesseractEngine>> e = TesseractEngine::Create(options_.lang);
      if (!e.ok()) return e.status();
      slot = std::move(e).value();
    }
    return slot.get();
  }

  void OnHang(const std::string& id, int page) {
    std::string what = page > 0 ? "page " + std::to_string(page) : std::string("opening the file");
    LogError("doc " + ShortId(id) + ": " + what +
             " did not finish within the hard time limit; recording it as failed and restarting the worker");
    DocumentFacts facts;
    facts.id = id;
    facts.open_status = Status::Timeout(what + " took longer than the time limit; the file may be damaged");
    for (const PendingDocument& d : *docs_) {
      if (d.id == id) facts.source = d.source;
    }
    DocumentOutcome outcome = DecideDocument(facts, nullptr);
    // A separate connection: the pipeline's own may be in use by a stuck stage.
    Result<std::unique_ptr<class Store>> own = Store::Open(options_.workspace);
    if (own.ok()) (void)own.value()->FinishDocument(id, run_id_, outcome);
    std::fflush(stderr);
    _exit(kWatchdogExit);
  }

  void SetError(const Status& s) {
    std::lock_guard<std::mutex> lock(error_mu_);
    if (error_.ok()) error_ = s;
    failed_ = true;
  }

  template <typename F>
  auto Locked(F&& f) -> decltype(f()) {
    std::lock_guard<std::mutex> lock(store_mu_);
    return f();
  }

  class Store& store_;
  const int64_t run_id_;
  const RunOptions& options_;
  const AnalyzeFn& analyze_;
  Progress& progress_;
  const std::atomic<bool>& cancel_;

  std::mutex store_mu_;  // stages 1, 3, 4 and 5 share the store connection
  Watchdog* watchdog_ = nullptr;
  bool isolated_ = false;
  const std::vector<PendingDocument>* docs_ = nullptr;
  size_t next_doc_ = 0;
  std::shared_ptr<DocWork> current_;
  int next_page_ = 0;
  std::set<int> done_pages_;
  tbb::enumerable_thread_specific<std::unique_ptr<TesseractEngine>> engines_;
  std::mutex error_mu_;
  Status error_;  // the first store error: ends the run (documents stay resumable)
  std::atomic<bool> failed_{false};
  PipelineStats stats_;
  std::unique_ptr<ArchiveStep> archiver_;
  double encode_ms_ = 0;  // serial stage only
  double analyze_ms_ = 0;  // serial stage only (summed from the items)
  int analyzed_docs_ = 0;
  int encoded_pages_ = 0, archived_docs_ = 0, archived_pages_ = 0;
  int pdf_images_ = 0, pdf_drawn_ = 0;  // OCR'd PDF pages by ImageOrigin (serial stage only)
  // Addresses only: TSan's view of the serial stages' ordering (core/tsan_handoff.h).
  char next_stage_tag_ = 0, save_stage_tag_ = 0, commit_stage_tag_ = 0;
  ArchiveTimings archive_timings_;
};

}  // namespace

Result<PipelineStats> RunPipeline(Store& store, int64_t run_id,
                                  const std::vector<PendingDocument>& documents,
                                  const RunOptions& options, bool isolated,
                                  const AnalyzeFn& analyze, Progress& progress,
                                  const std::atomic<bool>& cancel) {
  Runner runner(store, run_id, options, analyze, progress, cancel);
  return runner.Run(documents, isolated);
}

}  // namespace scanstraat
