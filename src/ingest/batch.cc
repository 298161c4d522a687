#include "ingest/batch.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/date.h"
#include "domain/exchange_tables.h"

namespace zj::ingest {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSpec = "zhijian-exchange/1";

bool SafeRelativePath(std::string_view p) {
  if (p.empty() || p[0] == '/' || p.find('\\') != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find('/', start);
    if (end == std::string_view::npos) end = p.size();
    std::string_view part = p.substr(start, end - start);
    if (part == ".." || part.empty()) return false;
    start = end + 1;
  }
  return true;
}

Status Extract(const std::string& archive_path, const std::string& into) {
  struct archive* a = archive_read_new();
  archive_read_support_format_tar(a);
  archive_read_support_format_zip(a);
  archive_read_support_filter_gzip(a);
  archive_read_support_filter_none(a);
  std::unique_ptr<struct archive, int (*)(struct archive*)> guard(a, archive_read_free);
  if (archive_read_open_filename(a, archive_path.c_str(), 1 << 20) != ARCHIVE_OK) {
    return InvalidArgument("无法读取数据包压缩文件 " + archive_path + "：" +
                           archive_error_string(a));
  }
  struct archive_entry* entry;
  int rc;
  std::vector<char> buf(1 << 20);
  while ((rc = archive_read_next_header(a, &entry)) == ARCHIVE_OK) {
    std::string name = archive_entry_pathname(entry);
    while (name.size() > 2 && name.compare(0, 2, "./") == 0) name.erase(0, 2);
    if (name.empty() || name == ".") continue;
    std::string trimmed = name.back() == '/' ? name.substr(0, name.size() - 1) : name;
    if (!SafeRelativePath(trimmed)) {
      return InvalidArgument("数据包压缩文件中含有不安全的路径：" + name);
    }
    fs::path target = fs::path(into) / trimmed;
    auto type = archive_entry_filetype(entry);
    if (type == AE_IFDIR) {
      fs::create_directories(target);
      continue;
    }
    if (type != AE_IFREG) return InvalidArgument("数据包压缩文件中含有非普通文件：" + name);
    fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary);
    la_ssize_t n;
    while ((n = archive_read_data(a, buf.data(), buf.size())) > 0) out.write(buf.data(), n);
    if (n < 0) return DataLoss("数据包压缩文件损坏（" + name + "）：" + archive_error_string(a));
    if (!out) return IoError("解压写入失败：" + target.string());
  }
  if (rc != ARCHIVE_EOF) {
    return DataLoss("数据包压缩文件损坏：" + std::string(archive_error_string(a)));
  }
  return Status::Ok();
}

}  // namespace

