#include "pipeline/serve/server.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "pipeline/core/log.h"
#include "pipeline/serve/http_context.h"

namespace scanstraat {
namespace {

void SecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; "
                 "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
}

}  // namespace

int Serve(const ServeOptions& options) {
  // SIGINT/SIGTERM go to one waiting thread, which stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  ServerContext ctx(options);
  {  // the workspace must exist and open before we listen
    Result<std::unique_ptr<ServicePool::Lease>> lease = ctx.pool.Borrow();
    if (!lease.ok()) {
      LogError(lease.status().message());
      return 1;
    }
  }
  httplib::Server svr;
  svr.set_payload_max_length(1 << 20);
  svr.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
    SecurityHeaders(res);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    // Paths hold case ids and page numbers only; query strings are not logged.
    LogInfo("http " + req.method + " " + req.path + " " + std::to_string(res.status));
  });
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendJson(res, 500, {{"error", "internal"}, {"message", "Er ging iets mis op de server."}});
  });
  RegisterStaticRoutes(svr, ctx);
  RegisterAuthRoutes(svr, ctx);
  RegisterCaseRoutes(svr, ctx);

  int port = options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(options.host);
    if (port < 0) port = 0;
  } else if (!svr.bind_to_port(options.host, port)) {
    port = 0;
  }
  if (port == 0) {
    LogError("cannot listen on " + options.host + ":" + std::to_string(options.port));
    return 1;
  }
  std::atomic<bool> signalled{false};
  std::thread stopper([&svr, &signalled, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    signalled = true;
    svr.stop();
  });
  std::fprintf(stderr, "scanstraat serve: listening on http://%s:%d\n", options.host.c_str(), port);
  std::fflush(stderr);
  svr.listen_after_bind();
  if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);  // listen ended by itself
  stopper.join();
  return 0;
}

}  // namespace scanstraat
