import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { KinshipAnalysis } from '@homeward/domain';
import { layoutPedigree, type PedigreePerson } from '@homeward/domain/kinship';

/**
 * The printable report of one kinship analysis (A4 PDF, drawn with pdfkit): the question, both
 * pedigrees, the parameters, the result with its conclusion and verbal scale, and the per-marker table —
 * the typed people's alleles at the markers of the answer and nothing else of their profiles.
 *
 * Names are printed in Latin script: pdfkit shapes Arabic letters but does not reorder right-to-left runs,
 * so a name in Arabic or Cyrillic script is given by its recorded Latin form or a transliteration.
 */

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** What the report prints besides the analysis. */
export interface ReportContext {
  mission: string;
  generatedBy: string;
  generatedAt: Date;
  /** Latin-script names of the typed people, by person id. */
  names: Map<string, string>;
}

const PAGE = { margin: 50, width: 595.28 - 100 };
const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#0b6e4f';
/** Height of one generation of a pedigree chart. */
const ROW_HEIGHT = 62;

/** An LR as a person reads it: 20, 3,560 or 1.23 × 10^7. */
export function formatLr(lr: number): string {
  if (lr === 0) return '0';
  if (lr >= 1e-3 && lr < 1e6) return lr >= 100 ? Math.round(lr).toLocaleString('en-GB') : String(Number(lr.toPrecision(3)));
  const exponent = Math.floor(Math.log10(lr));
  const superscript = String(exponent).replace(/[-0-9]/g, (d) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(d)]!);
  return `${(lr / 10 ** exponent).toFixed(2)} × 10${superscript}`;
}

const humanise = (label: string) => label.replace(/[_-]+/g, ' ');
const isPersonId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > 720) doc.addPage();
  doc.moveDown(0.8).font(FONT_BOLD).fontSize(12).fillColor(ACCENT).text(text, PAGE.margin).moveDown(0.3).font(FONT).fontSize(9.5).fillColor(INK);
}

function keyValues(doc: PDFKit.PDFDocument, rows: [string, string][]): void {
  for (const [key, value] of rows) {
    const y = doc.y;
    doc.font(FONT_BOLD).text(key, PAGE.margin, y, { width: 150 });
    const after = doc.y;
    doc.font(FONT).text(value, PAGE.margin + 155, y, { width: PAGE.width - 155 });
    doc.y = Math.max(after, doc.y) + 2;
  }
}

/** A simple table that breaks across pages, repeating its header. */
function table(doc: PDFKit.PDFDocument, columns: { title: string; width: number }[], rows: string[][], marked: (row: number) => boolean = () => false): void {
  const drawRow = (cells: string[], bold: boolean, shade: string | null) => {
    doc.font(bold ? FONT_BOLD : FONT).fontSize(8.5);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 6 }))) + 6;
    if (doc.y + height > 790) {
      doc.addPage();
      if (!bold) drawRow(columns.map((c) => c.title), true, '#e8efe9');
      doc.font(bold ? FONT_BOLD : FONT).fontSize(8.5);
    }
    const y = doc.y;
    if (shade) doc.rect(PAGE.margin, y, PAGE.width, height).fill(shade).fillColor(INK);
    let x = PAGE.margin;
    cells.forEach((cell, i) => {
      doc.fillColor(INK).text(cell, x + 3, y + 3, { width: columns[i]!.width - 6 });
      x += columns[i]!.width;
    });
    doc.moveTo(PAGE.margin, y + height).lineTo(PAGE.margin + PAGE.width, y + height).lineWidth(0.4).strokeColor('#bbbbbb').stroke();
    doc.y = y + height;
  };
  drawRow(columns.map((c) => c.title), true, '#e8efe9');
  rows.forEach((r, i) => drawRow(r, false, marked(i) ? '#fdecea' : null));
  doc.x = PAGE.margin;
  doc.moveDown(0.5);
}

