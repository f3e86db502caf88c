// One flat config for the whole monorepo; each workspace runs `eslint .` against it.
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// File patterns are relative to this file, so they hold whichever workspace runs `eslint .`.
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
);
