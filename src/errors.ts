/** Thrown when Partner Center (or the mock) answers with a non-2xx status. */
export class PartnerCenterError extends Error {
  override readonly name = "PartnerCenterError";
  /** The HTTP status. */
  readonly status: number;
  /** Partner Center's error code (`code`, or `statusCode` in a throttling body), if the body has one. */
  readonly code: number | string | undefined;
  /** Partner Center's description (`description`, `message`, or a bare JSON string body), if any. */
  readonly description: string | undefined;
  /** The `MS-RequestId` and `MS-CorrelationId` the request carried, to quote to Microsoft support. */
  readonly requestId: string | undefined;
  readonly correlationId: string | undefined;
  /** The error body as received: parsed JSON where it was JSON, else the text. */
  readonly body: unknown;

  constructor(init: { status: number; body: unknown; requestId?: string | undefined; correlationId?: string | undefined; operation: string }) {
    const { code, description } = readErrorBody(init.body);
    const detail = [code === undefined ? undefined : `code ${code}`, description].filter(Boolean).join(": ");
    super(`${init.operation} failed with HTTP ${init.status}${detail ? ` (${detail})` : ""}`);
    this.status = init.status;
    this.code = code;
    this.description = description;
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
    this.body = init.body;
  }
}

// Reads the documented error shapes: {code, description}, {code, message}, the throttling
// {statusCode, message}, and a bare JSON string.
function readErrorBody(body: unknown): { code: number | string | undefined; description: string | undefined } {
  if (typeof body === "string") return { code: undefined, description: body.trim() || undefined };
  if (typeof body !== "object" || body === null) return { code: undefined, description: undefined };
  const fields = body as Record<string, unknown>;
  const code = [fields.code, fields.statusCode].find((value) => typeof value === "number" || typeof value === "string") as number | string | undefined;
  const description = [fields.description, fields.message].find((value) => typeof value === "string") as string | undefined;
  return { code, description };
}
