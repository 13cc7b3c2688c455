// The review screen's pages and files, from the binary (web_assets.h).
#include "pipeline/serve/http_context.h"
#include "pipeline/serve/web_assets.h"

namespace scanstraat {
namespace {

const WebAsset* FindAsset(const std::string& name) {
  for (const WebAsset& a : WebAssets())
    if (a.name == name) return &a;
  return nullptr;
}

std::string ContentType(const std::string& name) {
  auto ends = [&](const char* ext) {
    const std::string e(ext);
    return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  return "application/octet-stream";
}

bool LoggedIn(ServerContext& ctx, const httplib::Request& req) {
  Result<std::unique_ptr<ServicePool::Lease>> lease = ctx.pool.Borrow();
  return lease.ok() && (*lease)->service->sessions().Find(SessionToken(req)).ok();
}

void SendAsset(httplib::Response& res, const std::string& name) {
  const WebAsset* a = FindAsset(name);
  if (a == nullptr) {
    res.status = 404;
    res.set_content("Niet gevonden", "text/plain; charset=utf-8");
    return;
  }
  res.set_content(std::string(a->bytes), ContentType(name));
}

}  // namespace

void RegisterStaticRoutes(httplib::Server& svr, ServerContext& ctx) {
  svr.Get("/", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!LoggedIn(ctx, req)) return res.set_redirect("/login", 303);
    SendAsset(res, "index.html");
  });
  svr.Get("/login", [&ctx](const httplib::Request& req, httplib::Response& res) {
    SendAsset(res, "login.html");
  });
  // File names only: no '/' and no "..", so nothing outside the embedded set.
  svr.Get(R"(/static/([A-Za-z0-9_-][A-Za-z0-9._-]*))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.matches[1];
    const bool public_file = name == "login.css" || name == "login.js";
    if (!public_file && !LoggedIn(ctx, req)) {
      res.status = 401;
      res.set_content("Log eerst in", "text/plain; charset=utf-8");
      return;
    }
    SendAsset(res, name);
  });
}

}  // namespace scanstraat
