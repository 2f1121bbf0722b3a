// The TrueType fonts the PDFs are set in: DejaVu Sans covers Latin, Greek and Cyrillic, so every
// name of the OSCE's 57 participating States prints. Locally they are read from the npm package; in
// the cloud the function's artefact carries them in FONT_DIR (infra/functions.ts copies them there),
// since esbuild bundles code, not font files.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type FontName = 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf';
export const fontFiles: readonly FontName[] = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

const loaded = new Map<FontName, Promise<Uint8Array>>();

function fontDir(): string {
  return process.env.FONT_DIR ?? join(dirname(fileURLToPath(import.meta.resolve('dejavu-fonts-ttf/package.json'))), 'ttf');
}

/** The font's bytes, read once per process. */
export function fontBytes(name: FontName): Promise<Uint8Array> {
  let bytes = loaded.get(name);
  if (!bytes) loaded.set(name, (bytes = readFile(join(fontDir(), name))));
  return bytes;
}
