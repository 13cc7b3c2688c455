// Progress of a run for the operator: on a terminal a bar redrawn in place
// (documents and pages done, pages/s, ETA); otherwise one plain log line per
// finished document and a status line every 30 seconds.
// Thread-safety: all methods may be called from any thread.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

namespace scanstraat {

class Progress {
 public:
  // `bar`: draw a bar (stderr is a terminal) or write log lines.
  Progress(bool bar, int total_documents);
  ~Progress();

  void AddPages(int pages);  // pages found in a document just opened
  void PageDone();
  // One line per finished document (id short form, pages, decision, reasons).
  void DocumentDone(const std::string& line);
  // Clears the bar (call before the summary is printed).
  void Finish();

 private:
  void DrawLocked(bool force);
  std::string StatusText() const;

  const bool bar_;
  const int total_docs_;
  std::mutex mu_;
  int docs_done_ = 0, docs_opened_ = 0, pages_known_ = 0, pages_done_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_, last_line_;
  bool finished_ = false;
};

}  // namespace scanstraat
