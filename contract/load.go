package contract

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	yaml "go.yaml.in/yaml/v3"
)

// LoadOptions say where and how far a spec may be read from.
type LoadOptions struct {
	// Dir is the directory relative file names and git commands start
	// from; "" is the current directory.
	Dir string
	// Stdin is read for the argument "-".
	Stdin io.Reader
	// AllowExternalRefs lets $refs to http(s) URLs be fetched. Off, such
	// a $ref is an error and no connection is made.
	AllowExternalRefs bool
	// Bounds limit the size of every file read; zero fields take
	// DefaultBounds.
	Bounds Bounds
	// KeepTrees keeps an outline of each file's YAML so that findings can
	// name a line.
	KeepTrees bool
	// HTTPClient fetches external refs when they are allowed; nil uses a
	// client with a 30 second timeout.
	HTTPClient *http.Client
}

// Spec is a loaded OpenAPI document with every $ref resolved.
type Spec struct {
	// Name is the argument it was loaded from, as the user wrote it.
	Name string
	// T is the document, as kin-openapi models it.
	T *openapi3.T

	// docs holds every file read, by the URL path the loader knows it
	// by; root is the key of the file named on the command line.
	docs map[string]*document
	root string
}

// sourceKind is how a spec argument is read.
type sourceKind int

const (
	fromFile sourceKind = iota
	fromStdin
	fromGit
)

// gitTree is the URL path prefix under which the blobs of a git tree are
// known to the loader: refs between them resolve like paths, and one that
// climbs out of the tree no longer starts with the prefix.
const gitTree = "/.git-tree"

// specReader reads one spec and the files it refers to, inside the
// spec's own directory tree.
type specReader struct {
	opts LoadOptions
	kind sourceKind
	name string
	// rootDir is the directory (a filesystem path for files, a URL path
	// under gitTree for git) that relative refs must stay in; realRoot is
	// its filesystem path with symlinks resolved.
	rootDir  string
	realRoot string
	// gitRef and gitDir locate blobs for fromGit.
	gitRef string
	gitDir string

	docs map[string]*document
	// batch reads blobs for fromGit.
	batch *gitBatch
	// refErr is the first refusal, reported instead of whatever
	// kin-openapi makes of it.
	refErr error
}

// classify tells how arg is read: "-" is stdin, an existing file is that
// file, and REF:path is a blob in git.
func classify(arg, dir string) sourceKind {
	if arg == "-" {
		return fromStdin
	}
	if _, err := os.Stat(inDir(dir, arg)); err == nil {
		return fromFile
	}
	ref, p, ok := strings.Cut(arg, ":")
	if ok && ref != "" && p != "" && !strings.Contains(arg, "://") && !strings.HasPrefix(ref, "-") &&
		!(len(ref) == 1 && filepath.VolumeName(arg) != "") {
		return fromGit
	}
	return fromFile
}

func inDir(dir, name string) string {
	if dir == "" || filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(dir, name)
}

