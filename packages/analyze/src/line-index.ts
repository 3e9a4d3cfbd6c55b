/** Maps character offsets to 1-based lines and counts lines of code. */
export interface LineIndex {
  lineOf: (offset: number) => number;
  loc: number;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Lines of code are non-blank lines minus those holding only comments.
 * One pass over the text finds where each line starts and how many non-blank lines precede it; each comment then
 * costs a few lookups, not a second scan of its lines.
 */
export function indexLines(text: string, comments: Iterable<Span>): LineIndex {
  const { starts, nonBlankBefore } = scanLines(text);
  const lineOf = (offset: number) => lineAt(starts, offset) + 1;
  let loc = nonBlankBefore[starts.length]!;
  // Copied out once, as flat offsets: the parser's lazy list builds an object on each access.
  const spans: number[] = [];
  for (const { start, end } of comments) spans.push(start, end);
  // Comments come in source order and do not overlap: the line of each offset is found by moving on from the last.
  let line = 0;
  const lineAtOrAfter = (offset: number) => {
    if (starts[line]! > offset) line = lineAt(starts, offset);
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return line;
  };
  for (let i = 0; i < spans.length; i += 2) {
    const start = spans[i]!;
    const end = spans[i + 1]!;
    const first = lineAtOrAfter(start);
    const last = lineAtOrAfter(end);
    const lineStart = starts[first]!;
    const lineEnd = last + 1 < starts.length ? starts[last + 1]! - 1 : text.length;
    const codeBefore = hasCode(text, lineStart, start, spans, i, -2);
    const codeAfter = hasCode(text, end, lineEnd, spans, i, 2);
    // Every non-blank line the comment touches holds only comment, except where code shares its first or last line.
    let lines = nonBlankBefore[last + 1]! - nonBlankBefore[first]!;
    if (codeBefore) lines--;
    if (codeAfter && (!codeBefore || text.lastIndexOf('\n', end) >= start)) lines--;
    // Two comments on one line would each count that line once.
    if (!codeBefore && i > 0 && spans[i - 1]! > lineStart) lines--;
    loc -= Math.max(0, lines);
  }
  return { loc, lineOf };
}

// Where each line starts, and how many of the lines before each (and before the end: the last entry) are non-blank.
// Only each line's leading white space is read: the rest of the line cannot make it blank. Both are written into
// buffers kept from file to file (fewer allocations); the line starts are copied out, the counts are read only until
// the next file's scan.
let startsBuffer: Int32Array = new Int32Array(1 << 14);
let nonBlankBuffer: Int32Array = new Int32Array(1 << 14);

function scanLines(text: string): { starts: Int32Array; nonBlankBefore: Int32Array } {
  let lines = 0;
  let count = 0;
  for (let at = 0; ;) {
    if (lines + 1 >= startsBuffer.length) {
      startsBuffer = grow(startsBuffer);
      nonBlankBuffer = grow(nonBlankBuffer);
    }
    startsBuffer[lines] = at;
    nonBlankBuffer[lines] = count;
    lines++;
    const next = text.indexOf('\n', at);
    const end = next === -1 ? text.length : next;
    let i = at;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i < end) count++;
    if (next === -1) break;
    at = next + 1;
  }
  nonBlankBuffer[lines] = count;
  return { starts: startsBuffer.slice(0, lines), nonBlankBefore: nonBlankBuffer };
}

function grow(buffer: Int32Array): Int32Array {
  const grown = new Int32Array(buffer.length * 2);
  grown.set(buffer);
  return grown;
}

// The 0-based line holding `offset`: the last line starting at or before it.
function lineAt(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

// Code between `from` and `to`, looking past neighbouring comments on the same line (`spans`: start, end, start...;
// `index` is the comment's start, `step` 2 or -2 to the next or previous one).
function hasCode(text: string, from: number, to: number, spans: number[], index: number, step: 2 | -2): boolean {
  let cursorFrom = from;
  let cursorTo = to;
  for (let j = index + step; j >= 0 && j < spans.length; j += step) {
    const otherStart = spans[j]!;
    const otherEnd = spans[j + 1]!;
    if (step === 2 ? otherStart >= to : otherEnd <= from) break;
    if (step === 2) {
      if (!isBlank(text, cursorFrom, otherStart)) return true;
      cursorFrom = otherEnd;
    } else {
      if (!isBlank(text, otherEnd, cursorTo)) return true;
      cursorTo = otherStart;
    }
  }
  return !isBlank(text, cursorFrom, cursorTo);
}

// `/^\s*$/` on text.slice(from, to), without the slice.
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isRegExpSpace(text.charCodeAt(i))) return false;
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;
}

/** What `\s` matches in a regular expression: white space and line terminators. */
export function isRegExpSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