/** Draws a pedigree: squares for men, circles for women, typed members filled, labels beneath. */
function pedigreeChart(doc: PDFKit.PDFDocument, pedigree: readonly PedigreePerson[], typed: ReadonlySet<string>, label: (id: string) => string): void {
  const layout = layoutPedigree(pedigree);
  const unit = Math.min(95, PAGE.width / Math.max(layout.width, 1));
  const height = layout.generations * ROW_HEIGHT + 10;
  if (doc.y + height > 780) doc.addPage();
  const top = doc.y + 12;
  const left = PAGE.margin + (PAGE.width - unit * layout.width) / 2 + unit / 2;
  const at = (x: number, g: number) => ({ x: left + x * unit, y: top + g * ROW_HEIGHT });
  doc.lineWidth(1).strokeColor(INK);
  for (const s of layout.segments) {
    const a = at(s.x1, s.y1);
    const b = at(s.x2, s.y2);
    doc.moveTo(a.x, a.y).lineTo(b.x, b.y).stroke();
  }
  const r = 9;
  for (const person of pedigree) {
    const p = layout.points.get(person.id)!;
    const { x, y } = at(p.x, p.generation);
    if (person.sex === 'M') doc.rect(x - r, y - r, 2 * r, 2 * r);
    else doc.circle(x, y, r);
    if (typed.has(person.id)) doc.fillAndStroke(INK, INK);
    else doc.fillAndStroke('#ffffff', INK);
    doc.font(FONT).fontSize(7).fillColor(INK).text(label(person.id), x - unit / 2 + 2, y + r + 2, { width: unit - 4, align: 'center', height: ROW_HEIGHT - 2 * r - 4, ellipsis: true });
  }
  doc.x = PAGE.margin;
  doc.y = top + (layout.generations - 1) * ROW_HEIGHT + 40;
}

function pedigreeSection(doc: PDFKit.PDFDocument, title: string, pedigree: readonly PedigreePerson[], typed: ReadonlySet<string>, label: (id: string) => string): void {
  // The heading stays with its chart: a new page first when both do not fit.
  if (doc.y + layoutPedigree(pedigree).generations * ROW_HEIGHT + 60 > 780) doc.addPage();
  heading(doc, title);
  pedigreeChart(doc, pedigree, typed, label);
  const name = (id: string | null | undefined) => (id ? label(id) : '—');
  table(
    doc,
    [
      { title: 'Member', width: 165 },
      { title: 'Sex', width: 45 },
      { title: 'Father', width: 110 },
      { title: 'Mother', width: 110 },
      { title: 'Typed', width: 65 },
    ],
    pedigree.map((p) => [label(p.id), p.sex === 'M' ? 'male' : 'female', name(p.father), name(p.mother), typed.has(p.id) ? 'yes' : 'no']),
  );
}

function mutationText(q: KinshipAnalysis['question']): string {
  const m = q.mutation;
  if (!m || m.model === 'none') return 'none';
  const rate = m.rate === undefined ? 'default rate' : typeof m.rate === 'number' ? `rate ${m.rate}` : `rate female ${m.rate.female}, male ${m.rate.male}`;
  const extra = m.model === 'stepwise' ? `, range ${m.range ?? 'default'}${m.rate2 !== undefined ? `, rate2 ${m.rate2} (extended stepwise)` : ''}` : '';
  return `${m.model} (${rate}${extra})`;
}

