#include "pipeline/ingest/two_tone_content.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <vector>

#include "pipeline/image/two_tone.h"

namespace scanstraat {
namespace {

// Poppler's arithmetic for a device colour drawn in 8-bit grey (GfxState.h,
// GfxState.cc): each operand to a 16.16 fixed-point component (truncated),
// RGB and CMYK weighted to one grey component (rounded), that to a byte
// (rounded). Computed as Poppler does, the level is the one its drawing
// without anti-aliasing has, so a colour passes exactly when image/two_tone.h
// counts it as not mid-grey (tests/ingest sweeps every level).
constexpr int kOne = 0x10000;
int Component(double v) { return static_cast<int>(v * kOne); }
int Clip(int c) { return std::clamp(c, 0, kOne); }
unsigned Byte(int c) { return static_cast<unsigned>(((c << 8) - c + 0x8000) >> 16); }

unsigned GreyLevel(int n, const double* v) {
  const int c0 = Component(v[0]);
  if (n == 1) return Byte(Clip(c0));
  const int c1 = Component(v[1]), c2 = Component(v[2]);
  if (n == 3) return Byte(Clip(static_cast<int>(0.3 * c0 + 0.59 * c1 + 0.11 * c2 + 0.5)));
  return Byte(Clip(static_cast<int>(kOne - Component(v[3]) - 0.3 * c0 - 0.59 * c1 - 0.11 * c2 + 0.5)));
}

struct Operand {
  enum Kind { kNumber, kName, kOther } kind = kOther;
  double number = 0;
  std::string_view name;  // with its slash
};

// A colour of `n` components from `ops`; false when they are not `n`
// numbers, lie outside 0..1 (left to the drawing to judge) or make mid-grey.
bool PlainColour(const std::vector<Operand>& ops, int n) {
  if (n <= 0 || static_cast<int>(ops.size()) != n) return false;
  double v[4] = {0, 0, 0, 0};
  for (int i = 0; i < n; ++i) {
    const Operand& o = ops[static_cast<size_t>(i)];
    if (o.kind != Operand::kNumber || !(o.number >= 0 && o.number <= 1)) return false;
    v[i] = o.number;
  }
  const unsigned level = GreyLevel(n, v);
  return level < kMidGreyLow || level >= kMidGreyHigh;
}

// Components of a device colour space named by cs/CS; 0 for any other.
int SpaceComponents(const std::vector<Operand>& ops) {
  if (ops.size() != 1 || ops[0].kind != Operand::kName) return 0;
  const std::string_view name = ops[0].name;
  return name == "/DeviceGray" ? 1 : name == "/DeviceRGB" ? 3 : name == "/DeviceCMYK" ? 4 : 0;
}

// Follows the operators of a content stream; `plain` turns false at the
// first one that could draw anything but black and white.
class TwoToneOperators {
 public:
  bool Apply(std::string_view op, const std::vector<Operand>& ops) {
    // graphics state (not gs), paths, clipping, text, marked content
    static constexpr std::string_view kHarmless[] = {
        "q", "Q", "cm", "w", "J", "j", "M", "d", "ri", "i", "m", "l", "c", "v", "y", "h", "re",
        "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "W", "W*", "BT", "ET", "Tc", "Tw",
        "Tz", "TL", "Tf", "Tr", "Ts", "Td", "TD", "Tm", "T*", "Tj", "TJ", "'", "\"", "BMC", "BDC",
        "EMC", "MP", "DP", "BX", "EX"};
    if (op == "g" || op == "G") return PlainColour(ops, 1);
    if (op == "rg" || op == "RG") return PlainColour(ops, 3);
    if (op == "k" || op == "K") return PlainColour(ops, 4);
    if (op == "cs") return (fill_components_ = SpaceComponents(ops)) > 0;
    if (op == "CS") return (stroke_components_ = SpaceComponents(ops)) > 0;
    if (op == "sc" || op == "scn") return PlainColour(ops, fill_components_);
    if (op == "SC" || op == "SCN") return PlainColour(ops, stroke_components_);
    return std::find(std::begin(kHarmless), std::end(kHarmless), op) != std::end(kHarmless);
  }

 private:
  int fill_components_ = 1, stroke_components_ = 1;  // DeviceGray until set
};

bool IsWhite(char c) { return c == '\0' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }
bool IsDelimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == '/' || c == '%';
}

// A PDF number: optional sign, digits with at most one point.
bool ParseNumber(std::string_view token, double& out) {
  if (!token.empty() && (token[0] == '+' || token[0] == '-')) {
    if (!ParseNumber(token.substr(1), out) || (token.size() > 1 && (token[1] == '+' || token[1] == '-')))
      return false;
    if (token[0] == '-') out = -out;
    return true;
  }
  if (token.empty() || std::count(token.begin(), token.end(), '.') > 1) return false;
  if (!std::all_of(token.begin(), token.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }))
    return false;
  if (token == ".") return false;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), out, std::chars_format::fixed);
  return ec == std::errc() && end == token.data() + token.size();
}

}  // namespace

bool ContentDrawsInTwoTones(std::string_view s) {
  TwoToneOperators operators;
  std::vector<Operand> ops;
  int depth = 0;  // inside arrays and dictionaries: one operand in all
  const size_t n = s.size();
  size_t i = 0;
  auto push_other = [&] {
    if (depth == 0) ops.push_back({});
  };
  while (i < n) {
    const char c = s[i];
    if (IsWhite(c)) {
      ++i;
    } else if (c == '%') {  // comment to the end of the line
      while (i < n && s[i] != '\n' && s[i] != '\r') ++i;
    } else if (c == '(') {  // string: balanced parentheses, backslash escapes
      int nest = 0;
      for (; i < n; ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '(') ++nest;
        else if (s[i] == ')' && --nest == 0) break;
      }
      if (i >= n) return false;
      ++i;
      push_other();
    } else if (c == '<' && i + 1 < n && s[i + 1] == '<') {
      ++depth;
      i += 2;
    } else if (c == '>' && i + 1 < n && s[i + 1] == '>') {
      if (depth == 0) return false;
      --depth;
      i += 2;
      push_other();
    } else if (c == '<') {  // hex string
      const size_t end = s.find('>', i);
      if (end == std::string_view::npos) return false;
      i = end + 1;
      push_other();
    } else if (c == '[') {
      ++depth;
      ++i;
    } else if (c == ']') {
      if (depth == 0) return false;
      --depth;
      ++i;
      push_other();
    } else if (c == ')' || c == '>' || c == '{' || c == '}') {
      return false;  // not in a well-formed page content stream
    } else {  // a name, a number or a keyword
      const size_t start = i;
      if (c == '/') ++i;
      while (i < n && !IsWhite(s[i]) && !IsDelimiter(s[i])) ++i;
      const std::string_view token = s.substr(start, i - start);
      if (depth > 0) continue;
      Operand o;
      if (c == '/') {
        o.kind = Operand::kName;
        o.name = token;
        ops.push_back(o);
      } else if (ParseNumber(token, o.number)) {
        o.kind = Operand::kNumber;
        ops.push_back(o);
      } else if (token == "true" || token == "false" || token == "null") {
        ops.push_back(o);
      } else {
        if (!operators.Apply(token, ops)) return false;  // BI, Do, sh, gs, ... end it
        ops.clear();
      }
    }
  }
  return depth == 0 && ops.empty();
}

}  // namespace scanstraat
