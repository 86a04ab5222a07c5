export { createQualificationsClient } from "./client.js";
export type {
  CallOptions,
  CreateCallOptions,
  QualificationsCalls,
  QualificationsClient,
  QualificationsClientOptions,
  QualificationsClientSettings,
  TokenCredential,
  WaitForVettingOptions,
  WithResponse,
} from "./client.js";
export {
  isPartnerCenterClientError,
  isPartnerCenterError,
  PartnerCenterClientError,
  PartnerCenterError,
} from "./errors.js";
export type { AnyPartnerCenterClientError, PartnerCenterErrorBody, PartnerCenterErrorKind } from "./errors.js";
export { isKnownQualification, isKnownVettingStatus, KnownQualification, KnownVettingStatus } from "./known.js";
export type { AttemptEvent, ClientHooks, ResponseEvent, RetryEvent, RetryOptions } from "./transport.js";
export { vettingDate } from "./vetting-date.js";
export type * from "./types.js";
