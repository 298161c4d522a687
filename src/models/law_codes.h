#pragma once
// EXCHANGE v1 codes (domain/codes.h) → the law engine's enums (law/facts.h), by name.
// The two lists are kept apart on purpose: the law enums need not follow the exchange's
// order, and a code added to the exchange must be mapped here deliberately (a test walks
// every code list and fails on a code without a mapping).
//
// nullopt = not a code of that list. Pure; thread-safe.

#include <optional>
#include <string_view>

#include "law/facts.h"

namespace zj::models {

std::optional<law::Penalty> PenaltyFromCode(std::string_view code);
std::optional<law::Category> CategoryFromCode(std::string_view code);
std::optional<law::ChangeType> ChangeTypeFromCode(std::string_view code);
std::optional<law::Basis> BasisFromCode(std::string_view code);
std::optional<law::Opinion> OpinionFromCode(std::string_view code);
std::optional<law::CustodyEventKind> CustodyEventFromCode(std::string_view code);
std::optional<law::MedicalConclusion> ConclusionFromCode(std::string_view code);
std::optional<law::Gender> GenderFromCode(std::string_view code);
// orgs.org_type → where a person is held: prison, detention_center, anything else kOther.
law::FacilityKind FacilityFromOrgType(std::string_view org_type);

}  // namespace zj::models
