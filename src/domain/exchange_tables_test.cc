#include "domain/exchange_tables.h"

#include <gtest/gtest.h>

#include <set>

#include "common/date.h"

namespace zj::domain {
namespace {

const ColumnSpec& Col(std::string_view table, std::string_view column) {
  return *FindTable(table)->Find(column);
}

TEST(ExchangeTables, EveryExchangeTableIsDeclaredInApplyOrder) {
  const std::vector<std::string> expected = {"orgs",
                                             "staff",
                                             "persons",
                                             "sentences",
                                             "term_changes",
                                             "custody_events",
                                             "points",
                                             "rewards",
                                             "jobs",
                                             "labor_days",
                                             "accounts",
                                             "property_cases",
                                             "property_payments",
                                             "corrections",
                                             "correction_events",
                                             "leaves",
                                             "positions",
                                             "medical_reviews",
                                             "detentions",
                                             "deaths",
                                             "residence_surveillance",
                                             "compulsory_medical",
                                             "attachments"};
  std::vector<std::string> names;
  for (const TableSpec* t : AllTables()) names.emplace_back(t->name);
  EXPECT_EQ(names, expected);
}

TEST(ExchangeTables, ReferencesPointBackwardsAndCodesAreAttached) {
  std::set<std::string_view> seen;
  for (const TableSpec* t : AllTables()) {
    EXPECT_FALSE(t->KeyIndexes().empty()) << t->name;
    for (const ColumnSpec& c : t->columns) {
      EXPECT_FALSE(c.label.empty()) << t->name << "." << c.name;
      if (c.type == ColumnType::kCode || c.type == ColumnType::kCodeList) {
        EXPECT_NE(c.codes, nullptr) << t->name << "." << c.name;
      }
      if (!c.ref.empty() && c.ref[0] != '@') {
        const TableSpec* target = FindTable(c.ref);
        ASSERT_NE(target, nullptr) << c.ref;
        EXPECT_TRUE(seen.count(target->name) || target == t)
            << t->name << "." << c.name << " references a later table";
        EXPECT_EQ(target->KeyIndexes().size(), 1u) << "references need a single-column key";
      }
    }
    for (const auto& o : t->ordered) {
      EXPECT_GE(t->IndexOf(o.first), 0) << o.first;
      EXPECT_GE(t->IndexOf(o.second), 0) << o.second;
    }
    seen.insert(t->name);
  }
}

TEST(ParseField, DatesAreStrictCalendarDays) {
  const ColumnSpec& c = Col("sentences", "judgment_date");
  auto ok = ParseField(c, "2024-02-29");
  EXPECT_TRUE(ok.error.empty());
  EXPECT_EQ(ok.value.i, Date::Parse("2024-02-29")->days());
  EXPECT_NE(ParseField(c, "2023-02-29").error.find("不存在的日期"), std::string::npos);
  EXPECT_NE(ParseField(c, "2023/02/28").error.find("格式错误"), std::string::npos);
}

TEST(ParseField, CodesAndCodeLists) {
  EXPECT_TRUE(ParseField(Col("sentences", "penalty"), "fixed_term").error.empty());
  EXPECT_FALSE(ParseField(Col("sentences", "penalty"), "Fixed_term").error.empty());
  const ColumnSpec& cats = Col("sentences", "categories");
  EXPECT_TRUE(ParseField(cats, "recidivist;violent_10y").error.empty());
  EXPECT_FALSE(ParseField(cats, "recidivist;;violent_10y").error.empty());
  EXPECT_NE(ParseField(cats, "recidivist;recidivist").error.find("重复"), std::string::npos);
  EXPECT_FALSE(ParseField(cats, "recidivist;bogus").error.empty());
}

TEST(ParseField, MoneyIsFenAndNeverNegative) {
  const ColumnSpec& fine = Col("sentences", "fine");
  EXPECT_EQ(ParseField(fine, "12345.60").value.i, 1234560);
  EXPECT_EQ(ParseField(fine, "7").value.i, 700);
  EXPECT_FALSE(ParseField(fine, "-1").error.empty());
  EXPECT_FALSE(ParseField(fine, "1.234").error.empty());
  EXPECT_EQ(ParseField(Col("sentences", "confiscation"), "all").value.i, kAllProperty);
  EXPECT_FALSE(ParseField(fine, "all").error.empty());
}

TEST(ParseField, CoordinatesAreExactMicrodegreesInsideChina) {
  const ColumnSpec& lon = Col("positions", "lon");
  const ColumnSpec& lat = Col("positions", "lat");
  EXPECT_EQ(ParseField(lon, "104.065735").value.i, 104065735);
  EXPECT_EQ(ParseField(lon, "104.1").value.i, 104100000);
  EXPECT_EQ(ParseField(lon, "104.0000005").value.i, 104000001);  // rounded half up
  EXPECT_EQ(ParseField(lon, "73").value.i, 73000000);
  EXPECT_EQ(ParseField(lat, "54.000000").value.i, 54000000);
  EXPECT_FALSE(ParseField(lon, "72.999999").error.empty());
  EXPECT_FALSE(ParseField(lon, "136.000001").error.empty());
  EXPECT_FALSE(ParseField(lat, "2.9").error.empty());
  EXPECT_FALSE(ParseField(lat, "30,5").error.empty());
  EXPECT_FALSE(ParseField(lat, "3e1").error.empty());
  EXPECT_FALSE(ParseField(lat, "30.").error.empty());
}

TEST(ParseField, CountsRespectDeclaredBounds) {
  const ColumnSpec& term = Col("sentences", "term_months");
  EXPECT_EQ(ParseField(term, "300").value.i, 300);
  EXPECT_FALSE(ParseField(term, "301").error.empty());
  EXPECT_FALSE(ParseField(term, "0").error.empty());
  EXPECT_FALSE(ParseField(term, "+5").error.empty());
  EXPECT_FALSE(ParseField(term, "5.0").error.empty());
}

TEST(ParseField, OtherTypes) {
  EXPECT_EQ(ParseField(Col("corrections", "monitored"), "1").value.i, 1);
  EXPECT_FALSE(ParseField(Col("corrections", "monitored"), "true").error.empty());
  EXPECT_EQ(ParseField(Col("sentences", "political_rights_years"), "life").value.i, kLifelong);
  EXPECT_FALSE(ParseField(Col("sentences", "political_rights_years"), "100").error.empty());
  EXPECT_FALSE(ParseField(Col("orgs", "region_code"), "51010").error.empty());
  EXPECT_FALSE(ParseField(Col("labor_days", "hours"), "25").error.empty());
  EXPECT_EQ(ParseField(Col("labor_days", "hours"), "8.5").value.r, 8.5);
  EXPECT_EQ(ParseField(Col("points", "total"), "-12.5").value.r, -12.5);
  EXPECT_FALSE(ParseField(Col("persons", "person_id"), "P;1").error.empty());
  EXPECT_EQ(ParseField(Col("leaves", "start_ts"), "2025-03-01T08:30:00+08:00").value.i,
            *ParseTimestamp("2025-03-01T00:30:00Z"));
}

TEST(IdNumber, ChecksumBirthDateAndShape) {
  EXPECT_EQ(CheckIdNumber("510104198503120037"), "");
  EXPECT_EQ(CheckIdNumber("11010519491231002X"), "");
  EXPECT_NE(CheckIdNumber("510104198503120038").find("校验位"), std::string::npos);
  EXPECT_NE(CheckIdNumber("51010419850312003"), "");   // 17 characters
  EXPECT_NE(CheckIdNumber("11010519491231002x"), "");  // lower-case x
  EXPECT_NE(CheckIdNumber("510104198502300031").find("出生日期"), std::string::npos);
  EXPECT_NE(CheckIdNumber("5101041985031200A7"), "");
}

// Row checks run against parsed values; build a minimal row for a table.
std::vector<RowProblem> Check(std::string_view table,
                              std::vector<std::pair<std::string_view, std::string_view>> fields) {
  const TableSpec* t = FindTable(table);
  std::vector<Value> values(t->columns.size());
  std::vector<std::string_view> raw(t->columns.size());
  for (auto [name, text] : fields) {
    int i = t->IndexOf(name);
    raw[i] = text;
    values[i] = ParseField(t->columns[i], text).value;
  }
  std::vector<RowProblem> problems;
  t->check(RowView{t, values, raw}, &problems);
  return problems;
}

TEST(RowChecks, TermMonthsFollowPenaltyRanges) {
  EXPECT_TRUE(Check("sentences", {{"penalty", "surveillance"}, {"term_months", "3"}}).empty());
  EXPECT_EQ(Check("sentences", {{"penalty", "surveillance"}, {"term_months", "2"}})[0].rule,
            "term_range");
  EXPECT_TRUE(Check("sentences", {{"penalty", "surveillance"}, {"term_months", "36"}}).empty());
  EXPECT_EQ(Check("sentences", {{"penalty", "criminal_detention"}, {"term_months", "13"}})[0].rule,
            "term_range");
  EXPECT_EQ(Check("sentences", {{"penalty", "fixed_term"}, {"term_months", "5"}})[0].rule,
            "term_range");
  EXPECT_EQ(Check("sentences", {{"penalty", "fixed_term"}})[0].rule, "required");
  EXPECT_EQ(Check("sentences", {{"penalty", "life"}, {"term_months", "240"}})[0].rule,
            "term_not_applicable");
  EXPECT_EQ(
      Check("sentences",
            {{"penalty", "surveillance"}, {"term_months", "6"}, {"probation_months", "12"}})[0]
          .rule,
      "probation_penalty");
}

TEST(RowChecks, TermChangesAndOrgs) {
  EXPECT_EQ(Check("term_changes", {{"reduction_days", "30"},
                                   {"reduction_months", "1"},
                                   {"proposal_date", "2024-01-01"}})[0]
                .rule,
            "reduction_exclusive");
  EXPECT_EQ(Check("term_changes", {{"reduction_months", "1"}})[0].rule, "date_missing");
  EXPECT_EQ(Check("orgs", {{"org_type", "resident_office"}})[0].rule, "stationed_at_required");
  EXPECT_TRUE(Check("orgs", {{"org_type", "resident_office"}, {"stationed_at", "X"}}).empty());
}

TEST(FormatValue, InvertsParseField) {
  for (const TableSpec* t : AllTables()) {
    for (const ColumnSpec& c : t->columns) {
      std::string sample;
      switch (c.type) {
        case ColumnType::kDate:
          sample = "2020-02-29";
          break;
        case ColumnType::kTimestamp:
          sample = "2025-03-01T08:30:00+08:00";
          break;
        case ColumnType::kMonth:
          sample = "2025-12";
          break;
        case ColumnType::kMoney:
          sample = "12.30";
          break;
        case ColumnType::kMoneyOrAll:
          sample = "all";
          break;
        case ColumnType::kLongitude:
          sample = "104.065735";
          break;
        case ColumnType::kLatitude:
          sample = "30.657000";
          break;
        case ColumnType::kYearsOrLife:
          sample = "life";
          break;
        case ColumnType::kBool:
          sample = "1";
          break;
        default:
          continue;
      }
      auto r = ParseField(c, sample);
      ASSERT_TRUE(r.error.empty()) << c.name << ": " << r.error;
      EXPECT_EQ(FormatValue(c, r.value), sample) << t->name << "." << c.name;
    }
  }
}

}  // namespace
}  // namespace zj::domain
