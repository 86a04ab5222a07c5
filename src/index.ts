export { createQualificationsClient } from "./client.js";
export type { CallOptions, CreateCallOptions, QualificationsClient, QualificationsClientOptions } from "./client.js";
export { PartnerCenterError } from "./errors.js";
export type * from "./types.js";
