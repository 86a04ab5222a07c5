// `npm run lint`, after Biome has checked the code: Redocly's lint of the spec and the workflow, then the bundled spec
// against the official
// OpenAPI schema and Spectral's OpenAPI rules (scripts/validate-spec.mjs); quiet when all pass clean. Their
// output (every problem, warnings too) is shown when there is something to say, and an error in any fails.
import { redoclyAsync } from "./redocly.mjs";
import { bundleProblems } from "./validate-spec.mjs";

const [{ code, output }, bundles] = await Promise.all([redoclyAsync(["lint"]), bundleProblems()]);
if (code !== 0 || !/Your API descriptions? (is|are) valid/.test(output) || /warning/i.test(output))
  process.stderr.write(output);
if (bundles.lines.length > 0) process.stderr.write(`${bundles.lines.join("\n")}\n`);
process.exitCode = code || (bundles.failed ? 1 : 0);
