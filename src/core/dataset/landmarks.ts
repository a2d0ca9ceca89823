/** A 2-D landmark in image pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Parses a landmark file: "x y" per line (FaceSynthetics), optionally preceded by a point count (LaPa). */
export function parseLandmarks(text: string, file: string): Point[] {
  const tokens = text.trim().split(/[\s,]+/).filter((t) => t.length > 0);
  const numbers = tokens.map(Number);
  const bad = tokens.findIndex((t, i) => !Number.isFinite(numbers[i]));
  if (bad >= 0) throw new Error(`${file}: "${tokens[bad].slice(0, 20)}" is not a number (token ${bad + 1})`);
  let values = numbers;
  if (numbers.length % 2 === 1 && Number.isInteger(numbers[0]) && numbers[0] * 2 === numbers.length - 1) values = numbers.slice(1);
  if (values.length === 0) throw new Error(`${file}: no landmarks`);
  if (values.length % 2 === 1) throw new Error(`${file}: ${values.length} numbers cannot be read as x y pairs`);
  const points: Point[] = [];
  for (let i = 0; i < values.length; i += 2) points.push({ x: values[i], y: values[i + 1] });
  return points;
}
