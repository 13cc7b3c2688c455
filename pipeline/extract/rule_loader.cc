// Loading and checking of the rule files (rules/*.yaml).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "pipeline/extract/check_expr.h"
#include "pipeline/extract/fuzzy_match.h"
#include "pipeline/extract/label_words.h"
#include "pipeline/extract/rule_parse.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {
namespace {

FieldDefaults ParseDefaults(YamlReader& r, const YAML::Node& node) {
  FieldDefaults d;
  if (!node) return d;
  r.CheckKeys(node, {"min_confidence", "label_similarity", "position"}, "defaults");
  d.min_confidence = r.Double(node, "min_confidence").value_or(d.min_confidence);
  d.label_similarity = r.Double(node, "label_similarity").value_or(d.label_similarity);
  if (node["position"]) d.positions = ParsePositions(r, node["position"]);
  return d;
}

ArchiveSettings ParseArchive(YamlReader& r, const YAML::Node& node) {
  ArchiveSettings a;
  if (!node) {
    r.ProblemAtLine(1, "missing required key 'archive' (name, selectielijst, categorie, waardering, bewaartermijn)");
    return a;
  }
  r.CheckKeys(node, {"name", "selectielijst", "categorie", "omschrijving", "waardering", "bewaartermijn", "from_batch"},
              "archive");
  a.from_batch = r.Bool(node, "from_batch").value_or(false);
  a.name = r.String(node, "name", true).value_or("");
  a.selectielijst = r.String(node, "selectielijst", !a.from_batch).value_or("");
  a.categorie = r.String(node, "categorie", !a.from_batch).value_or("");
  a.omschrijving = r.String(node, "omschrijving").value_or("");
  a.waardering = r.String(node, "waardering", !a.from_batch).value_or("");
  a.bewaartermijn = r.String(node, "bewaartermijn").value_or("");
  if (!a.waardering.empty() && a.waardering != "V" && a.waardering != "B") {
    r.Problem(node["waardering"], "waardering must be V (vernietigen) or B (blijvend bewaren)");
  }
  if (a.waardering == "V" && a.bewaartermijn.empty()) {
    r.Problem(node, "waardering V needs a bewaartermijn (e.g. P10Y)");
  }
  if (!a.bewaartermijn.empty() && (a.bewaartermijn.front() != 'P' || a.bewaartermijn.size() < 3)) {
    r.Problem(node["bewaartermijn"], "bewaartermijn must be an ISO 8601 duration such as P10Y");
  }
  return a;
}

void ParseChecks(YamlReader& r, const YAML::Node& node, DocTypeRule& t) {
  if (!node) return;
  if (!node.IsSequence()) {
    r.Problem(node, "checks must be a list of {name, expr}");
    return;
  }
  std::set<std::string> names;
  for (const auto& item : node) {
    CheckRule c;
    c.line = YamlReader::Line(item);
    r.CheckKeys(item, {"name", "expr", "description"}, "check");
    c.name = r.String(item, "name", true).value_or("");
    c.expr = r.String(item, "expr", true).value_or("");
    if (!names.insert(c.name).second) r.Problem(item, "duplicate check '" + c.name + "'");
    if (!c.expr.empty()) {
      std::string error;
      c.compiled = CheckExpr::Parse(c.expr, error);
      if (!c.compiled) {
        r.Problem(item["expr"], "check '" + c.name + "': " + error);
      } else {
        for (const auto& f : c.compiled->Fields()) {
          if (t.FindField(f) == nullptr) r.Problem(item["expr"], "check '" + c.name + "' names unknown field '" + f + "'");
        }
      }
    }
    t.checks.push_back(std::move(c));
  }
}

}  // namespace

std::string_view PositionName(Position p) {
  switch (p) {
    case Position::kRight: return "right";
    case Position::kBelow: return "below";
    case Position::kSameCell: return "same_cell";
    case Position::kNextLine: return "next_line";
    case Position::kAfter: return "after";
  }
  return "?";
}

std::string RuleProblem::ToString() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  if (line > 0 && column > 0) s += ":" + std::to_string(column);
  return s + ": " + message;
}

