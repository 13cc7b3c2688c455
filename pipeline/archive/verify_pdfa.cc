#include "pipeline/archive/verify_pdfa.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QUtil.hh>

#include <cstdio>
#include <fstream>
#include <set>
#include <system_error>

#include "pipeline/core/sha256.h"

namespace scanstraat {
namespace {

using OH = QPDFObjectHandle;

// Reads a simple XMP property written either as an element or as an attribute.
std::string XmpValue(const std::string& xmp, const std::string& prop) {
  const std::string open = "<" + prop + ">";
  if (auto p = xmp.find(open); p != std::string::npos) {
    const auto start = p + open.size();
    const auto end = xmp.find('<', start);
    if (end != std::string::npos) return xmp.substr(start, end - start);
  }
  for (const char q : {'"', '\''}) {
    const std::string attr = prop + "=" + q;
    if (auto p = xmp.find(attr); p != std::string::npos) {
      const auto start = p + attr.size();
      const auto end = xmp.find(q, start);
      if (end != std::string::npos) return xmp.substr(start, end - start);
    }
  }
  return {};
}

void CheckXmp(QPDF& pdf, std::vector<Problem>& out) {
  OH meta = pdf.getRoot().getKey("/Metadata");
  if (!meta.isStream()) {
    out.push_back({"pdfa.xmp", "no XMP metadata stream in the catalog; re-archive the document"});
    return;
  }
  std::string xmp;
  try {
    auto buf = meta.getStreamData(qpdf_dl_generalized);
    xmp.assign(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  } catch (const std::exception&) {
    out.push_back({"pdfa.xmp", "XMP metadata stream cannot be read"});
    return;
  }
  if (XmpValue(xmp, "pdfaid:part") != "2")
    out.push_back({"pdfa.xmp", "XMP does not claim pdfaid:part 2"});
  if (XmpValue(xmp, "pdfaid:conformance") != "B")
    out.push_back({"pdfa.xmp", "XMP does not claim pdfaid:conformance B"});
  if (meta.getDict().hasKey("/Filter"))
    out.push_back({"pdfa.xmp", "XMP metadata stream is compressed"});
}

void CheckOutputIntent(QPDF& pdf, std::vector<Problem>& out) {
  OH intents = pdf.getRoot().getKey("/OutputIntents");
  if (intents.isArray()) {
    for (OH oi : intents.aitems()) {
      if (!oi.isDictionary() || !oi.getKey("/S").isNameAndEquals("/GTS_PDFA1")) continue;
      OH icc = oi.getKey("/DestOutputProfile");
      if (icc.isStream() && icc.getDict().getKey("/N").isInteger()) return;
      out.push_back({"pdfa.output_intent", "PDF/A OutputIntent has no embedded ICC profile"});
      return;
    }
  }
  out.push_back({"pdfa.output_intent", "no /GTS_PDFA1 OutputIntent in the catalog"});
}

// Every dictionary in the file, indirect or nested directly inside another
// object (an /OpenAction or a font may be a direct dictionary).
void CollectDicts(OH obj, bool top, std::vector<OH>& out) {
  if (!top && obj.isIndirect()) return;  // reached through getAllObjects itself
  if (obj.isStream()) obj = obj.getDict();
  if (obj.isDictionary()) {
    out.push_back(obj);
    for (auto& [key, value] : obj.ditems()) CollectDicts(value, false, out);
  } else if (obj.isArray()) {
    for (OH item : obj.aitems()) CollectDicts(item, false, out);
  }
}

std::vector<OH> AllDicts(QPDF& pdf) {
  std::vector<OH> out;
  for (OH obj : pdf.getAllObjects()) CollectDicts(obj, true, out);
  CollectDicts(pdf.getTrailer(), false, out);
  return out;
}

bool HasJavaScript(QPDF& pdf, const std::vector<OH>& dicts) {
  OH names = pdf.getRoot().getKey("/Names");
  if (names.isDictionary() && names.hasKey("/JavaScript")) return true;
  for (OH d : dicts) {
    if (d.getKey("/S").isNameAndEquals("/JavaScript") || d.hasKey("/JS")) return true;
  }
  return false;
}

void CheckFonts(const std::vector<OH>& dicts, std::vector<Problem>& out) {
  std::set<std::string> unembedded;
  for (OH obj : dicts) {
    if (!obj.getKey("/Type").isNameAndEquals("/Font")) continue;
    const std::string subtype = obj.getKey("/Subtype").isName() ? obj.getKey("/Subtype").getName() : "";
    if (subtype == "/Type0" || subtype == "/Type3") continue;  // checked via descendants / glyph procs
    OH fd = obj.getKey("/FontDescriptor");
    const bool embedded = fd.isDictionary() && (fd.getKey("/FontFile").isStream() ||
                                                fd.getKey("/FontFile2").isStream() ||
                                                fd.getKey("/FontFile3").isStream());
    if (!embedded)
      unembedded.insert(obj.getKey("/BaseFont").isName() ? obj.getKey("/BaseFont").getName()
                                                          : "(unnamed)");
  }
  for (const std::string& name : unembedded)
    out.push_back({"pdfa.fonts", "font " + name + " is not embedded"});
}

}  // namespace

Result<std::vector<Problem>> CheckPdfAEssentials(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::NotFound("archived PDF is missing");
  std::vector<Problem> out;

  std::string head(16, '\0');
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IOError("archived PDF cannot be opened");
    in.read(head.data(), head.size());
    head.resize(size_t(in.gcount()));
  }
  if (head.rfind("%PDF-1.", 0) != 0 && head.rfind("%PDF-2.", 0) != 0) {
    out.push_back({"pdfa.header", "file does not start with a %PDF- header"});
    return out;
  }

  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(false);  // a damaged file must not pass as a repaired one
    pdf.processFile(path.c_str());
    if (pdf.anyWarnings()) out.push_back({"pdfa.parse", "PDF structure has warnings (damaged?)"});
    if (pdf.isEncrypted() || pdf.getTrailer().hasKey("/Encrypt"))
      out.push_back({"pdfa.encrypt", "PDF is encrypted; PDF/A forbids encryption"});
    OH id = pdf.getTrailer().getKey("/ID");
    if (!id.isArray() || id.getArrayNItems() != 2)
      out.push_back({"pdfa.id", "trailer has no /ID"});
    CheckXmp(pdf, out);
    CheckOutputIntent(pdf, out);
    const std::vector<OH> dicts = AllDicts(pdf);
    if (HasJavaScript(pdf, dicts)) out.push_back({"pdfa.javascript", "PDF contains JavaScript"});
    CheckFonts(dicts, out);
    if (QPDFPageDocumentHelper(pdf).getAllPages().empty())
      out.push_back({"pdfa.pages", "PDF has no pages"});
  } catch (const std::exception& e) {
    out.push_back({"pdfa.parse", "PDF cannot be parsed (truncated or damaged)"});
  }
  return out;
}

std::vector<Problem> CheckSha256(const std::filesystem::path& path, std::string_view expected_hex) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return {{"missing", "archived file is missing: " + path.filename().string()}};
  auto actual = Sha256File(path);
  if (!actual.ok())
    return {{"sha256", "cannot read " + path.filename().string() + ": " + actual.status().message()}};
  if (*actual != expected_hex)
    return {{"sha256", "checksum of " + path.filename().string() +
                           " does not match its MDTO record (file changed or damaged)"}};
  return {};
}

}  // namespace scanstraat
