# zj_cc_library(NAME name SRCS ... DEPS ...) and zj_cc_test(NAME name SRCS ... DEPS ...):
# the two helpers every folder uses (after Abseil's absl_cc_library / absl_cc_test).
function(zj_cc_library)
  cmake_parse_arguments(ZJ "" "NAME" "SRCS;DEPS" ${ARGN})
  add_library(${ZJ_NAME} STATIC ${ZJ_SRCS})
  target_include_directories(${ZJ_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_link_libraries(${ZJ_NAME} PUBLIC ${ZJ_DEPS})
  target_compile_options(${ZJ_NAME} PRIVATE ${ZJ_WARNINGS})
endfunction()

function(zj_cc_test)
  cmake_parse_arguments(ZJ "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${ZJ_NAME} ${ZJ_SRCS})
  target_include_directories(${ZJ_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_link_libraries(${ZJ_NAME} PRIVATE ${ZJ_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_options(${ZJ_NAME} PRIVATE ${ZJ_WARNINGS})
  target_compile_definitions(${ZJ_NAME} PRIVATE ZJ_SOURCE_DIR_DEFAULT="${PROJECT_SOURCE_DIR}"
    ZJ_BINARY_DEFAULT="${PROJECT_BINARY_DIR}/apps/zhijian/zhijian")
  add_dependencies(${ZJ_NAME} zhijian)
  gtest_discover_tests(${ZJ_NAME} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "ZJ_SOURCE_DIR=${PROJECT_SOURCE_DIR};ZJ_BINARY=$<TARGET_FILE:zhijian>")
endfunction()
