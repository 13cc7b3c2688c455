// Shared by the review server's route files: the service pool, the request
// guards (session, CSRF, same origin) and JSON replies. Only pipeline/serve/
// includes httplib.
#pragma once

#include <httplib.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/review/review_service.h"
#include "pipeline/serve/rate_limit.h"
#include "pipeline/serve/server.h"

namespace scanstraat {

// ReviewServices (each with its own store connection) lent to request threads.
class ServicePool {
 public:
  explicit ServicePool(const ServeOptions& options) : options_(options) {}
  struct Lease {
    ServicePool* pool;
    std::unique_ptr<ReviewService> service;
    ~Lease() {
      if (service) pool->Return(std::move(service));
    }
    ReviewService* operator->() { return service.get(); }
  };
  Result<std::unique_ptr<Lease>> Borrow();

 private:
  void Return(std::unique_ptr<ReviewService> s);
  const ServeOptions& options_;
  std::mutex mu_;
  std::vector<std::unique_ptr<ReviewService>> idle_;
};

struct ServerContext {
  explicit ServerContext(const ServeOptions& o)
      : options(o),
        pool(options),
        account_limiter(o.login_max_failures, o.login_window_seconds),
        address_limiter(4 * o.login_max_failures, o.login_window_seconds) {}
  ServeOptions options;
  ServicePool pool;
  LoginLimiter account_limiter;  // failures per account name
  LoginLimiter address_limiter;  // failures per client address (many people may share one)
};

// A request that passed the guards: who asks, and a service to ask.
struct Authed {
  Actor actor;
  std::string csrf;
  std::unique_ptr<ServicePool::Lease> service;
};

void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
// Maps a service error onto HTTP (403/404/409/422/500) with a Dutch message;
// never echoes the internal message for 500.
void SendError(httplib::Response& res, const Status& s);
// The session cookie's value, or "".
std::string SessionToken(const httplib::Request& req);
// Checks session (401), and for changes also CSRF token and Origin (403).
// Sends the refusal itself and returns nullopt when the request may not go on.
std::optional<Authed> Guard(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                            bool change);
// The JSON body as an object, or sends 400 and returns nullopt.
std::optional<nlohmann::json> JsonBody(const httplib::Request& req, httplib::Response& res);

void RegisterAuthRoutes(httplib::Server& svr, ServerContext& ctx);
void RegisterCaseRoutes(httplib::Server& svr, ServerContext& ctx);
void RegisterStaticRoutes(httplib::Server& svr, ServerContext& ctx);

}  // namespace scanstraat
