#include "domain/exchange_tables.h"
#include <gtest/gtest.h>
TEST(ExchangeTables, Placeholder) { EXPECT_NE(zj::domain::FindTable("positions"), nullptr); }
