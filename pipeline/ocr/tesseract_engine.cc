#include "pipeline/ocr/tesseract_engine.h"

#include <dlfcn.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace scanstraat {
namespace {

bool CancelCallback(void* data, int /*words*/) {
  auto* flag = static_cast<const std::atomic<bool>*>(data);
  return flag != nullptr && flag->load(std::memory_order_relaxed);
}

std::string Take(char* s) {
  if (s == nullptr) return {};
  std::string out(s);
  delete[] s;
  return out;
}

Box BoxOf(tesseract::ResultIterator* it, tesseract::PageIteratorLevel level) {
  int l = 0, t = 0, r = 0, b = 0;
  it->BoundingBox(level, &l, &t, &r, &b);
  return {l, t, r, b};
}

}  // namespace

TesseractEngine::TesseractEngine() : api_(std::make_unique<tesseract::TessBaseAPI>()) {}
TesseractEngine::~TesseractEngine() {
  if (api_) api_->End();
}

namespace {

// Some Tesseract parameters are process globals, debug_file among them
// (tprintf.cpp), and SetVariable and Init write them: engines created by
// several worker threads at once raced on those strings (found by TSan).
// Creation is once per thread, so doing it one at a time costs little.
std::mutex create_mu;
bool quiet = false;  // debug_file is set (guarded by create_mu)

Status NotInstalled(const std::string& lang) {
  return Status::NotFound("Tesseract cannot load language data '" + lang +
                          "'; install it (scripts/setup.sh installs nld, eng and osd)");
}

}  // namespace

Result<std::unique_ptr<TesseractEngine>> TesseractEngine::Create(const std::string& lang) {
  std::lock_guard<std::mutex> lock(create_mu);
  std::unique_ptr<TesseractEngine> engine(new TesseractEngine());
  // Tesseract writes warnings through tprintf to stderr; send them nowhere.
  // Only until the first engine exists: tprintf reads debug_file while other
  // threads recognise, so writing it again (the same value) for every later
  // engine raced with them (found by TSan).
  if (!quiet) engine->api_->SetVariable("debug_file", "/dev/null");
  if (engine->api_->Init(nullptr, lang.c_str(), tesseract::OEM_LSTM_ONLY) != 0) return NotInstalled(lang);
  engine->api_->SetPageSegMode(tesseract::PSM_AUTO);
  if (!quiet) engine->api_->SetVariable("debug_file", "/dev/null");
  quiet = true;
  return engine;
}

Status TesseractEngine::CheckLanguages(const std::string& lang) {
  std::lock_guard<std::mutex> lock(create_mu);
  tesseract::TessBaseAPI api;
  if (!quiet) api.SetVariable("debug_file", "/dev/null");
  // Init opens each language's file and reads its configuration, then stops.
  const std::vector<std::string> names = {"tessedit_init_config_only"}, values = {"1"};
  const int rc = api.Init(nullptr, lang.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false);
  api.End();
  return rc == 0 ? Status::Ok() : NotInstalled(lang);
}

Result<OcrOutput> TesseractEngine::Recognize(const PIX* image, int dpi, int page_no,
                                             int timeout_ms, const std::atomic<bool>* cancel) {
  tesseract::TessBaseAPI& api = *api_;
  api.SetImage(const_cast<PIX*>(image));
  api.SetSourceResolution(dpi > 0 ? dpi : 300);
  tesseract::ETEXT_DESC monitor;
  monitor.cancel = &CancelCallback;
  monitor.cancel_this = const_cast<std::atomic<bool>*>(cancel);
  monitor.set_deadline_msecs(timeout_ms);
  int rc = api.Recognize(&monitor);
  if (cancel != nullptr && cancel->load()) {
    api.Clear();
    return Status::Cancelled("run stopped");
  }
  if (monitor.deadline_exceeded()) {
    api.Clear();
    return Status::Timeout("OCR took longer than the per-page limit of " +
                           std::to_string(timeout_ms / 1000) + " s");
  }
  if (rc != 0) {
    api.Clear();
    return Status::Corrupt("OCR could not process the page image");
  }

  OcrOutput out;
  PageText& text = out.text;
  text.page_no = page_no;
  text.width = static_cast<int>(pixGetWidth(const_cast<PIX*>(image)));
  text.height = static_cast<int>(pixGetHeight(const_cast<PIX*>(image)));
  text.dpi = dpi > 0 ? dpi : 300;
  text.source = TextSource::kOcr;

  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  int block = -1;
  double conf_sum = 0;
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) ++block;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || text.lines.empty()) {
        Line line;
        line.box = BoxOf(it.get(), tesseract::RIL_TEXTLINE);
        line.block = std::max(block, 0);
        line.first_word = static_cast<int>(text.words.size());
        text.lines.push_back(line);
      }
      std::string word = Take(it->GetUTF8Text(tesseract::RIL_WORD));
      if (word.empty()) continue;
      Word w;
      w.text = std::move(word);
      w.box = BoxOf(it.get(), tesseract::RIL_WORD);
      w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0f, 0.0f, 1.0f);
      w.line = static_cast<int>(text.lines.size()) - 1;
      conf_sum += w.confidence;
      text.words.push_back(std::move(w));
      ++text.lines.back().word_count;
    } while (it->Next(tesseract::RIL_WORD));
  }
  // Drop lines that ended up without words.
  std::erase_if(text.lines, [](const Line& l) { return l.word_count == 0; });
  for (int l = 0; l < static_cast<int>(text.lines.size()); ++l) {
    const Line& line = text.lines[l];
    for (int i = 0; i < line.word_count; ++i) text.words[line.first_word + i].line = l;
  }
  out.mean_confidence = text.words.empty() ? 0.0f : static_cast<float>(conf_sum / text.words.size());
  text.text = Take(api.GetUTF8Text());
  out.hocr = Take(api.GetHOCRText(page_no - 1));
  api.Clear();
  return out;
}

Result<LineReading> TesseractEngine::ReadLine(const PIX* image, int dpi, const std::string& whitelist,
                                              int timeout_ms) {
  tesseract::TessBaseAPI& api = *api_;
  // Restores the page settings on every way out: the same engine reads
  // whole pages too. (The whitelist and the segmentation mode belong to
  // this engine, unlike debug_file: no other thread sees them.)
  struct Restore {
    tesseract::TessBaseAPI& api;
    ~Restore() {
      api.Clear();
      api.SetVariable("tessedit_char_whitelist", "");
      api.SetPageSegMode(tesseract::PSM_AUTO);
    }
  } restore{api};
  api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  api.SetVariable("tessedit_char_whitelist", whitelist.c_str());
  api.SetImage(const_cast<PIX*>(image));
  api.SetSourceResolution(dpi > 0 ? dpi : 300);
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(timeout_ms);
  const int rc = api.Recognize(&monitor);
  if (monitor.deadline_exceeded()) return Status::Timeout("reading a line took longer than its limit");
  if (rc != 0) return Status::Corrupt("OCR could not process the line image");
  LineReading out;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      std::string word = Take(it->GetUTF8Text(tesseract::RIL_WORD));
      if (word.empty()) continue;
      out.text += (out.text.empty() ? "" : " ") + word;
      out.confidences.push_back(std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0f, 0.0f, 1.0f));
    } while (it->Next(tesseract::RIL_WORD));
  }
  return out;
}

int OpenMpThreadLimit() {
  using Fn = int (*)();
  void* sym = dlsym(RTLD_DEFAULT, "omp_get_thread_limit");
  if (sym == nullptr) return -1;
  return reinterpret_cast<Fn>(sym)();
}

}  // namespace scanstraat
