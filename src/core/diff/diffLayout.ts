/** File names inside a diff folder. */
export const DIFF_FILES = {
  /** DiffRecord: sides, protocol, item matching, timings, summary. */
  diff: 'diff.json',
  /** One ImageDiffRecord per line. */
  journal: 'images.jsonl',
  /** The reviewer's marks (ReviewFile). */
  review: 'review.json',
  /** The marks as CSV (written by "export"). */
  reviewCsv: 'review.csv',
  /** The suggested crosswalk as a mapping file `facegap eval --mapping` accepts. */
  mapping: 'suggested-mapping.json',
} as const;
