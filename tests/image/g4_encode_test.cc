// The G4 encoder: every page decodes (with libtiff, through Leptonica) to the
// pixels it was made from, and the bytes are the ones libtiff writes.
#include "pipeline/image/g4_encode.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/image/pix.h"
#include "pipeline/image/tiff_g4.h"

namespace scanstraat {
namespace {

// Decodes `g4` as a TIFF strip of width x height; null when libtiff refuses it.
PixPtr DecodeG4(const std::string& g4, int width, int height) {
  const std::string tiff = WrapG4InTiff(g4, width, height);
  return PixPtr(pixReadMemTiff(reinterpret_cast<const l_uint8*>(tiff.data()), tiff.size(), 0));
}

// The strip libtiff writes for `pix` (the archive's encoder before this one).
std::string LibtiffG4(PIX* pix) {
  l_uint8* raw = nullptr;
  size_t size = 0;
  if (pixWriteMemTiff(&raw, &size, pix, IFF_TIFF_G4) != 0 || !raw) return "";
  Result<G4Strip> strip = ExtractG4FromTiff({reinterpret_cast<const char*>(raw), size});
  lept_free(raw);
  return strip.ok() ? strip->data : "";
}

// Encodes, decodes and compares; on success also compares with libtiff's bytes.
void ExpectRoundTrip(PIX* pix) {
  QuietLeptonica();
  Result<std::string> g4 = EncodeG4Stream(pix);
  ASSERT_TRUE(g4.ok()) << g4.status().ToString();
  PixPtr back = DecodeG4(*g4, pixGetWidth(pix), pixGetHeight(pix));
  ASSERT_TRUE(back) << "libtiff cannot decode the stream";
  l_int32 same = 0;
  pixEqual(back.get(), pix, &same);
  ASSERT_TRUE(same) << "decoded pixels differ";
  EXPECT_EQ(*g4, LibtiffG4(pix)) << "bytes differ from libtiff's";
}

// ---- Made pages: a pattern at each of several widths -----------------------

using Paint = std::function<int(int x, int y)>;  // 1 = black

struct MadeCase {
  const char* name;
  int height;
  Paint paint;
};

PixPtr Make(int width, int height, const Paint& paint) {
  PixPtr pix(pixCreate(width, height, 1));
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      if (paint(x, y)) pixSetPixel(pix.get(), x, y, 1);
  return pix;
}

// Black with probability `black_share`, the same page every run.
Paint Noise(double black_share) {
  return [black_share](int x, int y) {
    uint64_t h = (uint64_t(y) << 32 | uint32_t(x)) * 0x9e3779b97f4a7c15u;  // a splitmix64 step
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9u;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebu;
    h ^= h >> 31;
    return double(h >> 11) / double(uint64_t{1} << 53) < black_share ? 1 : 0;
  };
}

const MadeCase kCases[] = {
    {"AllWhite", 9, [](int, int) { return 0; }},
    {"AllBlack", 9, [](int, int) { return 1; }},
    {"Checkerboard", 9, [](int x, int y) { return (x + y) & 1; }},
    {"Checkerboard3", 12, [](int x, int y) { return (x / 3 + y / 3) & 1; }},
    {"VerticalStripes", 6, [](int x, int) { return (x / 5) & 1; }},
    {"Diagonal", 40, [](int x, int y) { return (x - 2 * y) % 9 == 0 ? 1 : 0; }},
    {"BlackFirstColumnAndLast", 5, [](int x, int) { return x == 0 ? 1 : 0; }},
    {"Noise1", 30, Noise(0.01)},
    {"Noise10", 30, Noise(0.10)},
    {"Noise50", 30, Noise(0.50)},
    {"Noise90", 30, Noise(0.90)},
};
const int kWidths[] = {1, 2, 7, 31, 32, 33, 63, 64, 65, 95, 2481};

class MadePage : public ::testing::TestWithParam<std::tuple<MadeCase, int>> {};

TEST_P(MadePage, RoundTripsAndMatchesLibtiff) {
  const auto& [c, width] = GetParam();
  PixPtr pix = Make(width, c.height, c.paint);
  ExpectRoundTrip(pix.get());
}

INSTANTIATE_TEST_SUITE_P(Patterns, MadePage,
                         ::testing::Combine(::testing::ValuesIn(kCases), ::testing::ValuesIn(kWidths)),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param).name) + "_w" +
                                  std::to_string(std::get<1>(info.param));
                         });

