// What other services' integration tests use of the inventory: the worker itself, started on their own
// test database and buses, so a flow that ends in the inventory (the orders' refund restock) is checked
// against the real consumers rather than a stand-in. A public entry for tests only.
export { createInventoryWorker, type InventoryWorkerDeps, type Worker } from "./service";
