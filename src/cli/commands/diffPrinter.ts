import { mappingToExport } from '../../core/diff/mappingExport';
import type { ClassDiff, DiffRecord, DiffSideRecord, ItemMatching } from '../../core/diff/diffTypes';
import type { TerminalOutput } from '../terminalOutput';
import { percent, score, table } from '../terminalOutput';

/** The JSON `facegap diff --json` prints: the summary's numbers (class names in A's schema), the sides and where the folder is. */
export function diffJson(record: DiffRecord, out: string, mappingFile: string | undefined): Record<string, unknown> {
  const s = record.summary;
  return {
    out,
    complete: record.complete,
    a: sideJson(record.a),
    b: sideJson(record.b),
    protocol: record.protocol,
    matching: record.matching,
    images: s.images,
    meanF1: s.meanF1,
    pixelAgreement: s.pixelAgreement,
    perClass: s.perClass,
    flows: s.flows,
    swaps: s.swaps,
    findings: s.findings,
    crosswalk: record.crosswalk,
    sizeNotes: record.sizeNotes,
    pictureNotes: record.pictureNotes ?? [],
    skipped: record.skipped,
    suggestedMapping: mappingFile ?? null,
    timings: record.timings,
  };
}

/** Prints a diff as text: the sides, how items and sizes were matched, the crosswalk, the findings, a per-class table, skipped files. */
export function printDiff(record: DiffRecord, out: string, mappingFile: string | undefined, output: TerminalOutput): void {
  const s = record.summary;
  output.out(`A  ${sideLine(record.a)}`);
  output.out(`B  ${sideLine(record.b)}`);
  output.out(`matching: ${matchingLine(record.matching)}`);
  for (const note of record.sizeNotes) output.out(`sizes: ${note}`);
  for (const note of record.pictureNotes ?? []) output.out(`pictures: ${note}`);
  section(output, 'crosswalk (B → A):', record.crosswalk);
  output.out('');
  const scores = s.images > 0 ? `: mean F1 ${score(s.meanF1)}, pixel agreement ${percent(s.pixelAgreement)}` : '';
  output.out(`${record.complete ? 'Compared' : 'Interrupted after'} ${s.images} image(s) (${record.timings.reused} reused from an earlier run)${scores}`);
  section(output, 'Findings:', s.findings.map((f) => f.text));
  if (s.images > 0) {
    output.out('');
    output.out(`Per class (B against A, names in ${record.a.schema}):`);
    for (const line of classTable(s.perClass)) output.out(`  ${line}`);
    output.out('  area: B px / A px; offset: mean signed distance of B\'s outline from A\'s (+ = B reaches beyond A); dist: mean unsigned distance;');
    output.out('  band/interior: disagreeing px within ±k of A\'s edges and elsewhere; rough: outline length over smoothed outline (1 = smooth)');
  }
  section(output, `skipped ${record.skipped.length}:`, record.skipped.map((k) => k.reason));
  output.out('');
  output.out(`diff folder: ${out}`);
  if (!mappingFile) return;
  const { from, to } = mappingToExport(s, record.a.spec, record.b.spec);
  output.out(`suggested mapping ${from} → ${to}: ${mappingFile} (for facegap eval --mapping)`);
}

function section(output: TerminalOutput, title: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  output.out('');
  output.out(title);
  for (const line of lines) output.out(`  - ${line}`);
}

function sideJson(side: DiffSideRecord): Record<string, unknown> {
  return { kind: side.spec.kind, path: side.spec.path, description: side.description, schema: side.schema, leftRight: side.leftRight, items: side.items };
}

function sideLine(side: DiffSideRecord): string {
  const who = side.leftRight === 'subject' ? "subject's" : "viewer's";
  return `${side.description}: ${side.items} item(s), schema ${side.schema} ("left" = the ${who} left)`;
}

function matchingLine(m: ItemMatching): string {
  const rule = m.rule === 'number' ? 'by id, then by number ignoring leading zeros' : 'by identical id';
  const only = (what: string, o: ItemMatching['onlyA']): string =>
    o.count === 0 ? '' : `; ${o.count} only in ${what} (${o.examples.join(', ')}${o.count > o.examples.length ? ', …' : ''})`;
  return `${m.matched} pair(s) ${rule}${only('A', m.onlyA)}${only('B', m.onlyB)}`;
}

function classTable(classes: readonly ClassDiff[]): string[] {
  const num = (v: number | null, digits = 2): string => (v === null ? '–' : v.toFixed(digits));
  const rows = classes
    .filter((c) => c.pixelsA > 0 || c.pixelsB > 0)
    .map((c) => [
      c.name, score(c.f1), score(c.iou), num(c.areaRatio), num(c.boundaryOffsetPx), num(c.boundaryDistancePx),
      c.bandPixels.toLocaleString('en-US'), c.interiorPixels.toLocaleString('en-US'), num(c.roughnessA), num(c.roughnessB),
    ]);
  return table(['class', 'F1', 'IoU', 'area', 'offset', 'dist', 'band px', 'interior px', 'rough A', 'rough B'], rows);
}
