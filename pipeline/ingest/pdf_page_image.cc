#include "pipeline/ingest/pdf_page_image.h"

#include <qpdf/Pipeline.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/image/tiff_g4.h"
#include "pipeline/ingest/two_tone_content.h"

namespace scanstraat {

using OH = QPDFObjectHandle;

struct PdfPageImages::Parsed {
  QPDF pdf;
};

namespace {

Status No(std::string why) { return Status::Unsupported("page is not one plain scanned image: " + why); }

// A PDF matrix [a b c d e f]: a point (x, y) goes to (a x + c y + e, b x + d y + f).
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

// `m` applied first, then `n` (PDF's `cm` makes m x CTM).
Matrix Then(const Matrix& m, const Matrix& n) {
  return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d, m.c * n.a + m.d * n.c,
          m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

// Operators that set state an opaque image does not use (line style, colour
// for fills and strokes, rendering intent, flatness); some scanners write
// them before the image. `gs` is not here: it can set transparency.
bool LeavesImageAlone(const std::string& op) {
  static const char* const kOps[] = {"w", "J", "j", "M", "d", "ri", "i", "g", "G", "rg", "RG",
                                     "k", "K", "cs", "CS", "sc", "SC", "scn", "SCN"};
  return std::find(std::begin(kOps), std::end(kOps), op) != std::end(kOps);
}

// Follows the graphics state through the page's content and notes the one
// image it paints. Any operator but q, Q, cm, Do and those that leave an
// image alone ends the scan with a reason: a text or vector page stops at
// its first painting operator, unread further. qpdf hands over the content
// object by object: operands are kept until their operator comes.
class OneImageScan final : public OH::ParserCallbacks {
 public:
  std::string why_not;  // empty while the page is still one plain image
  int draws = 0;
  std::string image_name;  // with its slash, as a key
  Matrix image_ctm;

  void handleObject(OH obj, size_t, size_t) override {
    if (obj.isInlineImage()) {
      why_not = "inline image";
    } else if (!obj.isOperator()) {
      operands_.push_back(obj);
    } else {
      Operator(obj.getOperatorValue());
      operands_.clear();
    }
    if (!why_not.empty()) terminateParsing();
  }
  void handleEOF() override {}

 private:
  void Operator(const std::string& op) {
    if (op == "q") {
      if (saved_.size() >= 64) why_not = "graphics states nested too deep";
      saved_.push_back(ctm_);
    } else if (op == "Q") {
      if (saved_.empty()) why_not = "unbalanced Q";
      else ctm_ = saved_.back(), saved_.pop_back();
    } else if (op == "cm") {
      double v[6];
      bool numbers = operands_.size() == 6;
      for (size_t i = 0; numbers && i < 6; ++i) numbers = operands_[i].getValueAsNumber(v[i]);
      if (!numbers) why_not = "malformed cm";
      else ctm_ = Then({v[0], v[1], v[2], v[3], v[4], v[5]}, ctm_);
    } else if (op == "Do") {
      if (operands_.size() != 1 || !operands_[0].isName()) why_not = "malformed Do";
      else if (++draws > 1) why_not = "more than one XObject";
      else image_name = operands_[0].getName(), image_ctm = ctm_;
    } else if (!LeavesImageAlone(op)) {
      why_not = "content operator " + op;
    }
  }

  std::vector<OH> operands_;
  std::vector<Matrix> saved_;
  Matrix ctm_;
};

// The page's resources hold nothing a plain page would draw with: no
// XObject (image or form), shading, pattern, ExtGState or Type 3 font.
bool PlainResources(OH resources) {
  if (resources.isNull()) return true;
  if (!resources.isDictionary()) return false;
  for (const char* key : {"/XObject", "/Shading", "/Pattern", "/ExtGState"}) {
    OH d = resources.getKey(key);
    if (!d.isNull() && !(d.isDictionary() && d.getKeys().empty())) return false;
  }
  OH fonts = resources.getKey("/Font");
  if (fonts.isNull()) return true;
  if (!fonts.isDictionary()) return false;
  for (const std::string& name : fonts.getKeys()) {
    OH font = fonts.getKey(name);
    if (!font.isDictionary() || font.getKey("/Subtype").isNameAndEquals("/Type3")) return false;
  }
  return true;
}

// Collects a stream's data up to a limit. qpdf inflates a whole stream, and
// a few kilobytes of Flate can inflate to gigabytes (Poppler reads only the
// rows it draws); past the limit the decoding stops and the page is drawn.
class BoundedData final : public Pipeline {
 public:
  explicit BoundedData(size_t limit) : Pipeline("image data", nullptr), limit_(limit) {}
  void write(unsigned char const* data, size_t len) override {
    if (len > limit_ - bytes.size()) throw std::length_error("image data longer than the image");
    bytes.append(reinterpret_cast<const char*>(data), len);
  }
  void finish() override {}
  std::string bytes;

 private:
  size_t limit_;
};

// Returns the stream's data, decoded at `level`, or a "no" when qpdf cannot
// decode it or it is longer than `limit`. `expected` bytes are reserved (a
// page of RGB rows is 26 MB: growing the string would copy it several times).
Result<std::string> StreamData(OH stream, qpdf_stream_decode_level_e level, size_t limit, size_t expected) {
  BoundedData data(limit);
  data.bytes.reserve(expected);
  bool attempted = false;
  if (!stream.pipeStreamData(&data, &attempted, 0, level, false, false) || data.bytes.empty())
    return No("image data cannot be read");
  return std::move(data.bytes);
}

// Everything the decoding needs, copied out of qpdf so that decoding runs
// without the document's lock.
struct ImageJob {
  enum class Kind { kRows, kJpeg, kG4 } kind = Kind::kRows;
  std::string data;  // rows (already inflated), JPEG bytes or G4 code
  int width = 0, height = 0, bits = 8, components = 1;
  bool black_is_1 = false;  // G4 only
  int quarter_turns = 0;    // clockwise, to show the image as the page does
  int dpi = 0;
};

struct PageRect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double Width() const { return x1 - x0; }
  double Height() const { return y1 - y0; }
};

bool ReadBox(OH array, PageRect& out) {
  if (!array.isRectangle()) return false;
  OH::Rectangle r = array.getArrayAsRectangle();
  out = {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
  return true;
}

// The page box Poppler draws: the crop box clipped to the media box.
Status VisibleBox(QPDFPageObjectHelper& page, PageRect& out) {
  PageRect media, crop;
  if (!ReadBox(page.getMediaBox(), media)) return No("no usable MediaBox");
  if (!ReadBox(page.getCropBox(false, true), crop)) crop = media;
  out = {std::max(media.x0, crop.x0), std::max(media.y0, crop.y0), std::min(media.x1, crop.x1),
         std::min(media.y1, crop.y1)};
  if (!(out.Width() > 1 && out.Height() > 1)) return No("empty page box");
  return Status::Ok();
}

// Returns the page's /Rotate in clockwise quarter turns (0..3).
Status PageQuarterTurns(QPDFPageObjectHelper& page, int& turns) {
  OH rotate = page.getAttribute("/Rotate", false);
  long long deg = 0;
  if (!rotate.isNull() && !rotate.getValueAsInt(deg)) return No("malformed /Rotate");
  if (deg % 90 != 0) return No("/Rotate not a multiple of 90");
  turns = static_cast<int>(((deg / 90) % 4 + 4) % 4);
  return Status::Ok();
}

// Annotations that draw would be missing from the bare image; a link
// without an appearance draws nothing.
Status NoDrawingAnnotations(QPDFPageObjectHelper& page) {
  OH annots = page.getObjectHandle().getKey("/Annots");
  if (annots.isNull()) return Status::Ok();
  if (!annots.isArray()) return No("malformed /Annots");
  for (int i = 0; i < annots.getArrayNItems(); ++i) {
    OH a = annots.getArrayItem(i);
    if (!a.isDictionary() || !a.getKey("/Subtype").isNameAndEquals("/Link") || a.hasKey("/AP"))
      return No("annotation that may draw");
  }
  return Status::Ok();
}

// Colour components of the image's colour space: 1 or 3 for the spaces
// whose samples are grey or RGB as they stand; 0 for everything else.
int PlainComponents(OH cs) {
  if (cs.isNameAndEquals("/DeviceGray")) return 1;
  if (cs.isNameAndEquals("/DeviceRGB")) return 3;
  if (!cs.isArray() || cs.getArrayNItems() != 2) return 0;
  OH family = cs.getArrayItem(0);
  if (family.isNameAndEquals("/CalGray")) return 1;
  if (family.isNameAndEquals("/ICCBased")) {
    OH profile = cs.getArrayItem(1);
    long long n = 0;
    if (profile.isStream() && profile.getDict().getKey("/N").getValueAsInt(n) && (n == 1 || n == 3))
      return static_cast<int>(n);
  }
  return 0;
}

// The single filter of a stream ("" for none), or "?" for a chain.
std::string OnlyFilter(OH dict, OH& parms) {
  OH filter = dict.getKey("/Filter");
  parms = dict.getKey("/DecodeParms");
  if (filter.isArray() && filter.getArrayNItems() == 1) {
    filter = filter.getArrayItem(0);
    if (parms.isArray()) parms = parms.getArrayNItems() == 1 ? parms.getArrayItem(0) : OH::newNull();
  }
  if (filter.isNull()) return "";
  return filter.isName() ? filter.getName() : "?";
}

bool IsDefaultDecode(OH decode, int components) {
  if (decode.isNull()) return true;
  if (!decode.isArray() || decode.getArrayNItems() != 2 * components) return false;
  for (int i = 0; i < 2 * components; ++i) {
    double v = -1;
    if (!decode.getArrayItem(i).getValueAsNumber(v) || v != (i % 2 == 0 ? 0.0 : 1.0)) return false;
  }
  return true;
}

// Checks the image dictionary and fills in what decoding needs.
Status DescribeImage(OH image, const Limits& limits, size_t file_size, ImageJob& job) {
  if (!image.isStreamOfType("", "/Image")) return No("the XObject is not an image");
  OH dict = image.getDict();
  bool mask = false;
  if (dict.getKey("/ImageMask").getValueAsBool(mask) && mask) return No("image mask");
  if (dict.hasKey("/SMask") || dict.hasKey("/Mask") || dict.hasKey("/SMaskInData") || dict.hasKey("/OC"))
    return No("soft mask, mask or optional content");
  long long w = 0, h = 0, bits = 0;
  if (!dict.getKey("/Width").getValueAsInt(w) || !dict.getKey("/Height").getValueAsInt(h) || w <= 0 ||
      h <= 0 || w > 1'000'000 || h > 1'000'000)
    return No("image has no usable size");
  // Before anything is decoded: drawing the page smaller can stay in the limit.
  if (w * h > limits.max_pixels) return No("image over the pixel limit");
  job.width = static_cast<int>(w);
  job.height = static_cast<int>(h);
  job.components = PlainComponents(dict.getKey("/ColorSpace"));
  if (job.components == 0) return No("colour space other than grey or RGB");
  if (!dict.getKey("/BitsPerComponent").getValueAsInt(bits) || (bits != 1 && bits != 8))
    return No("bits per component other than 1 or 8");
  job.bits = static_cast<int>(bits);
  if (job.bits == 1 && job.components != 1) return No("1-bit colour");
  if (!IsDefaultDecode(dict.getKey("/Decode"), job.components)) return No("Decode array");

  OH parms;
  const std::string filter = OnlyFilter(dict, parms);
  if (filter.empty() || filter == "/FlateDecode") {
    job.kind = ImageJob::Kind::kRows;
    // Inflated, PNG predictors undone; a little slack past the rows for
    // writers that pad the data.
    const size_t rows = (size_t(w) * size_t(job.bits) * size_t(job.components) + 7) / 8 * size_t(h);
    SS_ASSIGN_OR_RETURN(job.data, StreamData(image, qpdf_dl_generalized, rows + 65536, rows));
  } else if (filter == "/DCTDecode") {
    if (job.bits != 8) return No("JPEG with other than 8 bits");
    // /ColorTransform 1 (YCbCr) is what libjpeg assumes for three components
    // anyway; 0 would mean RGB stored as it is. Grey has nothing to transform.
    long long transform = 1;
    if (job.components == 3 && parms.isDictionary() && parms.hasKey("/ColorTransform") &&
        (!parms.getKey("/ColorTransform").getValueAsInt(transform) || transform != 1))
      return No("JPEG ColorTransform");
    job.kind = ImageJob::Kind::kJpeg;
    SS_ASSIGN_OR_RETURN(job.data, StreamData(image, qpdf_dl_none, file_size, 0));
  } else if (filter == "/CCITTFaxDecode") {
    if (!parms.isDictionary()) parms = OH::newDictionary();
    long long k = 0, columns = 1728, rows = 0;
    bool byte_align = false;
    if (parms.hasKey("/K") && !parms.getKey("/K").getValueAsInt(k)) return No("malformed CCITT K");
    if (parms.hasKey("/Columns") && !parms.getKey("/Columns").getValueAsInt(columns))
      return No("malformed CCITT Columns");
    if (parms.hasKey("/Rows") && !parms.getKey("/Rows").getValueAsInt(rows)) return No("malformed CCITT Rows");
    parms.getKey("/EncodedByteAlign").getValueAsBool(byte_align);
    if (k >= 0) return No("CCITT G3");
    if (byte_align) return No("CCITT EncodedByteAlign");
    if (columns != w || (rows != 0 && rows != h)) return No("CCITT size differs from the image's");
    if (parms.hasKey("/BlackIs1") && !parms.getKey("/BlackIs1").getValueAsBool(job.black_is_1))
      return No("malformed CCITT BlackIs1");
    job.kind = ImageJob::Kind::kG4;
    SS_ASSIGN_OR_RETURN(job.data, StreamData(image, qpdf_dl_none, file_size, 0));
  } else {
    return No("filter " + filter);
  }
  return Status::Ok();
}

// Checks that the image, placed by `ctm`, covers `box` and is at most turned
// by quarter turns; works out the turns and the dpi.
Status Place(const Matrix& m, const PageRect& box, int page_turns, ImageJob& job) {
  const double scale = std::max({std::fabs(m.a), std::fabs(m.b), std::fabs(m.c), std::fabs(m.d)});
  const double tiny = scale * 1e-6;
  const bool straight = std::fabs(m.b) <= tiny && std::fabs(m.c) <= tiny;
  const bool across = std::fabs(m.a) <= tiny && std::fabs(m.d) <= tiny;
  if (scale <= 0 || (!straight && !across)) return No("image is skewed or turned by other than 90 degrees");
  // The unit square's corners: where the image lands on the page.
  const double xs[] = {m.e, m.e + m.a, m.e + m.c, m.e + m.a + m.c};
  const double ys[] = {m.f, m.f + m.b, m.f + m.d, m.f + m.b + m.d};
  const PageRect at{*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4), *std::max_element(xs, xs + 4),
               *std::max_element(ys, ys + 4)};
  const double tx = box.Width() / 100, ty = box.Height() / 100;
  if (std::fabs(at.x0 - box.x0) > tx || std::fabs(at.x1 - box.x1) > tx || std::fabs(at.y0 - box.y0) > ty ||
      std::fabs(at.y1 - box.y1) > ty)
    return No("image does not cover the page");

  // Directions of the image's columns (left to right) and rows (top to
  // bottom) on the drawn page, y pointing down; then the page's /Rotate.
  double col_x = m.a, col_y = -m.b, row_x = -m.c, row_y = m.d;
  for (int i = 0; i < page_turns; ++i) {  // a quarter turn clockwise: (x, y) -> (-y, x)
    col_x = std::exchange(col_y, col_x), col_x = -col_x;
    row_x = std::exchange(row_y, row_x), row_x = -row_x;
  }
  if (col_x * row_y - col_y * row_x <= 0) return No("image is mirrored");
  job.quarter_turns = col_x > tiny ? 0 : col_y > tiny ? 1 : col_x < -tiny ? 2 : 3;

  const bool cols_along_x = straight;  // the image's columns run along the page's x
  const double px_x = cols_along_x ? job.width : job.height;
  const double px_y = cols_along_x ? job.height : job.width;
  const double dpi_x = px_x * 72 / at.Width(), dpi_y = px_y * 72 / at.Height();
  if (std::fabs(dpi_x - dpi_y) > std::max(dpi_x, dpi_y) / 100) return No("pixels are not square");
  job.dpi = static_cast<int>(std::lround((dpi_x + dpi_y) / 2));
  if (job.dpi < 50 || job.dpi > 2400) return No("implausible resolution");
  return Status::Ok();
}

Result<PixPtr> DecodeJob(const ImageJob& job) {
  const std::string_view bytes = job.data;
  PixPtr pix;
  switch (job.kind) {
    case ImageJob::Kind::kRows: {
      SS_ASSIGN_OR_RETURN(pix, PixFromRows(bytes, job.width, job.height, job.bits, job.components));
      break;
    }
    case ImageJob::Kind::kJpeg: {
      // The JPEG's own header must agree: a CMYK or YCCK JPEG (4 components)
      // needs colour conversion that only drawing does right.
      Result<ImageHeader> h = ReadImageHeader(bytes);
      if (!h.ok() || h->format != IFF_JFIF_JPEG) return No("JPEG header cannot be read");
      if (h->width != job.width || h->height != job.height || h->samples_per_pixel != job.components)
        return No("JPEG differs from its image dictionary");
      SS_ASSIGN_OR_RETURN(pix, DecodeImage(bytes));
      break;
    }
    case ImageJob::Kind::kG4: {
      const std::string tiff = WrapG4InTiff(bytes, job.width, job.height);
      pix.reset(pixReadMemTiff(reinterpret_cast<const l_uint8*>(tiff.data()), tiff.size(), 0));
      if (!pix || pixGetDepth(pix.get()) != 1) return No("CCITT G4 data cannot be decoded");
      // The TIFF is min-is-white, so the pix has the G4 code's black runs as
      // 1 (black). With /BlackIs1 those runs come out as 1, which an
      // image with the default Decode shows as white.
      if (job.black_is_1) pixInvert(pix.get(), pix.get());
      break;
    }
  }
  if (!pix || pixGetWidth(pix.get()) != job.width || pixGetHeight(pix.get()) != job.height)
    return No("decoded image has another size");
  if (job.quarter_turns != 0) {
    pix.reset(pixRotateOrth(pix.get(), job.quarter_turns));
    if (!pix) return Status::Internal("page image cannot be turned");
  }
  pixSetResolution(pix.get(), job.dpi, job.dpi);
  return pix;
}

}  // namespace

PdfPageImages::PdfPageImages(std::string_view bytes, int page_count, const Limits& limits)
    : bytes_(bytes), page_count_(page_count), limits_(limits) {}

PdfPageImages::~PdfPageImages() = default;

Status PdfPageImages::ParseLocked() {
  if (open_failed_) return No("qpdf cannot read the file");
  if (parsed_) return Status::Ok();
  try {
    auto parsed = std::make_unique<Parsed>();
    parsed->pdf.setSuppressWarnings(true);
    // A file qpdf must repair might be repaired differently than Poppler
    // does; such files are drawn.
    parsed->pdf.setAttemptRecovery(false);
    parsed->pdf.processMemoryFile("document", bytes_.data(), bytes_.size());
    if (static_cast<int>(parsed->pdf.getAllPages().size()) != page_count_) {
      open_failed_ = true;
      return No("qpdf and Poppler count the pages differently");
    }
    parsed_ = std::move(parsed);
  } catch (const std::exception& e) {
    open_failed_ = true;  // not tried again for every page
    return No(std::string("qpdf: ") + e.what());
  }
  return Status::Ok();
}

bool PdfPageImages::DrawsInTwoTones(int index) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!ParseLocked().ok() || index < 0 || index >= page_count_) return false;
  try {
    QPDF& pdf = parsed_->pdf;
    (void)pdf.getWarnings();
    QPDFPageObjectHelper page(pdf.getAllPages()[static_cast<size_t>(index)]);
    if (!page.getObjectHandle().getKey("/Annots").isNull()) return false;
    if (!PlainResources(page.getAttribute("/Resources", false))) return false;
    std::string content;
    Pl_String sink("page content", nullptr, content);
    page.pipeContents(&sink);
    return pdf.getWarnings().empty() && ContentDrawsInTwoTones(content);
  } catch (const std::exception&) {
    return false;
  }
}

