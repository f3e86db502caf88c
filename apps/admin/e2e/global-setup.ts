// The admin's browser tests run against the shared browser-test stack (@emporium/testkit/browser-stack:
// the payment provider simulator, an OpenID Connect provider for staff single sign-on, the development
// host with 120 seeded products and the local staff accounts, its payment worker giving up on a capture
// after three deliveries, and production builds of the admin and of the storefront — the storefront for
// the test that follows a product from the admin to a shopper's order) and hand its addresses and
// service-token secret to the tests.
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "@emporium/db/testing";
import { startBrowserStack } from "@emporium/testkit/browser-stack";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    /** The storefront, built and started beside the admin for the whole-trip test. */
    webUrl: string;
    oidcIssuer: string;
    catalogUrl: string;
    ordersUrl: string;
    pspUrl: string;
    serviceTokenSecret: string;
    inventoryUrl: string;
    /** The reviews API, where the reviews tests write a delivered shopper's review. */
    reviewsUrl: string;
    /** The identity API, where the reviews tests open that shopper's account. */
    identityUrl: string;
    /** The stack's scratch PostgreSQL database ("" on PGlite), where the operations test writes a poison command. */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let databaseUrl = "";
  const stack = await startBrowserStack({
    apps: ["admin", "web"],
    singleSignOn: "admin",
    seedProducts: 120,
    // Three deliveries in under a second: a capture the provider refuses is dead-lettered at once, for
    // the operations test to replay once the provider is back.
    paymentRetryDelaysMs: [200, 500],
    scratchDatabase: async (url, prefix) => {
      const scratch = await createScratchDatabase(url, prefix);
      databaseUrl = scratch.url;
      return scratch;
    },
  });
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminUrl", stack.urlOf("admin"));
  project.provide("webUrl", stack.urlOf("web"));
  project.provide("oidcIssuer", stack.oidcIssuer);
  project.provide("catalogUrl", stack.catalogUrl);
  project.provide("ordersUrl", stack.ordersUrl);
  project.provide("pspUrl", stack.pspUrl);
  project.provide("serviceTokenSecret", stack.serviceTokenSecret);
  project.provide("inventoryUrl", stack.inventoryUrl);
  project.provide("reviewsUrl", stack.reviewsUrl);
  project.provide("identityUrl", stack.identityUrl);
  return stack.stop;
}
