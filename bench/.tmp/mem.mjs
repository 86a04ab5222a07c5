import createClient from "openapi-fetch";
import { createQualificationsClient } from "../../dist/index.js";
const T = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
const body = JSON.stringify({ qualifications: [{ qualification: "Education", vettingStatus: "Approved" }] });
const stub = async () => new Response(body, { headers: { "Content-Type": "application/json" } });
const base = "https://api.partnercenter.microsoft.com";
const bare = createClient({ baseUrl: base, fetch: stub });
const ours = createQualificationsClient({ baseUrl: base, fetch: stub, accessToken: "bench-token" });
const h = { Authorization: "Bearer bench-token", Accept: "application/json" };
const v = {
  raw: async () => JSON.parse(await (await stub(base, { headers: h })).text()),
  bare: async () => (await bare.GET("/v1/customers/{customer-tenant-id}/qualifications", { params: { path: { "customer-tenant-id": T } }, headers: h })).data,
  ours: () => ours.getCustomerQualifications(T),
};
const names = Object.keys(v); const s = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < 9; round++) for (const n of names.map((_, i) => names[(i + round) % names.length])) {
  const t0 = performance.now(); for (let i = 0; i < 5000; i++) await v[n](); const us = (performance.now() - t0) / 5000 * 1000; if (round) s[n].push(us);
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const n of names) console.log(n.padEnd(6), med(s[n]).toFixed(1), "µs", "vs bare", med(s[n].map((x, i) => x / s.bare[i])).toFixed(2));
