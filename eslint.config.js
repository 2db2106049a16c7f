// The lint gate (issue 13), run by `npm run lint` inside `npm test`: the recommended rules plus the
// type-aware ones that catch what the compiler lets through — a promise nobody awaits or handles,
// an async function handed to a callback that ignores its result, `any` flowing into typed code,
// assertions that assert nothing. Layout is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**', 'security/**', 'docs/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_name` marks a value destructured away on purpose (e.g. omitting a field from a copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Validators of untrusted text match control characters on purpose.
      'no-control-regex': 'off',
      // An async function without await is how a handler meets an async contract (the api, a
      // store interface); what matters is that callers handle the promise, checked above.
      '@typescript-eslint/require-await': 'off',
      // React ignores what an event handler returns; an async onClick is the idiom. Promises
      // handed to anything else (timers, emitters, forEach) still must be handled.
      // A callback may need the variable it is about to be assigned (a writer made after its adapter).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // The renderer's stores hand out actions as closures that never use `this`; destructuring
    // them in components is the intended use, which this rule cannot tell apart from a bug.
    files: ['src/renderer/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Tests read JSON a command or file produced and assert on its shape: `any` is what
    // JSON.parse returns, and the assertion is the check.
    files: ['tests/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
);
