#!/usr/bin/env bash
# Builds a golangci-lint v2 with apilint's module plugins from the Go module
# proxy alone: no git clone of golangci-lint's repository, which
# `golangci-lint custom` needs and many CI machines cannot reach.
#
#   plugin/build-custom-gcl.sh [output]     (default: bin/custom-gcl)
#
# It downloads the golangci-lint module at the pinned version, adds a file
# that imports apilint's plugin package, points the apilint module at this
# checkout, and builds ./cmd/golangci-lint. The go command's build cache
# makes rebuilds fast; a cold build takes a few minutes.
set -euo pipefail

GOLANGCI_VERSION=${GOLANGCI_VERSION:-v2.15.0}
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$repo/bin/custom-gcl}
case $out in /*) ;; *) out=$PWD/$out ;; esac

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

echo "downloading golangci-lint $GOLANGCI_VERSION from the module proxy" >&2
src=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/golangci/golangci-lint/v2@$GOLANGCI_VERSION" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src" ] || [ ! -d "$src" ]; then
	echo "build-custom-gcl: could not download golangci-lint $GOLANGCI_VERSION" >&2
	exit 1
fi
cp -R "$src" "$work/golangci-lint"
chmod -R u+w "$work/golangci-lint"
cd "$work/golangci-lint"

cat > cmd/golangci-lint/apilint_plugins.go <<'GO'
package main

// apilint's analyzers, registered as module plugins.
import _ "github.com/apilint/apilint/plugin"
GO
go mod edit -require=github.com/apilint/apilint@v0.0.0 -replace="github.com/apilint/apilint=$repo"
echo "building $out" >&2
mkdir -p "$(dirname "$out")"
GOFLAGS=-mod=mod GOWORK=off go build -trimpath -o "$out" ./cmd/golangci-lint
"$out" version >&2
