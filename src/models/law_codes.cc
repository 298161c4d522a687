#include "models/law_codes.h"

#include <utility>

namespace zj::models {
namespace {

template <typename E, size_t N>
std::optional<E> Find(std::string_view code, const std::pair<std::string_view, E> (&table)[N]) {
  for (const auto& [name, value] : table) {
    if (name == code) return value;
  }
  return std::nullopt;
}

using law::Basis;
using law::Category;
using law::ChangeType;
using law::CustodyEventKind;
using law::Penalty;

constexpr std::pair<std::string_view, Penalty> kPenalties[] = {
    {"surveillance", Penalty::kSurveillance},
    {"criminal_detention", Penalty::kCriminalDetention},
    {"fixed_term", Penalty::kFixedTerm},
    {"life", Penalty::kLife},
    {"death_reprieve", Penalty::kDeathReprieve},
    {"death_reprieve_restricted", Penalty::kDeathReprieveRestricted},
};

constexpr std::pair<std::string_view, Category> kCategories[] = {
    {"duty_crime", Category::kDutyCrime},
    {"financial", Category::kFinancial},
    {"gang", Category::kGang},
    {"state_security", Category::kStateSecurity},
    {"terrorism", Category::kTerrorism},
    {"drug_ringleader", Category::kDrugRingleader},
    {"drug_recidivist", Category::kDrugRecidivist},
    {"recidivist", Category::kRecidivist},
    {"violent_10y", Category::kViolent10y},
    {"unpaid_property", Category::kUnpaidProperty},
    {"minor", Category::kMinor},
    {"elderly_sick_disabled", Category::kElderlySickDisabled},
};

constexpr std::pair<std::string_view, ChangeType> kChangeTypes[] = {
    {"commutation", ChangeType::kCommutation},
    {"parole", ChangeType::kParole},
    {"temp_release", ChangeType::kTempRelease},
    {"revoke_parole", ChangeType::kRevokeParole},
    {"revoke_probation", ChangeType::kRevokeProbation},
    {"recommit", ChangeType::kRecommit},
    {"life_to_fixed", ChangeType::kLifeToFixed},
    {"reprieve_to_life", ChangeType::kReprieveToLife},
    {"reprieve_to_fixed", ChangeType::kReprieveToFixed},
};

constexpr std::pair<std::string_view, Basis> kBases[] = {
    {"repentance", Basis::kRepentance},
    {"merit", Basis::kMerit},
    {"repentance_merit", Basis::kRepentanceMerit},
    {"major_merit", Basis::kMajorMerit},
    {"repentance_major_merit", Basis::kRepentanceMajorMerit},
};

constexpr std::pair<std::string_view, law::Opinion> kOpinions[] = {
    {"agree", law::Opinion::kAgree},
    {"disagree", law::Opinion::kDisagree},
    {"none", law::Opinion::kNone},
};

constexpr std::pair<std::string_view, CustodyEventKind> kCustodyEvents[] = {
    {"admitted", CustodyEventKind::kAdmitted},
    {"transferred_in", CustodyEventKind::kTransferredIn},
    {"transferred_out", CustodyEventKind::kTransferredOut},
    {"released_expiry", CustodyEventKind::kReleasedExpiry},
    {"released_parole", CustodyEventKind::kReleasedParole},
    {"released_temp", CustodyEventKind::kReleasedTemp},
    {"released_other", CustodyEventKind::kReleasedOther},
    {"died", CustodyEventKind::kDied},
    {"escaped", CustodyEventKind::kEscaped},
    {"recaptured", CustodyEventKind::kRecaptured},
};

constexpr std::pair<std::string_view, law::MedicalConclusion> kConclusions[] = {
    {"still_eligible", law::MedicalConclusion::kStillEligible},
    {"no_longer_eligible", law::MedicalConclusion::kNoLongerEligible},
    {"unknown", law::MedicalConclusion::kUnknown},
};

constexpr std::pair<std::string_view, law::Gender> kGenders[] = {
    {"M", law::Gender::kMale},
    {"F", law::Gender::kFemale},
};

}  // namespace

std::optional<Penalty> PenaltyFromCode(std::string_view code) { return Find(code, kPenalties); }
std::optional<Category> CategoryFromCode(std::string_view code) { return Find(code, kCategories); }
std::optional<ChangeType> ChangeTypeFromCode(std::string_view code) {
  return Find(code, kChangeTypes);
}
std::optional<Basis> BasisFromCode(std::string_view code) { return Find(code, kBases); }
std::optional<law::Opinion> OpinionFromCode(std::string_view code) { return Find(code, kOpinions); }
std::optional<CustodyEventKind> CustodyEventFromCode(std::string_view code) {
  return Find(code, kCustodyEvents);
}
std::optional<law::MedicalConclusion> ConclusionFromCode(std::string_view code) {
  return Find(code, kConclusions);
}
std::optional<law::Gender> GenderFromCode(std::string_view code) { return Find(code, kGenders); }

law::FacilityKind FacilityFromOrgType(std::string_view org_type) {
  if (org_type == "prison") return law::FacilityKind::kPrison;
  if (org_type == "detention_center") return law::FacilityKind::kDetentionCenter;
  return law::FacilityKind::kOther;
}

}  // namespace zj::models
