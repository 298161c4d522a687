#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <ctime>

#include "report/qr_png.h"
#include "report/zip.h"

namespace zj::report {
namespace {

uint32_t BigEndian32(std::string_view s, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

std::vector<ZipEntry> Entries() {
  return {{"[Content_Types].xml", "<Types/>"},
          {"word/document.xml", std::string(5000, 'x') + "正文"},
          {"锦检刑执纠违〔2026〕3号.docx", "中文名"},
          {"empty.txt", ""}};
}

TEST(ZipTest, RoundTripKeepsNamesOrderAndBytes) {
  Result<std::string> zip = WriteZip(Entries());
  ASSERT_TRUE(zip.ok()) << zip.status().message();
  Result<std::vector<ZipEntry>> back = ReadZip(*zip);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 4u);
  for (size_t i = 0; i < back->size(); ++i) {
    EXPECT_EQ((*back)[i].name, Entries()[i].name);
    EXPECT_EQ((*back)[i].data, Entries()[i].data);
  }
  // The first local header names the first entry (OPC wants [Content_Types].xml first).
  ASSERT_EQ(zip->compare(0, 4, "PK\x03\x04"), 0);
  const size_t name_length = static_cast<unsigned char>((*zip)[26]);
  EXPECT_EQ(zip->substr(30, name_length), "[Content_Types].xml");
  // Deflated: the 5000 x's take far less room.
  EXPECT_LT(zip->size(), 2000u);
}

TEST(ZipTest, SameEntriesSameBytesInAnyTimeZone) {
  const char* old = std::getenv("TZ");
  const std::string saved = old ? old : "";
  setenv("TZ", "UTC", 1);
  tzset();
  Result<std::string> utc = WriteZip(Entries());
  setenv("TZ", "Asia/Shanghai", 1);
  tzset();
  Result<std::string> beijing = WriteZip(Entries());
  setenv("TZ", "Pacific/Kiritimati", 1);  // UTC+14
  tzset();
  Result<std::string> kiritimati = WriteZip(Entries());
  if (old) {
    setenv("TZ", saved.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  ASSERT_TRUE(utc.ok() && beijing.ok() && kiritimati.ok());
  EXPECT_EQ(*utc, *beijing);
  EXPECT_EQ(*utc, *kiritimati);
  EXPECT_EQ(*utc, *WriteZip(Entries()));
}

TEST(ZipTest, RefusesUnsafeOrRepeatedNames) {
  for (const char* bad : {"", "/etc/passwd", "../x", "a/../b", "a//b", "dir/", "a\\b"}) {
    std::vector<ZipEntry> entries = {{bad, "x"}};
    Result<std::string> zip = WriteZip(entries);
    ASSERT_FALSE(zip.ok()) << bad;
    EXPECT_EQ(zip.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(zip.status().message(), std::string("压缩文件中的文件名不合法：") + bad);
  }
  std::vector<ZipEntry> twice = {{"a.xml", "1"}, {"a.xml", "2"}};
  EXPECT_EQ(WriteZip(twice).status().message(), "压缩文件中的文件名重复：a.xml");
}

TEST(ZipTest, ReadingSomethingElseIsDataLoss) {
  Result<std::vector<ZipEntry>> r = ReadZip("this is not a zip archive at all");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
  std::string zip = *WriteZip(Entries());
  zip.resize(zip.size() / 2);
  EXPECT_FALSE(ReadZip(zip).ok());
}

TEST(PngTest, WritesAValidGreyscalePng) {
  const std::vector<uint8_t> pixels = {0, 255, 10, 20, 30, 40};
  Result<std::string> png = EncodeGrayPng(3, 2, pixels);
  ASSERT_TRUE(png.ok());
  ASSERT_EQ(png->compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)), 0);
  // Chunks: IHDR, IDAT, IEND, each with a correct CRC.
  size_t at = 8;
  std::vector<std::string> types;
  std::string idat;
  while (at < png->size()) {
    const uint32_t length = BigEndian32(*png, at);
    const std::string type = png->substr(at + 4, 4);
    const std::string data = png->substr(at + 8, length);
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(png->data() + at + 4), length + 4);
    EXPECT_EQ(BigEndian32(*png, at + 8 + length), static_cast<uint32_t>(crc)) << type;
    if (type == "IHDR") {
      EXPECT_EQ(BigEndian32(data, 0), 3u);
      EXPECT_EQ(BigEndian32(data, 4), 2u);
      EXPECT_EQ(data.substr(8), std::string("\x08\x00\x00\x00\x00", 5));
    }
    if (type == "IDAT") idat = data;
    types.push_back(type);
    at += 12 + length;
  }
  EXPECT_EQ(types, (std::vector<std::string>{"IHDR", "IDAT", "IEND"}));
  std::string raw(8, '\0');
  uLongf raw_size = raw.size();
  ASSERT_EQ(uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_size,
                       reinterpret_cast<const Bytef*>(idat.data()), idat.size()),
            Z_OK);
  EXPECT_EQ(raw_size, 8u);
  EXPECT_EQ(raw, std::string("\x00\x00\xff\x0a\x00\x14\x1e\x28", 8));
}

TEST(PngTest, RefusesWrongSizes) {
  const std::vector<uint8_t> pixels(5, 0);
  EXPECT_EQ(EncodeGrayPng(3, 2, pixels).status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(EncodeGrayPng(0, 0, {}).ok());
}

TEST(QrTest, EncodesWithFinderPatterns) {
  Result<QrMatrix> m = EncodeQr("ZJDOC-20261124");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->size, 21);  // version 1 holds 14 bytes at level M
  // Each corner but the bottom right has a 7×7 finder: dark ring, light ring, dark 3×3 core.
  for (auto [ox, oy] : {std::pair{0, 0}, std::pair{m->size - 7, 0}, std::pair{0, m->size - 7}}) {
    for (int i = 0; i < 7; ++i) {
      EXPECT_TRUE(m->at(ox + i, oy) && m->at(ox + i, oy + 6) && m->at(ox, oy + i) &&
                  m->at(ox + 6, oy + i));
    }
    for (int i = 1; i < 6; ++i) EXPECT_FALSE(m->at(ox + i, oy + 1) || m->at(ox + 1, oy + i));
    EXPECT_TRUE(m->at(ox + 3, oy + 3));
  }
  EXPECT_GT(EncodeQr(std::string(200, 'a'))->size, 21);
}

TEST(QrTest, RefusesEmptyOrOversizedPayloads) {
  EXPECT_EQ(EncodeQr("").status().message(), "核验码内容为空");
  EXPECT_EQ(EncodeQr(std::string(4000, 'x')).status().message(), "核验码内容过长，无法生成二维码");
  EXPECT_FALSE(QrPng("x", 0).ok());
}

TEST(QrTest, PngDrawsTheModulesWithAQuietZone) {
  const std::string payload = "文号：锦检刑执纠违〔2026〕3号";
  QrMatrix m = *EncodeQr(payload);
  const int scale = 3;
  Result<std::string> png = QrPng(payload, scale);
  ASSERT_TRUE(png.ok());
  const int side = (m.size + 8) * scale;
  EXPECT_EQ(BigEndian32(*png, 16), static_cast<uint32_t>(side));
  EXPECT_EQ(BigEndian32(*png, 20), static_cast<uint32_t>(side));
  const uint32_t idat_length = BigEndian32(*png, 33);
  ASSERT_EQ(png->substr(37, 4), "IDAT");
  std::string raw(static_cast<size_t>(side) * (side + 1), '\0');
  uLongf raw_size = raw.size();
  ASSERT_EQ(uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_size,
                       reinterpret_cast<const Bytef*>(png->data() + 41), idat_length),
            Z_OK);
  const auto pixel = [&](int x, int y) {
    return static_cast<unsigned char>(raw[static_cast<size_t>(y) * (side + 1) + 1 + x]);
  };
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const int mx = x / scale - 4, my = y / scale - 4;
      const bool dark = mx >= 0 && my >= 0 && mx < m.size && my < m.size && m.at(mx, my);
      ASSERT_EQ(pixel(x, y), dark ? 0 : 255) << x << "," << y;
    }
  }
}

}  // namespace
}  // namespace zj::report
