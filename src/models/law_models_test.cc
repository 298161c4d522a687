// The law family (M01–M08, M12, M22, M23) on a hand-built store: one person per situation,
// each violation next to its lawful boundary case (one day, one month or one yuan inside the
// rule), judged as of 2026-06-30; then model selection and per-jurisdiction parameters.
//
//   P01 / P02  M01  6-year term delivered 2023-03-20: start 1y6m → 2024-09-20; proposed the
//                   day before / on the day
//   P03 / P04  M02  8-year term, previous commutation effective 2021-10-25: interval 1 year →
//                   2022-10-25; proposed the day before / on the day
//   P05 / P06  M03  悔改 alone: 10 months / 9 months (cap 9)
//   P07 / P08  M04  2-year term, 重大立功: 13 months / 12 months (floor 1/2)
//   P09 / P10  M05  5-year term from 2022-01-01: half → 2024-07-01; proposed the day before /
//                   on the day; P11 a 累犯 paroled after half
//   P12, P13   M06  judgment end one month off (key sentence_id); commutation new end one
//                   month off (key change_id)
//   P14 – P18  M07  in custody 180 days after the end; released the day after the end
//                   (lawful); in custody the day after the end (lawful); released early as
//                   刑满释放 at PRISON-02; released early as 其他释放 (medium)
//   P19 – P22, P36  M08  fine 10,000 unpaid; spending 4,800 in the 12 months before a proposal
//                   1y6m + 1 month after delivery (stricter start 2 years): M08 high; 2,999.99
//                   (no inference); 4,000 at PRISON-02 (jurisdiction setting); after 2 years
//                   (only 法释〔2024〕5号: medium); before even 1y6m (M01 and M08)
//   P23 – P26  M12  last review 2026-03-01 → due 2026-06-01 missed; due 2026-06-30 (= as-of,
//                   not missed); 不再符合 2026-05-01 → recommit by 2026-05-31 missed; 不再符合
//                   2026-05-31 → by 2026-06-30 (not yet missed)
//   P27 – P31  M22  delivered one day after / on the deadline 2025-02-20; not delivered,
//                   deadline 2026-05-11 / 2026-06-30; awaiting delivery in a detention centre
//   P32 – P34  M23  12-month term kept in the detention centre; remainder exactly 3 months
//                   (medium); one day under 3 months (lawful)
//   P35        M02  interval under 1 year and under the previous 18-month cut: one finding, two
//                   rules
//   P37        M03  life reduced to 20 years for 悔改 (must be 22)
//   P38        M07  escaped 30 days: the end moves from 2026-06-10 to 2026-07-10 (lawful)
//   P39        M05  parole 8 months after a commutation took effect (1 year)
//   P40        M12  a past review 10 days late (key: the missed due date)
//   P41, P42   M08/M01  unpaid_property category: commuted after 2 years (M08 medium only);
//                   before 2 years (M01 for the stricter start, M08 medium)

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "models/jurisdiction.h"
#include "models/registry.h"
#include "tests/support/batch_builder.h"
#include "tests/support/test_store.h"

