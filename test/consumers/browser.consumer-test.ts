// The installed package in Debian's chromium: the consumer's browser script bundled as an ES module by
// esbuild, served from 127.0.0.1, calling the installed package's mock on another origin over CORS;
// every other request is blocked.
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
// @ts-expect-error: a plain ESM script without type declarations
import { serveDocs } from "../../scripts/serve-docs.mjs";
import { allowOnly, launchChromium } from "../support/chromium.js";
import { FROM_THE_MOCK, run } from "../support/consumer.js";

const consumer = inject("consumer");
const mockUrl = inject("mockUrl");
let browser: Browser | undefined;
let site: { url: string; close: () => Promise<void> } | undefined;

beforeAll(async () => {
  run(
    resolve("node_modules/.bin/esbuild"),
    [
      "run-browser.mjs",
      "--bundle",
      "--format=esm",
      "--platform=browser",
      "--log-level=warning",
      "--outfile=browser/run-browser.js",
    ],
    consumer,
  );
  site = await serveDocs({ root: join(consumer, "browser") });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

test("chromium runs run-browser.mjs, bundled, against the mock over CORS", async () => {
  const page = await browser!.newPage();
  const blocked: string[] = [];
  await allowOnly(page, [site!.url, `${mockUrl}/`], blocked);
  const allowOrigin: (string | undefined)[] = [];
  page.on("response", (response) => {
    if (response.url().startsWith(mockUrl)) allowOrigin.push(response.headers()["access-control-allow-origin"]);
  });
  const consoleErrors: string[] = [];
  const printed = new Promise<string>((done, fail) => {
    page.on("console", (message) => {
      if (message.type() === "log") done(message.text());
      if (message.type() === "error") consoleErrors.push(`${message.text()} ${message.location().url}`);
    });
    page.on("pageerror", (error) => fail(new Error([error.message, ...consoleErrors].join("\n"))));
  });
  const [output] = await Promise.all([printed, page.goto(`${site!.url}?mock=${encodeURIComponent(mockUrl)}`)]);
  const result = JSON.parse(output);
  expect(result).toMatchObject({ module: "esm", ...FROM_THE_MOCK });
  // The user agent names the major version only.
  expect(result.runtime).toContain(`Chrome/${browser!.version().split(".")[0]}.`);
  // Both calls came from the page's origin, and the mock allowed it.
  const pageOrigin = new URL(site!.url).origin;
  expect(allowOrigin).toEqual([pageOrigin, pageOrigin]);
  expect(blocked).toEqual([]);
  // The browser reports the 404 the script asked for, and nothing else.
  expect(consoleErrors).toEqual([
    `Failed to load resource: the server responded with a status of 404 (Not Found) ${mockUrl}/v1/customers/all/validations`,
  ]);
});
