// Labels known by their words (label_words.h): which phrases of a page are
// a field's label although no rule lists their wording.
#include "pipeline/extract/label_words.h"

#include <gtest/gtest.h>

#include "tests/extract/page_fixture.h"

namespace scanstraat {
namespace {

FieldRule Field(std::string name, std::vector<std::string> labels) {
  FieldRule f;
  f.name = std::move(name);
  f.type = "text";
  f.labels = std::move(labels);
  return f;
}

DocTypeRule MovingType() {
  DocTypeRule t;
  t.fields.push_back(Field("aantal_personen", {"Aantal personen", "Hoeveel personen verhuizen",
                                               "Met hoeveel personen verhuist u"}));
  t.fields.push_back(Field("verhuisdatum", {"Verhuisdatum", "Datum verhuizing"}));
  t.fields.push_back(Field("geboortedatum", {"Geboortedatum", "Geb. datum"}));
  AssignLabelWords(t);
  return t;
}

using Words = std::vector<std::string>;

TEST(LabelWords, WordsOfLabelsWithoutFillers) {
  const DocTypeRule t = MovingType();
  EXPECT_EQ(t.fields[0].label_words, (Words{"aantal", "hoeveel", "personen", "verhuist", "verhuizen"}));
  EXPECT_EQ(t.fields[0].own_label_words, t.fields[0].label_words);
  // "datum" is in two fields' labels: no field's own word.
  EXPECT_EQ(t.fields[1].label_words, (Words{"datum", "verhuisdatum", "verhuizing"}));
  EXPECT_EQ(t.fields[1].own_label_words, (Words{"verhuisdatum", "verhuizing"}));
  EXPECT_EQ(t.fields[2].own_label_words, (Words{"geb", "geboortedatum"}));
  EXPECT_TRUE(IsFillerWord("welke"));
  EXPECT_FALSE(IsFillerWord("personen"));
}

// The phrases FindByWords takes for `field` on a one-page layout, as text.
Words Found(const std::string& layout, const FieldRule& field, LabelMask stop = {}) {
  const PageText page = testing::ParseLayout(layout)[0];
  if (stop.empty()) stop.assign(page.words.size(), 0);
  Words out;
  for (const WordSpan& s : FindByWords(page, 0, field, stop)) {
    std::string text;
    for (int w = s.first; w < s.first + s.count; ++w) text += (text.empty() ? "" : " ") + page.words[w].text;
    EXPECT_DOUBLE_EQ(s.similarity, kByWordsSimilarity);
    out.push_back(text);
  }
  return out;
}

TEST(LabelWords, AQuestionOfTheFieldsWords) {
  const DocTypeRule t = MovingType();
  EXPECT_EQ(Found("100 200 Met hoeveel personen? 3", t.fields[0]), (Words{"Met hoeveel personen?"}));
  // A wide gap ends the phrase; the value beyond it is no part of it.
  EXPECT_EQ(Found("100 200 Aantal personen\n100 900 3", t.fields[0]), (Words{"Aantal personen"}));
  EXPECT_EQ(Found("100 200 Datum verhuizing:", t.fields[1]), (Words{"Datum verhuizing:"}));
}

TEST(LabelWords, NotAHeadingOrAnotherQuestion) {
  const DocTypeRule t = MovingType();
  // One word alone is taken only when it asks.
  EXPECT_TRUE(Found("100 200 Personen", t.fields[0]).empty());
  EXPECT_EQ(Found("100 200 Personen:", t.fields[0]), (Words{"Personen:"}));
  // A section number starts a heading.
  EXPECT_TRUE(Found("100 200 3. Aantal personen", t.fields[0]).empty());
  // A word that is no label word of the field: another question.
  EXPECT_TRUE(Found("100 200 Hoeveel personen wonen er?", t.fields[0]).empty());
  EXPECT_TRUE(Found("100 200 Personen 2024:", t.fields[0]).empty());
  // Only words shared with other fields: no field's label.
  EXPECT_TRUE(Found("100 200 Datum:", t.fields[1]).empty());
  EXPECT_TRUE(Found("100 200 Datum:", t.fields[2]).empty());
}

TEST(LabelWords, AnotherLabelEndsThePhrase) {
  const DocTypeRule t = MovingType();
  // "Geboortedatum" is a label found the usual way (a stop): what precedes
  // it is a phrase of its own.
  const std::string layout = "100 200 Aantal personen Geboortedatum";
  EXPECT_TRUE(Found(layout, t.fields[0]).empty());
  EXPECT_EQ(Found(layout, t.fields[0], LabelMask{0, 0, 1}), (Words{"Aantal personen"}));
}

}  // namespace
}  // namespace scanstraat
