package upstreamcheck

import "github.com/stretchr/testify/mock"

// Recorder is a testify mock kept beside the product code: its file is
// test support, and the package's other files are still checked.
type Recorder struct{ mock.Mock }
