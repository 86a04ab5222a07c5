import { PartnerCenterClientError } from "./errors.js";
import { formats } from "./schema.js";
import type { CustomerQualification } from "./types.js";

/**
 * When Microsoft started vetting this qualification, whichever spelling Partner Center used
 * (`vettingCreateDate` or `vettingCreatedDate`); undefined when it sent neither. Seven fractional
 * digits and `+00:00` offsets are read exactly (to the millisecond, as far as `Date` goes).
 */
export function vettingDate(qualification: Pick<CustomerQualification, "vettingCreateDate" | "vettingCreatedDate">): Date | undefined {
  const text = qualification.vettingCreateDate ?? qualification.vettingCreatedDate;
  if (text === undefined) return undefined;
  const invalid = () => new PartnerCenterClientError("invalid-argument", `The vetting date must be an RFC 3339 date-time; got ${JSON.stringify(text)}`);
  const match = formats["date-time"]!.exec(text);
  if (!match) throw invalid();
  const [, day, time, fraction = "", zone] = match;
  // The ECMAScript date format, the one every engine must read, has exactly three fractional digits and an upper-case Z.
  // Stryker disable next-line MethodExpression: equivalent on V8 (the mutants run there), which reads fewer or more digits and a lower-case z too
  const date = new Date(`${day}T${time}.${fraction.padEnd(3, "0").slice(0, 3)}${zone!.toUpperCase()}`);
  // A day its month does not have (2021-02-30) would roll over into the next month.
  if (Number.isNaN(date.getTime()) || new Date(day!).getUTCDate() !== Number(day!.slice(8))) throw invalid();
  return date;
}
