#include "synth/writer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/money.h"
#include "common/sha256.h"
#include "domain/exchange_tables.h"
#include "synth/builders.h"
#include "synth/output.h"
#include "synth/prison_life.h"
#include "synth/trajectory.h"

namespace zj::synth {
namespace {

std::string Join(const std::vector<std::string_view>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(';');
    out.append(items[i]);
  }
  return out;
}

std::string Hours(double h) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%g", h);
  return buf;
}

// A small valid one-page PDF showing `line` (ASCII) in Helvetica.
std::string MiniPdf(const std::string& line) {
  std::string stream = "BT /F1 11 Tf 56 780 Td (" + line + ") Tj ET";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

class Batch {
 public:
  Batch(const World& w, std::string dir) : w_(w), dir_(std::move(dir)) {}

  Result<CsvTable*> Open(std::string_view name) {
    const domain::TableSpec* spec = domain::FindTable(name);
    if (!spec) return Internal("synth: 未声明的数据表 " + std::string(name));
    ZJ_ASSIGN_OR_RETURN(auto t, CsvTable::Open(*spec, dir_, name == "positions"));
    tables_.push_back(std::move(t));
    return tables_.back().get();
  }

  Status CloseAll(std::map<std::string, int64_t>* rows, nlohmann::ordered_json* manifest_tables) {
    for (const domain::TableSpec* spec : domain::AllTables()) {
      for (auto& t : tables_) {
        if (t->spec().name != spec->name) continue;
        ZJ_RETURN_IF_ERROR(t->Close());
        (*rows)[std::string(spec->name)] = t->rows();
        (*manifest_tables)[std::string(spec->name)] = {
            {"file", t->file_name()}, {"rows", t->rows()}, {"sha256", t->sha256()}};
      }
    }
    return Status::Ok();
  }

  const World& w_;
  std::string dir_;
  std::vector<std::unique_ptr<CsvTable>> tables_;
};

Status WriteAttachments(const World& w, const std::string& dir, CsvTable* t) {
  namespace fs = std::filesystem;
  size_t n = 0;
  for (const ChangeRow& c : w.changes) {
    if (!c.pending()) continue;
    const PersonRow& person = w.persons[c.person];
    const SentenceRow& s = w.sentences[c.sentence];
    const std::string folder = "attachments/" + c.id;
    std::error_code ec;
    fs::create_directories(dir + "/" + folder, ec);
    if (ec) return IoError("无法创建附件目录：" + dir + "/" + folder);
    struct Doc {
      std::string_view doc_type;
      std::string title, file, content;
      int pages;
    };
    std::vector<Doc> docs;
    const bool parole = c.type == "parole";
    std::string proposal = std::string(parole ? "提请假释建议书" : "提请减刑建议书") + "\n\n" +
                           "罪犯" + person.name + "，" + (person.gender == 'M' ? "男" : "女") +
                           "，" + person.birth.ToString() + "出生，身份证号" + person.id_number +
                           "。\n因犯" + Join(s.crimes) + "，经" + s.case_no + "判决，" + "判决于" +
                           s.effective.ToString() + "生效。\n";
    if (!parole) {
      proposal += "该犯在服刑期间" + c.reason + "，建议减去有期徒刑" +
                  MonthsChinese(c.reduction_months) + "。\n";
    } else {
      proposal += "该犯" + c.reason + "，建议予以假释。\n";
    }
    proposal += "\n" + c.proposing_org + "\n" + c.proposal->ToString() + "\n";
    docs.push_back({"proposal", parole ? "提请假释建议书" : "提请减刑建议书",
                    folder + "/01_proposal.txt", proposal, 2});
    docs.push_back({"assessment", "罪犯评审鉴定表", folder + "/02_assessment.pdf",
                    MiniPdf("Assessment form " + c.id + " " + person.id), 1});
    const int prisoner = w.PrisonerOf(c.person);
    std::string points = "月份,基础分,加分,扣分,月度得分\n";
    if (prisoner >= 0) {
      const auto series = PointsSeries(w, prisoner);
      const size_t from = series.size() > 12 ? series.size() - 12 : 0;
      for (size_t i = from; i < series.size(); ++i) {
        const PointsMonth& pm = series[i];
        points += FormatMonth(pm.month) + ",100," + std::to_string(pm.bonus) + "," +
                  std::to_string(pm.deduction) + "," + std::to_string(pm.total()) + "\n";
      }
    }
    docs.push_back({"points_detail", "计分考核明细", folder + "/03_points.txt", points, 1});
    if (c.basis == "merit" || c.basis == "major_merit" || c.basis == "repentance_merit" ||
        c.basis == "repentance_major_merit") {
      docs.push_back({"merit_evidence", "立功表现材料", folder + "/04_merit.txt",
                      "立功表现材料\n\n罪犯" + person.name + "在服刑期间" + c.reason +
                          "，经监区、监狱审查属实。\n",
                      1});
    }
    if (prisoner >= 0 && w.prisoners[prisoner].property_case >= 0) {
      const PropertyCaseRow& pc = w.property_cases[w.prisoners[prisoner].property_case];
      docs.push_back({"property_performance", "财产性判项履行情况", folder + "/05_property.txt",
                      "财产性判项履行情况\n\n执行案件" + pc.id + "，应执行金额" +
                          Money{pc.amount_due}.ToYuanString() + "元，执行状态：" +
                          std::string(pc.status) + "。\n",
                      1});
    }
    for (const Doc& d : docs) {
      std::ofstream out(dir + "/" + d.file, std::ios::binary);
      out << d.content;
      if (!out) return IoError("写入附件出错：" + d.file);
      t->Set("attachment_id", World::MakeId("AT", ++n));
      t->Set("owner_table", "term_changes");
      t->Set("owner_id", c.id);
      t->Set("doc_type", d.doc_type);
      t->Set("title", d.title);
      t->Set("file", d.file);
      t->Set("sha256", Sha256::Of(d.content));
      t->SetInt("pages", d.pages);
      t->EndRow();
    }
  }
  return Status::Ok();
}

}  // namespace

