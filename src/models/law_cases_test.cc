// law::Case from the store: a small hand-built batch, imported, read back one person at a
// time and streamed, with every field mapped and events split between sentences.

#include "models/law_cases.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "domain/codes.h"
#include "ingest/importer.h"
#include "law/judge.h"
#include "models/law_codes.h"
#include "storage/exchange_reader.h"
#include "storage/migrations.h"
#include "tests/support/batch_builder.h"

namespace zj::models {
namespace {
namespace fs = std::filesystem;

Date D(const char* s) { return *Date::Parse(s); }

// Two sentences for P-0001 (events, changes, property and accounts split between them),
// a life sentence with paid property and medical reviews for P-0002, and P-0003 without
// a sentence.
const std::map<std::string, std::string> kTables = {
    {"orgs",
     "org_id,name,org_type,parent_id,region_code,stationed_at\n"
     "510000-PROC,四川省人民检察院,prov_proc,,510000,\n"
     "510000-PRISON-01,四川省第一监狱,prison,,510100,\n"
     "510104-KSS,成都市锦江区看守所,detention_center,,510104,\n"
     "510104-HOSP,成都市强制医疗所,hospital,,510104,\n"
     "510100-COURT,成都市中级人民法院,court,,510100,\n"},
    {"persons",
     "person_id,name,id_number,gender,birth_date,household_region_code\n"
     "P-0001,张某某,,M,1980-01-01,510104\n"
     "P-0002,李某,,F,,510104\n"
     "P-0003,王某,,,,\n"},
    {"sentences",
     "sentence_id,person_id,court_org_id,case_no,judgment_date,effective_date,crimes,categories,"
     "penalty,term_months,probation_months,custody_credit_days,term_start,term_end,fine,"
     "confiscation,restitution,political_rights_years\n"
     // Listed out of effective-date order on purpose.
     "S-0002,P-0001,510100-COURT,,2019-12-01,2019-12-20,抢劫,,fixed_term,60,,0,2019-09-01,"
     "2024-08-31,20000,,,\n"
     "S-0001,P-0001,510100-COURT,,2014-12-01,2014-12-15,盗窃;诈骗,recidivist;financial,"
     "fixed_term,36,,5,2014-10-01,2017-09-25,5000.00,all,1000.50,\n"
     "S-0003,P-0002,510100-COURT,,,2018-01-01,故意杀人,violent_10y,life,,,,,,,,,\n"},
    {"term_changes",
     "change_id,person_id,sentence_id,change_type,basis,proposing_org_id,proposal_date,"
     "deciding_org_id,decision_date,effective_date,reduction_days,reduction_months,new_term_end,"
     "new_penalty,new_term_months,probation_end,reason_text,procuratorate_opinion,opinion_date\n"
     "C-0001,P-0001,S-0001,commutation,repentance,510000-PRISON-01,2016-06-01,510100-COURT,"
     "2016-06-20,2016-06-25,,3,2017-06-25,,,,确有悔改表现,agree,2016-06-08\n"
     "C-0002,P-0001,S-0002,parole,,510000-PRISON-01,2022-03-01,510100-COURT,2022-03-20,"
     "2022-03-25,,,,,,2024-08-31,假释,disagree,2022-03-09\n"
     "C-0003,P-0002,S-0003,life_to_fixed,major_merit,510000-PRISON-01,2021-03-01,,,,,,,"
     "fixed_term,240,,,none,\n"},
    {"custody_events",
     "event_id,person_id,facility_org_id,event,date,note\n"
     "E-0001,P-0001,510104-KSS,admitted,2014-11-01,判决前\n"
     "E-0002,P-0001,510000-PRISON-01,admitted,2015-01-10,\n"
     "E-0003,P-0001,510000-PRISON-01,released_expiry,2017-06-15,\n"
     "E-0004,P-0001,510104-KSS,admitted,2020-01-05,\n"
     "E-0005,P-0001,510000-PRISON-01,transferred_in,2020-02-01,\n"
     "E-0006,P-0001,510000-PRISON-01,released_parole,2022-03-25,\n"
     "E-0007,P-0002,510104-HOSP,admitted,2018-02-01,\n"},
    {"property_cases",
     "exec_id,sentence_id,person_id,court_org_id,filed_date,amount_due,status,status_date\n"
     "EX-0001,S-0002,P-0001,510100-COURT,2020-01-01,20000,done,2021-01-01\n"
     "EX-0002,S-0002,P-0001,510100-COURT,2020-01-01,5000.00,open,2020-01-01\n"
     "EX-0003,S-0003,P-0002,510100-COURT,2018-01-10,1000,done,2018-02-01\n"},
    {"property_payments",
     "payment_id,exec_id,date,amount,source\n"
     "PY-0001,EX-0001,2021-01-01,20000,self\n"
     "PY-0002,EX-0002,2023-01-01,100.00,family\n"
     "PY-0003,EX-0003,2018-02-01,1000,self\n"},
    {"accounts",
     "person_id,month,facility_org_id,deposits,spending,balance\n"
     "P-0001,2021-02,510000-PRISON-01,100,2500.50,300\n"
     "P-0001,2021-01,510000-PRISON-01,50,1000,200\n"
     "P-0002,2019-01,510000-PRISON-01,10,20,30\n"},
    {"medical_reviews",
     "review_id,person_id,correction_id,date,hospital,conclusion\n"
     "MR-0001,P-0002,,2022-01-01,某医院,no_longer_eligible\n"
     "MR-0002,P-0002,,2022-04-01,某医院,\n"},
};

class LawCasesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = testing::TempDir("law-cases");
    for (const auto& [table, text] : kTables) {
      testing::WriteFile(work_ + "/src/" + table + ".csv", text);
    }
    auto db = storage::Database::Open("sqlite://" + work_ + "/store.db");
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_).ok());
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(work_);
  }
  void Import(const std::string& exported_at = "2025-06-30T23:00:00+08:00") {
    testing::BuildOptions o;
    o.exported_at = exported_at;
    ASSERT_TRUE(testing::BuildBatch(work_ + "/src", work_ + "/batch", o).ok());
    auto r = ingest::ImportBatch(*db_, work_ + "/batch");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->outcome, ingest::ImportOutcome::kApplied) << r->ToChinese();
  }
  std::vector<law::Case> Load(const char* person) {
    auto cases = LoadPersonCases(*db_, person, D("2025-06-30"));
    EXPECT_TRUE(cases.ok()) << cases.status().ToString();
    return cases.ok() ? *cases : std::vector<law::Case>{};
  }
  std::string work_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(LawCasesTest, SentencesInEffectiveOrderWithEveryFieldMapped) {
  Import();
  std::vector<law::Case> cases = Load("P-0001");
  ASSERT_EQ(cases.size(), 2u);
  const law::Case& a = cases[0];
  EXPECT_EQ(a.as_of, D("2025-06-30"));
  EXPECT_EQ(a.person.id, "P-0001");
  EXPECT_EQ(a.person.gender, law::Gender::kMale);
  EXPECT_EQ(a.person.birth_date, D("1980-01-01"));
  const law::Sentence& s = a.sentence;
  EXPECT_EQ(s.id, "S-0001");
  EXPECT_EQ(s.penalty, law::Penalty::kFixedTerm);
  EXPECT_EQ(s.term_months, 36);
  EXPECT_FALSE(s.probation_months);
  EXPECT_EQ(s.judgment_date, D("2014-12-01"));
  EXPECT_EQ(s.effective_date, D("2014-12-15"));
  EXPECT_EQ(s.term_start, D("2014-10-01"));
  EXPECT_EQ(s.term_end, D("2017-09-25"));
  EXPECT_EQ(s.custody_credit_days, 5);
  EXPECT_TRUE(s.categories.Has(law::Category::kRecidivist));
  EXPECT_TRUE(s.categories.Has(law::Category::kFinancial));
  EXPECT_FALSE(s.categories.Has(law::Category::kGang));
  EXPECT_EQ(s.crimes, (std::vector<std::string>{"盗窃", "诈骗"}));
  EXPECT_EQ(s.property_due_fen, 500000 + 100050);  // 没收全部财产 has no amount
  EXPECT_FALSE(a.property);                        // no property case
  EXPECT_TRUE(a.accounts.empty());

  ASSERT_EQ(a.changes.size(), 1u);
  const law::Change& c = a.changes[0];
  EXPECT_EQ(c.id, "C-0001");
  EXPECT_EQ(c.type, law::ChangeType::kCommutation);
  EXPECT_EQ(c.basis, law::Basis::kRepentance);
  EXPECT_EQ(c.proposal_date, D("2016-06-01"));
  EXPECT_EQ(c.decision_date, D("2016-06-20"));
  EXPECT_EQ(c.effective_date, D("2016-06-25"));
  EXPECT_EQ(c.reduction_months, 3);
  EXPECT_FALSE(c.reduction_days);
  EXPECT_EQ(c.new_term_end, D("2017-06-25"));
  EXPECT_EQ(c.opinion, law::Opinion::kAgree);
  EXPECT_EQ(c.opinion_date, D("2016-06-08"));
  EXPECT_EQ(c.reason_text, "确有悔改表现");

  // The event before every sentence goes to the first; later ones to the sentence in force.
  ASSERT_EQ(a.custody.size(), 3u);
  EXPECT_EQ(a.custody[0].date, D("2014-11-01"));
  EXPECT_EQ(a.custody[0].facility, law::FacilityKind::kDetentionCenter);
  EXPECT_EQ(a.custody[1].kind, law::CustodyEventKind::kAdmitted);
  EXPECT_EQ(a.custody[1].facility, law::FacilityKind::kPrison);
  EXPECT_EQ(a.custody[2].kind, law::CustodyEventKind::kReleasedExpiry);

  const law::Case& b = cases[1];
  EXPECT_EQ(b.sentence.id, "S-0002");
  EXPECT_EQ(b.sentence.judgment_date, D("2019-12-01"));
  ASSERT_EQ(b.custody.size(), 3u);
  EXPECT_EQ(b.custody[0].date, D("2020-01-05"));
  EXPECT_EQ(b.custody[1].kind, law::CustodyEventKind::kTransferredIn);
  EXPECT_EQ(b.custody[2].kind, law::CustodyEventKind::kReleasedParole);
  ASSERT_EQ(b.changes.size(), 1u);
  EXPECT_EQ(b.changes[0].type, law::ChangeType::kParole);
  EXPECT_EQ(b.changes[0].basis, law::Basis::kNone);
  EXPECT_EQ(b.changes[0].probation_end, D("2024-08-31"));
  EXPECT_EQ(b.changes[0].opinion, law::Opinion::kDisagree);

  // Two property cases, one still open: due is the sum, not done, both payments.
  ASSERT_TRUE(b.property);
  EXPECT_EQ(b.property->due_fen, 2500000);
  EXPECT_FALSE(b.property->done);
  EXPECT_FALSE(b.property->able_to_pay);
  ASSERT_EQ(b.property->payments.size(), 2u);
  EXPECT_EQ(b.property->payments[0].date, D("2021-01-01"));
  EXPECT_EQ(b.property->payments[0].fen, 2000000);
  EXPECT_EQ(b.property->payments[1].fen, 10000);
  // Unpaid when the parole was proposed: the accounts come along, in month order.
  ASSERT_EQ(b.accounts.size(), 2u);
  EXPECT_EQ(b.accounts[0].month, *ParseMonth("2021-01"));
  EXPECT_EQ(b.accounts[1].month, *ParseMonth("2021-02"));
  EXPECT_EQ(b.accounts[1].deposits_fen, 10000);
  EXPECT_EQ(b.accounts[1].spending_fen, 250050);
  EXPECT_EQ(b.accounts[1].balance_fen, 30000);
  EXPECT_TRUE(b.reviews.empty());
}

