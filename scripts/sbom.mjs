// `npm run sbom`: the package's CycloneDX SBOM on stdout, from `npm sbom` (runtime dependencies only), with
// the package's own name as the component's: npm names it after the folder the repository is checked out in.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { npm } from "./steps.mjs";

const { name } = JSON.parse(readFileSync("package.json", "utf8"));
const bom = JSON.parse(
  execFileSync(npm, ["sbom", "--sbom-format", "cyclonedx", "--sbom-type", "library", "--omit", "dev"], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  }),
);
bom.metadata.component.name = name;
process.stdout.write(`${JSON.stringify(bom, null, 2)}\n`);
