/**
 * `date-time` and `uri` checkers with exactly the verdicts of ajv-formats 3 ("full" mode), the
 * project's oracle. Hand-written char-code scanners instead of ajv-formats' regexes because the
 * format checks dominate the cost of a validation (ajv's `uri` regex is 1,150 characters and
 * overflows V8's regexp stack on multi-megabyte input); equality with ajv-formats is proven by the
 * differential tests in test/formats.test.ts and test/differential.test.ts.
 *
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 * @see https://www.rfc-editor.org/rfc/rfc3986#appendix-A
 */

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

// ajv-formats 3 full-mode regexps, verbatim (MIT): short and linear, so no scanner is needed.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export function isEmail(s: string): boolean {
  return s.length <= MAX_FORMAT_LENGTH && EMAIL.test(s);
}

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

// Character classes of RFC 3986 as ajv's regexp spells them (ASCII only, letters in both cases).
const ALPHA = 1;
const DIGIT = 2;
const SCHEME = 4; // ALPHA / DIGIT / "+" / "-" / "."
const REG_NAME = 8; // unreserved / sub-delims
const USERINFO = 16; // REG_NAME / ":"
const PCHAR = 32; // USERINFO / "@"
const QUERY = 64; // PCHAR / "/" / "?"
const HEX = 128;
const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let k = 0;
  if (/[A-Za-z]/.test(ch)) k |= ALPHA | SCHEME | REG_NAME;
  if (/[0-9]/.test(ch)) k |= DIGIT | SCHEME | REG_NAME;
  if (/[0-9A-Fa-f]/.test(ch)) k |= HEX;
  if ("+-.".includes(ch)) k |= SCHEME;
  if ("-._~!$&'()*+,;=".includes(ch)) k |= REG_NAME;
  if (k & REG_NAME || ch === ":") k |= USERINFO;
  if (k & USERINFO || ch === "@") k |= PCHAR;
  if (k & PCHAR || ch === "/" || ch === "?") k |= QUERY;
  CLASSES[c] = k;
}

function is(c: number, k: number): boolean {
  return c < 128 && ((CLASSES[c] as number) & k) !== 0;
}

/** `%` followed by two hex digits at `i`. */
function isPct(s: string, i: number): boolean {
  return is(s.charCodeAt(i + 1), HEX) && is(s.charCodeAt(i + 2), HEX);
}

/** End of a run of `k` characters and percent-escapes from `i`, or -1 on a bad escape. */
function scan(s: string, i: number, end: number, k: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      if (!isPct(s, i)) return -1;
      i += 3;
    } else if (is(c, k)) {
      i++;
    } else {
      return i;
    }
  }
  return i;
}

/** Index after a 1–3 digit decimal octet <= 255 at `i` (leading zeros allowed), or -1. */
function decOctet(s: string, i: number, end: number): number {
  let v = 0;
  let j = i;
  while (j < end && j < i + 3 && digit(s, j) >= 0) v = v * 10 + digit(s, j++);
  return j === i || v > 255 ? -1 : j;
}

function isIPv4(s: string, i: number, end: number): boolean {
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (s.charCodeAt(i) !== 46) return false;
      i++;
    }
    i = decOctet(s, i, end);
    if (i < 0) return false;
  }
  return i === end;
}

/** RFC 3986 `IPv6address` between `i` and `end`: at most one `::`, an IPv4 tail counts as two groups. */
function isIPv6(s: string, i: number, end: number): boolean {
  let groups = 0;
  let compressed = false;
  if (s.charCodeAt(i) === 58) {
    if (s.charCodeAt(i + 1) !== 58) return false;
    compressed = true;
    i += 2;
    if (i === end) return true;
  }
  for (;;) {
    let j = i;
    while (j < end && j < i + 4 && is(s.charCodeAt(j), HEX)) j++;
    if (j < end && s.charCodeAt(j) === 46) {
      // The last piece is an IPv4 address (ls32).
      if (!isIPv4(s, i, end)) return false;
      groups += 2;
      break;
    }
    if (j === i) return false;
    groups++;
    if (j === end) break;
    if (s.charCodeAt(j) !== 58) return false;
    j++;
    if (s.charCodeAt(j) === 58) {
      if (compressed) return false;
      compressed = true;
      j++;
      if (j === end) break;
    } else if (j === end) {
      return false;
    }
    i = j;
  }
  return compressed ? groups <= 7 : groups === 8;
}

/** `IP-literal` content: IPv6address / IPvFuture. */
function isIPLiteral(s: string, i: number, end: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 86 || c === 118) {
    let j = i + 1;
    while (j < end && is(s.charCodeAt(j), HEX)) j++;
    if (j === i + 1 || s.charCodeAt(j) !== 46) return false;
    j++;
    if (j === end) return false;
    for (; j < end; j++) if (!is(s.charCodeAt(j), USERINFO)) return false;
    return true;
  }
  return isIPv6(s, i, end);
}

/**
 * Hier-part with an IP-literal host: `/` or `//`, optional `userinfo@`, `[…]`, optional port,
 * path-abempty. (`[` and `]` appear nowhere else in a URI.)
 */
function isBracketHier(s: string, start: number, end: number): boolean {
  if (s.charCodeAt(start) !== 47) return false;
  let i = start + 1;
  if (s.charCodeAt(i) === 47) i++;
  const open = s.indexOf("[", i);
  if (open < 0 || open >= end) return false;
  if (open > i) {
    if (s.charCodeAt(open - 1) !== 64 || scan(s, i, open - 1, USERINFO) !== open - 1) return false;
  }
  const close = s.indexOf("]", open);
  if (close < 0 || close >= end || !isIPLiteral(s, open + 1, close)) return false;
  i = close + 1;
  if (s.charCodeAt(i) === 58) {
    i++;
    while (i < end && digit(s, i) >= 0) i++;
  }
  if (i === end) return true;
  if (s.charCodeAt(i) !== 47) return false;
  for (;;) {
    i = scan(s, i, end, PCHAR);
    if (i === end) return true;
    if (i < 0 || s.charCodeAt(i) !== 47) return false;
    i++;
  }
}

/**
 * Absolute URI as ajv-formats checks it: `scheme:` then a non-empty hier-part, optional query and
 * fragment, every other character percent-encoded. Beyond IP literals, the hier-part alternatives
 * of ajv's regexp together accept any non-empty run of path characters and `/`.
 */
export function isUri(s: string): boolean {
  const n = s.length;
  if (n > MAX_FORMAT_LENGTH || !is(s.charCodeAt(0), ALPHA)) return false;
  let i = 1;
  while (i < n && is(s.charCodeAt(i), SCHEME)) i++;
  if (s.charCodeAt(i) !== 58) return false;
  const hierStart = ++i;
  let bracket = false;
  for (;;) {
    i = scan(s, i, n, PCHAR);
    if (i < 0) return false;
    const c = s.charCodeAt(i);
    if (c === 47) i++;
    else if (c === 91 || c === 93) {
      bracket = true;
      i++;
    } else break;
  }
  if (i === hierStart || (bracket && !isBracketHier(s, hierStart, i))) return false;
  if (i === n) return true;
  if (s.charCodeAt(i) === 63) {
    i = scan(s, i + 1, n, QUERY);
    if (i < 0) return false;
    if (i === n) return true;
  }
  if (s.charCodeAt(i) !== 35) return false;
  return scan(s, i + 1, n, QUERY) === n;
}
