#!/usr/bin/env bash
# `npm test`: everything a change must pass, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Type check"
npm run check
step "Lint"
npm run lint
step "Unit and integration tests (PGlite)"
npx vitest run
step "Integration tests (PostgreSQL)"
bash scripts/with-postgres.sh npx vitest run --project integration
step "Build"
npx vite build
step "End-to-end tests (Chromium)"
# Beside a throwaway PostgreSQL server too: the cluster test runs the production server on it.
PG_OPTIONAL=1 bash scripts/with-postgres.sh npx playwright test
