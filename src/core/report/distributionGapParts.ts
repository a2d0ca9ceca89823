import type { DistRecord, FeatureDistances, GapDecompositionRecord, MatchingResult } from '../distribution/distTypes';
import type { DistributionFigureMarkup } from './distributionGapSection';
import { html, rawHtml, type SafeHtml } from './htmlEscape';
import { significant } from './numberFormat';

/** An inline SVG figure (markup drawn through the DOM, see DistributionFigureMarkup) with an escaped caption. */
export function figureHtml(svg: string, caption: string): SafeHtml {
  return html`<figure class="plot">${rawHtml(svg)}<figcaption>${caption}</figcaption></figure>`;
}

const percent = (v: number | null): string => (v === null ? '–' : `${Math.round(100 * v)}%`);

function matchingRow(d: MatchingResult['distances'][number]): SafeHtml {
  const left = (v: number): string => (d.before > 0 ? ` (${percent(v / d.before)})` : '');
  return html`<tr><td>${d.name}</td><td>${d.metric}</td><td class="num">${significant(d.before)}</td><td class="num">${significant(d.weighted)}${left(d.weighted)}</td>
<td class="num">${significant(d.subset)}${left(d.subset)}</td><td class="num">${significant(d.effectBefore)}</td><td class="num">${significant(d.effectSubset)}</td></tr>`;
}

function matchingHtml(m: MatchingResult, svg: string | undefined): SafeHtml {
  const head = html`<tr><th>attribute</th><th>metric</th><th class="num">distance before</th><th class="num">after weighting</th><th class="num">matched subset</th><th class="num">effect before</th><th class="num">effect in subset</th></tr>`;
  return html`<h4>Distribution matching</h4>
<p>${m.method} Effective sample size of the weights ${significant(m.effectiveSize)}; matched subset of A: ${m.subsetSize} images.</p>
${svg ? figureHtml(svg, 'Distance to B per attribute before matching, after importance weighting and in the matched subset of A, as a share of the distance before.') : html``}
<div class="scroll"><table class="distribution"><thead>${head}</thead><tbody>${m.distances.map(matchingRow)}</tbody></table></div>`;
}

function leastCovered(label: string, list: FeatureDistances['leastCoveredA']): SafeHtml {
  if (list.length === 0) return html``;
  return html`<p class="muted">${label}: ${list.slice(0, 8).map((x, i) => html`${i > 0 ? ', ' : ''}<span class="path">${x.id}</span> (${significant(x.distance)})`)}</p>`;
}

function featuresHtml(f: FeatureDistances): SafeHtml {
  const rows: Array<[string, string]> = [
    ['Fréchet distance', significant(f.frechetDistance)],
    ['KID (×10³)', `${significant(1000 * f.kid.mean)} ± ${significant(1000 * f.kid.sd)} (${f.kid.subsets} subsets of ${f.kid.subsetSize})`],
    ['precision (B in A’s manifold)', significant(f.precision)],
    ['recall (A in B’s manifold)', significant(f.recall)],
    ['density', significant(f.density)],
    ['coverage', significant(f.coverage)],
  ];
  return html`<h4>Feature-space distances</h4>
<p class="muted">Extractor ${f.extractor}, ${f.dimension} dimensions; manifold measures with k = ${f.k} nearest neighbours, B measured against A.</p>
<table class="facts">${rows.map(([k, v]) => html`<tr><th>${k}</th><td class="num">${v}</td></tr>`)}</table>
${leastCovered('Images of A farthest from B', f.leastCoveredA)}
${leastCovered('Images of B farthest from A', f.leastCoveredB)}`;
}

function slicesHtml(record: DistRecord, figures: DistributionFigureMarkup): SafeHtml {
  const expected = record.expectedScore;
  if (figures.slices.length === 0 && !expected) return html``;
  const titles = new Map((record.slices ?? []).map((s) => [s.attribute, s.title]));
  return html`<h4>Performance by slice</h4>
${expected ? html`<p>Run <span class="path">${expected.run}</span>: mean score ${expected.plainMean.toFixed(4)}; weighted to the training side’s attribute distribution ${expected.weightedMean.toFixed(4)} (effective sample size ${significant(expected.effectiveSize)}), a distribution-gap estimate without retraining.</p>` : html``}
<div class="plots">${figures.slices.map((s) => figureHtml(s.svg, `Mean score by ${titles.get(s.attribute) ?? s.attribute} (dots) over the training set’s share of images (bars).`))}</div>`;
}

function decompositionHtml(d: GapDecompositionRecord, svg: string | undefined): SafeHtml {
  const rows = d.parts.map(
    (p) => html`<tr><td>${p.name}</td><td class="num">${p.value === null ? '–' : p.value.toFixed(4)}</td><td class="num">${percent(p.share)}</td><td>${p.arithmetic}</td></tr>`,
  );
  return html`<h4>Gap decomposition</h4>
<p>The synthetic → real gap${d.total === null ? ' could not be measured whole' : html` is <strong>${d.total.toFixed(4)}</strong> mean F1`}; its parts:</p>
${svg ? figureHtml(svg, 'The gap split into its distribution, label and photorealism parts (mean F1 points).') : html``}
<table class="distribution"><thead><tr><th>part</th><th class="num">mean F1</th><th class="num">share</th><th>arithmetic</th></tr></thead><tbody>${rows}</tbody></table>
${(d.sentences ?? []).map((s) => html`<p>${s}</p>`)}
${(d.missing ?? []).map((s) => html`<p class="note">${s}</p>`)}
${d.assumptions.length > 0 ? html`<p class="muted">Assumptions:</p><ul class="protocol">${d.assumptions.map((a) => html`<li>${a}</li>`)}</ul>` : html``}`;
}

/** What a distribution folder measured beyond the attributes, each when present: matching, feature distances, slices, the gap decomposition. */
export function distributionPartsHtml(record: DistRecord, figures: DistributionFigureMarkup): SafeHtml {
  const { matching, features } = record.summary;
  return html`${matching ? matchingHtml(matching, figures.matching) : html``}
${features ? featuresHtml(features) : html``}
${slicesHtml(record, figures)}
${record.decomposition ? decompositionHtml(record.decomposition, figures.decomposition) : html``}`;
}
