// Helpers for the archive tests: real images from the shared test data, a
// PageText from the real `tesseract … tsv` output, scratch folders, and
// running the real PDF and XML tools (qpdf, pdffonts, pdftotext, pdfinfo,
// xmllint) from a test.
#pragma once

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/image/pix.h"

namespace scanstraat::testing {

inline std::string SharedData() { return SCANSTRAAT_SHARED_DATA; }
inline std::string Phototest() {
  return SharedData() + "/ocr-ground-truth/tesseract-test/testing/phototest.tif";
}
inline std::string LeptProg(const std::string& name) {
  return SharedData() + "/robustness/leptonica-prog/prog/" + name;
}
inline std::string MdtoXsd() {
  return SharedData() + "/../reference/mdto/MDTO-XML1.0.1.xsd";
}

inline PixPtr ReadPix(const std::string& path) {
  QuietLeptonica();
  PixPtr pix(pixRead(path.c_str()));
  EXPECT_TRUE(pix) << path;
  return pix;
}

struct Command {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs `cmd` through the shell, capturing stdout and stderr.
inline Command Sh(const std::string& cmd) {
  Command c;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return c;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) c.output.append(buf, n);
  const int status = pclose(p);
  c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return c;
}

inline std::string Quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteAll(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// A fresh scratch folder per test, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "ss-archive-" + std::string(info->test_suite_name()) + "-" + info->name() +
                       "-" + std::to_string(::getpid());
    for (char& c : name)
      if (c == '/') c = '_';
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Names of all entries (files and folders) in the scratch folder.
  std::vector<std::string> Entries() const {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(path_)) out.push_back(e.path().filename());
    return out;
  }

 private:
  std::filesystem::path path_;
};

// Runs the real Tesseract CLI on `image` and builds a PageText (words with
// boxes, lines) from its TSV output.
inline PageText OcrWithTesseractCli(const std::string& image, int dpi) {
  PageText t;
  t.dpi = dpi;
  const Command c = Sh("OMP_THREAD_LIMIT=1 tesseract " + Quote(image) +
                        " stdout --dpi " + std::to_string(dpi) + " -l eng --psm 3 tsv 2>/dev/null");
  EXPECT_EQ(c.exit_code, 0) << c.output;
  std::istringstream in(c.output);
  std::string row;
  std::getline(in, row);  // header
  std::map<std::tuple<int, int, int>, int> line_of;
  while (std::getline(in, row)) {
    std::vector<std::string> f;
    std::istringstream rs(row);
    std::string cell;
    while (std::getline(rs, cell, '\t')) f.push_back(cell);
    if (f.size() < 11) continue;
    const int level = std::stoi(f[0]);
    if (level == 1) {
      t.width = std::stoi(f[8]);
      t.height = std::stoi(f[9]);
    }
    if (level != 5 || f.size() < 12 || f[11].find_first_not_of(' ') == std::string::npos) continue;
    const auto key = std::make_tuple(std::stoi(f[2]), std::stoi(f[3]), std::stoi(f[4]));
    Word w;
    w.text = f[11];
    w.box = {std::stoi(f[6]), std::stoi(f[7]), std::stoi(f[6]) + std::stoi(f[8]),
             std::stoi(f[7]) + std::stoi(f[9])};
    w.confidence = std::stof(f[10]) / 100.0f;
    auto it = line_of.find(key);
    if (it == line_of.end()) {
      it = line_of.emplace(key, int(t.lines.size())).first;
      Line l;
      l.box = w.box;
      l.block = std::get<0>(key);
      l.first_word = int(t.words.size());
      t.lines.push_back(l);
    }
    Line& l = t.lines[it->second];
    l.box = {std::min(l.box.x0, w.box.x0), std::min(l.box.y0, w.box.y0),
             std::max(l.box.x1, w.box.x1), std::max(l.box.y1, w.box.y1)};
    ++l.word_count;
    w.line = it->second;
    t.text += (t.words.empty() ? "" : " ") + w.text;
    t.words.push_back(w);
  }
  return t;
}

}  // namespace scanstraat::testing
