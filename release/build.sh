#!/usr/bin/env bash
# Builds apilint's release: a binary for each of linux, darwin and windows on
# amd64 and arm64 with its version stamped, an archive of each (tar.gz; zip
# for windows) and a SHA-256 checksums file, named as GoReleaser names them,
# so that action.yml downloads and verifies them the same way either way.
#
#   release/build.sh v1.2.3          # a release: HEAD must be tagged v1.2.3 and clean
#   release/build.sh --snapshot      # any commit: version 0.0.0-SNAPSHOT-<commit>
#
# Environment:
#   DIST      output directory (default: dist/ in the checkout; emptied first)
#   TARGETS   GOOS/GOARCH pairs to build (default: the six below)
#
# Only Go and git are needed: archives are written by release/archive.go,
# reproducibly (sorted, fixed modification time from the commit), so the
# same commit gives the same checksums on any machine.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

TARGETS=${TARGETS:-"linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64"}
DIST=${DIST:-$repo/dist}
case $DIST in /*) ;; *) DIST=$PWD/$DIST ;; esac

commit=$(git rev-parse HEAD)
case "${1:-}" in
--snapshot)
	version="0.0.0-SNAPSHOT-${commit:0:12}"
	tag="v$version"
	;;
v[0-9]*)
	tag=$1
	version=${tag#v}
	if [ "$(git tag --points-at HEAD | grep -Fx "$tag" || true)" != "$tag" ]; then
		echo "release: HEAD is not tagged $tag (git tag -a $tag, then run this again)" >&2
		exit 2
	fi
	if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
		echo "release: the work tree has changes; a release is built from a clean checkout" >&2
		exit 2
	fi
	;;
*)
	echo "usage: release/build.sh vX.Y.Z | --snapshot" >&2
	exit 2
	;;
esac
# The commit's time, not the clock's: reproducible archives.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct HEAD)}

rm -rf "$DIST"
mkdir -p "$DIST"
start=$(date +%s)
for t in $TARGETS; do
	os=${t%/*} arch=${t#*/}
	exe=apilint
	ext=tar.gz
	if [ "$os" = windows ]; then exe=apilint.exe ext=zip; fi
	dir="$DIST/apilint_${os}_${arch}"
	mkdir -p "$dir"
	echo "release: building $tag for $os/$arch" >&2
	# -buildvcs=true records the commit in the binary's build info (go
	# version -m) even where GOFLAGS turns it off; -X stamps the version
	# that apilint version and apilint --version print.
	CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -buildvcs=true \
		-ldflags "-s -w -X main.version=$tag" -o "$dir/$exe" ./cmd/apilint
	cp README.md "$dir/"
	go run release/archive.go "$DIST/apilint_${version}_${os}_${arch}.$ext" "$dir" "$exe" README.md
done
archives=()
for f in "$DIST"/apilint_"${version}"_*; do
	case $f in *.tar.gz | *.zip) archives+=("$f") ;; esac
done
go run release/archive.go -sums "$DIST/apilint_${version}_checksums.txt" "${archives[@]}"
n=$(echo $TARGETS | wc -w)
noun=targets
[ "$n" -eq 1 ] && noun=target
echo "release: $tag: $n $noun in $(($(date +%s) - start)) s; $DIST/apilint_${version}_checksums.txt:" >&2
cat "$DIST/apilint_${version}_checksums.txt" >&2
