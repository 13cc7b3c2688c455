#include "pipeline/run/supervisor.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "pipeline/core/log.h"
#include "pipeline/core/sha256.h"
#include "pipeline/ingest/discover.h"
#include "pipeline/store/store.h"

namespace scanstraat {
namespace fs = std::filesystem;
namespace {

constexpr int kWatchdogExit = 75;
constexpr int kMaxWorkerStarts = 200;

volatile sig_atomic_t g_child = 0;
volatile sig_atomic_t g_signal = 0;

void ForwardSignal(int sig) {
  g_signal = sig;
  if (g_child > 0) kill(g_child, sig);
}

// Holds an exclusive lock on workspace/run.lock for the life of the run.
class RunLock {
 public:
  ~RunLock() {
    if (fd_ >= 0) close(fd_);
  }
  Status Acquire(const fs::path& workspace) {
    fd_ = open((workspace / "run.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) return Status::IOError("cannot create the run lock in the workspace");
    if (flock(fd_, LOCK_EX | LOCK_NB) != 0)
      return Status::InvalidArgument("another `scanstraat run` is using this workspace");
    return Status::Ok();
  }

 private:
  int fd_ = -1;
};

std::string OptionsJson(const RunOptions& o) {
  nlohmann::json j = {{"jobs", EffectiveJobs(o)}, {"lang", o.lang}, {"mode", o.mode},
                      {"dpi", o.dpi}, {"inputs", o.inputs.size()}};
  return j.dump();
}

// Hashes every input and records it for this run. Returns the number of files
// that could not be read at all (logged; they have no id).
Result<int> RecordInputs(Store& store, int64_t run_id, const std::vector<InputFile>& files) {
  int unreadable = 0;
  for (const InputFile& f : files) {
    Result<std::string> id = Sha256File(f.path);
    if (!id.ok()) {
      ++unreadable;
      LogError("input cannot be read and is skipped: " + id.status().message());
      continue;
    }
    SS_RETURN_IF_ERROR(store.NoteSeen(id.value(), f.source, fs::absolute(f.path).string(),
                                      f.size, run_id).status());
  }
  return unreadable;
}

// Starts the worker: this program again, same arguments, plus the run id.
pid_t StartWorker(const std::vector<std::string>& argv, int64_t run_id) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid != 0) return pid;
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the supervisor
  if (getppid() != parent) _exit(1);
  std::vector<std::string> args = argv;
  args.push_back("--internal-worker=" + std::to_string(run_id));
  std::vector<char*> cargs;
  for (std::string& a : args) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  execv("/proc/self/exe", cargs.data());
  _exit(127);
}

std::string Duration(double s) {
  char buf[32];
  int t = static_cast<int>(s);
  if (t >= 3600) std::snprintf(buf, sizeof buf, "%dh%02dm%02ds", t / 3600, t / 60 % 60, t % 60);
  else if (t >= 60) std::snprintf(buf, sizeof buf, "%dm%02ds", t / 60, t % 60);
  else std::snprintf(buf, sizeof buf, "%.1fs", s);
  return buf;
}

void PrintSummary(const RunSummary& s, double wall, const RunOptions& o, int unreadable,
                  const char* status) {
  std::printf("Scanstraat run %lld %s in %s\n", static_cast<long long>(s.run_id), status,
              Duration(wall).c_str());
  std::printf("  documents   %d seen: %d processed, %d already done%s\n", s.documents_seen,
              s.documents_processed, s.documents_skipped,
              unreadable ? (", " + std::to_string(unreadable) + " files unreadable").c_str() : "");
  std::printf("  pages       %d: %d OCR, %d text layer, %d failed (%.2f pages/s)\n", s.pages,
              s.pages_ocr, s.pages_text, s.pages - s.pages_ocr - s.pages_text,
              wall > 0 ? s.pages / wall : 0.0);
  std::printf("  archived    %d\n  to review   %d\n  failed      %d\n", s.archived, s.to_review,
              s.failed);
  std::printf("  results     scanstraat results --workspace %s --run %lld\n",
              o.workspace.c_str(), static_cast<long long>(s.run_id));
  std::fflush(stdout);
}

}  // namespace

int SuperviseRun(const RunOptions& options, const std::vector<std::string>& argv) {
  auto t0 = std::chrono::steady_clock::now();
  DiscoverResult found = DiscoverInputs(options.inputs, options.settle_seconds, options.exclude);
  for (const std::string& p : found.problems) LogError(p);
  if (!found.problems.empty()) return kExitUsage;

  Result<std::unique_ptr<Store>> store = Store::Open(options.workspace);
  if (!store.ok()) {
    LogError(store.status().ToString());
    return kExitWorkspace;
  }
  RunLock lock;
  if (Status s = lock.Acquire(options.workspace); !s.ok()) {
    LogError(s.message());
    return s.code() == Code::kIOError ? kExitWorkspace : kExitBusy;
  }
  Result<int64_t> run_id = store.value()->CreateRun(OptionsJson(options));
  if (!run_id.ok()) {
    LogError(run_id.status().ToString());
    return kExitWorkspace;
  }
  LogInfo("run " + std::to_string(*run_id) + ": " + std::to_string(found.files.size()) +
          " input files, " + std::to_string(EffectiveJobs(options)) + " jobs");
  Result<int> unreadable = RecordInputs(**store, *run_id, found.files);
  if (!unreadable.ok()) {
    LogError(unreadable.status().ToString());
    return kExitWorkspace;
  }

  struct sigaction sa {};
  sa.sa_handler = ForwardSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  int exit_code = kExitOk;
  for (int start = 0;; ++start) {
    if (start >= kMaxWorkerStarts) {
      LogError("the worker stopped unexpectedly too often; giving up (run again to resume)");
      exit_code = kExitInternal;
      break;
    }
    pid_t pid = StartWorker(argv, *run_id);
    if (pid < 0) {
      LogError("cannot start a worker process");
      exit_code = kExitInternal;
      break;
    }
    g_child = pid;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    g_child = 0;
    if (WIFEXITED(status)) {
      int code = WEXITSTATUS(status);
      if (code == 0) break;
      if (code == kExitInterrupted || g_signal != 0) {
        exit_code = kExitInterrupted;
        break;
      }
      if (code == kWatchdogExit) {
        LogWarn("worker ended by the watchdog; starting a new one");
        continue;
      }
      exit_code = code == kExitUsage ? kExitUsage : code == kExitWorkspace ? kExitWorkspace : kExitInternal;
      break;
    }
    if (g_signal != 0) {
      exit_code = kExitInterrupted;
      break;
    }
    int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    Result<int> marked = store.value()->MarkCrashed(*run_id);
    LogError("worker died (signal " + std::to_string(sig) + ") with " +
             std::to_string(marked.ok() ? marked.value() : -1) +
             " documents in progress; starting a new one");
  }

  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const char* status = exit_code == kExitOk ? "done" : exit_code == kExitInterrupted ? "interrupted" : "failed";
  (void)store.value()->FinishRun(*run_id, status, wall);
  Result<RunSummary> summary = store.value()->Summarise(*run_id);
  if (summary.ok()) {
    PrintSummary(summary.value(), wall, options, unreadable.value(),
                 exit_code == kExitOk ? "finished" : status);
  }
  if (exit_code == kExitInterrupted) LogWarn("run interrupted; run the same command again to resume");
  return exit_code;
}

}  // namespace scanstraat
