export { RedisClient, RedisScript, REDIS_DEFAULTS, type RedisClientOptions } from './client';
export { RedisReplyError, type RedisReply } from './resp';
export { parseRedisUrl, redactRedisUrl, RedisError, type RedisConnectionSettings } from './url';
