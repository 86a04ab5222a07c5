// biome-ignore-all lint/performance/useDomNodeTextContent: the test reads the text a reader sees, which innerText gives and textContent does not.
// The docs site (npm run docs) in a real browser, Debian's chromium through playwright-core: the guide, the
// HTTP API reference, the files for tools, and the version switcher on a throwaway copy of the repository
// with release tags. Served from 127.0.0.1 with every other request blocked, or opened from file://.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
// @ts-expect-error: a plain ESM script without type declarations
import { GUIDE, guideOf } from "../../scripts/docs/guide.mjs";
// @ts-expect-error: a plain ESM script without type declarations
import { renderMarkdown } from "../../scripts/docs/markdown.mjs";
// @ts-expect-error: a plain ESM script without type declarations
import { serveDocs } from "../../scripts/serve-docs.mjs";
// @ts-expect-error: a plain ESM script without type declarations
import { sourceLink } from "../../scripts/sources.mjs";
import { allowOnly, launchChromium } from "../support/chromium.js";
import { copyOfRepo } from "../support/repo-copy.js";
import { operationById, operations, resolve, responseExamples, spec } from "../support/spec.js";

type Site = { url: string; close: () => Promise<void> };
type GuidePage = { name: string; title: string };

let browser: Browser;
let page: Page;
let site: Site;
const blocked: string[] = [];
const consoleErrors: string[] = [];
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const reference = () => `${site.url}reference.html`;

