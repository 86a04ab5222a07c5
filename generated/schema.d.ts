export interface paths {
    "/v1/customers/{customer-tenant-id}/qualifications": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call. The REST API reference says the
                 *     server generates one when it is missing.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call; the REST API reference says the server generates
                 *     one when it is missing.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
                 * @example s2GvkNgZsUSadxQX.0
                 */
                "MS-CV"?: components["parameters"]["MsCv"];
                /**
                 * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
                 *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
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
         *     the state of Microsoft's vetting. Vetting is asynchronous: the reference document shows an
         *     Education qualification `InReview` (with the date its vetting started), `Approved`, and `Denied`
         *     (with a reason). Microsoft documents no notification of the decision, so calling this again is
         *     how a partner learns it. No page says how long vetting takes or how often to ask, and Microsoft's
         *     throttling guidance warns that "continuously polling a resource to check for updates" is likely
         *     to be throttled: ask again at long intervals, not in a loop.
         *
         *     The body is a bare array, Microsoft's corrected contract, or the same array wrapped in
         *     `{"qualifications": [...]}` as the reference document and the REST API reference print it
         *     (see `CustomerQualificationsResponse`).
         *
         *     Accepts App-only and App+User credentials.
         */
        get: operations["getCustomerQualifications"];
        put?: never;
        /**
         * Set a customer's qualification
         * @description Asks for a qualification for the customer: `Education` (vetted by Microsoft, asynchronously),
         *     `GovernmentCommunityCloud` (with one of the partner's validation codes) or `StateOwnedEntity`.
         *     `None` and `Nonprofit` cannot be set. The answer is the new qualification; the docs' example
         *     shows a new Education qualification `InReview`, so read `getCustomerQualifications` for the
         *     outcome.
         *
         *     Education can be requested again: Microsoft's education page describes correcting the
         *     customer's information and resubmitting it after a failed verification, and says "Verification
         *     can be requested up to three times per customer". A create of Education after a `Denied`
         *     decision starts a new review. A create of Education while it is `InReview` or `Approved`, or a
         *     fourth request, is refused; so is a second create of a qualification the customer already has.
         *
         *     The sources disagree on the success answer: the conceptual page shows `201 Created` with the
         *     qualification itself, the REST API reference `200 OK` with the `{"qualifications": [...]}`
         *     wrapper. Both are part of the contract.
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
                 *     same value; after a response, use a new value for the next call. The REST API reference says the
                 *     server generates one when it is missing.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call; the REST API reference says the server generates
                 *     one when it is missing.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
                 * @example s2GvkNgZsUSadxQX.0
                 */
                "MS-CV"?: components["parameters"]["MsCv"];
                /**
                 * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
                 *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
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
         * @description Returns the partner's Government Community Cloud validation codes. A validation code is needed
         *     to qualify a customer for GCC (`createCustomerQualification`), and applies to Partner Center
         *     for Microsoft Cloud for US Government.
         *
         *     Prerequisites: the partner's validation has been confirmed through Microsoft's GCC eligibility
         *     form, and the customer to qualify has no qualification yet.
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
    "/v1/customers/{customer-tenant-id}/validations": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call. The REST API reference says the
                 *     server generates one when it is missing.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call; the REST API reference says the server generates
                 *     one when it is missing.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
                 * @example s2GvkNgZsUSadxQX.0
                 */
                "MS-CV"?: components["parameters"]["MsCv"];
                /**
                 * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
                 *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
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
         * Get the GCC validation a customer used
         * @description Returns which of the partner's Government Community Cloud validation codes the customer's GCC
         *     qualification used ("Get customer GCC validations" in the REST API reference, whose source
         *     summarises it as "Gets validation used for specified customer"). It is the companion of
         *     `GET /v1/customers/all/validations`, which lists the partner's codes.
         *
         *     The REST API reference declares two successes: `200 OK` typed only as an object, and
         *     `201 Created` with the relationship between the partner, the customer and the validation. Both
         *     are part of the contract, each with that relationship.
         *
         *     No conceptual page, .NET SDK method or example covers this call.
         */
        get: operations["getCustomerValidation"];
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
                 *     same value; after a response, use a new value for the next call. The REST API reference says the
                 *     server generates one when it is missing.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call; the REST API reference says the server generates
                 *     one when it is missing.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
                 * @example s2GvkNgZsUSadxQX.0
                 */
                "MS-CV"?: components["parameters"]["MsCv"];
                /**
                 * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
                 *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
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
         * @description Retired: the API change log of December 2020 announced its retirement at the end of February
         *     2021, and .NET SDK v2.0.1 deprecated it. Use `GET /v1/customers/{customer-tenant-id}/qualifications`
         *     (`getCustomerQualifications`) instead, which returns every qualification with its vetting status.
         *
         *     Returned the customer's single qualification as a bare JSON string. Accepted App-only and
         *     App+User credentials.
         */
        get: operations["getCustomerQualificationLegacy"];
        /**
         * Update a customer's qualification (retired)
         * @deprecated
         * @description Retired: the API change log of December 2020 announced its retirement at the end of February
         *     2021, and .NET SDK v2.0.1 deprecated it. Use `POST /v1/customers/{customer-tenant-id}/qualifications`
         *     (`createCustomerQualification`) instead, which takes the GCC validation code in its body.
         *
         *     Set the customer's qualification to Education or GovernmentCommunityCloud; for GCC the
         *     validation code went in the `code` query parameter. Accepted App+User credentials only. The
         *     body is the qualification as the PowerShell module sends it, a JSON string such as
         *     `"GovernmentCommunityCloud"` (the December 2020 page speaks of the enum's integer instead; this
         *     contract accepts both). The December 2020 change log says a return case was added to this call,
         *     without saying which. The service was seen answering an error with a bare JSON string such as
         *     `"Customer tagging denied."`.
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
             * @description Free text that explains a vetting decision. The API change log (December 2020) gives these
             *     examples: "Not an Education Customer", "No longer an Education Customer", "Not an Education
             *     Customer - After Review", "Restricted being an Education Customer", "Not an Academic Domain",
             *     "Not an eligible Library" and "Not an eligible Museum". Other texts may appear.
             * @example Not an Education Customer
             * @example No longer an Education Customer
             * @example Not an Education Customer - After Review
             * @example Restricted being an Education Customer
             * @example Not an Academic Domain
             * @example Not an eligible Library
             * @example Not an eligible Museum
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
             *     of the page "Get a customer's qualification asynchronously" (the reference document and the
             *     English page); other sources spell it `vettingCreateDate`. Read whichever is present.
             * @example 2020-12-03T10:37:38.885Z
             */
            vettingCreatedDate?: string;
        };
        /**
         * CustomerQualificationArray
         * @description The customer's qualifications as a bare JSON array: Microsoft's corrected contract, shown by the
         *     English page since 2021-03-23 and read by the .NET SDK.
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
         * @description The body of a successful GET, in one of two forms. The bare array is Microsoft's corrected
         *     contract: the English page showed bare arrays, wrapped its examples in
         *     `{"qualifications": [...]}` on 2021-01-21, and went back to bare arrays on 2021-03-23 with the
         *     commit message "Updating to correct GET response contract"; the English docs, the live page and
         *     the .NET SDK have shown the bare array ever since. The wrapped form is what the reference
         *     document (translated from the 2021-01-21 version) and the REST API reference show. Both are part
         *     of the contract, and clients should accept either.
         */
        CustomerQualificationsResponse: components["schemas"]["CustomerQualificationArray"] | components["schemas"]["CustomerQualificationsEnvelope"];
        /**
         * Error
         * @description A Partner Center error body ("Partner Center REST error codes"). Two shapes are documented: the
         *     `code`, `description`, `data`, `source` shape, and the customer-service shape with `message`,
         *     `errorName`, `isRetryable`, `parameters` and `errorMessageExtended`. The docs type `code` as a
         *     string while real examples carry a number, so this contract accepts both, and further properties too.
         */
        Error: {
            /** @description The kind of error (for example `800002`). The error-codes page types it as a string; Microsoft's error examples on other pages carry numbers. */
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
            /** @description An object; Microsoft's only example of it is empty (`{}`), and no page says what it holds. */
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
         *     After a denial it can be sent again, up to three requests per customer in all.
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
         *     A `website` is accepted and ignored: Microsoft says it "is relevant only if the Qualification is
         *     for Education", and no source says the service refuses it on another qualification.
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
         * @description Marks the customer as a state-owned entity (SOE). A `website` is accepted and ignored: Microsoft
         *     says it "is relevant only if the Qualification is for Education", and no source says the service
         *     refuses it on another qualification.
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
         *     May 17th, 2023). The 2021 docs sent `{"Qualification": "Education"}` alone; that body lacks the
         *     fields now required.
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
             *     .NET SDK use a string such as `"12345"`; this contract accepts both.
             */
            validationId?: string | number;
            /** @description The maximum number of customers that may be created in the Government Community Cloud with this code. */
            maxCreates?: number | null;
            /** @description How many more customers may still be created in the Government Community Cloud with this code. */
            remainingCreates?: number | null;
            /** @description The entity tag of the validation record. */
            eTag?: string;
        };
        /**
         * GccValidationRelationship
         * @description Which of the partner's Government Community Cloud validation codes a customer's GCC
         *     qualification used: the relationship between the partner, the customer and the validation
         *     (`Microsoft.Partner.Service.Customers.Contracts.V1.GccValidationRelationship` in the REST API
         *     reference). Every field is a string; Microsoft describes none of them beyond its name.
         */
        GccValidationRelationship: {
            /** @description The customer's tenant id. */
            customerId?: string;
            /** @description The partner's id, as in the partner's validation codes. */
            partnerId?: string;
            /** @description The validation code the customer's GCC qualification used, a `validationId` of `GET /v1/customers/all/validations`. */
            validationId?: string;
            /** @description The organization the validation code was issued for. */
            organizationName?: string;
            /** @description The entity tag of the record. */
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
         * @description The body of the retired synchronous PUT: a value of the `CustomerQualification` enum. Microsoft's
         *     sources disagree on its form. The PowerShell module sends the value's name as a JSON string through
         *     its enum converter (`"GovernmentCommunityCloud"`); the December 2020 page says "the integer value
         *     from the CustomerQualification enum" and shows no body (the .NET SDK numbers the values 1 Education
         *     and 3 GovernmentCommunityCloud); the REST API reference lists no body. This contract accepts both
         *     forms. Only Education and GovernmentCommunityCloud could be set.
         */
        LegacyQualificationValue: string | (1 | 3);
    };
    responses: {
        /** @description Bad request ("Partner Center REST error codes"), for example code 800002 "Invalid request input". */
        BadRequest: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unauthorized ("Partner Center REST error codes"): for example code 800001 "Partner Token missing in request context". */
        Unauthorized: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Forbidden ("Partner Center REST error codes"): for example code 900308 "Insufficient privileges to complete the operation.", 900329 for an App-only token where App+User credentials are needed, or, on a call about a customer, 20002 when the partner has no commerce relationship with that customer. */
        Forbidden: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not found ("Partner Center REST error codes"), for example code 60003 "Tenant not found". */
        NotFound: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Method not allowed ("Partner Center REST error codes"; the .NET SDK reads it as an invalid operation). */
        MethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not acceptable. "Partner Center REST error codes" lists the status and says no more about it; the .NET SDK reads it as an unsupported data format. */
        NotAcceptable: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Request timeout ("Partner Center REST error codes"; the .NET SDK reads it as a request timeout). The request did not complete in time; it may be sent again with the same `MS-RequestId`. */
        RequestTimeout: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Conflict ("Partner Center REST error codes"; the .NET SDK reads it as "already exists"). The page lists no conflict code for qualifications. */
        Conflict: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Precondition failed ("Partner Center REST error codes"). Listed for the whole REST API; none of these calls documents a precondition header. */
        PreconditionFailed: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Content too large: the request's body is longer than the server accepts. */
        PayloadTooLarge: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests: the call was throttled ("API throttling guidance"). Wait for `Retry-After` seconds, then retry with exponential backoff. */
        TooManyRequests: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ThrottlingError"];
            };
        };
        /** @description Internal server error ("Partner Center REST error codes"), for example code 800003 "Unexpected service error". */
        InternalServerError: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not implemented ("Partner Center REST error codes"), for example code 0 "Exception not defined". */
        NotImplemented: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Bad gateway. "Partner Center REST error codes" lists the status and says no more about it. */
        BadGateway: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Service unavailable ("Partner Center REST error codes"; the .NET SDK reads it as "server busy"): retry later. */
        ServiceUnavailable: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Gateway timeout ("Partner Center REST error codes"; the .NET SDK reads it as a gateway timeout): a service behind Partner Center did not answer in time. */
        GatewayTimeout: {
            headers: {
                "MS-RequestId": components["headers"]["MS-RequestId"];
                "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                "MS-CV": components["headers"]["MS-CV"];
                "MS-ServerId": components["headers"]["MS-ServerId"];
                Date: components["headers"]["Date"];
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
         *     same value; after a response, use a new value for the next call. The REST API reference says the
         *     server generates one when it is missing.
         * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
         */
        MsRequestId: string;
        /**
         * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
         *     call include it, with a new value for each call; the REST API reference says the server generates
         *     one when it is missing.
         * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
         */
        MsCorrelationId: string;
        /**
         * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
         * @example s2GvkNgZsUSadxQX.0
         */
        MsCv: string;
        /**
         * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
         *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
         * @example v1
         */
        MsContractVersion: string;
        /**
         * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
         * @example en-US
         */
        XLocale: string;
        /**
         * @description The name of the application that calls the Partner Center REST API.
         * @example Contoso qualification sync
         */
        MsPartnerCenterApplication: string;
        /**
         * @description The older form of `validationCode`: the partner's GCC validation code as a query parameter, as the
         *     2021 request line (`?code={validationCode}`, an integer there), the December 2020 change log, the
         *     .NET SDK v1.17.0 release notes and the REST API reference ("Validation code required for GCC", a
         *     string) give it. The REST API reference still lists it. The current docs (since 2022) put the code
         *     in the body's `validationCode`, which a GCC request must carry since May 17th, 2023 (the February
         *     2023 announcement had said May 8th); send that. No source retires the query parameter, so it is
         *     not marked deprecated.
         * @example 123456
         */
        ValidationCodeQuery: string | number;
        /**
         * @description The partner's GCC validation code. Only needed for Government Community Cloud. The December 2020
         *     page types it as an integer; the REST API reference calls it a string, and the PowerShell module
         *     sends a validation code's `validationId`, a string. This contract accepts both.
         * @example 123456
         */
        LegacyValidationCode: string | number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The `MS-RequestId` of the request, echoed back (or the one Partner Center generated when the request had none).
         * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
         */
        "MS-RequestId": string;
        /**
         * @description The `MS-CorrelationId` of the request, echoed back (or the one Partner Center generated when the request had none).
         * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
         */
        "MS-CorrelationId": string;
        /**
         * @description A tracing value that Partner Center's response examples carry, such as `s2GvkNgZsUSadxQX.0`. The
         *     examples of the qualification pages do not show it; those of other Partner Center calls do, on
         *     success and on error.
         * @example s2GvkNgZsUSadxQX.0
         */
        "MS-CV": string;
        /**
         * @description A value that Partner Center's response examples carry, such as `030011719`; by its name, an
         *     identifier of the server that answered. The examples of the qualification pages do not show it;
         *     those of other Partner Center calls do, on success and on error.
         * @example 030011719
         */
        "MS-ServerId": string;
        /**
         * @description When the answer was sent, as an HTTP date (Partner Center's response examples show it on success and on error).
         * @example Thu, 13 Apr 2017 18:13:40 GMT
         */
        Date: string;
        /**
         * @description The authentication challenge, in the form `OAuth realm=urn:cpsvc:cpid:{cid}` ("Partner Center
         *     REST error codes" prints it beside its error sample, without tying it to a status; it belongs to
         *     401 answers by HTTP's rules).
         * @example OAuth realm=urn:cpsvc:cpid:00000000-0000-0000-0000-000000000000
         */
        "WWW-Authenticate": string;
        /**
         * @description The methods the path does accept, such as `GET, POST` on a customer's qualifications.
         * @example GET, POST
         */
        Allow: string;
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
                 *     same value; after a response, use a new value for the next call. The REST API reference says the
                 *     server generates one when it is missing.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call; the REST API reference says the server generates
                 *     one when it is missing.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
                 * @example s2GvkNgZsUSadxQX.0
                 */
                "MS-CV"?: components["parameters"]["MsCv"];
                /**
                 * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
                 *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
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
            /** @description The customer's qualifications, as a bare array (the corrected contract) or as an object with a `qualifications` array. */
            200: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    "MS-CV": components["headers"]["MS-CV"];
                    "MS-ServerId": components["headers"]["MS-ServerId"];
                    Date: components["headers"]["Date"];
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
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            408: components["responses"]["RequestTimeout"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            501: components["responses"]["NotImplemented"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createCustomerQualification: {
        parameters: {
            query?: {
                /**
                 * @description The older form of `validationCode`: the partner's GCC validation code as a query parameter, as the
                 *     2021 request line (`?code={validationCode}`, an integer there), the December 2020 change log, the
                 *     .NET SDK v1.17.0 release notes and the REST API reference ("Validation code required for GCC", a
                 *     string) give it. The REST API reference still lists it. The current docs (since 2022) put the code
                 *     in the body's `validationCode`, which a GCC request must carry since May 17th, 2023 (the February
                 *     2023 announcement had said May 8th); send that. No source retires the query parameter, so it is
                 *     not marked deprecated.
                 * @example 123456
                 */
                code?: components["parameters"]["ValidationCodeQuery"];
            };
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call. The REST API reference says the
                 *     server generates one when it is missing.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call; the REST API reference says the server generates
                 *     one when it is missing.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
                 * @example s2GvkNgZsUSadxQX.0
                 */
                "MS-CV"?: components["parameters"]["MsCv"];
                /**
                 * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
                 *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
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
         * @description The qualification to set, with the fields its kind needs. The REST API reference types this
         *     body as the answer's model (`V2.CustomerQualification`: qualification and vetting fields); the
         *     conceptual page and the announcements of 2023 give these request fields, which the contract
         *     follows.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerQualificationRequest"];
            };
        };
        responses: {
            /** @description The qualification was accepted; the body wraps the customer's new qualification in `{"qualifications": [...]}` (the REST API reference's form). */
            200: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    "MS-CV": components["headers"]["MS-CV"];
                    "MS-ServerId": components["headers"]["MS-ServerId"];
                    Date: components["headers"]["Date"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerQualificationsEnvelope"];
                };
            };
            /** @description The qualification was accepted; the body is the customer's new qualification (the conceptual page's form). */
            201: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    "MS-CV": components["headers"]["MS-CV"];
                    "MS-ServerId": components["headers"]["MS-ServerId"];
                    Date: components["headers"]["Date"];
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
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            408: components["responses"]["RequestTimeout"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            501: components["responses"]["NotImplemented"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getValidationCodes: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call. The REST API reference says the
                 *     server generates one when it is missing.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call; the REST API reference says the server generates
                 *     one when it is missing.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
                 * @example s2GvkNgZsUSadxQX.0
                 */
                "MS-CV"?: components["parameters"]["MsCv"];
                /**
                 * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
                 *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
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
            /** @description The partner's validation codes, a bare array. */
            200: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    "MS-CV": components["headers"]["MS-CV"];
                    "MS-ServerId": components["headers"]["MS-ServerId"];
                    Date: components["headers"]["Date"];
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
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            408: components["responses"]["RequestTimeout"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            501: components["responses"]["NotImplemented"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getCustomerValidation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call. The REST API reference says the
                 *     server generates one when it is missing.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call; the REST API reference says the server generates
                 *     one when it is missing.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
                 * @example s2GvkNgZsUSadxQX.0
                 */
                "MS-CV"?: components["parameters"]["MsCv"];
                /**
                 * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
                 *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
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
            /** @description The validation the customer's GCC qualification used (the REST API reference's "OK", typed only as an object). */
            200: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    "MS-CV": components["headers"]["MS-CV"];
                    "MS-ServerId": components["headers"]["MS-ServerId"];
                    Date: components["headers"]["Date"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GccValidationRelationship"];
                };
            };
            /** @description The relationship between the partner, the customer and the GCC validation, as the REST API reference declares it. */
            201: {
                headers: {
                    "MS-RequestId": components["headers"]["MS-RequestId"];
                    "MS-CorrelationId": components["headers"]["MS-CorrelationId"];
                    "MS-CV": components["headers"]["MS-CV"];
                    "MS-ServerId": components["headers"]["MS-ServerId"];
                    Date: components["headers"]["Date"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GccValidationRelationship"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            408: components["responses"]["RequestTimeout"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            501: components["responses"]["NotImplemented"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getCustomerQualificationLegacy: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call. The REST API reference says the
                 *     server generates one when it is missing.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call; the REST API reference says the server generates
                 *     one when it is missing.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
                 * @example s2GvkNgZsUSadxQX.0
                 */
                "MS-CV"?: components["parameters"]["MsCv"];
                /**
                 * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
                 *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
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
                    "MS-CV": components["headers"]["MS-CV"];
                    "MS-ServerId": components["headers"]["MS-ServerId"];
                    Date: components["headers"]["Date"];
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
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            408: components["responses"]["RequestTimeout"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            501: components["responses"]["NotImplemented"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    updateCustomerQualificationLegacy: {
        parameters: {
            query?: {
                /**
                 * @description The partner's GCC validation code. Only needed for Government Community Cloud. The December 2020
                 *     page types it as an integer; the REST API reference calls it a string, and the PowerShell module
                 *     sends a validation code's `validationId`, a string. This contract accepts both.
                 * @example 123456
                 */
                code?: components["parameters"]["LegacyValidationCode"];
            };
            header?: {
                /**
                 * @description A unique id for the call, used for idempotency. When a call times out, send the retry with the
                 *     same value; after a response, use a new value for the next call. The REST API reference says the
                 *     server generates one when it is missing.
                 * @example 037db222-6d8e-4d7f-ba78-df3dca33fb68
                 */
                "MS-RequestId"?: components["parameters"]["MsRequestId"];
                /**
                 * @description A unique id for the call, used to find it in logs and network traces. Microsoft asks that every
                 *     call include it, with a new value for each call; the REST API reference says the server generates
                 *     one when it is missing.
                 * @example 7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745
                 */
                "MS-CorrelationId"?: components["parameters"]["MsCorrelationId"];
                /**
                 * @description A tracing value for the call (`ms-cv` in the REST API reference, which says the server generates one when it is missing).
                 * @example s2GvkNgZsUSadxQX.0
                 */
                "MS-CV"?: components["parameters"]["MsCv"];
                /**
                 * @description The API version requested, usually `v1`. "Partner Center REST headers" marks it required, but none
                 *     of Microsoft's qualification examples send it and the .NET SDK never does, so it is optional here.
                 * @example v1
                 */
                "MS-Contract-Version"?: components["parameters"]["MsContractVersion"];
                /**
                 * @description The language in which rates are returned ("Partner Center REST headers"). The default is `en-US`.
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
                    "MS-CV": components["headers"]["MS-CV"];
                    "MS-ServerId": components["headers"]["MS-ServerId"];
                    Date: components["headers"]["Date"];
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
            405: components["responses"]["MethodNotAllowed"];
            406: components["responses"]["NotAcceptable"];
            408: components["responses"]["RequestTimeout"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            501: components["responses"]["NotImplemented"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
}
