#include "report/template.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <type_traits>

#include "report/legal_document.h"
#include "report/text.h"

namespace zj::report {

namespace {

// Where a text placeholder stands in the XML.
enum class Context {
  kRunText,      // between <w:t> and </w:t>: line breaks become <w:br/>
  kElementText,  // another element's text
  kAttribute,    // inside a tag
};

constexpr std::string_view kNumber = "@number";
constexpr std::string_view kCnNumber = "@cn_number";

bool ValidName(std::string_view name) {
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Follows the tags of the literal text around the placeholders: whether we are inside a tag,
// how deep in <w:p> paragraphs, and whether the last tag opened a run's text (<w:t>).
class XmlTracker {
 public:
  void Feed(std::string_view text) {
    for (char c : text) {
      if (in_comment_) {  // <!-- … --> may hold markup, which does not count
        tag_ += c;
        if (tag_.size() >= 3 && tag_.compare(tag_.size() - 3, 3, "-->") == 0) {
          in_comment_ = false;
          tag_.clear();
        }
      } else if (in_tag_) {
        if (c == '>') {
          in_tag_ = false;
          EndTag();
        } else {
          tag_ += c;
          if (tag_ == "!--") {
            in_tag_ = false;
            in_comment_ = true;
            tag_.clear();
          }
        }
      } else if (c == '<') {
        in_tag_ = true;
        tag_.clear();
      }
    }
  }
  bool in_tag() const { return in_tag_; }
  int paragraph_depth() const { return paragraph_depth_; }
  Context context() const {
    if (in_tag_) return Context::kAttribute;
    return in_run_text_ ? Context::kRunText : Context::kElementText;
  }

 private:
  void EndTag() {
    in_run_text_ = false;
    if (tag_.empty() || tag_[0] == '?' || tag_[0] == '!') return;
    const bool closing = tag_[0] == '/';
    const bool self_closing = tag_.back() == '/';
    std::string_view name(tag_);
    if (closing) name.remove_prefix(1);
    name = name.substr(0, name.find_first_of(" \t\r\n/"));
    if (name == "w:p") {
      if (closing) {
        --paragraph_depth_;
      } else if (!self_closing) {
        ++paragraph_depth_;
      }
    }
    in_run_text_ = name == "w:t" && !closing && !self_closing;
  }

  bool in_tag_ = false;
  bool in_comment_ = false;
  bool in_run_text_ = false;
  int paragraph_depth_ = 0;
  std::string tag_;
};

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

struct Template::Node {
  enum class Type { kLiteral, kText, kItem, kNumber, kCnNumber, kRepeat, kIf };
  Type type = Type::kLiteral;
  std::string text;  // kLiteral: the text; otherwise the field name
  int line = 0;
  Context context = Context::kElementText;
  // kText / kIf: -1 for a template field, else the repeat (0 = outermost) whose record holds
  // the field. kItem / kNumber / kCnNumber: the repeat whose item it is.
  int scope = -1;
  FieldType list_type = FieldType::kTextList;  // kRepeat
  std::vector<Node> children;                  // kRepeat, kIf
};

namespace {

using Node = Template::Node;

class Parser {
 public:
  Parser(const std::string& name, const Schema& schema) : name_(name), schema_(schema) {}

  Result<std::vector<Node>> Parse(std::string_view text) {
    size_t pos = 0;
    int line = 1;
    while (pos < text.size()) {
      size_t open = text.find("{{", pos);
      std::string_view literal = text.substr(pos, open == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : open - pos);
      AddLiteral(literal);
      line += static_cast<int>(std::count(literal.begin(), literal.end(), '\n'));
      if (open == std::string_view::npos) break;
      size_t close = text.find("}}", open + 2);
      size_t newline = text.find('\n', open);
      if (close == std::string_view::npos || newline < close) {
        return Error(line, "“{{”之后没有对应的“}}”");
      }
      std::string_view token = text.substr(open + 2, close - open - 2);
      while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
      while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
      ZJ_RETURN_IF_ERROR(Token(token, line));
      pos = close + 2;
    }
    if (!stack_.empty()) {
      const Node& open = stack_.back();
      return Error(open.line, "区块 {{" + std::string(open.type == Node::Type::kRepeat ? "#" : "?") +
                                  open.text + "}} 没有结束标记 {{/" + open.text + "}}");
    }
    return std::move(root_);
  }

 private:
  Status Error(int line, const std::string& message) const {
    return InvalidArgument("模板 " + name_ + " 第 " + std::to_string(line) + " 行：" + message);
  }

  std::vector<Node>& Current() { return stack_.empty() ? root_ : stack_.back().children; }

  void AddLiteral(std::string_view literal) {
    if (literal.empty()) return;
    xml_.Feed(literal);
    std::vector<Node>& nodes = Current();
    if (!nodes.empty() && nodes.back().type == Node::Type::kLiteral) {
      nodes.back().text += literal;
    } else {
      Node node;
      node.text = std::string(literal);
      nodes.push_back(std::move(node));
    }
  }

  const FieldSpec* Find(std::string_view name) const {
    for (const FieldSpec& spec : schema_) {
      if (spec.name == name) return &spec;
    }
    return nullptr;
  }

  // The innermost repeat on the stack and its index (0 = outermost), or -1.
  int InnermostRepeat(const Node** node) const {
    int index = -1;
    for (const Node& open : stack_) {
      if (open.type == Node::Type::kRepeat) {
        ++index;
        *node = &open;
      }
    }
    return index;
  }

  // The repeat whose records hold `name`, innermost first, or -1.
  int RecordScope(std::string_view name) const {
    int index = -1, found = -1;
    for (const Node& open : stack_) {
      if (open.type != Node::Type::kRepeat) continue;
      ++index;
      if (open.list_type != FieldType::kRecordList) continue;
      const FieldSpec* spec = Find(open.text);
      if (std::find(spec->item_fields.begin(), spec->item_fields.end(), name) !=
          spec->item_fields.end()) {
        found = index;
      }
    }
    return found;
  }

  Status Token(std::string_view token, int line) {
    if (token.empty()) return Error(line, "空的占位符 {{}}");
    const std::string shown = "{{" + std::string(token) + "}}";
    const char sigil = token[0];
    if (sigil == '#' || sigil == '?' || sigil == '/') {
      std::string name(token.substr(1));
      if (!ValidName(name)) return Error(line, "占位符 " + shown + " 格式不对");
      if (xml_.in_tag() || xml_.paragraph_depth() != 0) {
        return Error(line, "区块标记 " + shown + " 须在段落（<w:p>）之外");
      }
      if (sigil == '/') return Close(name, line);
      Node node;
      node.text = name;
      node.line = line;
      if (sigil == '#') {
        if (RecordScope(name) >= 0) return Error(line, shown + " 不是列表，不能重复");
        const FieldSpec* spec = Find(name);
        if (spec == nullptr) return Error(line, "未知的占位符 " + shown);
        if (spec->type == FieldType::kText) {
          return Error(line, "{{" + name + "}} 是文本，不是列表，不能写作 " + shown);
        }
        node.type = Node::Type::kRepeat;
        node.list_type = spec->type;
      } else {
        node.type = Node::Type::kIf;
        node.scope = RecordScope(name);
        if (node.scope < 0 && Find(name) == nullptr) return Error(line, "未知的占位符 " + shown);
      }
      stack_.push_back(std::move(node));
      return Status::Ok();
    }

    Node node;
    node.line = line;
    node.context = xml_.context();
    if (token == "." || token == kNumber || token == kCnNumber) {
      const Node* repeat = nullptr;
      node.scope = InnermostRepeat(&repeat);
      if (node.scope < 0) return Error(line, shown + " 只能用在重复区块 {{#…}} 之内");
      if (token == ".") {
        if (repeat->list_type != FieldType::kTextList) {
          return Error(line, "{{.}} 只能用在文本列表的重复区块之内，{{#" + repeat->text +
                                 "}} 的每一项有多个字段，请写字段名");
        }
        node.type = Node::Type::kItem;
      } else {
        node.type = token == kNumber ? Node::Type::kNumber : Node::Type::kCnNumber;
      }
      Current().push_back(std::move(node));
      return Status::Ok();
    }
    if (!ValidName(token)) return Error(line, "占位符 " + shown + " 格式不对");
    node.type = Node::Type::kText;
    node.text = std::string(token);
    node.scope = RecordScope(token);
    if (node.scope < 0) {
      const FieldSpec* spec = Find(token);
      if (spec == nullptr) return Error(line, "未知的占位符 " + shown);
      if (spec->type != FieldType::kText) {
        return Error(line, shown + " 是列表，须写作 {{#" + node.text + "}}…{{/" + node.text + "}}");
      }
    }
    Current().push_back(std::move(node));
    return Status::Ok();
  }

  Status Close(const std::string& name, int line) {
    if (stack_.empty()) return Error(line, "多余的结束标记 {{/" + name + "}}");
    if (stack_.back().text != name) {
      const Node& open = stack_.back();
      return Error(line, "结束标记 {{/" + name + "}} 与第 " + std::to_string(open.line) +
                             " 行的 {{" + (open.type == Node::Type::kRepeat ? "#" : "?") +
                             open.text + "}} 不对应");
    }
    Node node = std::move(stack_.back());
    stack_.pop_back();
    Current().push_back(std::move(node));
    return Status::Ok();
  }

  const std::string& name_;
  const Schema& schema_;
  XmlTracker xml_;
  std::vector<Node> root_;
  std::vector<Node> stack_;  // open blocks, outermost first
};

struct Frame {
  const std::string* item = nullptr;  // an item of a text list
  const Record* record = nullptr;     // an item of a record list
  size_t index = 0;
  const std::string* list = nullptr;
};

class Renderer {
 public:
  Renderer(const std::string& name, const Fields& fields) : name_(name), fields_(fields) {}

  Status Nodes(const std::vector<Node>& nodes, std::string* out) {
    for (const Node& node : nodes) ZJ_RETURN_IF_ERROR(One(node, out));
    return Status::Ok();
  }

 private:
  Status Error(const Node& node, const std::string& message) const {
    return InvalidArgument("模板 " + name_ + " 第 " + std::to_string(node.line) + " 行：" +
                           message);
  }

  // The text value of a kText / kIf node that names a text field.
  Result<const std::string*> Text(const Node& node) const {
    if (node.scope >= 0) {
      const Frame& frame = frames_[node.scope];
      auto it = frame.record->find(node.text);
      if (it == frame.record->end()) {
        return Error(node, "列表 {{#" + *frame.list + "}} 的第 " +
                               std::to_string(frame.index + 1) + " 项缺少字段 {{" + node.text +
                               "}}");
      }
      return &it->second;
    }
    auto it = fields_.find(node.text);
    if (it == fields_.end()) return Error(node, "缺少字段 {{" + node.text + "}} 的值");
    if (const auto* text = std::get_if<std::string>(&it->second)) return text;
    return Error(node, "字段 {{" + node.text + "}} 的值应为文本，却是列表");
  }

  Status Append(const Node& node, std::string_view value, std::string* out) const {
    const std::string shown = node.type == Node::Type::kItem
                                  ? "列表 {{#" + *frames_[node.scope].list + "}} 的第 " +
                                        std::to_string(frames_[node.scope].index + 1) + " 项"
                                  : "字段 {{" + node.text + "}} ";
    for (size_t i = 0; i < value.size();) {
      const char c = value[i];
      const size_t n = Utf8CharLength(value, i);
      if (n == 0) return Error(node, shown + "含有无效的 UTF-8 编码");
      if (c == '\n' || c == '\t' || c == '\r') {
        if (node.context != Context::kRunText) {
          return Error(node, shown + "含有换行或制表符，此处只能是一行文字");
        }
        if (c == '\n' || (c == '\r' && (i + 1 == value.size() || value[i + 1] != '\n'))) {
          *out += "</w:t><w:br/><w:t xml:space=\"preserve\">";
        } else if (c == '\t') {
          *out += "</w:t><w:tab/><w:t xml:space=\"preserve\">";
        }
      } else if (static_cast<unsigned char>(c) < 0x20) {
        return Error(node, shown + "含有控制字符");
      } else {
        *out += XmlEscape(value.substr(i, n));
      }
      i += n;
    }
    return Status::Ok();
  }

  Status One(const Node& node, std::string* out) {
    switch (node.type) {
      case Node::Type::kLiteral:
        *out += node.text;
        return Status::Ok();
      case Node::Type::kText: {
        ZJ_ASSIGN_OR_RETURN(const std::string* text, Text(node));
        return Append(node, *text, out);
      }
      case Node::Type::kItem:
        return Append(node, *frames_[node.scope].item, out);
      case Node::Type::kNumber:
        *out += std::to_string(frames_[node.scope].index + 1);
        return Status::Ok();
      case Node::Type::kCnNumber:
        *out += ChineseNumber(static_cast<int64_t>(frames_[node.scope].index) + 1);
        return Status::Ok();
      case Node::Type::kIf: {
        bool present;
        if (node.scope >= 0) {
          ZJ_ASSIGN_OR_RETURN(const std::string* text, Text(node));
          present = !Blank(*text);
        } else {
          auto it = fields_.find(node.text);
          if (it == fields_.end()) return Error(node, "缺少字段 {{" + node.text + "}} 的值");
          present = std::visit(
              [](const auto& v) {
                if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
                  return !Blank(v);
                } else {
                  return !v.empty();
                }
              },
              it->second);
        }
        return present ? Nodes(node.children, out) : Status::Ok();
      }
      case Node::Type::kRepeat: {
        auto it = fields_.find(node.text);
        if (it == fields_.end()) return Error(node, "缺少字段 {{" + node.text + "}} 的值");
        const auto* texts = std::get_if<TextList>(&it->second);
        const auto* records = std::get_if<RecordList>(&it->second);
        if ((node.list_type == FieldType::kTextList && texts == nullptr) ||
            (node.list_type == FieldType::kRecordList && records == nullptr)) {
          return Error(node, "字段 {{" + node.text + "}} 的值类型不对（应为" +
                                 (node.list_type == FieldType::kTextList ? "文本列表"
                                                                         : "记录列表") +
                                 "）");
        }
        const size_t n = texts ? texts->size() : records->size();
        for (size_t i = 0; i < n; ++i) {
          Frame frame;
          frame.index = i;
          frame.list = &node.text;
          if (texts) {
            frame.item = &(*texts)[i];
          } else {
            frame.record = &(*records)[i];
          }
          frames_.push_back(frame);
          Status status = Nodes(node.children, out);
          frames_.pop_back();
          ZJ_RETURN_IF_ERROR(status);
        }
        return Status::Ok();
      }
    }
    return Status::Ok();
  }

  const std::string& name_;
  const Fields& fields_;
  std::vector<Frame> frames_;  // the enclosing repeats, outermost first
};

void CollectNames(const std::vector<Node>& nodes, std::set<std::string>* names) {
  for (const Node& node : nodes) {
    const bool named = node.type == Node::Type::kRepeat ||
                       ((node.type == Node::Type::kText || node.type == Node::Type::kIf) &&
                        node.scope < 0);
    if (named) names->insert(node.text);
    CollectNames(node.children, names);
  }
}

}  // namespace

Result<Template> Template::Parse(std::string name, std::string_view text, const Schema& schema) {
  Parser parser(name, schema);
  ZJ_ASSIGN_OR_RETURN(std::vector<Node> nodes, parser.Parse(text));
  return Template(std::move(name), std::make_shared<const std::vector<Node>>(std::move(nodes)));
}

Result<std::string> Template::Render(const Fields& fields) const {
  std::string out;
  Renderer renderer(name_, fields);
  ZJ_RETURN_IF_ERROR(renderer.Nodes(*nodes_, &out));
  return out;
}

std::vector<std::string> Template::FieldNames() const {
  std::set<std::string> names;
  CollectNames(*nodes_, &names);
  return {names.begin(), names.end()};
}

}  // namespace zj::report
