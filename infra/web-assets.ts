// Writes the registration page as web/build.ts builds it (the page and its fingerprinted script and
// style) into a directory, for the site's S3 deployment. The CDK app runs this file as a child process
// from the asset's local bundling (infra/site.ts), because bundling is synchronous and the build is not:
//
//   node infra/web-assets.ts <output directory>
//
// Each object's Content-Type and Cache-Control are set by the deployment (siteObjects in infra/site.ts);
// the artefact test checks that they are the ones web/build.ts gives each file.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildWebAssets } from '../web/build.ts';
import { seedEvent } from '#shared/model/seed-event.ts';

export async function writeWebAssets(outputDir: string): Promise<string[]> {
  const assets = await buildWebAssets({ defaultEventId: seedEvent.id });
  const written: string[] = [];
  for (const [path, asset] of assets) {
    const file = resolve(outputDir, `.${path}`);
    if (!file.startsWith(resolve(outputDir))) throw new Error(`web asset ${path} would land outside ${outputDir}`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, asset.body);
    written.push(path);
  }
  return written;
}

if (import.meta.main) {
  const outputDir = process.argv[2];
  if (!outputDir) {
    console.error('usage: node infra/web-assets.ts <output directory>');
    process.exit(2);
  }
  await writeWebAssets(join(outputDir));
}
