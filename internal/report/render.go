package report

import (
	"fmt"
	"io"
	"strings"
)

// Formats lists the output formats Write accepts.
var Formats = []string{"text", "json", "markdown", "github", "sarif"}

// Write renders findings in format to w; sarif uses opts.
func Write(w io.Writer, format string, fs []Finding, opts SARIFOptions) error {
	switch format {
	case "sarif":
		return SARIF(w, fs, opts)
	case "text", "":
		return Text(w, fs)
	case "json":
		return JSON(w, fs)
	case "markdown":
		return Markdown(w, fs)
	case "github":
		return GitHub(w, fs)
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}
