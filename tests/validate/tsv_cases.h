// Reads the tab-separated case tables of tests/validate/ (and other test
// folders): '#' comments, blank lines skipped, "\t" "\n" escapes, "<empty>".
#pragma once

#include <fstream>
#include <string>
#include <vector>

namespace scanstraat::testing {

struct TsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

inline std::string UnescapeCell(const std::string& s) {
  if (s == "<empty>") return "";
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 't' || s[i + 1] == 'n')) {
      out.push_back(s[i + 1] == 't' ? '\t' : '\n');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Returns the rows of `path`; an empty vector when the file cannot be read
// (the tests then fail on the row count).
inline std::vector<TsvRow> ReadTsv(const std::string& path) {
  std::vector<TsvRow> rows;
  std::ifstream in(path);
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (line.empty() || line[0] == '#') continue;
    TsvRow row{no, {}};
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      row.cells.push_back(UnescapeCell(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace scanstraat::testing
