#include "pipeline/archive/pdf_info.h"

#include <cstdio>
#include <ctime>

#include "pipeline/archive/utf8.h"

namespace scanstraat {
namespace {

std::tm Utc(std::chrono::system_clock::time_point t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}

}  // namespace

std::string PdfDate(std::chrono::system_clock::time_point t) {
  const std::tm tm = Utc(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02d+00'00'", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string XmpDate(std::chrono::system_clock::time_point t) {
  const std::tm tm = Utc(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = NextCodePoint(text, i);
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
        if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF))
          AppendUtf8(out, cp);
    }
  }
  return out;
}

std::string MakeXmpPacket(const PdfInfo& info) {
  const auto modified = info.modified == std::chrono::system_clock::time_point{}
                            ? info.created : info.modified;
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\"\n";
  x += "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n";
  x += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
  x += "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n";
  x += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
  x += "   <pdfaid:part>2</pdfaid:part>\n";
  x += "   <pdfaid:conformance>B</pdfaid:conformance>\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + XmlEscape(info.title) +
       "</rdf:li></rdf:Alt></dc:title>\n";
  if (!info.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + XmlEscape(info.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!info.subject.empty())
    x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + XmlEscape(info.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  if (!info.language.empty())
    x += "   <dc:language><rdf:Bag><rdf:li>" + XmlEscape(info.language) +
         "</rdf:li></rdf:Bag></dc:language>\n";
  x += "   <xmp:CreatorTool>" + XmlEscape(info.creator_tool) + "</xmp:CreatorTool>\n";
  x += "   <xmp:CreateDate>" + XmpDate(info.created) + "</xmp:CreateDate>\n";
  x += "   <xmp:ModifyDate>" + XmpDate(modified) + "</xmp:ModifyDate>\n";
  x += "   <xmp:MetadataDate>" + XmpDate(modified) + "</xmp:MetadataDate>\n";
  if (!info.document_id.empty())
    x += "   <xmpMM:DocumentID>" + XmlEscape(info.document_id) + "</xmpMM:DocumentID>\n";
  x += "   <pdf:Producer>" + XmlEscape(info.producer) + "</pdf:Producer>\n";
  if (!info.keywords.empty())
    x += "   <pdf:Keywords>" + XmlEscape(info.keywords) + "</pdf:Keywords>\n";
  x += "  </rdf:Description>\n";
  x += " </rdf:RDF>\n";
  x += "</x:xmpmeta>\n";
  // Padding lets an editor update the packet in place, as XMP recommends.
  for (int i = 0; i < 20; ++i) x += std::string(99, ' ') + "\n";
  x += "<?xpacket end=\"w\"?>";
  return x;
}

}  // namespace scanstraat
