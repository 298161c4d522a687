#pragma once
// The 文书核验码: a QR code (libqrencode) drawn as a PNG by a small PNG writer of ours (zlib).
//
// Thread-safety: pure functions; safe to call from many threads (Debian's libqrencode is built
// with pthread, which makes its encoder thread-safe).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace zj::report {

// A QR symbol: `size` × `size` modules, row by row, true = dark.
struct QrMatrix {
  int size = 0;
  std::vector<bool> dark;
  bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x]; }
};

// Encodes `payload` as bytes (8-bit mode; UTF-8 text is read as such by phone scanners), error
// correction level M, the smallest version that holds it. Empty or too long (over ~2300
// bytes): kInvalidArgument.
Result<QrMatrix> EncodeQr(std::string_view payload);

// A PNG of `width` × `height` 8-bit grey pixels, row by row (0 black, 255 white): one IHDR,
// one IDAT (zlib, no row filters), IEND. `pixels.size()` must be width × height, both ≥ 1;
// otherwise kInvalidArgument.
Result<std::string> EncodeGrayPng(int width, int height, std::span<const uint8_t> pixels);

// The QR code of `payload` as a PNG: `scale` pixels a module and a white quiet zone of four
// modules on every side, so a (size + 8) × scale pixel square.
Result<std::string> QrPng(std::string_view payload, int scale = 6);

}  // namespace zj::report
