/** How a finding words a higher or lower mean of an attribute family. */
export interface FindingWords {
  /** Opens the sentence, e.g. "B's faces are", "B is". */
  readonly subject: string;
  readonly higher: string;
  readonly lower: string;
}

interface WordEntry extends FindingWords {
  readonly pattern: RegExp;
}

// Matched against the attribute name; the first hit wins. Anything else gets the generic "B's <title> is higher/lower".
const WORDS: readonly WordEntry[] = [
  { pattern: /^faceArea$/, subject: "B's faces are", higher: 'larger', lower: 'smaller' },
  { pattern: /^faceCenterX$/, subject: "B's faces sit", higher: 'further right', lower: 'further left' },
  // Image y grows downwards.
  { pattern: /^faceCenterY$/, subject: "B's faces sit", higher: 'lower', lower: 'higher' },
  // ITA° grows with lighter skin.
  { pattern: /^ita$/i, subject: "B's skin tones are", higher: 'lighter', lower: 'darker' },
  { pattern: /brightness/i, subject: 'B is', higher: 'brighter', lower: 'darker' },
  { pattern: /contrast/i, subject: 'B has', higher: 'more contrast', lower: 'less contrast' },
  { pattern: /saturation/i, subject: 'B is', higher: 'more saturated', lower: 'less saturated' },
  { pattern: /colou?rfulness/i, subject: 'B is', higher: 'more colourful', lower: 'less colourful' },
  { pattern: /sharpness/i, subject: 'B is', higher: 'sharper', lower: 'blurrier' },
  { pattern: /noise/i, subject: 'B is', higher: 'noisier', lower: 'cleaner' },
  { pattern: /jpeg|quality/i, subject: 'B is', higher: 'less compressed', lower: 'more compressed' },
  { pattern: /^area:/, subject: "B's {title} is", higher: 'larger', lower: 'smaller' },
];

/** The words for an attribute's mean change; {title} in the subject is replaced by the attribute's title. */
export function findingWords(name: string, title: string): FindingWords {
  const entry = WORDS.find((w) => w.pattern.test(name));
  const words = entry ?? { subject: "B's {title} is", higher: 'higher', lower: 'lower' };
  return { subject: words.subject.replace('{title}', title), higher: words.higher, lower: words.lower };
}

/** Whether a unit is a share or ratio, for which relative changes ("18% smaller") read naturally. */
export function isRatioUnit(unit: string): boolean {
  return /share|ratio|fraction|proportion/i.test(unit);
}
