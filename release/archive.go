//go:build ignore

// Archive writes release/build.sh's archives and checksums file with Go's
// standard library alone (no zip, tar or sha256sum flavours to depend on),
// reproducibly: entries in the order given, owned by root, with the
// modification time $SOURCE_DATE_EPOCH.
//
//	go run release/archive.go OUT.tar.gz|OUT.zip DIR FILE...   archive DIR/FILE... as FILE...
//	go run release/archive.go -sums OUT FILE...                 "<sha256>  <base name>" per FILE
package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: archive OUT DIR FILE... | archive -sums OUT FILE...")
		os.Exit(2)
	}
	var err error
	if os.Args[1] == "-sums" {
		err = sums(os.Args[2], os.Args[3:])
	} else {
		err = archive(os.Args[1], os.Args[2], os.Args[3:])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "archive:", err)
		os.Exit(1)
	}
}

// modTime is $SOURCE_DATE_EPOCH, the commit's time, so that the same commit
// gives the same archive bytes.
func modTime() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Unix(0, 0).UTC()
}

func archive(out, dir string, names []string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if strings.HasSuffix(out, ".zip") {
		err = writeZip(f, dir, names)
	} else {
		err = writeTarGz(f, dir, names)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", out, err)
	}
	return nil
}

// mode keeps the executable bit of the binary and nothing else of the
// builder's umask.
func mode(fi os.FileInfo) int64 {
	if fi.Mode()&0o111 != 0 {
		return 0o755
	}
	return 0o644
}

func writeTarGz(w io.Writer, dir string, names []string) error {
	gz := gzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	for _, name := range names {
		path := filepath.Join(dir, name)
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: name, Mode: mode(fi), Size: fi.Size(), ModTime: modTime(), Format: tar.FormatPAX, Uname: "root", Gname: "root"}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if err := copyFile(tw, path); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, dir string, names []string) error {
	zw := zip.NewWriter(w)
	for _, name := range names {
		path := filepath.Join(dir, name)
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		hdr := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modTime()}
		hdr.SetMode(os.FileMode(mode(fi)))
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if err := copyFile(fw, path); err != nil {
			return err
		}
	}
	return zw.Close()
}

func copyFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// sums writes the checksums file in sha256sum's format, which
// `sha256sum -c` and the action read.
func sums(out string, files []string) error {
	var b strings.Builder
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fmt.Fprintf(&b, "%x  %s\n", h.Sum(nil), filepath.Base(path))
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
