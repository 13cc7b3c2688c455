// The document information of an archived PDF: what goes into both the Info
// dictionary and the XMP metadata (PDF/A requires the two to agree), and the
// XMP packet itself.
// Thread-safety: plain values and pure functions.
#pragma once

#include <chrono>
#include <string>

namespace scanstraat {

struct PdfInfo {
  std::string title;         // dc:title / Title, e.g. the document type's name; no personal data
  std::string author;        // dc:creator / Author, e.g. the archiefvormer; empty = left out
  std::string subject;       // dc:description / Subject; empty = left out
  std::string keywords;      // pdf:Keywords / Keywords; empty = left out
  std::string creator_tool = "Scanstraat";  // xmp:CreatorTool / Creator
  std::string producer = "Scanstraat archive writer (libqpdf)";  // pdf:Producer / Producer
  std::string language = "nl-NL";  // catalog /Lang and dc:language; empty = left out
  std::string document_id;   // xmpMM:DocumentID as "uuid:…" or any URI; empty = left out
  std::chrono::system_clock::time_point created{};   // xmp:CreateDate / CreationDate (UTC)
  std::chrono::system_clock::time_point modified{};  // xmp:ModifyDate / ModDate; epoch = created
};

// "D:20240416100000+00'00'" (UTC), for the Info dictionary.
std::string PdfDate(std::chrono::system_clock::time_point t);
// "2024-04-16T10:00:00+00:00" (UTC), for XMP.
std::string XmpDate(std::chrono::system_clock::time_point t);
// Escapes &, <, >, " and ' for XML text and attribute values; drops the
// control characters XML 1.0 forbids and replaces invalid UTF-8 by U+FFFD.
std::string XmlEscape(std::string_view text);

// The XMP packet (UTF-8, with xpacket wrapper and padding) claiming PDF/A-2b:
// pdfaid:part 2, pdfaid:conformance B, and the fields of `info`.
std::string MakeXmpPacket(const PdfInfo& info);

}  // namespace scanstraat
