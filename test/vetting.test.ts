// waitForVetting polls the real GET over loopback until the qualification leaves InReview.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createQualificationsClient, type CustomerQualification } from "../src/index.js";
import { rejectionOf } from "./support/rejection.js";
import { reply, startFaultServer, type FaultServer } from "./support/fault-server.js";

const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
const inReview = { qualification: "Education", vettingStatus: "InReview", vettingCreatedDate: "2020-12-03T10:37:38.885Z" };
const soe = { qualification: "StateOwnedEntity" };

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

const client = () => createQualificationsClient({ baseUrl: server.url, accessToken: "token", retry: false });

test("polls until Education is decided, in either wire form, and reports every poll", async () => {
  const approved = { qualification: "Education", vettingStatus: "Approved" };
  server.script(reply.json(200, [soe]), reply.json(200, { qualifications: [inReview, soe] }), reply.json(200, [inReview]), reply.json(200, { qualifications: [soe, approved] }));
  const polls: (CustomerQualification | undefined)[] = [];
  const result = await client().waitForVetting(TENANT, "Education", { intervalMs: 5, onPoll: (qualification) => polls.push(qualification) });
  expect(result).toEqual(approved);
  expect(polls).toEqual([undefined, inReview, inReview, approved]);
  expect(server.received.every((request) => request.path === `/v1/customers/${TENANT}/qualifications`)).toBe(true);
});

test("returns at once when the qualification is not in review, denied included", async () => {
  const denied = { ...inReview, vettingStatus: "Denied", vettingReason: "Not an Education Customer" };
  server.script(reply.json(200, [denied]));
  expect(await client().waitForVetting(TENANT, "Education", { intervalMs: 5 })).toEqual(denied);
  expect(server.received).toHaveLength(1);
});

test("gives up with a timeout error after timeoutMs", async () => {
  server.script(...Array.from({ length: 50 }, () => reply.json(200, [inReview])));
  const error = await rejectionOf(client().waitForVetting(TENANT, "Education", { intervalMs: 10, timeoutMs: 60 }));
  expect(error).toMatchObject({ kind: "timeout" });
  expect(error.message).toBe("waitForVetting(Education) gave up after 60 ms: the qualification is still InReview");
});

test("an abort during the wait between polls ends it at once", async () => {
  server.script(reply.json(200, [inReview]), reply.json(200, [inReview]));
  const controller = new AbortController();
  const waiting = client().waitForVetting(TENANT, "Education", { intervalMs: 60_000, signal: controller.signal });
  await expect.poll(() => server.received.length).toBe(1);
  controller.abort();
  const error = await rejectionOf(waiting);
  expect(error).toMatchObject({ kind: "aborted" });
  expect(server.received).toHaveLength(1);
});

test("an error from Partner Center ends the wait with that error", async () => {
  server.script(reply.json(404, { code: 60003, description: "Tenant not found" }));
  const error = await rejectionOf(client().waitForVetting(TENANT, "Education", { intervalMs: 5 }));
  expect(error).toMatchObject({ kind: "http", status: 404, code: 60003 });
});
