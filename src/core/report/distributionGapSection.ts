import type { AttributeComparison, DistRecord, DistSideRecord } from '../distribution/distTypes';
import { baseName } from '../util/paths';
import { distributionPartsHtml, figureHtml } from './distributionGapParts';
import { html, type SafeHtml } from './htmlEscape';
import { significant } from './numberFormat';

/**
 * A distribution folder's figures, drawn beforehand as inline SVG markup (src/plots in a Node DOM): markup built through
 * DOM text nodes and attributes, so the data in it is already escaped.
 */
export interface DistributionFigureMarkup {
  readonly effect?: string;
  /** The histograms of the attributes with the largest effects, largest first. */
  readonly histograms: ReadonlyArray<{ readonly name: string; readonly svg: string }>;
  readonly matching?: string;
  readonly slices: ReadonlyArray<{ readonly attribute: string; readonly svg: string }>;
  readonly decomposition?: string;
}

/** One "facegap dist" folder as the report shows it. */
export interface DistributionGapInput {
  readonly dir: string;
  readonly record: DistRecord;
  readonly figures: DistributionFigureMarkup;
}

/** A side's mean: a binary attribute's as the share of images that have it, a continuous one's with its unit. */
function mean(c: AttributeComparison, side: 'a' | 'b'): string {
  const v = c[side].mean;
  if (c.kind === 'binary') return `${(100 * v).toFixed(1)}%`;
  return c.unit ? `${significant(v)} ${c.unit}` : significant(v);
}

function attributeRow(c: AttributeComparison): SafeHtml {
  const arrow = c.direction === 'higher' ? '↑' : c.direction === 'lower' ? '↓' : '=';
  return html`<tr><td>${c.title} <span class="classname">${c.name}</span></td><td>${c.metric}</td><td class="num">${significant(c.distance)}</td>
<td class="num" title="${c.direction === 'same' ? 'B about the same as A' : `B ${c.direction} than A`}">${significant(c.effect)} ${arrow}</td><td class="num">${mean(c, 'a')}</td><td class="num">${mean(c, 'b')}</td></tr>`;
}

function attributeTable(attributes: readonly AttributeComparison[]): SafeHtml {
  if (attributes.length === 0) return html`<p class="muted">No attribute could be measured on both sides.</p>`;
  const head = html`<tr><th>attribute</th><th>metric</th><th class="num">distance</th><th class="num">effect (B against A)</th><th class="num">A mean</th><th class="num">B mean</th></tr>`;
  return html`<div class="scroll"><table class="distribution"><thead>${head}</thead><tbody>${attributes.map(attributeRow)}</tbody></table></div>`;
}

function sideText(label: 'A' | 'B', side: DistSideRecord): string {
  const from = side.labelsFrom === 'labels' ? 'attributes from its labels' : side.labelsFrom === 'predictions' ? "attributes from a model's predictions" : 'image attributes only';
  return `${label} = ${side.description} (${side.images} images; ${from})`;
}

function histograms(record: DistRecord, figures: DistributionFigureMarkup): SafeHtml {
  if (figures.histograms.length === 0) return html``;
  const byName = new Map(record.summary.attributes.map((c) => [c.name, c]));
  return html`<h4>Distributions of the ${figures.histograms.length} largest differences</h4>
<div class="plots">${figures.histograms.map((h) => figureHtml(h.svg, byName.get(h.name)?.finding ?? h.name))}</div>`;
}

function distributionBlock(input: DistributionGapInput): SafeHtml {
  const { record, figures } = input;
  const skipped = record.skipped.length;
  return html`<h3>${record.b.description} against ${record.a.description}</h3>
<p class="muted">Distribution folder <span class="path">${baseName(input.dir)}</span>: ${sideText('A', record.a)}; ${sideText('B', record.b)}; ${record.summary.attributes.length} attributes compared${skipped > 0 ? `; ${skipped} image(s) could not be measured` : ''}.</p>
${record.complete ? html`` : html`<p class="note">This comparison is incomplete (interrupted or still running): its numbers cover the images measured so far.</p>`}
${record.notes.map((n) => html`<p class="muted">${n}</p>`)}
<ol class="findings">${record.summary.findings.map((f) => html`<li>${f}</li>`)}</ol>
${figures.effect ? figureHtml(figures.effect, 'Effect size per attribute: to the right where B is higher than A, to the left where it is lower. Continuous attributes: Wasserstein-1 distance over the pooled standard deviation; binary ones: Cohen’s h.') : html``}
${attributeTable(record.summary.attributes)}
${histograms(record, figures)}
${distributionPartsHtml(record, figures)}`;
}

/** The report's distribution-gap section: per "facegap dist" folder its findings, effect chart, attribute table and histograms, and what else it measured. */
export function distributionGapHtml(inputs: readonly DistributionGapInput[]): SafeHtml {
  if (inputs.length === 0) return html``;
  return html`<h2>Distribution gap</h2>
<p class="muted">From <code>facegap dist</code>: how the content of two datasets differs, attribute by attribute (pose, framing and face size, accessories, skin tone, image statistics). Distances are Wasserstein-1 for continuous attributes and total variation for binary ones; effect sizes put them on one scale, largest first.</p>
${inputs.map(distributionBlock)}`;
}