beforeAll(async () => {
  for (const file of ["site/index.html", "site/reference.html"])
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run docs first`);
  site = await serveDocs();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await allowOnly(page, [site.url], blocked);
  await page.goto(reference(), { waitUntil: "networkidle" });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A new page that records every request it makes, and the errors of its console. */
async function recordingPage() {
  const fresh = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  fresh.on("request", (request) => requests.push(request.url()));
  fresh.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  fresh.on("pageerror", (error) => errors.push(error.message));
  return { page: fresh, requests, errors };
}

/** Every file under `dir`, as a path from it with / separators. */
const filesUnder = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) =>
      posix.relative(dir.split("\\").join("/"), join(entry.parentPath, entry.name).split("\\").join("/")),
    );

/** The HTML pages of the site in `root` that the docs build wrote (not Redoc's page). */
const guidePages = (root: string) =>
  filesUnder(root).filter((file) => file.endsWith(".html") && !file.endsWith("reference.html"));

/** The href, src and switcher targets of a page that lead inside the site, resolved to paths from the site's root. */
function localTargets(root: string, file: string) {
  const html = readFileSync(join(root, file), "utf8");
  const written = [...html.matchAll(/\s(?:href|src|value)="([^"]*)"/g)].map(([, value]) =>
    value!.replaceAll("&amp;", "&"),
  );
  return written
    .filter((value) => value !== "" && !/^([a-z][a-z\d+.-]*:|#|\/\/)/i.test(value))
    .map((value) => {
      const [path, hash] = value.split("#") as [string, string | undefined];
      return { value, path: posix.normalize(posix.join(posix.dirname(file), path)), hash };
    });
}

describe("the guide", () => {
  test("the home page shows the package, its version, and a sidebar with every page", async () => {
    const { page: home, requests } = await recordingPage();
    await home.goto(site.url, { waitUntil: "networkidle" });
    const bar = await home.locator("header.topbar").innerText();
    expect(bar).toContain(pkg.name);
    expect(bar).toContain(pkg.version);
    expect(await home.title()).toContain(pkg.name);
    const nav = home.getByRole("navigation", { name: "Site" });
    const titles = [
      ...GUIDE.map(({ title }: GuidePage) => title),
      "HTTP API reference",
      "Contract decisions",
      "Changelog",
    ];
    for (const title of titles)
      expect(await nav.getByRole("link", { name: title, exact: true }).isVisible()).toBe(true);
    expect(requests.every((url) => url.startsWith(site.url))).toBe(true);
    await home.close();
  });

  test.each((GUIDE as GuidePage[]).map(({ name, title }) => [name, title]))(
    "%s.html shows its title, and is the current page in the sidebar",
    async (name, title) => {
      const { page: guide, errors } = await recordingPage();
      await guide.goto(`${site.url}guide/${name}.html`, { waitUntil: "load" });
      expect(await guide.locator("main h1").first().innerText()).toBe(title);
      expect(await guide.locator('nav a[aria-current="page"]').innerText()).toBe(title);
      expect(errors).toEqual([]);
      await guide.close();
    },
  );

  test("the vetting page shows the lifecycle picture, with a size", async () => {
    const { page: vetting } = await recordingPage();
    const answers: number[] = [];
    vetting.on("response", (response) => {
      if (response.url().endsWith("lifecycle.svg")) answers.push(response.status());
    });
    await vetting.goto(`${site.url}guide/vetting.html`, { waitUntil: "networkidle" });
    const picture = vetting.locator('main img[src="lifecycle.svg"]');
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const box = await picture.boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    expect(box?.height).toBeGreaterThan(0);
    expect(answers).toEqual([200]);
    await vetting.close();
  });

  test("a link from one guide page to another leads there, to the heading its anchor names", async () => {
    const { page: guide } = await recordingPage();
    await guide.goto(`${site.url}guide/getting-started.html`, { waitUntil: "load" });
    const links = await guide
      .locator("main a[href]")
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
    const between = links.filter((href): href is string => /^[\w-]+\.html#[\w-]+$/.test(href ?? ""));
    expect(between.length).toBeGreaterThan(0);
    const [file, anchor] = between[0]!.split("#") as [string, string];
    await guide.locator(`main a[href="${between[0]}"]`).first().click();
    await guide.waitForURL(`${site.url}guide/${between[0]}`);
    const target = (GUIDE as GuidePage[]).find(({ name }) => `${name}.html` === file)!;
    expect(await guide.locator("main h1").first().innerText()).toBe(target.title);
    expect(await guide.locator(`[id="${anchor}"]`).count()).toBe(1);
    await guide.close();
  });

  test("every link, picture and switcher entry of the site leads to a file of the site, every anchor to an id", () => {
    const problems: string[] = [];
    for (const file of guidePages("site")) {
      for (const { value, path, hash } of localTargets("site", file)) {
        if (path.startsWith("..") || !existsSync(join("site", path))) problems.push(`${file}: ${value} leads nowhere`);
        else if (hash && path.endsWith(".html") && !path.endsWith("reference.html")) {
          if (!readFileSync(join("site", path), "utf8").includes(` id="${hash}"`)) problems.push(`${file}: ${value}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("the guide's Markdown sources and pictures are next to its pages", () => {
    for (const { name } of GUIDE as GuidePage[])
      expect(readFileSync(`site/guide/${name}.md`, "utf8")).toBe(readFileSync(`docs/guide/${name}.md`, "utf8"));
    for (const picture of readdirSync("docs/guide").filter((file) => file.endsWith(".svg")))
      expect(readFileSync(`site/guide/${picture}`)).toEqual(readFileSync(`docs/guide/${picture}`));
  });
});

describe("no request leaves the site", () => {
  const pages = () => [...guidePages("site"), "reference.html"];

  test("opened from file://, no page asks for anything over http(s)", async () => {
    const { page: local, requests, errors } = await recordingPage();
    for (const file of pages()) await local.goto(pathToFileURL(join("site", file)).href, { waitUntil: "load" });
    await local.waitForLoadState("networkidle");
    expect(requests.filter((url) => /^https?:/.test(url))).toEqual([]);
    expect(errors).toEqual([]);
    await local.close();
  });

  test("served from 127.0.0.1, every page asks that server only", async () => {
    const { page: served, errors } = await recordingPage();
    const outside: string[] = [];
    await allowOnly(served, [site.url], outside);
    for (const file of pages()) await served.goto(`${site.url}${file}`, { waitUntil: "networkidle" });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await served.close();
  });
});

