// Where the contract's calls are, for the client that sends them and the mocks that answer them.
import type { paths } from "../../generated/schema.js";

/** Partner Center's global endpoint: the client's default base URL, and where the MSW handlers answer. */
export const PARTNER_CENTER_URL = "https://api.partnercenter.microsoft.com";
/** A customer tenant id for examples and messages. */
export const EXAMPLE_TENANT_ID = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";

export const QUALIFICATIONS_PATH = "/v1/customers/{customer-tenant-id}/qualifications" satisfies keyof paths;
export const VALIDATION_CODES_PATH = "/v1/customers/all/validations" satisfies keyof paths;
export const CUSTOMER_VALIDATION_PATH = "/v1/customers/{customer-tenant-id}/validations" satisfies keyof paths;
export const LEGACY_QUALIFICATION_PATH = "/v1/customers/{customer-tenant-id}/qualification" satisfies keyof paths;

/** A path of the contract with the customer's tenant id in place (a GUID by then: nothing in it needs encoding). */
export function pathOf(template: keyof paths, customerTenantId: string): string {
  return template.replace("{customer-tenant-id}", customerTenantId);
}
