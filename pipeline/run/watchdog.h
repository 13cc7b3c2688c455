// Watches pages in flight. A page stage that runs past the hard time limit is
// stuck inside a library call that cannot be cancelled (a Poppler loop on a
// damaged PDF, say); the watchdog then calls `on_hang` once, from its own
// thread, which records the document as failed and ends the worker process
// so that the supervisor starts a fresh one.
// Thread-safety: Begin/End from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace scanstraat {

class Watchdog {
 public:
  using OnHang = std::function<void(const std::string& doc_id, int page_no)>;
  Watchdog(int hard_timeout_ms, OnHang on_hang);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;

  // Returns a token for End.
  int64_t Begin(const std::string& doc_id, int page_no);
  void End(int64_t token);

 private:
  struct Entry {
    std::string doc_id;
    int page_no;
    std::chrono::steady_clock::time_point start;
  };
  void Loop();

  const std::chrono::milliseconds limit_;
  OnHang on_hang_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<int64_t, Entry> in_flight_;
  int64_t next_ = 1;
  bool stop_ = false;
  bool fired_ = false;
  std::thread thread_;
};

}  // namespace scanstraat
