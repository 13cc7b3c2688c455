#include "pipeline/archive/mdto.h"

#include <cstdio>
#include <ctime>
#include <regex>

#include "pipeline/archive/atomic_write.h"
#include "pipeline/archive/pdf_info.h"

namespace scanstraat {
namespace {

constexpr const char* kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<MDTO xmlns=\"https://www.nationaalarchief.nl/mdto\">\n";

// A date as xsd:gYear, xsd:gYearMonth or xsd:date (the union dekkingInTijd allows).
bool IsPartialDate(std::string_view s) {
  static const std::regex re(R"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)");
  return std::regex_match(s.begin(), s.end(), re);
}
bool IsDate(std::string_view s) { return s.size() == 10 && IsPartialDate(s); }
bool IsDuration(std::string_view s) {
  static const std::regex re(R"(P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?)");
  return std::regex_match(s.begin(), s.end(), re);
}

std::string El(std::string_view indent, std::string_view tag, std::string_view text) {
  return std::string(indent) + "<" + std::string(tag) + ">" + XmlEscape(text) + "</" +
         std::string(tag) + ">\n";
}

std::string Begrip(std::string_view indent, std::string_view tag, const MdtoBegrip& b) {
  const std::string in(indent);
  std::string x = in + "<" + std::string(tag) + ">\n";
  x += El(in + "  ", "begripLabel", b.label);
  if (!b.code.empty()) x += El(in + "  ", "begripCode", b.code);
  x += in + "  <begripBegrippenlijst>\n" + El(in + "    ", "verwijzingNaam", b.begrippenlijst) +
       in + "  </begripBegrippenlijst>\n";
  return x + in + "</" + std::string(tag) + ">\n";
}

std::string Identificatie(std::string_view indent, std::string_view tag, std::string_view id,
                          std::string_view source) {
  const std::string in(indent);
  return in + "<" + std::string(tag) + ">\n" + El(in + "  ", "identificatieKenmerk", id) +
         El(in + "  ", "identificatieBron", source) + in + "</" + std::string(tag) + ">\n";
}

Status Require(bool ok, std::string_view field) {
  return ok ? Status::Ok()
            : Status::InvalidArgument("MDTO: " + std::string(field) + " is missing or malformed");
}

std::string WaarderingLabel(std::string_view code) {
  if (code == "B") return "Blijvend te bewaren";
  if (code == "V") return "Tijdelijk te bewaren";
  return "Nog niet bepaald";
}

std::string XsdDateTime(std::chrono::system_clock::time_point t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace

Result<std::string> AddIsoDuration(std::string_view date, std::string_view duration) {
  if (!IsDate(date) || !IsDuration(duration))
    return Status::InvalidArgument("date must be YYYY-MM-DD and duration like P10Y");
  int y = std::stoi(std::string(date.substr(0, 4)));
  int m = std::stoi(std::string(date.substr(5, 2)));
  int d = std::stoi(std::string(date.substr(8, 2)));
  long add_days = 0;
  std::string num;
  for (char c : duration.substr(1)) {
    if (c >= '0' && c <= '9') {
      num += c;
      continue;
    }
    const long n = std::stol(num);
    num.clear();
    if (c == 'Y') y += int(n);
    if (c == 'M') {
      m += int(n);
      y += (m - 1) / 12;
      m = (m - 1) % 12 + 1;
    }
    if (c == 'W') add_days += 7 * n;
    if (c == 'D') add_days += n;
  }
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  d = std::min(d, kDays[m - 1] + (m == 2 && leap ? 1 : 0));
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d + int(add_days);
  tm.tm_hour = 12;
  const std::time_t t = timegm(&tm);  // normalises the day overflow
  gmtime_r(&t, &tm);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return std::string(buf);
}

Result<std::string> MdtoInformatieobjectXml(const MdtoInformatieobject& io) {
  SS_RETURN_IF_ERROR(Require(!io.id.empty() && !io.id_source.empty(), "identificatie"));
  SS_RETURN_IF_ERROR(Require(!io.name.empty(), "naam"));
  SS_RETURN_IF_ERROR(Require(io.waardering == "V" || io.waardering == "B" || io.waardering == "O",
                             "waardering (V, B or O)"));
  SS_RETURN_IF_ERROR(Require(io.bewaartermijn.empty() || IsDuration(io.bewaartermijn),
                             "bewaartermijn (ISO 8601 duration)"));
  SS_RETURN_IF_ERROR(Require(io.bewaartermijn_start.empty() || IsDate(io.bewaartermijn_start),
                             "bewaartermijn start (YYYY-MM-DD)"));
  SS_RETURN_IF_ERROR(Require(!io.archiefvormer_code.empty() && !io.archiefvormer_name.empty(),
                             "archiefvormer"));
  SS_RETURN_IF_ERROR(Require(!io.beperking_gebruik.label.empty() &&
                                 !io.beperking_gebruik.begrippenlijst.empty(),
                             "beperkingGebruik"));
  SS_RETURN_IF_ERROR(Require(io.dekking_begin.empty() || IsPartialDate(io.dekking_begin),
                             "dekkingInTijd begin"));
  SS_RETURN_IF_ERROR(Require(io.dekking_end.empty() ||
                                 (!io.dekking_begin.empty() && IsPartialDate(io.dekking_end)),
                             "dekkingInTijd end"));
  static const std::regex kLang(R"([a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*)");
  SS_RETURN_IF_ERROR(Require(io.language.empty() || std::regex_match(io.language, kLang), "taal"));

  const char* in = "    ";
  std::string x = kHeader;
  x += "  <informatieobject>\n";
  x += Identificatie("    ", "identificatie", io.id, io.id_source);
  x += El(in, "naam", io.name);
  x += Begrip(in, "aggregatieniveau",
              {"Archiefstuk", "", "Begrippenlijst Aggregatieniveaus MDTO"});
  if (!io.doctype_name.empty())
    x += Begrip(in, "classificatie",
                {io.doctype_name, io.doctype_id, "Scanstraat documenttypen"});
  if (!io.dekking_begin.empty()) {
    x += "    <dekkingInTijd>\n";
    x += Begrip("      ", "dekkingInTijdType", {"Looptijd", "", "Scanstraat dekkingInTijd-typen"});
    x += El("      ", "dekkingInTijdBegindatum", io.dekking_begin);
    if (!io.dekking_end.empty()) x += El("      ", "dekkingInTijdEinddatum", io.dekking_end);
    x += "    </dekkingInTijd>\n";
  }
  if (!io.language.empty()) x += El(in, "taal", io.language);
  x += Begrip(in, "waardering",
              {WaarderingLabel(io.waardering), io.waardering, "Begrippenlijst Waarderingen MDTO"});
  if (!io.bewaartermijn.empty()) {
    x += "    <bewaartermijn>\n";
    if (!io.bewaartermijn_start.empty())
      x += El("      ", "termijnStartdatumLooptijd", io.bewaartermijn_start);
    x += El("      ", "termijnLooptijd", io.bewaartermijn);
    if (!io.bewaartermijn_start.empty()) {
      SS_ASSIGN_OR_RETURN(std::string end, AddIsoDuration(io.bewaartermijn_start, io.bewaartermijn));
      x += El("      ", "termijnEinddatum", end);
    }
    x += "    </bewaartermijn>\n";
  }
  if (!io.category_code.empty())
    x += Begrip(in, "informatiecategorie",
                {io.category_label.empty() ? io.category_code : io.category_label,
                 io.category_code, io.selectielijst});
  for (const std::string& r : io.representations)
    x += "    <heeftRepresentatie>\n" + El("      ", "verwijzingNaam", r) +
         "    </heeftRepresentatie>\n";
  x += "    <archiefvormer>\n" + El("      ", "verwijzingNaam", io.archiefvormer_name);
  x += Identificatie("      ", "verwijzingIdentificatie", io.archiefvormer_code,
                     "TOOI register gemeenten compleet");
  x += "    </archiefvormer>\n";
  x += "    <beperkingGebruik>\n";
  x += Begrip("      ", "beperkingGebruikType", io.beperking_gebruik);
  x += "    </beperkingGebruik>\n";
  x += "  </informatieobject>\n</MDTO>\n";
  return x;
}

Result<std::string> MdtoBestandXml(const MdtoBestand& b) {
  static const std::regex kHex("[0-9a-f]{64}");
  static const std::regex kPronom("(x-)?fmt/[0-9]+");
  SS_RETURN_IF_ERROR(Require(!b.id.empty() && !b.id_source.empty(), "identificatie"));
  SS_RETURN_IF_ERROR(Require(!b.name.empty() && b.name.find('/') == std::string::npos, "naam"));
  SS_RETURN_IF_ERROR(Require(std::regex_match(b.pronom, kPronom) && !b.format_label.empty(),
                             "bestandsformaat (PRONOM id)"));
  SS_RETURN_IF_ERROR(Require(std::regex_match(b.sha256, kHex), "checksum (SHA-256 hex)"));
  SS_RETURN_IF_ERROR(Require(!b.object_name.empty(), "isRepresentatieVan"));

  const char* in = "    ";
  std::string x = kHeader;
  x += "  <bestand>\n";
  x += Identificatie(in, "identificatie", b.id, b.id_source);
  x += El(in, "naam", b.name);
  x += El(in, "omvang", std::to_string(b.size));
  x += Begrip(in, "bestandsformaat", {b.format_label, b.pronom, "PRONOM-register"});
  x += "    <checksum>\n";
  x += Begrip("      ", "checksumAlgoritme",
              {"SHA-256", "", "Begrippenlijst ChecksumAlgoritme MDTO"});
  x += El("      ", "checksumWaarde", b.sha256);
  x += El("      ", "checksumDatum", XsdDateTime(b.checksum_time));
  x += "    </checksum>\n";
  x += "    <isRepresentatieVan>\n" + El("      ", "verwijzingNaam", b.object_name);
  if (!b.object_id.empty())
    x += Identificatie("      ", "verwijzingIdentificatie", b.object_id, b.object_id_source);
  x += "    </isRepresentatieVan>\n";
  x += "  </bestand>\n</MDTO>\n";
  return x;
}

Status WriteMdtoInformatieobject(FileSystem& fs, const MdtoInformatieobject& io,
                                 const std::filesystem::path& out) {
  SS_ASSIGN_OR_RETURN(std::string xml, MdtoInformatieobjectXml(io));
  return WriteFileAtomic(fs, out, xml);
}

Status WriteMdtoBestand(FileSystem& fs, const MdtoBestand& b, const std::filesystem::path& out) {
  SS_ASSIGN_OR_RETURN(std::string xml, MdtoBestandXml(b));
  return WriteFileAtomic(fs, out, xml);
}

}  // namespace scanstraat
