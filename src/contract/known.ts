// The known values of the open value sets, as the Azure SDK gives them: a constant to name them by,
// and a guard that narrows a value to them, so that a switch over them can be exhaustive while values
// Microsoft adds later still pass.
import type { Qualification, VettingStatus } from "./types.js";

/** The literals of an open string type ("A" | "B" | (string & {})), without the open end. */
export type KnownOf<T> = T extends unknown ? (string extends T ? never : T) : never;
/** Each known value under its own name. Typed so, a value the spec adds or drops fails to compile here. */
export type ValueSet<T extends string> = { readonly [Value in T]: Value };

// Each value under its own name.
const valueSet = <T extends string>(...values: T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as ValueSet<T>;
const guard =
  <T extends string>(set: ValueSet<T>) =>
  (value: unknown): value is T =>
    typeof value === "string" && Object.hasOwn(set, value);

/** The qualifications the spec knows; a {@link Qualification} may be another string. */
export type KnownQualification = KnownOf<Qualification>;
export const KnownQualification: ValueSet<KnownQualification> = valueSet<KnownQualification>(
  "Education",
  "GovernmentCommunityCloud",
  "StateOwnedEntity",
  "Nonprofit",
  "None",
);
/** Whether `value` is a qualification the spec knows: narrows a {@link Qualification} for an exhaustive switch. */
export const isKnownQualification = guard(KnownQualification);

/** The vetting states the spec knows; a {@link VettingStatus} may be another string. */
export type KnownVettingStatus = KnownOf<VettingStatus>;
export const KnownVettingStatus: ValueSet<KnownVettingStatus> = valueSet<KnownVettingStatus>(
  "Approved",
  "InReview",
  "Denied",
);
/** Whether `value` is a vetting state the spec knows: narrows a {@link VettingStatus} for an exhaustive switch. */
export const isKnownVettingStatus = guard(KnownVettingStatus);
