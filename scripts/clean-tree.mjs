// Refuses to go on while the working tree has uncommitted changes, so that the release commit (npm run
// version) holds only the release, and what is published (npm run release) is exactly what was tagged.
import { git } from "./git.mjs";

const changes = git("status", "--porcelain");
if (changes !== "") {
  console.error(`The working tree has uncommitted changes; commit or stash them first:\n${changes}`);
  process.exit(1);
}