describe("the files for tools and agents", () => {
  const llms = () => readFileSync("site/llms.txt", "utf8");

  test("llms.txt: an H1 with the package's name, a summary, then sections of links with a note each", () => {
    const lines = llms().split("\n");
    expect(lines[0]).toBe(`# ${pkg.name}`);
    expect(lines.find((line) => line.startsWith("> "))).toBe(`> ${pkg.description}`);
    const sections = lines.filter((line) => line.startsWith("## "));
    expect(sections).toEqual(["## Guide", "## HTTP API", "## TypeScript API", "## Optional"]);
    for (const line of lines.filter((text) => text.startsWith("- ")))
      expect(line).toMatch(/^- \[[^\]]+\]\([^)]+\): \S/);
  });

  test("every link of llms.txt leads to a file in site/, the guide's sources and the API reports among them", () => {
    const links = [...llms().matchAll(/\]\(([^)]+)\)/g)].map(([, link]) => link!);
    for (const link of links) {
      expect(link).not.toMatch(/^([a-z]+:|\/\/|\.\.)/i);
      const path = posix.normalize(link.replace(/^\//, ""));
      expect(path.startsWith(".."), link).toBe(false);
      expect(existsSync(join("site", path)), link).toBe(true);
    }
    for (const { name } of GUIDE as GuidePage[]) expect(links).toContain(`guide/${name}.md`);
    for (const report of readdirSync("api-report")) expect(links).toContain(`api/${report}`);
    expect(links).toContain("reference.md");
  });

  test("reference.md names every operationId and every component schema, and how each operation is called", () => {
    const markdown = readFileSync("site/reference.md", "utf8");
    for (const { operation, method, path } of operations) {
      expect(markdown).toContain(`### ${operation.operationId}\n`);
      expect(markdown).toContain(`\`${method.toUpperCase()} ${path}\``);
    }
    for (const name of Object.keys(spec.components.schemas)) expect(markdown).toContain(`### ${name}\n`);
    expect(markdown).toContain("| `customer-tenant-id` | path | string (uuid) | yes |");
    expect(markdown).toMatch(/\| `MS-CorrelationId` \| header \| string \(uuid\) \| no \|/);
    expect(markdown).toContain("| `vettingStatus` | [VettingStatus](#vettingstatus) | no |");
    expect(markdown).toContain('Type: `"K12"` | `"HigherEducation"`.');
  });
});

describe("the build", () => {
  const tree = (files: string[]) => ({
    name: "a test tree",
    has: () => true,
    list: (dir: string) => (dir === "docs/guide" ? files : undefined),
    read: (path: string) =>
      Buffer.from(`# ${GUIDE.find(({ name }: GuidePage) => path.endsWith(`/${name}.md`))?.title}\n`),
  });
  const all = GUIDE.map(({ name }: GuidePage) => `${name}.md`);

  test("fails on a listed page that is missing, and on a page that is not listed, naming them", () => {
    expect(() => guideOf(tree(all.filter((file: string) => file !== "vetting.md")), { strict: true })).toThrow(
      "docs/guide/vetting.md is listed in GUIDE (scripts/docs/guide.mjs) but missing",
    );
    expect(() => guideOf(tree([...all, "faq.md"]), { strict: true })).toThrow(
      "docs/guide/faq.md is not listed in GUIDE (scripts/docs/guide.mjs)",
    );
    expect(() => guideOf({ ...tree([]), list: () => undefined }, { strict: true })).toThrow("docs/guide/ is missing");
  });

  test("headings get GitHub's ids, and links to Markdown pages lead to their HTML pages", () => {
    const sitePath = (file: string) => ({ "docs/guide/client.md": "guide/client.html" })[file];
    const options = { from: "docs/guide/errors.md", page: "guide/errors.html", sitePath };
    const headings = "# Errors\n\n## `waitForVetting`'s options\n\n## Options\n\n## Options\n\n";
    const markdown = `${headings}[c](client.md#options) [s](../../src/x.ts)`;
    const { html } = renderMarkdown(markdown, options);
    expect([...html.matchAll(/<h\d id="([^"]+)"/g)].map(([, id]) => id)).toEqual([
      "errors",
      "waitforvettings-options",
      "options",
      "options-1",
    ]);
    expect(html).toContain('<a href="client.html#options">c</a>');
    expect(html).toContain('<span class="repo-file" title="src/x.ts in the repository">s</span>');
  });
});

