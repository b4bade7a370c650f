# Installation: the installed tree works outside the checkout; the desktop files validate; the
# sources keep the project's .clang-format. Included from tests/CMakeLists.txt.
add_test(NAME install_tree_works_outside_checkout
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/install_tree.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(install_tree_works_outside_checkout PROPERTIES TIMEOUT 120)

if(ATLAS_BUILD_VIEWER)
  add_test(NAME desktop_entry_and_metainfo_validate
    COMMAND bash -c "desktop-file-validate \"$1\" && appstreamcli validate --no-net --pedantic \"$2\""
            _ ${PROJECT_SOURCE_DIR}/assets/org.clusteratlas.ClusterAtlas.desktop
            ${PROJECT_BINARY_DIR}/assets/org.clusteratlas.ClusterAtlas.metainfo.xml)
endif()

add_test(NAME sources_follow_clang_format
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/format_check.sh ${PROJECT_SOURCE_DIR})

# Core and command line never include GL, EGL, GLFW or Dear ImGui (only render_backend_gl.cpp and
# cmd_view.cpp reach the viewer); a build without the viewer links none of them.
add_test(NAME core_and_cli_free_of_gl
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/gl_free_check.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:clusteratlas>)
