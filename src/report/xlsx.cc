#include "report/xlsx.h"

#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "report/text.h"

namespace zj::report {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxSheetName = 31;    // UTF-16 units
constexpr size_t kMaxCellText = 32767;  // UTF-16 units
constexpr double kMaxExact = 9007199254740992.0;  // 2^53

// The UTF-16 length of valid UTF-8 text.
size_t Utf16Length(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t len = std::max<size_t>(Utf8CharLength(s, i), 1);
    n += len == 4 ? 2 : 1;
    i += len;
  }
  return n;
}

// How wide text shows, in characters of the default font: a CJK (or other non-ASCII)
// character counts two.
double DisplayWidth(std::string_view s) {
  double w = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t len = std::max<size_t>(Utf8CharLength(s, i), 1);
    w += len == 1 ? 1 : 2;
    i += len;
  }
  return w;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

std::string_view TypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kText: return "文本";
    case ColumnType::kInt: return "整数";
    case ColumnType::kMoney: return "金额";
    case ColumnType::kDate: return "日期";
    case ColumnType::kPercent: return "百分比";
  }
  return "";
}

bool Matches(ColumnType type, const Cell& cell) {
  switch (type) {
    case ColumnType::kText: return std::holds_alternative<std::string>(cell);
    case ColumnType::kInt: return std::holds_alternative<int64_t>(cell);
    case ColumnType::kMoney: return std::holds_alternative<Money>(cell);
    case ColumnType::kDate: return std::holds_alternative<Date>(cell);
    case ColumnType::kPercent: return std::holds_alternative<double>(cell);
  }
  return false;
}