const FieldRule* DocTypeRule::FindField(std::string_view name) const {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const DocTypeRule* RuleSet::Find(std::string_view id) const {
  for (const auto& t : types) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const DocTypeRule* RuleSet::ArchiveFallback() const {
  for (const auto& t : types) {
    if (t.classify.archive_fallback) return &t;
  }
  return nullptr;
}

DocTypeRule ParseRuleFile(const std::string& file_name, const std::string& yaml_text,
                          std::vector<RuleProblem>& problems) {
  DocTypeRule t;
  t.file = file_name;
  YamlReader r(file_name, problems);
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    problems.push_back({file_name, e.mark.line + 1, e.mark.column + 1, "YAML syntax: " + e.msg});
    return t;
  }
  if (!root.IsMap()) {
    r.ProblemAtLine(1, "a rule file must be a map (id, version, archive, classify, fields)");
    return t;
  }
  try {
    r.CheckKeys(root, {"id", "title", "version", "archive", "classify", "defaults", "fields", "checks", "description"},
                "rule file");
    t.id = r.String(root, "id", true).value_or("");
    t.title = r.String(root, "title").value_or(t.id);
    t.version = r.Int(root, "version", true).value_or(0);
    if (t.version < 1 && root["version"]) r.Problem(root["version"], "version must be 1 or higher");
    t.archive = ParseArchive(r, root["archive"]);
    if (root["classify"]) {
      t.classify = ParseClassify(r, root["classify"]);
    } else {
      r.ProblemAtLine(1, "missing required key 'classify'");
    }
    const FieldDefaults defaults = ParseDefaults(r, root["defaults"]);
    const YAML::Node fields = root["fields"];
    if (fields && !fields.IsSequence()) r.Problem(fields, "fields must be a list");
    std::set<std::string> names;
    if (fields && fields.IsSequence()) {
      for (const auto& node : fields) {
        FieldRule f = ParseField(r, node, defaults);
        if (!f.name.empty() && !names.insert(f.name).second) {
          r.Problem(node, "duplicate field '" + f.name + "'");
        }
        t.fields.push_back(std::move(f));
      }
    }
    ParseChecks(r, root["checks"], t);
    AssignLabelWords(t);
  } catch (const YAML::Exception& e) {
    problems.push_back({file_name, e.mark.line + 1, e.mark.column + 1, "unexpected structure: " + e.msg});
  }
  return t;
}

namespace {

using Vocabularies = std::map<std::string, std::vector<std::string>>;

// A vocabulary file: a map with `vocabulary` (its name) and no `id`.
bool IsVocabularyFile(const std::string& yaml_text) {
  try {
    const YAML::Node root = YAML::Load(yaml_text);
    return root.IsMap() && root["vocabulary"] && !root["id"];
  } catch (const YAML::Exception&) {
    return false;
  }
}

// Adds the words of a vocabulary file to `out` under its name.
void ParseVocabularyFile(const std::string& file_name, const std::string& yaml_text, Vocabularies& out,
                         std::vector<RuleProblem>& problems) {
  YamlReader r(file_name, problems);
  const YAML::Node root = YAML::Load(yaml_text);
  r.CheckKeys(root, {"vocabulary", "description", "words"}, "vocabulary file");
  const std::string name = r.String(root, "vocabulary", true).value_or("");
  std::vector<std::string> words = r.Strings(root, "words");
  if (words.empty()) r.ProblemAtLine(1, "vocabulary '" + name + "' needs words: a list of spellings");
  if (!name.empty() && out.count(name) > 0) {
    r.ProblemAtLine(1, "vocabulary '" + name + "' is defined in another file too");
  }
  if (!name.empty()) out[name] = std::move(words);
}

// Gives the fields of `t` the words of the vocabularies they name.
void ResolveVocabularies(const Vocabularies& vocabularies, DocTypeRule& t, std::vector<RuleProblem>& problems) {
  for (FieldRule& f : t.fields) {
    if (f.vocabulary_name.empty()) continue;
    auto it = vocabularies.find(f.vocabulary_name);
    if (it == vocabularies.end()) {
      problems.push_back({t.file, f.vocabulary_line, 0,
                          "unknown vocabulary '" + f.vocabulary_name +
                              "' (a rules file with `vocabulary: " + f.vocabulary_name + "` and `words:` defines it)"});
      continue;
    }
    f.vocabulary = it->second;
    for (const std::string& w : f.vocabulary) f.vocabulary_keys.push_back(MatchKey(w));
  }
}

// Parses every *.yaml of `dir` into `set`, appending problems.
void LoadInto(const std::filesystem::path& dir, RuleSet& set, std::vector<RuleProblem>& problems) {
  set.dir = dir;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    problems.push_back({dir.string(), 0, 0, "not a folder of rule files"});
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) problems.push_back({dir.string(), 0, 0, "no *.yaml rule files"});
  std::set<std::string> ids;
  int fallbacks = 0;
  Vocabularies vocabularies;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string name = path.filename().string();
    if (!in.good() && !in.eof()) {
      problems.push_back({name, 0, 0, "cannot read the file"});
      continue;
    }
    if (IsVocabularyFile(text.str())) {
      ParseVocabularyFile(name, text.str(), vocabularies, problems);
      continue;
    }
    DocTypeRule t = ParseRuleFile(name, text.str(), problems);
    if (!t.id.empty() && !ids.insert(t.id).second) {
      problems.push_back({name, 1, 0, "document type '" + t.id + "' is defined in another file too"});
    }
    if (t.classify.archive_fallback) ++fallbacks;
    set.types.push_back(std::move(t));
  }
  if (fallbacks > 1) problems.push_back({dir.string(), 0, 0, "more than one type has archive_fallback: true"});
  for (DocTypeRule& t : set.types) ResolveVocabularies(vocabularies, t, problems);
}

}  // namespace

Result<RuleSet> LoadRuleSet(const std::filesystem::path& dir) {
  RuleSet set;
  std::vector<RuleProblem> problems;
  LoadInto(dir, set, problems);
  if (!problems.empty()) {
    std::string message = std::to_string(problems.size()) + " problem(s) in rules " + dir.string() +
                          " (run `scanstraat rules check`):";
    for (const auto& p : problems) message += "\n  " + p.ToString();
    return Status::InvalidArgument(message);
  }
  return set;
}

std::vector<RuleProblem> CheckRuleSet(const std::filesystem::path& dir) {
  RuleSet set;
  std::vector<RuleProblem> problems;
  LoadInto(dir, set, problems);
  return problems;
}

}  // namespace scanstraat
