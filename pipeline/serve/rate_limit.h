// Failed-login limits of the review server: after `max_failures` failures
// within `window_seconds` for one key (a client address, or an account), the
// key is refused until the oldest failure leaves the window.
//
// Thread-safety: all methods lock; one LoginLimiter serves every thread.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace scanstraat {

class LoginLimiter {
 public:
  LoginLimiter(int max_failures, int64_t window_seconds)
      : max_failures_(max_failures), window_(window_seconds) {}

  bool Allowed(const std::string& key, int64_t now);
  void Failed(const std::string& key, int64_t now);
  void Succeeded(const std::string& key);

 private:
  void Expire(std::deque<int64_t>& times, int64_t now) const;
  const int max_failures_;
  const int64_t window_;
  std::mutex mu_;
  std::map<std::string, std::deque<int64_t>> failures_;
};

}  // namespace scanstraat
