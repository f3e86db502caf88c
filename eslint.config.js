// One flat config for the whole monorepo; each workspace runs `eslint .` against it.
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// File patterns are relative to this file, so they hold whichever workspace runs `eslint .`.
const SOURCE = "*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}";

// ── Boundaries ──────────────────────────────────────────────────────────────────────────────────────
// The dependency graph points one way: apps, bench, tests and docs → services (through their public
// entries) → packages. Each workspace kind below lists what it may not import, with what to import
// instead; tests/boundaries lints crossing imports through this file and fails if a rule goes missing.
const SERVICES = [
  "catalog",
  "orders",
  "identity",
  "inventory",
  "payment",
  "fulfillment",
  "reviews",
  "audit",
  "psp",
  "devhost",
];
const APPS = ["web", "admin"];
const anyOf = (names) => `(${names.join("|")})`;
/** `@emporium/<service>` or any subpath of it except the listed entries. */
const serviceExcept = (entries) =>
  `^@emporium/${anyOf(SERVICES)}${entries.length ? `(?!/${anyOf(entries)}$)` : ""}(/.*)?$`;

// `/browser` is the part of the client contract without the tRPC client (pure rules a page's JavaScript
// needs), which the client re-exports; bundlers keep the client when a page imports a rule from it.
const onlyClient = {
  regex: serviceExcept(["client", "browser"]),
  message:
    "Reach a service only through its client entry, '@emporium/<service>/client' (or '/browser', its pure rules " +
    "without the tRPC client). If you need something else from it, re-export it from the service's src/client.ts " +
    "(pure domain helpers belong to the client contract) or move shared pure code into a package.",
};
const noService = {
  regex: serviceExcept([]),
  message:
    "Packages sit below the services and never import one: move the shared code into a package (or pass it in " +
    "from the caller).",
};
const noServiceInternals = {
  regex: serviceExcept(["client"]),
  message:
    "A service never imports another service's internals: call it through '@emporium/<service>/client' (tRPC " +
    "over HTTP), or exchange events and commands defined in @emporium/contracts.",
};
// The development host is the composition root of the all-in-one process: it builds every service from
// the factories its standalone main.ts uses. `service` (the backend or worker as a unit, plus what
// composing it takes: database preparation, upload target, dev accounts, catalog lookup) and `env` (the
// config pieces the host validates for them) — nothing deeper.
const onlyCompositionEntries = {
  regex: serviceExcept(["service", "env", "client"]),
  message:
    "The development host composes services from their composition entries only: '@emporium/<service>/service', " +
    "'/env' (or '/client'). Re-export what composing a service needs from its src/service.ts.",
};
// The configuration reference is generated from each process's env schema, and from nothing else.
const onlyEnvSchemas = {
  regex: serviceExcept(["env", "client"]),
  message: "The docs read a service's configuration through '@emporium/<service>/env' only.",
};
const appsFromDocsOnly = (allowed) => ({
  regex: `^@emporium/${anyOf(APPS)}${allowed.length ? `(?!/${anyOf(allowed)}$)` : ""}(/.*)?$`,
  message: allowed.length
    ? "The docs read an app's configuration through '@emporium/<app>/env-schema' only."
    : "Nothing imports an app: move shared code into a package.",
});
const noTopLevel = (names) => ({
  regex: `^@emporium/${anyOf(names)}(/.*)?$`,
  message: "Benchmarks, system tests and the docs generator are leaves of the graph: nothing imports them.",
});

/** Kinds of workspace: where they are (a glob of their folders) and what they may not import. */
const WORKSPACE_KINDS = [
  {
    name: "apps",
    root: "apps/*",
    patterns: [onlyClient, appsFromDocsOnly([]), noTopLevel(["bench", "system-tests", "docs"])],
  },
  { name: "bench", root: "bench", patterns: [onlyClient, appsFromDocsOnly([]), noTopLevel(["docs"])] },
  {
    name: "tests",
    root: "tests/*",
    patterns: [onlyClient, appsFromDocsOnly([]), noTopLevel(["bench", "docs"])],
  },
  {
    name: "docs",
    root: "docs",
    patterns: [onlyEnvSchemas, appsFromDocsOnly(["env-schema"]), noTopLevel(["bench", "system-tests"])],
  },
  {
    name: "packages",
    root: "packages/*",
    patterns: [noService, appsFromDocsOnly([]), noTopLevel(["bench", "system-tests", "docs"])],
  },
  {
    name: "services",
    root: "services/*",
    ignores: ["services/devhost/**"],
    patterns: [noServiceInternals, appsFromDocsOnly([]), noTopLevel(["bench", "system-tests", "docs"])],
    // A service's tests may also start another service's published test double (the payment provider
    // simulator) through its `testing` entry, as they use @emporium/db/testing.
    testPatterns: [
      { ...noServiceInternals, regex: serviceExcept(["client", "testing"]) },
      appsFromDocsOnly([]),
      noTopLevel(["bench", "system-tests", "docs"]),
    ],
  },
  {
    name: "devhost",
    root: "services/devhost",
    patterns: [onlyCompositionEntries, appsFromDocsOnly([]), noTopLevel(["bench", "system-tests", "docs"])],
  },
];
const testFilesOf = (root) => [`${root}/test/**/${SOURCE}`, `${root}/**/*.test.{ts,tsx}`];

