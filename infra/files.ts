// The uploads bucket: badge photos and nomination letters, straight from the participants' browsers
// through presigned POSTs (shared/store/file-store.ts). Private and encrypted, TLS only, no ACLs;
// whatever stays under uploads/ (never checked, or refused and not yet deleted) expires after a day;
// the checked files under files/ are deleted by erasure and by the scheduled accreditation sweep.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { fileKeys } from '#shared/store/file-keys.ts';

/** What every bucket of the stack is: no public access, TLS 1.2 only, encrypted at rest, no ACLs. */
export const privateBucket = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  encryption: s3.BucketEncryption.S3_MANAGED,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
} satisfies s3.BucketProps;

export interface UploadsBucketProps {
  /** The origins whose pages post files (the site, and allowedOrigins). */
  origins: string[];
}

export class UploadsBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: UploadsBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...privateBucket,
      lifecycleRules: [
        { id: 'expire-unchecked-uploads', prefix: fileKeys.uploadPrefix, expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [{ allowedMethods: [s3.HttpMethods.POST], allowedOrigins: [...new Set(props.origins)], allowedHeaders: ['*'], maxAge: 600 }],
      // Personal data, like the table: kept when the stack is torn down.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Server access logs would record every participant\'s IP address with each upload, beside keys that lead to their passport photos; ' +
        'the functions log each check and erasure by id instead (no personal data), and CloudTrail data events can be enabled if an audit needs them.',
    });
  }
}
