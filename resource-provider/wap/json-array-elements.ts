const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const SPACE = 0x20;

/**
 * The text of each element of a JSON array, exactly as it is written there. `text` must be an
 * array `JSON.parse` accepted: this only finds where its elements begin and end. WAP's records
 * are kept as they were received; writing each one out again with `JSON.stringify` cost a few
 * milliseconds and a megabyte of garbage per page (`npm run bench`), and the slices share the
 * page's text instead of copying it.
 */
export function jsonArrayElements(text: string): string[] {
  const elements: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) {
      inString = true;
      if (depth === 1 && start < 0) start = i;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === 1 && start < 0) start = i;
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 1) {
        elements.push(text.slice(start, i + 1));
        start = -1;
      } else if (depth === 0 && start >= 0) {
        elements.push(text.slice(start, i).trimEnd());
        start = -1;
      }
    } else if (c === COMMA) {
      if (depth === 1 && start >= 0) {
        elements.push(text.slice(start, i).trimEnd());
        start = -1;
      }
    } else if (depth === 1 && start < 0 && c > SPACE) {
      start = i;
    }
  }
  return elements;
}
