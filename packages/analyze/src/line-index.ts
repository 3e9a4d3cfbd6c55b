/** Maps character offsets to 1-based lines and counts lines of code, in one pass over the text. */
export interface LineIndex {
  lineOf(offset: number): number;
  loc: number;
}

interface Span {
  start: number;
  end: number;
}

const NEWLINE = 10;

export function indexLines(text: string, comments: readonly Span[]): LineIndex {
  const starts: number[] = [0];
  let loc = 0;
  let lineHasCode = false;
  let comment = 0;
  for (let i = 0; i < text.length; i++) {
    const next = comments[comment];
    if (next !== undefined && i === next.start) {
      // Comment text is not code, but its newlines still end lines.
      for (let j = i; j < next.end; j++) {
        if (text.charCodeAt(j) === NEWLINE) {
          if (lineHasCode) loc++;
          lineHasCode = false;
          starts.push(j + 1);
        }
      }
      i = next.end - 1;
      comment++;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      if (lineHasCode) loc++;
      lineHasCode = false;
      starts.push(i + 1);
    } else if (code > 32 && !lineHasCode) {
      lineHasCode = true;
    }
  }
  if (lineHasCode) loc++;
  return { loc, lineOf: (offset) => lineAt(starts, offset) };
}

function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