std::string SourceOrgId(const World& w) { return w.dir.prison_admin; }

Status WriteBatch(const World& w, const std::string& batch_dir, const std::string& batch_id,
                  std::map<std::string, int64_t>* rows) {
  Batch b(w, batch_dir);
  const auto& geo = w.geo;
  CsvTable* t;

  ZJ_ASSIGN_OR_RETURN(t, b.Open("orgs"));
  for (const OrgRow& o : w.orgs) {
    t->Set("org_id", o.id);
    t->Set("name", o.name);
    t->Set("org_type", o.type);
    t->Set("parent_id", o.parent);
    t->Set("region_code", o.region);
    t->Set("stationed_at", o.stationed_at);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("staff"));
  for (const StaffRow& s : w.staff) {
    t->Set("staff_id", s.id);
    t->Set("name", s.name);
    t->Set("org_id", s.org);
    t->Set("role", s.role);
    t->Set("position_since", s.since);
    t->Set("expert_fields", s.fields);
    t->Set("home_region_code", s.home_region);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("persons"));
  for (const PersonRow& p : w.persons) {
    t->Set("person_id", p.id);
    t->Set("name", p.name);
    t->Set("id_number", p.id_number);
    t->Set("gender", std::string(1, p.gender));
    t->Set("birth_date", p.birth);
    t->Set("household_region_code", geo.counties()[p.county].code);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("sentences"));
  for (const SentenceRow& s : w.sentences) {
    t->Set("sentence_id", s.id);
    t->Set("person_id", w.persons[s.person].id);
    t->Set("court_org_id", s.court);
    t->Set("case_no", s.case_no);
    t->Set("judgment_date", s.judgment);
    t->Set("effective_date", s.effective);
    t->Set("crimes", Join(s.crimes));
    t->Set("categories", Join(s.categories));
    t->Set("penalty", s.penalty);
    if (s.term_months) t->SetInt("term_months", s.term_months);
    if (s.probation_months) t->SetInt("probation_months", s.probation_months);
    if (s.term_start) t->SetInt("custody_credit_days", s.credit_days);
    t->Set("term_start", s.term_start);
    t->Set("term_end", s.term_end);
    if (s.fine) t->SetFen("fine", s.fine);
    if (s.confiscation < 0) t->Set("confiscation", "all");
    if (s.confiscation > 0) t->SetFen("confiscation", s.confiscation);
    if (s.restitution) t->SetFen("restitution", s.restitution);
    t->Set("political_rights_years", s.political);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("term_changes"));
  for (const ChangeRow& c : w.changes) {
    t->Set("change_id", c.id);
    t->Set("person_id", w.persons[c.person].id);
    t->Set("sentence_id", w.sentences[c.sentence].id);
    t->Set("change_type", c.type);
    t->Set("basis", c.basis);
    t->Set("proposing_org_id", c.proposing_org);
    t->Set("proposal_date", c.proposal);
    t->Set("deciding_org_id", c.deciding_org);
    t->Set("decision_date", c.decision);
    t->Set("effective_date", c.effective);
    if (c.reduction_months) t->SetInt("reduction_months", c.reduction_months);
    t->Set("new_term_end", c.new_term_end);
    t->Set("new_penalty", c.new_penalty);
    if (c.new_term_months) t->SetInt("new_term_months", c.new_term_months);
    t->Set("probation_end", c.probation_end);
    t->Set("reason_text", c.reason);
    t->Set("procuratorate_opinion", c.opinion);
    t->Set("opinion_date", c.opinion_date);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("custody_events"));
  for (const CustodyEventRow& e : w.custody_events) {
    t->Set("event_id", e.id);
    t->Set("person_id", w.persons[e.person].id);
    t->Set("facility_org_id", e.facility);
    t->Set("event", e.event);
    t->Set("date", e.date);
    t->Set("note", e.note);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("points"));
  for (size_t i = 0; i < w.prisoners.size(); ++i) {
    const std::string& person = w.persons[w.prisoners[i].person].id;
    for (const PointsMonth& pm : PointsSeries(w, static_cast<int>(i))) {
      t->Set("person_id", person);
      t->Set("month", FormatMonth(pm.month));
      t->Set("facility_org_id", w.dir.prisons[pm.prison].id);
      t->SetInt("base", 100);
      t->SetInt("bonus", pm.bonus);
      t->SetInt("deduction", pm.deduction);
      t->SetInt("total", pm.total());
      t->EndRow();
    }
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("rewards"));
  for (size_t i = 0; i < w.rewards.size(); ++i) {
    const RewardRow& r = w.rewards[i];
    t->Set("reward_id", World::MakeId("R", i + 1));
    t->Set("person_id", w.persons[r.person].id);
    t->Set("facility_org_id", r.facility);
    t->Set("date", r.date);
    t->Set("kind", r.kind);
    if (r.days) t->SetInt("days", r.days);
    t->Set("reason", r.reason);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("jobs"));
  for (const JobRow& j : w.jobs) {
    t->Set("job_id", j.id);
    t->Set("person_id", w.persons[j.person].id);
    t->Set("facility_org_id", j.facility);
    t->Set("unit", j.unit);
    t->Set("post", j.post);
    t->Set("post_class", j.post_class);
    t->Set("start_date", j.start);
    t->Set("end_date", j.end);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("labor_days"));
  for (size_t i = 0; i < w.prisoners.size(); ++i) {
    const std::string& person = w.persons[w.prisoners[i].person].id;
    for (const LabourDay& d : LabourSeries(w, static_cast<int>(i))) {
      t->Set("person_id", person);
      t->Set("date", d.date);
      t->Set("facility_org_id", w.dir.prisons[d.prison].id);
      t->Set("unit", UnitName(d.unit));
      t->Set("hours", Hours(d.hours));
      t->Set("kind", d.kind);
      t->EndRow();
    }
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("accounts"));
  for (size_t i = 0; i < w.prisoners.size(); ++i) {
    const std::string& person = w.persons[w.prisoners[i].person].id;
    for (const AccountMonth& am : AccountSeries(w, static_cast<int>(i))) {
      t->Set("person_id", person);
      t->Set("month", FormatMonth(am.month));
      t->Set("facility_org_id", w.dir.prisons[am.prison].id);
      t->SetFen("deposits", am.deposits);
      t->SetFen("spending", am.spending);
      t->SetFen("balance", am.balance);
      t->EndRow();
    }
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("property_cases"));
  for (const PropertyCaseRow& c : w.property_cases) {
    t->Set("exec_id", c.id);
    t->Set("sentence_id", w.sentences[c.sentence].id);
    t->Set("person_id", w.persons[c.person].id);
    t->Set("court_org_id", c.court);
    t->Set("filed_date", c.filed);
    t->SetFen("amount_due", c.amount_due);
    t->Set("status", c.status);
    t->Set("status_date", c.status_date);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("property_payments"));
  for (size_t i = 0; i < w.payments.size(); ++i) {
    const PaymentRow& p = w.payments[i];
    t->Set("payment_id", World::MakeId("PAY", i + 1));
    t->Set("exec_id", w.property_cases[p.exec].id);
    t->Set("date", p.date);
    t->SetFen("amount", p.amount);
    t->Set("source", p.source);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("corrections"));
  for (const CorrectionRow& c : w.corrections) {
    t->Set("correction_id", c.id);
    t->Set("person_id", w.persons[c.person].id);
    if (c.sentence >= 0) t->Set("sentence_id", w.sentences[c.sentence].id);
    t->Set("correction_type", c.type);
    t->Set("decision_org_id", c.decision_org);
    t->Set("decision_effective_date", c.decision_effective);
    t->Set("office_org_id", c.office);
    t->Set("residence_region_code", geo.counties()[c.county].code);
    t->Set("start_date", c.start);
    t->Set("end_date", c.end);
    t->Set("reported_date", c.reported);
    t->Set("status", c.status);
    t->Set("status_date", c.status_date);
    t->Set("monitored", c.monitored ? "1" : "0");
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("correction_events"));
  for (const CorrectionEventRow& e : w.correction_events) {
    t->Set("event_id", e.id);
    t->Set("correction_id", w.corrections[e.correction].id);
    t->Set("event", e.event);
    t->Set("date", e.date);
    t->Set("note", e.note);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("leaves"));
  for (const LeaveRow& l : w.leaves) {
    t->Set("leave_id", l.id);
    t->Set("correction_id", w.corrections[l.correction].id);
    t->SetTimestamp("start_ts", l.start_ts);
    t->SetTimestamp("end_ts", l.end_ts);
    t->Set("destination_region_code", geo.counties()[l.destination].code);
    t->Set("approved_by_org_id", l.approved_by);
    t->Set("status", l.status);
    if (l.returned_ts) t->SetTimestamp("returned_ts", *l.returned_ts);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("positions"));
  WritePositions(w, t);

  ZJ_ASSIGN_OR_RETURN(t, b.Open("medical_reviews"));
  for (size_t i = 0; i < w.medical_reviews.size(); ++i) {
    const MedicalReviewRow& r = w.medical_reviews[i];
    t->Set("review_id", World::MakeId("MR", i + 1));
    t->Set("person_id", w.persons[r.person].id);
    t->Set("correction_id", w.corrections[r.correction].id);
    t->Set("date", r.date);
    t->Set("hospital", r.hospital);
    t->Set("conclusion", r.conclusion);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("detentions"));
  for (const DetentionRow& d : w.detentions) {
    t->Set("detention_id", d.id);
    t->Set("person_id", w.persons[d.person].id);
    t->Set("facility_org_id", d.facility);
    t->Set("case_no", d.case_no);
    t->Set("handling_org_id", d.handling_org);
    t->Set("stage", d.stage);
    t->Set("stage_start", d.stage_start);
    t->Set("stage_deadline", d.stage_deadline);
    t->Set("extension_doc", d.extension_doc);
    t->Set("released_date", d.released);
    t->Set("release_reason", d.release_reason);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("deaths"));
  for (const DeathRow& d : w.deaths) {
    t->Set("id_number", d.id_number);
    t->Set("date_of_death", d.date);
    t->Set("source_org_id", d.source_org);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("residence_surveillance"));
  for (const RsdlRow& r : w.rsdl) {
    t->Set("rs_id", r.id);
    t->Set("person_id", w.persons[r.person].id);
    t->Set("deciding_org_id", r.deciding_org);
    t->Set("decision_date", r.decision);
    t->Set("start_date", r.start);
    t->Set("end_date", r.end);
    t->Set("copy_received_date", r.copy_received);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("compulsory_medical"));
  for (const CmRow& c : w.cm) {
    t->Set("cm_id", c.id);
    t->Set("person_id", w.persons[c.person].id);
    t->Set("deciding_court_org_id", c.court);
    t->Set("decision_date", c.decision);
    t->Set("delivered_date", c.delivered);
    t->Set("hospital_org_id", c.hospital);
    t->Set("released_date", c.released);
    t->EndRow();
  }

  ZJ_ASSIGN_OR_RETURN(t, b.Open("attachments"));
  ZJ_RETURN_IF_ERROR(WriteAttachments(w, batch_dir, t));

  nlohmann::ordered_json tables = nlohmann::ordered_json::object();
  ZJ_RETURN_IF_ERROR(b.CloseAll(rows, &tables));
  const std::string as_of = FormatTimestamp(w.as_of_ts);
  nlohmann::ordered_json manifest;
  manifest["spec"] = "zhijian-exchange/1";
  manifest["source_org_id"] = SourceOrgId(w);
  manifest["batch_id"] = batch_id;
  manifest["exported_at"] = as_of;
  manifest["tables"] = tables;
  std::ofstream out(batch_dir + "/manifest.json", std::ios::binary);
  out << manifest.dump(2) << "\n";
  if (!out) return IoError("写入 manifest.json 出错：" + batch_dir);
  return Status::Ok();
}

}  // namespace zj::synth
