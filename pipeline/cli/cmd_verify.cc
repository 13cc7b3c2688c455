// `scanstraat verify`: is the archive what the database says it is?
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "pipeline/archive/atomic_write.h"
#include "pipeline/archive/problem.h"
#include "pipeline/archive/verify_mdto.h"
#include "pipeline/archive/verify_pdfa.h"
#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/core/log.h"
#include "pipeline/core/sha256.h"
#include "pipeline/run/archive_step.h"
#include "pipeline/run/workspace_config.h"
#include "pipeline/store/store.h"

namespace scanstraat {
namespace fs = std::filesystem;
namespace {

constexpr const char* kHelp = R"(Usage: scanstraat verify [--workspace DIR] [--schema XSD]

Checks the archive of a workspace against its database:
  - every recorded file exists and its SHA-256 and size are as recorded;
  - every MDTO file is valid against the MDTO XML schema, and every MDTO
    bestand file describes its file (name, size, checksum) truthfully;
  - every PDF/A has the PDF/A-2b essentials (XMP with pdfaid part 2 /
    conformance B, sRGB OutputIntent with ICC profile, trailer /ID, every
    font embedded, no encryption, no JavaScript, no damage);
  - no file in the archive is unknown to the database (also leftovers of
    interrupted writes), and every archived document has its files.
Prints one line per problem, naming the file by its path in the archive
(document ids only, never personal data).

Options:
  --workspace DIR   the workspace (default: $SCANSTRAAT_WORKSPACE, else ./workspace)
  --schema XSD      MDTO-XML1.0.1.xsd of the Nationaal Archief (default: the
                    mdto_xsd entry of WORKSPACE/scanstraat.conf; one of the two
                    is required: the schema is not shipped with Scanstraat)
  -h, --help        show this help

Exit codes: 0 no problems; 1 problems found; 2 bad arguments or no schema;
3 no workspace or it cannot be read.
)";

struct Report {
  int problems = 0;
  void Add(const std::string& where, const Problem& p) {
    ++problems;
    std::printf("PROBLEM %s %s: %s\n", p.check.c_str(), where.c_str(), p.message.c_str());
  }
};

}  // namespace

int VerifyCommand(const std::vector<std::string>& args) {
  Result<ParsedArgs> parsed = ParseArgs(args, {"workspace", "schema"}, {"help", "h"});
  if (!parsed.ok()) return UsageError("verify", parsed.status().message());
  if (parsed->Has("help") || parsed->Has("h")) return Usage(kHelp);
  if (!parsed->positional.empty()) return UsageError("verify", "unexpected argument " + parsed->positional[0]);
  fs::path workspace = WorkspaceFrom(*parsed);

  Result<std::unique_ptr<Store>> store = Store::OpenExisting(workspace);
  if (!store.ok()) {
    LogError(store.status().message());
    return 3;
  }
  Result<WorkspaceConfig> config = LoadWorkspaceConfig(workspace);
  if (!config.ok()) return UsageError("verify", config.status().message());
  fs::path xsd = parsed->Get("schema").value_or(config->mdto_xsd);
  if (xsd.empty())
    return UsageError("verify", "give the MDTO schema with --schema XSD or mdto_xsd in " +
                                    WorkspaceConfigPath(workspace).string());
  std::error_code ec;
  if (!fs::is_regular_file(xsd, ec)) return UsageError("verify", "no MDTO schema at " + xsd.string());

  const fs::path root = ArchiveRoot(workspace);
  Report report;
  std::map<std::string, ArchiveFileRecord> known;  // by relative path
  std::map<std::string, std::map<std::string, std::string>> by_doc;  // doc → role → path
  Status s = store.value()->ForEachArchiveFile([&](const std::string& doc, const ArchiveFileRecord& f) {
    known[f.path] = f;
    by_doc[doc][f.role] = f.path;
  });
  if (!s.ok()) {
    LogError(s.ToString());
    return 3;
  }

  // Recorded files: there, unchanged, and sound.
  int checked = 0;
  for (const auto& [rel, f] : known) {
    const fs::path path = root / rel;
    std::vector<Problem> ps = CheckSha256(path, f.sha256);
    if (ps.empty() && fs::file_size(path, ec) != static_cast<uintmax_t>(f.size))
      ps.push_back({"size", "size differs from the recorded " + std::to_string(f.size) + " bytes"});
    for (const Problem& p : ps) report.Add(rel, p);
    if (!ps.empty() && ps.front().check == "missing") continue;
    ++checked;
    if (f.role == "pdf") {
      Result<std::vector<Problem>> pdfa = CheckPdfAEssentials(path);
      if (!pdfa.ok()) report.Add(rel, {"read", pdfa.status().message()});
      else for (const Problem& p : pdfa.value()) report.Add(rel, p);
    }
    if (f.role.rfind("mdto_", 0) == 0) {
      Result<std::vector<Problem>> mdto = CheckMdto(path, xsd);
      if (!mdto.ok()) {
        LogError("MDTO schema " + xsd.string() + " cannot be used: " + mdto.status().message());
        return 2;
      }
      for (const Problem& p : mdto.value()) report.Add(rel, p);
    }
  }

  // MDTO bestand files describe their files truthfully.
  for (const auto& [doc, roles] : by_doc) {
    for (const auto& [meta_role, file_role] :
         std::vector<std::pair<std::string, std::string>>{{"mdto_pdf", "pdf"}, {"mdto_original", "original"}}) {
      auto m = roles.find(meta_role);
      auto f = roles.find(file_role);
      if (m == roles.end() || f == roles.end()) continue;
      if (!fs::exists(root / m->second, ec) || !fs::exists(root / f->second, ec)) continue;
      Result<MdtoBestandFacts> facts = ReadMdtoBestandFacts(root / m->second);
      if (!facts.ok()) {
        report.Add(m->second, {"mdto.bestand", facts.status().message()});
        continue;
      }
      const ArchiveFileRecord& rec = known[f->second];
      if (facts->name != fs::path(f->second).filename().string() ||
          facts->size != static_cast<uint64_t>(rec.size) || facts->sha256 != rec.sha256)
        report.Add(m->second, {"mdto.bestand", "describes another file than " + f->second +
                                                   " (name, size or checksum differ)"});
    }
    for (const char* role : {"pdf", "mdto_object", "mdto_pdf", "result"})
      if (!roles.count(role))
        report.Add(doc, {"record", std::string("archived document has no recorded ") + role + " file"});
  }

  // Archived documents without files.
  Result<Stmt> q = store.value()->db().Prepare(
      "SELECT id FROM documents WHERE state='done' AND decision='archive' "
      "AND id NOT IN (SELECT doc_id FROM archive_files)");
  if (q.ok()) {
    for (;;) {
      Result<bool> row = q->Step();
      if (!row.ok() || !row.value()) break;
      report.Add(q->Text(0), {"record", "archived document has no files in the archive"});
    }
  }

  // Files the database does not know.
  if (fs::is_directory(root, ec)) {
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string rel = fs::relative(it->path(), root).generic_string();
      if (known.count(rel)) continue;
      report.Add(rel, {"unknown", IsAtomicTempName(it->path().filename().string())
                                      ? "leftover of an interrupted write (the next run removes it)"
                                      : "file is not recorded in the database"});
    }
  }
  if (report.problems > 0) {
    std::printf("verify: %d problems in %zu recorded files of %zu documents\n", report.problems,
                known.size(), by_doc.size());
    return 1;
  }
  std::printf("verify: ok, %zu documents, %d files checked, no problems\n", by_doc.size(), checked);
  return 0;
}

}  // namespace scanstraat