// Load reads the spec named by arg: a file, "-" for standard input, or
// GITREF:path for a file as git has it at that ref (origin/main:api.yaml),
// which leaves the work tree alone; path is relative to the working
// directory (as a file's is), or to the repository's root with a leading
// slash. Its relative $refs must stay inside
// its directory; http(s) $refs need AllowExternalRefs. Every error is one
// line that names the file and, where known, the line.
func Load(arg string, opts LoadOptions) (spec *Spec, err error) {
	if opts.Bounds.MaxFileBytes <= 0 {
		opts.Bounds.MaxFileBytes = DefaultBounds.MaxFileBytes
	}
	if opts.Bounds.MaxNodes <= 0 {
		opts.Bounds.MaxNodes = DefaultBounds.MaxNodes
	}
	if opts.Bounds.MaxDepth <= 0 {
		opts.Bounds.MaxDepth = DefaultBounds.MaxDepth
	}
	r := &specReader{opts: opts, kind: classify(arg, opts.Dir), name: arg, docs: map[string]*document{}}
	if r.kind == fromStdin {
		r.name = "<stdin>"
	}
	defer r.close()
	defer func() {
		// kin-openapi was not written for hostile input; a panic on one
		// is a malformed spec, not a crash of ours.
		if p := recover(); p != nil {
			spec, err = nil, fmt.Errorf("%s: cannot be loaded as OpenAPI: %v", r.name, p)
		}
	}()
	rootKey, data, err := r.readRoot(arg)
	if err != nil {
		return nil, err
	}
	tree, err := parseTree(r.name, data, opts.Bounds)
	if err != nil {
		return nil, err
	}
	doc := &document{key: rootKey, name: r.name, root: tree}
	r.docs[rootKey] = doc
	if err := checkVersionField(r.name, doc); err != nil {
		return nil, err
	}
	if doc.json, err = toJSON(r, doc, opts.Bounds); err != nil {
		return nil, err
	}

	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true // the policy is ours: see read
	loader.ReadFromURIFunc = r.read
	t, err := loader.LoadFromDataWithPath(doc.json, &url.URL{Path: rootKey})
	if r.refErr != nil {
		return nil, r.refErr
	}
	if err != nil {
		return nil, structureError(r.name, doc, err)
	}
	for _, d := range r.docs {
		// Parsed: only an outline is worth keeping.
		if opts.KeepTrees {
			d.outline = newOutline(d.root, map[*yaml.Node]*outline{})
		}
		d.json, d.index, d.root = nil, nil, nil
	}
	return &Spec{Name: r.name, T: t, docs: r.docs, root: rootKey}, nil
}

// checkVersionField refuses documents that are not OpenAPI 3 before
// kin-openapi tries to read them as such and fails somewhere inside.
func checkVersionField(name string, doc *document) error {
	n := doc.root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: not a valid OpenAPI document: the top level is not a mapping", name, n.Line)
	}
	if v := child(n, "swagger"); v != nil {
		return fmt.Errorf("%s:%d: a Swagger 2.0 document; apilint reads OpenAPI 3.0 and 3.1", name, v.Line)
	}
	v := child(n, "openapi")
	if v == nil {
		return fmt.Errorf("%s:%d: not an OpenAPI document: no openapi field", name, n.Line)
	}
	if v.Kind != yaml.ScalarNode || !strings.HasPrefix(v.Value, "3.") {
		return fmt.Errorf("%s:%d: openapi: %s is not OpenAPI 3.0 or 3.1", name, v.Line, oneLine(v.Value))
	}
	return nil
}

// jsonField finds the field in encoding/json's type errors
// ("cannot unmarshal number into field T.paths of type ...").
var jsonField = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`into (?:Go struct )?field ([A-Za-z0-9_.]+) of type`) })

// structureError words kin-openapi's failure to read the document's
// structure as one line, with the line of the field where it names one.
func structureError(name string, doc *document, err error) error {
	msg := oneLine(err.Error())
	msg = strings.TrimPrefix(msg, "failed to unmarshal data: json error: ")
	if i := strings.Index(msg, ", yaml error:"); i >= 0 {
		msg = msg[:i]
	}
	if m := jsonField().FindStringSubmatch(msg); m != nil && doc.root != nil {
		// "T.info.version": the first part is the Go type, the rest are
		// the document's keys.
		parts := strings.Split(m[1], ".")[1:]
		for i, p := range parts {
			parts[i] = strings.ToLower(p[:1]) + p[1:]
		}
		outlined := *doc
		outlined.outline = newOutline(doc.root, map[*yaml.Node]*outline{})
		s := &Spec{docs: map[string]*document{"": &outlined}}
		if pos := s.position(parts...); pos.Line > 0 {
			return fmt.Errorf("%s:%d: not a valid OpenAPI document: %s", name, pos.Line, msg)
		}
	}
	return fmt.Errorf("%s: not a valid OpenAPI document: %s", name, msg)
}

