#include "pipeline/validate/text_util.h"

#include <cstdio>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace scanstraat {
namespace {

// Decodes one UTF-8 code point at s[i]; advances i. Invalid bytes come back
// as themselves (so nothing is lost).
char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 1;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      len = 1;
      cp = b0;
      break;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Latin-1 supplement and Latin Extended-A letters folded to ASCII.
std::string_view FoldLatin(char32_t cp) {
  static constexpr std::array<std::string_view, 64> kLatin1 = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y"};
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp == 0x132 || cp == 0x133) return "ij";
  if (cp == 0x152 || cp == 0x153) return "oe";
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A: pairs of upper/lower case with one base letter each.
    static constexpr std::string_view kBase =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkkllllllllllnnnnnnnnnoooooo..rrrrrrsssssssstttttt"
        "uuuuuuuuuuuuwwyyyzzzzzzs";
    const size_t k = cp - 0x100;
    if (k < kBase.size() && kBase[k] != '.') return kBase.substr(k, 1);
  }
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: return "-";
    case 0x00A0: case 0x2009: case 0x202F: return " ";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    default: return {};
  }
}

bool IsSpaceCodePoint(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x2009 || cp == 0x202F;
}

}  // namespace

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const char32_t cp = NextCodePoint(s, i);
    if (IsSpaceCodePoint(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string FoldForMatch(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char32_t cp = NextCodePoint(s, i);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
    } else if (const std::string_view folded = FoldLatin(cp); !folded.empty()) {
      out.append(folded);
    } else {
      AppendUtf8(cp, out);
    }
  }
  return out;
}

namespace {

// A lower bound of the edit distance in O(n + m): the letters of the longer
// string left over once each letter of the other is paired with an equal one
// (an edit pairs off at most one more letter of each).
int BagDistance(std::string_view longer, std::string_view shorter) {
  int count[256] = {};
  for (unsigned char c : longer) ++count[c];
  int paired = 0;
  for (unsigned char c : shorter) {
    if (count[c] > 0) {
      --count[c];
      ++paired;
    }
  }
  return static_cast<int>(longer.size()) - paired;
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b, int limit) {
  if (a.size() < b.size()) std::swap(a, b);  // b is the shorter: one row of it
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (n - m > limit) return limit + 1;
  // Most word runs that label matching tries share too few letters with the
  // label to come within the limit; this tells so before the table.
  if (limit < n && BagDistance(a, b) > limit) return limit + 1;
  limit = std::min(limit, n);  // no distance is larger: the band below then covers every cell
  const int over = limit + 1;  // stands for any distance past the limit
  // Label matching calls this for every word run against every label variant
  // (a third of a text-layer page's CPU time before), so short keys use rows
  // on the stack instead of two heap vectors per call.
  constexpr int kStackRow = 96;
  int stack_rows[2][kStackRow + 2];
  std::vector<int> heap_rows;
  int* prev = stack_rows[0];
  int* cur = stack_rows[1];
  if (m > kStackRow) {
    heap_rows.resize(2 * static_cast<size_t>(m + 2));
    prev = heap_rows.data();
    cur = prev + m + 2;
  }
  // Only cells within `limit` of the diagonal are computed (a path of at most
  // `limit` edits never leaves that band); the cell just past each end of a
  // row's band holds `over`, so the next row reads no stale value.
  for (int j = 0; j <= m + 1; ++j) prev[j] = j <= limit ? j : over;
  for (int i = 1; i <= n; ++i) {
    const int lo = std::max(1, i - limit), hi = std::min(m, i + limit);
    cur[lo - 1] = lo == 1 ? std::min(i, over) : over;
    int row_min = cur[lo - 1];
    const char ai = a[i - 1];
    for (int j = lo; j <= hi; ++j) {
      const int sub = prev[j - 1] + (ai == b[j - 1] ? 0 : 1);
      cur[j] = std::min({sub, prev[j] + 1, cur[j - 1] + 1, over});
      row_min = std::min(row_min, cur[j]);
    }
    cur[hi + 1] = over;
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

double Similarity(std::string_view a, std::string_view b) {
  const size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1.0;
  const int d = EditDistance(a, b);
  return 1.0 - static_cast<double>(d) / static_cast<double>(longest);
}

double SimilarityAtLeast(std::string_view a, std::string_view b, double floor) {
  const size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1.0;
  if (floor <= 0) return Similarity(a, b);
  // 1 - d/L >= floor  <=>  d <= (1 - floor) * L; the small epsilon keeps an
  // exact boundary (0.8 of 10 = 2 edits) on the passing side.
  const int limit = static_cast<int>((1.0 - floor) * static_cast<double>(longest) + 1e-9);
  const int d = EditDistance(a, b, limit);
  if (d > limit) return 0.0;
  return 1.0 - static_cast<double>(d) / static_cast<double>(longest);
}

std::string FormatScore(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace scanstraat
