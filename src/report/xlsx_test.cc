#include "report/xlsx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <regex>

#include "report/testing/samples.h"
#include "report/zip.h"

namespace zj::report {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::D;
using testing::WellFormed;

Sheet ClueSheet() {
  Sheet s;
  s.name = "线索清单[2026]";
  s.title_rows = {"刑事执行检察线索清单", "统计截止：2026-11-24"};
  s.columns = {{"罪犯姓名", ColumnType::kText, 0},
               {"件数", ColumnType::kInt, 0},
               {"涉案金额（元）", ColumnType::kMoney, 0},
               {"发现日期", ColumnType::kDate, 12},
               {"纠正率", ColumnType::kPercent, 0}};
  s.rows = {{std::string("张某某"), int64_t{42}, Money{123450}, D(2026, 11, 24), 0.25},
            {std::string("李<某>&"), int64_t{-7}, Money{-5}, std::monostate{}, 1.0}};
  return s;
}

Workbook TwoSheets() {
  Workbook wb;
  wb.created = 1795000000;
  wb.sheets.push_back(ClueSheet());
  Sheet other;
  other.name = "说明";
  other.columns = {{"事项", ColumnType::kText, 30}};
  wb.sheets.push_back(other);
  return wb;
}

std::map<std::string, std::string> Parts(const std::string& xlsx) {
  std::map<std::string, std::string> parts;
  Result<std::vector<ZipEntry>> entries = ReadZip(xlsx);
  EXPECT_TRUE(entries.ok()) << entries.status().message();
  for (ZipEntry& e : *entries) parts[e.name] = std::move(e.data);
  return parts;
}

// The <c> element of cell `ref` in a sheet's XML, or "".
std::string CellXml(const std::string& sheet, const std::string& ref) {
  std::smatch m;
  const std::regex cell("<c r=\"" + ref + "\"[^>]*(/>|>.*?</c>)");
  return std::regex_search(sheet, m, cell) ? m.str() : "";
}

TEST(XlsxTest, WritesTypedCellsThatReadBack) {
  Result<std::string> xlsx = WriteXlsx(TwoSheets());
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  auto parts = Parts(*xlsx);
  for (const auto& [name, data] : parts) {
    if (name.ends_with(".xml") || name.ends_with(".rels")) {
      EXPECT_TRUE(WellFormed(data)) << name;
    }
  }
  const std::string& workbook = parts["xl/workbook.xml"];
  EXPECT_THAT(workbook, HasSubstr("name=\"线索清单_2026_\""));
  EXPECT_THAT(workbook, HasSubstr("name=\"说明\""));

  const std::string& strings = parts["xl/sharedStrings.xml"];
  for (const char* s : {"刑事执行检察线索清单", "统计截止：2026-11-24", "罪犯姓名", "涉案金额（元）",
                        "张某某", "李&lt;某&gt;&amp;", "事项"}) {
    EXPECT_THAT(strings, HasSubstr(s));
  }

  const std::string& sheet = parts["xl/worksheets/sheet1.xml"];
  // Titles merged across the five columns, the header in row 3, data from row 4.
  EXPECT_THAT(sheet, HasSubstr("<mergeCell ref=\"A1:E1\"/>"));
  EXPECT_THAT(sheet, HasSubstr("<mergeCell ref=\"A2:E2\"/>"));
  EXPECT_THAT(CellXml(sheet, "A3"), HasSubstr("t=\"s\""));
  EXPECT_THAT(CellXml(sheet, "A4"), HasSubstr("t=\"s\""));
  // Numbers are numbers, not strings.
  EXPECT_THAT(CellXml(sheet, "B4"), Not(HasSubstr("t=\"s\"")));
  EXPECT_THAT(CellXml(sheet, "B4"), HasSubstr("<v>42</v>"));
  EXPECT_THAT(CellXml(sheet, "B5"), HasSubstr("<v>-7</v>"));
  EXPECT_THAT(CellXml(sheet, "C4"), HasSubstr("<v>1234.5</v>"));
  EXPECT_THAT(CellXml(sheet, "C5"), HasSubstr("<v>-0.05</v>"));
  // A real Excel date: days since 1899-12-30.
  const int serial = D(2026, 11, 24).days() + 25569;
  EXPECT_THAT(CellXml(sheet, "D4"), HasSubstr("<v>" + std::to_string(serial) + "</v>"));
  EXPECT_EQ(CellXml(sheet, "D5"), "");  // an empty cell is not written
  EXPECT_THAT(CellXml(sheet, "E4"), HasSubstr("<v>0.25</v>"));
  // Frozen below the header, filter over header and data, widths set.
  EXPECT_THAT(sheet, HasSubstr("ySplit=\"3\""));
  EXPECT_THAT(sheet, HasSubstr("state=\"frozen\""));
  EXPECT_THAT(sheet, HasSubstr("<autoFilter ref=\"A3:E5\"/>"));
  EXPECT_THAT(sheet, HasSubstr("<col min=\"4\" max=\"4\" width=\"12.7109375\""));
  EXPECT_THAT(sheet, HasSubstr("<col min=\"1\" max=\"1\""));

  const std::string& styles = parts["xl/styles.xml"];
  EXPECT_THAT(styles, HasSubstr("formatCode=\"yyyy-mm-dd\""));
  EXPECT_THAT(styles, HasSubstr("formatCode=\"#,##0.00\""));
  EXPECT_THAT(styles, HasSubstr("<b/>"));
  // Each typed cell points at a style with its number format.
  const auto style_of = [&](const std::string& ref) {
    std::smatch m;
    const std::string c = CellXml(sheet, ref);
    return std::regex_search(c, m, std::regex("s=\"([0-9]+)\"")) ? std::stoi(m[1]) : 0;
  };
  EXPECT_NE(style_of("C4"), style_of("D4"));
  EXPECT_NE(style_of("D4"), style_of("E4"));
  EXPECT_NE(style_of("A3"), 0);  // the header is styled

  // The empty second sheet still has its header, filter and frozen pane.
  const std::string& second = parts["xl/worksheets/sheet2.xml"];
  EXPECT_THAT(second, HasSubstr("<autoFilter ref=\"A1\"/>"));
  EXPECT_THAT(second, HasSubstr("ySplit=\"1\""));
}

TEST(XlsxTest, SameWorkbookSameBytes) {
  EXPECT_EQ(*WriteXlsx(TwoSheets()), *WriteXlsx(TwoSheets()));
}

TEST(XlsxTest, TemporaryFileIsRemoved) {
  const fs::path dir = fs::temp_directory_path() / ("zj-xlsx-test-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  setenv("TMPDIR", dir.c_str(), 1);
  Result<std::string> xlsx = WriteXlsx(TwoSheets());
  Workbook bad = TwoSheets();
  bad.sheets[0].rows[0][1] = std::string("四十二");
  Result<std::string> failed = WriteXlsx(bad);
  if (old) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  EXPECT_TRUE(xlsx.ok());
  EXPECT_FALSE(failed.ok());
  EXPECT_TRUE(fs::is_empty(dir));
  fs::remove_all(dir);
}

// WriteXlsx's message for a workbook changed by `change`.
template <typename F>
std::string Problem(F change) {
  Workbook wb = TwoSheets();
  change(wb);
  Result<std::string> r = WriteXlsx(wb);
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  return r.status().message();
}

TEST(XlsxTest, ErrorsNameSheetRowAndColumn) {
  EXPECT_EQ(Problem([](Workbook& wb) { wb.sheets[0].rows[0][1] = std::string("四十二"); }),
            "工作表“线索清单_2026_”第 4 行第 2 列（件数）应为整数");
  EXPECT_EQ(Problem([](Workbook& wb) { wb.sheets[0].rows[1][3] = int64_t{1}; }),
            "工作表“线索清单_2026_”第 5 行第 4 列（发现日期）应为日期");
  EXPECT_EQ(Problem([](Workbook& wb) { wb.sheets[0].rows[0][2] = int64_t{100}; }),
            "工作表“线索清单_2026_”第 4 行第 3 列（涉案金额（元））应为金额");
  EXPECT_EQ(Problem([](Workbook& wb) { wb.sheets[0].rows[1].pop_back(); }),
            "工作表“线索清单_2026_”第 5 行有 4 个单元格，应为 5 个");
  EXPECT_EQ(Problem([](Workbook& wb) { wb.sheets.clear(); }), "工作簿没有工作表");
  EXPECT_EQ(Problem([](Workbook& wb) { wb.sheets[1].columns.clear(); }), "工作表“说明”没有列");
  EXPECT_EQ(Problem([](Workbook& wb) { wb.sheets[0].rows[0][0] = std::string("\xff"); }),
            "工作表“线索清单_2026_”第 4 行第 1 列（罪犯姓名）含有无效的 UTF-8 编码");
  EXPECT_EQ(Problem([](Workbook& wb) { wb.sheets[0].rows[0][1] = int64_t{1} << 60; }),
            "工作表“线索清单_2026_”第 4 行第 2 列（件数）的数值超出 Excel 能精确表示的范围");
  EXPECT_THAT(Problem([](Workbook& wb) { wb.sheets[0].rows[0][0] = std::string(40000, 'x'); }),
              HasSubstr("超过 Excel 单元格上限"));
  EXPECT_THAT(Problem([](Workbook& wb) { wb.sheets[0].title_rows[1] = "\xc0"; }),
              HasSubstr("的标题第 2 行含有无效的 UTF-8 编码"));
}

TEST(SheetNameTest, SanitisedAsExcelRequires) {
  EXPECT_EQ(SanitizeSheetName("a[b]c:d*e?f/g\\h"), "a_b_c_d_e_f_g_h");
  EXPECT_EQ(SanitizeSheetName("'名单'"), "名单");
  EXPECT_EQ(SanitizeSheetName(""), "工作表");
  EXPECT_EQ(SanitizeSheetName("''"), "工作表");
  EXPECT_EQ(SanitizeSheetName("History"), "History_");
  EXPECT_EQ(SanitizeSheetName("a\xff" "b"), "a_b");
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "检";
  std::string thirty_one;
  for (int i = 0; i < 31; ++i) thirty_one += "检";
  EXPECT_EQ(SanitizeSheetName(forty), thirty_one);
  // A character outside the BMP counts two UTF-16 units.
  std::string emoji;
  for (int i = 0; i < 20; ++i) emoji += "\xF0\x9F\x98\x80";
  EXPECT_EQ(SanitizeSheetName(emoji).size(), 15u * 4);
}

TEST(SheetNameTest, RepeatedNamesAreNumbered) {
  Workbook wb;
  for (const char* name : {"名单", "名单", "List", "list", "名单"}) {
    Sheet s;
    s.name = name;
    s.columns = {{"序号", ColumnType::kInt, 0}};
    wb.sheets.push_back(s);
  }
  std::string thirty_one;
  for (int i = 0; i < 31; ++i) thirty_one += "检";
  Sheet longer;
  longer.name = thirty_one;
  longer.columns = {{"序号", ColumnType::kInt, 0}};
  wb.sheets.push_back(longer);
  wb.sheets.push_back(longer);
  Result<std::string> xlsx = WriteXlsx(wb);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  const std::string workbook = Parts(*xlsx)["xl/workbook.xml"];
  for (const std::string name : {"名单", "名单 (2)", "List", "list (2)", "名单 (3)"}) {
    EXPECT_THAT(workbook, HasSubstr("name=\"" + name + "\"")) << name;
  }
  EXPECT_THAT(workbook, HasSubstr("name=\"" + thirty_one + "\""));
  EXPECT_THAT(workbook, HasSubstr("name=\"" + thirty_one.substr(0, 27 * 3) + " (2)\""));
}

}  // namespace
}  // namespace zj::report
