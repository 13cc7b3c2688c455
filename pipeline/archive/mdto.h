// MDTO 1.0.1 metadata (Nationaal Archief, "Metagegevens voor duurzaam
// toegankelijke overheidsinformatie") for an archived document: one
// `informatieobject` file describing the document and one `bestand` file
// describing each file that represents it (the PDF/A, and for a born-digital
// PDF also the original). Both are valid against MDTO-XML1.0.1.xsd.
//
// No field may hold personal data: names are the document type's name and
// the document id, never a citizen's name or number.
// Thread-safety: pure functions.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/archive/file_system.h"
#include "pipeline/core/status.h"

namespace scanstraat {

struct MdtoBegrip {  // begripGegevens
  std::string label;          // begripLabel (required)
  std::string code;           // begripCode; empty = left out
  std::string begrippenlijst; // begripBegrippenlijst/verwijzingNaam (required)
};

struct MdtoInformatieobject {
  std::string id;                 // the document id: SHA-256 hex of the input file
  std::string id_source = "Scanstraat document-id (SHA-256 van het invoerbestand)";
  std::string name;               // naam, e.g. "Aanvraag bijstand 3f1c9a7e…"; no personal data
  std::string doctype_name;       // the document type's name (classificatie label)
  std::string doctype_id;         // the document type's id, e.g. aanvraag_bijstand (code)
  std::string category_code;      // informatiecategorie: selectielijst code, e.g. "8.1"
  std::string category_label;     // its name; empty = the code
  std::string selectielijst = "Selectielijst gemeenten en intergemeentelijke organen 2020";
  std::string waardering;         // "V" (tijdelijk), "B" (blijvend) or "O" (nog niet bepaald)
  std::string bewaartermijn;      // ISO 8601 duration, e.g. P10Y; empty for B
  std::string bewaartermijn_start;  // YYYY-MM-DD the term starts; empty = unknown
  std::string archiefvormer_code;   // TOOI code, e.g. gm0363
  std::string archiefvormer_name;   // e.g. "Gemeente Amsterdam"
  MdtoBegrip beperking_gebruik;     // e.g. {"Openbaar", "", "Begrippenlijst BeperkingGebruikTypeLijst MDTO"}
  std::string dekking_begin;        // YYYY, YYYY-MM or YYYY-MM-DD; empty = no dekkingInTijd
  std::string dekking_end;          // same forms; empty = left out
  std::string language = "nl";      // taal; empty = left out
  std::vector<std::string> representations;  // heeftRepresentatie: the file names (bestand)
};

struct MdtoBestand {
  std::string id;                 // e.g. the SHA-256 of this file, or "<document id>.pdf"
  std::string id_source = "Scanstraat bestand-id";
  std::string name;               // the file name, e.g. "document.pdf"
  std::uint64_t size = 0;         // omvang, bytes
  std::string pronom = "fmt/477"; // bestandsformaat: fmt/477 = PDF/A-2b (fmt/354 is PDF/A-1b)
  std::string format_label = "Acrobat PDF/A - Portable Document Format 2b";
  std::string sha256;             // checksumWaarde, lower-case hex
  std::chrono::system_clock::time_point checksum_time{};  // checksumDatum (UTC)
  std::string object_name;        // isRepresentatieVan: the informatieobject's naam
  std::string object_id;          // … and its identificatieKenmerk / Bron
  std::string object_id_source = "Scanstraat document-id (SHA-256 van het invoerbestand)";
};

// Returns the XML, or InvalidArgument naming the field that is missing or
// malformed (so the output is always schema-valid).
Result<std::string> MdtoInformatieobjectXml(const MdtoInformatieobject& io);
Result<std::string> MdtoBestandXml(const MdtoBestand& b);

// Writes atomically (WriteFileAtomic).
[[nodiscard]] Status WriteMdtoInformatieobject(FileSystem& fs, const MdtoInformatieobject& io,
                                               const std::filesystem::path& out);
[[nodiscard]] Status WriteMdtoBestand(FileSystem& fs, const MdtoBestand& b,
                                      const std::filesystem::path& out);

// "2024-04-16" + "P10Y" → "2034-04-16"; handles nY, nM, nD (and nW) parts and
// clamps the day (2024-02-29 + P1Y → 2025-02-28). For the retention list.
Result<std::string> AddIsoDuration(std::string_view date, std::string_view duration);

}  // namespace scanstraat
