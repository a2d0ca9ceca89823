import { getConcept } from '../schema/concepts';
import type { LabelSchema } from '../schema/labelSchema';
import { outlineDistance, typicalOffset } from './boundaryOffset';
import type { ConceptGroup } from './conceptGroups';
import type { DiffFinding, DiffProtocol } from './diffTypes';
import { listWords, offsetText, outlineText, pct, roughnessText, times } from './findingTexts';
import type { SideReversal } from './sideSwaps';

/** What the findings are written from. */
export interface FindingInput {
  readonly schemaA: LabelSchema;
  readonly schemaB: LabelSchema;
  readonly protocol: DiffProtocol;
  readonly images: number;
  readonly pixelAgreement: number;
  readonly meanF1: number;
  readonly groups: readonly ConceptGroup[];
  /** Joint counts in A's ids (aId * 256 + B's class in A's ids). */
  readonly joint: Float64Array;
  readonly reversals: readonly SideReversal[];
  /** For concepts with several classes (left and right), one group per class. */
  readonly classLevel: ReadonlyMap<string, readonly ConceptGroup[]>;
  /** Whether B's labels were enlarged onto A's size in some image (nearest neighbour adds stair steps to B's outlines). */
  readonly bUpsampled: boolean;
}

/** Thresholds: a finding is stated when its number passes these. */
const MIN_OFFSET_PX = 0.5;
const MIN_OUTLINE_PX = 1.5;
const MIN_SAMPLES = 20;
const MIN_FLOW = 0.1;
const MIN_INFLOW = 0.25;
/** More flows than this are listed in the flows table only: a weak model confuses everything a little. */
const MAX_FLOW_FINDINGS = 8;
const ROUGHNESS_RATIO = 1.08;
const MIN_PERIMETER = 200;
const AREA_RATIO = 1.25;

function agreement(input: FindingInput): DiffFinding {
  if (input.images === 0) return { kind: 'agreement', text: 'nothing was compared: no image pair could be matched and read (see the matching and the skipped files)', classes: [] };
  const text = `A and B agree on ${pct(input.pixelAgreement)} of the pixels both label, over ${input.images} images; mean F1 of B against A ${input.meanF1.toFixed(3)}`;
  return { kind: 'agreement', text, classes: [] };
}

function swapFindings(input: FindingInput): DiffFinding[] {
  const swaps = input.reversals.filter((r) => r.images * 2 >= r.of);
  const slips = input.reversals.filter((r) => r.images * 2 < r.of);
  const out: DiffFinding[] = [];
  if (swaps.length > 0) {
    const what = listWords(swaps.map((s) => input.groups.find((g) => g.concept === s.concept)?.words ?? s.concept));
    const counts = swaps.map((s) => `${s.images} of ${s.of}`).join(', ');
    out.push({ kind: 'swap', text: `left and right are swapped between A and B for ${what} (by where the classes sit: reversed in ${counts} images that show both sides)`, classes: swaps.flatMap((s) => [s.a, s.b]) });
  }
  for (const s of slips) {
    const what = input.groups.find((g) => g.concept === s.concept)?.words ?? s.concept;
    out.push({ kind: 'swap', text: `left and right ${what} are reversed in ${s.images} of ${s.of} images (e.g. ${s.examples.join(', ')}): slips in one side, worth a look in the review`, classes: [s.a, s.b] });
  }
  return out;
}

function pixelsBetween(input: FindingInput, from: ConceptGroup, to: ConceptGroup): number {
  let pixels = 0;
  for (const a of from.ids) for (const b of to.ids) pixels += input.joint[a * 256 + b];
  return pixels;
}

const title = (g: ConceptGroup): string => getConcept(g.concept)?.title ?? g.concept;

/** "; B's glasses ×2.25 A's" when the flow changes the group's area markedly. */
function areaNote(g: ConceptGroup): string {
  if (g.pixelsA === 0 || g.pixelsB === 0 || Math.abs(Math.log(g.pixelsB / g.pixelsA)) < Math.log(AREA_RATIO)) return '';
  return `; B's ${title(g)} area ${times(g.pixelsB / g.pixelsA)} A's`;
}

/** Where A's pixels of a concept go in B (outflows), and where B's pixels of a concept come from in A (inflows). */
function flowFindings(input: FindingInput): DiffFinding[] {
  const out: Array<DiffFinding & { share: number }> = [];
  for (const from of input.groups) {
    for (const to of input.groups) {
      if (to.concept === from.concept) continue;
      const pixels = pixelsBetween(input, from, to);
      const arrow = `${from.classes.join(', ')} → ${to.classes.join(', ')}`;
      const classes = [...from.classes, ...to.classes];
      const outShare = from.pixelsA > 0 ? pixels / from.pixelsA : 0;
      const inShare = to.pixelsB > 0 ? pixels / to.pixelsB : 0;
      if (outShare >= MIN_FLOW) out.push({ kind: 'flow', share: outShare, text: `B labels ${pct(outShare)} of A's ${title(from)} pixels as ${title(to)} (${arrow}${areaNote(from)})`, classes });
      else if (inShare >= MIN_INFLOW) out.push({ kind: 'flow', share: inShare, text: `${pct(inShare)} of B's ${title(to)} pixels are ${title(from)} in A (${arrow}${areaNote(to)})`, classes });
    }
  }
  const sorted = out.sort((x, y) => y.share - x.share).map(({ kind, text, classes }): DiffFinding => ({ kind, text, classes }));
  if (sorted.length <= MAX_FLOW_FINDINGS) return sorted;
  const rest = sorted.length - MAX_FLOW_FINDINGS;
  return [...sorted.slice(0, MAX_FLOW_FINDINGS), { kind: 'flow', text: `${rest} smaller flows of at least ${pct(MIN_FLOW)} are in the flows table`, classes: [] }];
}

