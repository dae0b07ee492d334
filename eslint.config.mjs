// ESLint for every JavaScript file of the project: one dialect, ES modules (ES2020). The browser loads the
// site's scripts with <script type="module"> (mkdocs.yml, the pages), the search engine in a module worker;
// node's test runner imports them. The one classic script is CLASSIC, with its reason. Prettier
// (.prettierrc.json) owns the layout. `make test` runs both; `npx eslint --fix . && npx prettier --write .`
// mends what they can.
import js from "@eslint/js";
import globals from "globals";

const dialect = {
  "no-var": "error",
  "prefer-const": "error",
  eqeqeq: ["error", "always"],
  "no-unused-vars": ["error", { args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
};

// The A–Z filters' first part must run while the page is read, before the list is drawn, which a module
// cannot (see its header).
const CLASSIC = ["docs/javascripts/hulpmiddelen-filter-start.js"];

export default [
  { ignores: ["node_modules/", "site/", ".venv/", "**/*.min.js", "docs/javascripts/vendor/"] },
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js"],
    ignores: CLASSIC,
    languageOptions: { ecmaVersion: 2020, sourceType: "module", globals: globals.browser },
    rules: dialect,
  },
  {
    // Runs in a module worker.
    files: ["docs/javascripts/search-worker.js"],
    languageOptions: { globals: globals.worker },
  },
  {
    files: CLASSIC,
    languageOptions: { ecmaVersion: 2020, sourceType: "script", globals: globals.browser },
    rules: { ...dialect, strict: ["error", "function"], "no-implicit-globals": "error" },
  },
  {
    files: ["tests/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
    rules: dialect,
  },
];
