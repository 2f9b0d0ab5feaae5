// Package settingcache is a settings cache with package functions over a pluggable
// driver, the shape of cloudreve's pkg/cache.
package settingcache

// Driver stores values: in memory or in redis.
type Driver interface {
	Get(key string) (any, bool)
	Set(key string, value any, ttl int) error
}

// Store is the process's driver.
var Store Driver

// Get looks key up.
func Get(key string) (any, bool) { return Store.Get(key) }

// Set stores value under key.
func Set(key string, value any, ttl int) error { return Store.Set(key, value, ttl) }
