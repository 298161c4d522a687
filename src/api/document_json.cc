#include "api/document_json.h"

#include <set>

namespace zj::api {
namespace {

using nlohmann::json;

class Reader {
 public:
  Reader(const json& j, std::string prefix) : j_(j), prefix_(std::move(prefix)) {}

  Status Text(const char* name, std::string* out) {
    seen_.insert(name);
    auto it = j_.find(name);
    if (it == j_.end() || it->is_null()) return Status::Ok();
    if (!it->is_string()) return Bad(name, "应为文字");
    *out = it->get<std::string>();
    return Status::Ok();
  }
  Status Day(const char* name, Date* out, bool placeholder_ok) {
    std::string text;
    ZJ_RETURN_IF_ERROR(Text(name, &text));
    if (text.empty()) {
      if (placeholder_ok) return Status::Ok();
      return Bad(name, "必须填写日期");
    }
    auto d = Date::Parse(text);
    if (!d) return Bad(name, "日期格式应为 YYYY-MM-DD");
    *out = *d;
    return Status::Ok();
  }
  Status Lines(const char* name, std::vector<std::string>* out) {
    seen_.insert(name);
    auto it = j_.find(name);
    if (it == j_.end() || it->is_null()) return Status::Ok();
    if (!it->is_array()) return Bad(name, "应为列表");
    for (const json& x : *it) {
      if (!x.is_string()) return Bad(name, "每项应为文字");
      out->push_back(x.get<std::string>());
    }
    return Status::Ok();
  }
  void Skip(const char* name) { seen_.insert(name); }
  Status NoOthers() const {
    for (auto it = j_.begin(); it != j_.end(); ++it) {
      if (!seen_.count(it.key())) return Bad(it.key(), "不是文书的字段");
    }
    return Status::Ok();
  }
  Status Bad(std::string_view name, std::string_view why) const {
    return InvalidArgument(prefix_ + std::string(name) + "：" + std::string(why));
  }

 private:
  const json& j_;
  std::string prefix_;
  std::set<std::string> seen_;
};

}  // namespace

Result<report::LegalDocument> DocumentFromJson(const json& content, bool draft) {
  if (!content.is_object()) return InvalidArgument("document：文书内容应为 JSON 对象");
  report::LegalDocument d;
  Reader r(content, "document.");
  std::string kind;
  ZJ_RETURN_IF_ERROR(r.Text("kind", &kind));
  auto k = report::KindFromId(kind);
  if (!k) return r.Bad("kind", "没有这种文书");
  d.kind = *k;
  ZJ_RETURN_IF_ERROR(r.Text("issuing_org", &d.issuing_org));
  ZJ_RETURN_IF_ERROR(r.Text("doc_no", &d.doc_no));
  ZJ_RETURN_IF_ERROR(r.Day("issued_on", &d.issued_on, draft));
  ZJ_RETURN_IF_ERROR(r.Text("addressee", &d.addressee));
  ZJ_RETURN_IF_ERROR(r.Text("case_no", &d.case_no));
  ZJ_RETURN_IF_ERROR(r.Text("subject", &d.subject));
  ZJ_RETURN_IF_ERROR(r.Lines("facts", &d.facts));
  ZJ_RETURN_IF_ERROR(r.Lines("authority", &d.authority));
  ZJ_RETURN_IF_ERROR(r.Lines("reasons", &d.reasons));
  ZJ_RETURN_IF_ERROR(r.Lines("suggestions", &d.suggestions));
  ZJ_RETURN_IF_ERROR(r.Text("requirement", &d.requirement));
  ZJ_RETURN_IF_ERROR(r.Text("reply_deadline", &d.reply_deadline));
  ZJ_RETURN_IF_ERROR(r.Text("objection_deadline", &d.objection_deadline));
  ZJ_RETURN_IF_ERROR(r.Lines("attachments", &d.attachments));
  ZJ_RETURN_IF_ERROR(r.Text("contact", &d.contact));
  r.Skip("basis");
  if (auto it = content.find("basis"); it != content.end() && !it->is_null()) {
    if (!it->is_array()) return r.Bad("basis", "应为列表");
    for (const json& b : *it) {
      if (!b.is_object()) return r.Bad("basis", "每项应为 {rule_id, citation, text}");
      report::LegalBasisItem item;
      Reader br(b, "document.basis.");
      ZJ_RETURN_IF_ERROR(br.Text("rule_id", &item.rule_id));
      ZJ_RETURN_IF_ERROR(br.Text("citation", &item.citation));
      ZJ_RETURN_IF_ERROR(br.Text("text", &item.text));
      ZJ_RETURN_IF_ERROR(br.NoOthers());
      d.basis.push_back(std::move(item));
    }
  }
  r.Skip("proposal");
  if (auto it = content.find("proposal"); it != content.end() && !it->is_null()) {
    if (!it->is_object()) return r.Bad("proposal", "应为对象");
    report::ProposalInfo p;
    Reader pr(*it, "document.proposal.");
    ZJ_RETURN_IF_ERROR(pr.Text("person", &p.person));
    ZJ_RETURN_IF_ERROR(pr.Text("person_info", &p.person_info));
    ZJ_RETURN_IF_ERROR(pr.Text("proposing_org", &p.proposing_org));
    ZJ_RETURN_IF_ERROR(pr.Day("proposed_on", &p.proposed_on, false));
    ZJ_RETURN_IF_ERROR(pr.Text("proposal", &p.proposal));
    ZJ_RETURN_IF_ERROR(pr.Text("opinion", &p.opinion));
    ZJ_RETURN_IF_ERROR(pr.NoOthers());
    d.proposal = std::move(p);
  }
  r.Skip("ruling");
  if (auto it = content.find("ruling"); it != content.end() && !it->is_null()) {
    if (!it->is_object()) return r.Bad("ruling", "应为对象");
    report::RulingInfo x;
    Reader rr(*it, "document.ruling.");
    ZJ_RETURN_IF_ERROR(rr.Text("court", &x.court));
    ZJ_RETURN_IF_ERROR(rr.Text("ruling_no", &x.ruling_no));
    ZJ_RETURN_IF_ERROR(rr.Day("ruled_on", &x.ruled_on, false));
    ZJ_RETURN_IF_ERROR(rr.Day("received_on", &x.received_on, false));
    ZJ_RETURN_IF_ERROR(rr.Text("person", &x.person));
    ZJ_RETURN_IF_ERROR(rr.Text("ruling", &x.ruling));
    ZJ_RETURN_IF_ERROR(rr.NoOthers());
    d.ruling = std::move(x);
  }
  ZJ_RETURN_IF_ERROR(r.NoOthers());
  if (draft) {
    // Numbered and dated when issued; stand-ins let everything else be checked now.
    if (d.doc_no.empty()) d.doc_no = "草稿〔2000〕1号";
    if (!content.contains("issued_on")) d.issued_on = *Date::FromCivil(2000, 1, 1);
  }
  return d;
}

Status ValidateDocumentJson(const json& content) {
  const bool draft = !content.contains("doc_no");
  ZJ_ASSIGN_OR_RETURN(report::LegalDocument d, DocumentFromJson(content, draft));
  Status s = report::Validate(d);
  if (!s.ok()) return InvalidArgument("document：" + s.message());
  return Status::Ok();
}

}  // namespace zj::api
