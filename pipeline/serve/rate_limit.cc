#include "pipeline/serve/rate_limit.h"

namespace scanstraat {

void LoginLimiter::Expire(std::deque<int64_t>& times, int64_t now) const {
  while (!times.empty() && times.front() <= now - window_) times.pop_front();
}

bool LoginLimiter::Allowed(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return true;
  Expire(it->second, now);
  if (it->second.empty()) {
    failures_.erase(it);
    return true;
  }
  return static_cast<int>(it->second.size()) < max_failures_;
}

void LoginLimiter::Failed(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  std::deque<int64_t>& times = failures_[key];
  Expire(times, now);
  times.push_back(now);
  if (failures_.size() > 100000) failures_.clear();  // a flood of new keys must not eat memory
}

void LoginLimiter::Succeeded(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  failures_.erase(key);
}

}  // namespace scanstraat
