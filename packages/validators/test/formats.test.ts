import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDate, isDateTime, isEmail, isTime, isUri, isUuid } from "../src/runtime/formats.js";

/** Our char-code scanners against ajv-formats' own (full mode) checkers, the oracle. */
const require = createRequire(import.meta.url);
const { fullFormats } = require("ajv-formats/dist/formats.js");
const ajv = {
  uri: fullFormats.uri as (s: string) => boolean,
  dateTime: fullFormats["date-time"].validate as (s: string) => boolean,
  date: fullFormats.date.validate as (s: string) => boolean,
  time: fullFormats.time.validate as (s: string) => boolean,
};

const cases: [string, (s: string) => boolean, (s: string) => boolean, string[]][] = [
  [
    "uri",
    isUri,
    ajv.uri,
    [
      "https://x.dev/a?b#c",
      "a:",
      "a:b",
      "a://",
      "a:/",
      "http:x y",
      "http://[::1]:80/",
      "http://[1::2::3]/",
      "http://[v1.x]/",
      "http://[V.x]/",
      "http://u@[::1]/",
      "http://[::1]x",
      "http://[1:2:3:4:5:6:7:8]/",
      "http://[1:2:3:4:5:6:7]/",
      "http://[::ffff:1.2.3.256]/",
      "http://1.2.3.256/",
      "https://ex.com/%zz",
      "https://ex.com/%2F",
      "https://ex.com/ä",
      "x",
      "1a:b",
      "a:#",
      "a:b?#",
      "a:b##",
      "a:?q",
      "a:%41",
      "a:%4",
      "a:%zz/b",
      "a:b%",
      "a:/%41%42?%4#%41",
      "a:b?%41%2f#%2F%",
    ],
  ],
  [
    "date-time",
    isDateTime,
    ajv.dateTime,
    [
      "2024-01-02T03:04:05Z",
      "2024-01-02 03:04:05z",
      "2024-01-02t03:04:05+0100",
      "2024-01-02T03:04:05+01",
      "2024-01-02T03:04:05",
      "2024-02-30T00:00:00Z",
      "2016-12-31T23:59:60Z",
      "2016-12-31T22:59:60-01:00",
      "2016-12-31T23:59:59.99999999999999999Z",
      "2024-01-02T24:00:00Z",
      "2024-01-02\u202803:04:05Z",
      "2024-01-02T03:04:05Z[UTC]",
    ],
  ],
  ["date", isDate, ajv.date, ["2024-02-29", "2023-02-29", "2024-1-01", "2024-01-01T"]],
  ["time", isTime, ajv.time, ["23:59:60Z", "12:00:00", "12:00:00+05:30", "12:00:00.5z", "25:00:00Z"]],
];

describe.each(cases)("format %s", (_, ours, oracle, examples) => {
  it.each(examples)("agrees with ajv-formats on %j", (s) => {
    expect(ours(s)).toBe(oracle(s));
  });
});

describe("format scanners, property-based against ajv-formats", () => {
  const uriUnit = fc.constantFrom(
    ..."aZ09:/?#[]@%.-_~!$&'()*+,;=vVfF \t\"<>\\^`{|}é".split(""),
    "::",
    "%2F",
    "%zz",
    "1.2.3.4",
    "255.255.255.255",
    "256.1.1.1",
    "::ffff:",
    "v1.x",
    "//",
    "http://",
  );
  const uri = fc.oneof(
    fc.array(uriUnit, { maxLength: 20 }).map((a) => a.join("")),
    fc.tuple(fc.constantFrom("http:", "a:", "x+y.z-1:", "1a:", ":"), fc.array(uriUnit, { maxLength: 20 })).map(([s, a]) => s + a.join("")),
    fc
      .tuple(
        fc.constantFrom("http://", "http:/", "a://u:p@", "a:/"),
        fc.constantFrom("[", ""),
        fc.array(fc.constantFrom("0", "1", "f", ":", "::", ".", "255", "1.2.3.4", "abcd", "12345", "v", "x"), { maxLength: 12 }),
        fc.constantFrom("]", ""),
        fc.constantFrom("", ":80", ":", "/p", "?q", "#f", "/a[b"),
      )
      .map((parts) => parts.flat().join("")),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.string({ unit: "binary" }),
  );
  const dateTimeish = fc.string({ unit: fc.constantFrom(..."0123456789-:T tZz+.".split("")), minLength: 15, maxLength: 30 });

  it("uri: same verdict on 20 000 strings", () => {
    fc.assert(
      fc.property(uri, (s) => isUri(s) === ajv.uri(s)),
      { numRuns: 20_000, seed: 7 },
    );
  });

  it("date-time, date and time: same verdict on 20 000 strings", () => {
    fc.assert(
      fc.property(
        dateTimeish,
        (s) => isDateTime(s) === ajv.dateTime(s) && isDate(s.slice(0, 10)) === ajv.date(s.slice(0, 10)) && isTime(s.slice(11)) === ajv.time(s.slice(11)),
      ),
      { numRuns: 20_000, seed: 7 },
    );
  });

  it("email and uuid use ajv-formats' own expressions", () => {
    for (const s of ["a@b.co", "a@b", "a.@b.co", "urn:uuid:123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-42661417400"]) {
      expect(isEmail(s)).toBe(fullFormats.email.test(s));
      expect(isUuid(s)).toBe(fullFormats.uuid.test(s));
    }
  });

  it("answers in linear time on a 10 MB string where ajv's uri regexp overflows", () => {
    const huge = `https://x.dev/${"a".repeat(10_000_000)}`;
    expect(() => ajv.uri(huge)).toThrow(RangeError);
    expect(isUri(huge)).toBe(false); // longer than MAX_FORMAT_LENGTH
  });
});