const importRules = WORKSPACE_KINDS.flatMap((kind) => [
  {
    name: `boundaries/${kind.name}`,
    files: [`${kind.root}/**/${SOURCE}`],
    ...(kind.ignores ? { ignores: kind.ignores } : {}),
    rules: { "no-restricted-imports": ["error", { patterns: kind.patterns }] },
  },
  ...(kind.testPatterns
    ? [
        {
          name: `boundaries/${kind.name}/tests`,
          files: testFilesOf(kind.root),
          ...(kind.ignores ? { ignores: kind.ignores } : {}),
          rules: { "no-restricted-imports": ["error", { patterns: kind.testPatterns }] },
        },
      ]
    : []),
]);

// A relative import must stay inside its workspace (`../../services/catalog/src/...` is refused): a file
// d folders below its workspace root may climb at most d levels. Flat config cannot compute that from a
// path, so there is one block per depth (files deeper than MAX_DEPTH share the last one's limit), and
// the check is a syntax rule so it does not replace the import rules above. esquery regexes cannot
// contain "/", hence \x2F.
const MAX_DEPTH = 8;
const WORKSPACE_ROOTS = WORKSPACE_KINDS.map((kind) => kind.root).filter(
  (root) => root !== "services/devhost",
);
const climbingOut = (levels) => {
  const regex = `/^(\\.\\.\\x2F){${levels}}|^(\\.\\.\\x2F){${levels - 1}}\\.\\.$/`;
  const message =
    "This relative import leaves its workspace: import the other workspace by its package name and public " +
    "entry (e.g. '@emporium/<service>/client' or '@emporium/<package>').";
  return ["ImportDeclaration", "ExportNamedDeclaration", "ExportAllDeclaration", "ImportExpression"].map(
    (node) => ({ selector: `${node}[source.value=${regex}]`, message }),
  );
};
const climbRules = Array.from({ length: MAX_DEPTH + 1 }, (_, d) => ({
  name: `boundaries/relative-depth-${d}`,
  files: WORKSPACE_ROOTS.map((root) => `${root}/${"*/".repeat(d)}${d === MAX_DEPTH ? "**/" : ""}${SOURCE}`),
  rules: { "no-restricted-syntax": ["error", ...climbingOut(d + 1)] },
}));

// ── Layers inside a service (services/README.md) ────────────────────────────────────────────────────
// domain/ is pure: no I/O of any kind and nothing from the layers around it. app/ (use cases) reaches
// storage, brokers and other services only through ports/: no driver, no adapter, no router. A
// separate rule name (the TypeScript one) so that these stack with the boundary rules above.
const DRIVERS = [
  "pg",
  "@prisma/*",
  "@electric-sql/*",
  "kafkajs",
  "amqplib",
  "ioredis",
  "memjs",
  "mongodb",
  "sharp",
  "file-type",
  "pdf-lib",
  "@aws-sdk/*",
  "@trpc/*",
  "opossum",
];
const IO_MODULES = [
  "fs",
  "fs/*",
  "http",
  "https",
  "net",
  "child_process",
  "dgram",
  "dns",
  "worker_threads",
].flatMap((m) => [m, `node:${m}`]);
const DOMAIN_IS_PURE =
  "domain/ holds pure rules: no I/O and no infrastructure. Pass data in; do the I/O in app/ through a port.";
const outerLayers = (layers, message) => ({
  group: layers.flatMap((layer) => [`../${layer}`, `../${layer}/*`, `../../${layer}`, `../../${layer}/*`]),
  message,
});
const layerRules = [
  {
    name: "layers/domain",
    files: [`services/*/src/domain/**/${SOURCE}`],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: [...DRIVERS, ...IO_MODULES], message: DOMAIN_IS_PURE },
            {
              // Only the shared contracts, the permission matrix and the kit's error classes.
              regex: "^@emporium/(?!contracts(/|$)|auth(/|$)|service-kit/errors$)",
              message: DOMAIN_IS_PURE,
            },
            outerLayers(
              ["app", "adapters", "api", "consumers", "ports"],
              "domain/ depends on nothing around it: move this code into domain/, or the call out to app/.",
            ),
          ],
        },
      ],
    },
  },
  {
    name: "layers/app",
    files: [`services/*/src/app/**/${SOURCE}`],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // Types of shared ports (ObjectStore, EventBus, a Database in a port's signature) are fine.
              group: [...DRIVERS, "@emporium/db", "@emporium/db/*"],
              allowTypeImports: true,
              message:
                "Use cases reach storage, brokers and other services only through ports/: declare what you need there and implement it in adapters/<tech>/.",
            },
            outerLayers(
              ["adapters", "api", "consumers"],
              "app/ never imports an adapter, a router or a consumer: depend on a port in ports/ and let service.ts wire the adapter.",
            ),
          ],
        },
      ],
    },
  },
];

const reactFiles = ["apps/*/src/**/*.{ts,tsx}", "packages/ui/src/**/*.{ts,tsx}"];
const nextFiles = ["apps/*/src/**/*.{ts,tsx}", "apps/*/next.config.ts"];

export default tseslint.config(
  {
    ignores: [
      ".ci/cache/**",
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/src/generated/**",
      "**/next-env.d.ts",
      ".data/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: reactFiles,
    ...reactHooks.configs.flat["recommended-latest"],
  },
  {
    files: nextFiles,
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs["core-web-vitals"].rules,
      // Product images come from the catalog already sized (480×600 WebP); plain <img> with explicit
      // width/height, lazy loading and async decoding is what next/image would add without re-encoding.
      "@next/next/no-img-element": "off",
      // A Pages Router rule; both apps use the App Router only.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  ...importRules,
  ...climbRules,
  ...layerRules,
);
