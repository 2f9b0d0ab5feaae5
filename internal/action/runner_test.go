package action

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionFile is the part of action.yml the runner reads.
type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

type step struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Shell            string            `yaml:"shell"`
	Run              string            `yaml:"run"`
	Uses             string            `yaml:"uses"`
	WorkingDirectory string            `yaml:"working-directory"`
	Env              map[string]string `yaml:"env"`
	With             map[string]string `yaml:"with"`
}

// repoRoot is the apilint checkout: the action's path.
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	root, err := filepath.Abs(filepath.Join(filepath.Dir(file), "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func loadAction(t *testing.T) *actionFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("action.yml: runs.using %q, want composite", a.Runs.Using)
	}
	return &a
}

// result is what happened to one step.
type result struct {
	step
	ran    bool   // a run: step that ran, or a uses: step whose condition held
	exit   int    // the script's exit status
	output string // its standard output and error, interleaved
	with   map[string]string
}

// job runs action.yml's steps in a fake GitHub Actions context.
type job struct {
	t          *testing.T
	action     *actionFile
	actionPath string
	workspace  string
	temp       string // $RUNNER_TEMP
	inputs     map[string]string
	github     map[string]any
	runner     map[string]string
	env        map[string]string // the job's environment, $GITHUB_ENV included
	outputs    map[string]map[string]string
	summary    strings.Builder
	results    []*result
	// afterStep, when set, runs after each step that ran.
	afterStep func(r *result)
	// installed, when set, is an apilint binary that the install step
	// copies instead of running its script (see installOnce).
	installed *installation
	// until, when set, is the last step to run.
	until string
}

// newJob prepares a job in workspace with the given inputs (over
// action.yml's defaults) and github context.
func newJob(t *testing.T, workspace string, inputs map[string]string, github map[string]any) *job {
	t.Helper()
	a := loadAction(t)
	j := &job{
		t:          t,
		action:     a,
		actionPath: repoRoot(t),
		workspace:  workspace,
		temp:       t.TempDir(),
		inputs:     map[string]string{},
		github:     github,
		env:        map[string]string{},
		outputs:    map[string]map[string]string{},
	}
	for name, in := range a.Inputs {
		j.inputs[name] = in.Default
	}
	for name, v := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("input %q: action.yml declares no such input", name)
		}
		j.inputs[name] = v
	}
	arch := map[string]string{"amd64": "X64", "arm64": "ARM64"}[runtime.GOARCH]
	j.runner = map[string]string{"os": "Linux", "arch": arch, "temp": j.temp}
	if j.github == nil {
		j.github = map[string]any{}
	}
	j.github["action_path"] = j.actionPath
	j.github["workspace"] = workspace
	return j
}

// baseEnv is what a runner's bash sees before the action's own variables:
// the machine's PATH and Go caches, and the GITHUB_* variables.
func (j *job) baseEnv() map[string]string {
	env := map[string]string{
		"PATH":                os.Getenv("PATH"),
		"HOME":                os.Getenv("HOME"),
		"CI":                  "true",
		"GITHUB_ACTIONS":      "true",
		"GITHUB_WORKSPACE":    j.workspace,
		"GITHUB_ACTION_PATH":  j.actionPath,
		"RUNNER_TEMP":         j.temp,
		"RUNNER_OS":           j.runner["os"],
		"RUNNER_ARCH":         j.runner["arch"],
		"GIT_TERMINAL_PROMPT": "0",
	}
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOFLAGS", "GOPROXY", "GOTOOLCHAIN", "GONOSUMDB", "GOPRIVATE", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			env[k] = v
		}
	}
	for k, v := range map[string]string{
		"GITHUB_REPOSITORY": "repository",
		"GITHUB_EVENT_NAME": "event_name",
		"GITHUB_BASE_REF":   "base_ref",
		"GITHUB_HEAD_REF":   "head_ref",
		"GITHUB_REF":        "ref",
		"GITHUB_SHA":        "sha",
		"GITHUB_ACTOR":      "actor",
	} {
		env[k] = j.lookup("github." + v)
	}
	return env
}

