// Plain, line-oriented logging to standard error, with UTC timestamps.
//
// Log lines name documents by their short id (first 12 hex digits of the
// SHA-256), never by file name or content, so that no personal data (a BSN in
// a file name, a value read from a page) reaches a log. Thread-safe: one
// mutex serialises whole lines, and the progress bar (progress.h) shares it.
#pragma once

#include <mutex>
#include <string>
#include <string_view>

namespace scanstraat {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

void SetLogLevel(LogLevel level);
LogLevel GetLogLevel();
void Log(LogLevel level, std::string_view message);
inline void LogInfo(std::string_view m) { Log(LogLevel::kInfo, m); }
inline void LogWarn(std::string_view m) { Log(LogLevel::kWarn, m); }
inline void LogError(std::string_view m) { Log(LogLevel::kError, m); }
inline void LogDebug(std::string_view m) { Log(LogLevel::kDebug, m); }

// The mutex that serialises writes to standard error.
std::mutex& StderrMutex();
// A hook run (under StderrMutex) before a log line is written, so that a
// progress bar on a terminal can clear itself first; and after, to redraw.
void SetLogLineHooks(void (*before)(), void (*after)());

// "3fa2c1e9b0d4": the short form of a document id used in logs.
std::string ShortId(std::string_view document_id);
// Current UTC time as "2026-11-24T08:30:00Z".
std::string UtcNowIso();

}  // namespace scanstraat
