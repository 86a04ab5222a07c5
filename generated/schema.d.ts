export interface paths {
    "/v1/customers/{customer-tenant-id}/qualifications": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description The API version requested, usually `v1`. The headers page marks it required, but none of
                 *     Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates, prices and messages are returned. The default is `en-US`.
                 * @example en-US
                 */
                "X-Locale"?: components["parameters"]["XLocale"];
                /**
                 * @description The name of the application that calls the Partner Center REST API.
                 * @example Contoso qualification sync
                 */
                "MS-PartnerCenter-Application"?: components["parameters"]["MsPartnerCenterApplication"];
            };
            path: {
                /**
                 * @description A GUID-formatted string that identifies the customer: the customer's Microsoft ID, shown in
                 *     Partner Center under Customers, Account, Customer Account Info.
                 * @example 4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c
                 */
                "customer-tenant-id": components["parameters"]["CustomerTenantId"];
            };
            cookie?: never;
        };
        /**
         * Get a customer's qualifications
         * @description Returns every qualification of the customer and, for vetted qualifications such as Education,
         *     the state of Microsoft's vetting. Vetting runs asynchronously: poll this call to see an
         *     `InReview` qualification become `Approved` or `Denied`.
         *
         *     Accepts App-only and App+User credentials.
         */
        get: operations["getCustomerQualifications"];
        put?: never;
        /**
         * Set a customer's qualification
         * @description Asks for a qualification for the customer: `Education` (vetted by Microsoft, asynchronously),
         *     `GovernmentCommunityCloud` (with one of the partner's validation codes) or `StateOwnedEntity`.
         *     `None` and `Nonprofit` cannot be set. The answer is the new qualification; an Education
         *     qualification starts `InReview`, so poll `getCustomerQualifications` for the outcome.
         *
         *     Accepts App+User credentials only. For GCC the caller also needs one of the GDAP roles
         *     Directory Reader, Directory Writer, License Administrator or User Administrator.
         */
        post: operations["createCustomerQualification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/all/validations": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description The API version requested, usually `v1`. The headers page marks it required, but none of
                 *     Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates, prices and messages are returned. The default is `en-US`.
                 * @example en-US
                 */
                "X-Locale"?: components["parameters"]["XLocale"];
                /**
                 * @description The name of the application that calls the Partner Center REST API.
                 * @example Contoso qualification sync
                 */
                "MS-PartnerCenter-Application"?: components["parameters"]["MsPartnerCenterApplication"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * Get the partner's GCC validation codes
         * @description Returns the partner's Government Community Cloud validation codes. One of them is needed to
         *     qualify a customer for GCC. The partner must first have been validated through Microsoft's
         *     GCC eligibility form.
         *
         *     Accepts App-only and App+User credentials.
         */
        get: operations["getValidationCodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{customer-tenant-id}/qualification": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description The API version requested, usually `v1`. The headers page marks it required, but none of
                 *     Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates, prices and messages are returned. The default is `en-US`.
                 * @example en-US
                 */
                "X-Locale"?: components["parameters"]["XLocale"];
                /**
                 * @description The name of the application that calls the Partner Center REST API.
                 * @example Contoso qualification sync
                 */
                "MS-PartnerCenter-Application"?: components["parameters"]["MsPartnerCenterApplication"];
            };
            path: {
                /**
                 * @description A GUID-formatted string that identifies the customer: the customer's Microsoft ID, shown in
                 *     Partner Center under Customers, Account, Customer Account Info.
                 * @example 4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c
                 */
                "customer-tenant-id": components["parameters"]["CustomerTenantId"];
            };
            cookie?: never;
        };
        /**
         * Get a customer's qualification (retired)
         * @deprecated
         * @description Retired at the end of February 2021. Use `GET /v1/customers/{customer-tenant-id}/qualifications`
         *     (`getCustomerQualifications`) instead, which returns every qualification with its vetting status.
         *
         *     Returned the customer's single qualification as a bare JSON string. Accepted App-only and
         *     App+User credentials.
         */
        get: operations["getCustomerQualificationLegacy"];
        /**
         * Update a customer's qualification (retired)
         * @deprecated
         * @description Retired at the end of February 2021. Use `POST /v1/customers/{customer-tenant-id}/qualifications`
         *     (`createCustomerQualification`) instead, which takes the GCC validation code in its body.
         *
         *     Set the customer's qualification to Education or GovernmentCommunityCloud; for GCC the
         *     validation code went in the `code` query parameter. Accepted App+User credentials only. The
         *     service was seen answering an error with a bare JSON string such as `"Customer tagging denied."`.
         */
        put: operations["updateCustomerQualificationLegacy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Qualification
         * @description A customer qualification. The known values come from the `CustomerQualification` enum of
         *     Microsoft's .NET SDK. The set is open: Microsoft's V2 model types the field as a plain string,
         *     so other values may appear and must be accepted.
         * @example Education
         */
        Qualification: "Education" | "GovernmentCommunityCloud" | "StateOwnedEntity" | "Nonprofit" | "None" | (string & {});
        /**
         * VettingStatus
         * @description Where Microsoft's vetting of a qualification stands. Microsoft documents the values as
         *     "Approved, Denied, InReview, etc." (API change log, December 2020), so the set is open and
         *     other values must be accepted.
         * @example InReview
         */
        VettingStatus: "Approved" | "InReview" | "Denied" | (string & {});
        /**
         * CustomerQualification
         * @description One qualification of a customer and, where Microsoft vets it, the state of that vetting.
         */
        CustomerQualification: {
            qualification: components["schemas"]["Qualification"];
            vettingStatus?: components["schemas"]["VettingStatus"];
            /**
             * @description Free text that explains a vetting decision, for example "Not an Education Customer",
             *     "Not an Academic Domain" or "Not an eligible Library" (API change log, December 2020).
             * @example Not an Education Customer
             */
            vettingReason?: string;
            /**
             * Format: date-time
             * @description When the vetting started (UTC). This spelling is used by Microsoft's REST API reference,
             *     the .NET SDK (`VettingCreateDate`), the POST response example and the GCC example of the
             *     GET page. Values may carry seven fractional digits and a `+00:00` offset.
             * @example 2021-05-06T19:59:56.6832021+00:00
             */
            vettingCreateDate?: string;
            /**
             * Format: date-time
             * @description When the vetting started (UTC). This spelling is used by the In Review and Denied examples
             *     of the page "Get a customer's qualification asynchronously"; other sources spell it
             *     `vettingCreateDate`. Read whichever is present.
             * @example 2020-12-03T10:37:38.885Z
             */
            vettingCreatedDate?: string;
        };
        /**
         * CustomerQualificationArray
         * @description The customer's qualifications as a bare JSON array, the form shown by Microsoft's English
         *     conceptual docs and read by the .NET SDK.
         */
        CustomerQualificationArray: components["schemas"]["CustomerQualification"][];
        /**
         * CustomerQualificationsEnvelope
         * @description The customer's qualifications wrapped in an object, the form shown by the reference document
         *     (the page "Get a customer's qualification asynchronously" as translated on 2021-01-21) and by
         *     Microsoft's REST API reference (`CustomerQualifications`).
         */
        CustomerQualificationsEnvelope: {
            qualifications: components["schemas"]["CustomerQualificationArray"];
        };
        /**
         * CustomerQualificationsResponse
         * @description Microsoft's sources show two forms of this body: an object with a `qualifications` array
         *     (reference document, REST API reference) and a bare array (English docs, .NET SDK). Both are
         *     part of the contract; clients should accept either.
         */
        CustomerQualificationsResponse: components["schemas"]["CustomerQualificationsEnvelope"] | components["schemas"]["CustomerQualificationArray"];
        /**
         * Error
         * @description A Partner Center error body ("Partner Center REST error codes"). Two shapes are documented: the
         *     `code`, `description`, `data`, `source` shape, and the customer-service shape with `message`,
         *     `errorName`, `isRetryable`, `parameters` and `errorMessageExtended`. The docs type `code` as a
         *     string while real examples carry a number, so both are accepted, and so are further properties.
         */
        Error: {
            /** @description The kind of error (for example `800002`). */
            code?: number | string;
            /** @description What went wrong, at most 1024 characters. */
            description?: string;
            /** @description Only returned for some error types. A list of further error details. */
            data?: unknown[];
            /** @description The service that raised the error, for example `PartnerFD`. */
            source?: string;
            /** @description A message for people. */
            message?: string;
            /** @description A symbolic name of the error, for example `AccountStatusNotFound`. */
            errorName?: string;
            /** @description Whether the same request may succeed when sent again. */
            isRetryable?: boolean;
            /** @description Values that fill the error message. */
            parameters?: Record<string, never>;
            /** @description Extra detail, for example `InternalErrorCode=600074`. */
            errorMessageExtended?: string;
        };
        /**
         * ThrottlingError
         * @description The body of a 429 answer when a call is throttled ("API throttling guidance").
         */
        ThrottlingError: {
            /** @description The HTTP status, 429. */
            statusCode?: number;
            /** @description Says how long to wait before trying again. */
            message?: string;
        };
        /**
         * EducationSegment
         * @description The kind of education customer ("Update a customer's qualifications asynchronously").
         * @enum {string}
         */
        EducationSegment: "K12" | "HigherEducation";
        /**
         * EducationQualificationRequest
         * @description Asks Microsoft to vet the customer as an education customer. `educationSegment` is required.
         */
        EducationQualificationRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            qualification: "Education";
            educationSegment: components["schemas"]["EducationSegment"];
            /**
             * @description Website of the education entity. Optional, and relevant only to Education; Microsoft
             *     recommends including it when available.
             * @example contoso.edu
             */
            website?: string;
        };
        /**
         * GovernmentCommunityCloudQualificationRequest
         * @description Qualifies the customer for Government Community Cloud (GCC). `validationCode` is required;
         *     the partner's codes come from `GET /v1/customers/all/validations`. Older docs and the REST API
         *     reference pass the code as a `code` query parameter instead; the current docs put it in the body.
         */
        GovernmentCommunityCloudQualificationRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            qualification: "GovernmentCommunityCloud";
            /**
             * @description The partner's GCC validation code, for example `123456`.
             * @example 123456
             */
            validationCode: string;
        };
        /**
         * StateOwnedEntityQualificationRequest
         * @description Marks the customer as a state-owned entity (SOE).
         */
        StateOwnedEntityQualificationRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            qualification: "StateOwnedEntity";
        };
        /**
         * CustomerQualificationRequest
         * @description The body of a request that sets a customer's qualification. Only `Education`,
         *     `GovernmentCommunityCloud` and `StateOwnedEntity` can be set; "None" and "Nonprofit" cannot.
         *     Education needs `educationSegment` and GCC needs `validationCode` (mandatory since
         *     May 17th, 2023).
         */
        CustomerQualificationRequest: components["schemas"]["EducationQualificationRequest"] | components["schemas"]["GovernmentCommunityCloudQualificationRequest"] | components["schemas"]["StateOwnedEntityQualificationRequest"];
        /**
         * ValidationCode
         * @description One of the partner's Government Community Cloud validation codes ("Get a partner's validation
         *     codes"; `ValidationCode` in "Utility resources").
         */
        ValidationCode: {
            /**
             * Format: uuid
             * @description The partner's id.
             */
            partnerId?: string;
            /** @description The organization the code was issued for. */
            organizationName?: string;
            /**
             * @description The validation code. The resource table types it as an integer, while the example and the
             *     .NET SDK use a string such as `"12345"`; both are accepted.
             */
            validationId?: string | number;
            /** @description How many customers the code may qualify in all. */
            maxCreates?: number | null;
            /** @description How many customers the code may still qualify. */
            remainingCreates?: number | null;
            /** @description The entity tag of the validation record. */
            eTag?: string;
        };
        /**
         * LegacyQualification
         * @description The answer of the retired synchronous calls: a bare JSON string holding the qualification in
         *     lower case, for example `"education"` or `"governmentcommunitycloud"`.
         * @example education
         */
        LegacyQualification: string;
        /**
         * LegacyQualificationValue
         * @description The body of the retired synchronous PUT: the integer value of the .NET SDK's
         *     `CustomerQualification` enum (0 None, 1 Education, 2 Nonprofit, 3 GovernmentCommunityCloud,
         *     4 StateOwnedEntity). Only Education and GovernmentCommunityCloud could be set.
         * @enum {integer}
         */
        LegacyQualificationValue: 1 | 3;
    };
    responses: {
        /** @description Bad request: the request is malformed or breaks the contract (for example a tenant id that is not a GUID, or a body that lacks a required field). */
        BadRequest: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unauthorized: the access token is missing, expired or not valid for Partner Center. */
        Unauthorized: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Forbidden: the caller may not do this, for example without the needed privileges or without a relationship with the customer. */
        Forbidden: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not found: no customer with this tenant id belongs to the partner. */
        NotFound: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests: the call was throttled. Wait for `Retry-After` seconds, then retry with exponential backoff. */
        TooManyRequests: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ThrottlingError"];
            };
        };
        /** @description Internal server error: an unexpected service error. */
        InternalServerError: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Service unavailable: the service is busy; retry later. */
        ServiceUnavailable: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description A GUID-formatted string that identifies the customer: the customer's Microsoft ID, shown in
         *     Partner Center under Customers, Account, Customer Account Info.
         * @example 4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c
         */
        CustomerTenantId: string;
        /**
         * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
         *     same value; after a response, use a new value for the next call.
         * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
         */
        MsRequestId: string;
        /**
         * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
         *     call include it, with a new value for each call.
         * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
         */
        MsCorrelationId: string;
        /**
         * @description The API version requested, usually `v1`. The headers page marks it required, but none of
         *     Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
         * @example v1
         */
        MsContractVersion: string;
        /**
         * @description The language in which rates, prices and messages are returned. The default is `en-US`.
         * @example en-US
         */
        XLocale: string;
        /**
         * @description The name of the application that calls the Partner Center REST API.
         * @example Contoso qualification sync
         */
        MsPartnerCenterApplication: string;
        /**
         * @description The partner's GCC validation code. Only needed for Government Community Cloud.
         * @example 123456
         */
        LegacyValidationCode: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The `MS-RequestId` of the request, echoed back.
         * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
         */
        "MS-RequestId": string;
        /**
         * @description The `MS-CorrelationId` of the request, echoed back.
         * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
         */
        "MS-CorrelationId": string;
        /**
         * @description The authentication challenge, in the form `OAuth realm=urn:cpsvc:cpid:{cid}`.
         * @example OAuth realm=urn:cpsvc:cpid:00000000-0000-0000-0000-000000000000
         */
        "WWW-Authenticate": string;
        /**
         * @description How many seconds to wait before sending the request again.
         * @example 57
         */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getCustomerQualifications: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description The API version requested, usually `v1`. The headers page marks it required, but none of
                 *     Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates, prices and messages are returned. The default is `en-US`.
                 * @example en-US
                 */
                "X-Locale"?: components["parameters"]["XLocale"];
                /**
                 * @description The name of the application that calls the Partner Center REST API.
                 * @example Contoso qualification sync
                 */
                "MS-PartnerCenter-Application"?: components["parameters"]["MsPartnerCenterApplication"];
            };
            path: {
                /**
                 * @description A GUID-formatted string that identifies the customer: the customer's Microsoft ID, shown in
                 *     Partner Center under Customers, Account, Customer Account Info.
                 * @example 4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c
                 */
                "customer-tenant-id": components["parameters"]["CustomerTenantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer's qualifications, as an object with a `qualifications` array or as a bare array. */
            200: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerQualificationsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCustomerQualification: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description The API version requested, usually `v1`. The headers page marks it required, but none of
                 *     Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates, prices and messages are returned. The default is `en-US`.
                 * @example en-US
                 */
                "X-Locale"?: components["parameters"]["XLocale"];
                /**
                 * @description The name of the application that calls the Partner Center REST API.
                 * @example Contoso qualification sync
                 */
                "MS-PartnerCenter-Application"?: components["parameters"]["MsPartnerCenterApplication"];
            };
            path: {
                /**
                 * @description A GUID-formatted string that identifies the customer: the customer's Microsoft ID, shown in
                 *     Partner Center under Customers, Account, Customer Account Info.
                 * @example 4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c
                 */
                "customer-tenant-id": components["parameters"]["CustomerTenantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerQualificationRequest"];
            };
        };
        responses: {
            /** @description The qualification was accepted; the body is the customer's new qualification. */
            201: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerQualification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getValidationCodes: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description The API version requested, usually `v1`. The headers page marks it required, but none of
                 *     Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates, prices and messages are returned. The default is `en-US`.
                 * @example en-US
                 */
                "X-Locale"?: components["parameters"]["XLocale"];
                /**
                 * @description The name of the application that calls the Partner Center REST API.
                 * @example Contoso qualification sync
                 */
                "MS-PartnerCenter-Application"?: components["parameters"]["MsPartnerCenterApplication"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The partner's validation codes. */
            200: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationCode"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCustomerQualificationLegacy: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description The API version requested, usually `v1`. The headers page marks it required, but none of
                 *     Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates, prices and messages are returned. The default is `en-US`.
                 * @example en-US
                 */
                "X-Locale"?: components["parameters"]["XLocale"];
                /**
                 * @description The name of the application that calls the Partner Center REST API.
                 * @example Contoso qualification sync
                 */
                "MS-PartnerCenter-Application"?: components["parameters"]["MsPartnerCenterApplication"];
            };
            path: {
                /**
                 * @description A GUID-formatted string that identifies the customer: the customer's Microsoft ID, shown in
                 *     Partner Center under Customers, Account, Customer Account Info.
                 * @example 4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c
                 */
                "customer-tenant-id": components["parameters"]["CustomerTenantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer's qualification, in lower case. */
            200: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegacyQualification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateCustomerQualificationLegacy: {
        parameters: {
            query?: {
                /**
                 * @description The partner's GCC validation code. Only needed for Government Community Cloud.
                 * @example 123456
                 */
                code?: components["parameters"]["LegacyValidationCode"];
            };
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description The API version requested, usually `v1`. The headers page marks it required, but none of
                 *     Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates, prices and messages are returned. The default is `en-US`.
                 * @example en-US
                 */
                "X-Locale"?: components["parameters"]["XLocale"];
                /**
                 * @description The name of the application that calls the Partner Center REST API.
                 * @example Contoso qualification sync
                 */
                "MS-PartnerCenter-Application"?: components["parameters"]["MsPartnerCenterApplication"];
            };
            path: {
                /**
                 * @description A GUID-formatted string that identifies the customer: the customer's Microsoft ID, shown in
                 *     Partner Center under Customers, Account, Customer Account Info.
                 * @example 4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c
                 */
                "customer-tenant-id": components["parameters"]["CustomerTenantId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LegacyQualificationValue"];
            };
        };
        responses: {
            /** @description The customer's qualification after the update, in lower case. */
            200: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegacyQualification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
