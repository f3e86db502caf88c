// One platform per test file: started before its tests, stopped after them (even when they fail).
import { afterAll, beforeAll } from "vitest";
import type { systemServers } from "./servers";
import { Stack, type StackOptions } from "./stack";

type Servers = ReturnType<typeof systemServers>;

export function useStack(
  servers: Servers,
  options: Omit<StackOptions, "databaseAdminUrl" | "kafkaBrokers" | "amqpUrl">,
): () => Stack {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = new Stack({ ...servers.options, ...options });
    await stack.start();
  });
  afterAll(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error("the platform has not started");
    return stack;
  };
}
