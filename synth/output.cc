#include "synth/output.h"

#include <zlib.h>

#include <cstdio>
#include <stdexcept>

namespace zj::synth {
namespace {
constexpr size_t kBufferSize = 1 << 20;
}  // namespace

struct OutputFile::ZState {
  z_stream stream{};
};

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path, bool gzip) {
  std::unique_ptr<OutputFile> f(new OutputFile());
  f->path_ = path;
  f->gzip_ = gzip;
  f->file_ = std::fopen(path.c_str(), "wb");
  if (!f->file_) return IoError("无法创建文件：" + path);
  f->buffer_.reserve(kBufferSize + 4096);
  if (gzip) {
    f->z_ = std::make_unique<ZState>();
    // windowBits 15 + 16: gzip wrapper with a zeroed header (no name, no mtime).
    if (deflateInit2(&f->z_->stream, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      std::fclose(f->file_);
      f->file_ = nullptr;
      return Internal("zlib 初始化失败：" + path);
    }
    f->out_.resize(kBufferSize);
    f->worker_ = std::thread([raw = f.get()] { raw->CompressLoop(); });
  }
  return f;
}

OutputFile::~OutputFile() {
  if (worker_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
    }
    cv_.notify_all();
    worker_.join();
  }
  if (z_) deflateEnd(&z_->stream);
  if (file_) std::fclose(file_);
}

void OutputFile::CompressLoop() {
  for (;;) {
    std::string chunk;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing and drained
      chunk = std::move(queue_.front());
      queue_.pop_front();
    }
    cv_.notify_all();
    Deflate(chunk, Z_NO_FLUSH);
  }
}

void OutputFile::Store(const void* data, size_t size) {
  if (size == 0 || !error_.ok()) return;
  hasher_.Update(data, size);
  stored_bytes_ += static_cast<int64_t>(size);
  if (std::fwrite(data, 1, size, file_) != size) error_ = IoError("写入文件出错：" + path_);
}

void OutputFile::Deflate(const std::string& input, int flush) {
  z_stream& zs = z_->stream;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  zs.avail_in = static_cast<uInt>(input.size());
  int rc;
  do {
    zs.next_out = out_.data();
    zs.avail_out = static_cast<uInt>(out_.size());
    rc = deflate(&zs, flush);
    if (rc == Z_STREAM_ERROR) {
      error_ = Internal("zlib 压缩失败：" + path_);
      return;
    }
    Store(out_.data(), out_.size() - zs.avail_out);
  } while (zs.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
}

void OutputFile::FlushPlain() {
  Store(buffer_.data(), buffer_.size());
  buffer_.clear();
}

void OutputFile::Write(std::string_view data) {
  buffer_.append(data);
  if (buffer_.size() >= kBufferSize) {
    if (gzip_) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return queue_.size() < 4; });
        queue_.push_back(std::move(buffer_));
      }
      cv_.notify_all();
      buffer_ = std::string();
      buffer_.reserve(kBufferSize + 4096);
    } else {
      FlushPlain();
    }
  }
}

Status OutputFile::Close() {
  if (!file_) return error_;
  if (gzip_) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
    }
    cv_.notify_all();
    worker_.join();
    Deflate(buffer_, Z_FINISH);
    buffer_.clear();
  } else {
    FlushPlain();
  }
  if (std::fclose(file_) != 0 && error_.ok()) error_ = IoError("关闭文件出错：" + path_);
  file_ = nullptr;
  sha256_ = hasher_.HexDigest();
  return error_;
}

void AppendCsvField(std::string_view field, std::string* out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

Result<std::unique_ptr<CsvTable>> CsvTable::Open(const domain::TableSpec& spec,
                                                 const std::string& dir, bool gzip) {
  std::string name = std::string(spec.name) + (gzip ? ".csv.gz" : ".csv");
  ZJ_ASSIGN_OR_RETURN(auto file, OutputFile::Open(dir + "/" + name, gzip));
  std::unique_ptr<CsvTable> t(new CsvTable(spec, std::move(file), name));
  std::string header;
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    if (i) header.push_back(',');
    AppendCsvField(spec.columns[i].name, &header);
  }
  header.push_back('\n');
  t->file_->Write(header);
  return t;
}

CsvTable::CsvTable(const domain::TableSpec& spec, std::unique_ptr<OutputFile> file,
                   std::string name)
    : spec_(spec),
      file_(std::move(file)),
      file_name_(std::move(name)),
      fields_(spec.columns.size()) {}

int CsvTable::Col(std::string_view name) const {
  int i = spec_.IndexOf(name);
  if (i < 0) {
    throw std::logic_error("synth: table " + std::string(spec_.name) + " declares no column " +
                           std::string(name));
  }
  return i;
}

void CsvTable::SetFen(std::string_view column, int64_t fen) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(fen / 100),
                static_cast<long long>(fen % 100));
  fields_[Col(column)] = buf;
}

void CsvTable::EndRow() {
  line_.clear();
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (i) line_.push_back(',');
    AppendCsvField(fields_[i], &line_);
    fields_[i].clear();
  }
  line_.push_back('\n');
  file_->Write(line_);
  ++rows_;
}

}  // namespace zj::synth