TEST_F(LawCasesTest, LifeSentencePaidPropertyAndReviews) {
  Import();
  std::vector<law::Case> cases = Load("P-0002");
  ASSERT_EQ(cases.size(), 1u);
  const law::Case& c = cases[0];
  EXPECT_EQ(c.person.gender, law::Gender::kFemale);
  EXPECT_FALSE(c.person.birth_date);
  EXPECT_EQ(c.sentence.penalty, law::Penalty::kLife);
  EXPECT_EQ(c.sentence.term_months, 0);
  EXPECT_EQ(c.sentence.judgment_date, D("2018-01-01"));  // defaults to the effective date
  EXPECT_TRUE(c.sentence.categories.Has(law::Category::kViolent10y));
  ASSERT_EQ(c.changes.size(), 1u);
  EXPECT_EQ(c.changes[0].type, law::ChangeType::kLifeToFixed);
  EXPECT_EQ(c.changes[0].basis, law::Basis::kMajorMerit);
  EXPECT_EQ(c.changes[0].new_penalty, law::Penalty::kFixedTerm);
  EXPECT_EQ(c.changes[0].new_term_months, 240);
  EXPECT_FALSE(c.changes[0].decided());
  EXPECT_EQ(c.changes[0].opinion, law::Opinion::kNone);
  ASSERT_EQ(c.custody.size(), 1u);
  EXPECT_EQ(c.custody[0].facility, law::FacilityKind::kOther);
  ASSERT_TRUE(c.property);
  EXPECT_TRUE(c.property->done);
  EXPECT_EQ(c.property->due_fen, 100000);
  EXPECT_TRUE(c.accounts.empty());  // paid in full before the first act
  ASSERT_EQ(c.reviews.size(), 2u);
  EXPECT_EQ(c.reviews[0].conclusion, law::MedicalConclusion::kNoLongerEligible);
  EXPECT_EQ(c.reviews[1].conclusion, law::MedicalConclusion::kUnknown);
}

