// The review screen's static files (pipeline/serve/web/), compiled into the
// binary by cmake/embed_files.cmake so that `scanstraat serve` reads nothing
// from disk to serve them.
#pragma once

#include <string_view>
#include <vector>

namespace scanstraat {

struct WebAsset {
  std::string_view name;   // file name, e.g. "app.js"
  std::string_view bytes;
};

const std::vector<WebAsset>& WebAssets();

}  // namespace scanstraat