// A file of our own in the temporary directory, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "zj-xlsx-XXXXXX.xlsx").string();
    int fd = mkstemps(pattern.data(), 5);
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) {
      std::error_code ec;
      fs::remove(path_, ec);
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class Writer {
 public:
  explicit Writer(lxw_workbook* wb) : wb_(wb) {
    title_ = workbook_add_format(wb);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    format_set_align(title_, LXW_ALIGN_CENTER);
    format_set_align(title_, LXW_ALIGN_VERTICAL_CENTER);
    subtitle_ = workbook_add_format(wb);
    format_set_align(subtitle_, LXW_ALIGN_LEFT);
    header_ = workbook_add_format(wb);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xD9D9D9);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_align(header_, LXW_ALIGN_CENTER);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(header_);
    const auto numeric = [&](const char* num_format) {
      lxw_format* f = workbook_add_format(wb);
      format_set_num_format(f, num_format);
      return f;
    };
    int_ = numeric("0");
    money_ = numeric("#,##0.00");
    date_ = numeric("yyyy-mm-dd");
    percent_ = numeric("0.00%");
  }

  Status AddSheet(const Sheet& sheet, const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (ws == nullptr) return InvalidArgument("工作表名称“" + name + "”不被 Excel 接受");
    const auto where = [&](size_t row, size_t col) {
      return "工作表“" + name + "”第 " + std::to_string(row + 1) + " 行第 " +
             std::to_string(col + 1) + " 列（" + sheet.columns[col].header + "）";
    };
    if (sheet.columns.empty()) return InvalidArgument("工作表“" + name + "”没有列");
    const lxw_col_t last_col = static_cast<lxw_col_t>(sheet.columns.size() - 1);
    lxw_row_t r = 0;
    for (size_t t = 0; t < sheet.title_rows.size(); ++t, ++r) {
      const std::string& text = sheet.title_rows[t];
      ZJ_RETURN_IF_ERROR(CheckText(text, "工作表“" + name + "”的标题第 " +
                                             std::to_string(t + 1) + " 行"));
      lxw_format* f = t == 0 ? title_ : subtitle_;
      if (t == 0) worksheet_set_row(ws, r, 24, nullptr);
      ZJ_RETURN_IF_ERROR(Check(last_col == 0
                                   ? worksheet_write_string(ws, r, 0, text.c_str(), f)
                                   : worksheet_merge_range(ws, r, 0, r, last_col, text.c_str(), f),
                               name));
    }
    const lxw_row_t header_row = r;
    std::vector<double> widths(sheet.columns.size());
    for (size_t c = 0; c < sheet.columns.size(); ++c) {
      const Column& column = sheet.columns[c];
      ZJ_RETURN_IF_ERROR(CheckText(column.header, "工作表“" + name + "”第 " +
                                                      std::to_string(c + 1) + " 列的表头"));
      ZJ_RETURN_IF_ERROR(Check(
          worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), column.header.c_str(), header_),
          name));
      widths[c] = DisplayWidth(column.header);
    }
    ++r;
    for (size_t i = 0; i < sheet.rows.size(); ++i, ++r) {
      const std::vector<Cell>& row = sheet.rows[i];
      const size_t excel_row = r;  // 0-based, for messages
      if (row.size() != sheet.columns.size()) {
        return InvalidArgument("工作表“" + name + "”第 " + std::to_string(excel_row + 1) +
                               " 行有 " + std::to_string(row.size()) + " 个单元格，应为 " +
                               std::to_string(sheet.columns.size()) + " 个");
      }
      for (size_t c = 0; c < row.size(); ++c) {
        const Cell& cell = row[c];
        const lxw_col_t col = static_cast<lxw_col_t>(c);
        const ColumnType type = sheet.columns[c].type;
        if (std::holds_alternative<std::monostate>(cell)) continue;
        if (!Matches(type, cell)) {
          return InvalidArgument(where(excel_row, c) + "应为" + std::string(TypeName(type)));
        }
        lxw_error err = LXW_NO_ERROR;
        double shown = 0;
        if (const auto* s = std::get_if<std::string>(&cell)) {
          ZJ_RETURN_IF_ERROR(CheckText(*s, where(excel_row, c)));
          err = worksheet_write_string(ws, r, col, s->c_str(), nullptr);
          shown = DisplayWidth(*s);
        } else if (const auto* n = std::get_if<int64_t>(&cell)) {
          if (std::fabs(static_cast<double>(*n)) > kMaxExact) {
            return InvalidArgument(where(excel_row, c) + "的数值超出 Excel 能精确表示的范围");
          }
          err = worksheet_write_number(ws, r, col, static_cast<double>(*n), int_);
          shown = static_cast<double>(std::to_string(*n).size());
        } else if (const auto* m = std::get_if<Money>(&cell)) {
          if (std::fabs(static_cast<double>(m->fen)) > kMaxExact) {
            return InvalidArgument(where(excel_row, c) + "的金额超出 Excel 能精确表示的范围");
          }
          err = worksheet_write_number(ws, r, col, static_cast<double>(m->fen) / 100.0, money_);
          const std::string yuan = m->ToYuanString();
          shown = static_cast<double>(yuan.size() + (yuan.size() > 6 ? (yuan.size() - 4) / 3 : 0));
        } else if (const auto* d = std::get_if<Date>(&cell)) {
          int y, mo, day;
          d->ToCivil(&y, &mo, &day);
          lxw_datetime dt = {y, mo, day, 0, 0, 0};
          err = worksheet_write_datetime(ws, r, col, &dt, date_);
          shown = 10;
        } else if (const auto* p = std::get_if<double>(&cell)) {
          if (!std::isfinite(*p)) {
            return InvalidArgument(where(excel_row, c) + "的百分比不是有限的数");
          }
          err = worksheet_write_number(ws, r, col, *p, percent_);
          shown = 8;
        }
        ZJ_RETURN_IF_ERROR(Check(err, name));
        widths[c] = std::max(widths[c], shown);
      }
    }
    for (size_t c = 0; c < sheet.columns.size(); ++c) {
      const double width = sheet.columns[c].width > 0 ? sheet.columns[c].width
                                                      : std::clamp(widths[c] + 2, 8.0, 60.0);
      const lxw_col_t col = static_cast<lxw_col_t>(c);
      ZJ_RETURN_IF_ERROR(Check(worksheet_set_column(ws, col, col, width, nullptr), name));
    }
    worksheet_freeze_panes(ws, header_row + 1, 0);
    const lxw_row_t last_row = sheet.rows.empty() ? header_row : r - 1;
    return Check(worksheet_autofilter(ws, header_row, 0, last_row, last_col), name);
  }

 private:
  static Status CheckText(const std::string& text, const std::string& where) {
    if (!ValidUtf8(text)) return InvalidArgument(where + "含有无效的 UTF-8 编码");
    if (Utf16Length(text) > kMaxCellText) {
      return InvalidArgument(where + "的文字超过 Excel 单元格上限 32767 个字符");
    }
    return Status::Ok();
  }

  static Status Check(lxw_error err, const std::string& sheet) {
    if (err == LXW_NO_ERROR) return Status::Ok();
    return InvalidArgument("写入工作表“" + sheet + "”失败：" + lxw_strerror(err));
  }

  lxw_workbook* wb_;
  lxw_format* title_;
  lxw_format* subtitle_;
  lxw_format* header_;
  lxw_format* int_;
  lxw_format* money_;
  lxw_format* date_;
  lxw_format* percent_;
};

}  // namespace