describe("the API reference", () => {
  const tagSlug = (tag: string) => tag.toLowerCase().replace(/\s+/g, "-");
  const operationSection = (operationId: string) => {
    const { operation } = operationById(operationId);
    return page.locator(`[id="${tagSlug(operation.tags[0])}/${operationId.toLowerCase()}"]`);
  };
  async function open(operationId: string) {
    const { operation } = operationById(operationId);
    await page.goto(`${reference()}#/${tagSlug(operation.tags[0])}/${operationId.toLowerCase()}`, {
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

  test("its top bar leads back to the guide", async () => {
    const bar = page.locator("header.topbar");
    expect(await bar.innerText()).toContain(pkg.name);
    expect(await bar.getByRole("link", { name: "Guide", exact: true }).getAttribute("href")).toBe("index.html");
  });

  test("the vetting workflow's section points to the guide's vetting page, without the workflow's YAML", async () => {
    await page.goto(`${reference()}#/section/the-vetting-workflow`, { waitUntil: "networkidle" });
    await expect.poll(() => page.getByRole("heading", { name: "The vetting workflow" }).isVisible()).toBe(true);
    const link = page.locator('#redoc a[href="guide/vetting.html"]').first();
    expect(await link.innerText()).toBe("Waiting for vetting");
    expect(await page.locator("pre", { hasText: "workflowId: qualifyEducation" }).count()).toBe(0);
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
    const values = responseExamples("getCustomerQualifications", "200");

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
    await page.goto(`${reference()}#/schemas`, { waitUntil: "networkidle" });
    const more = page.getByText(/^Show \d+ more/);
    if (await more.count()) await more.first().click();
    const text = await page.locator("body").innerText();
    for (const name of Object.keys(spec.components.schemas)) expect(text).toContain(name);
  });

  test("nothing was blocked and the console stayed clean", () => {
    expect(blocked).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe("versions, on a throwaway copy of the repository with two release tags", () => {
  // v0.1.0 has no guide, v0.2.0 has one and a CHANGELOG.md, and the working tree is 0.3.0, not released.
  let copy: string | undefined;
  let served: Site;
  const labels = ["0.3.0 (unreleased)", "0.2.0", "0.1.0"];

  beforeAll(async () => {
    copy = copyOfRepo("docs-versions-");
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], {
        cwd: copy,
        stdio: "ignore",
      });
    const setVersion = (version: string) => {
      const file = join(copy!, "package.json");
      writeFileSync(file, `${JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), version }, null, 2)}\n`);
    };
    git("rm", "-rq", "docs/guide");
    setVersion("0.1.0");
    git("commit", "-qam", "0.1.0, before the guide");
    git("tag", "v0.1.0");
    git("checkout", "HEAD~1", "--", "docs/guide");
    setVersion("0.2.0");
    writeFileSync(join(copy, "CHANGELOG.md"), `# ${pkg.name}\n\n## 0.2.0\n\n### Minor Changes\n\n- The guide.\n`);
    git("add", "-A");
    git("commit", "-qm", "0.2.0");
    git("tag", "v0.2.0");
    setVersion("0.3.0");
    execFileSync(process.execPath, ["scripts/docs.mjs"], { cwd: copy, stdio: "pipe" });
    served = await serveDocs({ root: join(copy, "site") });
  });

  afterAll(async () => {
    await served?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  test("versions.json lists the current tree and each tag, newest first", () => {
    const versions = JSON.parse(readFileSync(join(copy!, "site/versions.json"), "utf8"));
    expect(versions.map(({ label }: { label: string }) => label)).toEqual(labels);
    expect(versions.map(({ path }: { path: string }) => path)).toEqual([
      "index.html",
      "v0.2.0/index.html",
      "v0.1.0/index.html",
    ]);
  });

  test("a tag without docs/guide/ gets the reference and the changelog only; a tag with it, its guide", () => {
    const files = filesUnder(join(copy!, "site"));
    expect(files.filter((file) => file.startsWith("v0.1.0/guide/"))).toEqual([]);
    for (const file of ["reference.html", "changelog.html", "reference.md", "llms.txt", "index.html"])
      expect(files).toContain(`v0.1.0/${file}`);
    for (const { name } of GUIDE as GuidePage[]) expect(files).toContain(`v0.2.0/guide/${name}.html`);
    expect(readFileSync(join(copy!, "site/v0.2.0/changelog.md"), "utf8")).toContain("## 0.2.0");
  });

  test("every page's switcher lists every version, newest first, its own selected", () => {
    const root = join(copy!, "site");
    const pages = filesUnder(root).filter((file) => file.endsWith(".html"));
    for (const file of pages) {
      const html = readFileSync(join(root, file), "utf8");
      const options = [...html.matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g)];
      expect(
        options.map(([, , , label]) => label),
        file,
      ).toEqual(labels);
      const own = file.startsWith("v0.2.0/") ? "0.2.0" : file.startsWith("v0.1.0/") ? "0.1.0" : labels[0];
      expect(
        options.filter(([, , selected]) => selected).map(([, , , label]) => label),
        file,
      ).toEqual([own]);
      for (const [, value] of options) expect(existsSync(join(root, posix.dirname(file), value!)), value).toBe(true);
    }
  });

  test("the switcher opens the same page in another version, or that version's home when it lacks it", async () => {
    const { page: reader, errors } = await recordingPage();
    const outside: string[] = [];
    await allowOnly(reader, [served.url], outside);
    const switcher = reader.locator("#version-switcher");
    await reader.goto(`${served.url}guide/client.html`, { waitUntil: "load" });
    expect(await switcher.locator("option").allInnerTexts()).toEqual(labels);
    await Promise.all([
      reader.waitForURL(`${served.url}v0.2.0/guide/client.html`),
      switcher.selectOption({ label: "0.2.0" }),
    ]);
    expect(await reader.locator("main h1").innerText()).toBe("The client");
    expect(await switcher.locator("option:checked").innerText()).toBe("0.2.0");
    await Promise.all([reader.waitForURL(`${served.url}v0.1.0/index.html`), switcher.selectOption({ label: "0.1.0" })]);
    expect(await reader.locator("main").innerText()).toContain("This version has no guide");
    await reader.goto(`${served.url}v0.1.0/reference.html`, { waitUntil: "networkidle" });
    await Promise.all([reader.waitForURL(`${served.url}reference.html`), switcher.selectOption({ label: labels[0]! })]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await reader.close();
  });

  test("the switcher works from file:// too", async () => {
    const { page: reader, requests } = await recordingPage();
    const root = pathToFileURL(join(copy!, "site")).href;
    await reader.goto(`${root}/v0.2.0/guide/vetting.html`, { waitUntil: "load" });
    const switcher = reader.locator("#version-switcher");
    await Promise.all([reader.waitForURL(`${root}/guide/vetting.html`), switcher.selectOption({ label: labels[0]! })]);
    expect(await reader.locator("main h1").innerText()).toBe("Waiting for vetting");
    expect(requests.filter((url) => /^https?:/.test(url))).toEqual([]);
    await reader.close();
  });
});
