/**
 * The format checkers, with exactly the verdicts of ajv-formats 3 ("full" mode), the project's
 * oracle. Its own functions where they are as fast as anything we could write (`uuid`, `email`, and
 * `uri` values with an IP literal, which are rare); hand-written only where `npm run bench`'s format
 * rows show it pays on every payload:
 * - `date-time` (and `date`, `time`): a char-code scanner, about 3-4x faster than ajv-formats'
 *   split + regexp + `Date` checks on the `createdAt` every value carries.
 * - `uri` without `[`: one linear regexp of the characters RFC 3986 allows (what ajv's 1,150
 *   character expression accepts once IP literals are set aside), about 2.5x faster than ajv's on a
 *   short URL and 2x on a 21 KB one; a `[` (IP literal) goes to ajv-formats' own `uri`.
 * Equality with ajv-formats is proven by test/formats.test.ts (tables and 20,000 generated strings
 * per format) and test/differential.test.ts.
 *
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 * @see https://www.rfc-editor.org/rfc/rfc3986#appendix-A
 */
import { fullFormats } from "ajv-formats/dist/formats.js";

/** Longer strings fail every format: bounds the work per value (ajv throws RangeError instead). */
export const MAX_FORMAT_LENGTH = 65536;

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function twoDigits(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** The characters `\s` matches in a JavaScript regexp (ajv splits date and time on `/t|\s/i`). */
function isRegExpSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `YYYY-MM-DD` at 0 with a real calendar day (ajv's `date`). */
function isDateAt(s: string): boolean {
  const y0 = twoDigits(s, 0);
  const y1 = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (y0 < 0 || y1 < 0 || month < 1 || month > 12 || day < 1 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const year = y0 * 100 + y1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS[month] as number));
}

/**
 * `hh:mm:ss(.frac)?` at `at` to the end, then a required zone `Z`/`z`/`±hh(:?mm)?` (ajv's `time`
 * with a strict time zone); second 60 only at 23:59 UTC.
 */
function isTimeAt(s: string, at: number): boolean {
  const n = s.length;
  const hr = twoDigits(s, at);
  const min = twoDigits(s, at + 3);
  const secInt = twoDigits(s, at + 6);
  if (hr < 0 || min < 0 || secInt < 0 || s.charCodeAt(at + 2) !== 58 || s.charCodeAt(at + 5) !== 58) return false;
  let i = at + 8;
  let sec = secInt;
  if (s.charCodeAt(i) === 46) {
    i++;
    const start = i;
    while (i < n && digit(s, i) >= 0) i++;
    if (i === start) return false;
    // ajv compares `+"ss.fff"`: a long fraction can round up to the next second.
    if (secInt >= 59) sec = Number(s.slice(at + 6, i));
  }
  const z = s.charCodeAt(i);
  let tzSign = 1;
  let tzH = 0;
  let tzM = 0;
  if (z === 90 || z === 122) {
    i++;
  } else if (z === 43 || z === 45) {
    tzSign = z === 45 ? -1 : 1;
    tzH = twoDigits(s, i + 1);
    if (tzH < 0) return false;
    i += 3;
    if (i < n) {
      if (s.charCodeAt(i) === 58) i++;
      tzM = twoDigits(s, i);
      if (tzM < 0) return false;
      i += 2;
    }
  } else {
    return false;
  }
  if (i !== n || tzH > 23 || tzM > 59) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

/** RFC 3339 `full-date`. */
export function isDate(s: string): boolean {
  return s.length === 10 && isDateAt(s);
}

/** RFC 3339 `full-time` (the zone is required, as in ajv-formats' full mode). */
export function isTime(s: string): boolean {
  return s.length >= 9 && s.length <= MAX_FORMAT_LENGTH && isTimeAt(s, 0);
}

/**
 * RFC 3339 `date-time` as ajv-formats checks it: a date, one `T`/`t`/whitespace separator (ajv
 * splits on `/t|\s/i`), and a time with its zone.
 */
export function isDateTime(s: string): boolean {
  if (s.length < 20 || s.length > MAX_FORMAT_LENGTH || !isDateAt(s)) return false;
  const sep = s.charCodeAt(10);
  return (sep === 84 || sep === 116 || isRegExpSpace(sep)) && isTimeAt(s, 11);
}

const ajvUri = fullFormats.uri as (s: string) => boolean;
const ajvEmail = fullFormats.email as RegExp;
const ajvUuid = fullFormats.uuid as RegExp;

export function isEmail(s: string): boolean {
  return s.length <= MAX_FORMAT_LENGTH && ajvEmail.test(s);
}

export function isUuid(s: string): boolean {
  return ajvUuid.test(s);
}

/**
 * scheme ":" hier-part ("?" query)? ("#" fragment)?, each part a run of its RFC 3986 characters
 * and percent-escapes. Beyond IP literals, the hier-part alternatives of ajv's expression together
 * accept any non-empty run of path characters and "/" (so `a:b`, `a://`, `http://h:x/` all pass,
 * as there). Each part is written as the "unrolled loop" `chars* (%XX chars*)*` rather than
 * `(chars | %XX)*`: the same language (no `%` among the chars, so each character still has one way
 * to match, and the match stays linear), but V8 runs a plain class loop for the chars instead of
 * an alternation per character, about twice as fast on a 21 KB URI. The lookahead keeps the
 * hier-part non-empty.
 */
const URI_WITHOUT_IP_LITERAL =
  /^[a-z][a-z0-9+\-.]*:(?=[a-z0-9\-._~!$&'()*+,;=:@/%])[a-z0-9\-._~!$&'()*+,;=:@/]*(?:%[0-9a-f]{2}[a-z0-9\-._~!$&'()*+,;=:@/]*)*(?:\?[a-z0-9\-._~!$&'()*+,;=:@/?]*(?:%[0-9a-f]{2}[a-z0-9\-._~!$&'()*+,;=:@/?]*)*)?(?:#[a-z0-9\-._~!$&'()*+,;=:@/?]*(?:%[0-9a-f]{2}[a-z0-9\-._~!$&'()*+,;=:@/?]*)*)?$/i;

/** Absolute URI as ajv-formats checks it (`[` appears in a URI only around an IP literal). */
export function isUri(s: string): boolean {
  if (s.length > MAX_FORMAT_LENGTH) return false;
  return URI_WITHOUT_IP_LITERAL.test(s) || (s.includes("[") && ajvUri(s));
}
