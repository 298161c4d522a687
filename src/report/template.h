#pragma once
// A tiny, strict template language for the XML parts of a .docx (WordprocessingML).
//
//   {{name}}                  a text field, XML-escaped (& < > " ')
//   {{#name}} … {{/name}}     repeat the enclosed paragraphs once per item of a list field
//   {{?name}} … {{/name}}     keep the enclosed paragraphs only if the field is not empty
//                             (a text that is not blank, a list with some item)
//   {{.}}                     inside a repeat over a text list: the item
//   {{@number}}               inside a repeat: the item's number, 1, 2, 3 …
//   {{@cn_number}}            inside a repeat: the item's number in Chinese, 一, 二, 三 …
//
// Inside a repeat over a list of records, a name is first looked up among the record's fields,
// then among the template's fields. Spaces just inside the braces are ignored.
//
// Text fields. Inside a run's text (`<w:t>` … `</w:t>`), a line break in the value ends the
// text and adds a `<w:br/>`, and a tab adds a `<w:tab/>`, so a multi-line value prints as one
// paragraph with lines. Anywhere else (another element's text, an attribute) a line break or
// tab in the value is an error. Control characters and invalid UTF-8 are errors everywhere.
//
// Blocks are paragraph-level: `{{#…}}`, `{{?…}}` and `{{/…}}` must stand between paragraphs
// (outside any `<w:p>`), so that what is repeated or dropped is whole paragraphs and the output
// stays well-formed.
//
// Strictness. Parse checks the template against a Schema (the fields a template may use and
// their types): an unknown name, a text used as a list or a list as a text, a block that is not
// closed or closed out of order, `{{.}}` or `{{@…}}` outside a repeat, or a malformed `{{…}}`
// is a kInvalidArgument whose Chinese message names the template, the line and the field, e.g.
// "模板 suggestion.xml 第 12 行：未知的占位符 {{adressee}}". Render fails the same way when a
// field the template uses has no value, or a value of the wrong type: a field is never silently
// left blank.
//
// Thread-safety: a parsed Template is immutable; Render may be called from many threads.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"

namespace zj::report {

enum class FieldType { kText, kTextList, kRecordList };

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::kText;
  std::vector<std::string> item_fields;  // kRecordList: the text fields of each record
};

using Schema = std::vector<FieldSpec>;

using TextList = std::vector<std::string>;
using Record = std::map<std::string, std::string, std::less<>>;
using RecordList = std::vector<Record>;
using FieldValue = std::variant<std::string, TextList, RecordList>;
using Fields = std::map<std::string, FieldValue, std::less<>>;

class Template {
 public:
  // `name` is how messages refer to the template (its file name).
  static Result<Template> Parse(std::string name, std::string_view text, const Schema& schema);

  Result<std::string> Render(const Fields& fields) const;

  const std::string& name() const { return name_; }
  // The top-level field names the template uses, sorted, each once.
  std::vector<std::string> FieldNames() const;

  struct Node;

 private:
  Template(std::string name, std::shared_ptr<const std::vector<Node>> nodes)
      : name_(std::move(name)), nodes_(std::move(nodes)) {}

  std::string name_;
  std::shared_ptr<const std::vector<Node>> nodes_;
};

}  // namespace zj::report
