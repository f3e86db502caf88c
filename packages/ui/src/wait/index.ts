export { describeWait, whenToRetry } from "./wait";