// readRoot reads the root document and fixes the directory its refs must
// stay in. It returns the URL path the loader will know the root by.
func (r *specReader) readRoot(arg string) (string, []byte, error) {
	switch r.kind {
	case fromStdin:
		if r.opts.Stdin == nil {
			return "", nil, fmt.Errorf("<stdin>: no standard input to read")
		}
		data, err := readBounded(r.opts.Stdin, r.opts.Bounds.MaxFileBytes)
		if err != nil {
			return "", nil, fmt.Errorf("<stdin>: %w", err)
		}
		// A spec on stdin refers to files beside the current directory.
		dir, err := filepath.Abs(inDir(r.opts.Dir, "."))
		if err != nil {
			return "", nil, fmt.Errorf("<stdin>: %w", err)
		}
		if err := r.setRoot(dir); err != nil {
			return "", nil, err
		}
		return filepath.ToSlash(filepath.Join(dir, "stdin.yaml")), data, nil
	case fromGit:
		ref, p, _ := strings.Cut(arg, ":")
		r.gitRef, r.gitDir = ref, r.opts.Dir
		if !strings.HasPrefix(p, "/") {
			// Relative to the working directory, as the revision's path
			// is (origin/main:api.yaml beside api.yaml, in a module in a
			// subdirectory too); /path is from the repository's root.
			prefix, err := r.git("rev-parse", "--show-prefix")
			if err != nil {
				return "", nil, fmt.Errorf("%s: %w", arg, err)
			}
			p = path.Join(strings.TrimSpace(string(prefix)), p)
		}
		p = path.Clean(strings.TrimPrefix(p, "/"))
		if strings.HasPrefix(p, "../") || p == ".." {
			return "", nil, fmt.Errorf("%s: the path leaves the repository", arg)
		}
		key := gitTree + "/" + p
		r.rootDir = path.Dir(key)
		data, err := r.blob(p)
		if err != nil {
			return "", nil, fmt.Errorf("%s: %w", arg, err)
		}
		return key, data, nil
	}
	file := inDir(r.opts.Dir, arg)
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", arg, err)
	}
	if err := r.setRoot(filepath.Dir(abs)); err != nil {
		return "", nil, err
	}
	data, err := readFile(abs, r.opts.Bounds.MaxFileBytes)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", arg, unwrapPathError(err))
	}
	return filepath.ToSlash(abs), data, nil
}

func (r *specReader) setRoot(dir string) error {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return fmt.Errorf("%s: %w", r.name, unwrapPathError(err))
	}
	r.rootDir, r.realRoot = filepath.ToSlash(dir), real
	return nil
}

// read is the loader's ReadFromURIFunc: every file kin-openapi reads
// comes through here, so the whole policy applies to it.
func (r *specReader) read(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
	if r.refErr != nil {
		return nil, r.refErr
	}
	data, err := r.readRef(u)
	if err != nil && r.refErr == nil {
		r.refErr = err
	}
	return data, err
}

func (r *specReader) readRef(u *url.URL) ([]byte, error) {
	switch {
	case u.Scheme == "http" || u.Scheme == "https":
		if !r.opts.AllowExternalRefs {
			return nil, fmt.Errorf("%s: $ref to %s is external; apilint makes no network requests unless --allow-external-refs is given", r.name, redact(u))
		}
		return r.fetch(u)
	case u.Scheme != "" && u.Scheme != "file", u.Host != "":
		return nil, fmt.Errorf("%s: $ref to %s: only relative file references are read", r.name, redact(u))
	}
	key := path.Clean(u.Path)
	d, err := r.doc(key)
	var re refError
	if errors.As(err, &re) {
		return nil, fmt.Errorf("%s: $ref to %s%s", r.name, r.display(key), re.tail)
	}
	if err != nil {
		return nil, err
	}
	if d.json == nil {
		if d.json, err = toJSON(r, d, r.opts.Bounds); err != nil {
			return nil, err
		}
	}
	return d.json, nil
}

// refError is why a file that a $ref names cannot be read; its message
// follows the file's name (" leaves the spec's directory", ": no such
// file or directory").
type refError struct{ tail string }

func (e refError) Error() string { return e.tail }

