// The list of participants as a printable PDF (A4), written by pdf-lib with DejaVu Sans embedded
// (subset to the glyphs used), so Cyrillic, Greek and accented Latin names print as written.
import type { ParticipantGroup } from './participant-list.ts';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const page = { width: 595.28, height: 841.89, margin: 56 };

export async function participantListPdf(title: string, subtitle: string, groups: readonly ParticipantGroup[], fonts: PdfFonts, headLabel: string): Promise<Uint8Array> {
  // Loaded on first use: only this export pays for evaluating the libraries.
  const [{ PDFDocument, rgb }, { default: fontkit }] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  document.setTitle(`${title}: list of participants`);
  document.setCreator('conference-registration');
  const regular = await document.embedFont(fonts.regular, { subset: true });
  const bold = await document.embedFont(fonts.bold, { subset: true });
  const width = page.width - 2 * page.margin;

  let current = document.addPage([page.width, page.height]);
  let y = page.height - page.margin;
  const newPage = () => {
    current = document.addPage([page.width, page.height]);
    y = page.height - page.margin;
  };
  /** Writes a line, wrapped at word boundaries to the page's width, on a new page when this one is full. */
  const line = (text: string, size: number, font = regular, indent = 0, gap = 4) => {
    const words = text.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    for (const word of words) {
      const candidate = lines.length ? `${lines.at(-1)} ${word}` : word;
      if (lines.length && font.widthOfTextAtSize(candidate, size) > width - indent) lines.push(word);
      else lines[Math.max(0, lines.length - 1)] = candidate;
    }
    for (const text of lines.length ? lines : ['']) {
      if (y - size < page.margin) newPage();
      y -= size;
      current.drawText(text, { x: page.margin + indent, y, size, font, color: rgb(0.04, 0.05, 0.05) });
      y -= gap;
    }
  };

  line(title, 16, bold);
  line(subtitle, 11);
  y -= 8;
  line('List of participants', 13, bold);
  y -= 6;
  for (const group of groups) {
    // A delegation's heading is never the last line of a page.
    if (y - 60 < page.margin) newPage();
    y -= 8;
    line(group.entity.name, 12, bold);
    for (const person of group.participants) {
      line(person.head ? `${person.name} (${headLabel})` : person.name, 10, person.head ? bold : regular, 12, 1);
      const detail = [person.position, person.organization].filter(Boolean).join(', ');
      if (detail) line(detail, 9, regular, 24, 4);
    }
  }
  return document.save();
}
