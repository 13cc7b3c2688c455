#include "pipeline/core/page_text_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace scanstraat {

std::string PageTextToJson(const PageText& page) {
  nlohmann::json words = nlohmann::json::array();
  for (const Word& w : page.words) {
    words.push_back({w.text, w.box.x0, w.box.y0, w.box.x1, w.box.y1,
                     static_cast<int>(std::lround(w.confidence * 1000)), w.line});
  }
  nlohmann::json lines = nlohmann::json::array();
  for (const Line& l : page.lines) {
    lines.push_back({l.box.x0, l.box.y0, l.box.x1, l.box.y1, l.block, l.first_word, l.word_count});
  }
  nlohmann::json j = {{"page", page.page_no}, {"w", page.width}, {"h", page.height},
                      {"dpi", page.dpi},
                      {"src", page.source == TextSource::kOcr ? "ocr" : "pdf_text"},
                      {"words", std::move(words)}, {"lines", std::move(lines)}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<PageText> PageTextFromJson(const std::string& json, std::string text) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corrupt("stored page text is not valid JSON");
  PageText p;
  try {
    p.page_no = j.value("page", 1);
    p.width = j.value("w", 0);
    p.height = j.value("h", 0);
    p.dpi = j.value("dpi", 300);
    p.source = j.value("src", "ocr") == "ocr" ? TextSource::kOcr : TextSource::kPdfText;
    for (const auto& w : j.at("words")) {
      Word word;
      word.text = w.at(0).get<std::string>();
      word.box = {w.at(1).get<int>(), w.at(2).get<int>(), w.at(3).get<int>(), w.at(4).get<int>()};
      word.confidence = static_cast<float>(w.at(5).get<int>()) / 1000.0f;
      word.line = w.at(6).get<int>();
      p.words.push_back(std::move(word));
    }
    for (const auto& l : j.at("lines")) {
      Line line;
      line.box = {l.at(0).get<int>(), l.at(1).get<int>(), l.at(2).get<int>(), l.at(3).get<int>()};
      line.block = l.at(4).get<int>();
      line.first_word = l.at(5).get<int>();
      line.word_count = l.at(6).get<int>();
      p.lines.push_back(line);
    }
  } catch (const nlohmann::json::exception&) {
    return Status::Corrupt("stored page text has an unexpected shape");
  }
  p.text = std::move(text);
  return p;
}

}  // namespace scanstraat
