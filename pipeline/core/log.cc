#include "pipeline/core/log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace scanstraat {
namespace {
std::atomic<int> g_level{static_cast<int>(LogLevel::kInfo)};
void (*g_before)() = nullptr;
void (*g_after)() = nullptr;
}  // namespace

void SetLogLevel(LogLevel level) { g_level = static_cast<int>(level); }
LogLevel GetLogLevel() { return static_cast<LogLevel>(g_level.load()); }

std::mutex& StderrMutex() {
  static std::mutex m;
  return m;
}

void SetLogLineHooks(void (*before)(), void (*after)()) {
  std::lock_guard<std::mutex> lock(StderrMutex());
  g_before = before;
  g_after = after;
}

std::string UtcNowIso() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void Log(LogLevel level, std::string_view message) {
  if (static_cast<int>(level) < g_level.load()) return;
  static const char* kNames[] = {"debug", "info", "warn", "error"};
  std::string line = UtcNowIso() + " " + kNames[static_cast<int>(level)] + " ";
  line.append(message);
  line.push_back('\n');
  std::lock_guard<std::mutex> lock(StderrMutex());
  if (g_before) g_before();
  std::fwrite(line.data(), 1, line.size(), stderr);
  if (g_after) g_after();
  std::fflush(stderr);
}

std::string ShortId(std::string_view document_id) {
  return std::string(document_id.substr(0, 12));
}

}  // namespace scanstraat
