// Cross-field checks: a small expression language that archivists write in
// the rule files, e.g.
//   datum_ondertekening >= geboortedatum
//   present(bsn) or present(kvk_nummer)
//   totaal_bedrag = subtotaal + btw_bedrag
//   datum_ondertekening <= today
// Operators: or, and, not, = (==), !=, <, <=, >, >=, +, -, parentheses;
// literals: numbers (1234.56), 'text', today; present(field).
//
// Logic is three-valued: a comparison with a field that was not found or is
// not valid is "unknown", and a check that comes out unknown is skipped, not
// failed (the missing/invalid field is reported on its own).
//
// Thread-safety: a parsed CheckExpr is immutable; Evaluate is const and
// thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scanstraat {

struct CheckValue {
  enum class Kind { kUnknown, kBool, kNumber, kDate, kText };
  Kind kind = Kind::kUnknown;
  bool boolean = false;
  double number = 0;   // amounts and integers
  std::string text;    // dates as YYYY-MM-DD, text as is

  static CheckValue Unknown() { return {}; }
  static CheckValue Bool(bool b) { return {Kind::kBool, b, 0, ""}; }
  static CheckValue Number(double n) { return {Kind::kNumber, false, n, ""}; }
  static CheckValue Date(std::string iso) { return {Kind::kDate, false, 0, std::move(iso)}; }
  static CheckValue Text(std::string t) { return {Kind::kText, false, 0, std::move(t)}; }
};

// What a check sees of one field.
struct CheckField {
  bool present = false;  // a value was found (valid or not)
  CheckValue value;      // Unknown when not found or not valid
};

class CheckExpr {
 public:
  struct Node;
  // Parses `text`. On failure returns null and sets `error` (with the column).
  [[nodiscard]] static std::shared_ptr<const CheckExpr> Parse(std::string_view text, std::string& error);
  ~CheckExpr();

  // Field names the expression mentions.
  [[nodiscard]] const std::vector<std::string>& Fields() const { return fields_; }

  // Evaluates with `lookup` giving each field and `today` as YYYY-MM-DD.
  // Returns true/false, or nullopt when the outcome is unknown.
  [[nodiscard]] std::optional<bool> Evaluate(const std::function<CheckField(std::string_view)>& lookup,
                                             const std::string& today) const;

 private:
  CheckExpr() = default;
  std::unique_ptr<Node> root_;
  std::vector<std::string> fields_;
};

}  // namespace scanstraat
