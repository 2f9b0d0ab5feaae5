package store

import "sync"

type syncWaitGroup = sync.WaitGroup
