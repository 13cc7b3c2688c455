// `scanstraat run`: the nightly batch.

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/core/log.h"
#include "pipeline/ocr/tesseract_engine.h"
#include "pipeline/run/supervisor.h"
#include "pipeline/run/workspace_config.h"
#include "pipeline/run/worker.h"

namespace scanstraat {
namespace {

constexpr const char* kHelp = R"(Usage: scanstraat run INPUT... [options]

Reads every scanned document in INPUT (files, or folders searched
recursively), OCRs it, applies the rules, and records one result per
document in the workspace. Accepts PDF (with or without a text layer),
multi-page TIFF, PNG and JPEG, recognised by content, not by file name.
Running the same inputs again does no new work; a run that was killed
resumes where it stopped when started again.

Options:
  --workspace DIR       database and archive folder, created if missing
                        (default: $SCANSTRAAT_WORKSPACE, else ./workspace)
  --rules DIR           rule files (default: ./rules; without it every
                        document is unknown and goes to review)
  --sample-rate PCT     percentage of sure documents also sent to review,
                        reason "sampled", to measure the silent error rate
                        (default: 2)
  --jobs N              worker threads (default: number of cores)
  --lang LANGS          Tesseract languages (default: nld+eng)
  --mode MODE           intake (default) or archive
  --pages-in-flight N   bound on pages in memory at once (default: 2 x jobs)
  --page-timeout SEC    OCR time limit per page (default: 120)
  --page-hard-timeout SEC
                        a page stage stuck this long inside a library that
                        cannot be cancelled fails its document as timeout and
                        restarts the worker (default: 2 x page-timeout + 30)
  --max-megapixels N    refuse larger page images as too_large (default: 100)
  --max-pages N         refuse PDFs/TIFFs with more pages (default: 2000)
  --max-file-mb N       refuse larger files (default: 2048)
  --exclude GLOB        skip files in folders whose name matches GLOB
                        (e.g. '*.json'); may be given more than once
  --settle SEC          wait for files changed less than SEC ago (default: 2)
  --no-deskew           skip skew correction
  --no-orient           skip 90/180/270 orientation correction
  --progress MODE       bar, log or auto (default: auto: a bar on a terminal)
  --archiefvormer CODE  TOOI code of the organisation whose archive this is
                        (e.g. gm0363), for the MDTO metadata; stored in
                        WORKSPACE/scanstraat.conf for later runs
  --archiefvormer-naam NAME
                        its name (e.g. "Gemeente Amsterdam"); stored likewise
  --batch-naam NAME, --batch-categorie CODE, --batch-waardering V|B,
  --batch-bewaartermijn DURATION
                        archive settings of the series being digitised, for
                        documents of no known type in --mode archive
                        (archiefstuk); e.g. --batch-categorie 11.1.6
                        --batch-waardering B; stored likewise
  --quiet               log warnings and errors only
  -h, --help            show this help

Exit codes:
  0    the run finished (also when some documents failed: see the summary
       and `scanstraat results`; every failed document has a review case)
  1    the worker kept stopping unexpectedly; run again to resume
  2    bad arguments, an input that does not exist, or unusable rules
  3    the workspace cannot be created, opened or written
  4    another run is using the same workspace
  130  interrupted (SIGINT/SIGTERM); run the same command again to resume
)";

Status Fill(const ParsedArgs& a, RunOptions& o) {
  for (const std::string& p : a.positional) o.inputs.emplace_back(p);
  o.exclude = a.GetAll("exclude");
  o.workspace = WorkspaceFrom(a);
  if (auto v = a.Get("rules")) {
    o.rules_dir = *v;
    o.rules_explicit = true;
  }
  if (auto v = a.Get("sample-rate")) {
    SS_ASSIGN_OR_RETURN(int64_t pct, ParseInt("sample-rate", *v, 0, 100));
    o.sample_rate = static_cast<double>(pct) / 100.0;
  }
  if (auto v = a.Get("lang")) o.lang = *v;
  if (auto v = a.Get("mode")) {
    if (*v != "intake" && *v != "archive")
      return Status::InvalidArgument("--mode is intake or archive, not '" + *v + "'");
    o.mode = *v;
  }
  auto int_opt = [&](const char* name, int64_t lo, int64_t hi, auto setter) -> Status {
    if (auto v = a.Get(name)) {
      SS_ASSIGN_OR_RETURN(int64_t n, ParseInt(name, *v, lo, hi));
      setter(n);
    }
    return Status::Ok();
  };
  SS_RETURN_IF_ERROR(int_opt("jobs", 1, 256, [&](int64_t n) { o.jobs = static_cast<int>(n); }));
  SS_RETURN_IF_ERROR(int_opt("pages-in-flight", 1, 4096, [&](int64_t n) { o.pages_in_flight = static_cast<int>(n); }));
  SS_RETURN_IF_ERROR(int_opt("page-timeout", 1, 86400, [&](int64_t n) {
    o.limits.page_timeout_ms = static_cast<int>(n * 1000);
    o.limits.page_hard_timeout_ms = static_cast<int>(n * 1000 * 2 + 30'000);
  }));
  SS_RETURN_IF_ERROR(int_opt("page-hard-timeout", 1, 86400, [&](int64_t n) {
    o.limits.page_hard_timeout_ms = static_cast<int>(n * 1000);
  }));
  SS_RETURN_IF_ERROR(int_opt("max-megapixels", 1, 10'000, [&](int64_t n) { o.limits.max_pixels = n * 1'000'000; }));
  SS_RETURN_IF_ERROR(int_opt("max-pages", 1, 1'000'000, [&](int64_t n) { o.limits.max_pages = static_cast<int>(n); }));
  SS_RETURN_IF_ERROR(int_opt("max-file-mb", 1, 1'000'000, [&](int64_t n) { o.limits.max_file_bytes = n << 20; }));
  SS_RETURN_IF_ERROR(int_opt("settle", 0, 3600, [&](int64_t n) { o.settle_seconds = static_cast<double>(n); }));
  if (a.Has("no-deskew")) o.deskew = false;
  if (a.Has("no-orient")) o.orient = false;
  if (auto v = a.Get("progress")) {
    if (*v == "bar") o.progress = 1;
    else if (*v == "log") o.progress = 0;
    else if (*v == "auto") o.progress = -1;
    else return Status::InvalidArgument("--progress is bar, log or auto, not '" + *v + "'");
  }
  if (a.Has("quiet")) SetLogLevel(LogLevel::kWarn);
  return Status::Ok();
}

// --archiefvormer(-naam) and --batch-* go into the workspace configuration.
int StoreArchiefvormer(const ParsedArgs& a, const std::filesystem::path& workspace) {
  const char* keys[] = {"archiefvormer", "archiefvormer-naam", "batch-naam", "batch-categorie",
                        "batch-waardering", "batch-bewaartermijn"};
  bool any = false;
  for (const char* k : keys) any |= a.Has(k);
  if (!any) return 0;
  Result<WorkspaceConfig> config = LoadWorkspaceConfig(workspace);
  if (!config.ok()) return UsageError("run", config.status().message());
  if (auto v = a.Get("archiefvormer")) config->archiefvormer = *v;
  if (auto v = a.Get("archiefvormer-naam")) config->archiefvormer_naam = *v;
  if (auto v = a.Get("batch-naam")) config->batch_naam = *v;
  if (auto v = a.Get("batch-categorie")) config->batch_categorie = *v;
  if (auto v = a.Get("batch-bewaartermijn")) config->batch_bewaartermijn = *v;
  if (auto v = a.Get("batch-waardering")) {
    if (*v != "V" && *v != "B") return UsageError("run", "--batch-waardering is V or B");
    config->batch_waardering = *v;
  }
  if (Status s = SaveWorkspaceConfig(workspace, *config); !s.ok()) {
    LogError(s.ToString());
    return 3;
  }
  return 0;
}

}  // namespace

int RunCommand(const std::vector<std::string>& args, const std::vector<std::string>& full_argv) {
  Result<ParsedArgs> parsed = ParseArgs(
      args,
      {"workspace", "rules", "sample-rate", "jobs", "lang", "mode", "pages-in-flight", "page-timeout",
       "page-hard-timeout", "max-megapixels", "max-pages", "max-file-mb", "settle", "progress", "exclude", "internal-worker",
       "archiefvormer", "archiefvormer-naam", "batch-naam", "batch-categorie", "batch-waardering",
       "batch-bewaartermijn"},
      {"no-deskew", "no-orient", "quiet", "help", "h"});
  if (!parsed.ok()) return UsageError("run", parsed.status().message());
  if (parsed->Has("help") || parsed->Has("h")) return Usage(kHelp);
  RunOptions options;
  if (Status s = Fill(*parsed, options); !s.ok()) return UsageError("run", s.message());

  if (auto worker = parsed->Get("internal-worker")) {
    Result<int64_t> id = ParseInt("internal-worker", *worker, 1, INT64_MAX);
    if (!id.ok()) return UsageError("run", id.status().message());
    return WorkerMain(options, *id);
  }
  if (options.inputs.empty()) return UsageError("run", "no INPUT given (files or folders to read)");
  if (int rc = StoreArchiefvormer(*parsed, options.workspace); rc != 0) return rc;
  // Check the languages once, here, rather than failing every page later.
  if (Status s = TesseractEngine::CheckLanguages(options.lang); !s.ok()) return UsageError("run", s.message());
  return SuperviseRun(options, full_argv);
}

}  // namespace scanstraat
