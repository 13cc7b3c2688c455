// `scanstraat explain FILE`: reads one document with the pipeline's own page
// code (text layer, or clean-up and OCR), applies the rules, and prints the
// text as read and what the rules made of it, and why (extract/explain.h).
// Nothing is stored. Masked fields stay masked unless --show-personal-data.
#include <cstdio>
#include <filesystem>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/core/log.h"
#include "pipeline/core/sha256.h"
#include "pipeline/extract/explain.h"
#include "pipeline/ingest/poppler_doc.h"
#include "pipeline/run/engine_pool.h"
#include "pipeline/run/reanalyze.h"
#include "pipeline/validate/mask.h"

namespace scanstraat {
namespace {

constexpr const char* kHelp = R"(Usage: scanstraat explain FILE [options]

Reads FILE (PDF, TIFF, PNG, JPEG) as `scanstraat run` would, applies the
rules and prints:
  - the text as read, page by page;
  - which document type won, its score and its lead over the next, and
    which phrases counted;
  - for every field: where it was found (page, box), by which rule and
    label, with what confidence, and why it passed or failed;
  - the checks across fields and the route (archive, or review and why).
Nothing is stored. Fields marked `mask` in the rules (BSN, IBAN, birth
dates) are shown masked, in the fields and in the text as read, unless
--show-personal-data is given.

Options:
  --rules DIR             rule files (default: ./rules)
  --mode MODE             intake (default) or archive
  --today DATE            "today" for dates in the future, YYYY-MM-DD
                          (default: the system date)
  --lang LANGS            Tesseract languages (default: nld+eng)
  --no-text               leave out the text as read
  --show-personal-data    show masked fields in clear (only where you may)
  -h, --help              show this help

Exit codes: 0 explained (whatever the route); 2 bad arguments, a file that
does not exist or cannot be read as a document, or unusable rules.
)";

bool Overlaps(const Box& word, const Box& field) {
  const int w = std::min(word.x1, field.x1) - std::max(word.x0, field.x0);
  const int h = std::min(word.y1, field.y1) - std::max(word.y0, field.y0);
  if (w <= 0 || h <= 0) return false;
  const int64_t area = int64_t{word.width()} * word.height();
  return area > 0 && int64_t{w} * h * 2 >= area;
}

// The page's text rebuilt from its lines, with every word that lies in the
// box of a masked value masked, and then anything that looks like a BSN,
// IBAN or date masked too (the label may have been missed).
std::string MaskedText(const PageText& page, const Analysis& a) {
  std::vector<Box> boxes;
  for (const FieldValue& v : a.fields) {
    if (!v.mask) continue;
    if (v.found && v.page == page.page_no) boxes.push_back(v.bbox);
    for (const FieldValue& i : v.items)
      if (i.page == page.page_no) boxes.push_back(i.bbox);
  }
  std::string out;
  int block = -1;
  for (const Line& line : page.lines) {
    if (block >= 0 && line.block != block) out += "\n";
    block = line.block;
    std::string text;
    for (int w = line.first_word; w < line.first_word + line.word_count && w < static_cast<int>(page.words.size());
         ++w) {
      const Word& word = page.words[w];
      if (word.text.find_first_not_of(" \t") == std::string::npos) continue;
      bool hide = std::any_of(boxes.begin(), boxes.end(), [&](const Box& b) { return Overlaps(word.box, b); });
      text += (text.empty() ? "" : " ") + (hide ? MaskValue(word.text) : word.text);
    }
    if (!text.empty()) out += text + "\n";
  }
  return RedactPersonalData(out);
}

}  // namespace

int ExplainCommand(const std::vector<std::string>& args) {
  Result<ParsedArgs> parsed = ParseArgs(args, {"rules", "mode", "today", "lang"},
                                        {"show-personal-data", "no-text", "help", "h"});
  if (!parsed.ok()) return UsageError("explain", parsed.status().message());
  if (parsed->Has("help") || parsed->Has("h")) return Usage(kHelp);
  if (parsed->positional.size() != 1) return UsageError("explain", "give exactly one FILE");
  const std::filesystem::path file = parsed->positional[0];
  RunOptions options;
  if (auto v = parsed->Get("lang")) options.lang = *v;
  AnalyzeOptions analyze;
  analyze.sample_rate = 0;
  if (auto v = parsed->Get("mode")) {
    if (*v != "intake" && *v != "archive") return UsageError("explain", "--mode is intake or archive, not '" + *v + "'");
    analyze.archive_mode = *v == "archive";
  }
  if (auto v = parsed->Get("today")) {
    if (v->size() != 10 || (*v)[4] != '-' || (*v)[7] != '-')
      return UsageError("explain", "--today takes a date like 2025-06-30");
    analyze.today = *v;
  }
  ExplainOptions explain;
  explain.show_personal_data = parsed->Has("show-personal-data");

  const std::filesystem::path rules_dir = parsed->Get("rules").value_or("rules");
  Result<RuleSet> rules = LoadRuleSet(rules_dir);
  if (!rules.ok()) {
    LogError(rules.status().message());
    return 2;
  }
  QuietPoppler();
  Result<std::string> id = Sha256File(file);
  if (!id.ok()) {
    LogError(id.status().message());
    return 2;
  }
  Result<std::unique_ptr<SourceDocument>> source = OpenSourceFile(file, options);
  if (!source.ok()) {
    LogError("doc " + ShortId(id.value()) + " cannot be read: " + source.status().message());
    return 2;
  }
  Result<DocumentPages> pages = ReadPages(**source, options);
  if (!pages.ok()) {
    LogError("doc " + ShortId(id.value()) + ": " + pages.status().message());
    return 2;
  }
  EnginePool engines(options.lang);  // for doubtful values read again
  Analysis a = AnalyzePages(rules.value(), pages->pages, id.value(), source.value().get(), analyze, options,
                            engines.Fn());

  std::string out;
  if (!parsed->Has("no-text")) {
    for (const PageText& p : pages->pages) {
      out += "--- page " + std::to_string(p.page_no) + " (" +
             (p.source == TextSource::kPdfText ? "text layer" : "OCR") + ") ---\n";
      out += explain.show_personal_data ? p.text + "\n" : MaskedText(p, a);
    }
    if (pages->failed_pages > 0) out += std::to_string(pages->failed_pages) + " page(s) could not be read\n";
    out += "---\n";
  }
  out += Explain(a, rules.value(), explain);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return 0;
}

}  // namespace scanstraat
