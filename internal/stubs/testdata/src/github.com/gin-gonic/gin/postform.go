package gin

func (c *Context) PostForm(key string) string { return "" }