function presenceFindings(input: FindingInput): DiffFinding[] {
  return input.groups.flatMap((g): DiffFinding[] => {
    if (g.pixelsA > 0 && g.pixelsB === 0) return [{ kind: 'missing', text: `B never labels ${g.words} (A has them in ${g.imagesA} images)`, classes: g.classes }];
    if (g.pixelsA === 0 && g.pixelsB > 0) return [{ kind: 'missing', text: `B labels ${g.words} in ${g.imagesB} images; A never does`, classes: g.classes }];
    return [];
  });
}

/** The boundary or area finding of one group, with a signature ("boundary+") that says which way it goes. */
function shapeFinding(g: ConceptGroup): { finding: DiffFinding; signature: string } | undefined {
  const offset = typicalOffset(g);
  const distance = outlineDistance(g);
  if (g.distanceCount < MIN_SAMPLES || offset === null || distance === null) return undefined;
  if (Math.abs(offset) >= MIN_OFFSET_PX) return { finding: { kind: 'boundary', text: offsetText(g, offset), classes: g.classes }, signature: `offset${Math.sign(offset)}` };
  if (distance >= MIN_OUTLINE_PX) return { finding: { kind: 'boundary', text: outlineText(g, distance, offset), classes: g.classes }, signature: 'outline' };
  if (g.pixelsA > 0 && g.pixelsB > 0 && Math.abs(Math.log(g.pixelsB / g.pixelsA)) >= Math.log(AREA_RATIO)) {
    const text = `B's ${g.words} cover ${times(g.pixelsB / g.pixelsA)} A's pixels (${g.classes.join(', ')})`;
    return { finding: { kind: 'area', text, classes: g.classes }, signature: `area${Math.sign(g.pixelsB - g.pixelsA)}` };
  }
  return undefined;
}

/** A concept's finding when all its classes (left and right) differ the same way; else each class's own. */
function shapeFindings(input: FindingInput): DiffFinding[] {
  return input.groups.flatMap((g): DiffFinding[] => {
    const whole = shapeFinding(g);
    const parts = input.classLevel.get(g.concept) ?? [];
    if (parts.length <= 1) return whole ? [whole.finding] : [];
    const each = parts.map(shapeFinding);
    if (whole && each.every((e) => e?.signature === whole.signature)) return [whole.finding];
    return each.flatMap((e) => (e ? [e.finding] : []));
  });
}

function roughnessFindings(input: FindingInput): DiffFinding[] {
  return input.groups.flatMap((g): DiffFinding[] => {
    if (g.perimeterA < MIN_PERIMETER || g.perimeterB < MIN_PERIMETER || g.smoothPerimeterA === 0 || g.smoothPerimeterB === 0) return [];
    const roughA = g.perimeterA / g.smoothPerimeterA;
    const roughB = g.perimeterB / g.smoothPerimeterB;
    if (Math.max(roughA, roughB) / Math.min(roughA, roughB) < ROUGHNESS_RATIO) return [];
    const caveat = input.bUpsampled && roughB > roughA ? '; B was enlarged onto A\'s size, which adds stair steps to its outlines' : '';
    return [{ kind: 'roughness', text: `${roughnessText(g, roughA, roughB)}${caveat}`, classes: g.classes }];
  });
}

function sidesFinding(input: FindingInput): DiffFinding[] {
  const { schemaA, schemaB, protocol } = input;
  if (schemaA.leftRight === schemaB.leftRight) return [];
  const who = (s: LabelSchema): string => (s.leftRight === 'subject' ? "the subject's own side" : "the viewer's side");
  const how = protocol.match === 'sides' ? "classes were matched by the subject's side, not by name" : `B's names were read in A's convention (match by names)`;
  const agrees = input.reversals.some((r) => r.images * 2 >= r.of) ? '' : ', and where the classes sit agrees';
  return [{ kind: 'sides', text: `A (${schemaA.id}) names left and right from ${who(schemaA)}, B (${schemaB.id}) from ${who(schemaB)}: ${how}${agrees}`, classes: [] }];
}

/** The findings of a diff in words, each with its numbers, most telling first. */
export function diffFindings(input: FindingInput): DiffFinding[] {
  const flows = flowFindings(input);
  // An area change that a flow already explains (ears become skin, so B's ears are smaller) is not stated twice.
  const shapes = shapeFindings(input).filter((f) => f.kind !== 'area' || !flows.some((flow) => flow.classes.some((c) => f.classes.includes(c))));
  return [agreement(input), ...swapFindings(input), ...flows, ...presenceFindings(input), ...shapes, ...roughnessFindings(input), ...sidesFinding(input)];
}
