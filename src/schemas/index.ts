// partner-center-qualifications/schemas: each component schema of the spec under its own name, and each
// operation's request body and answers under the operation's, as Standard Schema validators typed by the
// package's named types (the spec's Error and ThrottlingError as ErrorBody and ThrottlingErrorBody, as the
// named types call them, so that no import shadows the global Error). Each is a pure call, so a bundler
// drops those an app does not import.
import * as components from "../../generated/components.js";
import * as schemas from "../../generated/schemas.js";
import { isPlainObject } from "../contract/schema.js";
import type * as Types from "../contract/types.js";
import { type ContractSchema, contractSchema } from "./contract-schema.js";

export type { ContractSchema, ContractSchemaIssue, ContractSchemaResult, JsonSchemaTarget } from "./contract-schema.js";

/** A qualification: a known value, or any other string the service may add. */
export const Qualification = /* @__PURE__ */ contractSchema<Types.Qualification>(components.Qualification);
/** A vetting state: a known value, or any other string the service may add. */
export const VettingStatus = /* @__PURE__ */ contractSchema<Types.VettingStatus>(components.VettingStatus);
/** One qualification of a customer and the state of its vetting. */
export const CustomerQualification = /* @__PURE__ */ contractSchema<Types.CustomerQualification>(
  components.CustomerQualification,
);
/** A customer's qualifications as a bare array. */
export const CustomerQualificationArray = /* @__PURE__ */ contractSchema<Types.CustomerQualification[]>(
  components.CustomerQualificationArray,
);
/** A customer's qualifications as `{qualifications: [...]}`. */
export const CustomerQualificationsEnvelope = /* @__PURE__ */ contractSchema<Types.CustomerQualificationsEnvelope>(
  components.CustomerQualificationsEnvelope,
);
/** A customer's qualifications in either form: a bare array or `{qualifications: [...]}`. */
export const CustomerQualificationsResponse = /* @__PURE__ */ contractSchema<Types.CustomerQualificationsResponse>(
  components.CustomerQualificationsResponse,
);
/** A Partner Center error body (the spec's `Error`). */
export const ErrorBody = /* @__PURE__ */ contractSchema<Types.ErrorBody>(components.Error);
/** The body of a throttled (429) answer (the spec's `ThrottlingError`). */
export const ThrottlingErrorBody = /* @__PURE__ */ contractSchema<Types.ThrottlingErrorBody>(
  components.ThrottlingError,
);
/** The kind of education customer: K12 or HigherEducation. */
export const EducationSegment = /* @__PURE__ */ contractSchema<Types.EducationSegment>(components.EducationSegment);
/** A request for Education; `educationSegment` is required. */
export const EducationQualificationRequest = /* @__PURE__ */ contractSchema<Types.EducationQualificationRequest>(
  components.EducationQualificationRequest,
);
/** A request for Government Community Cloud; `validationCode` is required. */
export const GovernmentCommunityCloudQualificationRequest =
  /* @__PURE__ */ contractSchema<Types.GovernmentCommunityCloudQualificationRequest>(
    components.GovernmentCommunityCloudQualificationRequest,
  );
/** A request for StateOwnedEntity. */
export const StateOwnedEntityQualificationRequest =
  /* @__PURE__ */ contractSchema<Types.StateOwnedEntityQualificationRequest>(
    components.StateOwnedEntityQualificationRequest,
  );
/**
 * The body that sets a qualification, in any of its three variants. An issue speaks of the variant the
 * value's `qualification` names (Education needs `educationSegment`), not of every variant.
 */
export const CustomerQualificationRequest = /* @__PURE__ */ contractSchema<Types.CustomerQualificationRequest>(
  components.CustomerQualificationRequest,
  (value) => (isPlainObject(value) ? components.CustomerQualificationRequestVariants : undefined),
);
/** One of the partner's Government Community Cloud validation codes. */
export const ValidationCode = /* @__PURE__ */ contractSchema<Types.ValidationCode>(components.ValidationCode);
/** Which of the partner's validation codes a customer's GCC qualification used. */
export const GccValidationRelationship = /* @__PURE__ */ contractSchema<Types.GccValidationRelationship>(
  components.GccValidationRelationship,
);
/**
 * The answer of the retired synchronous calls: the qualification as a lower-case string.
 * @deprecated Partner Center retired these calls; the client does not offer them.
 */
export const LegacyQualification = /* @__PURE__ */ contractSchema<string>(components.LegacyQualification);
/**
 * The body of the retired synchronous PUT: a qualification's name, or 1 or 3.
 * @deprecated Partner Center retired these calls; the client does not offer them.
 */
export const LegacyQualificationValue = /* @__PURE__ */ contractSchema<
  Types.components["schemas"]["LegacyQualificationValue"]
>(components.LegacyQualificationValue);

/** The body of POST .../qualifications (createCustomerQualification): {@link CustomerQualificationRequest}. */
export const createCustomerQualificationRequest: ContractSchema<Types.CustomerQualificationRequest> =
  CustomerQualificationRequest;
/**
 * The answer of createCustomerQualification: the new qualification (201), or `{qualifications: [...]}` (200).
 * An issue speaks of the form the value has: the envelope when it has `qualifications`.
 */
export const createCustomerQualificationResponse = /* @__PURE__ */ contractSchema<
  Types.CustomerQualification | Types.CustomerQualificationsEnvelope
>(
  { anyOf: [schemas.createCustomerQualificationResponse201, schemas.createCustomerQualificationResponse200] },
  (value) =>
    isPlainObject(value) && value.qualifications !== undefined
      ? components.CustomerQualificationsEnvelope
      : components.CustomerQualification,
);
/** The answer of GET .../qualifications (getCustomerQualifications): {@link CustomerQualificationsResponse}. */
export const getCustomerQualificationsResponse: ContractSchema<Types.CustomerQualificationsResponse> =
  CustomerQualificationsResponse;
/** The answer of GET /v1/customers/all/validations (getValidationCodes): the partner's validation codes. */
export const getValidationCodesResponse = /* @__PURE__ */ contractSchema<Types.ValidationCode[]>(
  schemas.getValidationCodesResponse,
);
/** The answer of GET .../validations (getCustomerValidation), 200 or 201: {@link GccValidationRelationship}. */
export const getCustomerValidationResponse: ContractSchema<Types.GccValidationRelationship> = GccValidationRelationship;