TEST_F(LawCasesTest, UnknownPersonAndPersonWithoutSentence) {
  Import();
  auto none = LoadPersonCases(*db_, "P-9999", D("2025-06-30"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_NE(none.status().message().find("P-9999"), std::string::npos);
  EXPECT_TRUE(Load("P-0003").empty());
}

TEST_F(LawCasesTest, ForEachCaseStreamsWhatLoadPersonCasesGives) {
  Import();
  std::vector<law::Case> streamed;
  ForEachStats stats;
  ASSERT_TRUE(
      ForEachCase(
          *db_, D("2025-06-30"), [&](law::Case& c) { streamed.push_back(std::move(c)); }, &stats)
          .ok());
  EXPECT_EQ(stats.persons, 3);
  EXPECT_EQ(stats.cases, 3);
  std::vector<law::Case> loaded = Load("P-0001");
  for (law::Case& c : Load("P-0002")) loaded.push_back(std::move(c));
  ASSERT_EQ(streamed.size(), loaded.size());
  for (size_t i = 0; i < loaded.size(); ++i) {
    const law::Case &x = streamed[i], &y = loaded[i];
    EXPECT_EQ(x.sentence.id, y.sentence.id);
    EXPECT_EQ(x.person.id, y.person.id);
    EXPECT_EQ(x.changes.size(), y.changes.size());
    EXPECT_EQ(x.custody.size(), y.custody.size());
    EXPECT_EQ(x.property.has_value(), y.property.has_value());
    EXPECT_EQ(x.accounts.size(), y.accounts.size());
    EXPECT_EQ(x.reviews.size(), y.reviews.size());
    // Same facts, same judgment.
    EXPECT_EQ(law::Judge(x).verdict, law::Judge(y).verdict) << x.sentence.id;
  }
  // The store is free again: a write transaction can start.
  EXPECT_TRUE(db_->BeginWrite().ok());
  EXPECT_TRUE(db_->Rollback().ok());
}

TEST_F(LawCasesTest, LoadedCaseIsJudged) {
  Import();
  std::vector<law::Case> cases = Load("P-0001");
  ASSERT_EQ(cases.size(), 2u);
  // S-0001: 2014-10-01 + 36 months − 5 days of credit = 2017-09-25, as stated.
  law::Judgment j = law::Judge(cases[0]);
  ASSERT_TRUE(j.computed_term_end);
  EXPECT_EQ(*j.computed_term_end, D("2017-09-25"));
  for (const law::Finding& f : j.sentence_findings) EXPECT_NE(f.rule, "JX-CONV-01");
}

TEST_F(LawCasesTest, DefaultAsOfIsTheBeijingDayOfTheNewestExport) {
  auto empty = DefaultAsOf(*db_);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kFailedPrecondition);
  Import("2025-06-30T17:00:00Z");  // 2025-07-01 01:00 in Beijing
  auto as_of = DefaultAsOf(*db_);
  ASSERT_TRUE(as_of.ok()) << as_of.status().ToString();
  EXPECT_EQ(*as_of, D("2025-07-01"));
}

TEST(LawCodesTest, EveryExchangeCodeHasALawValue) {
  for (const domain::Code& c : domain::kPenalty.codes)
    EXPECT_TRUE(PenaltyFromCode(c.code)) << c.code;
  for (const domain::Code& c : domain::kCategory.codes) {
    EXPECT_TRUE(CategoryFromCode(c.code)) << c.code;
  }
  for (const domain::Code& c : domain::kChangeType.codes) {
    EXPECT_TRUE(ChangeTypeFromCode(c.code)) << c.code;
  }
  for (const domain::Code& c : domain::kCommutationBasis.codes) {
    EXPECT_TRUE(BasisFromCode(c.code)) << c.code;
  }
  for (const domain::Code& c : domain::kProcuratorateOpinion.codes) {
    EXPECT_TRUE(OpinionFromCode(c.code)) << c.code;
  }
  for (const domain::Code& c : domain::kCustodyEvent.codes) {
    EXPECT_TRUE(CustodyEventFromCode(c.code)) << c.code;
  }
  for (const domain::Code& c : domain::kMedicalConclusion.codes) {
    EXPECT_TRUE(ConclusionFromCode(c.code)) << c.code;
  }
  for (const domain::Code& c : domain::kGender.codes) EXPECT_TRUE(GenderFromCode(c.code)) << c.code;
  EXPECT_EQ(PenaltyFromCode("death_reprieve_restricted"), law::Penalty::kDeathReprieveRestricted);
  EXPECT_EQ(CustodyEventFromCode("recaptured"), law::CustodyEventKind::kRecaptured);
  EXPECT_FALSE(PenaltyFromCode("Life"));
  EXPECT_EQ(FacilityFromOrgType("detention_center"), law::FacilityKind::kDetentionCenter);
  EXPECT_EQ(FacilityFromOrgType("hospital"), law::FacilityKind::kOther);
}

TEST(TableScanTest, UnknownNamesAreRejectedBeforeAnySql) {
  auto db = storage::Database::Open("sqlite://:memory:");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(storage::Migrate(**db).ok());
  using storage::ScanSpec;
  using storage::TableScan;
  EXPECT_FALSE(TableScan::Open(**db, ScanSpec{"nope", {"a"}, {}, ""}).ok());
  EXPECT_FALSE(TableScan::Open(**db, ScanSpec{"persons", {"name; DROP"}, {}, ""}).ok());
  EXPECT_FALSE(TableScan::Open(**db, ScanSpec{"persons", {"name.x"}, {}, ""}).ok());
  EXPECT_FALSE(
      TableScan::Open(**db, ScanSpec{"custody_events", {"facility_org_id.nope"}, {}, ""}).ok());
  auto ok = TableScan::Open(**db, ScanSpec{"custody_events",
                                           {"person_id", "facility_org_id.org_type"},
                                           {"person_id", "row_no"},
                                           "person_id"});
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  (*ok)->Restart("P-1");
  auto row = (*ok)->Next();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
}

}  // namespace
}  // namespace zj::models
