/** Maps character offsets to 1-based lines and counts lines of code. */
export interface LineIndex {
  lineOf: (offset: number) => number;
  loc: number;
}

interface Span {
  start: number;
  end: number;
}

const BLANK = /^\s*$/;

/**
 * Lines of code are non-blank lines minus those holding only comments.
 * Native string search does all scanning: a per-character loop in JS would cost more than the parse itself.
 */
export function indexLines(text: string, comments: Iterable<Span>): LineIndex {
  const lineOf = createLineCounter(text);
  let loc = countNonBlankLines(text, 0, text.length);
  // Copied out once: the parser's lazy list builds an object on each access.
  const spans = Array.from(comments, ({ start, end }) => ({ start, end }));
  for (let i = 0; i < spans.length; i++) {
    const { start, end } = spans[i]!;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const nextBreak = text.indexOf('\n', end);
    const lineEnd = nextBreak === -1 ? text.length : nextBreak;
    const codeBefore = hasCode(text, lineStart, start, spans, i, -1);
    const codeAfter = hasCode(text, end, lineEnd, spans, i, 1);
    // Every non-blank line the comment touches holds only comment, except where code shares its first or last line.
    let lines = countNonBlankLines(text, lineStart, lineEnd);
    if (codeBefore) lines--;
    if (codeAfter && (!codeBefore || text.lastIndexOf('\n', end) >= start)) lines--;
    // Two comments on one line would each count that line once.
    if (!codeBefore && i > 0 && spans[i - 1]!.end > lineStart) lines--;
    loc -= Math.max(0, lines);
  }
  return { loc, lineOf };
}

// Code between `from` and `to`, looking past neighbouring comments on the same line.
function hasCode(text: string, from: number, to: number, spans: Span[], index: number, step: 1 | -1): boolean {
  let cursorFrom = from;
  let cursorTo = to;
  for (let j = index + step; j >= 0 && j < spans.length; j += step) {
    const other = spans[j]!;
    if (step === 1 ? other.start >= to : other.end <= from) break;
    if (step === 1) {
      if (!BLANK.test(text.slice(cursorFrom, other.start))) return true;
      cursorFrom = other.end;
    } else {
      if (!BLANK.test(text.slice(other.end, cursorTo))) return true;
      cursorTo = other.start;
    }
  }
  return !BLANK.test(text.slice(cursorFrom, cursorTo));
}

// Only each line's leading white space is read: the rest of the line cannot make it blank.
function countNonBlankLines(text: string, from: number, to: number): number {
  let count = 0;
  let at = from;
  while (at < to) {
    let next = text.indexOf('\n', at);
    if (next === -1 || next > to) next = to;
    let i = at;
    while (i < next && isSpace(text.charCodeAt(i))) i++;
    if (i < next) count++;
    at = next + 1;
  }
  return count;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;
}

// Queries come mostly in ascending order (imports top to bottom), so counting on from the last one is cheap.
function createLineCounter(text: string): (offset: number) => number {
  let lastOffset = 0;
  let lastLine = 1;
  return (offset) => {
    if (offset < lastOffset) {
      lastOffset = 0;
      lastLine = 1;
    }
    let line = lastLine;
    for (let at = text.indexOf('\n', lastOffset); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
    lastOffset = offset;
    lastLine = line;
    return line;
  };
}
