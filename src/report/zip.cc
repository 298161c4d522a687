#include "report/zip.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <memory>
#include <set>

namespace zj::report {
namespace {

// Before 1980 in every time zone, so the DOS date/time (local time, clamped to its minimum)
// does not depend on where the archive is written.
constexpr time_t kFixedTime = 315446400;  // 1979-12-31T00:00:00Z
constexpr size_t kMaxUncompressed = size_t{256} << 20;

using ArchivePtr = std::unique_ptr<struct archive, int (*)(struct archive*)>;
using EntryPtr = std::unique_ptr<struct archive_entry, void (*)(struct archive_entry*)>;

// libarchive converts entry names between UTF-8 and the current locale's character set; in
// the C locale a Chinese name is lost. This switches the calling thread (only) to C.UTF-8 for
// the life of the object.
class ScopedUtf8Locale {
 public:
  ScopedUtf8Locale() : utf8_(newlocale(LC_CTYPE_MASK, "C.UTF-8", nullptr)) {
    if (utf8_ != nullptr) previous_ = uselocale(utf8_);
  }
  ~ScopedUtf8Locale() {
    if (utf8_ == nullptr) return;
    uselocale(previous_);
    freelocale(utf8_);
  }
  ScopedUtf8Locale(const ScopedUtf8Locale&) = delete;
  ScopedUtf8Locale& operator=(const ScopedUtf8Locale&) = delete;

 private:
  locale_t utf8_;
  locale_t previous_ = nullptr;
};

la_ssize_t AppendToString(struct archive*, void* out, const void* buffer, size_t size) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(buffer), size);
  return static_cast<la_ssize_t>(size);
}

bool SafeName(std::string_view name) {
  if (name.empty() || name[0] == '/' || name.back() == '/' ||
      name.find('\\') != std::string_view::npos) {
    return false;
  }
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

std::string ErrorText(struct archive* a) {
  const char* detail = archive_error_string(a);
  return detail ? detail : "未知错误";
}

Status Fail(struct archive* a, std::string_view what) {
  return Internal("生成压缩文件失败（" + std::string(what) + "）：" + ErrorText(a));
}

}  // namespace

Result<std::string> WriteZip(std::span<const ZipEntry> entries) {
  std::set<std::string_view> names;
  for (const ZipEntry& entry : entries) {
    if (!SafeName(entry.name)) return InvalidArgument("压缩文件中的文件名不合法：" + entry.name);
    if (!names.insert(entry.name).second) {
      return InvalidArgument("压缩文件中的文件名重复：" + entry.name);
    }
  }
  ScopedUtf8Locale utf8;
  std::string out;
  ArchivePtr a(archive_write_new(), archive_write_free);
  if (archive_write_set_format_zip(a.get()) != ARCHIVE_OK ||
      archive_write_zip_set_compression_deflate(a.get()) != ARCHIVE_OK ||
      archive_write_set_options(a.get(), "zip:hdrcharset=UTF-8") != ARCHIVE_OK ||
      archive_write_set_bytes_per_block(a.get(), 0) != ARCHIVE_OK ||
      archive_write_open2(a.get(), &out, nullptr, AppendToString, nullptr, nullptr) !=
          ARCHIVE_OK) {
    return Fail(a.get(), "初始化");
  }
  for (const ZipEntry& entry : entries) {
    EntryPtr e(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname_utf8(e.get(), entry.name.c_str());
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_uid(e.get(), 0);
    archive_entry_set_gid(e.get(), 0);
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(entry.data.size()));
    archive_entry_set_mtime(e.get(), kFixedTime, 0);
    if (archive_write_header(a.get(), e.get()) != ARCHIVE_OK) return Fail(a.get(), entry.name);
    if (!entry.data.empty() &&
        archive_write_data(a.get(), entry.data.data(), entry.data.size()) !=
            static_cast<la_ssize_t>(entry.data.size())) {
      return Fail(a.get(), entry.name);
    }
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK) return Fail(a.get(), "结束");
  return out;
}

Result<std::vector<ZipEntry>> ReadZip(std::string_view bytes) {
  ScopedUtf8Locale utf8;
  ArchivePtr a(archive_read_new(), archive_read_free);
  archive_read_support_format_zip(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return DataLoss("无法读取压缩文件：" + ErrorText(a.get()));
  }
  std::vector<ZipEntry> entries;
  size_t total = 0;
  struct archive_entry* e;
  int rc;
  char buffer[64 * 1024];
  while ((rc = archive_read_next_header(a.get(), &e)) == ARCHIVE_OK) {
    if (archive_entry_filetype(e) != AE_IFREG) continue;
    const char* name = archive_entry_pathname_utf8(e);
    if (name == nullptr) name = archive_entry_pathname(e);
    ZipEntry entry{name ? name : "", ""};
    la_ssize_t n;
    while ((n = archive_read_data(a.get(), buffer, sizeof buffer)) > 0) {
      total += static_cast<size_t>(n);
      if (total > kMaxUncompressed) return ResourceExhausted("压缩文件解压后超过 256 MiB");
      entry.data.append(buffer, static_cast<size_t>(n));
    }
    if (n < 0) {
      return DataLoss("压缩文件损坏（" + entry.name +
                      "）：" + ErrorText(a.get()));
    }
    entries.push_back(std::move(entry));
  }
  if (rc != ARCHIVE_EOF) {
    return DataLoss("压缩文件损坏：" + ErrorText(a.get()));
  }
  return entries;
}

}  // namespace zj::report
