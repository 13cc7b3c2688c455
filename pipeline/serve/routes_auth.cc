// Login, logout and who am I (API.md, "Sessions, CSRF, roles").
#include "pipeline/serve/http_context.h"

namespace scanstraat {
using json = nlohmann::json;

namespace {

std::string SessionCookie(const ServeOptions& o, const std::string& token, int64_t max_age) {
  return "ss_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age) + (o.secure_cookies ? "; Secure" : "");
}

enum class LoginOutcome { kOk, kWrong, kTooMany, kError };

// Checks the limits, the password, starts the session; audits every attempt.
LoginOutcome Login(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                   const std::string& name, const std::string& password, Session* out) {
  Result<std::unique_ptr<ServicePool::Lease>> lease = ctx.pool.Borrow();
  if (!lease.ok()) return LoginOutcome::kError;
  ReviewService& svc = *(*lease)->service;
  const std::string actor = ValidUserName(name) ? name : "-";
  const std::string ip_key = "ip:" + req.remote_addr, user_key = "user:" + actor;
  const int64_t now = svc.sessions().Now();
  if (!ctx.address_limiter.Allowed(ip_key, now) || !ctx.account_limiter.Allowed(user_key, now)) {
    svc.Audit({actor, "login", "session", "denied", req.remote_addr, "rate_limited"});
    return LoginOutcome::kTooMany;
  }
  Result<User> user = svc.users().Authenticate(name, password);
  if (!user.ok()) {
    ctx.address_limiter.Failed(ip_key, now);
    ctx.account_limiter.Failed(user_key, now);
    svc.Audit({actor, "login", "session", "failed", req.remote_addr, ""});
    return LoginOutcome::kWrong;
  }
  (void)svc.sessions().Sweep();
  Result<Session> session = svc.sessions().Create(*user, req.remote_addr);
  if (!session.ok()) return LoginOutcome::kError;
  ctx.account_limiter.Succeeded(user_key);
  svc.Audit({user->name, "login", "session", "ok", req.remote_addr, "role=" + std::string(RoleName(user->role))});
  res.set_header("Set-Cookie", SessionCookie(ctx.options, session->token, ctx.options.sessions.absolute_seconds));
  *out = std::move(session).value();
  return LoginOutcome::kOk;
}

}  // namespace

void RegisterAuthRoutes(httplib::Server& svr, ServerContext& ctx) {
  // The login form (no script needed).
  svr.Post("/login", [&ctx](const httplib::Request& req, httplib::Response& res) {
    Session s;
    switch (Login(ctx, req, res, req.get_param_value("name"), req.get_param_value("password"), &s)) {
      case LoginOutcome::kOk: return res.set_redirect("/", 303);
      case LoginOutcome::kTooMany: return res.set_redirect("/login?fout=te-veel", 303);
      case LoginOutcome::kWrong: return res.set_redirect("/login?fout=1", 303);
      case LoginOutcome::kError: return SendError(res, Status::Internal("login"));
    }
  });
  svr.Post("/api/login", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<json> body = JsonBody(req, res);
    if (!body) return;
    Session s;
    switch (Login(ctx, req, res, body->value("name", ""), body->value("password", ""), &s)) {
      case LoginOutcome::kOk:
        return SendJson(res, 200, {{"name", s.user.name}, {"role", RoleName(s.user.role)}, {"csrf", s.csrf}});
      case LoginOutcome::kTooMany:
        return SendJson(res, 429, {{"error", "too_many"}, {"message", "Te veel mislukte pogingen; wacht een kwartier."}});
      case LoginOutcome::kWrong:
        return SendJson(res, 401, {{"error", "login_failed"}, {"message", "Naam of wachtwoord klopt niet."}});
      case LoginOutcome::kError: return SendError(res, Status::Internal("login"));
    }
  });
  svr.Post("/api/logout", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Authed> a = Guard(ctx, req, res, true);
    if (!a) return;
    (void)a->service->service->sessions().End(SessionToken(req));
    a->service->service->Audit({a->actor.user.name, "logout", "session", "ok", a->actor.origin, ""});
    res.set_header("Set-Cookie", SessionCookie(ctx.options, "", 0));
    SendJson(res, 200, {{"ok", true}});
  });
  svr.Get("/api/me", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Authed> a = Guard(ctx, req, res, false);
    if (!a) return;
    SendJson(res, 200, {{"name", a->actor.user.name}, {"role", RoleName(a->actor.user.role)}, {"csrf", a->csrf}});
  });
}

}  // namespace scanstraat