namespace zj::models {
namespace {
namespace fs = std::filesystem;

const std::map<std::string, std::string> kTables = {
    {"orgs",
     R"(org_id,name,org_type,parent_id,region_code,stationed_at
510000-PROC,四川省人民检察院,prov_proc,,510000,
511000-PROC,乐山市人民检察院,city_proc,510000-PROC,511000,
510000-PRISON-01,四川省第一监狱,prison,510000-PROC,510100,
511000-PRISON-02,四川省第二监狱,prison,510000-PROC,511000,
510104-DC,成都市锦江区看守所,detention_center,510000-PROC,510104,
510100-COURT,成都市中级人民法院,court,510000-PROC,510100,
510104-CORR,成都市锦江区社区矫正管理局,correction_office,510000-PROC,510104,
)"},
    {"persons",
     R"(person_id,name,id_number,gender,birth_date,household_region_code
P01,某P01,,M,1980-01-01,510104
P02,某P02,,M,1980-01-01,510104
P03,某P03,,M,1980-01-01,510104
P04,某P04,,M,1980-01-01,510104
P05,某P05,,M,1980-01-01,510104
P06,某P06,,M,1980-01-01,510104
P07,某P07,,M,1980-01-01,510104
P08,某P08,,M,1980-01-01,510104
P09,某P09,,M,1980-01-01,510104
P10,某P10,,M,1980-01-01,510104
P11,某P11,,M,1980-01-01,510104
P12,某P12,,M,1980-01-01,510104
P13,某P13,,M,1980-01-01,510104
P14,某P14,,M,1980-01-01,510104
P15,某P15,,M,1980-01-01,510104
P16,某P16,,M,1980-01-01,510104
P17,某P17,,M,1980-01-01,510104
P18,某P18,,M,1980-01-01,510104
P19,某P19,,M,1980-01-01,510104
P20,某P20,,M,1980-01-01,510104
P21,某P21,,M,1980-01-01,510104
P22,某P22,,M,1980-01-01,510104
P36,某P36,,M,1980-01-01,510104
P23,某P23,,M,1980-01-01,510104
P24,某P24,,M,1980-01-01,510104
P25,某P25,,M,1980-01-01,510104
P26,某P26,,M,1980-01-01,510104
P27,某P27,,M,1980-01-01,510104
P28,某P28,,M,1980-01-01,510104
P29,某P29,,M,1980-01-01,510104
P30,某P30,,M,1980-01-01,510104
P31,某P31,,M,1980-01-01,510104
P32,某P32,,M,1980-01-01,510104
P33,某P33,,M,1980-01-01,510104
P34,某P34,,M,1980-01-01,510104
P35,某P35,,M,1980-01-01,510104
P37,某P37,,M,1980-01-01,510104
P38,某P38,,M,1980-01-01,510104
P39,某P39,,M,1980-01-01,510104
P40,某P40,,M,1980-01-01,510104
P41,某P41,,M,1980-01-01,510104
P42,某P42,,M,1980-01-01,510104
)"},
    {"sentences",
     R"(sentence_id,person_id,court_org_id,case_no,judgment_date,effective_date,crimes,categories,penalty,term_months,probation_months,custody_credit_days,term_start,term_end,fine,confiscation,restitution,political_rights_years
S01,P01,510100-COURT,,2023-03-01,2023-03-01,盗窃罪,,fixed_term,72,,0,2023-01-10,2029-01-09,,,,
S02,P02,510100-COURT,,2023-03-01,2023-03-01,盗窃罪,,fixed_term,72,,0,2023-01-10,2029-01-09,,,,
S03,P03,510100-COURT,,2020-03-01,2020-03-01,盗窃罪,,fixed_term,96,,0,2020-01-05,2028-01-04,,,,
S04,P04,510100-COURT,,2020-03-01,2020-03-01,盗窃罪,,fixed_term,96,,0,2020-01-05,2028-01-04,,,,
S05,P05,510100-COURT,,2019-08-01,2019-08-01,盗窃罪,,fixed_term,144,,0,2019-06-01,2031-05-31,,,,
S06,P06,510100-COURT,,2019-08-01,2019-08-01,盗窃罪,,fixed_term,144,,0,2019-06-01,2031-05-31,,,,
S07,P07,510100-COURT,,2025-10-01,2025-10-01,盗窃罪,,fixed_term,24,,0,2025-09-01,2027-08-31,,,,
S08,P08,510100-COURT,,2025-10-01,2025-10-01,盗窃罪,,fixed_term,24,,0,2025-09-01,2027-08-31,,,,
S09,P09,510100-COURT,,2022-03-01,2022-03-01,盗窃罪,,fixed_term,60,,0,2022-01-01,2026-12-31,,,,
S10,P10,510100-COURT,,2022-03-01,2022-03-01,盗窃罪,,fixed_term,60,,0,2022-01-01,2026-12-31,,,,
S11,P11,510100-COURT,,2022-03-01,2022-03-01,盗窃罪,recidivist,fixed_term,60,,0,2022-01-01,2026-12-31,,,,
S12,P12,510100-COURT,,2024-04-20,2024-04-20,盗窃罪,,fixed_term,60,,0,2024-03-19,2029-04-18,,,,
S13,P13,510100-COURT,,2020-03-01,2020-03-01,盗窃罪,,fixed_term,96,,0,2020-01-05,2028-01-04,,,,
S14,P14,510100-COURT,,2024-02-01,2024-02-01,盗窃罪,,fixed_term,24,,0,2024-01-01,2025-12-31,,,,
S15,P15,510100-COURT,,2024-02-01,2024-02-01,盗窃罪,,fixed_term,24,,0,2024-01-01,2025-12-31,,,,
S16,P16,510100-COURT,,2024-08-01,2024-08-01,盗窃罪,,fixed_term,24,,0,2024-06-30,2026-06-29,,,,
S17,P17,510100-COURT,,2024-02-01,2024-02-01,盗窃罪,,fixed_term,36,,0,2024-01-01,2026-12-31,,,,
S18,P18,510100-COURT,,2024-02-01,2024-02-01,盗窃罪,,fixed_term,36,,0,2024-01-01,2026-12-31,,,,
S19,P19,510100-COURT,,2023-07-01,2023-07-01,盗窃罪,,fixed_term,72,,0,2023-06-01,2029-05-31,10000,,,
S20,P20,510100-COURT,,2023-07-01,2023-07-01,盗窃罪,,fixed_term,72,,0,2023-06-01,2029-05-31,10000,,,
S21,P21,510100-COURT,,2023-07-01,2023-07-01,盗窃罪,,fixed_term,72,,0,2023-06-01,2029-05-31,10000,,,
S22,P22,510100-COURT,,2023-07-01,2023-07-01,盗窃罪,,fixed_term,72,,0,2023-06-01,2029-05-31,10000,,,
S36,P36,510100-COURT,,2023-07-01,2023-07-01,盗窃罪,,fixed_term,72,,0,2023-06-01,2029-05-31,10000,,,
S23,P23,510100-COURT,,2024-02-01,2024-02-01,盗窃罪,,fixed_term,60,,0,2024-01-01,2028-12-31,,,,
S24,P24,510100-COURT,,2024-02-01,2024-02-01,盗窃罪,,fixed_term,60,,0,2024-01-01,2028-12-31,,,,
S25,P25,510100-COURT,,2024-02-01,2024-02-01,盗窃罪,,fixed_term,60,,0,2024-01-01,2028-12-31,,,,
S26,P26,510100-COURT,,2024-02-01,2024-02-01,盗窃罪,,fixed_term,60,,0,2024-01-01,2028-12-31,,,,
S27,P27,510100-COURT,,2024-12-25,2025-01-10,盗窃罪,,fixed_term,36,,0,2024-12-01,2027-11-30,,,,
S28,P28,510100-COURT,,2024-12-25,2025-01-10,盗窃罪,,fixed_term,36,,0,2024-12-01,2027-11-30,,,,
S29,P29,510100-COURT,,2026-03-20,2026-04-01,盗窃罪,,fixed_term,36,,0,2026-01-10,2029-01-09,,,,
S30,P30,510100-COURT,,2026-05-10,2026-05-20,盗窃罪,,fixed_term,36,,0,2026-01-10,2029-01-09,,,,
S31,P31,510100-COURT,,2025-12-20,2026-01-05,盗窃罪,,fixed_term,36,,0,2025-10-01,2028-09-30,,,,
S32,P32,510100-COURT,,2025-10-20,2025-11-01,盗窃罪,,fixed_term,12,,0,2025-10-01,2026-09-30,,,,
S33,P33,510100-COURT,,2026-02-20,2026-02-20,盗窃罪,,fixed_term,6,,0,2025-12-01,2026-05-31,,,,
S34,P34,510100-COURT,,2026-02-20,2026-02-20,盗窃罪,,fixed_term,6,,0,2025-12-01,2026-05-31,,,,
S35,P35,510100-COURT,,2020-03-01,2020-03-01,盗窃罪,,fixed_term,96,,0,2020-01-05,2028-01-04,,,,
S37,P37,510100-COURT,,2015-05-20,2015-06-01,盗窃罪,,life,,,0,,,,,,
S38,P38,510100-COURT,,2024-07-01,2024-07-01,盗窃罪,,fixed_term,24,,0,2024-06-11,2026-06-10,,,,
S39,P39,510100-COURT,,2020-03-01,2020-03-01,盗窃罪,,fixed_term,96,,0,2020-01-05,2028-01-04,,,,
S40,P40,510100-COURT,,2024-02-01,2024-02-01,盗窃罪,,fixed_term,60,,0,2024-01-01,2028-12-31,,,,
S41,P41,510100-COURT,,2023-07-01,2023-07-01,盗窃罪,unpaid_property,fixed_term,72,,0,2023-06-01,2029-05-31,10000,,,
S42,P42,510100-COURT,,2023-07-01,2023-07-01,盗窃罪,unpaid_property,fixed_term,72,,0,2023-06-01,2029-05-31,10000,,,
)"},
    {"term_changes",
     R"(change_id,person_id,sentence_id,change_type,basis,proposing_org_id,proposal_date,deciding_org_id,decision_date,effective_date,reduction_days,reduction_months,new_term_end,new_penalty,new_term_months,probation_end,reason_text,procuratorate_opinion,opinion_date
C01,P01,S01,commutation,repentance,510000-PRISON-01,2024-09-19,,,,,6,,,,,,,
C02,P02,S02,commutation,repentance,510000-PRISON-01,2024-09-20,,,,,6,,,,,,,
C03A,P03,S03,commutation,repentance,510000-PRISON-01,2021-10-01,510100-COURT,2021-10-20,2021-10-25,,6,2027-07-04,,,,,,
C03B,P03,S03,commutation,repentance,510000-PRISON-01,2022-10-24,,,,,6,,,,,,,
C04A,P04,S04,commutation,repentance,510000-PRISON-01,2021-10-01,510100-COURT,2021-10-20,2021-10-25,,6,2027-07-04,,,,,,
C04B,P04,S04,commutation,repentance,510000-PRISON-01,2022-10-25,,,,,6,,,,,,,
C05,P05,S05,commutation,repentance,510000-PRISON-01,2022-01-10,,,,,10,,,,,,,
C06,P06,S06,commutation,repentance,510000-PRISON-01,2022-01-10,,,,,9,,,,,,,
C07,P07,S07,commutation,major_merit,510000-PRISON-01,2026-06-01,,,,,13,,,,,,,
C08,P08,S08,commutation,major_merit,510000-PRISON-01,2026-06-01,,,,,12,,,,,,,
C09,P09,S09,parole,,510000-PRISON-01,2024-06-30,510100-COURT,2024-07-20,2024-07-25,,,,,,2026-12-31,,,
C10,P10,S10,parole,,510000-PRISON-01,2024-07-01,510100-COURT,2024-07-20,2024-07-25,,,,,,2026-12-31,,,
C11,P11,S11,parole,,510000-PRISON-01,2024-08-01,510100-COURT,2024-08-20,2024-08-25,,,,,,2026-12-31,,,
C13,P13,S13,commutation,repentance,510000-PRISON-01,2021-10-01,510100-COURT,2021-10-20,2021-10-25,,6,2027-08-04,,,,,,
C19,P19,S19,commutation,repentance,510000-PRISON-01,2025-02-10,,,,,6,,,,,,,
C20,P20,S20,commutation,repentance,510000-PRISON-01,2025-02-10,,,,,6,,,,,,,
C21,P21,S21,commutation,repentance,511000-PRISON-02,2025-02-10,,,,,6,,,,,,,
C22,P22,S22,commutation,repentance,510000-PRISON-01,2025-08-01,,,,,6,,,,,,,
C36,P36,S36,commutation,repentance,510000-PRISON-01,2024-12-10,,,,,6,,,,,,,
C23,P23,S23,temp_release,,510000-PRISON-01,2025-05-31,510100-COURT,2025-06-10,2025-06-10,,,,,,,患严重疾病，需要保外就医,,
C24,P24,S24,temp_release,,510000-PRISON-01,2025-06-20,510100-COURT,2025-06-30,2025-06-30,,,,,,,患严重疾病，需要保外就医,,
C25,P25,S25,temp_release,,510000-PRISON-01,2025-05-31,510100-COURT,2025-06-10,2025-06-10,,,,,,,患严重疾病，需要保外就医,,
C26,P26,S26,temp_release,,510000-PRISON-01,2025-05-31,510100-COURT,2025-06-10,2025-06-10,,,,,,,患严重疾病，需要保外就医,,
C35A,P35,S35,commutation,major_merit,510000-PRISON-01,2021-01-10,510100-COURT,2021-02-01,2021-02-05,,18,2026-07-04,,,,,,
C35B,P35,S35,commutation,repentance,510000-PRISON-01,2021-12-01,,,,,6,,,,,,,
C37,P37,S37,life_to_fixed,repentance,510000-PRISON-01,2018-01-10,510100-COURT,2018-02-01,2018-02-05,,,2038-01-31,fixed_term,240,,,,
C39A,P39,S39,commutation,repentance,510000-PRISON-01,2023-06-01,510100-COURT,2023-06-20,2023-06-25,,6,2027-07-04,,,,,,
C39B,P39,S39,parole,,510000-PRISON-01,2024-03-01,,,,,,,,,,,,
C40,P40,S40,temp_release,,510000-PRISON-01,2025-05-31,510100-COURT,2025-06-10,2025-06-10,,,,,,,患严重疾病，需要保外就医,,
C41,P41,S41,commutation,repentance,510000-PRISON-01,2025-08-01,,,,,6,,,,,,,
C42,P42,S42,commutation,repentance,510000-PRISON-01,2025-02-10,,,,,6,,,,,,,
)"},
    {"custody_events",
     R"(event_id,person_id,facility_org_id,event,date,note
E001,P01,510000-PRISON-01,admitted,2023-03-20,
E002,P02,510000-PRISON-01,admitted,2023-03-20,
E003,P03,510000-PRISON-01,admitted,2020-03-15,
E004,P04,510000-PRISON-01,admitted,2020-03-15,
E005,P05,510000-PRISON-01,admitted,2019-08-20,
E006,P06,510000-PRISON-01,admitted,2019-08-20,
E007,P07,510000-PRISON-01,admitted,2025-10-15,
E008,P08,510000-PRISON-01,admitted,2025-10-15,
E009,P09,510000-PRISON-01,admitted,2022-03-10,
E010,P09,510000-PRISON-01,released_parole,2024-07-25,
E011,P10,510000-PRISON-01,admitted,2022-03-10,
E012,P10,510000-PRISON-01,released_parole,2024-07-25,
E013,P11,510000-PRISON-01,admitted,2022-03-10,
E014,P11,510000-PRISON-01,released_parole,2024-08-25,
E015,P12,510000-PRISON-01,admitted,2024-05-01,
E016,P13,510000-PRISON-01,admitted,2020-03-15,
E017,P14,510000-PRISON-01,admitted,2024-02-10,
E018,P15,510000-PRISON-01,admitted,2024-02-10,
E019,P15,510000-PRISON-01,released_expiry,2026-01-01,
E020,P16,510000-PRISON-01,admitted,2024-08-10,
E021,P17,511000-PRISON-02,admitted,2024-02-10,
E022,P17,511000-PRISON-02,released_expiry,2026-05-01,
E023,P18,510000-PRISON-01,admitted,2024-02-10,
E024,P18,510000-PRISON-01,released_other,2026-05-01,
E025,P19,510000-PRISON-01,admitted,2023-07-10,
E026,P20,510000-PRISON-01,admitted,2023-07-10,
E027,P21,511000-PRISON-02,admitted,2023-07-10,
E028,P22,510000-PRISON-01,admitted,2023-07-10,
E029,P36,510000-PRISON-01,admitted,2023-07-10,
E030,P23,510000-PRISON-01,admitted,2024-02-10,
E031,P23,510000-PRISON-01,released_temp,2025-06-12,
E032,P24,510000-PRISON-01,admitted,2024-02-10,
E033,P24,510000-PRISON-01,released_temp,2025-07-01,
E034,P25,510000-PRISON-01,admitted,2024-02-10,
E035,P25,510000-PRISON-01,released_temp,2025-06-12,
E036,P26,510000-PRISON-01,admitted,2024-02-10,
E037,P26,510000-PRISON-01,released_temp,2025-06-12,
E038,P27,510000-PRISON-01,admitted,2025-02-21,
E039,P28,510000-PRISON-01,admitted,2025-02-20,
E040,P32,510104-DC,admitted,2025-11-10,
E041,P33,510104-DC,admitted,2026-03-01,
E042,P33,510104-DC,released_expiry,2026-06-01,
E043,P34,510104-DC,admitted,2026-03-02,
E044,P34,510104-DC,released_expiry,2026-06-01,
E045,P35,510000-PRISON-01,admitted,2020-03-15,
E046,P37,510000-PRISON-01,admitted,2015-07-01,
E047,P38,510000-PRISON-01,admitted,2024-07-10,
E048,P38,510000-PRISON-01,escaped,2025-01-01,
E049,P38,510000-PRISON-01,recaptured,2025-01-31,
E050,P39,510000-PRISON-01,admitted,2020-03-15,
E051,P40,510000-PRISON-01,admitted,2024-02-10,
E052,P40,510000-PRISON-01,released_temp,2025-06-12,
E053,P41,510000-PRISON-01,admitted,2023-07-10,
E054,P42,510000-PRISON-01,admitted,2023-07-10,
)"},
    {"property_cases",
     R"(exec_id,sentence_id,person_id,court_org_id,filed_date,amount_due,status,status_date
EX19,S19,P19,510100-COURT,2023-08-01,10000,open,2023-08-01
EX20,S20,P20,510100-COURT,2023-08-01,10000,open,2023-08-01
EX21,S21,P21,510100-COURT,2023-08-01,10000,open,2023-08-01
EX22,S22,P22,510100-COURT,2023-08-01,10000,open,2023-08-01
EX36,S36,P36,510100-COURT,2023-08-01,10000,open,2023-08-01
EX41,S41,P41,510100-COURT,2023-08-01,10000,open,2023-08-01
EX42,S42,P42,510100-COURT,2023-08-01,10000,open,2023-08-01
)"},
    {"accounts",
     R"(person_id,month,facility_org_id,deposits,spending,balance
P19,2024-02,510000-PRISON-01,500,400,1000
P19,2024-03,510000-PRISON-01,500,400,1000
P19,2024-04,510000-PRISON-01,500,400,1000
P19,2024-05,510000-PRISON-01,500,400,1000
P19,2024-06,510000-PRISON-01,500,400,1000
P19,2024-07,510000-PRISON-01,500,400,1000
P19,2024-08,510000-PRISON-01,500,400,1000
P19,2024-09,510000-PRISON-01,500,400,1000
P19,2024-10,510000-PRISON-01,500,400,1000
P19,2024-11,510000-PRISON-01,500,400,1000
P19,2024-12,510000-PRISON-01,500,400,1000
P19,2025-01,510000-PRISON-01,500,400,1000
P20,2024-02,510000-PRISON-01,500,250,1000
P20,2024-03,510000-PRISON-01,500,250,1000
P20,2024-04,510000-PRISON-01,500,250,1000
P20,2024-05,510000-PRISON-01,500,250,1000
P20,2024-06,510000-PRISON-01,500,250,1000
P20,2024-07,510000-PRISON-01,500,250,1000
P20,2024-08,510000-PRISON-01,500,250,1000
P20,2024-09,510000-PRISON-01,500,250,1000
P20,2024-10,510000-PRISON-01,500,250,1000
P20,2024-11,510000-PRISON-01,500,250,1000
P20,2024-12,510000-PRISON-01,500,250,1000
P20,2025-01,510000-PRISON-01,500,249.99,1000
P21,2024-10,511000-PRISON-02,500,1000,1000
P21,2024-11,511000-PRISON-02,500,1000,1000
P21,2024-12,511000-PRISON-02,500,1000,1000
P21,2025-01,511000-PRISON-02,500,1000,1000
P22,2024-08,510000-PRISON-01,500,400,1000
P22,2024-09,510000-PRISON-01,500,400,1000
P22,2024-10,510000-PRISON-01,500,400,1000
P22,2024-11,510000-PRISON-01,500,400,1000
P22,2024-12,510000-PRISON-01,500,400,1000
P22,2025-01,510000-PRISON-01,500,400,1000
P22,2025-02,510000-PRISON-01,500,400,1000
P22,2025-03,510000-PRISON-01,500,400,1000
P22,2025-04,510000-PRISON-01,500,400,1000
P22,2025-05,510000-PRISON-01,500,400,1000
P22,2025-06,510000-PRISON-01,500,400,1000
P22,2025-07,510000-PRISON-01,500,400,1000
P36,2024-01,510000-PRISON-01,500,400,1000
P36,2024-02,510000-PRISON-01,500,400,1000
P36,2024-03,510000-PRISON-01,500,400,1000
P36,2024-04,510000-PRISON-01,500,400,1000
P36,2024-05,510000-PRISON-01,500,400,1000
P36,2024-06,510000-PRISON-01,500,400,1000
P36,2024-07,510000-PRISON-01,500,400,1000
P36,2024-08,510000-PRISON-01,500,400,1000
P36,2024-09,510000-PRISON-01,500,400,1000
P36,2024-10,510000-PRISON-01,500,400,1000
P36,2024-11,510000-PRISON-01,500,400,1000
)"},
    {"corrections",
     R"(correction_id,person_id,sentence_id,correction_type,decision_org_id,decision_effective_date,office_org_id,residence_region_code,start_date,end_date,reported_date,status,status_date,monitored
CR23,P23,S23,temp_release,510100-COURT,2025-06-10,510104-CORR,510104,2025-06-12,2028-12-31,2025-06-12,active,2025-06-12,0
CR24,P24,S24,temp_release,510100-COURT,2025-06-30,510104-CORR,510104,2025-07-01,2028-12-31,2025-07-01,active,2025-07-01,0
CR25,P25,S25,temp_release,510100-COURT,2025-06-10,510104-CORR,510104,2025-06-12,2028-12-31,2025-06-12,active,2025-06-12,0
CR26,P26,S26,temp_release,510100-COURT,2025-06-10,510104-CORR,510104,2025-06-12,2028-12-31,2025-06-12,active,2025-06-12,0
CR40,P40,S40,temp_release,510100-COURT,2025-06-10,510104-CORR,510104,2025-06-12,2028-12-31,2025-06-12,active,2025-06-12,0
)"},
    {"medical_reviews",
     R"(review_id,person_id,correction_id,date,hospital,conclusion
MR001,P23,CR23,2025-09-10,某医院,still_eligible
MR002,P23,CR23,2025-12-10,某医院,still_eligible
MR003,P23,CR23,2026-03-01,某医院,still_eligible
MR004,P24,CR24,2025-09-30,某医院,still_eligible
MR005,P24,CR24,2025-12-30,某医院,still_eligible
MR006,P24,CR24,2026-03-30,某医院,still_eligible
MR007,P25,CR25,2025-09-10,某医院,still_eligible
MR008,P25,CR25,2025-12-10,某医院,still_eligible
MR009,P25,CR25,2026-03-01,某医院,still_eligible
MR010,P25,CR25,2026-05-01,某医院,no_longer_eligible
MR011,P26,CR26,2025-09-10,某医院,still_eligible
MR012,P26,CR26,2025-12-10,某医院,still_eligible
MR013,P26,CR26,2026-03-01,某医院,still_eligible
MR014,P26,CR26,2026-05-31,某医院,no_longer_eligible
MR015,P40,CR40,2025-09-20,某医院,still_eligible
MR016,P40,CR40,2025-12-20,某医院,still_eligible
MR017,P40,CR40,2026-03-20,某医院,still_eligible
MR018,P40,CR40,2026-06-20,某医院,still_eligible
)"},
    {"detentions",
     R"(detention_id,person_id,facility_org_id,case_no,handling_org_id,stage,stage_start,stage_deadline,extension_doc,released_date,release_reason
D31,P31,510104-DC,,510100-COURT,awaiting_delivery,2026-01-05,,,,
D32,P32,510104-DC,,510100-COURT,serving_in_center,2025-11-10,,,,
D33,P33,510104-DC,,510100-COURT,serving_in_center,2026-03-01,,,2026-06-01,刑满释放
D34,P34,510104-DC,,510100-COURT,serving_in_center,2026-03-02,,,2026-06-01,刑满释放
)"},
};

struct LawResult {
  std::vector<Finding> findings;
  std::map<std::string, int64_t> scanned;
  // model → key json → finding
  const Finding* Get(std::string_view model, std::string_view key_json) const {
    for (const Finding& f : findings) {
      if (f.model == model && KeyJson(f) == key_json) return &f;
    }
    return nullptr;
  }
  std::set<std::string> Keys(std::string_view model) const {
    std::set<std::string> out;
    for (const Finding& f : findings) {
      if (f.model == model) out.insert(KeyJson(f));
    }
    return out;
  }
};

class LawModelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    work_ = new std::string(testing::TempDir("law-models"));
    for (const auto& [table, text] : kTables) {
      testing::WriteFile(*work_ + "/src/" + table + ".csv", text);
    }
    auto url = testing::ImportCsvFolder(*work_ + "/src", *work_,
                                        {.exported_at = "2026-06-30T23:00:00+08:00"});
    ASSERT_TRUE(url.ok()) << url.status().ToString();
    url_ = new std::string(*url);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*work_);
    delete work_;
    delete url_;
  }

  // Runs the law pass for `models` (empty = all of it), as the engine does.
  static LawResult RunLaw(std::vector<std::string_view> models = {},
                          std::vector<ParamOverride> overrides = {}) {
    LawResult result;
    const Pass& pass = LawPass();
    if (models.empty()) {
      for (const ModelSpec* m : pass.models()) models.push_back(m->id);
    }
    std::vector<TableNeed> needs = {JurisdictionNeed()};
    std::vector<ModelParams> declared;
    for (const ModelSpec* m : pass.models()) {
      declared.push_back({m->id, m->params});
      if (std::find(models.begin(), models.end(), m->id) != models.end()) {
        needs.insert(needs.end(), m->inputs.begin(), m->inputs.end());
      }
    }
    const std::string url = *url_;
    DatabaseOpener open_db = [url] {
      return storage::Database::Open(url, {.create_if_missing = false});
    };
    Snapshot snapshot;
    Status loaded = LoadSnapshot(open_db, needs, 2, &snapshot);
    EXPECT_TRUE(loaded.ok()) << loaded.ToString();
    auto params = ParamSet::Build(declared, overrides, snapshot.Ids("orgs").size(),
                                  [&](std::string_view org) { return Covered(snapshot, org); });
    EXPECT_TRUE(params.ok()) << params.status().ToString();
    if (!loaded.ok() || !params.ok()) return result;
    RunContext ctx;
    ctx.data = &snapshot;
    ctx.as_of = *ParseTimestamp("2026-06-30T23:00:00+08:00");
    ctx.as_of_date = BeijingDate(ctx.as_of);
    ctx.params = &*params;
    ctx.selected = models;
    ctx.open_db = open_db;
    auto run = pass.Start(ctx);
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    if (!run.ok()) return result;
    for (int part = 0; part < (*run)->parts(); ++part) {
      PassOutput out;
      Status s = (*run)->RunPart(part, out);
      EXPECT_TRUE(s.ok()) << s.ToString();
      for (Finding& f : out.findings()) result.findings.push_back(std::move(f));
      for (const auto& [m, n] : out.scanned()) result.scanned[std::string(m)] += n;
    }
    // The engine's checks: declared key columns, nothing keyed twice.
    std::set<std::string> seen;
    for (const Finding& f : result.findings) {
      const ModelSpec* spec = nullptr;
      for (const ModelSpec* m : pass.models()) {
        if (m->id == f.model) spec = m;
      }
      EXPECT_NE(spec, nullptr) << f.model;
      for (const auto& [k, v] : f.key) {
        EXPECT_NE(std::find(spec->key.begin(), spec->key.end(), k), spec->key.end()) << k;
        EXPECT_FALSE(v.empty());
      }
      EXPECT_TRUE(seen.insert(std::string(f.model) + KeyJson(f)).second)
          << "twice: " << f.model << " " << KeyJson(f);
      EXPECT_FALSE(f.org_id.empty()) << f.model << " " << KeyJson(f);
      EXPECT_FALSE(f.summary.empty());
      EXPECT_FALSE(f.basis.empty());
    }
    return result;
  }

  static std::string* work_;
  static std::string* url_;
};
std::string* LawModelsTest::work_ = nullptr;
std::string* LawModelsTest::url_ = nullptr;