// Every run length up to past 2 x 2560 + 64, white and black: odd rows are a
// white run then a black run; between them a white row, so each odd row is
// coded in horizontal mode with exactly those runs.
TEST(G4Encode, EveryRunLength) {
  constexpr int kLongest = 2700, kWidth = kLongest + 8;
  PixPtr pix(pixCreate(kWidth, 2 * (kLongest + 1), 1));
  for (int n = 0; n <= kLongest; ++n) {
    const int y = 2 * n + 1, black = kLongest - n;
    for (int x = n; x < n + black; ++x) pixSetPixel(pix.get(), x, y, 1);
  }
  ExpectRoundTrip(pix.get());
}

TEST(G4Encode, RunsNeedingTwoLongMakeUpCodes) {
  // White 5200 (2560 + 2560 + 64 + 16), black 5300, white 40, black 2: on a
  // white reference row and on itself.
  PixPtr pix(pixCreate(5200 + 5300 + 42, 3, 1));
  for (int y = 1; y < 3; ++y) {
    for (int x = 5200; x < 10500; ++x) pixSetPixel(pix.get(), x, y, 1);
    pixSetPixel(pix.get(), 10540, y, 1);
    pixSetPixel(pix.get(), 10541, y, 1);
  }
  ExpectRoundTrip(pix.get());
  PixPtr black(pixCreate(6000, 2, 1));
  pixSetAll(black.get());
  ExpectRoundTrip(black.get());
}

// Leptonica leaves the bits past the width in each row's last word undefined.
TEST(G4Encode, PadBitsAreIgnored) {
  for (int width : {1, 33, 100}) {
    PixPtr pix = Make(width, 8, Noise(0.3));
    const std::string clean = EncodeG4Stream(pix.get()).value();
    pixSetPadBits(pix.get(), 1);
    EXPECT_EQ(EncodeG4Stream(pix.get()).value(), clean) << width;
  }
}

TEST(G4Encode, RefusesWhatIsNotAOneBitImage) {
  EXPECT_EQ(EncodeG4Stream(nullptr).status().code(), Code::kInvalidArgument);
  PixPtr grey(pixCreate(10, 10, 8));
  EXPECT_EQ(EncodeG4Stream(grey.get()).status().code(), Code::kInvalidArgument);
}

// ---- Real pages ----------------------------------------------------------------

std::string SharedData() { return SCANSTRAAT_SHARED_DATA; }

class RealScan : public ::testing::TestWithParam<const char*> {};

TEST_P(RealScan, RoundTripsAndMatchesLibtiff) {
  QuietLeptonica();
  const std::string path = SharedData() + "/" + GetParam();
  PixPtr pix(pixRead(path.c_str()));
  ASSERT_TRUE(pix) << path;
  if (pixGetDepth(pix.get()) != 1) pix.reset(pixConvertTo1(pix.get(), 128));
  ASSERT_TRUE(pix);
  ExpectRoundTrip(pix.get());
}

INSTANTIATE_TEST_SUITE_P(SharedData, RealScan,
                         ::testing::Values("ocr-ground-truth/tesseract-test/testing/phototest.tif",
                                           "robustness/leptonica-prog/prog/feyn.tif",
                                           "robustness/leptonica-prog/prog/witten.tif",
                                           "robustness/leptonica-prog/prog/form1.tif",
                                           "robustness/ocrmypdf/tests/resources/linn.png"));

// Born-digital pages drawn 1-bit at 300 dpi by Poppler, as text-layer pages are.
class PopplerPage : public ::testing::TestWithParam<std::string> {};

TEST_P(PopplerPage, RoundTripsAndMatchesLibtiff) {
  QuietLeptonica();
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("g4_encode_test_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string cmd =
      "pdftoppm -r 300 -mono -singlefile '" + GetParam() + "' '" + (dir / "page").string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  PixPtr pix(pixRead((dir / "page.pbm").string().c_str()));
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(pix);
  ASSERT_EQ(pixGetDepth(pix.get()), 1);
  ExpectRoundTrip(pix.get());
}

INSTANTIATE_TEST_SUITE_P(Pdfs, PopplerPage,
                         ::testing::Values(std::string(SCANSTRAAT_SOURCE_DIR) +
                                               "/samples/factuur/01-digital.pdf",
                                           SharedData() + "/robustness/ocrmypdf/tests/resources/tagged.pdf",
                                           SharedData() + "/robustness/ocrmypdf/tests/resources/toc.pdf"),
                         [](const auto& info) {
                           std::string name = std::filesystem::path(info.param).stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace scanstraat
