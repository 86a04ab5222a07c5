// `partner-center-qualifications/examples`: the spec's named examples as typed constants, under the
// names the mock's `Prefer: example=NAME` uses (generated from the spec).
export { examples } from "../../generated/examples.js";
