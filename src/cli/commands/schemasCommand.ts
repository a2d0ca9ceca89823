import { parseArgs } from 'node:util';
import { canonicalKey, describeKey } from '../../core/schema/concepts';
import { buildCrosswalk, crosswalkReport } from '../../core/schema/crosswalk';
import type { LabelSchema } from '../../core/schema/labelSchema';
import { parseMappingJson, resolveMapping } from '../../core/schema/mappingJson';
import { NodeFileAccess } from '../../node/files/nodeFileAccess';
import { EXIT, UsageError } from '../cliErrors';
import { loadSchemaRegistry } from '../datasetArgs';
import type { TerminalOutput } from '../terminalOutput';
import { table } from '../terminalOutput';

/** Help text of `facegap schemas` and `facegap crosswalk`. */
export const SCHEMAS_HELP = `Usage: facegap schemas [id] [--schema-file f.json] [--json]
       facegap crosswalk <from-id> <to-id> [--mapping f.json] [--schema-file f.json] [--json]

Lists the label schemas (built in and from --schema-file), shows one schema's classes with
the canonical concept each maps to, or shows how classes of one schema map onto another
(by concept and the subject's side, never by name).`;

const OPTIONS = {
  'schema-file': { type: 'string', multiple: true },
  mapping: { type: 'string' },
  crosswalk: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `facegap schemas` (and `facegap crosswalk`, which passes --crosswalk). */
export async function schemasCommand(argv: readonly string[], output: TerminalOutput): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  if (values.help) return output.out(SCHEMAS_HELP), EXIT.ok;
  const files = new NodeFileAccess();
  const registry = await loadSchemaRegistry(files, values['schema-file'] ?? []);
  if (values.crosswalk) {
    if (positionals.length !== 2) throw new UsageError('facegap crosswalk takes two schema ids: <from> <to>');
    const [from, to] = positionals.map((id) => registry.get(id));
    const mapping = values.mapping ? resolveMapping(parseMappingJson(await files.readText(values.mapping), values.mapping), from, to) : undefined;
    const cw = buildCrosswalk(from, to, mapping);
    if (values.json) output.out(JSON.stringify({ ...cw, table: undefined, report: crosswalkReport(cw) }, null, 2));
    else printCrosswalk(cw.entries, crosswalkReport(cw), output);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('facegap schemas takes at most one schema id');
  if (positionals.length === 1) {
    const schema = registry.get(positionals[0]);
    if (values.json) output.out(JSON.stringify(schema, null, 2));
    else printSchema(schema, output);
    return EXIT.ok;
  }
  const schemas = registry.list();
  if (values.json) output.out(JSON.stringify(schemas.map((s) => ({ id: s.id, title: s.title, classes: s.classes.length, leftRight: s.leftRight })), null, 2));
  else for (const line of table(['id', 'title', 'classes', 'left/right named by'], schemas.map((s) => [s.id, s.title, String(s.classes.length), s.leftRight]))) output.out(line);
  return EXIT.ok;
}

function printSchema(schema: LabelSchema, output: TerminalOutput): void {
  output.out(`${schema.title} (${schema.id}); "left" means the ${schema.leftRight === 'subject' ? "subject's" : "viewer's"} left`);
  const rows = schema.classes.map((c) => [String(c.id), c.name, `rgb(${c.color.join(',')})`, describeKey(canonicalKey(schema, c))]);
  for (const line of table(['id', 'name', 'colour', 'concept'], rows)) output.out(line);
  for (const note of schema.notes ?? []) output.out(`note: ${note}`);
}

function printCrosswalk(entries: ReturnType<typeof buildCrosswalk>['entries'], report: string[], output: TerminalOutput): void {
  const rows = entries.map((e) => [String(e.fromId), e.fromName, e.toId === null ? '(ignored)' : `${e.toId} ${e.toName}`, e.how]);
  for (const line of table(['id', 'from', 'to', 'how'], rows)) output.out(line);
  if (report.length > 0) output.out('');
  for (const line of report) output.out(`- ${line}`);
}
