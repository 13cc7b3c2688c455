// `scanstraat rules check` and `scanstraat rules test`: the archivists' tools
// for rule files. `check` lints a rules folder; `test` runs the rules on
// samples with expected results (tools/samplegen/README.md) and reports every
// difference, the totals and the figures of issue 3.
//
// `test` reads each sample once: it runs the normal pipeline (`scanstraat
// run`, a child process) into a workspace that keeps the pages per document
// id, then applies the current rules to the stored pages. After a rule change
// only the rules are applied again; no page is OCR'd twice.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/core/log.h"
#include "pipeline/core/sha256.h"
#include "pipeline/extract/confidence.h"
#include "pipeline/extract/rule_set.h"
#include "pipeline/run/engine_pool.h"
#include "pipeline/run/reanalyze.h"
#include "pipeline/run/sample_score.h"
#include "pipeline/validate/mask.h"

namespace scanstraat {
namespace fs = std::filesystem;
namespace {

constexpr const char* kHelp = R"(Usage: scanstraat rules check [--rules DIR]
       scanstraat rules test [--rules DIR] [options] [SAMPLES...]

check   Reads every rule file in the rules folder and prints each problem
        (schema errors, patterns that do not compile, unknown types,
        duplicate fields or types, checks naming unknown fields) as
        "file:line:column: message". No output means the rules are fine.

test    Runs the rules on every document in SAMPLES (files or folders,
        searched recursively; default: samples/) that has its expected
        result beside it (<case>.expected.json), and prints per document what
        differs, then the totals: documents, type right, fields right, wrong
        and missing, route right, and the figures that matter: type accuracy,
        silent error rate (wrong values among those routed to the archive),
        share of planted faults routed to review, share of clean documents
        archived. An expected reason also counts when the run gives one of
        its accept_reasons. Each document is read in its expected `mode`
        (intake or archive) unless --mode is given.
        The documents are read by the normal pipeline into a workspace that
        keeps their pages, so a second `rules test` after a rule change only
        applies the rules again.

Options:
  --rules DIR           rule files (default: ./rules)
  --workspace DIR       test: where the pages are kept (default:
                        .scanstraat-rulestest/ beside the first SAMPLES folder)
  --mode MODE           test: intake or archive for every document (default:
                        the `mode` of each expected result)
  --baseline FILE       test: also a regression when a document does worse
                        than in FILE (made with --write-baseline)
  --write-baseline FILE test: write this run's per-document figures to FILE
  --today DATE          test: "today" for dates in the future, YYYY-MM-DD
                        (default: the system date; the generator's samples
                        are made as of 2025-06-30)
  --calibration         test: also print the calibration table (confidence
                        bucket -> share of values right)
  --show-personal-data  test: show masked fields in clear in the differences
  --jobs N              worker threads (default: number of cores)
  --lang LANGS          Tesseract languages (default: nld+eng)
  -h, --help            show this help

Exit codes:
  0    check: no problems; test: no regression
  1    check: problems found; test: a regression (a wrong type, a wrong value
       in a document routed to the archive, a planted fault not routed to
       review, a document that could not be read, or with --baseline any
       document doing worse than the baseline)
  2    bad arguments, no samples with expected results, or rules that do not
       load (test)
  3    the workspace cannot be created or read, or the pipeline run failed
)";

int Check(const ParsedArgs& args) {
  if (!args.positional.empty()) return UsageError("rules", "unexpected argument " + args.positional[0]);
  const fs::path dir = args.Get("rules").value_or("rules");
  std::vector<RuleProblem> problems = CheckRuleSet(dir);
  for (RuleProblem p : problems) {
    if (p.file != dir.string()) p.file = (dir / p.file).string();
    std::printf("%s\n", p.ToString().c_str());
  }
  std::fflush(stdout);
  return problems.empty() ? 0 : 1;
}

struct Sample {
  std::string name;        // "<type folder>/<file>"
  fs::path document;
  nlohmann::json expected;
};

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The sample whose expected result is `expected_path`, or an error.
Result<Sample> ReadSample(const fs::path& expected_path) {
  std::ifstream in(expected_path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  Sample s;
  s.expected = nlohmann::json::parse(text.str(), nullptr, false);
  if (!in || s.expected.is_discarded() || !s.expected.is_object())
    return Status::InvalidArgument(expected_path.string() + " is not a readable expected result (JSON object)");
  const std::string stem = expected_path.filename().string().substr(
      0, expected_path.filename().string().size() - std::string(".expected.json").size());
  if (s.expected.contains("file") && s.expected["file"].is_string()) {
    s.document = expected_path.parent_path() / s.expected["file"].get<std::string>();
  } else {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(expected_path.parent_path(), ec)) {
      const std::string n = e.path().filename().string();
      if (e.is_regular_file() && n != expected_path.filename().string() && n.rfind(stem + ".", 0) == 0)
        s.document = e.path();
    }
  }
  if (s.document.empty() || !fs::is_regular_file(s.document))
    return Status::InvalidArgument("no document beside " + expected_path.string() + " (its \"file\")");
  s.name = expected_path.parent_path().filename().string() + "/" + s.document.filename().string();
  return s;
}

// Every sample under `inputs`, sorted by name; problems are collected.
std::vector<Sample> FindSamples(const std::vector<std::string>& inputs, std::vector<std::string>& problems) {
  std::set<fs::path> expected_files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      for (auto it = fs::recursive_directory_iterator(input, ec); it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        const std::string n = it->path().filename().string();
        if (!n.empty() && n[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && EndsWith(n, ".expected.json")) expected_files.insert(it->path());
      }
    } else if (fs::is_regular_file(input, ec)) {
      fs::path p = input;
      if (!EndsWith(p.filename().string(), ".expected.json")) p = p.parent_path() / (p.stem().string() + ".expected.json");
      if (fs::is_regular_file(p, ec)) expected_files.insert(p);
      else problems.push_back(input + " has no expected result beside it (" + p.filename().string() + ")");
    } else {
      problems.push_back(input + " does not exist");
    }
  }
  std::vector<Sample> samples;
  for (const fs::path& p : expected_files) {
    Result<Sample> s = ReadSample(p);
    if (s.ok()) samples.push_back(std::move(s).value());
    else problems.push_back(s.status().message());
  }
  std::sort(samples.begin(), samples.end(), [](const Sample& a, const Sample& b) { return a.name < b.name; });
  return samples;
}

