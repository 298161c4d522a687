#include "report/template.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace zj::report {
namespace {

using ::testing::HasSubstr;

const Schema& TestSchema() {
  static const Schema schema = {
      {"name", FieldType::kText, {}},
      {"note", FieldType::kText, {}},
      {"items", FieldType::kTextList, {}},
      {"rows", FieldType::kRecordList, {"a", "b"}},
  };
  return schema;
}

Fields TestFields() {
  return {{"name", std::string("张某某")},
          {"note", std::string("")},
          {"items", TextList{"甲", "乙", "丙"}},
          {"rows", RecordList{{{"a", "a1"}, {"b", "b1"}}, {{"a", "a2"}, {"b", ""}}}}};
}

// A paragraph whose run's text is `text`.
std::string P(std::string_view text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + std::string(text) + "</w:t></w:r></w:p>";
}

Result<std::string> Render(std::string_view text, const Fields& fields = TestFields()) {
  ZJ_ASSIGN_OR_RETURN(Template t, Template::Parse("t.xml", text, TestSchema()));
  return t.Render(fields);
}

// The message of a parse or render failure ("" if it succeeds).
std::string Failure(std::string_view text, const Fields& fields = TestFields()) {
  Result<std::string> r = Render(text, fields);
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  return r.status().message();
}

TEST(TemplateTest, LiteralTextIsKept) {
  EXPECT_EQ(*Render("<w:body>" + P("无占位符") + "</w:body>"),
            "<w:body>" + P("无占位符") + "</w:body>");
}

TEST(TemplateTest, TextFieldIsEscaped) {
  Fields f = TestFields();
  f["name"] = std::string("<a&b>\"c'");
  EXPECT_EQ(*Render(P("{{name}}"), f), P("&lt;a&amp;b&gt;&quot;c&apos;"));
  EXPECT_EQ(*Render("<a x=\"{{name}}\"/>", f), "<a x=\"&lt;a&amp;b&gt;&quot;c&apos;\"/>");
}

TEST(TemplateTest, SpacesInsideTheBracesAreIgnored) {
  EXPECT_EQ(*Render(P("{{ name }}")), P("张某某"));
}

TEST(TemplateTest, LineBreaksInRunTextBecomeBreaks) {
  Fields f = TestFields();
  f["name"] = std::string("一\n二\r\n三\t四");
  EXPECT_EQ(*Render(P("{{name}}"), f),
            P("一</w:t><w:br/><w:t xml:space=\"preserve\">二</w:t><w:br/>"
              "<w:t xml:space=\"preserve\">三</w:t><w:tab/><w:t xml:space=\"preserve\">四"));
}

TEST(TemplateTest, LineBreaksOutsideRunTextAreErrors) {
  Fields f = TestFields();
  f["name"] = std::string("一\n二");
  EXPECT_EQ(Failure("<dc:title>{{name}}</dc:title>", f),
            "模板 t.xml 第 1 行：字段 {{name}} 含有换行或制表符，此处只能是一行文字");
  EXPECT_THAT(Failure("<w:p><w:pPr x=\"{{name}}\"/></w:p>", f), HasSubstr("只能是一行文字"));
  // After </w:t> the run's text has ended.
  EXPECT_THAT(Failure("<w:p><w:r><w:t>x</w:t>{{name}}</w:r></w:p>", f),
              HasSubstr("只能是一行文字"));
}

TEST(TemplateTest, ControlCharactersAndBadUtf8AreErrors) {
  Fields f = TestFields();
  f["name"] = std::string("a\x01");
  EXPECT_EQ(Failure(P("{{name}}"), f), "模板 t.xml 第 1 行：字段 {{name}} 含有控制字符");
  f["name"] = std::string("a\xff");
  EXPECT_EQ(Failure(P("{{name}}"), f), "模板 t.xml 第 1 行：字段 {{name}} 含有无效的 UTF-8 编码");
  f["name"] = std::string("\xed\xa0\x80");  // a surrogate
  EXPECT_THAT(Failure(P("{{name}}"), f), HasSubstr("UTF-8"));
  f["items"] = TextList{"\x02"};
  EXPECT_EQ(Failure("{{#items}}" + P("{{.}}") + "{{/items}}", f),
            "模板 t.xml 第 1 行：列表 {{#items}} 的第 1 项含有控制字符");
}

TEST(TemplateTest, RepeatsParagraphsForEachItem) {
  const std::string t = "<b>\n{{#items}}\n" + P("{{@number}}/{{@cn_number}} {{.}}") +
                        "\n{{/items}}\n</b>";
  EXPECT_EQ(*Render(t), "<b>\n\n" + P("1/一 甲") + "\n\n" + P("2/二 乙") + "\n\n" +
                            P("3/三 丙") + "\n\n</b>");
  Fields one = TestFields();
  one["items"] = TextList{"唯一"};
  EXPECT_EQ(*Render(t, one), "<b>\n\n" + P("1/一 唯一") + "\n\n</b>");
  Fields none = TestFields();
  none["items"] = TextList{};
  EXPECT_EQ(*Render(t, none), "<b>\n\n</b>");
}

TEST(TemplateTest, RecordFieldsFirstThenTemplateFields) {
  EXPECT_EQ(*Render("{{#rows}}" + P("{{a}}|{{b}}|{{name}}") + "{{/rows}}"),
            P("a1|b1|张某某") + P("a2||张某某"));
}

TEST(TemplateTest, ConditionalKeepsOrDropsParagraphs) {
  const std::string t = "{{?name}}" + P("有") + "{{/name}}{{?note}}" + P("无") + "{{/note}}";
  EXPECT_EQ(*Render(t), P("有"));
  Fields f = TestFields();
  f["note"] = std::string(" \n");  // blank counts as empty
  EXPECT_EQ(*Render(t, f), P("有"));
  EXPECT_EQ(*Render("{{?items}}" + P("列表") + "{{/items}}"), P("列表"));
  f["items"] = TextList{};
  EXPECT_EQ(*Render("{{?items}}" + P("列表") + "{{/items}}", f), "");
  // On a record's field, inside the repeat.
  EXPECT_EQ(*Render("{{#rows}}{{?b}}" + P("{{a}}") + "{{/b}}{{/rows}}"), P("a1"));
}

TEST(TemplateTest, UnknownPlaceholderNamesTemplateLineAndField) {
  EXPECT_EQ(Failure("<a>\n\n" + P("{{nmae}}") + "</a>"),
            "模板 t.xml 第 3 行：未知的占位符 {{nmae}}");
  EXPECT_EQ(Failure("{{#nothing}}{{/nothing}}"), "模板 t.xml 第 1 行：未知的占位符 {{#nothing}}");
  EXPECT_EQ(Failure("{{?nothing}}{{/nothing}}"), "模板 t.xml 第 1 行：未知的占位符 {{?nothing}}");
  // A record's field is unknown outside its repeat.
  EXPECT_EQ(Failure(P("{{a}}")), "模板 t.xml 第 1 行：未知的占位符 {{a}}");
}

TEST(TemplateTest, ListsAndTextsAreNotInterchangeable) {
  EXPECT_EQ(Failure(P("{{items}}")),
            "模板 t.xml 第 1 行：{{items}} 是列表，须写作 {{#items}}…{{/items}}");
  EXPECT_EQ(Failure("{{#name}}{{/name}}"),
            "模板 t.xml 第 1 行：{{name}} 是文本，不是列表，不能写作 {{#name}}");
  EXPECT_EQ(Failure("{{#rows}}{{#a}}{{/a}}{{/rows}}"),
            "模板 t.xml 第 1 行：{{#a}} 不是列表，不能重复");
  EXPECT_EQ(Failure("{{#rows}}" + P("{{.}}") + "{{/rows}}"),
            "模板 t.xml 第 1 行：{{.}} 只能用在文本列表的重复区块之内，{{#rows}} 的每一项有多个字段，"
            "请写字段名");
}

TEST(TemplateTest, ItemAndNumberOnlyInsideARepeat) {
  EXPECT_EQ(Failure(P("{{.}}")), "模板 t.xml 第 1 行：{{.}} 只能用在重复区块 {{#…}} 之内");
  EXPECT_EQ(Failure(P("{{@number}}")),
            "模板 t.xml 第 1 行：{{@number}} 只能用在重复区块 {{#…}} 之内");
  EXPECT_EQ(Failure("{{?name}}" + P("{{@cn_number}}") + "{{/name}}"),
            "模板 t.xml 第 1 行：{{@cn_number}} 只能用在重复区块 {{#…}} 之内");
  EXPECT_EQ(Failure(P("{{@count}}")), "模板 t.xml 第 1 行：占位符 {{@count}} 格式不对");
}

TEST(TemplateTest, BlocksMustCloseInOrder) {
  EXPECT_EQ(Failure("<a>\n{{#items}}\n" + P("{{.}}") + "\n</a>"),
            "模板 t.xml 第 2 行：区块 {{#items}} 没有结束标记 {{/items}}");
  EXPECT_EQ(Failure("{{#items}}\n{{?name}}\n{{/items}}\n{{/name}}"),
            "模板 t.xml 第 3 行：结束标记 {{/items}} 与第 2 行的 {{?name}} 不对应");
  EXPECT_EQ(Failure("\n{{/items}}"), "模板 t.xml 第 2 行：多余的结束标记 {{/items}}");
}

TEST(TemplateTest, BlockMarkersStandBetweenParagraphs) {
  EXPECT_EQ(Failure("<w:p>{{#items}}<w:r><w:t>{{.}}</w:t></w:r>{{/items}}</w:p>"),
            "模板 t.xml 第 1 行：区块标记 {{#items}} 须在段落（<w:p>）之外");
  EXPECT_THAT(Failure("<w:p x=\"{{?name}}\"/>{{/name}}"), HasSubstr("须在段落"));
  // A self-closing empty paragraph opens nothing, and neither does markup in a comment.
  EXPECT_EQ(*Render("<w:p/>{{?name}}<w:p/>{{/name}}"), "<w:p/><w:p/>");
  EXPECT_EQ(*Render("<!-- <w:p> a > b </w:p> -->{{?name}}<w:p/>{{/name}}"),
            "<!-- <w:p> a > b </w:p> --><w:p/>");
  EXPECT_THAT(Failure("<!-- <w:p> -->" + P("x") + "<w:p>{{?name}}<w:p/>{{/name}}</w:p>"),
              HasSubstr("须在段落"));
}

TEST(TemplateTest, MalformedPlaceholders) {
  EXPECT_EQ(Failure("<a>{{name</a>"), "模板 t.xml 第 1 行：“{{”之后没有对应的“}}”");
  EXPECT_EQ(Failure("{{name\n}}"), "模板 t.xml 第 1 行：“{{”之后没有对应的“}}”");
  EXPECT_EQ(Failure("{{}}"), "模板 t.xml 第 1 行：空的占位符 {{}}");
  EXPECT_EQ(Failure(P("{{Name}}")), "模板 t.xml 第 1 行：占位符 {{Name}} 格式不对");
  EXPECT_EQ(Failure("{{#na-me}}"), "模板 t.xml 第 1 行：占位符 {{#na-me}} 格式不对");
}

TEST(TemplateTest, MissingOrMistypedValuesFailTheRender) {
  Fields f = TestFields();
  f.erase("name");
  EXPECT_EQ(Failure(P("{{name}}"), f), "模板 t.xml 第 1 行：缺少字段 {{name}} 的值");
  EXPECT_EQ(Failure("{{?name}}{{/name}}", f), "模板 t.xml 第 1 行：缺少字段 {{name}} 的值");
  f = TestFields();
  f["name"] = TextList{"列表"};
  EXPECT_EQ(Failure(P("{{name}}"), f), "模板 t.xml 第 1 行：字段 {{name}} 的值应为文本，却是列表");
  f = TestFields();
  f["items"] = std::string("文本");
  EXPECT_EQ(Failure("{{#items}}{{/items}}", f),
            "模板 t.xml 第 1 行：字段 {{items}} 的值类型不对（应为文本列表）");
  f = TestFields();
  f["rows"] = RecordList{{{"a", "a1"}, {"b", "b1"}}, {{"a", "a2"}}};
  EXPECT_EQ(Failure("{{#rows}}" + P("{{b}}") + "{{/rows}}", f),
            "模板 t.xml 第 1 行：列表 {{#rows}} 的第 2 项缺少字段 {{b}}");
}

TEST(TemplateTest, FieldNamesListsTheTopLevelFieldsUsed) {
  Result<Template> t = Template::Parse(
      "t.xml", "{{#rows}}" + P("{{a}}{{name}}") + "{{/rows}}{{?note}}{{/note}}", TestSchema());
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->FieldNames(), (std::vector<std::string>{"name", "note", "rows"}));
  EXPECT_EQ(t->name(), "t.xml");
}

}  // namespace
}  // namespace zj::report
