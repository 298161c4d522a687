#pragma once
// The platform's HTTP JSON API (docs/api/openapi.yaml): every route, the session and CSRF
// checks, roles × jurisdiction, and the web app's static files, on one port.
//
// For every /api route the before hook, in order:
//   1. public routes (login) pass;
//   2. the zj_session cookie must name a live session (else 401);
//   3. a user who must change the password may only read /api/auth/me, change it or log
//      out (else 403);
//   4. an unsafe method (POST, PUT, PATCH, DELETE) must carry the session's CSRF token in
//      X-CSRF-Token (else 403);
//   5. the role must hold the route's permission (api/auth/roles.h; else 403);
//   6. the user's jurisdiction (auth::ScopeResolver) is attached; every storage query the
//      handler makes is limited by it, so another jurisdiction's record answers 404.
// Handlers turn Status values into the one error shape (http::Response::FromStatus);
// messages are Chinese.
//
// Each request thread uses its own store connection, opened on first use and kept for the
// thread's life.
//
// Imports of uploaded batches and model runs run as background jobs (api/jobs.h) owned by the
// App; Stop waits for a job in progress to finish.
//
// Thread-safety: Create, Start and Stop from one thread; requests are served concurrently.

#include <memory>
#include <string>
#include <vector>

#include "api/auth/accounts.h"
#include "api/http/server.h"
#include "common/clock.h"
#include "common/status.h"
#include "models/params.h"
#include "workflow/casework.h"

namespace zj::api {

struct AppConfig {
  std::string db_url;         // sqlite://…
  std::string data_dir;       // data/: geo for the models, templates/ for documents
  http::ServerOptions http;   // port, threads, limits, static_dir (web/dist)
  auth::Options auth;
  workflow::WorkflowOptions workflow;
  // Model parameter settings of zhijian.toml ([models.Mxx], engine::ParamOverridesFromToml),
  // applied to runs started from the web below the run's own settings.
  std::vector<models::ParamOverride> model_params;
  const Clock* clock = nullptr;  // nullptr = SystemClock
  bool secure_cookies = false;   // set when served over HTTPS
};

class App {
 public:
  // Checks the store is initialised and loads the document templates; the server is built
  // with every route but not started. Errors are Chinese.
  static Result<std::unique_ptr<App>> Create(AppConfig config);
  ~App();

  // Binds and serves; returns the port.
  Result<int> Start();
  void Stop();
  const std::vector<http::Route>& routes() const;

  struct State;  // shared by the route files (api/internal.h)

 private:
  explicit App(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace zj::api
