# Output guarantees under faults (README, Export; src/core/io/output_file.hpp, file_commit.hpp,
# interrupt.hpp). Each script takes the binary, works in a temporary folder it removes, injects its
# faults deterministically (strace, chattr, a 2 MB tmpfs, user nobody) and exits 77 (skipped) with a
# one-line reason where a requirement is missing (strace; root for mount, chattr and setpriv).
# Included from tests/CMakeLists.txt.

add_test(NAME outputs_shapefile_commit_kill_error_race
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/shapefile_commit.sh $<TARGET_FILE:clusteratlas>)
if(ATLAS_BUILD_VIEWER)  # both write figures with render
  add_test(NAME outputs_png_full_disk_keeps_old_figure
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/png_full_disk.sh $<TARGET_FILE:clusteratlas>)
  add_test(NAME outputs_temp_files_private_and_removed
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/temp_files.sh $<TARGET_FILE:clusteratlas>)
  set_tests_properties(outputs_png_full_disk_keeps_old_figure outputs_temp_files_private_and_removed
    PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
endif()
add_test(NAME outputs_stdout_write_errors_exit_4
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/stdout_errors.sh $<TARGET_FILE:clusteratlas>)
add_test(NAME outputs_permission_denied_exit_4_or_3
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/permissions.sh $<TARGET_FILE:clusteratlas>)
add_test(NAME outputs_kml_export_fast_and_interruptible
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/kml_interrupt.sh $<TARGET_FILE:clusteratlas>)
add_test(NAME outputs_full_disk_every_format
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/full_disk_formats.sh $<TARGET_FILE:clusteratlas>)
# Every signal x format x existing/fresh target, 2 runs each (bench/KILL-MATRIX.md: 20 runs each).
add_test(NAME outputs_kill_matrix_2_runs
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/../../scripts/kill-matrix --runs 2 $<TARGET_FILE:clusteratlas>)

set_tests_properties(
  outputs_shapefile_commit_kill_error_race
  outputs_stdout_write_errors_exit_4
  outputs_permission_denied_exit_4_or_3
  outputs_kml_export_fast_and_interruptible
  outputs_full_disk_every_format
  PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
# 114 s on an idle 2-core machine: the timeout only stops a hung run.
set_tests_properties(outputs_kill_matrix_2_runs PROPERTIES TIMEOUT 360 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
