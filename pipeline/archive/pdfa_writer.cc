#include "pipeline/archive/pdfa_writer.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <charconv>
#include <exception>

#include "pipeline/archive/atomic_write.h"
#include "pipeline/archive/embedded_resources.h"
#include "pipeline/archive/glyphless_font.h"
#include "pipeline/archive/text_layer.h"

namespace scanstraat {
namespace {

using OH = QPDFObjectHandle;

std::string Num(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 4);
  return ec == std::errc() ? std::string(buf, end) : "0";
}

OH Name(std::string_view n) { return OH::newName("/" + std::string(n)); }

OH ImageXObject(QPDF& pdf, const EncodedImage& img) {
  OH decode_parms = OH::newNull();
  if (img.filter == ImageFilter::kCcittG4) {
    decode_parms = OH::parse("<< /K -1 /BlackIs1 false /Columns " + std::to_string(img.width) +
                             " /Rows " + std::to_string(img.height) + " >>");
  }
  OH stream = OH::newStream(&pdf);
  stream.replaceStreamData(img.data, Name(FilterName(img.filter)), decode_parms);
  OH dict = stream.getDict();
  dict.replaceKey("/Type", Name("XObject"));
  dict.replaceKey("/Subtype", Name("Image"));
  dict.replaceKey("/Width", OH::newInteger(img.width));
  dict.replaceKey("/Height", OH::newInteger(img.height));
  dict.replaceKey("/ColorSpace", Name(img.components == 3 ? "DeviceRGB" : "DeviceGray"));
  dict.replaceKey("/BitsPerComponent", OH::newInteger(img.bits_per_component));
  return stream;
}

// The words rescaled to the image's pixel grid, when the text was made at
// another size or resolution than the image.
PageText TextOnImageGrid(const ArchivePage& page) {
  PageText t = page.text;
  const EncodedImage& img = page.image;
  const int tw = t.width > 0 ? t.width : img.width;
  const int th = t.height > 0 ? t.height : img.height;
  if (tw == img.width && th == img.height) {
    t.dpi = img.dpi;
    return t;
  }
  const double sx = double(img.width) / tw, sy = double(img.height) / th;
  auto scale = [&](Box& b) {
    b = Box{int(b.x0 * sx), int(b.y0 * sy), int(b.x1 * sx + 0.5), int(b.y1 * sy + 0.5)};
  };
  for (Word& w : t.words) scale(w.box);
  for (Line& l : t.lines) scale(l.box);
  t.width = img.width;
  t.height = img.height;
  t.dpi = img.dpi;
  return t;
}

void AddPage(QPDF& pdf, QPDFPageDocumentHelper& pages, const ArchivePage& page, const OH& font) {
  const EncodedImage& img = page.image;
  const double w_pt = img.width * 72.0 / img.dpi;
  const double h_pt = img.height * 72.0 / img.dpi;

  std::string content = "q\n" + Num(w_pt) + " 0 0 " + Num(h_pt) + " 0 0 cm\n/Im0 Do\nQ\n";
  content += TextLayerOperators(TextOnImageGrid(page), img.height);

  OH resources = OH::newDictionary();
  OH xobjects = OH::newDictionary();
  xobjects.replaceKey("/Im0", ImageXObject(pdf, img));
  resources.replaceKey("/XObject", xobjects);
  OH fonts = OH::newDictionary();
  fonts.replaceKey(kTextLayerFontName, font);
  resources.replaceKey("/Font", fonts);

  OH p = pdf.makeIndirectObject(OH::newDictionary());
  p.replaceKey("/Type", Name("Page"));
  p.replaceKey("/MediaBox", OH::newArray(std::vector<OH>{
                                OH::newInteger(0), OH::newInteger(0),
                                OH::newReal(Num(w_pt)), OH::newReal(Num(h_pt))}));
  p.replaceKey("/Resources", resources);
  p.replaceKey("/Contents", OH::newStream(&pdf, content));
  pages.addPage(QPDFPageObjectHelper(p), false);
}

void AddMetadata(QPDF& pdf, const PdfInfo& info) {
  OH root = pdf.getRoot();

  OH xmp = OH::newStream(&pdf, MakeXmpPacket(info));
  xmp.getDict().replaceKey("/Type", Name("Metadata"));
  xmp.getDict().replaceKey("/Subtype", Name("XML"));
  root.replaceKey("/Metadata", xmp);

  OH icc = OH::newStream(&pdf, std::string(SrgbIccProfileData()));
  icc.getDict().replaceKey("/N", OH::newInteger(3));
  OH intent = pdf.makeIndirectObject(OH::parse(
      "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"
      " /Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) >>"));
  intent.replaceKey("/DestOutputProfile", icc);
  root.replaceKey("/OutputIntents", OH::newArray(std::vector<OH>{intent}));
  if (!info.language.empty()) root.replaceKey("/Lang", OH::newUnicodeString(info.language));

  const auto modified = info.modified == std::chrono::system_clock::time_point{}
                            ? info.created : info.modified;
  OH doc_info = pdf.makeIndirectObject(OH::newDictionary());
  doc_info.replaceKey("/Title", OH::newUnicodeString(info.title));
  if (!info.author.empty()) doc_info.replaceKey("/Author", OH::newUnicodeString(info.author));
  if (!info.subject.empty()) doc_info.replaceKey("/Subject", OH::newUnicodeString(info.subject));
  if (!info.keywords.empty()) doc_info.replaceKey("/Keywords", OH::newUnicodeString(info.keywords));
  doc_info.replaceKey("/Creator", OH::newUnicodeString(info.creator_tool));
  doc_info.replaceKey("/Producer", OH::newUnicodeString(info.producer));
  doc_info.replaceKey("/CreationDate", OH::newString(PdfDate(info.created)));
  doc_info.replaceKey("/ModDate", OH::newString(PdfDate(modified)));
  pdf.getTrailer().replaceKey("/Info", doc_info);
}

}  // namespace

