#include "pipeline/serve/http_context.h"

#include "pipeline/core/log.h"
#include "pipeline/review/password.h"
#include "pipeline/validate/mask.h"

namespace scanstraat {
using json = nlohmann::json;

Result<std::unique_ptr<ServicePool::Lease>> ServicePool::Borrow() {
  auto lease = std::make_unique<Lease>();
  lease->pool = this;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      lease->service = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!lease->service) {
    SS_ASSIGN_OR_RETURN(lease->service,
                        ReviewService::Open(options_.workspace, options_.rules, options_.sessions));
  }
  return lease;
}

void ServicePool::Return(std::unique_ptr<ReviewService> s) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(s));
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

namespace {
// "prefix: a, b" → ["a", "b"]
std::vector<std::string> ListAfter(const std::string& message, const std::string& prefix) {
  std::vector<std::string> out;
  if (message.rfind(prefix, 0) != 0) return out;
  std::string rest = message.substr(prefix.size());
  size_t start = 0;
  while (start < rest.size()) {
    size_t comma = rest.find(", ", start);
    out.push_back(rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  return out;
}
}  // namespace

void SendError(httplib::Response& res, const Status& s) {
  const std::string& m = s.message();
  switch (s.code()) {
    case Code::kPermissionDenied:
      return SendJson(res, 403, {{"error", "forbidden"}, {"message", "Uw rol mag dit niet."}});
    case Code::kNotFound:
      return SendJson(res, 404, {{"error", "not_found"}, {"message", "Niet gevonden."}});
    case Code::kConflict: {
      const size_t by = m.find("claimed by ");
      if (by != std::string::npos) {
        const std::string who = m.substr(by + 11);
        return SendJson(res, 409, {{"error", "claimed"}, {"claimed_by", who},
                                   {"message", "Deze zaak is in behandeling bij " + who + "."}});
      }
      if (m.find("claim case") != std::string::npos)
        return SendJson(res, 409, {{"error", "not_claimed"}, {"message", "Neem de zaak eerst in behandeling."}});
      return SendJson(res, 409, {{"error", "conflict"}, {"message", "De zaak is intussen gewijzigd."}});
    }
    case Code::kInvalidArgument:
      if (m.rfind("invalid: ", 0) == 0)
        return SendJson(res, 422, {{"error", "invalid"}, {"errors", ListAfter(m, "invalid: ")},
                                   {"message", "Deze waarde is niet geldig."}});
      if (m.rfind("not_ready: ", 0) == 0)
        return SendJson(res, 422, {{"error", "not_ready"}, {"fields", ListAfter(m, "not_ready: ")},
                                   {"message", "Nog niet alle velden zijn in orde."}});
      return SendJson(res, 422, {{"error", "invalid_request"}, {"message", RedactPersonalData(m)}});
    default:
      LogError("review server: " + RedactPersonalData(s.ToString()));
      return SendJson(res, 500, {{"error", "internal"},
                                 {"message", "Er ging iets mis op de server; probeer het opnieuw."}});
  }
}

std::string SessionToken(const httplib::Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < cookies.size()) {
    size_t end = cookies.find(';', pos);
    if (end == std::string::npos) end = cookies.size();
    std::string part = cookies.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    if (part.rfind("ss_session=", 0) == 0) return part.substr(11);
    pos = end + 1;
  }
  return "";
}

std::optional<Authed> Guard(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                            bool change) {
  Result<std::unique_ptr<ServicePool::Lease>> lease = ctx.pool.Borrow();
  if (!lease.ok()) {
    SendError(res, lease.status());
    return std::nullopt;
  }
  Result<Session> session = (*lease)->service->sessions().Find(SessionToken(req));
  if (!session.ok()) {
    SendJson(res, 401, {{"error", "unauthenticated"}, {"message", "Log opnieuw in."}});
    return std::nullopt;
  }
  if (change) {
    const std::string origin = req.get_header_value("Origin");
    const std::string host = req.get_header_value("Host");
    const bool same_origin = origin.empty() || origin == "http://" + host || origin == "https://" + host;
    if (!same_origin || !ConstantTimeEquals(req.get_header_value("X-CSRF-Token"), session->csrf)) {
      (*lease)->service->Audit({session->user.name, "csrf_refused", req.path, "denied", req.remote_addr, ""});
      SendJson(res, 403, {{"error", "csrf"}, {"message", "Vernieuw de pagina en probeer het opnieuw."}});
      return std::nullopt;
    }
  }
  Authed a;
  a.actor.user = session->user;
  a.actor.origin = req.remote_addr;
  a.csrf = session->csrf;
  a.service = std::move(lease).value();
  return a;
}

std::optional<json> JsonBody(const httplib::Request& req, httplib::Response& res) {
  json body = json::parse(req.body.empty() ? "{}" : req.body, nullptr, false);
  if (!body.is_object()) {
    SendJson(res, 400, {{"error", "bad_request"}, {"message", "Ongeldig verzoek."}});
    return std::nullopt;
  }
  return body;
}

}  // namespace scanstraat
