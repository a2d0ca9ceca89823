import type { DistributionPanelEvents, DistributionPanelRequests, DistSnapshot, FigureFormat } from '../../src/protocol/distributionPanelMessages';
import type { RpcEndpoint } from '../../src/protocol/rpc';
import { el } from '../shared/dom';
import { AttributeTable } from './attributeTable';
import { renderFeatures, renderMatching, renderSlices } from './detailSections';
import type { DistFigures } from './distFigures';
import type { DistUiState } from './distUiState';
import { attributeValue, directionText, fixed2, metricText, sig3 } from './distNumbers';
import { figureBlock, type FigureSaver } from './figureBlock';
import { renderFindings, renderNotes, renderSides, section } from './summarySections';

type Rpc = RpcEndpoint<DistributionPanelRequests, DistributionPanelEvents>;

/** Turns a drawn figure into what the host saves: an SVG document, or a PNG data: URL. */
export type FigureEncoder = (figure: Element, format: FigureFormat) => Promise<string>;

/** The distribution panel: findings, the attributes table with the chosen attribute's histogram, effects, matching, features, slices. */
export class DistributionApp {
  private readonly failure = el('p', 'action-error');
  private readonly detail = el('div', 'attribute-detail');
  private snapshot: DistSnapshot | undefined;
  private table: AttributeTable | undefined;
  private readonly save: FigureSaver;

  constructor(
    private readonly root: HTMLElement,
    private readonly rpc: Rpc,
    private readonly figures: DistFigures,
    encode: FigureEncoder,
    private readonly state: DistUiState,
    private readonly persist: (state: DistUiState) => void,
  ) {
    this.failure.setAttribute('role', 'alert');
    this.failure.hidden = true;
    this.detail.setAttribute('aria-live', 'polite');
    this.save = async (name, format, figure) => (await this.succeed(this.rpc.request({ type: 'exportFigure', name, format, data: await encode(figure, format) }))).file;
  }

  /** Shows a (new) snapshot, keeping the chosen attribute when the new one still has it. */
  show(snapshot: DistSnapshot): void {
    this.snapshot = snapshot;
    this.state.dir = snapshot.dir;
    const attributes = snapshot.record.summary.attributes;
    if (!attributes.some((a) => a.name === this.state.attribute)) this.state.attribute = largestEffect(snapshot)?.name;
    this.persist(this.state);
    const header = el('header', 'dist-header');
    header.append(el('h1', undefined, snapshot.title), el('p', 'dist-dir', snapshot.dir));
    const main = el('main', 'dist-view');
    main.append(renderFindings(snapshot), renderSides(snapshot), this.attributesSection(snapshot));
    if (attributes.length > 0) main.append(this.effectsSection(snapshot));
    const { matching, features } = snapshot.record.summary;
    if (matching) main.append(renderMatching(matching, snapshot.subsetImages, this.figures, this.save, { exportSubset: () => this.exportSubset() }));
    if (features) main.append(renderFeatures(features));
    if ((snapshot.record.slices?.length ?? 0) > 0 || snapshot.record.expectedScore || snapshot.record.decomposition) main.append(renderSlices(snapshot.record, this.figures, this.save));
    const notes = renderNotes(snapshot);
    if (notes) main.append(notes);
    this.root.replaceChildren(header, this.failure, main);
    this.root.setAttribute('aria-busy', 'false');
  }

  /** Shows a failed request's message (it names what went wrong) until the next one succeeds. */
  fail(error: unknown): void {
    this.failure.textContent = error instanceof Error ? error.message : String(error);
    this.failure.hidden = false;
  }

  private attributesSection(snapshot: DistSnapshot): HTMLElement {
    const block = section('attributes-section', 'attributes-title', 'Attributes');
    const attributes = snapshot.record.summary.attributes;
    if (attributes.length === 0) {
      block.append(el('p', 'muted', 'No attribute could be measured on both sides.'));
      return block;
    }
    this.table = new AttributeTable(attributes, this.state.attribute, { select: (name) => this.select(name) });
    const body = el('div', 'attributes-body');
    body.append(this.table.element, this.detail);
    block.append(el('p', 'muted', 'Largest effect first. Choose a row to see both histograms.'), body);
    this.drawDetail();
    return block;
  }

  private select(name: string): void {
    if (name === this.state.attribute) return;
    this.state.attribute = name;
    this.persist(this.state);
    this.table?.mark(name);
    this.drawDetail();
  }

  /** The chosen attribute: its finding, its numbers and A's and B's histograms. */
  private drawDetail(): void {
    const attr = this.snapshot?.record.summary.attributes.find((a) => a.name === this.state.attribute);
    if (!attr) {
      this.detail.replaceChildren();
      return;
    }
    const title = el('h3', 'detail-title', attr.title);
    if (attr.title !== attr.name) title.append(' ', el('code', 'attr-name', attr.name));
    const numbers = `${metricText(attr.metric)} ${sig3(attr.distance)} · effect ${fixed2(attr.effect)} · ${directionText(attr.direction)} · A ${attributeValue(attr.a.mean, attr)} (n ${attr.a.n}) · B ${attributeValue(attr.b.mean, attr)} (n ${attr.b.n})`;
    const caption = `Share of each side's images per bin of ${attr.title}${attr.unit ? ` (${attr.unit})` : ''}: A and B.`;
    this.detail.dataset.attribute = attr.name;
    this.detail.replaceChildren(title, el('p', 'detail-finding', attr.finding), el('p', 'detail-numbers muted', numbers), figureBlock(`histogram-${attr.name}`, caption, () => this.figures.histogram(attr, this.sideNames()), this.save));
  }

  /** A and B as the legends name them: their folders' names. */
  private sideNames(): { a: string; b: string } {
    const record = this.snapshot?.record;
    const name = (p: string | undefined): string => p?.split(/[\\/]/).filter((part) => part !== '').pop() ?? '';
    return { a: name(record?.a.spec.path), b: name(record?.b.spec.path) };
  }

  private effectsSection(snapshot: DistSnapshot): HTMLElement {
    const block = section('effects-section', 'effects-title', 'Effect sizes');
    const caption = "Each attribute's effect size (W1 over the pooled standard deviation, or Cohen's h), largest first; the colour says which way B differs.";
    block.append(figureBlock('effects', caption, () => this.figures.effects(snapshot.record.summary.attributes), this.save));
    return block;
  }

  private exportSubset(): void {
    this.succeed(this.rpc.request({ type: 'exportSubset' })).catch((error: unknown) => this.fail(error));
  }

  /** The request's result; a success hides an earlier failure. */
  private async succeed<T>(request: Promise<T>): Promise<T> {
    const result = await request;
    this.failure.hidden = true;
    return result;
  }
}

function largestEffect(snapshot: DistSnapshot): { name: string } | undefined {
  return [...snapshot.record.summary.attributes].sort((x, y) => Math.abs(y.effect) - Math.abs(x.effect))[0];
}
