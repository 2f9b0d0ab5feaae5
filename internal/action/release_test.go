package action

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestReleaseDownload: with version naming a release, the install step
// downloads the runner's archive and the checksums file, checks one
// against the other, and installs the binary; a tampered archive stops the
// job before anything runs.
//
// The release is served on loopback ($APILINT_RELEASES_URL). It is the
// output of release/build.sh when APILINT_DIST names it (.ci/run builds the
// snapshot, then runs this test with it), else a release of the test's
// own binary packed by release/archive.go as build.sh packs it.
func TestReleaseDownload(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed: the install step downloads with curl, as on GitHub's runners")
	}
	if runtime.GOOS != "linux" || (runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64") {
		t.Skipf("the fake runner is Linux on X64 or ARM64, not %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	dist, version := os.Getenv("APILINT_DIST"), ""
	if dist != "" {
		sums, _ := filepath.Glob(filepath.Join(dist, "apilint_*_checksums.txt"))
		if len(sums) != 1 {
			t.Fatalf("APILINT_DIST=%s: want one apilint_VERSION_checksums.txt, found %q", dist, sums)
		}
		version = "v" + strings.TrimSuffix(strings.TrimPrefix(filepath.Base(sums[0]), "apilint_"), "_checksums.txt")
	} else {
		dist, version = fakeRelease(t)
	}
	srv := httptest.NewServer(http.StripPrefix("/"+version+"/", http.FileServer(http.Dir(dist))))
	defer srv.Close()

	run := func(t *testing.T) *result {
		j := newJob(t, t.TempDir(), map[string]string{"version": version}, pullRequest("shop/shop"))
		j.env["APILINT_RELEASES_URL"] = srv.URL
		j.until = stepInstall
		j.run()
		return j.step(stepInstall)
	}

	t.Run("verified", func(t *testing.T) {
		r := run(t)
		archive := "apilint_" + strings.TrimPrefix(version, "v") + "_linux_" + runtime.GOARCH + ".tar.gz"
		if r.exit != 0 || !strings.Contains(r.output, "downloading "+srv.URL+"/"+version+"/"+archive) {
			t.Fatalf("install of %s: exit %d, want %s downloaded:\n%s", version, r.exit, archive, r.output)
		}
		if os.Getenv("APILINT_DIST") != "" && !strings.Contains(r.output, "apilint "+version) {
			t.Errorf("the release binary does not say it is %s:\n%s", version, r.output)
		}
	})

	t.Run("tampered", func(t *testing.T) {
		archives, _ := filepath.Glob(filepath.Join(dist, "apilint_*_linux_"+runtime.GOARCH+".tar.gz"))
		if len(archives) != 1 {
			t.Fatalf("no linux/%s archive in %s", runtime.GOARCH, dist)
		}
		orig, err := os.ReadFile(archives[0])
		if err != nil {
			t.Fatal(err)
		}
		defer os.WriteFile(archives[0], orig, 0o644)
		if err := os.WriteFile(archives[0], append(append([]byte(nil), orig...), 0), 0o644); err != nil {
			t.Fatal(err)
		}
		r := run(t)
		if r.exit != 2 || !strings.Contains(r.output, "::error title=apilint::"+filepath.Base(archives[0])+" does not match") {
			t.Errorf("install of a tampered archive: exit %d, want 2 and an error:\n%s", r.exit, r.output)
		}
	})
}

// fakeRelease packs the shared test binary as release/build.sh packs a
// release, with release/archive.go, into a new directory.
func fakeRelease(t *testing.T) (dist, version string) {
	t.Helper()
	in := installOnce(t, pullRequest("shop/shop"))
	version = "v0.0.0-test"
	dist = t.TempDir()
	stage := t.TempDir()
	data, err := os.ReadFile(in.bin)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(stage, "README.md"), "apilint\n")
	if err := os.WriteFile(filepath.Join(stage, "apilint"), data, 0o755); err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(dist, "apilint_0.0.0-test_linux_"+runtime.GOARCH+".tar.gz")
	goRun(t, "release/archive.go", archive, stage, "apilint", "README.md")
	goRun(t, "release/archive.go", "-sums", filepath.Join(dist, "apilint_0.0.0-test_checksums.txt"), archive)
	return dist, version
}

func goRun(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"run"}, args...)...)
	cmd.Dir = repoRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}
