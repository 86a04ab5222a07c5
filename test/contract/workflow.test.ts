// The Arazzo workflow run by `redocly respect` against the stateful mock: it passes when the vetting ends
// Approved, fails on its success criterion when it ends Denied, and gives up when it is never decided.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DENIED_REASON, startMock, type MockOptions } from "../../src/mock/index.js";
// @ts-expect-error: a plain ESM script without type declarations
import { redoclyAsync } from "../../scripts/redocly.mjs";
import { TENANT } from "../support/harness.js";

const WORKFLOW = "openapi/workflows/qualify-education.arazzo.yaml";
const RETRY_LIMIT = Number(/retryLimit: (\d+)/.exec(readFileSync(WORKFLOW, "utf8"))?.[1]);

interface Check {
  name: string;
  passed: boolean;
  condition?: string;
}
interface Step {
  stepId: string;
  response: { body: unknown };
  checks: Check[];
}

/** Runs the workflow against a new stateful mock: exit code, output, each step's failed checks (retries included). */
async function respect(options: MockOptions) {
  const mock = await startMock({ stateful: true, ...options });
  const scratch = mkdtempSync(join(tmpdir(), "respect-"));
  try {
    const report = join(scratch, "report.json");
    const { code, output } = await redoclyAsync([
      "respect",
      WORKFLOW,
      "--server",
      `qualifications=${mock.url}`,
      "--input",
      `customerTenantId=${TENANT}`,
      "--input",
      "accessToken=test-token",
      "--json-output",
      report,
    ]);
    if (!existsSync(report)) throw new Error(`redocly respect wrote no report (exit code ${code}):\n${output}`);
    const [file] = Object.values(JSON.parse(readFileSync(report, "utf8")).files) as {
      executedWorkflows: { executedSteps: Step[] }[];
    }[];
    const steps = file!.executedWorkflows[0]!.executedSteps;
    return { code, output, failures: steps.map((step) => [step.stepId, failed(step)]), last: steps.at(-1)! };
  } finally {
    await mock.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const failed = (step: Step) =>
  step.checks.filter((check) => !check.passed).map(({ name, condition }) => ({ name, condition }));
const notApproved = {
  name: "success criteria check",
  condition: expect.stringContaining("@.vettingStatus == 'Approved'"),
};

// Concurrent: most of each run is waiting (for Prism to start, for the workflow's retryAfter). Each run
// starts Prism and Redocly's CLI, about 17 s on a quiet machine: the time limit is a guard against a hang
// with room for a loaded one (three runs at once took over 20 s on 2026-12-04), not a timing goal.
describe.concurrent("redocly respect runs the workflow", { timeout: 90_000 }, () => {
  test("passes when the vetting ends Approved, after polling while it was InReview", async ({ expect }) => {
    const run = await respect({ vettingPolls: 1 });
    expect(run.code, run.output).toBe(0);
    // The first read shows InReview and is retried; the second shows the decision.
    expect(run.failures).toEqual([
      ["createEducation", []],
      ["waitForVetting", [notApproved]],
      ["waitForVetting", []],
    ]);
    expect(run.last.response.body).toEqual([
      expect.objectContaining({ qualification: "Education", vettingStatus: "Approved" }),
    ]);
  });

  test("fails on its success criterion, and only there, when the vetting ends Denied", async ({ expect }) => {
    const run = await respect({ vettingPolls: 1, vettingOutcome: "Denied" });
    expect(run.code, run.output).toBe(1);
    // Decided on the second read and not retried: Denied is not InReview.
    expect(run.failures).toEqual([
      ["createEducation", []],
      ["waitForVetting", [notApproved]],
      ["waitForVetting", [notApproved]],
    ]);
    expect(run.last.response.body).toEqual([
      expect.objectContaining({ qualification: "Education", vettingStatus: "Denied", vettingReason: DENIED_REASON }),
    ]);
  });

  test("gives up after its last retry when the vetting is never decided", async ({ expect }) => {
    const run = await respect({ vettingMs: 2_147_483_647 });
    expect(run.code, run.output).toBe(1);
    expect(RETRY_LIMIT).toBeGreaterThan(0);
    expect(run.failures).toEqual([
      ["createEducation", []],
      ...Array.from({ length: RETRY_LIMIT + 1 }, () => ["waitForVetting", [notApproved]]),
    ]);
    expect(run.last.response.body).toEqual([
      expect.objectContaining({ qualification: "Education", vettingStatus: "InReview" }),
    ]);
  });
});
