import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { findControl } from '@annex/iso27001';
import type { SoaSnapshotEntry } from './soa.entity.js';

export interface SoaExportHeader {
  organization: string;
  /** "Version 3 (approved by Eva Smit on 2026-10-01)" or "Current draft". */
  version: string;
  generatedAt: Date;
  contentHash: string | null;
}

export const SOA_EXPORT_COLUMNS = ['Control', 'Title', 'Theme', 'Applicable', 'Justification', 'Implementation'] as const;

export function soaRows(entries: SoaSnapshotEntry[]): string[][] {
  return entries.map((e) => {
    const control = findControl(e.controlRef);
    return [
      e.controlRef,
      control?.title ?? '',
      control ? control.theme.charAt(0) + control.theme.slice(1).toLowerCase() : '',
      e.applicable === null ? 'Undecided' : e.applicable ? 'Yes' : 'No',
      e.justification,
      e.applicable === false ? '—' : e.implementationStatus.replace('_', ' ').toLowerCase(),
    ];
  });
}

function headerLines(header: SoaExportHeader): string[] {
  return [
    `Statement of Applicability — ${header.organization}`,
    `${header.version}; generated ${header.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    ...(header.contentHash ? [`Content SHA-256: ${header.contentHash}`] : []),
    'ISO/IEC 27001:2022 Annex A',
  ];
}

/** The SoA as an Excel workbook (exceljs), with the header above a filterable table. */
export async function writeSoaXlsx(out: Writable, header: SoaExportHeader, entries: SoaSnapshotEntry[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Annex';
  workbook.created = header.generatedAt;
  const sheet = workbook.addWorksheet('Statement of Applicability');
  const lines = headerLines(header);
  lines.forEach((line, i) => {
    sheet.getCell(i + 1, 1).value = line;
    if (i === 0) sheet.getCell(i + 1, 1).font = { bold: true, size: 14 };
  });
  const first = lines.length + 2;
  sheet.getRow(first).values = [...SOA_EXPORT_COLUMNS];
  sheet.getRow(first).font = { bold: true };
  soaRows(entries).forEach((row, i) => (sheet.getRow(first + 1 + i).values = row));
  sheet.autoFilter = { from: { row: first, column: 1 }, to: { row: first, column: SOA_EXPORT_COLUMNS.length } };
  [10, 48, 16, 12, 70, 16].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  await workbook.xlsx.write(out);
}

/** The SoA as a printable PDF (pdfkit): header, then one block per control. */
export function writeSoaPdf(out: Writable, header: SoaExportHeader, entries: SoaSnapshotEntry[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Statement of Applicability — ${header.organization}`, Creator: 'Annex' } });
    doc.on('error', reject);
    out.on('finish', () => resolve());
    doc.pipe(out);
    const [title, ...rest] = headerLines(header);
    doc.fontSize(16).font('Helvetica-Bold').text(title!);
    doc.moveDown(0.3).fontSize(9).font('Helvetica').fillColor('#444444');
    for (const line of rest) doc.text(line);
    doc.fillColor('#000000').moveDown();
    const applicable = entries.filter((e) => e.applicable).length;
    doc.fontSize(10).text(`${entries.length} controls: ${applicable} applicable, ${entries.filter((e) => e.applicable === false).length} excluded.`);
    doc.moveDown();
    for (const row of soaRows(entries)) {
      const [ref, controlTitle, , applies, justification, implementation] = row;
      if (doc.y > 760) doc.addPage();
      doc.fontSize(10).font('Helvetica-Bold').text(`${ref}  ${controlTitle}`, { continued: false });
      doc.font('Helvetica').fontSize(9).text(`Applicable: ${applies}${applies === 'Yes' ? ` · Implementation: ${implementation}` : ''}`);
      if (justification) doc.fillColor('#333333').text(justification, { indent: 12 }).fillColor('#000000');
      doc.moveDown(0.4);
    }
    doc.end();
  });
}
