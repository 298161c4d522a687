#include "domain/exchange_docs.h"

#include "domain/exchange_tables.h"

namespace zj::domain {

std::string ExchangeTablesMarkdown() {
  std::string s =
      "# 数据交换表参考（EXCHANGE v1）\n\n"
      "> 本文件由 `zhijian schema docs` 根据程序中的数据表声明自动生成，请勿手工修改；"
      "测试会检查二者一致。\n\n"
      "每个数据包（目录或 .tar/.zip）含 `manifest.json` 与每表一个 CSV 文件（可 gzip 压缩）。"
      "带“键”标记的列构成主键：同键的行覆盖旧行，`deleted`=1 的行删除该键的记录。"
      "“必填”列不得为空。以 `x_` 开头的自定义列会原样保存、不作解释；其他未列出的列一律拒收。"
      "数据表按下列顺序导入，后面的表只引用前面的表。\n\n";
  int n = 0;
  for (const TableSpec* t : AllTables()) {
    s += "## " + std::to_string(++n) + ". " + std::string(t->label) + " `" + std::string(t->name) +
         "`\n\n| 列 | 名称 | 类型与取值 | 键 | 必填 | 引用 |\n|---|---|---|---|---|---|\n";
    for (const ColumnSpec& c : t->columns) {
      std::string type(DescribeType(c.type));
      if (c.codes) type += "：" + c.codes->Describe();
      if (c.type == ColumnType::kCount) {
        type += "（" + std::to_string(c.min) + "–" + std::to_string(c.max) + "）";
      }
      std::string ref;
      if (!c.ref.empty()) {
        if (c.ref[0] == '@') {
          ref = "由 `" + std::string(c.ref.substr(1)) + "` 指定的表";
        } else {
          ref = "`" + std::string(c.ref) + "`";
        }
      }
      s += "| `" + std::string(c.name) + "` | " + std::string(c.label) + " | " + type + " | " +
           (c.key ? "键" : "") + " | " + (c.IsRequired() ? "是" : "") + " | " + ref + " |\n";
    }
    if (!t->ordered.empty()) {
      s += "\n先后顺序：";
      bool first = true;
      for (const auto& o : t->ordered) {
        s += std::string(first ? "" : "；") + "`" + std::string(o.second) + "` 不得早于 `" +
             std::string(o.first) + "`";
        first = false;
      }
      s += "。\n";
    }
    for (const Agreement& a : t->agreements) {
      s += "\n一致性：`" + std::string(a.column) + "` 必须与 `" + std::string(a.via) +
           "` 所指记录的 `" + std::string(a.column) + "` 相同。\n";
    }
    s += "\n";
  }
  s += "## 附：代码表\n\n";
  for (const CodeList* l : AllCodeLists()) {
    s += "- **" + std::string(l->label) + "** `" + std::string(l->name) + "`：" + l->Describe() +
         "\n";
  }
  return s;
}

}  // namespace zj::domain
