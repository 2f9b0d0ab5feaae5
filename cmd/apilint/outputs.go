package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apilint/apilint/internal/report"
	"github.com/apilint/apilint/internal/rewrite"
)

// output is one rendering of the findings: a format, and a file ("" for
// standard output).
type output struct {
	format, path string
}

// parseOutputs reads the --output flags (FORMAT or FORMAT=PATH), or
// --format alone: one run, several renderings, as golangci-lint v2 does.
func parseOutputs(format string, specs []string) ([]output, error) {
	if len(specs) == 0 {
		if !validFormat(format) {
			return nil, usageError{fmt.Errorf("--format %q: want one of %s", format, strings.Join(report.Formats, ", "))}
		}
		return []output{{format: format}}, nil
	}
	var out []output
	stdout := 0
	for _, s := range specs {
		f, path, _ := strings.Cut(s, "=")
		if !validFormat(f) {
			return nil, usageError{fmt.Errorf("--output %q: want FORMAT or FORMAT=PATH, FORMAT one of %s", s, strings.Join(report.Formats, ", "))}
		}
		if path == "-" {
			path = ""
		}
		if path == "" {
			stdout++
		}
		out = append(out, output{format: f, path: path})
	}
	if stdout > 1 {
		return nil, usageError{fmt.Errorf("--output: only one output may go to standard output")}
	}
	return out, nil
}

// writeOutputs renders fs in every output. A file is written atomically
// (it holds the old report or the new one, never half of one), except
// GitHub's step summary, which is appended to, as GitHub expects.
func writeOutputs(stdout io.Writer, outs []output, fs []report.Finding, opts report.SARIFOptions) error {
	summary := os.Getenv("GITHUB_STEP_SUMMARY")
	for _, o := range outs {
		if o.path == summary && o.format == "markdown" {
			summary = "" // written as an output of its own
		}
	}
	for _, o := range outs {
		var buf bytes.Buffer
		var err error
		if o.format == "github" {
			// GitHub shows only the first annotations of each level; the
			// step summary holds them all.
			err = report.GitHubWith(&buf, fs, report.GitHubOptions{StepSummary: summary})
		} else {
			err = report.Write(&buf, o.format, fs, opts)
		}
		if err != nil {
			return err
		}
		switch {
		case o.path == "":
			if _, err := stdout.Write(buf.Bytes()); err != nil {
				return err
			}
		case o.path == os.Getenv("GITHUB_STEP_SUMMARY") && o.path != "":
			f, err := os.OpenFile(o.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
			if err != nil {
				return fmt.Errorf("--output %s=%s: %w", o.format, o.path, err)
			}
			_, err = f.Write(buf.Bytes())
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("--output %s=%s: %w", o.format, o.path, err)
			}
		default:
			abs, err := filepath.Abs(o.path)
			if err == nil {
				err = rewrite.WriteFile(abs, buf.Bytes(), 0o644)
			}
			if err != nil {
				return fmt.Errorf("--output %s=%s: %w", o.format, o.path, err)
			}
		}
	}
	return nil
}

// hasText reports whether one of outs is text on standard output, after
// which a summary line goes to standard error.
func hasText(outs []output) bool {
	for _, o := range outs {
		if o.format == "text" && o.path == "" {
			return true
		}
	}
	return false
}
