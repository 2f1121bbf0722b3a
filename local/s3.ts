// The S3 emulator of local mode and the tests: @20minutes/s3rver (S3's REST protocol, in process, kept
// on disk under the data directory), behind the POST policy check S3 makes (s3-policy-guard.ts), with
// the uploads bucket made at start. The handlers reach it through S3_ENDPOINT, signing with the
// emulator's own key pair.
import { createRequire } from 'node:module';
import type { RequestListener } from 'node:http';
import { listen, type RunningService } from './services.ts';
import { policyGuard } from './s3-policy-guard.ts';

const require = createRequire(import.meta.url);
const S3rver = require('@20minutes/s3rver') as new (options: Record<string, unknown>) => { configureBuckets(): Promise<void>; callback(): RequestListener };

/** The key pair s3rver accepts (its only one). */
export const localS3Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

// The page posts from the gateway's origin straight to the emulator's, as a browser does to S3.
const cors = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export async function startS3(options: { port: number; directory: string; bucket: string }): Promise<RunningService> {
  const emulator = new S3rver({ silent: true, directory: options.directory, configureBuckets: [{ name: options.bucket, configs: [cors] }] });
  await emulator.configureBuckets();
  const server = policyGuard(emulator.callback(), { [localS3Credentials.accessKeyId]: localS3Credentials.secretAccessKey });
  return listen(server, options.port, '127.0.0.1', 'the S3 emulator');
}
