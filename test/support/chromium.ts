// Debian's chromium through playwright-core (Playwright's own browser download cannot work here), and a
// page that reaches nothing but the origins a test allows.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
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
  });
}

/** Aborts every request of the page outside `origins` (data: URLs aside) and records its URL in `blocked`. */
export async function allowOnly(page: Page, origins: string[], blocked: string[]): Promise<void> {
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || origins.some((origin) => url.startsWith(origin))) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
}
