// The uploads bucket for the functions that handle files, made once per cold start. Kept apart from
// runtime.ts so that only they bundle the S3 client.
import { FileStore, createS3Client } from '../store/file-store.ts';
import { onRuntimeReset } from './runtime.ts';

let current: FileStore | undefined;
onRuntimeReset(() => {
  current = undefined;
});

export function files(): FileStore {
  if (current) return current;
  const bucket = process.env.UPLOADS_BUCKET;
  if (!bucket) throw new Error('UPLOADS_BUCKET is not set');
  current = new FileStore(createS3Client(), bucket);
  return current;
}
