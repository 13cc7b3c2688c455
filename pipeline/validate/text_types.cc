#include "pipeline/validate/text_types.h"

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/validate/text_util.h"

namespace scanstraat {

namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Initials whose dots OCR lost: "PA." → "P.A.", "H.S.F" → "H.S.F.",
// "JA.G." → "J.A.G.". Dutch initials carry a dot after every letter; a word of
// two to six capitals and at least one single dot, and nothing else, is that.
std::string RepairInitialsWord(const std::string& word) {
  std::string letters;
  bool dot = false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (IsAsciiUpper(word[k])) {
      letters.push_back(word[k]);
    } else if (word[k] == '.' && k > 0 && word[k - 1] != '.') {
      dot = true;
    } else {
      return word;
    }
  }
  if (!dot || letters.size() < 2 || letters.size() > 6) return word;
  std::string fixed;
  for (char c : letters) fixed += std::string(1, c) + ".";
  return fixed;
}

std::string RepairInitials(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    out += (out.empty() ? "" : " ") + RepairInitialsWord(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

constexpr std::string_view kQuotes[] = {"\u201c", "\u201d", "\u201e", "\u2018", "\u2019", "\"", "'", "`"};
constexpr std::string_view kSpecks[] = {"|", "[", "]", "{", "}", "_", "~", "*", "\u2022", "\u00ab", "\u00bb",
                                        "\u00a6", "\u2014", "\u2013"};

bool HasAlnum(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](char c) {
    return IsAsciiAlpha(c) || IsAsciiDigit(c) || static_cast<unsigned char>(c) >= 0xC0;
  });
}

// "'s-Gravenhage", "'t Hart": an apostrophe that belongs to the word.
bool Genitive(const std::string& w, size_t at, size_t quote_len) {
  const size_t k = at + quote_len;
  return k < w.size() && (w[k] == 's' || w[k] == 't') && (k + 1 == w.size() || w[k + 1] == '-');
}