Result<std::string> RenderPdfA(const std::vector<ArchivePage>& pages, const PdfInfo& info) {
  if (pages.empty()) return Status::InvalidArgument("document has no pages to archive");
  for (size_t i = 0; i < pages.size(); ++i) {
    const EncodedImage& img = pages[i].image;
    if (img.data.empty() || img.width <= 0 || img.height <= 0 || img.dpi <= 0)
      return Status::InvalidArgument("page " + std::to_string(i + 1) + " has no image to archive");
  }
  try {
    QPDF pdf;
    pdf.emptyPDF();
    pdf.setSuppressWarnings(true);
    QPDFPageDocumentHelper page_helper(pdf);
    const OH font = AddGlyphlessFont(pdf);
    for (const ArchivePage& page : pages) AddPage(pdf, page_helper, page, font);
    AddMetadata(pdf, info);

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setMinimumPDFVersion("1.7");
    writer.setObjectStreamMode(qpdf_o_disable);  // plain xref table: simplest for old readers
    writer.setCompressStreams(true);              // content, CMap, font; XMP stays plain
    writer.setDeterministicID(true);              // trailer /ID from the content
    writer.write();
    std::shared_ptr<Buffer> buf = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  } catch (const std::exception& e) {
    return Status::Internal(std::string("PDF/A writing failed: ") + e.what());
  }
}

Status WritePdfA(FileSystem& fs, const std::vector<ArchivePage>& pages, const PdfInfo& info,
                 const std::filesystem::path& out) {
  SS_ASSIGN_OR_RETURN(std::string bytes, RenderPdfA(pages, info));
  return WriteFileAtomic(fs, out, bytes);
}

Status WritePdfA(const std::vector<ArchivePage>& pages, const PdfInfo& info,
                 const std::filesystem::path& out) {
  return WritePdfA(PosixFileSystem(), pages, info, out);
}

}  // namespace scanstraat
