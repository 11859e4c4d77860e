# CI's sanitizer and fuzz steps, run by the plain `ctest` of the README's test command: a second
# build folder (build/sanitize) configured with clang and -DTARTAN_FUZZ=ON (ASan + UBSan, with
# libFuzzer coverage), built once for both steps. Then ctest in that folder runs every fuzzer
# for TARTAN_FUZZ_SECONDS on its seed corpus (label fuzz) and the fast test labels under the
# sanitizers; any failure, sanitizer report or fuzzer finding there fails these tests.
# Off by default for now: -DTARTAN_SANITIZER_CI=ON adds them. They have not yet had a clean run
# end to end (the weights fuzzer reaches a 31 s stall inside libhdf5 1.10.8), and a fuzzer
# finding inside CI's minute would fail a submission by chance; turn it on once they have.
find_program(TARTAN_CLANGXX clang++)
find_program(TARTAN_CLANG clang)
option(TARTAN_SANITIZER_CI "ctest builds a clang ASan/UBSan tree and fuzzes" OFF)
if(NOT TARTAN_SANITIZER_CI OR TARTAN_SANITIZE OR TARTAN_FUZZ OR NOT TARTAN_CLANGXX OR NOT TARTAN_CLANG)
  return()
endif()

set(tree ${CMAKE_BINARY_DIR}/sanitize)
set(fast_labels lang errors unit reference passes)
set(targets tartan_fuzzers)
foreach(label ${fast_labels})
  list(APPEND targets tartan_${label}_tests)
endforeach()
set(launchers)
foreach(lang C CXX)
  if(CMAKE_${lang}_COMPILER_LAUNCHER)
    list(APPEND launchers -DCMAKE_${lang}_COMPILER_LAUNCHER=${CMAKE_${lang}_COMPILER_LAUNCHER})
  endif()
endforeach()

add_test(NAME sanitizer_tree_configure
         COMMAND ${CMAKE_COMMAND} -S ${PROJECT_SOURCE_DIR} -B ${tree} -G ${CMAKE_GENERATOR}
                 -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=${TARTAN_CLANG}
                 -DCMAKE_CXX_COMPILER=${TARTAN_CLANGXX} -DTARTAN_FUZZ=ON ${launchers})
add_test(NAME sanitizer_tree_build COMMAND ${CMAKE_COMMAND} --build ${tree} --target ${targets})
set_tests_properties(sanitizer_tree_configure PROPERTIES LABELS sanitizer
                     FIXTURES_SETUP sanitizer_configured TIMEOUT 600)
set_tests_properties(sanitizer_tree_build PROPERTIES LABELS sanitizer
                     FIXTURES_REQUIRED sanitizer_configured FIXTURES_SETUP sanitizer_built
                     TIMEOUT 3600)

string(JOIN "|" label_regex ${fast_labels})
add_test(NAME sanitizer_fuzz
         COMMAND ${CMAKE_CTEST_COMMAND} --test-dir ${tree} -L fuzz --output-on-failure)
add_test(NAME sanitizer_fast_labels
         COMMAND ${CMAKE_CTEST_COMMAND} --test-dir ${tree} -L "^(${label_regex})$"
                 --output-on-failure)
set_tests_properties(sanitizer_fuzz sanitizer_fast_labels PROPERTIES LABELS sanitizer
                     FIXTURES_REQUIRED "sanitizer_configured;sanitizer_built" TIMEOUT 3600)
