/** A metric for people: 2 decimals, never "-0.00". */
export function fixed2(value: number): string {
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** A change for people: "+0.12", "-0.03", "0.00". */
export function signed2(value: number): string {
  const text = fixed2(value);
  return text.startsWith('-') || text === '0.00' ? text : `+${text}`;
}
