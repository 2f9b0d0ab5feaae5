// Package asynq is a stub of github.com/hibiken/asynq.
package asynq

type Task struct{}
type TaskInfo struct{}
type Client struct{}

func NewTask(typename string, payload []byte) *Task  { return &Task{} }
func (c *Client) Enqueue(t *Task) (*TaskInfo, error) { return &TaskInfo{}, nil }
