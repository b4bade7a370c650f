# The Debian package: cmake --build build --target package (or: cd build && cpack -G DEB).
# Shared-library dependencies are read from the binary by dpkg-shlibdeps; the data packages it
# cannot see (PROJ's grids and database, the CJK font the labels use) are named here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME clusteratlas)
set(CPACK_PACKAGE_VENDOR "ClusterAtlas developers")
set(CPACK_PACKAGE_CONTACT "ClusterAtlas developers <clusteratlas@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "China's plan for strategic emerging industries on a map")
# The summary is the Description line; these lines follow it (CPack indents them).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "The 13th Five-Year Plan for Strategic Emerging Industries (State Council, 2016):\nits regions built from their member prefecture-level units, one layer per\nindustry, the plan's words behind every designation, an OpenGL viewer, and\na command line that lists, compares, exports (GeoJSON, GeoPackage, Shapefile,\nFlatGeobuf, KML, CSV, PostGIS) and renders figures without a display.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Read at run time: Noto Sans CJK sets the text of every figure (PNG, SVG, PDF; scene/painter.hpp).
set(ATLAS_DEB_DEPENDS "proj-data, fonts-noto-cjk")
if(ATLAS_BUILD_VIEWER)
  # Loaded at run time, not linked, so dpkg-shlibdeps cannot see them: libepoxy opens libEGL.so.1
  # (headless render) and GLFW libGL.so.1 (the viewer); Mesa's EGL and llvmpipe draw without a GPU;
  string(APPEND ATLAS_DEB_DEPENDS ", libegl1, libegl-mesa0, libgl1, libgl1-mesa-dri")
else()
  set(CPACK_PACKAGE_NAME clusteratlas-cli)
  set(CPACK_DEBIAN_PACKAGE_CONFLICTS clusteratlas)
  set(CPACK_DEBIAN_PACKAGE_REPLACES clusteratlas)
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS ${ATLAS_DEB_DEPENDS})
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gdal-bin, postgresql-client")
set(CPACK_STRIP_FILES ON)
include(CPack)