Result<SourcePage> PdfPageImages::Read(int index) {
  ImageJob job;
  {
    std::lock_guard<std::mutex> lock(mu_);
    SS_RETURN_IF_ERROR(ParseLocked());
    try {
      QPDF& pdf = parsed_->pdf;
      (void)pdf.getWarnings();  // clears those of earlier pages
      if (index < 0 || index >= page_count_) return Status::InvalidArgument("no such page");
      QPDFPageObjectHelper page(pdf.getAllPages()[static_cast<size_t>(index)]);
      double user_unit = 1;
      if (page.getObjectHandle().getKey("/UserUnit").getValueAsNumber(user_unit) && user_unit != 1)
        return No("UserUnit");
      SS_RETURN_IF_ERROR(NoDrawingAnnotations(page));
      PageRect box;
      SS_RETURN_IF_ERROR(VisibleBox(page, box));
      int page_turns = 0;
      SS_RETURN_IF_ERROR(PageQuarterTurns(page, page_turns));
      OneImageScan scan;
      page.parseContents(&scan);
      if (!scan.why_not.empty()) return No(scan.why_not);
      if (scan.draws != 1) return No("no image drawn");
      OH image = page.getAttribute("/Resources", false).getKey("/XObject").getKey(scan.image_name);
      SS_RETURN_IF_ERROR(DescribeImage(image, limits_, bytes_.size(), job));
      SS_RETURN_IF_ERROR(Place(scan.image_ctm, box, page_turns, job));
      // qpdf goes on past damage with a warning (a truncated Flate stream
      // gives what it could inflate); damage means drawing the page.
      if (!pdf.getWarnings().empty()) return No("qpdf found damage");
    } catch (const std::exception& e) {
      if (!parsed_) open_failed_ = true;  // not tried again for every page
      return No(std::string("qpdf: ") + e.what());
    }
  }
  Result<PixPtr> pix = DecodeJob(job);
  if (!pix.ok()) return pix.status().code() == Code::kUnsupported ? pix.status() : No(pix.status().message());
  SourcePage out;
  out.origin = ImageOrigin::kPdfImage;
  out.dpi = job.dpi;
  out.image = std::move(pix).value();
  return out;
}

}  // namespace scanstraat
