// Parsing of the `fields:` and `classify:` parts of a rule file.
#include <re2/re2.h>

#include "pipeline/extract/fuzzy_match.h"
#include "pipeline/extract/rule_parse.h"
#include "pipeline/validate/field_type.h"

namespace scanstraat {

std::shared_ptr<const re2::RE2> CompilePattern(YamlReader& r, const YAML::Node& at,
                                               const std::string& pattern) {
  re2::RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto re = std::make_shared<const re2::RE2>(pattern, options);
  if (!re->ok()) {
    r.Problem(at, "pattern does not compile: " + re->error());
    return nullptr;
  }
  return re;
}

std::vector<Position> ParsePositions(YamlReader& r, const YAML::Node& node) {
  std::vector<Position> out;
  std::vector<YAML::Node> items;
  if (node.IsScalar()) {
    items.push_back(node);
  } else if (node.IsSequence()) {
    for (const auto& n : node) items.push_back(n);
  }
  for (const auto& n : items) {
    const std::string s = n.IsScalar() ? n.Scalar() : "";
    if (s == "right") out.push_back(Position::kRight);
    else if (s == "below") out.push_back(Position::kBelow);
    else if (s == "same_cell") out.push_back(Position::kSameCell);
    else if (s == "next_line") out.push_back(Position::kNextLine);
    else if (s == "after") out.push_back(Position::kAfter);
    else r.Problem(n, "unknown position '" + s + "' (expected right, below, same_cell, next_line or after)");
  }
  return out;
}

namespace {

void ParseInk(YamlReader& r, const YAML::Node& node, InkRule& ink) {
  r.CheckKeys(node, {"side", "size", "gap", "threshold", "margin", "second"}, "ink");
  if (auto side = r.String(node, "side")) {
    if (*side == "left" || *side == "right") {
      ink.left = *side == "left";
    } else {
      r.Problem(node["side"], "ink side must be left or right");
    }
  }
  ink.size = r.Double(node, "size").value_or(ink.size);
  ink.gap = r.Double(node, "gap").value_or(ink.gap);
  ink.threshold = r.Double(node, "threshold").value_or(ink.threshold);
  ink.margin = r.Double(node, "margin").value_or(ink.margin);
  ink.second = r.Double(node, "second").value_or(ink.second);
}

void ParseOptions(YamlReader& r, const YAML::Node& node, FieldRule& f) {
  if (!node.IsMap()) {
    r.Problem(node, "options must map each option key to its label(s)");
    return;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    ChoiceOption o;
    o.key = it->first.Scalar();
    if (it->second.IsScalar()) {
      o.labels.push_back(it->second.Scalar());
    } else if (it->second.IsSequence()) {
      // Hold the node: iterating it->second directly loops over a temporary
      // of yaml-cpp's iterator that is gone by then (ASan: stack-use-after-scope).
      const YAML::Node labels = it->second;
      for (const auto& l : labels) o.labels.push_back(l.Scalar());
    } else {
      r.Problem(it->second, "option '" + o.key + "' needs a label or a list of labels");
    }
    for (const auto& l : o.labels) o.label_keys.push_back(MatchKey(l));
    f.options.push_back(std::move(o));
  }
}

// `combined:` a list of {labels, pattern}: labels of a value of several
// parts, and the pattern that takes the field's part out of that value.
void ParseCombined(YamlReader& r, const YAML::Node& node, FieldRule& f) {
  if (!node.IsSequence()) {
    r.Problem(node, "combined must be a list of {labels: [...], pattern: '...(?P<value>...)...'}");
    return;
  }
  for (const auto& item : node) {
    CombinedLabel c;
    c.line = YamlReader::Line(item);
    if (!item.IsMap()) {
      r.Problem(item, "a combined entry is {labels: [...], pattern: '...(?P<value>...)...'}");
      continue;
    }
    r.CheckKeys(item, {"labels", "pattern"}, "combined");
    c.labels = r.Strings(item, "labels");
    if (c.labels.empty()) r.Problem(item, "combined entry needs labels (e.g. Postcode en woonplaats)");
    for (const auto& l : c.labels) {
      c.label_keys.push_back(MatchKey(l));
      if (c.label_keys.back().empty()) r.Problem(item, "combined label '" + l + "' has no letters or digits");
    }
    if (auto p = r.String(item, "pattern", true)) {
      c.pattern = *p;
      c.re = CompilePattern(r, item["pattern"], *p);
      if (c.re && c.re->NumberOfCapturingGroups() < 1) {
        r.Problem(item["pattern"], "combined pattern needs a group around the field's part, e.g. (?P<value>…)");
      }
    }
    f.combined.push_back(std::move(c));
  }
}

}  // namespace

FieldRule ParseField(YamlReader& r, const YAML::Node& node, const FieldDefaults& defaults) {
  FieldRule f;
  f.line = YamlReader::Line(node);
  if (!node.IsMap()) {
    r.Problem(node, "a field must be a map with at least name and type");
    return f;
  }
  r.CheckKeys(node, {"name", "type", "required", "mask", "repeat", "review", "min_confidence",
                     "label_similarity", "labels", "position", "pattern", "context", "max_words",
                     "not_in_future", "range", "options", "ink", "description", "pick", "section",
                     "skip_section", "vocabulary", "combined"},
              "field");
  f.name = r.String(node, "name", true).value_or("");
  f.type = r.String(node, "type", true).value_or("");
  if (!f.type.empty() && !IsKnownFieldType(f.type)) {
    std::string known;
    for (const auto& t : KnownFieldTypes()) known += (known.empty() ? "" : ", ") + t;
    r.Problem(node["type"], "unknown type '" + f.type + "' for field '" + f.name + "' (known: " + known + ")");
  }
  f.required = r.Bool(node, "required").value_or(false);
  f.mask = r.Bool(node, "mask").value_or(false);
  f.repeat = r.Bool(node, "repeat").value_or(false);
  f.not_in_future = r.Bool(node, "not_in_future").value_or(false);
  if (auto review = r.String(node, "review")) {
    if (*review != "double" && *review != "single") {
      r.Problem(node["review"], "review must be single or double");
    }
    f.review = *review;
  }
  f.min_confidence = r.Double(node, "min_confidence").value_or(defaults.min_confidence);
  f.label_similarity = r.Double(node, "label_similarity").value_or(defaults.label_similarity);
  for (double v : {f.min_confidence, f.label_similarity}) {
    if (v < 0 || v > 1) r.Problem(node, "min_confidence and label_similarity must lie in 0..1");
  }
  f.labels = r.Strings(node, "labels");
  for (const auto& l : f.labels) f.label_keys.push_back(MatchKey(l));
  f.positions = node["position"] ? ParsePositions(r, node["position"]) : defaults.positions;
  f.max_words = r.Int(node, "max_words").value_or(f.max_words);
  if (auto pick = r.String(node, "pick")) {
    if (*pick != "first" && *pick != "best") r.Problem(node["pick"], "pick must be first or best");
    f.pick_first = *pick == "first";
  }
  f.section = r.Strings(node, "section");
  for (const auto& s : f.section) f.section_keys.push_back(MatchKey(s));
  if (auto vocabulary = r.String(node, "vocabulary")) {
    f.vocabulary_name = *vocabulary;
    f.vocabulary_line = YamlReader::Line(node["vocabulary"]);
    if (f.type != "text" && f.type != "name") r.Problem(node["vocabulary"], "vocabulary is for text and name fields");
  }
  f.skip_section = r.Strings(node, "skip_section");
  for (const auto& s : f.skip_section) f.skip_section_keys.push_back(MatchKey(s));
  if (auto p = r.String(node, "pattern")) {
    f.pattern = *p;
    f.value_re = CompilePattern(r, node["pattern"], *p);
  } else if (!DefaultValuePattern(f.type).empty()) {
    f.value_re = CompilePattern(r, node, std::string(DefaultValuePattern(f.type)));
  }
  if (const YAML::Node ctx = node["context"]) {
    std::vector<YAML::Node> items;
    if (ctx.IsSequence()) {
      for (const auto& c : ctx) items.push_back(c);
    } else {
      items.push_back(ctx);
    }
    for (const auto& c : items) {
      ContextPattern cp{c.IsScalar() ? c.Scalar() : "", nullptr, YamlReader::Line(c)};
      cp.re = CompilePattern(r, c, cp.source);
      if (cp.re && cp.re->NumberOfCapturingGroups() < 1) {
        r.Problem(c, "context pattern needs a group around the value, e.g. (?P<value>…)");
      }
      f.context.push_back(std::move(cp));
    }
  }
  if (const YAML::Node range = node["range"]) {
    if (range.IsSequence() && range.size() == 2) {
      try {
        f.range_min = range[0].as<double>();
        f.range_max = range[1].as<double>();
        f.has_range = true;
      } catch (const YAML::Exception&) {
        r.Problem(range, "range must be [min, max] with numbers");
      }
    } else {
      r.Problem(range, "range must be [min, max]");
    }
  }
  if (node["combined"]) {
    if (IsInkFieldType(f.type)) r.Problem(node["combined"], "combined labels are for fields with a written value");
    ParseCombined(r, node["combined"], f);
  }
  if (node["options"]) ParseOptions(r, node["options"], f);
  if (node["ink"]) ParseInk(r, node["ink"], f.ink);
  if (f.type == "choice" && f.options.size() < 2) {
    r.Problem(node, "choice field '" + f.name + "' needs at least two options");
  }
  if (f.type == "checkbox" && f.options.empty() && f.labels.empty()) {
    r.Problem(node, "checkbox field '" + f.name + "' needs labels (the text beside the box)");
  }
  if (!IsInkFieldType(f.type) && f.labels.empty() && f.context.empty() && f.combined.empty()) {
    r.Problem(node, "field '" + f.name + "' needs labels or context patterns to be found");
  }
  return f;
}

ClassifyRule ParseClassify(YamlReader& r, const YAML::Node& node) {
  ClassifyRule c;
  if (!node.IsMap()) {
    r.Problem(node, "classify must be a map");
    return c;
  }
  r.CheckKeys(node, {"must", "may", "must_not", "priority", "threshold", "similarity", "archive_fallback"},
              "classify");
  c.priority = r.Int(node, "priority").value_or(0);
  c.threshold = r.Double(node, "threshold").value_or(c.threshold);
  c.similarity = r.Double(node, "similarity").value_or(c.similarity);
  c.archive_fallback = r.Bool(node, "archive_fallback").value_or(false);
  auto phrases = [&](const char* key, std::vector<Phrase>& out) {
    const YAML::Node list = node[key];
    if (!list) return;
    if (!list.IsSequence()) {
      r.Problem(list, std::string(key) + " must be a list of phrases");
      return;
    }
    for (const auto& item : list) {
      Phrase p;
      p.line = YamlReader::Line(item);
      std::vector<std::string> alternatives;
      if (item.IsScalar()) {
        alternatives.push_back(item.Scalar());
      } else if (item.IsMap()) {
        r.CheckKeys(item, {"phrase", "weight"}, "phrase");
        alternatives = r.Strings(item, "phrase");
        if (alternatives.empty()) r.Problem(item, "missing required key 'phrase'");
        p.weight = r.Double(item, "weight").value_or(1.0);
        if (p.weight <= 0) r.Problem(item, "weight must be above 0");
      } else {
        r.Problem(item, "a phrase is a text or {phrase: … or [alternatives…], weight: …}");
        continue;
      }
      for (const std::string& a : alternatives) {
        p.text += (p.text.empty() ? "" : " | ") + a;
        p.keys.push_back(MatchKey(a));
        if (p.keys.back().empty()) r.Problem(item, "phrase '" + a + "' has no letters or digits");
      }
      out.push_back(std::move(p));
    }
  };
  phrases("must", c.must);
  phrases("may", c.may);
  phrases("must_not", c.must_not);
  if (c.threshold < 0 || c.threshold > 1) r.Problem(node, "threshold must lie in 0..1");
  if (c.must.empty() && c.may.empty() && !c.archive_fallback) {
    r.Problem(node, "classify needs must or may phrases (or archive_fallback: true)");
  }
  return c;
}

}  // namespace scanstraat
