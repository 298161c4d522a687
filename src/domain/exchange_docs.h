#pragma once
// The Chinese reference of the exchange tables (docs/exchange-tables.md), generated
// from the declaration so that it cannot drift. Pure; thread-safe.

#include <string>

namespace zj::domain {

std::string ExchangeTablesMarkdown();

}  // namespace zj::domain
