package server

import "time"

const readHeader = 5 * time.Second
