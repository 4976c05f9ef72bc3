export { checkRedis, redisHelp } from './check';
