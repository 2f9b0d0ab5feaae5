// Package cache keeps users in Redis.
package cache

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"example.com/benchservice/internal/domain"
)

// Cache is a Redis cache of users.
type Cache struct{ rdb *redis.Client }

// New connects to addr.
func New(addr string) *Cache {
	return &Cache{rdb: redis.NewClient(&redis.Options{Addr: addr, ReadTimeout: time.Second})}
}

// PutUser caches u for an hour.
func (c *Cache) PutUser(ctx context.Context, u *domain.User) error {
	data, err := json.Marshal(u)
	if err != nil {
		return err
	}
	return c.rdb.Set(ctx, fmt.Sprintf("user:%d", u.ID), data, time.Hour).Err()
}

// Users returns the cached users of ids, in one round trip.
func (c *Cache) Users(ctx context.Context, ids []int64) ([]domain.User, error) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = fmt.Sprintf("user:%d", id)
	}
	vals, err := c.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		return nil, err
	}
	var out []domain.User
	for _, v := range vals {
		s, ok := v.(string)
		if !ok {
			continue
		}
		var u domain.User
		if json.Unmarshal([]byte(s), &u) == nil {
			out = append(out, u)
		}
	}
	return out, nil
}