std::string Dump(const LawResult& r) {
  std::string s;
  for (const Finding& f : r.findings) {
    s += std::string(f.model) + " " + KeyJson(f) + " " + f.person_id + " " + f.org_id + " " +
         std::string(SeverityCode(f.severity)) + " " + f.summary + "\n";
  }
  return s;
}

TEST_F(LawModelsTest, FindsExactlyThePlantedViolations) {
  const LawResult r = RunLaw();
  std::set<std::string> got;
  for (const Finding& f : r.findings) {
    got.insert(std::string(f.model) + " " + KeyJson(f) + " " + f.person_id + " " + f.org_id + " " +
               std::string(SeverityCode(f.severity)));
  }
  const std::set<std::string> want = {
      R"(M01 {"change_id":"C01"} P01 510000-PRISON-01 high)",
      R"(M02 {"change_id":"C03B"} P03 510000-PRISON-01 high)",
      R"(M03 {"change_id":"C05"} P05 510000-PRISON-01 high)",
      R"(M04 {"change_id":"C07"} P07 510000-PRISON-01 high)",
      R"(M05 {"change_id":"C09"} P09 510000-PRISON-01 high)",
      R"(M05 {"change_id":"C11"} P11 510000-PRISON-01 high)",
      R"(M06 {"sentence_id":"S12"} P12 510000-PRISON-01 high)",
      R"(M06 {"change_id":"C13"} P13 510000-PRISON-01 high)",
      R"(M07 {"sentence_id":"S14"} P14 510000-PRISON-01 high)",
      R"(M07 {"sentence_id":"S17"} P17 511000-PRISON-02 high)",
      R"(M07 {"sentence_id":"S18"} P18 510000-PRISON-01 medium)",
      R"(M08 {"change_id":"C19"} P19 510000-PRISON-01 high)",
      R"(M08 {"change_id":"C21"} P21 511000-PRISON-02 high)",
      R"(M08 {"change_id":"C22"} P22 510000-PRISON-01 medium)",
      R"(M01 {"change_id":"C36"} P36 510000-PRISON-01 high)",
      R"(M08 {"change_id":"C36"} P36 510000-PRISON-01 high)",
      R"(M12 {"correction_id":"CR23","due":"2026-06-01"} P23 510104-CORR high)",
      R"(M12 {"correction_id":"CR25","due":"2026-05-31"} P25 510104-CORR high)",
      R"(M22 {"sentence_id":"S27"} P27 510100-COURT high)",
      R"(M22 {"sentence_id":"S29"} P29 510100-COURT high)",
      R"(M22 {"sentence_id":"S31"} P31 510100-COURT high)",
      R"(M23 {"detention_id":"D32"} P32 510104-DC high)",
      R"(M23 {"detention_id":"D33"} P33 510104-DC medium)",
      R"(M02 {"change_id":"C35B"} P35 510000-PRISON-01 high)",
      R"(M03 {"change_id":"C37"} P37 510000-PRISON-01 high)",
      R"(M05 {"change_id":"C39B"} P39 510000-PRISON-01 high)",
      R"(M12 {"correction_id":"CR40","due":"2025-09-10"} P40 510104-CORR high)",
      R"(M08 {"change_id":"C41"} P41 510000-PRISON-01 medium)",
      R"(M01 {"change_id":"C42"} P42 510000-PRISON-01 high)",
      R"(M08 {"change_id":"C42"} P42 510000-PRISON-01 medium)",
  };
  std::vector<std::string> missing, extra;
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                      std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(extra));
  EXPECT_TRUE(missing.empty() && extra.empty()) << "missing:\n"
                                                << ::testing::PrintToString(missing) << "\nextra:\n"
                                                << ::testing::PrintToString(extra) << "\nall:\n"
                                                << Dump(r);
  EXPECT_EQ(r.scanned.at("M22"), 42);  // every sentence
}

