import type { DatasetSnapshot } from '../../src/protocol/datasetPanelMessages';
import { el } from '../shared/dom';
import { button } from './controls';

/** What the header's buttons do. */
export interface HeaderActions {
  evaluate(): void;
  openReport(run: string): void;
}

/** The dataset's header: title, layout, schema and why, counts, problems (expandable), Evaluate and Open report. */
export function datasetHeader(snapshot: DatasetSnapshot, run: string | null, actions: HeaderActions): HTMLElement {
  const header = el('header', 'dataset-header');
  const title = el('h1', 'dataset-title', snapshot.title);
  title.title = snapshot.root;
  const facts = el('div', 'dataset-facts');
  facts.append(
    fact('Layout', snapshot.formatTitle),
    fact('Schema', `${snapshot.schema.title} (${snapshot.schemaReason})`),
    fact('Images', String(snapshot.items.length)),
  );
  header.append(title, facts, problemList(snapshot.problems), headerButtons(snapshot.trusted, run, actions));
  return header;
}

function fact(name: string, value: string): HTMLElement {
  const item = el('span', 'dataset-fact');
  item.append(el('span', 'fact-name', `${name}: `), el('span', 'fact-value', value));
  return item;
}

function problemList(problems: DatasetSnapshot['problems']): HTMLElement {
  if (problems.length === 0) return el('div', 'problems none', 'No problems found');
  const details = el('details', 'problems');
  details.append(el('summary', 'problems-summary', `${problems.length} problem${problems.length === 1 ? '' : 's'}`));
  const list = el('ul', 'problem-list');
  for (const p of problems) {
    const item = el('li', 'problem');
    item.append(el('span', 'problem-file', p.file), document.createTextNode(' — '), el('span', 'problem-text', p.problem));
    list.append(item);
  }
  details.append(list);
  return details;
}

function headerButtons(trusted: boolean, run: string | null, actions: HeaderActions): HTMLElement {
  const bar = el('div', 'header-actions');
  const evaluate = button('Evaluate a model…', 'Evaluate a model on this dataset', () => actions.evaluate());
  evaluate.id = 'evaluate-button';
  bar.append(evaluate);
  if (!trusted) {
    evaluate.disabled = true;
    const why = el('span', 'untrusted-note', 'Evaluation is off in an untrusted workspace: trust this folder to run models.');
    why.id = 'evaluate-disabled-reason';
    evaluate.setAttribute('aria-describedby', why.id);
    evaluate.title = why.textContent ?? '';
    bar.append(why);
  }
  if (run !== null) {
    const report = button('Open report', 'Open the report of the chosen run', () => actions.openReport(run), true);
    report.id = 'open-report-button';
    bar.append(report);
  }
  return bar;
}
