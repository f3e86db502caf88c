// Child processes and ports for test stacks (browser tests, system tests).
export * from "./child-process";
export * from "./free-port";
export * from "./dedicated-server";
export * from "./tls";