TEST_F(LawModelsTest, SummariesFactsAndBasisInTheLabelsStyle) {
  const LawResult r = RunLaw();
  const Finding* m01 = r.Get("M01", R"({"change_id":"C01"})");
  ASSERT_NE(m01, nullptr);
  EXPECT_EQ(
      m01->summary,
      "原判有期徒刑6年，2023-03-20交付执行，2024-09-19即提请减刑，未满1年6个月的减刑起始时间，"
      "最早应于2024-09-20方可提请");
  EXPECT_EQ(m01->facts["short_days"], 1);
  EXPECT_EQ(m01->basis, std::vector<std::string>{"JX-START-01"});

  const Finding* m02 = r.Get("M02", R"({"change_id":"C03B"})");
  ASSERT_NE(m02, nullptr);
  EXPECT_EQ(
      m02->summary,
      "第二次减刑于2022-10-24提请，距上次减刑裁定生效（2021-10-25）仅364日，少于1年的减刑间隔，"
      "最早应于2022-10-25方可提请");
  EXPECT_EQ(m02->facts["previous_change_id"], "C03A");

  const Finding* merged = r.Get("M02", R"({"change_id":"C35B"})");
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->basis, (std::vector<std::string>{"JX-INTV-01", "JX-INTV-02"}));
  EXPECT_TRUE(merged->facts.contains("JX-INTV-02"));

  const Finding* m03 = r.Get("M03", R"({"change_id":"C05"})");
  ASSERT_NE(m03, nullptr);
  EXPECT_EQ(m03->summary, "以确有悔改表现为由一次减去有期徒刑10个月，超过9个月的幅度上限");
  EXPECT_EQ(m03->facts["cap_months"], 9);

  const Finding* m04 = r.Get("M04", R"({"change_id":"C07"})");
  ASSERT_NE(m04, nullptr);
  EXPECT_EQ(m04->summary,
            "原判有期徒刑2年，拟减去1年1个月，减刑后实际执行刑期仅11个月，少于原判刑期的二分之一");

  const Finding* m05 = r.Get("M05", R"({"change_id":"C09"})");
  ASSERT_NE(m05, nullptr);
  EXPECT_EQ(m05->summary,
            "原判有期徒刑5年，自2022-01-01起算，2024-06-30提请假释时仅执行约50%，"
            "未达原判刑期二分之一（应至2024-07-01）");
  const Finding* m05b = r.Get("M05", R"({"change_id":"C11"})");
  ASSERT_NE(m05b, nullptr);
  EXPECT_EQ(m05b->summary, "罪犯系累犯，依法不得假释，却于2024-08-20被裁定假释");
  EXPECT_EQ(m05b->basis, std::vector<std::string>{"JX-PAROLE-04"});

  const Finding* m06 = r.Get("M06", R"({"sentence_id":"S12"})");
  ASSERT_NE(m06, nullptr);
  EXPECT_EQ(m06->summary,
            "判决载明刑期至2029-04-18止，按刑期起日2024-03-19、刑期5年计算应至2029-03-18止");
  EXPECT_EQ(m06->basis, (std::vector<std::string>{"JX-CONV-01", "JX-TERM-01"}));
  const Finding* m06c = r.Get("M06", R"({"change_id":"C13"})");
  ASSERT_NE(m06c, nullptr);
  EXPECT_EQ(m06c->summary,
            "减刑裁定载明刑期至2027-08-04止，原刑期至2028-01-04止减去6个月应至2027-07-04止");

  const Finding* m07 = r.Get("M07", R"({"sentence_id":"S14"})");
  ASSERT_NE(m07, nullptr);
  EXPECT_EQ(m07->title, "刑满未释放");
  EXPECT_EQ(m07->summary, "刑期已于2025-12-31届满，截至2026-06-30仍在押，超过应释放日180日");
  const Finding* early = r.Get("M07", R"({"sentence_id":"S17"})");
  ASSERT_NE(early, nullptr);
  EXPECT_EQ(early->title, "提前释放");
  EXPECT_EQ(early->summary,
            "刑期至2026-12-31止，却于2026-05-01以刑满释放出监，提前244日，"
            "无假释、暂予监外执行等法律依据");

  const Finding* m08 = r.Get("M08", R"({"change_id":"C19"})");
  ASSERT_NE(m08, nullptr);
  EXPECT_EQ(
      m08->summary,
      "财产性判项尚有10000.00元未履行，提请减刑前12个月狱内消费4800.00元，确有履行能力而不履行，"
      "仍按一般罪犯于交付执行后581日提请减刑；从严罪犯应执行2年以上方可提请，最早2025-07-10；"
      "依法释〔2024〕5号不认定确有悔改表现，一般不予减刑");
  EXPECT_EQ(m08->basis, (std::vector<std::string>{"JX-PROP-02", "JX-START-02", "JX-PROP-03",
                                                  "PARAM:ability_spending"}));
  EXPECT_EQ(m08->facts["exec_id"], "EX19");
  EXPECT_EQ(m08->facts["spending"], "4800.00");
  EXPECT_EQ(m08->facts["deposits"], "6000.00");
  EXPECT_EQ(m08->facts["stricter_earliest_date"], "2025-07-10");
  // The ordinary start time was met: no M01 for the same commutation.
  EXPECT_EQ(r.Get("M01", R"({"change_id":"C19"})"), nullptr);

  const Finding* m12 = r.Get("M12", R"({"correction_id":"CR23","due":"2026-06-01"})");
  ASSERT_NE(m12, nullptr);
  EXPECT_EQ(m12->title, "暂予监外执行病情复查逾期");
  EXPECT_EQ(m12->summary,
            "暂予监外执行罪犯上次病情复查为2026-03-01，应于2026-06-01前复查，"
            "截至2026-06-30已逾期29日未复查");
  const Finding* m12b = r.Get("M12", R"({"correction_id":"CR25","due":"2026-05-31"})");
  ASSERT_NE(m12b, nullptr);
  EXPECT_EQ(m12b->title, "暂予监外执行条件消失未收监");
  EXPECT_EQ(m12b->summary,
            "2026-05-01病情复查结论为不再符合保外就医条件，应于2026-05-31前收监执行，至今未收监");
  EXPECT_EQ(m12b->basis, std::vector<std::string>{"JX-ZJ-10"});

  const Finding* m22 = r.Get("M22", R"({"sentence_id":"S27"})");
  ASSERT_NE(m22, nullptr);
  EXPECT_EQ(m22->title, "交付执行超期");
  EXPECT_EQ(m22->summary, "判决于2025-01-10生效，2025-02-21才交付监狱执行，超过法定交付期限1日");
  EXPECT_EQ(m22->basis, (std::vector<std::string>{"JX-DELIV-01", "JX-DELIV-02"}));
  EXPECT_EQ(m22->facts["delivery_deadline"], "2025-02-20");
  const Finding* never = r.Get("M22", R"({"sentence_id":"S29"})");
  ASSERT_NE(never, nullptr);
  EXPECT_EQ(never->title, "应收未收");
  EXPECT_EQ(never->summary,
            "判决于2026-04-01生效，判处有期徒刑3年，至今未交付执行，亦无羁押或合法释放记录");
  EXPECT_TRUE(never->facts["custody_record"].is_null());
  const Finding* held = r.Get("M22", R"({"sentence_id":"S31"})");
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->facts["custody_record"]["detention_id"], "D31");

  const Finding* life = r.Get("M03", R"({"change_id":"C37"})");
  ASSERT_NE(life, nullptr);
  EXPECT_EQ(life->summary, "以确有悔改表现为由由无期徒刑减为有期徒刑20年，依法应减为22年");
  EXPECT_EQ(life->basis, std::vector<std::string>{"JX-CAP-04"});
  const Finding* after = r.Get("M05", R"({"change_id":"C39B"})");
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->summary,
            "上次减刑6个月，裁定于2023-06-25生效，2024-03-01即提请假释，少于1年的间隔，"
            "最早应于2024-06-25");
  const Finding* late = r.Get("M12", R"({"correction_id":"CR40","due":"2025-09-10"})");
  ASSERT_NE(late, nullptr);
  EXPECT_EQ(late->summary,
            "暂予监外执行罪犯自2025-06-10暂予监外执行以来未复查病情，应于2025-09-10前复查，"
            "2025-09-20才复查，迟延10日");
  const Finding* flagged = r.Get("M08", R"({"change_id":"C41"})");
  ASSERT_NE(flagged, nullptr);
  EXPECT_EQ(flagged->summary,
            "财产性判项尚有10000.00元未履行，罪犯已被认定为确有履行能力而不履行财产性判项，"
            "2025-08-01仍提请减刑；依法释〔2024〕5号不认定确有悔改表现，一般不予减刑");
  EXPECT_EQ(flagged->basis, std::vector<std::string>{"JX-PROP-02"});
  // The unpaid_property category is the court's or prison's own finding: the stricter start
  // time is the rule in force, so missing it is M01.
  const Finding* strict = r.Get("M01", R"({"change_id":"C42"})");
  ASSERT_NE(strict, nullptr);
  EXPECT_EQ(strict->basis, std::vector<std::string>{"JX-START-02"});

  const Finding* m23 = r.Get("M23", R"({"detention_id":"D32"})");
  ASSERT_NE(m23, nullptr);
  EXPECT_EQ(m23->summary,
            "2025-11-10交付看守所执行时余刑325日（刑期至2026-09-30止），超过3个月，"
            "仍留看守所服刑");
}

