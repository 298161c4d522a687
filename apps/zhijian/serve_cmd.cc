#include "apps/zhijian/serve_cmd.h"

#include "apps/zhijian/cli_text.h"

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "api/app.h"
#include "api/openapi.h"
#include "engine/engine.h"
#include "storage/database.h"
#include "workflow/casework.h"
#include "workflow/config.h"

namespace zj::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;
void OnSignal(int) { g_stop = 1; }

int Intake(const std::string& url, const workflow::WorkflowOptions& opts) {
  auto db = storage::Database::Open(url, {.create_if_missing = false});
  if (!db.ok()) {
    std::cerr << "无法打开数据库：" << db.status().message() << "\n";
    return 2;
  }
  auto r = workflow::Intake(**db, SystemClock::Get(), opts, workflow::Actor::System("system"));
  if (!r.ok()) {
    std::cerr << "受理失败：" << r.status().message() << "\n";
    return 2;
  }
  std::cout << "新受理减刑、假释、暂予监外执行审查案件 " << r->accepted << " 件；登记收到裁定 "
            << r->rulings << " 件\n";
  for (const std::string& p : r->problems) std::cout << "  未能受理：" << p << "\n";
  return 0;
}

}  // namespace

struct ServeCommands::State {
  std::string data_dir;
  CLI::App* serve = nullptr;
  CLI::App* intake = nullptr;
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 128;
  std::string web_dir;
  bool secure_cookies = false;
  bool openapi = false;
  int max_upload_mib = 512;
};

ServeCommands::ServeCommands(CLI::App& app, std::string data_dir)
    : s_(std::make_unique<State>()) {
  s_->data_dir = std::move(data_dir);
  s_->serve = app.add_subcommand("serve", "启动服务：接口与网页 / serve the API and the web app");
  s_->serve->add_option("--host", s_->host, "监听地址 / listen address")->capture_default_str();
  s_->serve->add_option("--port", s_->port, "端口（0 = 任一空闲端口）/ port")
      ->capture_default_str();
  s_->serve->add_option("--threads", s_->threads, "连接线程数 / connection threads")
      ->capture_default_str();
  s_->serve->add_option("--web", s_->web_dir, "网页目录（web/dist）/ the built web app");
  s_->serve->add_flag("--secure-cookies", s_->secure_cookies,
                      "经 HTTPS 提供服务时设置 Secure Cookie / behind HTTPS");
  s_->serve->add_option("--max-upload-mib", s_->max_upload_mib,
                        "网页上传数据包的大小上限（MiB）/ largest batch upload")
      ->capture_default_str()
      ->check(CLI::Range(1, 16384));
  s_->serve->add_flag("--openapi", s_->openapi,
                      "输出接口文档（OpenAPI 3）后退出 / print docs/api/openapi.yaml");
  s_->intake = app.add_subcommand(
      "intake", "受理待审查的减刑、假释、暂予监外执行提请，登记已到达的裁定 / accept proposals");
}

ServeCommands::~ServeCommands() = default;

std::optional<int> ServeCommands::Run(const std::string& db_url, const std::string& config_path) {
  if (!*s_->intake && !*s_->serve) return std::nullopt;
  workflow::WorkflowOptions wf;
  std::vector<models::ParamOverride> model_params;  // [models] for runs started from the web
  std::error_code ec;
  if (!config_path.empty() && std::filesystem::exists(config_path, ec)) {
    auto text = ReadTextFile(config_path);
    if (!text.ok()) {
      std::cerr << text.status().message() << "\n";
      return 2;
    }
    auto parsed = workflow::WorkflowOptionsFromToml(*text, config_path);
    if (!parsed.ok()) {
      std::cerr << parsed.status().message() << "\n";
      return 2;
    }
    wf = std::move(*parsed);
    if (*s_->serve) {
      auto params = engine::ParamOverridesFromToml(*text, config_path);
      if (!params.ok()) {
        std::cerr << params.status().message() << "\n";
        return 2;
      }
      model_params = std::move(*params);
    }
  }
  if (*s_->intake) return Intake(db_url, wf);

  api::AppConfig config;
  config.db_url = db_url;
  config.data_dir = s_->data_dir;
  config.http.host = s_->host;
  config.http.port = s_->port;
  config.http.threads = s_->threads;
  config.http.static_dir = s_->web_dir;
  config.secure_cookies = s_->secure_cookies;
  config.workflow = wf;
  config.model_params = std::move(model_params);
  config.http.max_upload_bytes = static_cast<size_t>(s_->max_upload_mib) * 1024 * 1024;
  if (!s_->openapi) {
    if (int rc = Intake(db_url, wf); rc != 0) return rc;
  }
  auto app = api::App::Create(std::move(config));
  if (!app.ok()) {
    std::cerr << "无法启动服务：" << app.status().message() << "\n";
    return 2;
  }
  if (s_->openapi) {
    std::cout << api::OpenApiYaml((*app)->routes());
    return 0;
  }
  auto port = (*app)->Start();
  if (!port.ok()) {
    std::cerr << "无法启动服务：" << port.status().message() << "\n";
    return 2;
  }
  std::cout << "服务已启动：http://" << s_->host << ":" << *port << "/ （Ctrl+C 停止）"
            << std::endl;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  (*app)->Stop();
  std::cout << "服务已停止\n";
  return 0;
}

}  // namespace zj::cli
