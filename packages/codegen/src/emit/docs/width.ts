import emojiRegex from "emoji-regex";
import { eastAsianWidth } from "get-east-asian-width";
import { isNarrowEmojiCharacter } from "narrow-emojis";

const NOT_ASCII = /[^\x20-\x7F]/;
const ZERO_WIDTH_MARK = /[\p{Nonspacing_Mark}\p{Enclosing_Mark}]/u;
const EMOJI = emojiRegex();

/**
 * Columns `text` takes in a monospace font, counted exactly as prettier counts them (its
 * `getStringWidth`, from the same three libraries), because the pages must stay a prettier
 * fixpoint: table padding and line fitting depend on it. Control characters and nonspacing or
 * enclosing marks take no column, emoji two (one for the few narrow ones), anything else its East
 * Asian Width. `string-width` is not used on purpose: it measures grapheme clusters (a zero-width
 * space or a spacing combining mark counts 0 there, 1 here), so its padding would differ from
 * prettier's on such text.
 */
export function displayWidth(text: string): number {
  if (!NOT_ASCII.test(text)) return text.length;
  let width = 0;
  const rest = text.replace(EMOJI, (emoji) => {
    width += isNarrowEmojiCharacter(emoji) ? 1 : 2;
    return "";
  });
  for (const character of rest) {
    const codePoint = character.codePointAt(0) as number;
    if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f) || ZERO_WIDTH_MARK.test(character)) continue;
    width += eastAsianWidth(codePoint);
  }
  return width;
}
