#include "pipeline/image/g4_encode.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace scanstraat {
namespace {

// ---- The code tables of ITU-T T.4 (section 4.1), as written there ----------

// Terminating codes for runs of 0..63 pixels.
constexpr std::string_view kWhiteTerminating[64] = {
    "00110101", "000111",   "0111",     "1000",     "1011",     "1100",     "1110",     "1111",
    "10011",    "10100",    "00111",    "01000",    "001000",   "000011",   "110100",   "110101",
    "101010",   "101011",   "0100111",  "0001100",  "0001000",  "0010111",  "0000011",  "0000100",
    "0101000",  "0101011",  "0010011",  "0100100",  "0011000",  "00000010", "00000011", "00011010",
    "00011011", "00010010", "00010011", "00010100", "00010101", "00010110", "00010111", "00101000",
    "00101001", "00101010", "00101011", "00101100", "00101101", "00000100", "00000101", "00001010",
    "00001011", "01010010", "01010011", "01010100", "01010101", "00100100", "00100101", "01011000",
    "01011001", "01011010", "01011011", "01001010", "01001011", "00110010", "00110011", "00110100"};
constexpr std::string_view kBlackTerminating[64] = {
    "0000110111",   "010",          "11",           "10",           "011",          "0011",
    "0010",         "00011",        "000101",       "000100",       "0000100",      "0000101",
    "0000111",      "00000100",     "00000111",     "000011000",    "0000010111",   "0000011000",
    "0000001000",   "00001100111",  "00001101000",  "00001101100",  "00000110111",  "00000101000",
    "00000010111",  "00000011000",  "000011001010", "000011001011", "000011001100", "000011001101",
    "000001101000", "000001101001", "000001101010", "000001101011", "000011010010", "000011010011",
    "000011010100", "000011010101", "000011010110", "000011010111", "000001101100", "000001101101",
    "000011011010", "000011011011", "000001010100", "000001010101", "000001010110", "000001010111",
    "000001100100", "000001100101", "000001010010", "000001010011", "000000100100", "000000110111",
    "000000111000", "000000100111", "000000101000", "000001011000", "000001011001", "000000101011",
    "000000101100", "000001011010", "000001100110", "000001100111"};
// Make-up codes for runs of 64, 128, .. 1728 pixels.
constexpr std::string_view kWhiteMakeUp[27] = {
    "11011",     "10010",     "010111",    "0110111",   "00110110",  "00110111",  "01100100",
    "01100101",  "01101000",  "01100111",  "011001100", "011001101", "011010010", "011010011",
    "011010100", "011010101", "011010110", "011010111", "011011000", "011011001", "011011010",
    "011011011", "010011000", "010011001", "010011010", "011000",    "010011011"};
constexpr std::string_view kBlackMakeUp[27] = {
    "0000001111",    "000011001000",  "000011001001",  "000001011011",  "000000110011",  "000000110100",
    "000000110101",  "0000001101100", "0000001101101", "0000001001010", "0000001001011", "0000001001100",
    "0000001001101", "0000001110010", "0000001110011", "0000001110100", "0000001110101", "0000001110110",
    "0000001110111", "0000001010010", "0000001010011", "0000001010100", "0000001010101", "0000001011010",
    "0000001011011", "0000001100100", "0000001100101"};
// Make-up codes for runs of 1792, 1856, .. 2560 pixels, the same for both colours.
constexpr std::string_view kExtendedMakeUp[13] = {
    "00000001000",  "00000001100",  "00000001101",  "000000010010", "000000010011",
    "000000010100", "000000010101", "000000010110", "000000010111", "000000011100",
    "000000011101", "000000011110", "000000011111"};

// T.6 table 1: the two-dimensional mode codes.
constexpr std::string_view kPass = "0001", kHorizontal = "001";
// Vertical mode, indexed by a1 - b1 + 3: VL3 .. VL1, V0, VR1 .. VR3.
constexpr std::string_view kVertical[7] = {"0000010", "000010", "010", "1", "011", "000011", "0000011"};
constexpr std::string_view kEol = "000000000001";

struct Code {
  uint16_t bits = 0;  // right-aligned
  uint8_t length = 0;
};

constexpr Code ToCode(std::string_view s) {
  Code c;
  for (char ch : s) c.bits = uint16_t(c.bits << 1 | (ch == '1'));
  c.length = uint8_t(s.size());
  return c;
}

constexpr int kMaxMakeUp = 2560;  // the longest run one make-up code stands for

// The codes of one colour: terminating codes for 0..63 at [0, 64), make-up
// codes for 64 * m at [63 + m].
using RunCodes = std::array<Code, 64 + kMaxMakeUp / 64>;

constexpr RunCodes MakeRunCodes(const std::string_view (&terminating)[64],
                                const std::string_view (&make_up)[27]) {
  RunCodes t{};
  for (int i = 0; i < 64; ++i) t[i] = ToCode(terminating[i]);
  for (int i = 0; i < 27; ++i) t[64 + i] = ToCode(make_up[i]);
  for (int i = 0; i < 13; ++i) t[64 + 27 + i] = ToCode(kExtendedMakeUp[i]);
  return t;
}

constexpr RunCodes kWhiteCodes = MakeRunCodes(kWhiteTerminating, kWhiteMakeUp);
constexpr RunCodes kBlackCodes = MakeRunCodes(kBlackTerminating, kBlackMakeUp);
constexpr Code kPassCode = ToCode(kPass), kHorizontalCode = ToCode(kHorizontal), kEolCode = ToCode(kEol);
constexpr std::array<Code, 7> kVerticalCodes = {
    ToCode(kVertical[0]), ToCode(kVertical[1]), ToCode(kVertical[2]), ToCode(kVertical[3]),
    ToCode(kVertical[4]), ToCode(kVertical[5]), ToCode(kVertical[6])};

// ---- Bits out ---------------------------------------------------------------

// Appends codes to a string, most significant bit first.
class BitWriter {
 public:
  explicit BitWriter(std::string& out) : out_(out) {}

