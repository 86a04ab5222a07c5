import { createServer } from "node:http";
import { createQualificationsClient } from "../../dist/index.js";
const body = JSON.stringify({ qualifications: [{ qualification: "Education", vettingStatus: "Approved" }] });
const server = createServer((q, s) => s.writeHead(200, { "Content-Type": "application/json" }).end(body));
server.keepAliveTimeout = 60000;
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const client = createQualificationsClient({ baseUrl: `http://127.0.0.1:${server.address().port}`, accessToken: "bench-token" });
const T = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
for (let i = 0; i < 3000; i++) await client.getCustomerQualifications(T);
const { Session } = await import("node:inspector/promises");
const s = new Session(); s.connect(); await s.post("Profiler.enable"); await s.post("Profiler.setSamplingInterval", { interval: 50 }); await s.post("Profiler.start");
for (let i = 0; i < 15000; i++) await client.getCustomerQualifications(T);
const { profile } = await s.post("Profiler.stop");
// self time by function and by url
const total = profile.samples.length; const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map(); for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
// inclusive per function: walk parents
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, c] of counts) { const n = byId.get(id); const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + c);
  const seen = new Set(); for (let p = id; p !== undefined; p = parent.get(p)) { const m = byId.get(p); const kk = `${m.callFrame.functionName || "(anon)"} ${m.callFrame.url.split("/").slice(-2).join("/")}:${m.callFrame.lineNumber}`; if (!seen.has(kk)) { seen.add(kk); incl.set(kk, (incl.get(kk) ?? 0) + c); } } }
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k}`).join("\n");
console.log("SELF\n" + top(self, 30)); console.log("\nINCLUSIVE\n" + top(incl, 60));
server.close(); process.exit(0);
