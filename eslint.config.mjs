// ESLint for every JavaScript file of the project: one dialect, ES2020 classic scripts in the browser
// (the theme loads them with plain <script> tags), ES modules for the search worker and its engine,
// ES modules for node's test runner. Prettier (.prettierrc.json) owns the layout. `make test` runs both;
// `npx eslint --fix . && npx prettier --write .` mends what they can.
import js from "@eslint/js";
import globals from "globals";

const dialect = {
  "no-var": "error",
  "prefer-const": "error",
  eqeqeq: ["error", "always"],
  strict: ["error", "function"],
  "no-implicit-globals": "error",
  "no-unused-vars": ["error", { args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
};

export default [
  { ignores: ["node_modules/", "site/", ".venv/", "**/*.min.js", "docs/javascripts/vendor/"] },
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly", document$: "readonly" },
    },
    rules: dialect,
  },
  {
    // The search dialog, its worker and its engine, the zelfscan and the DOM helper are ES modules (a module
    // worker; node's tests import the engine and the zelfscan core).
    files: [
      "docs/javascripts/search.js",
      "docs/javascripts/search-engine.js",
      "docs/javascripts/search-worker.js",
      "docs/javascripts/dom.js",
      "docs/javascripts/zelfscan*.js",
    ],
    languageOptions: { ecmaVersion: 2020, sourceType: "module", globals: { ...globals.worker } },
    rules: { ...dialect, strict: "off" },
  },
  {
    files: ["tests/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
    rules: { ...dialect, strict: "off" },
  },
];
