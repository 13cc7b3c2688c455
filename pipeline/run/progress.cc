#include "pipeline/run/progress.h"

#include <cstdio>

#include "pipeline/core/log.h"

namespace scanstraat {
namespace {

bool g_bar_visible = false;  // a bar is on the terminal line; clear it before a log line

void ClearBar() {
  if (g_bar_visible) std::fputs("\r\033[K", stderr);
  g_bar_visible = false;
}
void NoRedraw() {}

std::string Clock(double seconds) {
  if (seconds < 0 || seconds > 99 * 3600) return "--:--";
  int s = static_cast<int>(seconds);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}

}  // namespace

Progress::Progress(bool bar, int total_documents)
    : bar_(bar), total_docs_(total_documents), start_(std::chrono::steady_clock::now()),
      last_draw_(start_), last_line_(start_) {
  if (bar_) SetLogLineHooks(&ClearBar, &NoRedraw);
}

Progress::~Progress() { Finish(); }

std::string Progress::StatusText() const {
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = elapsed > 0 ? pages_done_ / elapsed : 0;
  // Pages still to do: the known rest, plus unopened documents at the
  // average page count so far.
  double avg = docs_opened_ > 0 ? static_cast<double>(pages_known_) / docs_opened_ : 1.0;
  double remaining = (pages_known_ - pages_done_) + (total_docs_ - docs_opened_) * avg;
  double eta = rate > 0 ? remaining / rate : -1;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%d/%d documents  %d/%d pages  %.2f pages/s  ETA %s",
                docs_done_, total_docs_, pages_done_,
                static_cast<int>(pages_known_ + (total_docs_ - docs_opened_) * avg), rate,
                Clock(eta).c_str());
  return buf;
}

void Progress::DrawLocked(bool force) {
  auto now = std::chrono::steady_clock::now();
  if (bar_) {
    if (!force && now - last_draw_ < std::chrono::milliseconds(250)) return;
    last_draw_ = now;
    constexpr int kWidth = 24;
    int filled = total_docs_ > 0 ? kWidth * docs_done_ / total_docs_ : kWidth;
    std::string line = "\r\033[K[" + std::string(filled, '#') + std::string(kWidth - filled, ' ') +
                       "] " + StatusText();
    std::lock_guard<std::mutex> lock(StderrMutex());
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    g_bar_visible = true;
  } else if (now - last_line_ >= std::chrono::seconds(30)) {
    last_line_ = now;
    LogInfo("progress: " + StatusText());
  }
}

void Progress::AddPages(int pages) {
  std::lock_guard<std::mutex> lock(mu_);
  pages_known_ += pages;
  ++docs_opened_;
  DrawLocked(false);
}

void Progress::PageDone() {
  std::lock_guard<std::mutex> lock(mu_);
  ++pages_done_;
  DrawLocked(false);
}

void Progress::DocumentDone(const std::string& line) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++docs_done_;
  }
  if (!bar_) LogInfo(line);
  std::lock_guard<std::mutex> lock(mu_);
  DrawLocked(true);
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  if (finished_) return;
  finished_ = true;
  if (bar_) {
    {
      std::lock_guard<std::mutex> lock2(StderrMutex());
      ClearBar();
    }
    SetLogLineHooks(nullptr, nullptr);
  }
}

}  // namespace scanstraat
