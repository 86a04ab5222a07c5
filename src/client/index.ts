export { createQualificationsClient } from "./client.js";
export type { CallOptions, CreateCallOptions, QualificationsClient, QualificationsClientOptions, WaitForVettingOptions } from "./client.js";
export { isPartnerCenterClientError, isPartnerCenterError, PartnerCenterClientError, PartnerCenterError } from "./errors.js";
export type { PartnerCenterErrorKind } from "./errors.js";
export { isKnownQualification, isKnownVettingStatus, KnownQualification, KnownVettingStatus } from "./known.js";
export type { RetryOptions } from "./transport.js";
export { vettingDate } from "./vetting-date.js";
export type * from "./types.js";
