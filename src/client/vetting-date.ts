import { PartnerCenterClientError } from "./errors.js";
import type { CustomerQualification } from "./types.js";

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * When Microsoft started vetting this qualification, whichever spelling Partner Center used
 * (`vettingCreateDate` or `vettingCreatedDate`); undefined when it sent neither. Seven fractional
 * digits and `+00:00` offsets are read exactly (to the millisecond, as far as `Date` goes).
 */
export function vettingDate(qualification: Pick<CustomerQualification, "vettingCreateDate" | "vettingCreatedDate">): Date | undefined {
  const text = qualification.vettingCreateDate ?? qualification.vettingCreatedDate;
  if (text === undefined) return undefined;
  const match = RFC3339.exec(text);
  const [, day, time, fraction = "", zone = ""] = match ?? [];
  // Date.parse is only required to read three fractional digits.
  const date = new Date(`${day}T${time}.${fraction.padEnd(3, "0").slice(0, 3)}${zone.toUpperCase()}`);
  if (!match || Number.isNaN(date.getTime())) throw new PartnerCenterClientError("invalid-argument", `The vetting date must be an RFC 3339 date-time; got ${JSON.stringify(text)}`);
  return date;
}