TEST_F(LawModelsTest, RunsOnlyTheSelectedModels) {
  const LawResult r = RunLaw({"M22"});
  EXPECT_EQ(r.Keys("M22").size(), 3u) << Dump(r);
  EXPECT_EQ(r.findings.size(), 3u) << Dump(r);
  EXPECT_EQ(r.scanned.count("M01"), 0u);
  const LawResult m12 = RunLaw({"M12"});
  EXPECT_EQ(m12.findings.size(), 3u) << Dump(m12);
}

TEST_F(LawModelsTest, ParametersApplyPerJurisdiction) {
  // Everywhere 5,000 yuan: neither P19 (4,800) nor P21 (4,000) nor P22, P36 is inferred able
  // to pay; P41 and P42 carry the unpaid_property category, which needs no inference.
  LawResult r =
      RunLaw({"M01", "M08"}, {{.model = "M08", .name = "ability_spending", .value = "5000"}});
  EXPECT_EQ(r.Keys("M08"),
            (std::set<std::string>{R"({"change_id":"C41"})", R"({"change_id":"C42"})"}))
      << Dump(r);
  // P36 keeps its M01: the ordinary start time was missed whatever the inference says.
  EXPECT_EQ(r.Keys("M01"),
            (std::set<std::string>{R"({"change_id":"C01"})", R"({"change_id":"C36"})",
                                   R"({"change_id":"C42"})"}));
  // Only in 乐山 (PRISON-02): P21 drops out, P19 stays.
  r = RunLaw(
      {"M08"},
      {{.model = "M08", .name = "ability_spending", .value = "5000", .org_id = "511000-PROC"}});
  EXPECT_EQ(r.Keys("M08"),
            (std::set<std::string>{R"({"change_id":"C19"})", R"({"change_id":"C22"})",
                                   R"({"change_id":"C36"})", R"({"change_id":"C41"})",
                                   R"({"change_id":"C42"})"}))
      << Dump(r);
  // A shorter window: 6 months of 400 = 2,400 < 3,000.
  r = RunLaw({"M08"}, {{.model = "M08", .name = "ability_window_months", .value = "6"}});
  EXPECT_EQ(r.Get("M08", R"({"change_id":"C19"})"), nullptr) << Dump(r);
  // 60 days to recommit: P25's review of 2026-05-01 is due 2026-06-30, not yet missed.
  r = RunLaw({"M12"}, {{.model = "M12", .name = "recommit_days", .value = "60"}});
  EXPECT_EQ(r.Keys("M12"),
            (std::set<std::string>{R"({"correction_id":"CR23","due":"2026-06-01"})",
                                   R"({"correction_id":"CR40","due":"2025-09-10"})"}))
      << Dump(r);
  r = RunLaw({"M12"}, {{.model = "M12", .name = "recommit_days", .value = "20"}});
  const Finding* f = r.Get("M12", R"({"correction_id":"CR25","due":"2026-05-21"})");
  ASSERT_NE(f, nullptr) << Dump(r);
  EXPECT_EQ(f->basis, (std::vector<std::string>{"JX-ZJ-10", "PARAM:recommit_days"}));
}

}  // namespace
}  // namespace zj::models