// Strips one quote or speck from the start (front) or end of `w`.
bool StripOne(std::string& w, bool front, bool quotes_only) {
  auto try_strip = [&](std::string_view s, bool quote) {
    if (w.size() < s.size()) return false;
    if (front ? w.compare(0, s.size(), s) != 0 : w.compare(w.size() - s.size(), s.size(), s) != 0) return false;
    if (front && quote && Genitive(w, 0, s.size())) return false;
    w.erase(front ? 0 : w.size() - s.size(), s.size());
    return true;
  };
  for (std::string_view q : kQuotes) {
    if (try_strip(q, true)) return true;
  }
  if (quotes_only) return false;
  for (std::string_view s : kSpecks) {
    if (try_strip(s, false)) return true;
  }
  return front && !w.empty() && (w[0] == '.' || w[0] == ',' || w[0] == ':' || w[0] == ';' || w[0] == '-') &&
         (w.erase(0, 1), true);
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Specks OCR adds around and inside a written value: a quote or bar before
// or after it ("“W. van der Berg", "| Bouwen …"), a quote glued to a word
// inside it ("Schildersbedrijf ‘de Groot"), a lone mark. Returns the text
// without them; `noisy` is set when something was taken out or when
// punctuation stands where none belongs ("Pieter. de Hoochstraat"): the
// reading is doubtful.
std::string CleanSpecks(const std::string& text, bool name, bool& noisy) {
  std::vector<std::string> words;
  for (size_t i = 0; i <= text.size();) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  const size_t before = words.size();
  std::erase_if(words, [](const std::string& w) { return !HasAlnum(w); });
  noisy = words.size() != before;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string& w = words[k];
    while (StripOne(w, true, k > 0)) noisy = true;
    while (StripOne(w, false, k + 1 < words.size())) noisy = true;
    // "Jansen." at the end of a name: a speck, not an abbreviation.
    if (name && k + 1 == words.size() && w.size() >= 3 && w.back() == '.' && IsLower(w[w.size() - 2]) &&
        IsLower(w[w.size() - 3])) {
      w.pop_back();
      noisy = true;
    }
    if (k + 1 < words.size() && w.size() >= 4 && (w.back() == '.' || w.back() == ',') && IsLower(w[w.size() - 2]) &&
        IsLower(w[w.size() - 3]) && !words[k + 1].empty() && IsLower(words[k + 1][0])) {
      noisy = true;
    }
    if (k + 1 == words.size() && w.size() >= 2) {
      // A comma never ends a value; a full stop after a word ("… 300 m2.")
      // may be a speck or may be written.
      if (w.back() == ',') {
        w.pop_back();
        noisy = true;
      } else if (w.back() == '.' && (IsLower(w[w.size() - 2]) || IsAsciiDigit(w[w.size() - 2])) &&
                 w.find('.') == w.size() - 1) {
        noisy = true;
      }
    }
    // "28C" or "28c": c, o, s, v, w, x and z look the same in both cases, and
    // a letter glued to a house number gives no other clue.
    if (w.size() >= 2 && IsAsciiDigit(w[w.size() - 2]) &&
        std::string_view("cosvwxzCOSVWXZ").find(w.back()) != std::string_view::npos) {
      noisy = true;
    }
  }
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

Validated NormaliseText(std::string_view raw) {
  bool noisy = false;
  std::string v = RepairInitials(CleanSpecks(CollapseSpaces(raw), false, noisy));
  // Curly apostrophes as in "’s-Gravenhage" become ASCII.
  for (size_t p; (p = v.find("\xE2\x80\x99")) != std::string::npos;) v.replace(p, 3, "'");
  for (size_t p; (p = v.find("\xE2\x80\x98")) != std::string::npos;) v.replace(p, 3, "'");
  if (v.empty()) return Invalid("", "empty");
  Validated out = Valid(v);
  out.repaired = noisy;
  return out;
}

Validated NormaliseName(std::string_view raw) {
  bool noisy = false;
  std::string v = RepairInitials(CleanSpecks(CollapseSpaces(raw), true, noisy));
  // Curly apostrophes as in "’t Hart" become ASCII.
  for (size_t p; (p = v.find("\xE2\x80\x99")) != std::string::npos;) v.replace(p, 3, "'");
  for (size_t p; (p = v.find("\xE2\x80\x98")) != std::string::npos;) v.replace(p, 3, "'");
  if (v.empty()) return Invalid("", "empty");
  bool has_letter = false;
  for (char c : v) {
    const auto u = static_cast<unsigned char>(c);
    if (IsAsciiAlpha(c) || u >= 0x80) {
      has_letter = true;
    } else if (c != ' ' && c != '-' && c != '\'' && c != '.') {
      return Invalid(v, "invalid_characters");
    }
  }
  if (!has_letter) return Invalid(v, "invalid_characters");
  Validated out = Valid(v);
  out.repaired = noisy;
  // A name is written with a capital ("de Wit", "El Amrani"): one in small
  // letters only is more likely a capital misread ("wit").
  out.unusual = std::none_of(v.begin(), v.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  });
  return out;
}

Validated NormalisePostcode(std::string_view raw) {
  const std::string compact = AsciiUpper(KeepIf(CollapseSpaces(raw), [](char c) { return c != ' '; }));
  if (compact.empty()) return Invalid("", "empty");
  const bool shape = compact.size() == 6 && compact[0] >= '1' && compact[0] <= '9' &&
                     IsAsciiDigit(compact[1]) && IsAsciiDigit(compact[2]) &&
                     IsAsciiDigit(compact[3]) && compact[4] >= 'A' && compact[4] <= 'Z' &&
                     compact[5] >= 'A' && compact[5] <= 'Z';
  if (!shape) return Invalid(compact, "invalid_format");
  const std::string letters = compact.substr(4);
  const std::string value = compact.substr(0, 4) + " " + letters;
  if (letters == "SA" || letters == "SD" || letters == "SS") return Invalid(value, "invalid_format");
  return Valid(value);
}

