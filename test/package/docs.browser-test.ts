// biome-ignore-all lint/performance/useDomNodeTextContent: the test reads the text a reader sees, which innerText gives and textContent does not.
// The rendered API reference in a real browser (Debian's chromium through playwright-core), served
// from 127.0.0.1 with every other request blocked.
import { existsSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
// @ts-expect-error: a plain ESM script without type declarations
import { serveDocs } from "../../scripts/serve-docs.mjs";
// @ts-expect-error: a plain ESM script without type declarations
import { sourceLink } from "../../scripts/sources.mjs";
import { allowOnly, launchChromium } from "../support/chromium.js";
import { examplesOf, operationById, operations, resolve, spec } from "../support/spec.js";

let browser: Browser;
let page: Page;
let site: { url: string; close: () => Promise<void> };
const blocked: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync("site/index.html")) throw new Error("site/index.html is missing: run npm run docs first");
  site = await serveDocs();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await allowOnly(page, [site.url], blocked);
  await page.goto(site.url, { waitUntil: "networkidle" });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const tagSlug = (tag: string) => tag.toLowerCase().replace(/\s+/g, "-");
const operationSection = (operationId: string) => {
  const { operation } = operationById(operationId);
  return page.locator(`[id="${tagSlug(operation.tags[0])}/${operationId.toLowerCase()}"]`);
};
async function open(operationId: string) {
  const { operation } = operationById(operationId);
  await page.goto(`${site.url}#/${tagSlug(operation.tags[0])}/${operationId.toLowerCase()}`, {
    waitUntil: "networkidle",
  });
  await expect.poll(() => operationSection(operationId).isVisible()).toBe(true);
}

test("the page shows the package name and version and a getting-started section", async () => {
  const text = await page.locator("body").innerText();
  expect(text).toContain(`(${spec.info.version})`);
  expect(text).toContain("partner-center-qualifications");
  expect(text).toContain("Getting started");
  expect(await page.title()).toContain("partner-center-qualifications");
});

test("the vetting workflow is shown under its own heading, as its file reads", async () => {
  await page.goto(`${site.url}#/section/the-vetting-workflow`, { waitUntil: "networkidle" });
  await expect.poll(() => page.getByRole("heading", { name: "The vetting workflow" }).isVisible()).toBe(true);
  const file = page.locator("pre", { hasText: "workflowId: qualifyEducation" });
  expect(await file.isVisible()).toBe(true);
  expect(await file.innerText()).toBe(readFileSync("openapi/workflows/qualify-education.arazzo.yaml", "utf8"));
});

describe.each(
  operations.map(
    ({ operation, path, method }) => [operation.operationId as string, { operation, path, method }] as const,
  ),
)("%s", (operationId, { operation, path, method }) => {
  test("its title and path are visible", async () => {
    await open(operationId);
    const section = operationSection(operationId);
    const heading = section.getByRole("heading", { level: 2 }).first();
    await expect.poll(() => heading.isVisible()).toBe(true);
    expect(await heading.innerText()).toMatch(new RegExp(`^${operation.summary.replace(/[()]/g, "\\$&")}`));
    const pathLine = page
      .getByText(`${method.toUpperCase()}${path}`, { exact: false })
      .or(page.getByText(path, { exact: true }));
    await expect.poll(() => pathLine.first().isVisible()).toBe(true);
  });

  test("names its Microsoft sources, as links", async () => {
    await open(operationId);
    const section = operationSection(operationId);
    expect(await section.innerText()).toContain("Sources");
    for (const id of operation["x-source"]) {
      const entry = spec["x-sources"][id];
      const link = section.locator(`a[href="${sourceLink(entry)}"]`).first();
      expect(await link.innerText()).toBe(entry.title);
    }
  });

  test("every declared status is listed", async () => {
    await open(operationId);
    const text = await operationSection(operationId).innerText();
    for (const status of Object.keys(operation.responses)) expect(text).toContain(status);
  });

  test(operation.deprecated ? "is marked deprecated" : "is not marked deprecated", async () => {
    await open(operationId);
    // Redoc puts a "deprecated" tag into the operation's heading.
    const heading = operationSection(operationId).getByRole("heading", { level: 2 }).first();
    const marked = await heading.getByText(/^deprecated$/i).count();
    expect(marked > 0).toBe(Boolean(operation.deprecated));
    if (operation.deprecated) expect(await heading.getByText(/^deprecated$/i).isVisible()).toBe(true);
  });
});

describe("the reference document's three GET examples", () => {
  const examples = resolve(operationById("getCustomerQualifications").operation.responses["200"]).content[
    "application/json"
  ].examples;
  const values = examplesOf(resolve(operationById("getCustomerQualifications").operation.responses["200"]).content);

  test.each(["approved", "inReview", "denied"])("%s can be picked and shows its data", async (name) => {
    await open("getCustomerQualifications");
    const picker = page.locator('button[aria-label="Example"]').first();
    await picker.click();
    await page.getByText(resolve(examples[name]).summary, { exact: true }).last().click();
    await expect.poll(() => picker.innerText()).toBe(resolve(examples[name]).summary);
    // The panel around the picker holds the sample that is now shown.
    const panel = picker.locator("xpath=ancestor::*[.//pre or .//code][1]");
    const shown = await panel.innerText();
    for (const [key, value] of Object.entries((values[name] as { qualifications: object[] }).qualifications[0]!)) {
      expect(shown).toContain(`"${key}": ${JSON.stringify(value)}`);
    }
    if (name === "denied") await page.screenshot({ path: "site/screenshot.png" });
  });
});

test("every schema is listed", async () => {
  await page.goto(`${site.url}#/schemas`, { waitUntil: "networkidle" });
  const more = page.getByText(/^Show \d+ more/);
  if (await more.count()) await more.first().click();
  const text = await page.locator("body").innerText();
  for (const name of Object.keys(spec.components.schemas)) expect(text).toContain(name);
});

test("nothing was blocked and the console stayed clean", () => {
  expect(blocked).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