  void Put(Code c) {
    acc_ = acc_ << c.length | c.bits;  // bits above the pending ones fall off the top
    pending_ += c.length;
    if (pending_ >= 32) Write32();
  }

  // `n` V0 codes (a single 1 bit each).
  void PutOnes(int n) {
    for (; n > 16; n -= 16) Put({0xffff, 16});
    Put({uint16_t(0xffff >> (16 - n)), uint8_t(n)});
  }

  // A run of `n` pixels: make-up codes for the multiples of 64, then the
  // terminating code (also 0). A run longer than 2560 repeats the 2560 code
  // first, as libtiff does.
  void PutRun(const RunCodes& codes, int n) {
    while (n > kMaxMakeUp) {
      Put(codes[63 + kMaxMakeUp / 64]);
      n -= kMaxMakeUp;
    }
    if (n >= 64) {
      Put(codes[63 + n / 64]);
      n %= 64;
    }
    Put(codes[n]);
  }

  // Writes the oldest 32 pending bits (out of line: the common Put stays small).
  [[gnu::noinline]] void Write32() {
    pending_ -= 32;
    const uint32_t w = uint32_t(acc_ >> pending_);
    const char bytes[4] = {char(w >> 24), char(w >> 16), char(w >> 8), char(w)};
    out_.append(bytes, 4);
  }

  // Writes the bits still pending, the last byte padded with 0 bits.
  void Finish() {
    for (; pending_ >= 8; pending_ -= 8) out_.push_back(char(acc_ >> (pending_ - 8)));
    if (pending_ > 0) out_.push_back(char(acc_ << (8 - pending_)));
    pending_ = 0;
  }

