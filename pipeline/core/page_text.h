// The text of one page as the pipeline hands it to the rules: words with
// boxes and confidences, grouped in lines and blocks. Produced either by OCR
// (Tesseract) or from a PDF text layer (Poppler); the rules do not care which.
//
// Coordinates are pixels of the page at `dpi` (300 unless the page had to be
// rendered smaller), origin top left. Thread-safety: plain values.
#pragma once

#include <string>
#include <vector>

namespace scanstraat {

struct Box {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // left, top, right (exclusive), bottom (exclusive)
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
  bool operator==(const Box&) const = default;
};

struct Word {
  std::string text;        // UTF-8, no surrounding spaces
  Box box;
  float confidence = 0;    // 0..1; 1.0 for a PDF text layer
  int line = 0;            // index into PageText::lines
};

struct Line {
  Box box;
  int block = 0;           // paragraph/block index on the page
  int first_word = 0;      // words [first_word, first_word + word_count)
  int word_count = 0;
};

enum class TextSource { kOcr, kPdfText };

struct PageText {
  int page_no = 1;         // counts from 1
  int width = 0;           // pixels
  int height = 0;
  int dpi = 300;
  TextSource source = TextSource::kOcr;
  std::vector<Word> words;
  std::vector<Line> lines;
  // Plain text, lines separated by '\n', blocks by a blank line.
  std::string text;
};

}  // namespace scanstraat
