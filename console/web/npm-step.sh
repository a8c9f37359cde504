#!/usr/bin/env bash
# The console's front end inside the Maven build, with the machine's npm (Maven cannot download Node here).
#   npm-step.sh build <output dir>            install dependencies if needed, type-check, build into <output dir>
#   npm-step.sh test <skipTests> <skip>       Vitest unit tests (skipped when either flag is true)
# Without npm the step says so loudly and the build goes on: the jar then serves a page saying the front
# end was not built, and the unit tests did not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

step="$1"
if ! command -v npm >/dev/null 2>&1; then
  echo "WARNING: npm not found: the staff console front end step '$step' is SKIPPED (install Node 20 and npm)" >&2
  exit 0
fi

# A fresh clone has no node_modules; an outdated one is refreshed from the lock file.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

case "$step" in
  build)
    npx vue-tsc --noEmit
    npx vite build --outDir "$2" --emptyOutDir
    ;;
  test)
    if [[ "${2:-false}" == true || "${3:-false}" == true ]]; then
      echo "console front end unit tests skipped (-DskipTests)"
      exit 0
    fi
    npx vitest run
    ;;
  *)
    echo "unknown step '$step'" >&2
    exit 2
    ;;
esac
