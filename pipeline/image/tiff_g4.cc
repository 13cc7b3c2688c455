#include "pipeline/image/tiff_g4.h"

#include <cstdint>
#include <vector>

namespace scanstraat {
namespace {

constexpr uint16_t kTagWidth = 256, kTagHeight = 257, kTagBits = 258, kTagCompression = 259,
                   kTagPhotometric = 262, kTagStripOffsets = 273, kTagRowsPerStrip = 278,
                   kTagStripByteCounts = 279;
constexpr uint32_t kCompressionG4 = 4;

class Reader {
 public:
  Reader(std::string_view b, bool le) : b_(b), le_(le) {}
  bool Has(size_t off, size_t n) const { return off <= b_.size() && n <= b_.size() - off; }
  uint32_t U16(size_t off) const {
    auto p = reinterpret_cast<const unsigned char*>(b_.data()) + off;
    return le_ ? (p[0] | p[1] << 8) : (p[0] << 8 | p[1]);
  }
  uint32_t U32(size_t off) const {
    auto p = reinterpret_cast<const unsigned char*>(b_.data()) + off;
    return le_ ? (uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24)
               : (uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]));
  }

 private:
  std::string_view b_;
  bool le_;
};

void Put16(std::string& s, uint32_t v) {
  s.push_back(char(v & 0xff));
  s.push_back(char((v >> 8) & 0xff));
}
void Put32(std::string& s, uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}

}  // namespace

Result<G4Strip> ExtractG4FromTiff(std::string_view tiff) {
  if (tiff.size() < 8) return Status::Corrupt("G4 TIFF too short");
  bool le;
  if (tiff.substr(0, 4) == std::string_view("II*\0", 4)) {
    le = true;
  } else if (tiff.substr(0, 4) == std::string_view("MM\0*", 4)) {
    le = false;
  } else {
    return Status::Corrupt("not a TIFF");
  }
  Reader r(tiff, le);
  const uint32_t ifd = r.U32(4);
  if (!r.Has(ifd, 2)) return Status::Corrupt("TIFF directory out of range");
  const uint32_t n = r.U16(ifd);
  if (!r.Has(ifd + 2, size_t(n) * 12)) return Status::Corrupt("TIFF directory truncated");

  G4Strip out;
  uint32_t compression = 0, bits = 1, offset = 0, count = 0, strips = 0, rows_per_strip = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const size_t e = ifd + 2 + size_t(i) * 12;
    const uint32_t tag = r.U16(e), type = r.U16(e + 2), cnt = r.U32(e + 4);
    // SHORT (3) values sit in the first two bytes of the value field.
    const uint32_t value = (type == 3) ? r.U16(e + 8) : r.U32(e + 8);
    switch (tag) {
      case kTagWidth: out.width = int(value); break;
      case kTagHeight: out.height = int(value); break;
      case kTagBits: bits = value; break;
      case kTagCompression: compression = value; break;
      case kTagPhotometric: out.min_is_black = (value == 1); break;
      case kTagRowsPerStrip: rows_per_strip = value; break;
      case kTagStripOffsets: offset = value; strips = cnt; break;
      case kTagStripByteCounts: count = value; break;
      default: break;
    }
  }
  if (compression != kCompressionG4 || bits != 1) return Status::Corrupt("TIFF is not CCITT G4");
  if (strips != 1 || (rows_per_strip != 0 && rows_per_strip < uint32_t(out.height)))
    return Status::Corrupt("G4 TIFF has more than one strip");
  if (out.width <= 0 || out.height <= 0) return Status::Corrupt("G4 TIFF has no size");
  if (!r.Has(offset, count) || count == 0) return Status::Corrupt("G4 strip out of range");
  out.data.assign(tiff.substr(offset, count));
  return out;
}

std::string WrapG4InTiff(std::string_view g4, int width, int height) {
  struct Entry { uint16_t tag, type; uint32_t value; };
  const uint32_t data_offset = 8;
  const uint32_t ifd_offset = data_offset + uint32_t(g4.size()) + (g4.size() & 1);
  const std::vector<Entry> entries = {
      {kTagWidth, 4, uint32_t(width)},       {kTagHeight, 4, uint32_t(height)},
      {kTagBits, 3, 1},                      {kTagCompression, 3, kCompressionG4},
      {kTagPhotometric, 3, 0},               {kTagStripOffsets, 4, data_offset},
      {277 /* SamplesPerPixel */, 3, 1},     {kTagRowsPerStrip, 4, uint32_t(height)},
      {kTagStripByteCounts, 4, uint32_t(g4.size())},
  };
  std::string s("II*\0", 4);
  Put32(s, ifd_offset);
  s.append(g4);
  if (g4.size() & 1) s.push_back('\0');
  Put16(s, uint16_t(entries.size()));
  for (const Entry& e : entries) {
    Put16(s, e.tag);
    Put16(s, e.type);
    Put32(s, 1);
    if (e.type == 3) {
      Put16(s, e.value);
      Put16(s, 0);
    } else {
      Put32(s, e.value);
    }
  }
  Put32(s, 0);  // no next directory
  return s;
}

}  // namespace scanstraat
