#include "ingest/csv_reader.h"

#include <zlib.h>

#include <cstring>

namespace zj::ingest {

namespace {
constexpr size_t kBlock = 1 << 20;
constexpr size_t kMaxRecord = 64 << 20;
bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

struct CsvReader::Inflater {
  z_stream zs{};
  std::vector<unsigned char> in = std::vector<unsigned char>(kBlock);
  bool in_eof = false;
  bool stream_end = false;  // the last member ended cleanly
  bool initialized = false;
  ~Inflater() {
    if (initialized) inflateEnd(&zs);
  }
};

Result<std::unique_ptr<CsvReader>> CsvReader::Open(const std::string& path) {
  std::unique_ptr<CsvReader> r(new CsvReader());
  r->path_ = path;
  r->file_ = std::fopen(path.c_str(), "rb");
  if (!r->file_) return IoError("无法打开文件：" + path);
  r->gzip_ = EndsWith(path, ".gz");
  if (r->gzip_) {
    r->inflater_ = std::make_unique<Inflater>();
    if (inflateInit2(&r->inflater_->zs, 15 + 16) != Z_OK) return Internal("zlib 初始化失败");
    r->inflater_->initialized = true;
  }
  return r;
}

CsvReader::~CsvReader() {
  if (file_) std::fclose(file_);
}

Status CsvReader::ReadRaw(char* out, size_t cap, size_t* got) {
  *got = std::fread(out, 1, cap, file_);
  if (std::ferror(file_)) return IoError("读取文件出错：" + path_);
  sha_.Update(out, *got);
  bytes_read_ += static_cast<int64_t>(*got);
  return Status::Ok();
}

Status CsvReader::Fill() {
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  if (!gzip_) {
    buf_.resize(old + kBlock);
    size_t got = 0;
    ZJ_RETURN_IF_ERROR(ReadRaw(buf_.data() + old, kBlock, &got));
    buf_.resize(old + got);
    if (got == 0) eof_ = true;
    return Status::Ok();
  }
  Inflater& z = *inflater_;
  buf_.resize(old + kBlock);
  z.zs.next_out = reinterpret_cast<unsigned char*>(buf_.data() + old);
  z.zs.avail_out = kBlock;
  while (z.zs.avail_out > 0) {
    if (z.zs.avail_in == 0 && !z.in_eof) {
      size_t got = 0;
      ZJ_RETURN_IF_ERROR(ReadRaw(reinterpret_cast<char*>(z.in.data()), z.in.size(), &got));
      z.zs.next_in = z.in.data();
      z.zs.avail_in = static_cast<uInt>(got);
      if (got == 0) z.in_eof = true;
    }
    if (z.zs.avail_in == 0 && z.in_eof) {
      if (!z.stream_end) return DataLoss("gzip 文件被截断或已损坏：" + path_);
      eof_ = true;
      break;
    }
    if (z.stream_end) {  // another gzip member follows
      inflateReset(&z.zs);
      z.stream_end = false;
    }
    int rc = inflate(&z.zs, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      z.stream_end = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      return DataLoss("gzip 数据损坏（" + std::string(z.zs.msg ? z.zs.msg : "inflate") + "）：" +
                      path_);
    }
  }
  buf_.resize(old + (kBlock - z.zs.avail_out));
  return Status::Ok();
}

Result<bool> CsvReader::Next(CsvRecord* rec) {
  rec->fields.clear();
  rec->error.clear();
  unescaped_.clear();
  // Find the end of the record. Most lines hold no quote: then the record is the
  // line. Otherwise run the RFC 4180 state machine from the record's start (a quote
  // opens a quoted field only at the start of a field), reading more as needed.
  size_t end = std::string::npos;
  while (true) {
    const char* data = buf_.data();
    const size_t n = buf_.size();
    const void* nl = std::memchr(data + pos_, '\n', n - pos_);
    const size_t line_end = nl ? static_cast<const char*>(nl) - data : n;
    if (!std::memchr(data + pos_, '"', line_end - pos_)) {
      if (nl) end = line_end;
    } else {
      enum { kFieldStart, kUnquoted, kQuoted, kQuoteSeen } state = kFieldStart;
      for (size_t i = pos_; i < n; ++i) {
        const char c = data[i];
        switch (state) {
          case kFieldStart:
            state = c == '"' ? kQuoted : c == ',' ? kFieldStart : kUnquoted;
            break;
          case kUnquoted:
            if (c == ',') state = kFieldStart;
            break;
          case kQuoted:
            if (c == '"') state = kQuoteSeen;
            break;
          case kQuoteSeen:
            state = c == '"' ? kQuoted : c == ',' ? kFieldStart : kUnquoted;
            break;
        }
        if (c == '\n' && state != kQuoted) {
          end = i;
          break;
        }
      }
    }
    if (end != std::string::npos || eof_) break;
    if (n - pos_ > kMaxRecord) {
      return InvalidArgument("第 " + std::to_string(line_) + " 行起的记录超过 64 MiB，" +
                             "可能是引号未闭合：" + path_);
    }
    ZJ_RETURN_IF_ERROR(Fill());
  }
  if (!started_) {
    started_ = true;
    if (buf_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) {
      pos_ += 3;
      if (end != std::string::npos && end < pos_) end = pos_;  // cannot happen for valid UTF-8
    }
  }
  size_t rec_end = end == std::string::npos ? buf_.size() : end;
  if (end == std::string::npos && pos_ >= buf_.size()) return false;  // clean EOF
  size_t line_end = rec_end;
  if (line_end > pos_ && buf_[line_end - 1] == '\r') --line_end;
  std::string_view raw(buf_.data() + pos_, line_end - pos_);
  rec->raw = raw;
  rec->line = line_;
  // Split fields.
  size_t i = 0;
  int64_t newlines = 0;
  while (true) {
    if (i < raw.size() && raw[i] == '"') {
      size_t j = i + 1;
      bool has_escape = false;
      while (true) {
        if (j >= raw.size()) {
          rec->error = "引号未闭合";
          break;
        }
        if (raw[j] == '"') {
          if (j + 1 < raw.size() && raw[j + 1] == '"') {
            has_escape = true;
            j += 2;
            continue;
          }
          break;
        }
        if (raw[j] == '\n') ++newlines;
        ++j;
      }
      if (!rec->error.empty()) break;
      std::string_view inner = raw.substr(i + 1, j - i - 1);
      if (has_escape) {
        std::string& u = unescaped_.emplace_back();
        u.reserve(inner.size());
        for (size_t k = 0; k < inner.size(); ++k) {
          u.push_back(inner[k]);
          if (inner[k] == '"') ++k;
        }
        rec->fields.push_back(u);
      } else {
        rec->fields.push_back(inner);
      }
      i = j + 1;
      if (i < raw.size() && raw[i] != ',') {
        rec->error = "引号字段之后出现多余字符（字段须整体用引号括起）";
        break;
      }
    } else {
      size_t j = raw.find(',', i);
      if (j == std::string_view::npos) j = raw.size();
      std::string_view f = raw.substr(i, j - i);
      if (f.find('"') != std::string_view::npos) {
        rec->error = "未加引号的字段中含有引号";
      }
      rec->fields.push_back(f);
      i = j;
    }
    if (i >= raw.size()) break;
    ++i;  // skip ','
    if (i == raw.size()) {
      rec->fields.emplace_back();  // trailing empty field
      break;
    }
  }
  if (!rec->error.empty()) {
    // Count the record's newlines even when malformed, so later lines stay right.
    newlines = 0;
    for (char c : raw) newlines += c == '\n';
  }
  line_ += 1 + newlines;
  pos_ = end == std::string::npos ? buf_.size() : end + 1;
  return true;
}

}  // namespace zj::ingest
