import type { ClassDiff, DiffRecord } from '../diff/diffTypes';
import { baseName } from '../util/paths';
import { html, type SafeHtml } from './htmlEscape';
import { score, signed } from './numberFormat';

const ratio = (v: number | null): string => (v === null ? '–' : `×${v.toFixed(2)}`);
const px = (v: number | null): string => (v === null ? '–' : `${v.toFixed(2)} px`);
const share = (part: number, whole: number): string => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '–');

function classRow(c: ClassDiff): SafeHtml {
  return html`<tr><td>${c.name}</td><td class="num">${ratio(c.areaRatio)}</td><td class="num">${score(c.f1)}</td><td class="num">${score(c.iou)}</td>
<td class="num">${c.boundaryOffsetPx === null ? '–' : `${signed(c.boundaryOffsetPx, 2)} px`}</td><td class="num">${px(c.boundaryDistancePx)}</td>
<td class="num">${share(c.bandPixels, c.bandPixels + c.interiorPixels)}</td><td class="num">${c.roughnessA === null ? '–' : c.roughnessA.toFixed(2)}</td><td class="num">${c.roughnessB === null ? '–' : c.roughnessB.toFixed(2)}</td></tr>`;
}

function classTable(record: DiffRecord): SafeHtml {
  const rows = record.summary.perClass.filter((c) => c.pixelsA + c.pixelsB > 0);
  const head = html`<tr><th>class (A's names)</th><th class="num">area B/A</th><th class="num">F1</th><th class="num">IoU</th><th class="num">boundary offset</th><th class="num">outline distance</th><th class="num">disagreement in band</th><th class="num">roughness A</th><th class="num">roughness B</th></tr>`;
  return html`<div class="scroll"><table class="label-gap"><thead>${head}</thead><tbody>${rows.map(classRow)}</tbody></table></div>`;
}

function diffBlock(record: DiffRecord, dir: string): SafeHtml {
  const s = record.summary;
  const notes = [...(record.pictureNotes ?? []), ...record.sizeNotes];
  return html`<h3>${record.b.description} against ${record.a.description}</h3>
<p class="muted">Diff folder <span class="path">${baseName(dir)}</span>: ${s.images} image pairs, A = ${record.a.schema}, B = ${record.b.schema}; boundary band ±${record.protocol.bandK} px; B's classes matched to A's by ${record.protocol.match === 'sides' ? "the subject's side" : 'name'}.</p>
${notes.map((n) => html`<p class="muted">${n}</p>`)}
<ol class="findings">${s.findings.map((f) => html`<li>${f.text}</li>`)}</ol>
${classTable(record)}`;
}

/** The report's label-gap section: for each diff, its findings in words and its per-class table. */
export function labelGapHtml(diffs: ReadonlyArray<{ readonly dir: string; readonly record: DiffRecord }>): SafeHtml {
  if (diffs.length === 0) return html``;
  return html`<h2>Label gap</h2>
<p class="muted">From <code>facegap diff</code>: how two labellings of the same images differ. Offsets are the typical shift of B's edge from A's where both label a class (+ outside A); outline distance is the mean distance between the two outlines; roughness is an outline's length over that of the same outline smoothed.</p>
${diffs.map((d) => diffBlock(d.record, d.dir))}`;
}
