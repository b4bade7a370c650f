#!/usr/bin/env bash
# Runs the [plan-text] tests: every quote of geodata/plan.json verbatim in the plan's English text.
# The text is not in the repository; ATLAS_PLAN_TEXT names it (.ci/run sets it when the workspace has
# it). Without it the test reports itself skipped (exit 77), never passed.
set -u
tests=$1
if [ -z "${ATLAS_PLAN_TEXT:-}" ] || [ ! -s "$ATLAS_PLAN_TEXT" ]; then
  echo "skipped: ATLAS_PLAN_TEXT does not name the plan text (${ATLAS_PLAN_TEXT:-unset})"
  exit 77
fi
exec "$tests" "[plan-text]"
