// The storefront's browser tests run against the shared browser-test stack (@emporium/testkit/browser-
// stack: the payment provider simulator, an OpenID Connect provider, the development host with 240
// seeded products, and a production build of the storefront) and hand its addresses to the tests — and its
// service-token secret, with which the reviews test moderates as staff through the reviews API (the
// admin's moderation page is the admin's tests' business).
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "@emporium/db/testing";
import { startBrowserStack } from "@emporium/testkit/browser-stack";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    oidcIssuer: string;
    catalogUrl: string;
    ordersUrl: string;
    pspUrl: string;
    reviewsUrl: string;
    serviceTokenSecret: string;
    /** The storefront's environment beyond the developer's, for a test that starts another instance. */
    webWiring: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startBrowserStack({
    apps: ["web"],
    singleSignOn: "web",
    seedProducts: 240,
    scratchDatabase: createScratchDatabase,
  });
  project.provide("baseUrl", stack.urlOf("web"));
  project.provide("oidcIssuer", stack.oidcIssuer);
  project.provide("catalogUrl", stack.catalogUrl);
  project.provide("ordersUrl", stack.ordersUrl);
  project.provide("pspUrl", stack.pspUrl);
  project.provide("reviewsUrl", stack.reviewsUrl);
  project.provide("serviceTokenSecret", stack.serviceTokenSecret);
  project.provide("webWiring", stack.wiringOf("web"));
  return stack.stop;
}