 private:
  std::string& out_;
  uint64_t acc_ = 0;
  int pending_ = 0;  // bits of acc_ not yet written; fewer than 32 between calls
};

// ---- Changing elements --------------------------------------------------------

// Appends to `changes` the bit offsets (from `origin`) of the set bits of `v`,
// most significant first.
inline void AppendSetBits(uint64_t v, int origin, int*& changes) {
  while (v != 0) {
    const int b = std::countl_zero(v);
    *changes++ = origin + b;
    v ^= uint64_t{1} << (63 - b);
  }
}

// Writes to `changes` the positions where the row of `words` (Leptonica's
// layout: native 32-bit words, bit 31 the leftmost pixel, 1 = black) changes
// colour, left to right, from an imaginary white pixel before the row: even
// entries are changes to black, odd ones to white. Then `width` three times,
// so the coder may look up to three entries past the last change. `changes`
// has room for width + 3 entries. Returns the number of changes.
int FindChanges(const l_uint32* words, int width, int* changes) {
  int* out = changes;
  uint64_t before = 0;  // the last pixel of the previous 64, in bit 63
  const int full = width / 64;
  for (int g = 0; g < full; ++g) {
    const uint64_t v = uint64_t(words[2 * g]) << 32 | words[2 * g + 1];
    const uint64_t diff = v ^ (v >> 1 | before);
    before = v << 63;
    if (diff != 0) AppendSetBits(diff, g * 64, out);
  }
  if (const int rest = width % 64; rest > 0) {
    uint64_t v = uint64_t(words[2 * full]) << 32;
    if (rest > 32) v |= words[2 * full + 1];
    v &= ~uint64_t{0} << (64 - rest);  // pad bits count as white
    AppendSetBits(v ^ (v >> 1 | before), full * 64, out);
    if (out > changes && out[-1] >= width) --out;  // the black-to-white step into the padding
  }
  const int n = int(out - changes);
  out[0] = out[1] = out[2] = width;
  return n;
}

// ---- Two-dimensional coding of one row (T.6 section 2.2) --------------------

// Codes the row whose changes are `cur` against the reference row `ref`
// (both as FindChanges writes them).
void EncodeRow(const int* cur, const int* ref, int width, BitWriter& bits) {
  int a0 = -1;  // the imaginary white pixel before the row
  int i = 0;    // a1 = cur[i]; a0 is white when i is even
  int k = 0;    // the first reference change right of a0
  while (a0 < width) {
    while (ref[k] <= a0) ++k;
    // b1: the first reference change right of a0 to the colour opposite a0's,
    // which is the colour a1 changes to (the same parity as i).
    const int j = k + ((k ^ i) & 1);
    const int a1 = cur[i], b1 = ref[j], b2 = ref[j + 1];
    if (b2 < a1) {
      bits.Put(kPassCode);
      a0 = b2;
    } else if (a1 - b1 >= -3 && a1 - b1 <= 3) {
      bits.Put(kVerticalCodes[a1 - b1 + 3]);
      a0 = a1;
      ++i;
    } else {
      const int a2 = cur[i + 1];
      const bool white = (i & 1) == 0;
      bits.Put(kHorizontalCode);
      bits.PutRun(white ? kWhiteCodes : kBlackCodes, a1 - std::max(a0, 0));
      bits.PutRun(white ? kBlackCodes : kWhiteCodes, a2 - a1);
      a0 = a2;
      i += 2;
    }
  }
}

}  // namespace

Result<std::string> EncodeG4Stream(const PIX* bilevel) {
  if (!bilevel) return Status::InvalidArgument("no image to encode as G4");
  const int width = pixGetWidth(bilevel), height = pixGetHeight(bilevel);
  if (width <= 0 || height <= 0) return Status::InvalidArgument("empty image cannot be encoded as G4");
  if (pixGetDepth(bilevel) != 1) return Status::InvalidArgument("G4 needs a 1-bit image");
  const int wpl = pixGetWpl(bilevel);
  const l_uint32* data = pixGetData(const_cast<PIX*>(bilevel));  // Leptonica lacks const

  // Two rows of changes, swapped each row; the first reference row is white.
  std::vector<int> a(size_t(width) + 3, width), b(size_t(width) + 3, width);
  int* ref = a.data();
  int* cur = b.data();
  int ref_changes = 0;
  std::string out;
  BitWriter bits(out);
  const size_t row_bytes = size_t(wpl) * sizeof(l_uint32);
  for (int y = 0; y < height; ++y) {
    const l_uint32* row = data + size_t(y) * wpl;
    // Most rows of a page repeat the one above (white space, mostly): the
    // same changes, each coded V0, and the last V0 for a1 = b1 = width.
    if (y > 0 && std::memcmp(row, row - wpl, row_bytes) == 0) {
      bits.PutOnes(ref_changes + 1);
      continue;
    }
    const int changes = FindChanges(row, width, cur);
    EncodeRow(cur, ref, width, bits);
    std::swap(cur, ref);
    ref_changes = changes;
  }
  bits.Put(kEolCode);  // EOFB: two EOLs
  bits.Put(kEolCode);
  bits.Finish();
  return out;
}

}  // namespace scanstraat