// doc returns the file known as key, reading and parsing it the first
// time, inside the spec's own tree.
func (r *specReader) doc(key string) (*document, error) {
	if d, ok := r.docs[key]; ok {
		return d, nil
	}
	if !inside(key, r.rootDir) {
		return nil, refError{" leaves the spec's directory; refusing to read it"}
	}
	var data []byte
	var err error
	if r.kind == fromGit {
		data, err = r.blob(strings.TrimPrefix(key, gitTree+"/"))
	} else {
		data, err = r.readLocal(key)
	}
	if err != nil {
		return nil, refError{": " + oneLine(err.Error())}
	}
	name := r.display(key)
	tree, err := parseTree(name, data, r.opts.Bounds)
	if err != nil {
		return nil, err
	}
	d := &document{key: key, name: name, root: tree}
	r.docs[key] = d
	return d, nil
}

// readLocal reads a referenced file, after making sure that following
// its symlinks does not lead out of the spec's directory either.
func (r *specReader) readLocal(key string) ([]byte, error) {
	file := filepath.FromSlash(key)
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if !inside(filepath.ToSlash(real), filepath.ToSlash(r.realRoot)) {
		return nil, errors.New("a symlink leads out of the spec's directory; refusing to read it")
	}
	data, err := readFile(real, r.opts.Bounds.MaxFileBytes)
	return data, unwrapPathError(err)
}

// display names a file for messages: relative to the spec's directory
// where it is inside it.
func (r *specReader) display(key string) string {
	if r.kind == fromGit {
		if p, ok := strings.CutPrefix(key, gitTree+"/"); ok {
			return r.gitRef + ":" + p
		}
		return strings.TrimPrefix(key, gitTree)
	}
	if rel, err := filepath.Rel(filepath.FromSlash(r.rootDir), filepath.FromSlash(key)); err == nil && !strings.HasPrefix(rel, "..") {
		base := filepath.Dir(r.name)
		if r.kind == fromStdin {
			base = "."
		}
		return filepath.ToSlash(filepath.Join(base, rel))
	}
	return key
}

// inside reports whether p is dir or below it.
func inside(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, "/")+"/")
}

// fetch reads an external ref when they are allowed, bounded like a file.
func (r *specReader) fetch(u *url.URL) ([]byte, error) {
	key := u.String()
	if d, ok := r.docs[key]; ok {
		return d.json, nil
	}
	client := r.opts.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	resp, err := client.Get(key)
	if err != nil {
		return nil, fmt.Errorf("%s: $ref to %s: %s", r.name, redact(u), oneLine(err.Error()))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: $ref to %s: HTTP status %s", r.name, redact(u), resp.Status)
	}
	data, err := readBounded(resp.Body, r.opts.Bounds.MaxFileBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: $ref to %s: %w", r.name, redact(u), err)
	}
	tree, err := parseTree(redact(u), data, r.opts.Bounds)
	if err != nil {
		return nil, err
	}
	// Its own $refs are kin-openapi's to resolve against its URL.
	doc := &document{key: key, name: redact(u), root: tree}
	if doc.json, err = toJSON(nil, doc, r.opts.Bounds); err != nil {
		return nil, err
	}
	r.docs[key] = doc
	return doc.json, nil
}

// redact drops credentials and queries from a URL before it is printed.
func redact(u *url.URL) string {
	c := *u
	c.User, c.RawQuery, c.Fragment = nil, "", ""
	return c.String()
}

// blob reads path from the git tree at the spec's ref. One git cat-file
// --batch process serves every file of the spec (DigitalOcean's has over
// a thousand); its header gives the size before the content, so an
// oversized blob is refused before it is kept.
func (r *specReader) blob(p string) ([]byte, error) {
	obj := r.gitRef + ":" + p
	if strings.ContainsAny(obj, "\n\r") {
		return nil, fmt.Errorf("git cat-file: a line break in %q", obj)
	}
	if r.batch == nil {
		b, err := startBatch(r.gitDir)
		if err != nil {
			return nil, err
		}
		r.batch = b
	}
	data, size, err := r.batch.read(obj, r.opts.Bounds.MaxFileBytes)
	switch {
	case errors.Is(err, errMissing):
		// git's own words for why (no such ref, no such path).
		if _, gerr := r.git("cat-file", "-e", obj); gerr != nil {
			return nil, gerr
		}
		return nil, fmt.Errorf("git cat-file: %s does not exist", obj)
	case err != nil:
		return nil, err
	case data == nil:
		return nil, fmt.Errorf("%d bytes is over the limit of %d bytes", size, r.opts.Bounds.MaxFileBytes)
	}
	return data, nil
}

