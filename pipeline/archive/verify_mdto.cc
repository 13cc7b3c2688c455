#include "pipeline/archive/verify_mdto.h"

#include <fstream>
#include <mutex>
#include <sstream>
#include <system_error>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

namespace scanstraat {
namespace {

struct Collected {
  std::string file;
  std::vector<Problem> problems;
  int seen = 0;
};

void Collect(void* ctx, xmlErrorPtr error) {
  auto* c = static_cast<Collected*>(ctx);
  if (!error || ++c->seen > 20) return;
  std::string msg = error->message ? error->message : "schema error";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  c->problems.push_back(
      {"mdto.schema", c->file + " line " + std::to_string(error->line) + ": " + msg});
}

// libxml2's unstructured messages (e.g. "failed to load external entity")
// would go to stderr and may name paths; the structured ones are collected.
void Silent(void*, const char*, ...) {}

struct FreeParserCtxt {
  void operator()(xmlSchemaParserCtxt* p) const { xmlSchemaFreeParserCtxt(p); }
};
struct FreeSchema {
  void operator()(xmlSchema* p) const { xmlSchemaFree(p); }
};
struct FreeValidCtxt {
  void operator()(xmlSchemaValidCtxt* p) const { xmlSchemaFreeValidCtxt(p); }
};

std::string Between(const std::string& s, const std::string& open, const std::string& close,
                    size_t from = 0) {
  const auto a = s.find(open, from);
  if (a == std::string::npos) return {};
  const auto b = s.find(close, a + open.size());
  return b == std::string::npos ? std::string() : s.substr(a + open.size(), b - a - open.size());
}

}  // namespace

Result<std::vector<Problem>> CheckMdto(const std::filesystem::path& path,
                                       const std::filesystem::path& xsd) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  xmlSetGenericErrorFunc(nullptr, Silent);  // per thread in libxml2
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::NotFound("MDTO file is missing");

  Collected schema_errors{xsd.filename().string(), {}, 0};
  std::unique_ptr<xmlSchemaParserCtxt, FreeParserCtxt> pctx(xmlSchemaNewParserCtxt(xsd.c_str()));
  if (!pctx) return Status::Internal("cannot create XML Schema parser");
  xmlSchemaSetParserStructuredErrors(pctx.get(), Collect, &schema_errors);
  std::unique_ptr<xmlSchema, FreeSchema> schema(xmlSchemaParse(pctx.get()));
  if (!schema) return Status::NotFound("MDTO schema cannot be loaded: " + xsd.filename().string());

  Collected errors{path.filename().string(), {}, 0};
  std::unique_ptr<xmlSchemaValidCtxt, FreeValidCtxt> vctx(xmlSchemaNewValidCtxt(schema.get()));
  if (!vctx) return Status::Internal("cannot create XML Schema validator");
  xmlSchemaSetValidStructuredErrors(vctx.get(), Collect, &errors);
  const int rc = xmlSchemaValidateFile(vctx.get(), path.c_str(), 0);
  if (rc != 0 && errors.problems.empty())
    errors.problems.push_back({"mdto.schema", errors.file + " is not valid MDTO (not well-formed?)"});
  return std::move(errors.problems);
}

Result<MdtoBestandFacts> ReadMdtoBestandFacts(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("MDTO bestand file is missing");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string xml = ss.str();
  MdtoBestandFacts f;
  const auto bestand = xml.find("<bestand>");
  if (bestand == std::string::npos) return Status::Corrupt("not an MDTO bestand file");
  // The file's own naam comes right after its identificatie.
  const auto ident_end = xml.find("</identificatie>", bestand);
  f.name = Between(xml, "<naam>", "</naam>", ident_end == std::string::npos ? bestand : ident_end);
  const std::string size = Between(xml, "<omvang>", "</omvang>", bestand);
  const auto sha = xml.find("<begripLabel>SHA-256</begripLabel>", bestand);
  if (sha != std::string::npos) f.sha256 = Between(xml, "<checksumWaarde>", "</checksumWaarde>", sha);
  if (f.name.empty() || size.empty() || f.sha256.empty())
    return Status::Corrupt("MDTO bestand file lacks naam, omvang or SHA-256 checksum");
  try {
    f.size = std::stoull(size);
  } catch (const std::exception&) {
    return Status::Corrupt("MDTO bestand omvang is not a number");
  }
  return f;
}

}  // namespace scanstraat
