#include "pipeline/run/sample_score.h"

#include <algorithm>
#include <cstdio>

namespace scanstraat {
namespace {

std::string Str(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::vector<std::string> Strings(const nlohmann::json& j) {
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& v : j)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

// `pattern` is a reason, or a prefix ending in '*' ("check_failed:*").
bool ReasonMatches(const std::string& pattern, const std::string& reason) {
  if (!pattern.empty() && pattern.back() == '*')
    return reason.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return pattern == reason;
}

std::string Percent(int part, int whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", whole > 0 ? 100.0 * part / whole : 0.0);
  return buf;
}

double Share(int part, int whole) { return whole > 0 ? static_cast<double>(part) / whole : 0.0; }

}  // namespace

std::string ValueText(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_array()) {
    std::vector<std::string> items;
    for (const auto& v : value) items.push_back(ValueText(v));
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ", ") + i;
    return s;
  }
  return value.dump();
}

CaseScore ScoreCase(const std::string& name, const nlohmann::json& expected, const nlohmann::json& result,
                    const std::set<std::string>& masked) {
  CaseScore s;
  s.name = name;
  s.expected_type = Str(expected, "doctype");
  s.expected_route = Str(expected, "route");
  s.fault = s.expected_route == "review";
  const nlohmann::json empty = nlohmann::json::object();
  const nlohmann::json& doctype = result.contains("doctype") ? result["doctype"] : empty;
  const nlohmann::json& route = result.contains("route") ? result["route"] : empty;
  const nlohmann::json& fields = result.contains("fields") ? result["fields"] : empty;
  s.actual_type = Str(doctype, "id");
  s.type_right = !s.expected_type.empty() && s.actual_type == s.expected_type;
  s.actual_route = Str(route, "decision");
  s.route_right = s.actual_route == s.expected_route;
  s.actual_reasons = Strings(route.is_object() && route.contains("reasons") ? route["reasons"] : nlohmann::json());

  const nlohmann::json accept = expected.contains("accept_reasons") ? expected["accept_reasons"] : empty;
  for (const std::string& want : Strings(expected.contains("reasons") ? expected["reasons"] : nlohmann::json())) {
    std::vector<std::string> ok = {want};
    if (accept.is_object() && accept.contains(want))
      for (const std::string& alt : Strings(accept[want])) ok.push_back(alt);
    bool given = std::any_of(s.actual_reasons.begin(), s.actual_reasons.end(), [&](const std::string& r) {
      return std::any_of(ok.begin(), ok.end(), [&](const std::string& p) { return ReasonMatches(p, r); });
    });
    if (!given) s.missing_reasons.push_back(want);
  }
  s.reasons_right = s.missing_reasons.empty();

  const bool archived = s.actual_route == "archive";
  if (expected.contains("fields") && expected["fields"].is_object()) {
    for (const auto& [field, want] : expected["fields"].items()) {
      FieldDiff d;
      d.name = field;
      d.mask = masked.count(field) > 0;
      d.expected = ValueText(want);
      if (s.type_right && fields.is_object() && fields.contains(field)) {
        const nlohmann::json& got = fields[field];
        if (got.is_object()) {
          d.actual = ValueText(got.value("value", nlohmann::json()));
          d.confidence = got.value("confidence", 0.0);
        }
      }
      if (d.expected == d.actual) d.kind = FieldDiff::Kind::kRight;
      else if (d.actual.empty()) d.kind = FieldDiff::Kind::kMissing;
      else d.kind = FieldDiff::Kind::kWrong;
      switch (d.kind) {
        case FieldDiff::Kind::kRight: ++s.fields_right; break;
        case FieldDiff::Kind::kWrong: ++s.fields_wrong; break;
        case FieldDiff::Kind::kMissing: ++s.fields_missing; break;
      }
      if (!d.actual.empty()) s.calibration.push_back({d.confidence, d.kind == FieldDiff::Kind::kRight});
      if (archived && (!d.expected.empty() || !d.actual.empty())) {
        ++s.archived_values;
        if (d.kind != FieldDiff::Kind::kRight) ++s.archived_wrong;
      }
      s.fields.push_back(std::move(d));
    }
  }
  return s;
}

