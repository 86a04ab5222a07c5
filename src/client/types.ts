// Named types for users, all taken from the generated schema so they follow the spec.
import type { components } from "../../generated/schema.js";

type Schemas = components["schemas"];

/** One qualification of a customer and the state of its vetting. */
export type CustomerQualification = Schemas["CustomerQualification"];
/** The GET body as sent: a bare array (Microsoft's corrected contract) or `{qualifications: [...]}` (contract decision 1). */
export type CustomerQualificationsResponse = Schemas["CustomerQualificationsResponse"];
/** The wrapped form `{qualifications: [...]}` of the GET body and of the create's 200 answer. */
export type CustomerQualificationsEnvelope = Schemas["CustomerQualificationsEnvelope"];
/** Known qualification values, plus any other string the service may add. */
export type Qualification = Schemas["Qualification"];
/** Known vetting states, plus any other string the service may add. */
export type VettingStatus = Schemas["VettingStatus"];
/** The body that sets a qualification: Education, GovernmentCommunityCloud or StateOwnedEntity. */
export type CustomerQualificationRequest = Schemas["CustomerQualificationRequest"];
export type EducationQualificationRequest = Schemas["EducationQualificationRequest"];
export type GovernmentCommunityCloudQualificationRequest = Schemas["GovernmentCommunityCloudQualificationRequest"];
export type StateOwnedEntityQualificationRequest = Schemas["StateOwnedEntityQualificationRequest"];
export type EducationSegment = Schemas["EducationSegment"];
/** One of the partner's Government Community Cloud validation codes. */
export type ValidationCode = Schemas["ValidationCode"];
/** A Partner Center error body. */
export type ErrorBody = Schemas["Error"];
/** The body of a throttled (429) answer. */
export type ThrottlingErrorBody = Schemas["ThrottlingError"];

export type { components, operations, paths } from "../../generated/schema.js";
