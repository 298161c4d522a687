# zj_auth: accounts, sessions, roles × jurisdiction, on top of storage (account_store,
# audit_store) and models (jurisdiction). See src/api/auth/*.h.
zj_cc_library(NAME zj_auth
  SRCS auth/roles.cc auth/password.cc auth/accounts.cc auth/scope.cc
  DEPS zj_storage zj_models PkgConfig::SODIUM nlohmann_json::nlohmann_json)
zj_cc_test(NAME auth_test
  SRCS auth/roles_test.cc auth/password_test.cc auth/accounts_test.cc
  DEPS zj_auth)
zj_cc_test(NAME auth_scope_test SRCS auth/scope_test.cc DEPS zj_auth zj_store_testing)
zj_cc_test(NAME auth_cli_test SRCS auth/cli_test.cc DEPS zj_auth zj_test_support)
