// `npm run lint`: Redocly's lint of the spec and the workflow, quiet when they pass clean. Its output (every
// problem, warnings too) is shown when there is something to say, and its exit code is kept.
import { redoclyAsync } from "./redocly.mjs";

const { code, output } = await redoclyAsync(["lint"]);
if (code !== 0 || !/Your API descriptions? (is|are) valid/.test(output) || /warning/i.test(output)) process.stderr.write(output);
process.exitCode = code;
