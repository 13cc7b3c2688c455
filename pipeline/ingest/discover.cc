#include "pipeline/ingest/discover.h"

#include <fnmatch.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace scanstraat {
namespace fs = std::filesystem;
namespace {

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Waits (bounded) until the file's size and modification time are stable
// and older than `settle_seconds`.
void WaitUntilStable(const fs::path& path, double settle_seconds) {
  if (settle_seconds <= 0) return;
  std::error_code ec;
  for (int tries = 0; tries < 60; ++tries) {
    auto t1 = fs::last_write_time(path, ec);
    if (ec) return;
    auto age = fs::file_time_type::clock::now() - t1;
    if (age >= std::chrono::duration<double>(settle_seconds)) return;
    auto s1 = fs::file_size(path, ec);
    std::this_thread::sleep_for(std::chrono::duration<double>(std::min(settle_seconds, 1.0)));
    auto t2 = fs::last_write_time(path, ec);
    auto s2 = fs::file_size(path, ec);
    if (!ec && t1 == t2 && s1 == s2 && tries > 0) return;
  }
}

bool Excluded(const fs::path& p, const std::vector<std::string>& exclude) {
  std::string name = p.filename().string();
  for (const std::string& glob : exclude)
    if (fnmatch(glob.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

}  // namespace

DiscoverResult DiscoverInputs(const std::vector<fs::path>& inputs, double settle_seconds,
                              const std::vector<std::string>& exclude) {
  DiscoverResult out;
  for (const fs::path& input : inputs) {
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      out.problems.push_back("input does not exist: " + input.string());
      continue;
    }
    std::vector<InputFile> found;
    if (fs::is_regular_file(st)) {
      found.push_back({input, input.string(), 0});
    } else if (fs::is_directory(st)) {
      auto opts = fs::directory_options::skip_permission_denied;
      for (auto it = fs::recursive_directory_iterator(input, opts, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (IsHidden(it->path())) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && !Excluded(it->path(), exclude))
          found.push_back({it->path(), it->path().string(), 0});
      }
      if (ec) out.problems.push_back("folder cannot be read completely: " + input.string());
    } else {
      out.problems.push_back("input is neither a file nor a folder: " + input.string());
      continue;
    }
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    for (InputFile& f : found) {
      WaitUntilStable(f.path, settle_seconds);
      f.size = static_cast<int64_t>(fs::file_size(f.path, ec));
      if (ec) f.size = -1;
      out.files.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace scanstraat
