#include "pipeline/run/watchdog.h"

namespace scanstraat {

Watchdog::Watchdog(int hard_timeout_ms, OnHang on_hang)
    : limit_(hard_timeout_ms), on_hang_(std::move(on_hang)), thread_([this] { Loop(); }) {}

Watchdog::~Watchdog() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

int64_t Watchdog::Begin(const std::string& doc_id, int page_no) {
  std::lock_guard<std::mutex> lock(mu_);
  int64_t token = next_++;
  in_flight_[token] = {doc_id, page_no, std::chrono::steady_clock::now()};
  return token;
}

void Watchdog::End(int64_t token) {
  std::lock_guard<std::mutex> lock(mu_);
  in_flight_.erase(token);
}

void Watchdog::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    cv_.wait_for(lock, std::chrono::milliseconds(250));
    if (stop_ || fired_) continue;
    auto now = std::chrono::steady_clock::now();
    for (const auto& [token, e] : in_flight_) {
      if (now - e.start > limit_) {
        fired_ = true;
        Entry hung = e;
        lock.unlock();
        on_hang_(hung.doc_id, hung.page_no);
        lock.lock();
        break;
      }
    }
  }
}

}  // namespace scanstraat
