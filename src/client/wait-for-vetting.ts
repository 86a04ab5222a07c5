// Polls a customer's qualifications until Microsoft has decided the vetting of one of them.
import type { CreatableQualification, CustomerQualification } from "../contract/types.js";
import type { CallResult, Calls } from "./calls.js";
import { checkArgument } from "./checks.js";
import { PartnerCenterClientError, type PartnerCenterError } from "./errors.js";
import { observe } from "./hooks.js";
import type { Logger } from "./logging.js";
import { checkWaitOptions, DEFAULTS, type WaitForVettingOptions } from "./options.js";
import { isTransient } from "./retry.js";
import { linkedController, sleep } from "./signals.js";

// How soon a qualification missing from the first poll is looked for again.
const SECOND_LOOK_MS = 2_000;

export async function waitForVetting(
  { calls, log }: { calls: Calls; log: Logger | undefined },
  customerTenantId: string,
  qualification: CreatableQualification,
  wait: WaitForVettingOptions = {},
): Promise<CallResult<CustomerQualification>> {
  // The tenant id is checked by the first poll.
  const isName = (value: unknown) => typeof value === "string" && value !== "";
  checkArgument(qualification, "qualification", isName, "a qualification name such as Education");
  checkWaitOptions(wait);
  const { intervalMs = DEFAULTS.intervalMs, timeoutMs, signal, onPoll } = wait;
  const name = `waitForVetting(${qualification})`;
  const startedAt = performance.now();
  // One signal for the whole wait, fired by the caller or at the deadline: no poll and no sleep runs past the
  // deadline (a sleep lasts min(intervalMs, time left)).
  const [whole, release] = linkedController(signal, timeoutMs);
  let state = "the qualification is not on the customer yet";
  let [seen, absent] = [false, 0];
  try {
    for (;;) {
      let pauseMs = intervalMs;
      try {
        const { data, response } = await calls.getCustomerQualifications(customerTenantId, { signal: whole.signal });
        const current = data.find((entry) => entry?.qualification === qualification);
        observe(onPoll, current);
        if (current && current.vettingStatus !== "InReview") return { data: current, response };
        // Without a deadline or a signal, a qualification the customer does not have would be polled for ever. It
        // takes a second answer without it, soon after the first: a list may lag a create by a read.
        if (current) {
          seen = true;
          state = "the qualification is still InReview";
        } else if (!seen && timeoutMs === undefined && !signal) {
          if (++absent === 2) throw cannotEnd(name, customerTenantId);
          pauseMs = Math.min(intervalMs, SECOND_LOOK_MS);
        }
      } catch (error) {
        // A poll that may succeed later does not end a long wait; a caller's or a deadline's abort does.
        if (!isTransient(error)) throw error;
        state = `the last poll failed: ${(error as Error).message}`;
        // A server that asks for a longer pause (Retry-After) gets it.
        pauseMs = Math.max(intervalMs, ((error as PartnerCenterError).retryAfter ?? 0) * 1000);
      }
      observe(log, `${name}: ${state}; the next poll in ${pauseMs} ms`);
      await sleep(pauseMs, whole.signal, name);
    }
  } catch (error) {
    if (signal?.aborted || !whole.signal.aborted) throw error;
    const elapsedMs = Math.ceil(performance.now() - startedAt);
    throw new PartnerCenterClientError("timeout", `${name} gave up after ${elapsedMs} ms: ${state}`);
  } finally {
    release();
  }
}

function cannotEnd(name: string, customerTenantId: string): PartnerCenterClientError {
  const message =
    `${name}: the customer ${customerTenantId} does not have it after two polls, so the wait would never end; ` +
    "create it first, or give timeoutMs or a signal to wait for it to appear";
  return new PartnerCenterClientError("invalid-argument", message);
}
