import { describe, expect, it } from "vitest";
import { INTERRUPT_BUDGET, v8TuningFlags } from "../src/cli/v8-tuning.js";

describe("the CLI's V8 flags", () => {
  it("raise the interrupt budget when node was started without one", () => {
    expect(v8TuningFlags([])).toEqual([`--interrupt-budget=${INTERRUPT_BUDGET}`]);
    expect(v8TuningFlags(["--enable-source-maps", "--max-old-space-size=4096"])).toEqual([`--interrupt-budget=${INTERRUPT_BUDGET}`]);
    // Other flags whose names begin the same are not the user's budget.
    expect(v8TuningFlags(["--interrupt-budget-for-feedback-allocation=100", "--interrupt-budget-factor-for-feedback-allocation=4"])).toEqual([
      `--interrupt-budget=${INTERRUPT_BUDGET}`,
    ]);
  });

  it.each([["--interrupt-budget=65536"], ["--interrupt_budget=65536"], ["--interrupt-budget"]])("leave a budget the user gave node (%s) alone", (arg) => {
    expect(v8TuningFlags(["--enable-source-maps", arg])).toEqual([]);
  });
});
