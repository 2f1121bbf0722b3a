// The uploads bucket (private, encrypted; infra/files.ts). Browsers upload straight to it under
// uploads/ through a short-lived presigned POST; a file that passed its check is written again,
// without its metadata, under files/, and only those are ever referenced, read or handed out (by a
// short-lived presigned GET). A lifecycle rule deletes whatever stays under uploads/ for a day.
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, NoSuchKey } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** How long a browser has to start its upload, and an organizer to start a download. */
export const uploadWindowSeconds = 300;
export const downloadWindowSeconds = 300;


/**
 * S3_ENDPOINT points the client at the local emulator (local/s3.ts), which takes its own key pair and
 * path-style addresses; in Lambda it is unset and the function's role signs.
 */
export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const client = new S3Client({
    region: env.AWS_REGION ?? 'eu-central-1',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 10_000, throwOnRequestTimeout: true },
    ...(env.S3_ENDPOINT
      ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: env.S3_ACCESS_KEY_ID ?? 'S3RVER', secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? 'S3RVER' } }
      : {}),
  });
  if (env.S3_ENDPOINT) {
    // The emulator checks a bucket-level request signed for "/bucket/" against "/bucket": sign what it checks.
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { path?: string };
        if (request.path && /^\/[^/]+\/$/.test(request.path)) request.path = request.path.slice(0, -1);
        return next(args);
      },
      { step: 'build', name: 'bucketPathWithoutSlash' },
    );
  }
  return client;
}

export class FileStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.client = client;
    this.bucket = bucket;
  }

  /**
   * A presigned POST for exactly this key, this content type and at most `maxBytes`, for a few minutes
   * (or `windowSeconds`). With `redirect`, S3 sends the browser there after the upload (a page's plain
   * form, no script): the policy holds it to that address.
   */
  async presignUpload(key: string, contentType: string, maxBytes: number, now: Date = new Date(), options: { windowSeconds?: number; redirect?: string } = {}) {
    const windowSeconds = options.windowSeconds ?? uploadWindowSeconds;
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: key,
      Expires: windowSeconds,
      Conditions: [['content-length-range', 1, maxBytes], ['eq', '$Content-Type', contentType]],
      Fields: { 'Content-Type': contentType, ...(options.redirect ? { success_action_redirect: options.redirect } : {}) },
    });
    return { url, fields, expiresAt: new Date(now.getTime() + windowSeconds * 1000).toISOString() };
  }

  /** The object's bytes and stored type, or undefined when there is none; never more than `maxBytes` + 1 bytes are read. */
  async read(key: string, maxBytes: number): Promise<{ bytes: Uint8Array; contentType: string | undefined } | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${maxBytes}` }));
      return { bytes: object.Body ? await object.Body.transformToByteArray() : new Uint8Array(), contentType: object.ContentType };
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    }
  }

  async write(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType }));
  }

  /** Deletes one object; nothing there is not an error. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Deletes every object under the prefix; answers how many. */
  async deleteUnder(prefix: string): Promise<number> {
    let deleted = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        await this.delete(object.Key);
        deleted += 1;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  }

  /** A presigned GET of the object for a few minutes, offered for download under `filename`. */
  async downloadUrl(key: string, filename: string, now: Date = new Date()) {
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: `attachment; filename="${filename}"` }),
      { expiresIn: downloadWindowSeconds },
    );
    return { url, expiresAt: new Date(now.getTime() + downloadWindowSeconds * 1000).toISOString() };
  }
}
