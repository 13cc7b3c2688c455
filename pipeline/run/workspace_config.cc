#include "pipeline/run/workspace_config.h"

#include <fstream>
#include <sstream>

#include "pipeline/archive/atomic_write.h"

namespace scanstraat {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace

std::filesystem::path WorkspaceConfigPath(const std::filesystem::path& workspace) {
  return workspace / "scanstraat.conf";
}

Result<WorkspaceConfig> LoadWorkspaceConfig(const std::filesystem::path& workspace) {
  WorkspaceConfig c;
  const std::filesystem::path path = WorkspaceConfigPath(workspace);
  std::ifstream in(path);
  if (!in) {
    if (!std::filesystem::exists(path)) return c;
    return Status::IOError("cannot read " + path.string());
  }
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    size_t eq = t.find('=');
    if (eq == std::string::npos)
      return Status::InvalidArgument(path.string() + ":" + std::to_string(n) +
                                     ": expected `key = value`");
    std::string key = Trim(t.substr(0, eq)), value = Trim(t.substr(eq + 1));
    if (key == "archiefvormer") c.archiefvormer = value;
    else if (key == "archiefvormer_naam") c.archiefvormer_naam = value;
    else if (key == "beperking_gebruik") c.beperking_gebruik = value;
    else if (key == "beperking_gebruik_code") c.beperking_gebruik_code = value;
    else if (key == "mdto_xsd") c.mdto_xsd = value;
    else if (key == "batch_naam") c.batch_naam = value;
    else if (key == "batch_categorie") c.batch_categorie = value;
    else if (key == "batch_waardering") c.batch_waardering = value;
    else if (key == "batch_bewaartermijn") c.batch_bewaartermijn = value;
    else
      return Status::InvalidArgument(path.string() + ":" + std::to_string(n) + ": unknown key '" +
                                     key + "'");
  }
  if (!c.batch_waardering.empty() && c.batch_waardering != "V" && c.batch_waardering != "B")
    return Status::InvalidArgument(path.string() + ": batch_waardering is V or B");
  if (c.beperking_gebruik.empty())
    return Status::InvalidArgument(path.string() + ": beperking_gebruik must not be empty");
  return c;
}

Status SaveWorkspaceConfig(const std::filesystem::path& workspace, const WorkspaceConfig& c) {
  std::ostringstream o;
  o << "# Scanstraat workspace configuration (scanstraat run --help, README).\n"
       "# The organisation whose archive this is (MDTO archiefvormer): TOOI code and name.\n"
    << "archiefvormer = " << c.archiefvormer << "\n"
    << "archiefvormer_naam = " << c.archiefvormer_naam << "\n"
    << "# MDTO beperkingGebruik of archived documents (Begrippenlijst BeperkingGebruikTypeLijst MDTO).\n"
    << "beperking_gebruik = " << c.beperking_gebruik << "\n"
    << "beperking_gebruik_code = " << c.beperking_gebruik_code << "\n"
    << "# MDTO-XML1.0.1.xsd of the Nationaal Archief, for `scanstraat verify`.\n"
    << "mdto_xsd = " << c.mdto_xsd << "\n"
    << "# Archive settings of the batch, for types whose rules say from_batch (archiefstuk).\n"
    << "batch_naam = " << c.batch_naam << "\n"
    << "batch_categorie = " << c.batch_categorie << "\n"
    << "batch_waardering = " << c.batch_waardering << "\n"
    << "batch_bewaartermijn = " << c.batch_bewaartermijn << "\n";
  std::error_code ec;
  std::filesystem::create_directories(workspace, ec);
  return WriteFileAtomic(WorkspaceConfigPath(workspace), o.str());
}

}  // namespace scanstraat
