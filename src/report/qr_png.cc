#include "report/qr_png.h"

#include <qrencode.h>
#include <zlib.h>

#include <memory>

namespace zj::report {
namespace {

constexpr int kQuietZone = 4;

void PutBigEndian32(uint32_t v, std::string* out) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>(v >> shift));
}

void Chunk(std::string_view type, std::string_view data, std::string* out) {
  PutBigEndian32(static_cast<uint32_t>(data.size()), out);
  const size_t start = out->size();
  out->append(type);
  out->append(data);
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(out->data() + start),
              static_cast<uInt>(out->size() - start));
  PutBigEndian32(static_cast<uint32_t>(crc), out);
}

}  // namespace

Result<QrMatrix> EncodeQr(std::string_view payload) {
  if (payload.empty()) return InvalidArgument("核验码内容为空");
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeData(static_cast<int>(payload.size()),
                        reinterpret_cast<const unsigned char*>(payload.data()), 0, QR_ECLEVEL_M),
      QRcode_free);
  if (!code) return InvalidArgument("核验码内容过长，无法生成二维码");
  QrMatrix m;
  m.size = code->width;
  m.dark.resize(static_cast<size_t>(m.size) * m.size);
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
  return m;
}

Result<std::string> EncodeGrayPng(int width, int height, std::span<const uint8_t> pixels) {
  if (width < 1 || height < 1 ||
      pixels.size() != static_cast<size_t>(width) * static_cast<size_t>(height)) {
    return InvalidArgument("图像尺寸与像素数不符");
  }
  std::string raw;  // each row behind its filter byte 0 (None)
  raw.reserve(pixels.size() + height);
  for (int y = 0; y < height; ++y) {
    raw.push_back('\0');
    raw.append(reinterpret_cast<const char*>(pixels.data()) + static_cast<size_t>(y) * width,
               width);
  }
  uLongf packed_size = compressBound(raw.size());
  std::string packed(packed_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
                reinterpret_cast<const Bytef*>(raw.data()), raw.size(),
                Z_BEST_COMPRESSION) != Z_OK) {
    return Internal("图像压缩失败");
  }
  packed.resize(packed_size);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  PutBigEndian32(static_cast<uint32_t>(width), &header);
  PutBigEndian32(static_cast<uint32_t>(height), &header);
  header += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit, greyscale, deflate, no interlace
  Chunk("IHDR", header, &png);
  Chunk("IDAT", packed, &png);
  Chunk("IEND", "", &png);
  return png;
}

Result<std::string> QrPng(std::string_view payload, int scale) {
  if (scale < 1 || scale > 64) return InvalidArgument("二维码放大倍数应在 1 到 64 之间");
  ZJ_ASSIGN_OR_RETURN(QrMatrix m, EncodeQr(payload));
  const int side = (m.size + 2 * kQuietZone) * scale;
  std::vector<uint8_t> pixels(static_cast<size_t>(side) * side, 255);
  for (int y = 0; y < m.size; ++y) {
    for (int x = 0; x < m.size; ++x) {
      if (!m.at(x, y)) continue;
      for (int dy = 0; dy < scale; ++dy) {
        uint8_t* row = &pixels[static_cast<size_t>((y + kQuietZone) * scale + dy) * side];
        std::fill_n(row + (x + kQuietZone) * scale, scale, 0);
      }
    }
  }
  return EncodeGrayPng(side, side, pixels);
}

}  // namespace zj::report
