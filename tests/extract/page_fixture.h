// Test helpers: PageText from a small hand-written layout format and from
// `tesseract IMAGE out tsv` output.
//
// Layout format (*.page), one text row per line:
//   <y> <x> [b<block>] <words…>        words start at x, 30 px per character
//   <y> <x> ...  word~0.42              a word with OCR confidence 0.42
//   ---                                 next page
//   # comment
// Several rows may share a y (columns); each fixture line is one OCR line.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/core/page_text.h"

namespace scanstraat::testing {

inline constexpr int kCharWidth = 30;
inline constexpr int kWordHeight = 40;

inline void AddRow(PageText& page, int y, int x, int block, const std::vector<std::string>& tokens) {
  Line line;
  line.block = block;
  line.first_word = static_cast<int>(page.words.size());
  for (const std::string& token : tokens) {
    Word w;
    w.text = token;
    w.confidence = 0.96f;
    if (const size_t tilde = token.rfind('~'); tilde != std::string::npos && tilde > 0 && tilde + 1 < token.size()) {
      w.text = token.substr(0, tilde);
      w.confidence = std::stof(token.substr(tilde + 1));
    }
    // Width by code points, roughly.
    int cps = 0;
    for (unsigned char c : w.text) cps += (c & 0xC0) != 0x80 ? 1 : 0;
    w.box = {x, y, x + cps * kCharWidth, y + kWordHeight};
    w.line = static_cast<int>(page.lines.size());
    x = w.box.x1 + kCharWidth;
    line.box = line.word_count == 0 ? w.box
                                    : Box{line.box.x0, std::min(line.box.y0, w.box.y0), w.box.x1,
                                          std::max(line.box.y1, w.box.y1)};
    ++line.word_count;
    page.words.push_back(std::move(w));
  }
  page.text += (page.text.empty() ? "" : "\n");
  for (int i = line.first_word; i < line.first_word + line.word_count; ++i) {
    page.text += (i > line.first_word ? " " : "") + page.words[i].text;
  }
  page.lines.push_back(line);
}

inline std::vector<PageText> ParseLayout(const std::string& text) {
  std::vector<PageText> pages(1);
  pages[0].width = 2480;
  pages[0].height = 3508;
  std::istringstream in(text);
  std::string line;
  int auto_block = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("---", 0) == 0) {
      PageText p;
      p.page_no = static_cast<int>(pages.size()) + 1;
      p.width = 2480;
      p.height = 3508;
      pages.push_back(p);
      continue;
    }
    std::istringstream row(line);
    int y = 0, x = 0;
    row >> y >> x;
    std::vector<std::string> tokens;
    std::string t;
    int block = auto_block++;
    while (row >> t) {
      if (tokens.empty() && t.size() > 1 && t[0] == 'b' && std::isdigit(static_cast<unsigned char>(t[1]))) {
        block = 1000 + std::stoi(t.substr(1));
        continue;
      }
      tokens.push_back(t);
    }
    if (!tokens.empty()) AddRow(pages.back(), y, x, block, tokens);
  }
  return pages;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Parses Tesseract TSV (level page block par line word left top width height
// conf text) into one PageText per page.
inline std::vector<PageText> ParseTesseractTsv(const std::string& tsv) {
  std::vector<PageText> pages;
  std::istringstream in(tsv);
  std::string row;
  int last_key = -1;
  while (std::getline(in, row)) {
    std::vector<std::string> c;
    std::stringstream rs(row);
    std::string cell;
    while (std::getline(rs, cell, '\t')) c.push_back(cell);
    if (c.size() < 12 || c[0] == "level" || c[0] != "5") {
      if (c.size() >= 10 && c[0] == "1") {
        PageText p;
        p.page_no = std::stoi(c[1]);
        p.width = std::stoi(c[8]);
        p.height = std::stoi(c[9]);
        pages.push_back(p);
        last_key = -1;
      }
      continue;
    }
    if (pages.empty()) pages.emplace_back();
    PageText& page = pages.back();
    if (c[11].empty() || c[11].find_first_not_of(' ') == std::string::npos) continue;
    const int block = std::stoi(c[2]);
    const int key = block * 1000000 + std::stoi(c[3]) * 1000 + std::stoi(c[4]);
    if (key != last_key) {
      Line l;
      l.block = block;
      l.first_word = static_cast<int>(page.words.size());
      page.lines.push_back(l);
      last_key = key;
      if (!page.text.empty()) page.text += "\n";
    } else {
      page.text += " ";
    }
    Word w;
    w.text = c[11];
    const int left = std::stoi(c[6]), top = std::stoi(c[7]);
    w.box = {left, top, left + std::stoi(c[8]), top + std::stoi(c[9])};
    w.confidence = std::max(0.0f, std::stof(c[10]) / 100.0f);
    w.line = static_cast<int>(page.lines.size()) - 1;
    Line& l = page.lines.back();
    l.box = l.word_count == 0 ? w.box
                              : Box{std::min(l.box.x0, w.box.x0), std::min(l.box.y0, w.box.y0),
                                    std::max(l.box.x1, w.box.x1), std::max(l.box.y1, w.box.y1)};
    ++l.word_count;
    page.text += w.text;
    page.words.push_back(std::move(w));
  }
  return pages;
}

}  // namespace scanstraat::testing
