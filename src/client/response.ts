// The response a call keeps: read up to a size limit, then redacted once, text and headers alike.
import type { RequestDetails } from "./errors.js";
import { parseRetryAfter } from "./retry.js";

/** The response of a request's last attempt, its text and headers redacted. */
export interface TransportResponse {
  status: number;
  text: string;
  contentType: string;
  /** Where a redirect pointed: the origin of its Location, without path, query or credentials. */
  location?: string;
  /** What its `Retry-After` asked for, when it had a valid one. */
  retryAfterMs: number | undefined;
  /** The request line, ids and attempts, for an error about this response. */
  details: RequestDetails;
  /** A fresh Response on each call: the body unread, the headers with any echo of the token redacted. */
  toResponse(): Response;
}

const NULL_BODY_STATUSES = [204, 205, 304];

// The response that is kept, redacted once: a hostile body full of escapes costs its reading once a call.
export function keptResponse(response: Response, received: string, url: string, details: RequestDetails) {
  const redact = details.redact!;
  const { status } = response;
  const text = redact(received);
  const headers = new Headers();
  // A header whose name echoes a token (fetch writes names in lower case) is left out: no name can say [redacted].
  response.headers.forEach((value, name) => {
    if (redact(name, true) === name) headers.append(name, redact(value));
  });
  const init = { status, statusText: redact(response.statusText), headers };
  // Built here, where a fetch that answered with what no Response can be (status 0) fails as the network error it is.
  new Response(null, init);
  const kept: TransportResponse = {
    status,
    text,
    contentType: redact(response.headers.get("Content-Type") ?? ""),
    retryAfterMs: parseRetryAfter(headers.get("Retry-After")),
    details,
    toResponse: () => new Response(NULL_BODY_STATUSES.includes(status) ? null : text, init),
  };
  const location = response.headers.get("Location");
  if (location !== null) {
    const origin = URL.canParse(location, url) ? new URL(location, url).origin : "an invalid URL";
    // URL writes a host in lower case: the origin is redacted in any letter case.
    kept.location = redact(origin, true);
  }
  return kept;
}

// Counts bytes while the body streams and stops at the limit: Content-Length (the size on the wire,
// compressed or not) up front, then the bytes as they arrive, decompressed. Undefined: over the limit.
export async function readLimited(response: Response, limit: number): Promise<string | undefined> {
  if (Number(response.headers.get("Content-Length")) > limit) return undefined;
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
    size += chunk.value.byteLength;
    if (size > limit) return undefined;
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}
