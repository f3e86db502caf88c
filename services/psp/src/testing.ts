// What other services' tests use of the payment provider simulator: one started in-process on a free
// port, and the test cards whose numbers decide how it answers. A public entry for tests, so a test of
// the payment service never reaches into the simulator's folders.
export { startPsp, type PspOptions, type RunningPsp } from "./api/server";
export { TEST_CARDS, type CardBehaviour } from "./domain/test-cards";
