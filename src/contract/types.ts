// Named types for users, all taken from the generated schema so they follow the spec. Object types are
// interfaces that extend the generated ones, so that editors show their names rather than their members.
import type { components } from "../../generated/schema.js";

/** The contract's component schemas as generated types, by name. */
export type ComponentSchemas = components["schemas"];
/**
 * One component schema's generated type: `ComponentSchema<"Error">` is `components["schemas"]["Error"]`
 * (an interface may extend a named type only).
 */
export type ComponentSchema<Name extends keyof ComponentSchemas> = ComponentSchemas[Name];

/** One qualification of a customer and the state of its vetting. */
export interface CustomerQualification extends ComponentSchema<"CustomerQualification"> {}
/** The wrapped form `{qualifications: [...]}` of the GET body and of the create's 200 answer. */
export interface CustomerQualificationsEnvelope extends ComponentSchema<"CustomerQualificationsEnvelope"> {
  qualifications: CustomerQualification[];
}
/**
 * The GET body as sent: a bare array (Microsoft's corrected contract) or `{qualifications: [...]}`
 * (docs/decisions.md, 1).
 */
export type CustomerQualificationsResponse = CustomerQualification[] | CustomerQualificationsEnvelope;
/** Known qualification values, plus any other string the service may add (see `KnownQualification`). */
export type Qualification = ComponentSchemas["Qualification"];
/** Known vetting states, plus any other string the service may add (see `KnownVettingStatus`). */
export type VettingStatus = ComponentSchemas["VettingStatus"];
/** Asks Microsoft to vet the customer as an education customer; `educationSegment` is required. */
export interface EducationQualificationRequest extends ComponentSchema<"EducationQualificationRequest"> {}
/** Qualifies the customer for Government Community Cloud; `validationCode` is required. */
export interface GovernmentCommunityCloudQualificationRequest
  extends ComponentSchema<"GovernmentCommunityCloudQualificationRequest"> {}
/** Marks the customer as a state-owned entity. */
export interface StateOwnedEntityQualificationRequest extends ComponentSchema<"StateOwnedEntityQualificationRequest"> {}
/** The body that sets a qualification: Education, GovernmentCommunityCloud or StateOwnedEntity. */
export type CustomerQualificationRequest =
  | EducationQualificationRequest
  | GovernmentCommunityCloudQualificationRequest
  | StateOwnedEntityQualificationRequest;
/** The qualifications a client can set: Education, GovernmentCommunityCloud, StateOwnedEntity. */
export type CreatableQualification = CustomerQualificationRequest["qualification"];
export type EducationSegment = ComponentSchemas["EducationSegment"];
/** One of the partner's Government Community Cloud validation codes. */
export interface ValidationCode extends ComponentSchema<"ValidationCode"> {}
/** Which of the partner's validation codes a customer's GCC qualification used. */
export interface GccValidationRelationship extends ComponentSchema<"GccValidationRelationship"> {}
/** A Partner Center error body. */
export interface ErrorBody extends Omit<ComponentSchema<"Error">, "parameters"> {
  // The spec's `type: object` comes out of openapi-typescript as Record<string, never>, which no value fits.
  /** Values that fill the error message. */
  parameters?: Record<string, unknown>;
}
/** The body of a throttled (429) answer. */
export interface ThrottlingErrorBody extends ComponentSchema<"ThrottlingError"> {}

export type { components, operations, paths } from "../../generated/schema.js";
