#!/usr/bin/env bash
# Runs the [counties] tests against the county layer scripts/fetch-counties built (never committed:
# its data may not be redistributed). Without the layer the test reports itself skipped (exit 77).
set -u
tests=$1
layer=${ATLAS_COUNTY_LAYER:-$2}
if [ ! -s "$layer" ]; then
  echo "skipped: no county layer at $layer (scripts/fetch-counties builds it; make test runs it)"
  exit 77
fi
# A build without the viewer has no render: its [gl] cases are left out, as in the other tests.
spec="[counties]"
[ "${ATLAS_HAVE_VIEWER:-1}" = 0 ] && spec="[counties]~[gl]"
CLUSTERATLAS_COUNTIES=$layer exec "$tests" "$spec"
