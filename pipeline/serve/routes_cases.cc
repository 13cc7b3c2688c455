// The queue, the case and its actions, and the audit log (API.md, "Endpoints").
#include "pipeline/serve/http_context.h"

namespace scanstraat {
using json = nlohmann::json;

namespace {

int64_t CaseId(const httplib::Request& req) { return std::stoll(std::string(req.matches[1])); }

// A case action: the guards, then `body` with the service and the case id.
template <typename F>
httplib::Server::Handler CaseAction(ServerContext& ctx, bool change, F body) {
  return [&ctx, change, body](const httplib::Request& req, httplib::Response& res) {
    std::optional<Authed> a = Guard(ctx, req, res, change);
    if (!a) return;
    int64_t id = 0;
    try {
      id = CaseId(req);
    } catch (...) {
      return SendJson(res, 404, {{"error", "not_found"}, {"message", "Niet gevonden."}});
    }
    std::optional<json> payload = json::object();
    if (change && !(payload = JsonBody(req, res))) return;
    body(*a->service->service, a->actor, id, *payload, req, res);
  };
}

json AuditJson(const AuditEntry& e) {
  return {{"seq", e.seq}, {"at", e.at}, {"actor", e.actor}, {"action", e.action}, {"object", e.object},
          {"result", e.result}, {"origin", e.origin}, {"detail", e.detail}};
}

}  // namespace

void RegisterCaseRoutes(httplib::Server& svr, ServerContext& ctx) {
  svr.Get("/api/cases", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Authed> a = Guard(ctx, req, res, false);
    if (!a) return;
    CaseFilter filter{req.get_param_value("type"), req.get_param_value("reason")};
    Result<json> q = a->service->service->Queue(a->actor, filter);
    if (!q.ok()) return SendError(res, q.status());
    SendJson(res, 200, *q);
  });
  svr.Get(R"(/api/cases/(\d+))", CaseAction(ctx, false, [](ReviewService& s, const Actor& a, int64_t id,
                                                          const json&, const httplib::Request&, httplib::Response& res) {
    Result<json> c = s.Show(a, id);
    if (!c.ok()) return SendError(res, c.status());
    SendJson(res, 200, *c);
  }));
  svr.Get(R"(/api/cases/(\d+)/pages/(\d+))", CaseAction(ctx, false, [](ReviewService& s, const Actor& a, int64_t id,
                                                                       const json&, const httplib::Request& req,
                                                                       httplib::Response& res) {
    int page = 0;
    try {
      page = std::stoi(std::string(req.matches[2]));
    } catch (...) {
      return SendError(res, Status::NotFound("page"));
    }
    std::vector<std::string> reveal;  // ?reveal=bsn,iban: field names only
    std::string list = req.get_param_value("reveal");
    for (size_t start = 0; start < list.size();) {
      const size_t comma = std::min(list.find(',', start), list.size());
      if (comma > start) reveal.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
    Result<std::string> png = s.PagePng(a, id, page, reveal);
    if (!png.ok()) return SendError(res, png.status());
    res.set_content(std::move(png).value(), "image/png");
  }));
  svr.Post(R"(/api/cases/(\d+)/claim)", CaseAction(ctx, true, [](ReviewService& s, const Actor& a, int64_t id,
                                                                const json&, const httplib::Request&, httplib::Response& res) {
    Result<int64_t> until = s.Claim(a, id);
    if (!until.ok()) return SendError(res, until.status());
    SendJson(res, 200, {{"claim_expires", *until}});
  }));
  svr.Post(R"(/api/cases/(\d+)/release)", CaseAction(ctx, true, [](ReviewService& s, const Actor& a, int64_t id,
                                                                  const json&, const httplib::Request&, httplib::Response& res) {
    Status st = s.Release(a, id);
    if (!st.ok()) return SendError(res, st);
    SendJson(res, 200, {{"ok", true}});
  }));
  svr.Post(R"(/api/cases/(\d+)/reveal)", CaseAction(ctx, true, [](ReviewService& s, const Actor& a, int64_t id,
                                                                 const json& body, const httplib::Request&, httplib::Response& res) {
    Result<json> v = s.Reveal(a, id, body.value("field", ""));
    if (!v.ok()) return SendError(res, v.status());
    res.set_header("Cache-Control", "no-store");
    SendJson(res, 200, *v);
  }));
  svr.Post(R"(/api/cases/(\d+)/check)", CaseAction(ctx, true, [](ReviewService& s, const Actor& a, int64_t id,
                                                                const json& body, const httplib::Request&, httplib::Response& res) {
    Result<CheckResult> r = s.Check(a, id, body.value("field", ""), body.value("value", json()));
    if (!r.ok()) return SendError(res, r.status());
    SendJson(res, 200, {{"valid", r->valid}, {"errors", r->errors}});
  }));
  svr.Post(R"(/api/cases/(\d+)/fields)", CaseAction(ctx, true, [](ReviewService& s, const Actor& a, int64_t id,
                                                                 const json& body, const httplib::Request&, httplib::Response& res) {
    Result<json> c = s.Correct(a, id, body.value("field", ""), body.value("value", json()));
    if (!c.ok()) return SendError(res, c.status());
    SendJson(res, 200, *c);
  }));
  svr.Post(R"(/api/cases/(\d+)/doctype)", CaseAction(ctx, true, [](ReviewService& s, const Actor& a, int64_t id,
                                                                  const json& body, const httplib::Request&, httplib::Response& res) {
    Result<json> c = s.ChangeType(a, id, body.value("doctype", ""));
    if (!c.ok()) return SendError(res, c.status());
    SendJson(res, 200, *c);
  }));
  svr.Post(R"(/api/cases/(\d+)/approve)", CaseAction(ctx, true, [](ReviewService& s, const Actor& a, int64_t id,
                                                                  const json&, const httplib::Request&, httplib::Response& res) {
    Result<ApproveResult> r = s.Approve(a, id);
    if (!r.ok()) return SendError(res, r.status());
    SendJson(res, r->state == "approved" ? 200 : 202, {{"state", r->state}, {"archive", r->archive}});
  }));
  svr.Post(R"(/api/cases/(\d+)/reject)", CaseAction(ctx, true, [](ReviewService& s, const Actor& a, int64_t id,
                                                                 const json& body, const httplib::Request&, httplib::Response& res) {
    Status st = s.Reject(a, id, body.value("reason", ""));
    if (!st.ok()) return SendError(res, st);
    SendJson(res, 200, {{"state", "rejected"}});
  }));
  svr.Get("/api/audit", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Authed> a = Guard(ctx, req, res, false);
    if (!a) return;
    AuditLog::Query q;
    try {
      if (req.has_param("limit")) q.limit = std::clamp(std::stoi(req.get_param_value("limit")), 1, 1000);
      if (req.has_param("before")) q.before = std::stoll(req.get_param_value("before"));
    } catch (...) {
      return SendJson(res, 400, {{"error", "bad_request"}, {"message", "Ongeldig verzoek."}});
    }
    q.actor = req.get_param_value("actor");
    q.action = req.get_param_value("action");
    Result<std::vector<AuditEntry>> entries = a->service->service->AuditEntries(a->actor, q);
    if (!entries.ok()) return SendError(res, entries.status());
    json list = json::array();
    for (const AuditEntry& e : *entries) list.push_back(AuditJson(e));
    SendJson(res, 200, {{"entries", std::move(list)}});
  });
}

}  // namespace scanstraat
