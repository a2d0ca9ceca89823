import type { DistRecord, FeatureDistances, GapDecompositionRecord, MatchingResult } from '../../src/protocol/distributionPanelMessages';
import { el } from '../shared/dom';
import type { DistFigures } from './distFigures';
import { count, fixed2, metricText, percent, sig3 } from './distNumbers';
import { figureBlock, type FigureSaver } from './figureBlock';
import { section } from './summarySections';

/** Images listed per side as least covered. */
const LEAST_COVERED = 10;

/** What the matching section asks of the host. */
export interface MatchingActions {
  exportSubset(): void;
}

/** Matching: how the weights were fitted, each attribute's distance before and after, the chart, and "Export subset…". */
export function renderMatching(matching: MatchingResult, subsetImages: number | null, figures: DistFigures, save: FigureSaver, actions: MatchingActions): HTMLElement {
  const block = section('matching-section', 'matching-title', 'Matching A to B');
  const facts = el('p', 'matching-facts');
  facts.textContent = `${matching.method} Effective sample size of the weights ${sig3(matching.effectiveSize)}; matched subset of A: ${count(matching.subsetSize)} images.`;
  const bar = el('div', 'matching-bar');
  const exportButton = el('vscode-button', 'export-subset', 'Export subset…');
  exportButton.title = 'Save the matched subset of A (matched-subset-a.txt: one image path per line)';
  if (subsetImages === null) exportButton.setAttribute('disabled', '');
  exportButton.addEventListener('click', () => subsetImages !== null && actions.exportSubset());
  bar.append(exportButton, el('span', 'muted', subsetImages === null ? 'no matched-subset-a.txt in this folder' : `${count(subsetImages)} image paths`));
  const table = el('table', 'matching-table');
  table.append(head(['Attribute', 'Metric', 'Before', 'Weighted', 'Subset', 'Effect before', 'Effect subset'], ['name', 'name', 'num', 'num', 'num', 'num', 'num']));
  const body = el('tbody');
  for (const d of matching.distances) {
    const row = el('tr');
    const name = el('th', 'name', d.name);
    name.scope = 'row';
    row.append(name, el('td', 'name', metricText(d.metric)), ...[d.before, d.weighted, d.subset].map((v) => el('td', 'num', sig3(v))), el('td', 'num', fixed2(d.effectBefore)), el('td', 'num', fixed2(d.effectSubset)));
    body.append(row);
  }
  table.append(body);
  const scroller = el('div', 'table-scroll');
  scroller.append(table);
  const caption = "Each attribute's distance to B before matching, after importance weighting and in the matched subset of A, as a share of the distance before: shorter is closer to B.";
  block.append(facts, bar, figureBlock('matching', caption, () => figures.matching(matching), save), scroller);
  return block;
}

/** Distances in the feature extractor's space, and each side's least covered images. */
export function renderFeatures(features: FeatureDistances): HTMLElement {
  const block = section('features-section', 'features-title', 'Feature space');
  block.append(el('p', 'muted', `${features.extractor}: ${features.dimension} dimensions; B measured against A; k = ${features.k}.`));
  const tiles = el('dl', 'headline feature-tiles');
  const numbers: Array<[string, string, string]> = [
    ['Fréchet distance', sig3(features.frechetDistance), 'FID-style distance between the Gaussian fits of the two sets'],
    ['KID', `${sig3(features.kid.mean)} ± ${sig3(features.kid.sd)}`, `unbiased MMD² (cubic kernel), over ${features.kid.subsets} subsets of ${features.kid.subsetSize}`],
    ['precision', percent(features.precision), "share of B's images inside A's manifold"],
    ['recall', percent(features.recall), "share of A's images inside B's manifold"],
    ['density', sig3(features.density), "how densely A's neighbourhoods cover B's images"],
    ['coverage', percent(features.coverage), "share of A's images with an image of B among their neighbours"],
  ];
  for (const [label, value, title] of numbers) {
    const tile = el('div', 'tile');
    tile.title = title;
    tile.append(el('dt', undefined, label), el('dd', undefined, value));
    tiles.append(tile);
  }
  block.append(tiles);
  const lists: Array<[string, FeatureDistances['leastCoveredA']]> = [
    ["A's images least covered by B", features.leastCoveredA],
    ["B's images least covered by A", features.leastCoveredB],
  ];
  const columns = el('div', 'least-covered');
  for (const [title, items] of lists) {
    const column = el('div');
    const list = el('ol', 'covered-list');
    list.append(...items.slice(0, LEAST_COVERED).map((i) => el('li', undefined, `${i.id} (${sig3(i.distance)})`)));
    column.append(el('h3', undefined, title), items.length > 0 ? list : el('p', 'muted', 'none'));
    columns.append(column);
  }
  block.append(columns);
  return block;
}

/** Performance by slice (one figure per attribute), the expected score under B's distribution, and the gap decomposition. */
export function renderSlices(record: DistRecord, figures: DistFigures, save: FigureSaver): HTMLElement {
  const block = section('slices-section', 'slices-title', 'Performance by slice');
  if (record.expectedScore) {
    const e = record.expectedScore;
    block.append(el('p', 'expected-score', `Run ${e.run}: mean score ${sig3(e.plainMean)}; expected ${sig3(e.weightedMean)} if its test set's attributes matched the training side's (importance-weighted, effective sample size ${sig3(e.effectiveSize)}).`));
  }
  for (const slice of record.slices ?? []) {
    const caption = `Mean score by ${slice.title}${slice.unit ? ` (${slice.unit})` : ''}, over the training set's share of images in each bin.`;
    block.append(figureBlock(`slices-${slice.attribute}`, caption, () => figures.slice(slice), save));
  }
  if (record.decomposition) block.append(renderDecomposition(record.decomposition, figures, save));
  return block;
}

function renderDecomposition(decomposition: GapDecompositionRecord, figures: DistFigures, save: FigureSaver): HTMLElement {
  const block = el('div', 'decomposition');
  block.append(el('h3', undefined, `The gap (${sig3(decomposition.total)} mean F1 points), by part`));
  const table = el('table', 'decomposition-table');
  table.append(head(['Part', 'Points', 'Share', 'Arithmetic'], ['name', 'num', 'num', 'arithmetic']));
  const body = el('tbody');
  for (const part of decomposition.parts) {
    const row = el('tr');
    const name = el('th', 'name', part.name);
    name.scope = 'row';
    row.append(name, el('td', 'num', sig3(part.value)), el('td', 'num', percent(part.share, 0)), el('td', 'arithmetic', part.arithmetic));
    body.append(row);
  }
  table.append(body);
  const assumptions = el('ul', 'text-list assumptions');
  assumptions.append(...decomposition.assumptions.map((a) => el('li', undefined, a)));
  block.append(table, figureBlock('decomposition', 'The synthetic → real gap split into distribution, labels and the remainder (photorealism).', () => figures.decomposition(decomposition), save), el('h3', undefined, 'Assumptions'), assumptions);
  return block;
}

/** A table head with a class per column ('name', 'num' …, for alignment). */
function head(labels: readonly string[], classes: readonly string[]): HTMLTableSectionElement {
  const row = el('tr');
  labels.forEach((label, i) => {
    const th = el('th', classes[i], label);
    th.scope = 'col';
    row.append(th);
  });
  const thead = el('thead');
  thead.append(row);
  return thead;
}
