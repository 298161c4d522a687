#include "tests/support/batch_builder.h"

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/sha256.h"

namespace zj::testing {
namespace fs = std::filesystem;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

Status WriteGzip(const std::string& path, const std::string& text) {
  gzFile f = gzopen(path.c_str(), "wb6");
  if (!f) return IoError("gzopen " + path);
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  return Status::Ok();
}

std::string TempDir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("zj-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

std::string SourceDir() {
  const char* s = std::getenv("ZJ_SOURCE_DIR");
  return s ? s : ZJ_SOURCE_DIR_DEFAULT;
}

std::string ZhijianBinary() {
  const char* s = std::getenv("ZJ_BINARY");
  return s ? s : ZJ_BINARY_DEFAULT;
}

static int64_t CountRecords(const std::string& text) {
  // Data records = lines outside quotes, minus the header. Test files end with '\n'.
  int64_t n = 0;
  bool q = false;
  for (char c : text) {
    if (c == '"') q = !q;
    if (c == '\n' && !q) ++n;
  }
  if (!text.empty() && text.back() != '\n') ++n;
  return n - 1;
}

Status BuildBatch(const std::string& src, const std::string& dst, const BuildOptions& o) {
  fs::create_directories(dst);
  nlohmann::json manifest = {{"spec", "zhijian-exchange/1"},
                             {"source_org_id", o.source_org_id},
                             {"batch_id", o.batch_id},
                             {"exported_at", o.exported_at},
                             {"tables", nlohmann::json::object()}};
  for (auto& e : fs::directory_iterator(src)) {
    std::string name = e.path().filename().string();
    if (e.is_directory()) {
      fs::copy(e.path(), fs::path(dst) / name, fs::copy_options::recursive);
      continue;
    }
    if (!name.ends_with(".csv")) continue;
    std::string table = name.substr(0, name.size() - 4);
    std::string text = ReadFile(e.path().string());
    std::string file = name;
    if (o.gzip.count(table)) {
      file += ".gz";
      ZJ_RETURN_IF_ERROR(WriteGzip((fs::path(dst) / file).string(), text));
    } else {
      WriteFile((fs::path(dst) / file).string(), text);
    }
    ZJ_ASSIGN_OR_RETURN(std::string sha, Sha256::OfFile((fs::path(dst) / file).string()));
    manifest["tables"][table] = {{"file", file}, {"rows", CountRecords(text)}, {"sha256", sha}};
  }
  WriteFile((fs::path(dst) / "manifest.json").string(), manifest.dump(2));
  return Status::Ok();
}

}  // namespace zj::testing