// run runs every step, stopping after the first that fails, as a step's
// default condition success() does.
func (j *job) run() {
	j.t.Helper()
	failed := false
	for i := range j.action.Runs.Steps {
		s := j.action.Runs.Steps[i]
		r := &result{step: s}
		j.results = append(j.results, r)
		if failed {
			continue
		}
		if s.If != "" && !j.condition(s.If) {
			continue
		}
		if s.Name == stepInstall && j.installed != nil {
			j.copyInstalled(r)
			if j.afterStep != nil {
				j.afterStep(r)
			}
			continue
		}
		if s.Uses != "" {
			r.ran = true
			r.with = map[string]string{}
			for k, v := range s.With {
				r.with[k] = j.expand(v)
			}
			continue
		}
		j.runStep(r)
		if j.afterStep != nil {
			j.afterStep(r)
		}
		if r.exit != 0 {
			failed = true
		}
		if s.Name == j.until {
			failed = true // stop here
		}
	}
}

func (j *job) runStep(r *result) {
	t := j.t
	t.Helper()
	if r.Shell != "bash" {
		t.Fatalf("step %q: shell %q, want bash", r.Name, r.Shell)
	}
	dir := t.TempDir()
	files := map[string]string{}
	for _, k := range []string{"GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_STEP_SUMMARY", "GITHUB_PATH"} {
		files[k] = filepath.Join(dir, strings.ToLower(k))
		if err := os.WriteFile(files[k], nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	script := filepath.Join(dir, "step.sh")
	if err := os.WriteFile(script, []byte(j.expand(r.Run)), 0o644); err != nil {
		t.Fatal(err)
	}
	env := j.baseEnv()
	for k, v := range j.env {
		env[k] = v
	}
	for k, v := range files {
		env[k] = v
	}
	for k, v := range r.Env {
		env[k] = j.expand(v)
	}
	cwd := j.workspace
	if r.WorkingDirectory != "" {
		cwd = filepath.Join(j.workspace, j.expand(r.WorkingDirectory))
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = cwd
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	r.ran = true
	r.output = string(out)
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("step %q: %v", r.Name, err)
		}
		r.exit = ee.ExitCode()
	}
	t.Logf("step %q (exit %d):\n%s", r.Name, r.exit, indent(r.output))
	for k, v := range readCommandFile(t, files["GITHUB_ENV"]) {
		j.env[k] = v
	}
	if r.ID != "" {
		j.outputs[r.ID] = readCommandFile(t, files["GITHUB_OUTPUT"])
	}
	sum, err := os.ReadFile(files["GITHUB_STEP_SUMMARY"])
	if err != nil {
		t.Fatal(err)
	}
	j.summary.Write(sum)
}

// readCommandFile reads $GITHUB_OUTPUT or $GITHUB_ENV: NAME=value lines and
// NAME<<DELIMITER blocks.
func readCommandFile(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var val []string
			for sc.Scan() && sc.Text() != delim {
				val = append(val, sc.Text())
			}
			out[name] = strings.Join(val, "\n")
			continue
		}
		if name, val, ok := strings.Cut(line, "="); ok {
			out[name] = val
		} else if line != "" {
			t.Fatalf("%s: malformed line %q", filepath.Base(path), line)
		}
	}
	return out
}

var exprRE = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// expand replaces each ${{ path }} in s by its value.
func (j *job) expand(s string) string {
	return exprRE.ReplaceAllStringFunc(s, func(m string) string {
		return j.lookup(exprRE.FindStringSubmatch(m)[1])
	})
}

var pathRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$`)

// lookup returns a context path's value, "" when a property is missing.
func (j *job) lookup(path string) string {
	j.t.Helper()
	if !pathRE.MatchString(path) {
		j.t.Fatalf("expression %q: the test's runner knows context paths only (see doc.go)", path)
	}
	parts := strings.Split(path, ".")
	switch parts[0] {
	case "inputs":
		v, ok := j.inputs[parts[1]]
		if !ok || len(parts) != 2 {
			j.t.Fatalf("expression %q: action.yml declares no such input", path)
		}
		return v
	case "runner":
		return j.runner[parts[1]]
	case "env":
		return j.env[parts[1]]
	case "steps":
		if len(parts) != 4 || parts[2] != "outputs" {
			j.t.Fatalf("expression %q: want steps.ID.outputs.NAME", path)
		}
		return j.outputs[parts[1]][parts[3]]
	case "github":
		var v any = j.github
		for _, p := range parts[1:] {
			m, ok := v.(map[string]any)
			if !ok {
				return ""
			}
			v = m[p]
		}
		if v == nil {
			return ""
		}
		return fmt.Sprint(v)
	}
	j.t.Fatalf("expression %q: unknown context %q", path, parts[0])
	return ""
}

var termRE = regexp.MustCompile(`^(!?)\s*([A-Za-z0-9_.-]+)\s*(?:(==|!=)\s*'([^']*)')?$`)

// condition evaluates an if: as the runner would, for the forms doc.go
// lists.
func (j *job) condition(cond string) bool {
	j.t.Helper()
	cond = strings.TrimSpace(cond)
	if m := exprRE.FindStringSubmatch(cond); m != nil && m[0] == cond {
		cond = m[1]
	}
	for _, term := range strings.Split(cond, "&&") {
		m := termRE.FindStringSubmatch(strings.TrimSpace(term))
		if m == nil || strings.Contains(term, "(") {
			j.t.Fatalf("if: %q: the test's runner evaluates conjunctions of context comparisons only (see doc.go)", cond)
		}
		v := j.lookup(m[2])
		var ok bool
		switch m[3] {
		case "==":
			ok = v == m[4]
		case "!=":
			ok = v != m[4]
		default:
			ok = v != "" && v != "false" && v != "0"
		}
		if m[1] == "!" {
			ok = !ok
		}
		if !ok {
			return false
		}
	}
	return true
}

// step returns the result of the step named name.
func (j *job) step(name string) *result {
	j.t.Helper()
	for _, r := range j.results {
		if r.Name == name {
			return r
		}
	}
	j.t.Fatalf("action.yml has no step %q", name)
	return nil
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}

// installation is the install step's run, shared by the tests of one test
// binary: building apilint is the slow part of a job, and one build shows
// what the step does.
type installation struct {
	result *result
	bin    string // the binary the step built
	err    string // why there is none
}

var (
	installOnceDo sync.Once
	installShared installation
	installDir    string // removed by TestMain
)

// installOnce runs the install step once, in a job of its own, and returns
// its result and the binary it built.
func installOnce(t *testing.T, github map[string]any) *installation {
	t.Helper()
	installOnceDo.Do(func() {
		dir, err := os.MkdirTemp("", "apilint-action-install-")
		if err != nil {
			installShared.err = err.Error()
			return
		}
		installDir = dir
		j := newJob(t, dir, nil, github)
		j.temp = filepath.Join(dir, "runner-temp")
		j.runner["temp"] = j.temp
		if err := os.MkdirAll(j.temp, 0o755); err != nil {
			installShared.err = err.Error()
			return
		}
		j.until = stepInstall
		j.run()
		r := j.step(stepInstall)
		installShared.result = r
		installShared.bin = j.env["APILINT"]
		if r.exit != 0 || installShared.bin == "" {
			installShared.err = fmt.Sprintf("the install step exited %d:\n%s", r.exit, r.output)
		}
	})
	if installShared.err != "" {
		t.Fatal(installShared.err)
	}
	return &installShared
}

// copyInstalled stands in for the install step: the shared binary, put
// where the step puts it, and APILINT in the job's environment.
func (j *job) copyInstalled(r *result) {
	j.t.Helper()
	dst := filepath.Join(j.temp, "apilint-bin", filepath.Base(j.installed.bin))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		j.t.Fatal(err)
	}
	data, err := os.ReadFile(j.installed.bin)
	if err == nil {
		err = os.WriteFile(dst, data, 0o755)
	}
	if err != nil {
		j.t.Fatal(err)
	}
	j.env["APILINT"] = dst
	r.ran = true
	r.output = j.installed.result.output
}