std::vector<std::string> Regressions(const CaseScore& s) {
  std::vector<std::string> out;
  if (!s.error.empty()) out.push_back("could not be scored: " + s.error);
  if (!s.type_right)
    out.push_back("type " + (s.actual_type.empty() ? std::string("none") : s.actual_type) + ", expected " +
                  s.expected_type);
  if (s.archived_wrong > 0) out.push_back(std::to_string(s.archived_wrong) + " wrong value(s) archived unseen");
  if (s.fault && s.actual_route != "review") out.push_back("planted fault not routed to review");
  return out;
}

nlohmann::json BaselineEntry(const CaseScore& s) {
  return {{"type_right", s.type_right},       {"route_right", s.route_right},
          {"reasons_right", s.reasons_right}, {"fields_right", s.fields_right},
          {"archived_wrong", s.archived_wrong}};
}

std::vector<std::string> WorseThan(const CaseScore& now, const nlohmann::json& b) {
  std::vector<std::string> out;
  if (!b.is_object()) return out;
  auto was_true = [&](const char* key) { return b.value(key, false); };
  if (was_true("type_right") && !now.type_right) out.push_back("type was right in the baseline");
  if (was_true("route_right") && !now.route_right) out.push_back("route was right in the baseline");
  if (was_true("reasons_right") && !now.reasons_right) out.push_back("expected reasons were given in the baseline");
  int fields = b.value("fields_right", 0);
  if (now.fields_right < fields)
    out.push_back(std::to_string(now.fields_right) + " fields right, baseline " + std::to_string(fields));
  int wrong = b.value("archived_wrong", 0);
  if (now.archived_wrong > wrong)
    out.push_back(std::to_string(now.archived_wrong) + " wrong values archived, baseline " + std::to_string(wrong));
  return out;
}

void Totals::Add(const CaseScore& s) {
  ++documents;
  if (!s.error.empty()) ++errors;
  type_right += s.type_right;
  fields_right += s.fields_right;
  fields_wrong += s.fields_wrong;
  fields_missing += s.fields_missing;
  route_right += s.route_right;
  if (s.fault) {
    ++faults;
    faults_to_review += s.actual_route == "review";
    faults_reason_right += s.actual_route == "review" && s.reasons_right;
  } else {
    ++clean;
    clean_archived += s.actual_route == "archive";
  }
  archived_values += s.archived_values;
  archived_wrong += s.archived_wrong;
  calibration.insert(calibration.end(), s.calibration.begin(), s.calibration.end());
}

double Totals::TypeAccuracy() const { return Share(type_right, documents); }
double Totals::SilentErrorRate() const { return Share(archived_wrong, archived_values); }
double Totals::FaultsToReview() const { return Share(faults_to_review, faults); }
double Totals::CleanArchived() const { return Share(clean_archived, clean); }

std::string FormatTotals(const Totals& t) {
  auto n = [](int v) { return std::to_string(v); };
  std::string out;
  out += "documents        " + n(t.documents) + (t.errors ? " (" + n(t.errors) + " could not be scored)" : "") + "\n";
  out += "type right       " + n(t.type_right) + "/" + n(t.documents) + "\n";
  out += "fields           " + n(t.fields_right + t.fields_wrong + t.fields_missing) + ": " + n(t.fields_right) +
         " right, " + n(t.fields_wrong) + " wrong, " + n(t.fields_missing) + " missing\n";
  out += "route right      " + n(t.route_right) + "/" + n(t.documents) + "\n";
  out += "\n";
  out += "type accuracy                 " + Percent(t.type_right, t.documents) + "  (" + n(t.type_right) + "/" +
         n(t.documents) + ")\n";
  out += "silent error rate (archived)  " + Percent(t.archived_wrong, t.archived_values) + "  (" +
         n(t.archived_wrong) + " wrong of " + n(t.archived_values) + " values archived)\n";
  out += "faults routed to review       " + Percent(t.faults_to_review, t.faults) + "  (" + n(t.faults_to_review) +
         "/" + n(t.faults) + "; " + n(t.faults_reason_right) + " with the expected reason)\n";
  out += "clean documents archived      " + Percent(t.clean_archived, t.clean) + "  (" + n(t.clean_archived) + "/" +
         n(t.clean) + ")\n";
  return out;
}

}  // namespace scanstraat