/** Renders the report; resolves with the PDF's bytes. */
export function renderAnalysisReport(analysis: KinshipAnalysis, context: ReportContext): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, info: { Title: `DNA kinship report ${analysis.id}`, Author: 'Homeward', Subject: context.mission } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const typedIds = new Set(analysis.typed.map((p) => p.personId));
  const letters = new Map(analysis.typed.map((p, i) => [p.personId, `P${i + 1}`]));
  const label = (id: string) => (typedIds.has(id) ? `${letters.get(id)} ${context.names.get(id) ?? 'unnamed'}` : isPersonId(id) ? (context.names.get(id) ?? 'untyped person') : humanise(id));
  const { answer, question } = analysis;

  doc.font(FONT_BOLD).fontSize(17).fillColor(INK).text('DNA kinship report');
  doc.font(FONT).fontSize(9.5).fillColor(MUTED).text(`${context.mission} · Homeward`).text(`Analysis ${analysis.id}, computed ${analysis.createdAt.slice(0, 16).replace('T', ' ')} UTC`);
  doc.text(`Printed ${context.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC by ${context.generatedBy}`).fillColor(INK);
  if (analysis.frequencies.synthetic) {
    doc.moveDown(0.6);
    const y = doc.y;
    doc.rect(PAGE.margin, y, PAGE.width, 30).fill('#fff4e5');
    doc.fillColor('#8a4b00').font(FONT_BOLD).text('Synthetic frequency database — not for casework.', PAGE.margin + 8, y + 9).fillColor(INK).font(FONT);
    doc.y = y + 34;
  }

  heading(doc, 'Result');
  keyValues(doc, [
    ['Likelihood ratio', formatLr(answer.lr)],
    ['log10 LR', answer.log10_lr === null ? '— (excluded)' : (Math.abs(answer.log10_lr) < 0.005 ? 0 : answer.log10_lr).toFixed(2)],
    ['Conclusion', `${answer.conclusion} — ${answer.verbal}`],
    ['Inconsistent markers', answer.inconsistent_markers.length === 0 ? 'none' : answer.inconsistent_markers.join(', ')],
    ...(answer.policy
      ? ([
          ['Policy', `supports at LR ≥ ${answer.policy.threshold.toLocaleString('en-GB')}; excludes below 1/${answer.policy.threshold.toLocaleString('en-GB')} or with more than ${answer.policy.max_inconsistent_without_mutation} inconsistent markers without a mutation model`],
          ['Verbal scale', answer.policy.verbal_scale.map((s) => `≥ ${formatLr(s.min_lr)}: ${s.label}`).join('; ')],
        ] as [string, string][])
      : []),
  ]);

  heading(doc, 'Question');
  keyValues(doc, [
    ['Typed people', analysis.typed.map((p) => label(p.personId)).join('; ')],
    ['Frequency database', `${analysis.frequencies.name} (${analysis.frequencies.population})`],
    ['θ (subpopulation)', String(question.theta)],
    ['Mutation model', mutationText(question)],
  ]);
  if ('a' in question) {
    keyValues(doc, [
      ['Claimed', `${label(question.b)} is the ${humanise(question.relationship)} of ${label(question.a)}`],
      ['Alternative', 'unrelated'],
    ]);
  } else {
    pedigreeSection(doc, 'Claimed relationship', question.claimed, typedIds, label);
    if (question.alternative === 'unrelated') {
      heading(doc, 'Alternative');
      doc.text('Unrelated: every typed person is a founder with no relatives among the others.');
    } else {
      pedigreeSection(doc, 'Alternative relationship', question.alternative, typedIds, label);
    }
  }

  heading(doc, 'Per-marker results');
  const people = analysis.typed;
  const personWidth = Math.min(70, (PAGE.width - 75 - 70 - 140) / Math.max(people.length, 1));
  table(
    doc,
    [{ title: 'Marker', width: 75 }, ...people.map((p) => ({ title: letters.get(p.personId)!, width: personWidth })), { title: 'LR', width: 70 }, { title: 'Note', width: PAGE.width - 75 - 70 - personWidth * people.length }],
    answer.markers.map((m) => {
      const notes = [answer.inconsistent_markers.includes(m.marker) ? 'inconsistent without mutation' : null, m.note].filter(Boolean);
      return [m.marker, ...people.map((p) => (p.markers[m.marker] ?? []).join(', ') || '—'), formatLr(m.lr), notes.join('; ')];
    }),
    (i) => answer.inconsistent_markers.includes(answer.markers[i]!.marker),
  );
  // The notes under the table stay together.
  if (doc.y + 70 > 790) doc.addPage();
  if (answer.floor_alleles.length > 0) {
    doc.font(FONT_BOLD).text('Alleles not in the database, given the floor frequency: ', { continued: true });
    doc.font(FONT).text(answer.floor_alleles.map((f) => `${f.marker} ${f.allele} (${f.frequency})`).join('; '));
    doc.moveDown(0.4);
  }
  doc.fontSize(8).fillColor(MUTED);
  doc.text(`${people.map((p) => label(p.personId)).join('; ')}.`);
  doc.moveDown(0.4).text(
    'This report holds the typed people’s alleles at the markers of this table only, no other part of their profiles. Names are printed in Latin script (a recorded Latin form, else a transliteration). LR = P(profiles | claimed) / P(profiles | alternative), the product over markers.',
  );
  doc.end();
  return done;
}
