export * from "./envelope";
export * from "./shared";
export * from "./channels";
export * from "./orders";
export * from "./inventory";
export * from "./payments";
export * from "./fulfillment";
export * from "./catalog";
export { parseEnvelope, readMessage, MalformedMessageError } from "./read";
