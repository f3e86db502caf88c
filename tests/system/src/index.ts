export { Stack, type ServiceName, type StackOptions } from "./stack";
export * from "./shop";
export { systemServers } from "./servers";
export { useStack } from "./use-stack";
export {
  describeSystem,
  mixedTraffic,
  startOrders,
  type OrderRun,
  type PlatformOptions,
  type RunningOrders,
  type SystemServers,
} from "./suite";