std::string SanitizeSheetName(std::string_view name) {
  std::string clean;
  for (size_t i = 0; i < name.size();) {
    const size_t len = Utf8CharLength(name, i);
    if (len == 0) {
      clean += '_';
      ++i;
      continue;
    }
    const char c = name[i];
    const bool forbidden = len == 1 && (std::string_view("[]:*?/\\").find(c) !=
                                            std::string_view::npos ||
                                        static_cast<unsigned char>(c) < 0x20);
    clean += forbidden ? std::string("_") : std::string(name.substr(i, len));
    i += len;
  }
  const auto trim = [&] {
    while (!clean.empty() && (clean.front() == '\'' || clean.front() == ' ')) clean.erase(0, 1);
    while (!clean.empty() && (clean.back() == '\'' || clean.back() == ' ')) clean.pop_back();
  };
  trim();
  std::string out;
  size_t units = 0;
  for (size_t i = 0; i < clean.size();) {
    const size_t len = Utf8CharLength(clean, i);
    const size_t u = len == 4 ? 2 : 1;
    if (units + u > kMaxSheetName) break;
    out.append(clean, i, len);
    units += u;
    i += len;
  }
  clean = std::move(out);
  trim();
  if (clean.empty()) return "工作表";
  if (Lower(clean) == "history") return clean + "_";
  return clean;
}

Result<std::string> WriteXlsx(const Workbook& workbook) {
  if (workbook.sheets.empty()) return InvalidArgument("工作簿没有工作表");
  // Unique names, compared without case as Excel does.
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (const Sheet& sheet : workbook.sheets) {
    const std::string base = SanitizeSheetName(sheet.name);
    std::string name = base;
    for (int n = 2; taken.count(Lower(name)); ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      std::string stem = base;
      while (Utf16Length(stem) + suffix.size() > kMaxSheetName) {
        size_t cut = stem.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80) --cut;
        stem.erase(cut);
      }
      name = stem + suffix;
    }
    taken.insert(Lower(name));
    names.push_back(name);
  }

  TempFile file;
  if (file.path().empty()) return IoError("无法在临时目录中创建 Excel 文件");
  const std::string tmpdir = fs::path(file.path()).parent_path().string();
  lxw_workbook_options options = {};
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  lxw_workbook* wb = workbook_new_opt(file.path().c_str(), &options);
  if (wb == nullptr) return IoError("无法创建 Excel 文件：" + file.path());
  lxw_doc_properties properties = {};
  properties.created = static_cast<time_t>(workbook.created);
  workbook_set_properties(wb, &properties);
  Writer writer(wb);
  for (size_t i = 0; i < workbook.sheets.size(); ++i) {
    Status status = writer.AddSheet(workbook.sheets[i], names[i]);
    if (!status.ok()) {
      lxw_workbook_free(wb);
      return status;
    }
  }
  if (lxw_error err = workbook_close(wb); err != LXW_NO_ERROR) {
    return IoError(std::string("写出 Excel 文件失败：") + lxw_strerror(err));
  }
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return IoError("无法读回 Excel 临时文件：" + file.path());
  return bytes.str();
}

}  // namespace zj::report
