import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

/** Where the signed-in officer's cookies are kept between the setup and the specs. */
export const OFFICER_STATE = 'test-results/.auth/officer.json';

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  projects: [
    // Signs the demo federation admin in once (password + TOTP enrolment) for the console specs.
    {
      name: 'officer-sign-in',
      use: { ...devices['Desktop Chrome'], launchOptions: chromium },
      testMatch: /officer\.setup\.ts/,
    },
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], launchOptions: chromium, storageState: OFFICER_STATE },
      dependencies: ['officer-sign-in'],
      testIgnore: /\.mobile\.spec\.ts/,
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], launchOptions: chromium },
      dependencies: ['officer-sign-in'],
      testMatch: /\.mobile\.spec\.ts/,
    },
  ],
  webServer: {
    command: 'node scripts/start-server.mjs',
    url: `${baseURL}/readyz`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
