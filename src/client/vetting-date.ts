import { PartnerCenterClientError } from "./errors.js";
import { DATE_TIME, isCalendarDay } from "../contract/schema.js";
import type { CustomerQualification } from "../contract/types.js";

/**
 * When Microsoft started vetting this qualification, whichever spelling Partner Center used
 * (`vettingCreateDate` or `vettingCreatedDate`); undefined when it sent neither. Seven fractional
 * digits and `+00:00` offsets are read exactly (to the millisecond, as far as `Date` goes).
 */
export function vettingDate(
  qualification: Pick<CustomerQualification, "vettingCreateDate" | "vettingCreatedDate">,
): Date | undefined {
  if (typeof qualification !== "object" || qualification === null)
    throw new PartnerCenterClientError(
      "invalid-argument",
      `vettingDate takes a qualification; got ${qualification === null ? "null" : typeof qualification}`,
    );
  const text: unknown = qualification.vettingCreateDate ?? qualification.vettingCreatedDate;
  if (text === undefined) return undefined;
  const match = typeof text === "string" ? DATE_TIME.exec(text) : null;
  // A day its month does not have (2021-02-30) would roll over into the next month.
  if (!match || !isCalendarDay(match[1]!)) {
    const got = typeof text === "string" ? JSON.stringify(text) : typeof text;
    throw new PartnerCenterClientError(
      "invalid-argument",
      `The vetting date must be an RFC 3339 date-time; got ${got}`,
    );
  }
  const [, day, time, fraction = "", zone] = match;
  // A leap second (23:59:60), which a Date cannot hold, is read as the start of the next second.
  const leap = time!.endsWith("60");
  // The ECMAScript date format, the one every engine must read, has exactly three fractional digits and an upper-case
  // Z.
  // Equivalent on V8 (the mutants run there), which reads fewer or more digits and a lower-case z too
  // Stryker disable MethodExpression
  const date = new Date(
    `${day}T${leap ? `${time!.slice(0, -2)}59` : time}.${fraction.padEnd(3, "0").slice(0, 3)}${zone!.toUpperCase()}`,
  );
  // Stryker restore MethodExpression
  return leap ? new Date(date.getTime() + 1000) : date;
}