// close ends the git process, if one was started.
func (r *specReader) close() {
	if r.batch != nil {
		r.batch.close()
		r.batch = nil
	}
}

// errMissing is git cat-file --batch's answer for an object it cannot
// find.
var errMissing = errors.New("missing")

// gitBatch is a running git cat-file --batch.
type gitBatch struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startBatch(dir string) (*gitBatch, error) {
	cmd := exec.CommandContext(context.Background(), "git", "cat-file", "--batch")
	cmd.Dir = dir
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	return &gitBatch{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<16)}, nil
}

// read asks for obj and reads the answer: the content, or nil and the
// size when it is over max.
func (b *gitBatch) read(obj string, max int64) ([]byte, int64, error) {
	if _, err := io.WriteString(b.in, obj+"\n"); err != nil {
		return nil, 0, fmt.Errorf("git cat-file: %w", err)
	}
	header, err := b.out.ReadString('\n')
	if err != nil {
		return nil, 0, fmt.Errorf("git cat-file: %w", err)
	}
	fields := strings.Fields(header)
	if len(fields) == 2 && (fields[1] == "missing" || fields[1] == "ambiguous") {
		return nil, 0, errMissing
	}
	if len(fields) != 3 {
		return nil, 0, fmt.Errorf("git cat-file: unexpected answer %q", strings.TrimSpace(header))
	}
	size, err := strconv.ParseInt(fields[2], 10, 64)
	if err != nil {
		return nil, 0, fmt.Errorf("git cat-file: unexpected answer %q", strings.TrimSpace(header))
	}
	if size > max {
		// Read past it (and its newline) to keep the stream in step.
		if _, err := io.CopyN(io.Discard, b.out, size+1); err != nil {
			return nil, 0, fmt.Errorf("git cat-file: %w", err)
		}
		return nil, size, nil
	}
	data := make([]byte, size+1)
	if _, err := io.ReadFull(b.out, data); err != nil {
		return nil, 0, fmt.Errorf("git cat-file: %w", err)
	}
	if fields[1] != "blob" {
		return nil, 0, fmt.Errorf("git cat-file: %s is a %s, not a file", obj, fields[1])
	}
	return data[:size], size, nil
}

func (b *gitBatch) close() {
	b.in.Close()
	b.cmd.Wait()
}

// git runs git in the spec's directory and returns its output.
func (r *specReader) git(args ...string) ([]byte, error) {
	cmd := exec.CommandContext(context.Background(), "git", args...)
	cmd.Dir = r.gitDir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := oneLine(strings.TrimSpace(stderr.String()))
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}

// readFile reads a regular file of at most max bytes. It looks before it
// opens, and opens without blocking: opening a named pipe (or a device)
// for reading waits for a writer that may never come.
func readFile(name string, max int64) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Again on what was opened, in case the name changed in between.
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	if st.Size() > max {
		return nil, fmt.Errorf("%d bytes is over the limit of %d bytes", st.Size(), max)
	}
	return readBounded(f, max)
}

// regular refuses anything but a regular file, saying what it is.
func regular(st os.FileInfo) error {
	m := st.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("a directory, not a file")
	case m&os.ModeNamedPipe != 0:
		return errors.New("a named pipe, not a regular file; refusing to read it")
	case m&os.ModeSocket != 0:
		return errors.New("a socket, not a regular file; refusing to read it")
	case m&os.ModeDevice != 0:
		return errors.New("a device, not a regular file; refusing to read it")
	}
	return errors.New("not a regular file; refusing to read it")
}

// readBounded reads at most max bytes and fails if there are more.
func readBounded(rd io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("more than the limit of %d bytes", max)
	}
	return data, nil
}

// unwrapPathError drops the path from *os.PathError: messages name the
// file the user knows, not our absolute path.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
