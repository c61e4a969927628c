// One flat config for the whole monorepo. The import rules below are the allowed import
// directions of ARCHITECTURE.md, enforced rather than remembered.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const APPS = ['@unionhall/server', '@unionhall/admin', '@unionhall/member', '@unionhall/e2e'];

/** Builds a no-restricted-imports rule: `banned` never, `typeOnly` only as `import type`. */
function importRule({ banned = [], typeOnly = [] }) {
  return [
    'error',
    {
      paths: [
        ...banned.map((name) => ({ name, message: `This package may not import ${name}.` })),
        ...typeOnly.map((name) => ({
          name,
          allowTypeImports: true,
          message: `Only \`import type\` from ${name} is allowed here: no server code in this bundle.`,
        })),
      ],
      patterns: [
        {
          group: [...banned.map((name) => `${name}/*`), '**/apps/*', '../../apps/**'],
          message: 'Import from a package entry point; packages never import apps.',
        },
        ...typeOnly.map((name) => ({
          group: [`${name}/*`],
          allowTypeImports: true,
          message: `Only \`import type\` from ${name} is allowed here.`,
        })),
      ],
    },
  ];
}

const SERVER_ONLY = ['@prisma/client', 'pg', '@electric-sql/pglite', 'hono', 'pino'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.turbo/**',
      '**/generated/**',
      '**/dev-dist/**',
      '**/.data/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'bench/results/**',
      'docs/spikes/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // Only the composition root reads the environment: one env file per runtime.
  {
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}'],
    ignores: ['**/env.ts', '**/test-env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in env.ts and pass it in.',
        },
      ],
    },
  },
  {
    files: ['apps/admin/**/*.{ts,tsx}', 'apps/member/**/*.{ts,tsx}', 'packages/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': importRule({
        banned: [
          '@unionhall/db',
          '@unionhall/api',
          '@unionhall/client',
          '@unionhall/ui',
          ...APPS,
          ...SERVER_ONLY,
          'react',
        ],
      }),
    },
  },
  {
    files: ['packages/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': importRule({
        banned: [
          '@unionhall/domain',
          '@unionhall/api',
          '@unionhall/client',
          '@unionhall/ui',
          ...APPS,
          'hono',
          'react',
        ],
      }),
    },
  },
  {
    files: ['packages/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': importRule({
        banned: ['@unionhall/client', '@unionhall/ui', ...APPS, 'react'],
      }),
    },
  },
  {
    files: ['packages/client/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': importRule({
        banned: ['@unionhall/db', '@unionhall/ui', ...APPS, ...SERVER_ONLY, 'react'],
        typeOnly: ['@unionhall/api'],
      }),
    },
  },
  {
    files: ['packages/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': importRule({
        banned: ['@unionhall/db', '@unionhall/api', '@unionhall/client', ...APPS, ...SERVER_ONLY],
      }),
    },
  },
  {
    files: ['apps/admin/**/*.{ts,tsx}', 'apps/member/**/*.{ts,tsx}'],
    ignores: ['apps/*/vite.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': importRule({
        banned: ['@unionhall/db', '@unionhall/server', '@unionhall/client', ...SERVER_ONLY],
        typeOnly: ['@unionhall/api'],
      }),
    },
  },
  {
    files: ['apps/server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': importRule({
        banned: [
          '@unionhall/ui',
          '@unionhall/client',
          '@unionhall/admin',
          '@unionhall/member',
          '@unionhall/e2e',
          'react',
        ],
      }),
    },
  },
);
