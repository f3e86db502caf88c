export { Stack, type ServiceName, type StackOptions } from "./stack";
export * from "./shop";
export { systemServers } from "./servers";
export { useStack } from "./use-stack";