Validated NormaliseInteger(std::string_view raw) {
  std::string digits = KeepIf(CollapseSpaces(raw), [](char c) { return c != ' ' && c != '.'; });
  if (digits.empty()) return Invalid("", "empty");
  for (char c : digits) {
    if (!IsAsciiDigit(c)) return Invalid(digits, "invalid_characters");
  }
  while (digits.size() > 1 && digits.front() == '0') digits.erase(0, 1);
  return Valid(digits);
}

Validated NormalisePhone(std::string_view raw) {
  std::string s = KeepIf(CollapseSpaces(raw), [](char c) {
    return c != ' ' && c != '-' && c != '.' && c != '/';
  });
  if (s.empty()) return Invalid("", "empty");
  if (s.starts_with("+31")) {
    s = "0" + s.substr(3);
  } else if (s.starts_with("0031")) {
    s = "0" + s.substr(4);
  }
  // "+31 (0)6 …" → "0(0)6…": the (0) is the trunk prefix written twice.
  if (s.starts_with("0(0)")) s.erase(0, 1);
  s = KeepIf(s, [](char c) { return c != '(' && c != ')'; });
  for (char c : s) {
    if (!IsAsciiDigit(c)) return Invalid(s, "invalid_characters");
  }
  if (s.size() != 10 || s[0] != '0') return Invalid(s, "invalid_length");
  return Valid(s);
}

Validated NormaliseEmail(std::string_view raw) {
  // OCR often puts spaces around '@' and '.'.
  const std::string s = AsciiLower(KeepIf(CollapseSpaces(raw), [](char c) { return c != ' '; }));
  if (s.empty()) return Invalid("", "empty");
  const size_t at = s.find('@');
  if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) {
    return Invalid(s, "invalid_format");
  }
  for (char c : s.substr(0, at)) {
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && std::string_view("._%+-").find(c) == std::string_view::npos) {
      return Invalid(s, "invalid_characters");
    }
  }
  const std::string domain = s.substr(at + 1);
  const size_t last_dot = domain.rfind('.');
  if (last_dot == std::string::npos || last_dot == 0 || domain.size() - last_dot - 1 < 2 ||
      domain.find("..") != std::string::npos) {
    return Invalid(s, "invalid_format");
  }
  for (size_t i = 0; i < domain.size(); ++i) {
    const char c = domain[i];
    const bool tld = i > last_dot;
    if (tld ? !IsAsciiAlpha(c) : !(IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '-' || c == '.')) {
      return Invalid(s, "invalid_format");
    }
  }
  Validated v = Valid(s);
  // A capital I in an address is as often a misread l: in many fonts OCR
  // cannot tell them apart, and addresses are mostly written in lower case.
  // Lowering it to i is a guess, so the value counts as repaired (less sure).
  v.repaired = raw.find('I') != std::string_view::npos;
  return v;
}

Validated NormaliseCheckbox(std::string_view raw) {
  const std::string s = FoldForMatch(CollapseSpaces(raw));
  if (s.empty()) return Invalid("", "empty");
  for (std::string_view t : {"true", "ja", "x", "[x]", "1", "yes", "\xE2\x98\x92", "\xE2\x98\x91"}) {
    if (s == t) return Valid("true");
  }
  for (std::string_view f : {"false", "nee", "[ ]", "[]", "0", "no", "\xE2\x98\x90"}) {
    if (s == f) return Valid("false");
  }
  return Invalid(s, "invalid_format");
}

Validated NormaliseChoice(std::string_view raw) {
  const std::string s = AsciiLower(CollapseSpaces(raw));
  if (s.empty()) return Invalid("", "empty");
  return Valid(s);
}

}  // namespace scanstraat