Result<Manifest> ParseManifest(std::string_view text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return InvalidArgument("manifest.json 不是合法的 JSON（位置 " + std::to_string(e.byte) + "）");
  }
  if (!j.is_object()) return InvalidArgument("manifest.json 顶层应为对象");
  auto str = [&](const char* field, std::string* out) -> Status {
    auto it = j.find(field);
    if (it == j.end() || !it->is_string() || it->get<std::string>().empty()) {
      return InvalidArgument(std::string("manifest.json 缺少字段或字段不是非空字符串：") + field);
    }
    *out = it->get<std::string>();
    return Status::Ok();
  };
  Manifest m;
  ZJ_RETURN_IF_ERROR(str("spec", &m.spec));
  if (m.spec != kSpec) {
    return InvalidArgument("manifest.json 的 spec 为“" + m.spec + "”，本程序只接受“" +
                           std::string(kSpec) + "”");
  }
  ZJ_RETURN_IF_ERROR(str("source_org_id", &m.source_org_id));
  ZJ_RETURN_IF_ERROR(str("batch_id", &m.batch_id));
  ZJ_RETURN_IF_ERROR(str("exported_at", &m.exported_at_text));
  auto ts = ParseTimestamp(m.exported_at_text);
  if (!ts || m.exported_at_text.find('T') == std::string::npos) {
    return InvalidArgument("manifest.json 的 exported_at 应为含时区的 ISO 8601 时间：" +
                           m.exported_at_text);
  }
  m.exported_at = *ts;
  for (auto it = j.begin(); it != j.end(); ++it) {
    static constexpr std::string_view kKnown[] = {"spec", "source_org_id", "batch_id",
                                                  "exported_at", "tables"};
    bool known = false;
    for (auto k : kKnown) known = known || it.key() == k;
    if (!known && it.key().rfind("x_", 0) != 0) {
      return InvalidArgument("manifest.json 含有未知字段：" + it.key());
    }
  }
  auto tables = j.find("tables");
  if (tables == j.end() || !tables->is_object() || tables->empty()) {
    return InvalidArgument("manifest.json 缺少 tables 或其为空");
  }
  for (auto it = tables->begin(); it != tables->end(); ++it) {
    if (!domain::FindTable(it.key())) {
      return InvalidArgument("manifest.json 列出了未知数据表：" + it.key());
    }
    const auto& t = it.value();
    std::string where = "manifest.json tables." + it.key();
    if (!t.is_object()) return InvalidArgument(where + " 应为对象");
    ManifestTable mt;
    mt.table = it.key();
    if (!t.contains("file") || !t["file"].is_string()) return InvalidArgument(where + " 缺少 file");
    mt.file = t["file"].get<std::string>();
    if (!SafeRelativePath(mt.file)) return InvalidArgument(where + ".file 路径不安全：" + mt.file);
    bool csv = mt.file.size() > 4 && (mt.file.ends_with(".csv") || mt.file.ends_with(".csv.gz"));
    if (!csv) return InvalidArgument(where + ".file 应为 .csv 或 .csv.gz 文件：" + mt.file);
    if (!t.contains("rows") || !t["rows"].is_number_integer() || t["rows"].get<int64_t>() < 0) {
      return InvalidArgument(where + ".rows 应为非负整数");
    }
    mt.rows = t["rows"].get<int64_t>();
    if (!t.contains("sha256") || !t["sha256"].is_string()) {
      return InvalidArgument(where + " 缺少 sha256");
    }
    mt.sha256 = t["sha256"].get<std::string>();
    if (mt.sha256.size() != 64 ||
        mt.sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
      return InvalidArgument(where + ".sha256 应为 64 位小写十六进制");
    }
    m.tables.push_back(std::move(mt));
  }
  std::vector<ManifestTable> ordered;
  for (const domain::TableSpec* spec : domain::AllTables()) {
    for (auto& t : m.tables) {
      if (t.table == spec->name) ordered.push_back(t);
    }
  }
  m.tables = std::move(ordered);
  return m;
}

BatchDir::~BatchDir() {
  if (!temp_.empty()) {
    std::error_code ec;
    fs::remove_all(temp_, ec);
  }
}

Result<std::unique_ptr<BatchDir>> BatchDir::Open(const std::string& path) {
  std::unique_ptr<BatchDir> b(new BatchDir());
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    b->dir_ = path;
  } else if (fs::is_regular_file(path, ec)) {
    std::string tmpl = (fs::temp_directory_path() / "zhijian-batch-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return IoError("无法创建临时目录");
    b->temp_ = tmpl;
    ZJ_RETURN_IF_ERROR(Extract(path, tmpl));
    b->dir_ = tmpl;
    if (!fs::exists(fs::path(tmpl) / "manifest.json")) {
      // Accept an archive whose only top-level entry is the batch folder.
      std::vector<fs::path> entries;
      for (auto& e : fs::directory_iterator(tmpl)) entries.push_back(e.path());
      if (entries.size() == 1 && fs::is_directory(entries[0])) b->dir_ = entries[0].string();
    }
  } else {
    return NotFound("找不到数据包：" + path);
  }
  fs::path manifest_path = fs::path(b->dir_) / "manifest.json";
  std::ifstream in(manifest_path, std::ios::binary);
  if (!in) return InvalidArgument("数据包中没有 manifest.json：" + path);
  std::stringstream ss;
  ss << in.rdbuf();
  ZJ_ASSIGN_OR_RETURN(b->manifest_, ParseManifest(ss.str()));
  return b;
}

}  // namespace zj::ingest
