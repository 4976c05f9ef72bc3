export { checkRedis, redisHelp, withoutPassword } from './check';
