// MDTO 1.0.1 files, checked with the real xmllint against the official XSD.
#include "pipeline/archive/mdto.h"

#include <gtest/gtest.h>

#include "archive_test_util.h"
#include "pipeline/archive/verify_mdto.h"

namespace scanstraat {
namespace {

using testing::Quote;
using testing::ScratchDir;
using testing::Sh;

MdtoInformatieobject Object() {
  MdtoInformatieobject io;
  io.id = std::string(64, 'a');
  io.name = "Aanvraag bijstand aaaaaaaa";
  io.doctype_name = "Aanvraag bijstand";
  io.doctype_id = "aanvraag_bijstand";
  io.category_code = "8.1";
  io.category_label = "Voorzieningen verstrekken – Verstrekt";
  io.waardering = "V";
  io.bewaartermijn = "P10Y";
  io.bewaartermijn_start = "2024-02-29";
  io.archiefvormer_code = "gm0363";
  io.archiefvormer_name = "Gemeente Amsterdam";
  io.beperking_gebruik = {"Openbaar", "", "Begrippenlijst BeperkingGebruikTypeLijst MDTO"};
  io.dekking_begin = "2024-02-01";
  io.dekking_end = "2024-02";
  io.representations = {"document.pdf"};
  return io;
}

MdtoBestand File() {
  MdtoBestand b;
  b.id = std::string(64, 'b');
  b.name = "document.pdf";
  b.size = 12345;
  b.sha256 = std::string(64, 'c');
  b.checksum_time = std::chrono::sys_days{std::chrono::year{2024} / 4 / 16};
  b.object_name = "Aanvraag bijstand aaaaaaaa";
  b.object_id = std::string(64, 'a');
  return b;
}

bool XmllintAccepts(const std::filesystem::path& xml, std::string* output) {
  const auto c = Sh("xmllint --noout --schema " + Quote(testing::MdtoXsd()) + " " + Quote(xml));
  *output = c.output;
  return c.exit_code == 0;
}

TEST(Mdto, InformatieobjectIsValidAgainstTheXsd) {
  ScratchDir dir;
  const auto out = dir / "document.mdto.xml";
  ASSERT_TRUE(WriteMdtoInformatieobject(PosixFileSystem(), Object(), out).ok());
  std::string lint;
  EXPECT_TRUE(XmllintAccepts(out, &lint)) << lint << testing::ReadAll(out);
  const std::string xml = testing::ReadAll(out);
  EXPECT_NE(xml.find("<termijnLooptijd>P10Y</termijnLooptijd>"), std::string::npos);
  EXPECT_NE(xml.find("<termijnEinddatum>2034-02-28</termijnEinddatum>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<identificatieKenmerk>gm0363</identificatieKenmerk>"), std::string::npos);
  EXPECT_NE(xml.find("<begripCode>8.1</begripCode>"), std::string::npos);
  auto problems = CheckMdto(out, testing::MdtoXsd());
  ASSERT_TRUE(problems.ok()) << problems.status().ToString();
  EXPECT_TRUE(problems->empty()) << (*problems)[0].message;
}

TEST(Mdto, BestandIsValidAndReadsBack) {
  ScratchDir dir;
  const auto out = dir / "document.pdf.mdto.xml";
  ASSERT_TRUE(WriteMdtoBestand(PosixFileSystem(), File(), out).ok());
  std::string lint;
  EXPECT_TRUE(XmllintAccepts(out, &lint)) << lint << testing::ReadAll(out);
  EXPECT_NE(testing::ReadAll(out).find("<begripCode>fmt/477</begripCode>"), std::string::npos);
  auto facts = ReadMdtoBestandFacts(out);
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  EXPECT_EQ(facts->name, "document.pdf");
  EXPECT_EQ(facts->size, 12345u);
  EXPECT_EQ(facts->sha256, std::string(64, 'c'));
}

TEST(Mdto, TextIsEscaped) {
  ScratchDir dir;
  MdtoInformatieobject io = Object();
  io.name = "A&B <script>\"x\" 'y' \x01 caf\xc3\xa9";
  io.archiefvormer_name = "Gemeente ]]> & co";
  const auto out = dir / "escaped.xml";
  ASSERT_TRUE(WriteMdtoInformatieobject(PosixFileSystem(), io, out).ok());
  std::string lint;
  EXPECT_TRUE(XmllintAccepts(out, &lint)) << lint;
  const std::string xml = testing::ReadAll(out);
  EXPECT_NE(xml.find("<naam>A&amp;B &lt;script&gt;&quot;x&quot; &apos;y&apos;  café</naam>"),
            std::string::npos) << xml;
  const auto naam = Sh("xmllint --xpath 'string(//*[local-name()=\"naam\"])' " + Quote(out));
  EXPECT_EQ(naam.output, "A&B <script>\"x\" 'y'  café\n");
}

TEST(Mdto, MissingOrMalformedFieldsAreRefused) {
  auto bad = [](auto edit) {
    MdtoInformatieobject io = Object();
    edit(io);
    return MdtoInformatieobjectXml(io).status().code();
  };
  EXPECT_EQ(bad([](auto& io) { io.id.clear(); }), Code::kInvalidArgument);
  EXPECT_EQ(bad([](auto& io) { io.waardering = "X"; }), Code::kInvalidArgument);
  EXPECT_EQ(bad([](auto& io) { io.bewaartermijn = "10 jaar"; }), Code::kInvalidArgument);
  EXPECT_EQ(bad([](auto& io) { io.bewaartermijn = "P"; }), Code::kInvalidArgument);
  EXPECT_EQ(bad([](auto& io) { io.archiefvormer_code.clear(); }), Code::kInvalidArgument);
  EXPECT_EQ(bad([](auto& io) { io.dekking_begin = "16-04-2024"; }), Code::kInvalidArgument);
  EXPECT_EQ(bad([](auto& io) { io.beperking_gebruik.label.clear(); }), Code::kInvalidArgument);
  MdtoBestand b = File();
  b.sha256 = "ABC";
  EXPECT_EQ(MdtoBestandXml(b).status().code(), Code::kInvalidArgument);
  b = File();
  b.pronom = "PDF/A";
  EXPECT_EQ(MdtoBestandXml(b).status().code(), Code::kInvalidArgument);
}

TEST(Mdto, BlijvendTeBewarenWithoutTermIsValid) {
  ScratchDir dir;
  MdtoInformatieobject io = Object();
  io.waardering = "B";
  io.bewaartermijn.clear();
  io.bewaartermijn_start.clear();
  io.dekking_begin = "1914";
  io.dekking_end.clear();
  const auto out = dir / "b.xml";
  ASSERT_TRUE(WriteMdtoInformatieobject(PosixFileSystem(), io, out).ok());
  std::string lint;
  EXPECT_TRUE(XmllintAccepts(out, &lint)) << lint;
}

TEST(Mdto, CheckMdtoNamesSchemaViolations) {
  ScratchDir dir;
  const auto out = dir / "bad.xml";
  std::string xml = MdtoBestandXml(File()).value();
  xml.replace(xml.find("<omvang>12345</omvang>"), 22, "<omvang>veel</omvang>");
  testing::WriteAll(out, xml);
  std::string lint;
  EXPECT_FALSE(XmllintAccepts(out, &lint));  // the real tool agrees it is invalid
  auto problems = CheckMdto(out, testing::MdtoXsd());
  ASSERT_TRUE(problems.ok()) << problems.status().ToString();
  ASSERT_FALSE(problems->empty());
  EXPECT_EQ((*problems)[0].check, "mdto.schema");
  EXPECT_NE((*problems)[0].message.find("omvang"), std::string::npos) << (*problems)[0].message;

  testing::WriteAll(out, xml.substr(0, xml.size() / 2));  // truncated
  problems = CheckMdto(out, testing::MdtoXsd());
  ASSERT_TRUE(problems.ok());
  EXPECT_FALSE(problems->empty());
  EXPECT_EQ(CheckMdto(dir / "missing.xml", testing::MdtoXsd()).status().code(), Code::kNotFound);
  EXPECT_FALSE(CheckMdto(out, dir / "no.xsd").ok());
}

TEST(Mdto, AddIsoDuration) {
  EXPECT_EQ(AddIsoDuration("2024-04-16", "P10Y").value(), "2034-04-16");
  EXPECT_EQ(AddIsoDuration("2024-02-29", "P1Y").value(), "2025-02-28");
  EXPECT_EQ(AddIsoDuration("2024-11-30", "P3M").value(), "2025-02-28");
  EXPECT_EQ(AddIsoDuration("2024-12-31", "P1D").value(), "2025-01-01");
  EXPECT_EQ(AddIsoDuration("2024-01-01", "P1Y6M2W").value(), "2025-07-15");
  EXPECT_FALSE(AddIsoDuration("2024-01-01", "10Y").ok());
}

}  // namespace
}  // namespace scanstraat