// Runs `scanstraat run` on the samples' documents into `workspace` (a child
// process; its summary goes to stderr). Returns its exit code.
int RunPipelineOn(const std::vector<Sample>& samples, const ParsedArgs& args, const fs::path& workspace,
                  const fs::path& rules) {
  std::vector<std::string> argv = {"scanstraat", "run"};
  for (const Sample& s : samples) argv.push_back(s.document.string());
  argv.insert(argv.end(), {"--workspace", workspace.string(), "--rules", rules.string(), "--settle", "0",
                           "--sample-rate", "0", "--quiet"});
  for (const char* opt : {"jobs", "lang"}) {
    if (auto v = args.Get(opt)) argv.insert(argv.end(), {std::string("--") + opt, *v});
  }
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) return 3;
  if (pid == 0) {
    dup2(STDERR_FILENO, STDOUT_FILENO);
    std::vector<char*> cargs;
    for (std::string& a : argv) cargs.push_back(a.data());
    cargs.push_back(nullptr);
    execv("/proc/self/exe", cargs.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

std::set<std::string> MaskedFields(const RuleSet& rules, const std::string& a, const std::string& b) {
  std::set<std::string> out;
  for (const std::string& id : {a, b}) {
    if (const DocTypeRule* t = rules.Find(id))
      for (const FieldRule& f : t->fields)
        if (f.mask) out.insert(f.name);
  }
  return out;
}

// Scores one sample against the pages stored for it.
CaseScore ScoreSample(const Sample& sample, const DocumentPages* pages, const std::string& id,
                      const RuleSet& rules, const AnalyzeOptions& base, const std::string& mode_override,
                      const RunOptions& run_options, const EngineFn& engine) {
  const std::string mode = !mode_override.empty() ? mode_override : sample.expected.value("mode", "intake");
  AnalyzeOptions o = base;
  o.archive_mode = mode == "archive";
  nlohmann::json result = nlohmann::json::object();
  std::string error;
  if (pages == nullptr) {
    error = "no pages were read (see `scanstraat results` in the workspace)";
  } else {
    Result<std::unique_ptr<SourceDocument>> source = OpenSourceFile(sample.document, run_options);
    Analysis a = AnalyzePages(rules, pages->pages, id, source.ok() ? source.value().get() : nullptr, o,
                              run_options, engine);
    result = ToResultJson(a);
    if (pages->failed_pages > 0) error = std::to_string(pages->failed_pages) + " page(s) could not be read";
  }
  const std::string actual_type = result.contains("doctype") ? result["doctype"].value("id", "") : "";
  CaseScore score = ScoreCase(sample.name, sample.expected,
                              result, MaskedFields(rules, sample.expected.value("doctype", ""), actual_type));
  score.error = error;
  return score;
}

std::string Shown(const FieldDiff& d, const std::string& v, bool show_personal) {
  if (v.empty()) return "nothing";
  return "\"" + (d.mask && !show_personal ? MaskValue(v) : v) + "\"";
}

void PrintCase(const CaseScore& s, const std::vector<std::string>& regressions, bool show_personal) {
  const bool clean = regressions.empty() && s.type_right && s.route_right && s.reasons_right &&
                     s.fields_wrong == 0 && s.fields_missing == 0;
  const char* tag = !regressions.empty() ? "REGRESSION" : clean ? "ok" : "diff";
  std::string line = std::string(tag) + "  " + s.name + "  " + (s.actual_type.empty() ? "-" : s.actual_type) +
                     "  " + (s.actual_route.empty() ? "-" : s.actual_route);
  if (!s.actual_reasons.empty()) {
    line += " [";
    for (size_t i = 0; i < s.actual_reasons.size(); ++i) line += (i ? ", " : "") + s.actual_reasons[i];
    line += "]";
  }
  std::printf("%s\n", line.c_str());
  if (clean) return;
  for (const std::string& r : regressions) std::printf("      ! %s\n", r.c_str());
  if (!s.route_right) std::printf("      route %s, expected %s\n", s.actual_route.c_str(), s.expected_route.c_str());
  for (const std::string& r : s.missing_reasons) std::printf("      expected reason %s not given\n", r.c_str());
  for (const FieldDiff& d : s.fields) {
    if (d.kind == FieldDiff::Kind::kRight) continue;
    std::printf("      %-22s %s: expected %s, got %s", d.name.c_str(),
                d.kind == FieldDiff::Kind::kWrong ? "wrong  " : "missing", Shown(d, d.expected, show_personal).c_str(),
                Shown(d, d.actual, show_personal).c_str());
    if (!d.actual.empty()) std::printf(" (confidence %.2f)", d.confidence);
    std::printf("\n");
  }
}

int Test(const ParsedArgs& args) {
  const fs::path rules_dir = args.Get("rules").value_or("rules");
  std::string mode;
  if (auto v = args.Get("mode")) {
    if (*v != "intake" && *v != "archive") return UsageError("rules", "--mode is intake or archive, not '" + *v + "'");
    mode = *v;
  }
  RunOptions run_options;
  if (auto v = args.Get("jobs")) {
    Result<int64_t> n = ParseInt("jobs", *v, 1, 256);
    if (!n.ok()) return UsageError("rules", n.status().message());
    run_options.jobs = static_cast<int>(*n);
  }
  if (auto v = args.Get("lang")) run_options.lang = *v;
  AnalyzeOptions base;
  base.sample_rate = 0;  // the figures are about the rules, not the random sample
  if (auto v = args.Get("today")) {
    if (v->size() != 10 || (*v)[4] != '-' || (*v)[7] != '-') return UsageError("rules", "--today takes a date like 2025-06-30");
    base.today = *v;
  }
  const bool show_personal = args.Has("show-personal-data");

  Result<RuleSet> loaded = LoadRuleSet(rules_dir);
  if (!loaded.ok()) {
    LogError(loaded.status().message());
    return 2;
  }
  const RuleSet& rules = loaded.value();

  std::vector<std::string> inputs = args.positional;
  if (inputs.empty()) inputs.push_back("samples");
  std::vector<std::string> problems;
  std::vector<Sample> samples = FindSamples(inputs, problems);
  for (const std::string& p : problems) LogError(p);
  if (!problems.empty()) return 2;
  if (samples.empty()) {
    LogError("no documents with an expected result (<case>.expected.json) in the samples given");
    return 2;
  }

  fs::path workspace;
  if (auto v = args.Get("workspace")) {
    workspace = *v;
  } else {
    fs::path first = fs::absolute(inputs.front()).lexically_normal();
    if (!first.has_filename()) first = first.parent_path();
    workspace = first.parent_path() / ".scanstraat-rulestest";
  }
  int rc = RunPipelineOn(samples, args, workspace, rules_dir);
  if (rc != 0) {
    LogError("reading the samples with `scanstraat run` failed (exit code " + std::to_string(rc) + ")");
    return rc == 2 ? 2 : 3;
  }
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(workspace);
  if (!store.ok()) {
    LogError(store.status().ToString());
    return 3;
  }

  // The stored pages (one store connection, so serially), then the rules on
  // every document in parallel (ink needs the page images again).
  std::vector<std::string> ids(samples.size());
  std::vector<std::optional<DocumentPages>> pages(samples.size());
  for (size_t i = 0; i < samples.size(); ++i) {
    Result<std::string> id = Sha256File(samples[i].document);
    if (!id.ok()) continue;
    ids[i] = id.value();
    Result<DocumentPages> p = LoadStoredPages(**store, ids[i]);
    if (p.ok()) pages[i] = std::move(p).value();
  }
  std::vector<CaseScore> scores(samples.size());
  EnginePool engines(run_options.lang);  // doubtful values are read again, as in a run
  const int jobs = EffectiveJobs(run_options);
  tbb::global_control threads(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(jobs));
  tbb::task_arena arena(jobs);
  arena.execute([&] {
    tbb::parallel_for(size_t{0}, samples.size(), [&](size_t i) {
      try {
        scores[i] = ScoreSample(samples[i], pages[i] ? &*pages[i] : nullptr, ids[i], rules, base, mode, run_options,
                                engines.Fn());
      } catch (const std::exception&) {
        scores[i] = ScoreCase(samples[i].name, samples[i].expected, nlohmann::json::object(), {});
        scores[i].error = "unexpected error while applying the rules";
      }
    });
  });

  nlohmann::json baseline;
  if (auto v = args.Get("baseline")) {
    std::ifstream in(*v, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    baseline = nlohmann::json::parse(text.str(), nullptr, false);
    if (!in || baseline.is_discarded() || !baseline.contains("cases")) {
      LogError("baseline " + *v + " is not a baseline written by --write-baseline");
      return 2;
    }
  }

  Totals totals;
  int regressions = 0;
  nlohmann::json written = {{"schema", "scanstraat.rulestest-baseline/1"}, {"cases", nlohmann::json::object()}};
  for (const CaseScore& s : scores) {
    std::vector<std::string> bad = Regressions(s);
    if (!baseline.is_null()) {
      for (const std::string& w : WorseThan(s, baseline["cases"].value(s.name, nlohmann::json())))
        bad.push_back("worse than the baseline: " + w);
    }
    regressions += !bad.empty();
    PrintCase(s, bad, show_personal);
    totals.Add(s);
    written["cases"][s.name] = BaselineEntry(s);
  }
  std::printf("\n%s", FormatTotals(totals).c_str());
  if (args.Has("calibration")) {
    std::printf("\ncalibration (confidence -> share of values right):\n%s",
                FormatCalibrationTable(CalibrationTable(totals.calibration)).c_str());
  }
  std::printf("\n%s: %d of %zu documents regressed\n", regressions ? "FAIL" : "PASS", regressions, scores.size());
  std::fflush(stdout);
  if (auto v = args.Get("write-baseline")) {
    std::ofstream out(*v, std::ios::binary | std::ios::trunc);
    out << written.dump(1) << "\n";
    if (!out) {
      LogError("cannot write the baseline " + *v);
      return 3;
    }
  }
  return regressions ? 1 : 0;
}

}  // namespace

int RulesCommand(const std::vector<std::string>& args) {
  if (args.empty()) return UsageError("rules", "which: `rules check` or `rules test`");
  const std::string sub = args[0];
  if (sub == "--help" || sub == "-h" || sub == "help") return Usage(kHelp);
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (sub == "check") {
    Result<ParsedArgs> parsed = ParseArgs(rest, {"rules"}, {"help", "h"});
    if (!parsed.ok()) return UsageError("rules", parsed.status().message());
    if (parsed->Has("help") || parsed->Has("h")) return Usage(kHelp);
    return Check(*parsed);
  }
  if (sub == "test") {
    Result<ParsedArgs> parsed =
        ParseArgs(rest, {"rules", "workspace", "mode", "baseline", "write-baseline", "today", "jobs", "lang"},
                  {"calibration", "show-personal-data", "help", "h"});
    if (!parsed.ok()) return UsageError("rules", parsed.status().message());
    if (parsed->Has("help") || parsed->Has("h")) return Usage(kHelp);
    return Test(*parsed);
  }
  return UsageError("rules", "unknown subcommand '" + sub + "' (check or test)");
}

}  // namespace scanstraat
