// @ts-check
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'

const noElectron = {
  paths: [{ name: 'electron', message: 'Only src/main and src/preload may import electron.' }],
  patterns: [
    { group: ['electron/*'], message: 'Only src/main and src/preload may import electron.' },
  ],
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/archives/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'vue/multi-word-component-names': 'off',
      'vue/no-v-html': 'error',
      // Formatting is prettier's job.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  // Layers: imports only point downwards (see README, "Layout").
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            ...noElectron.patterns,
            {
              group: [
                '../core/*',
                '../main/*',
                '../host/*',
                '../cli/*',
                '../renderer/*',
                '../preload/*',
              ],
              message: 'src/shared imports nothing of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            ...noElectron.patterns,
            {
              group: ['**/main/*', '**/host/*', '**/cli/*', '**/renderer/*', '**/preload/*'],
              message: 'src/core imports only src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            ...noElectron.patterns,
            {
              group: ['**/core/*', '**/main/*', '**/host/*', '**/cli/*'],
              message: 'The renderer talks to the archive only through window.api.',
            },
          ],
        },
      ],
    },
  },
)
