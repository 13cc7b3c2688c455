// PageText to and from compact JSON, as stored in the pages table:
// {"page":1,"w":2480,"h":3508,"dpi":300,"src":"ocr",
//  "words":[["Naam",x0,y0,x1,y1,conf_permille,line],...],
//  "lines":[[x0,y0,x1,y1,block,first_word,word_count],...]}
// (text is stored beside it, not inside). Thread-safety: pure functions.
#pragma once

#include <string>

#include "pipeline/core/page_text.h"
#include "pipeline/core/status.h"

namespace scanstraat {

std::string PageTextToJson(const PageText& page);
// `text` is the page's plain text, stored separately.
Result<PageText> PageTextFromJson(const std::string& json, std::string text);

}  // namespace scanstraat
