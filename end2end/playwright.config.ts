import { defineConfig, devices } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// The release build of the portal, on its own port and a fresh data folder,
// so that the first start imports the national data as a newcomer's would.
const root = path.resolve(__dirname, "..");
const port = process.env.MOTCUA_E2E_PORT ?? "3100";
const data = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-e2e-"));
const binary = path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, "target"), "release/motcua");
// The local OpenID Connect providers (idp/), on ports of their own.
const citizenIdp = process.env.MOTCUA_E2E_CITIZEN_IDP_PORT ?? "4110";
const officerIdp = process.env.MOTCUA_E2E_OFFICER_IDP_PORT ?? "4111";
const idpState = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-e2e-idp-"));
process.on("exit", () => {
  for (const folder of [data, idpState]) fs.rmSync(folder, { recursive: true, force: true });
});

// Debian's Chromium; Playwright's own browser download cannot work offline.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromium,
    locale: "vi-VN",
    trace: "retain-on-failure",
  },
  projects: [
    { name: "hydrated", use: { ...devices["Pixel 5"], javaScriptEnabled: true } },
    { name: "no-javascript", use: { ...devices["Pixel 5"], javaScriptEnabled: false } },
  ],
  webServer: [
    {
      command: "node idp/server.mjs",
      cwd: root,
      url: `http://127.0.0.1:${officerIdp}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        IDP_CITIZEN_PORT: citizenIdp,
        IDP_OFFICER_PORT: officerIdp,
        IDP_STATE_DIR: idpState,
      },
    },
    {
    command: `${binary} serve`,
    cwd: root,
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      MOTCUA_ADDR: `127.0.0.1:${port}`,
      MOTCUA_DATA: data,
      MOTCUA_SEED: path.join(root, "data"),
      MOTCUA_SITE_ROOT: path.join(root, "target/site"),
      MOTCUA_LOG: "warn",
      MOTCUA_CITIZEN_ISSUER: `http://127.0.0.1:${citizenIdp}`,
      MOTCUA_CITIZEN_CLIENT_SECRET: "motcua-demo-secret",
      MOTCUA_OFFICER_ISSUER: `http://127.0.0.1:${officerIdp}`,
      MOTCUA_OFFICER_CLIENT_SECRET: "motcua-demo-secret",
      MOTCUA_OFFICERS_FILE: path.join(root, "demo/officers.json"),
      // Every test signs in from 127.0.0.1: the per-address limit would
      // refuse the later ones.
      MOTCUA_SIGN_IN_PER_MINUTE: "1000",
    },
    },
  ],
});
