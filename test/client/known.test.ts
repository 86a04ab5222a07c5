// The Known value sets hold exactly the spec's known values, and their guards accept those and nothing else.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import {
  isKnownQualification,
  isKnownVettingStatus,
  KnownQualification,
  KnownVettingStatus,
} from "../../src/client/index.js";

const schemas = JSON.parse(readFileSync("generated/openapi.json", "utf8")).components.schemas;
// An open value set is `anyOf: [{ enum: [...] }, { type: string }]`.
const knownValues = (name: string): string[] => schemas[name].anyOf[0].enum;

test.each([
  ["Qualification", KnownQualification, isKnownQualification],
  ["VettingStatus", KnownVettingStatus, isKnownVettingStatus],
] as const)("Known%s names each known value of the spec, and its guard accepts those alone", (name, set, isKnown) => {
  expect(Object.entries(set)).toEqual(knownValues(name).map((value) => [value, value]));
  for (const value of knownValues(name)) expect(isKnown(value)).toBe(true);
  for (const value of [
    "SomethingNew",
    "approved",
    "",
    "toString",
    "__proto__",
    "constructor",
    undefined,
    null,
    5,
    { toString: () => knownValues(name)[0] },
  ]) {
    expect(isKnown(value)).toBe(false);
  }
});
