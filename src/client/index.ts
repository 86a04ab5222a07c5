// The package's main entry: the client, its errors, the contract's named types and known values.
export type * from "../contract/types.js";
export {
  isKnownQualification,
  isKnownVettingStatus,
  KnownQualification,
  type KnownOf,
  KnownVettingStatus,
  type ValueSet,
} from "../contract/known.js";
export type { QualificationsCalls, WithResponse } from "./calls.js";
export { createQualificationsClient, type QualificationsClient } from "./client.js";
export type {
  AnyPartnerCenterClientError,
  PartnerCenterErrorBody,
  PartnerCenterErrorInit,
  PartnerCenterErrorKind,
  RequestDetails,
} from "./errors.js";
export {
  isPartnerCenterClientError,
  isPartnerCenterError,
  PartnerCenterClientError,
  PartnerCenterError,
} from "./errors.js";
export type { AttemptEvent, ClientHooks, ResponseEvent, RetryEvent } from "./hooks.js";
export type { Logger } from "./logging.js";
export type {
  CallOptions,
  CreateCallOptions,
  QualificationsClientOptions,
  QualificationsClientSettings,
  TokenCredential,
  WaitForVettingOptions,
} from "./options.js";
export type { Redact } from "./redaction.js";
export type { RetryOptions } from "./retry.js";
export type { Span, SpanAttributes, SpanOptions, TraceContext, Tracer } from "./tracing.js";
export { vettingDate } from "./vetting-date.js";
