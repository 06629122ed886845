// What a browser bundle of the validators holds: one entity's guard and validate.
import { isConnectorWithStatus, validateConnectorWithStatus } from "@contracts/validators";

const result = validateConnectorWithStatus({ id: 1 });
console.log(JSON.stringify({ guard: isConnectorWithStatus({}), errors: result.ok ? 0 : result.errors.length }));
