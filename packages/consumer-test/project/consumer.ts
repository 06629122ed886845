// A service's view of the published packages, installed from their tarballs: every import is a
// package name, nothing reaches into the monorepo. Prints what it found as one JSON line.
import type { ConnectorWithStatus } from "@contracts/types";
import {
  ContractValidationError,
  isConnectorWithStatus,
  parseConnectorWithStatus,
  validateConnectorWithStatus,
  validators,
  type ValidationResult,
} from "@contracts/validators";
import { fixtures, makeConnectorWithStatus } from "@contracts/fixtures";
import { mergeComponents, openapi30, openapi31, type components } from "@contracts/openapi";
import openapiJson from "@contracts/openapi/openapi.json" with { type: "json" };
import { entityPages, pageUrl } from "@contracts/docs";
import { assertResponseMatches, checkContract, contractMatchers } from "@contracts/testing";

const made: ConnectorWithStatus = makeConnectorWithStatus({ name: "GitHub" });
const fromComponents: components["schemas"]["ConnectorWithStatus"] = made;
const result: ValidationResult<ConnectorWithStatus> = validateConnectorWithStatus({ ...made, enabled: "yes" });
let parseError = "";
try {
  parseConnectorWithStatus({});
} catch (error) {
  if (error instanceof ContractValidationError) parseError = error.name;
}
const served = await assertResponseMatches(new Response(JSON.stringify([made]), { headers: { "content-type": "application/json" } }), ["ConnectorWithStatus"]);
const firstServed: ConnectorWithStatus = served[0]!;
const merged = mergeComponents({ openapi: "3.1.1", info: { title: "service", version: "1.0.0" }, paths: {} });

console.log(
  JSON.stringify({
    madeIsValid: isConnectorWithStatus(made) && isConnectorWithStatus(fromComponents),
    rejected: result.ok ? [] : result.errors.map((e) => `${e.path} ${e.keyword}`),
    parseError,
    registry: Object.keys(validators),
    validFixturesPass: fixtures.ConnectorWithStatus.valid.every((c) => isConnectorWithStatus(c.value)),
    invalidFixturesFail: fixtures.ConnectorWithStatus.invalid.every((c) => !isConnectorWithStatus(c.value)),
    openapi: [openapi31.openapi, openapi30.openapi, openapiJson.info.title, openapiJson.info.version],
    mergedComponents: Object.keys(merged.components?.schemas ?? {}),
    testing: [
      checkContract({ ...made, enabled: "yes" }, "ConnectorWithStatus").errors.map((e) => e.path),
      isConnectorWithStatus(firstServed),
      typeof contractMatchers.toMatchContract,
    ],
    page: pageUrl(entityPages.find((p) => p.name === "ConnectorWithStatus")!).href.endsWith("/node_modules/@contracts/docs/pages/ConnectorWithStatus.md"),
  }),
);
