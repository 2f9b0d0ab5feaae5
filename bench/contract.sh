#!/usr/bin/env bash
# Times apilint contract diff against oasdiff's library used as `oasdiff
# breaking` uses it (bench/contract/peer), on Stripe's 2023-03-15 and
# 2023-09-12 specs, in one run; prints wall time, peak RSS, their ratios,
# the error-level (rule, operation) pairs of both and the finding counts.
# Usage: bash bench/contract.sh [RUNS]   (SPECS=dir overrides ../shared/specs)
set -euo pipefail
cd "$(dirname "$0")/.."
specs=${SPECS:-../shared/specs}
base=$specs/stripe-2023-03-15.yaml
rev=$specs/stripe-2023-09-12.yaml
if [ ! -f "$base" ] || [ ! -f "$rev" ]; then
  echo "bench/contract.sh: skipped: $base and $rev are not there (set SPECS=dir)"
  exit 0
fi
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/peer" ./bench/contract/peer
go build -o "$bin/apilint" ./cmd/apilint
go run ./bench/contract/harness -peer "$bin/peer" -apilint "$bin/apilint" -runs "${1:-3}" "$base" "$rev"
