// One Lambda function per handler module (functions/<name>.ts), all bundled and configured alike, each
// with a role of its own that holds exactly the calls its code makes.
import { CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Charset, LogLevel, NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeKey, routes, type HandlerName } from '#shared/http/routes.ts';
import { secretSettings, type SecretName } from '#shared/platform/secrets.ts';
import { fileKeys } from '#shared/store/file-keys.ts';
import { fontFiles } from '#shared/platform/fonts.ts';
import { keys, tableKeys } from '#shared/store/table.ts';
import type { Email } from './email.ts';
import type { StackSettings } from './settings.ts';
import type { RegistrationTable } from './table.ts';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export type FunctionName = HandlerName | 'record-email-feedback' | 'send-pending-mail' | 'settle-waiting-lists';

/** Lambda's Node.js 24 runtime, named explicitly so a CDK upgrade never moves it. */
export const runtime = lambda.Runtime.NODEJS_24_X;

/**
 * The bundling every function shares; the artefact test bundles with exactly these. ESM needs the
 * banner: some dependencies (and the bundled AWS SDK) still call require() for Node built-ins.
 */
export const bundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  // Keep the six languages' text as UTF-8: escaped as \uXXXX, the Russian messages alone triple in size.
  charset: Charset.UTF8,
  sourceMap: true,
  sourcesContent: false,
  // Bundle the AWS SDK too: the version we test with is the version that runs, and cold starts
  // load one file instead of resolving the runtime's copy.
  externalModules: [],
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  // esbuild speaks up only about problems, not about every file it wrote.
  logLevel: LogLevel.WARNING,
};

/** The functions that write PDFs: their artefact carries the fonts beside the bundle (shared/platform/fonts.ts). */
const withFonts: ReadonlySet<FunctionName> = new Set(['get-participant-list', 'get-visa-letter', 'get-own-visa-letter']);
const bundlingWithFonts: BundlingOptions = {
  ...bundling,
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      `mkdir -p "${outputDir}/fonts"`,
      ...fontFiles.map((font) => `cp "${inputDir}/node_modules/dejavu-fonts-ttf/ttf/${font}" "${outputDir}/fonts/"`),
    ],
  },
};

interface FunctionSpec {
  description: string;
  /**
   * Memory also buys CPU. 256 MB on arm64 keeps a cold start with the bundled SDK short at a price
   * per request that rounds to nothing; the CSV export holds a whole event's registrations, so 512.
   */
  memorySize: number;
  /**
   * Each SDK call may take up to 3 attempts of at most 5 s (shared/store/client.ts), and the handlers
   * answer 503 themselves when a dependency is down, so the timeout must outlast one such round;
   * the HTTP API gives up at 30 s, so API functions stay below that.
   */
  timeout: Duration;
}

// Defaults for API functions; the exceptions below say why they differ.
const apiDefaults: FunctionSpec = { description: '', memorySize: 256, timeout: Duration.seconds(20) };
const specOverrides: Partial<Record<FunctionName, Partial<FunctionSpec>>> = {
  // Reads a whole event's registrations for the CSV and XLSX exports (a workbook is built in memory)
  // and for sorts the indexes do not keep; or recounts them.
  'list-registrations': { memorySize: 1024, timeout: Duration.seconds(29) },
  'reconcile-event': { memorySize: 512, timeout: Duration.seconds(29) },
  // Lays out a whole event's list of participants as a PDF (fonts embedded) or a workbook in memory.
  'get-participant-list': { memorySize: 1024, timeout: Duration.seconds(29) },
  // Up to 100 decisions, a few at a time, each with its mail.
  'decide-registrations': { timeout: Duration.seconds(29) },
  // A delegation's decisions, as many as it has nominees.
  'approve-delegation': { timeout: Duration.seconds(29) },
  // The event by delegation as a workbook built in memory.
  'export-delegations': { memorySize: 1024, timeout: Duration.seconds(29) },
  // Touch no service at all.
  'get-openapi': { timeout: Duration.seconds(5) },
  'answer-unknown-route': { timeout: Duration.seconds(5) },
  // Invoked asynchronously by SNS, outside the API's 30 s.
  'record-email-feedback': { timeout: Duration.seconds(30) },
  // Scheduled every minute; sweeps batches until nothing is due or 15 s are left.
  'send-pending-mail': { timeout: Duration.seconds(30) },
  // Scheduled every minute; reads every event and settles each queue.
  'settle-waiting-lists': { timeout: Duration.seconds(30) },
};

type TablePart = 'table' | (typeof tableKeys)['byEventIndex'] | (typeof tableKeys)['statusIndex'] | (typeof tableKeys)['waitlistIndex'] | (typeof tableKeys)['outboxIndex'];
type ItemAction = 'GetItem' | 'BatchGetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem';
/**
 * The table's kinds of partition (shared/store/table.ts): the events, each event's own, each event's
 * accreditation data, which only the functions that write, list or delete them may name, and each
 * event's delegations (places, focal points, nominations).
 */
type Partition = 'events' | 'event' | 'accreditation' | 'delegations';

/**
 * The partition key values IAM lets each call name (dynamodb:LeadingKeys, matched with StringLike):
 * for an item call or a Query on the table the table's partition key, for a Query on an index the
 * index's. `*` stands for an event id.
 */
export const leadingKeys: Record<Partition | Exclude<TablePart, 'table'>, string> = {
  events: keys.eventListing(),
  event: keys.eventPartition('*'),
  accreditation: keys.accreditationOfEvent('*'),
  delegations: keys.delegationsOfEvent('*'),
  [tableKeys.byEventIndex]: keys.registrationsOfEvent('*'),
  [tableKeys.statusIndex]: keys.registrationsInStatus('*', '*'),
  [tableKeys.waitlistIndex]: keys.waitlistOfEvent('*'),
  [tableKeys.outboxIndex]: keys.outbox(),
};

/** The uploads bucket's two parts (shared/store/file-keys.ts): what browsers post, what passed its check. */
type FilePart = 'uploads' | 'files';
type ObjectAction = 'GetObject' | 'PutObject' | 'DeleteObject';
export const filePrefixes: Record<FilePart, string> = { uploads: fileKeys.uploadPrefix, files: fileKeys.checkedPrefix };

/** What Lambda's event source mapping calls on the table's stream. */
export const streamActions = ['DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams'] as const;

interface Access {
  /**
   * Item calls, per partition: on `events` (the events themselves), on `event` (an event's
   * registrations, counters, tombstones), on `accreditation` (the answers kept apart).
   */
  items: Partial<Record<Partition, ItemAction[]>>;
  /** Query on the table (in the partitions `tableQuery` names) or an index (in that index's partitions). */
  query: TablePart[];
  tableQuery?: Partition[];
  mail: boolean;
  /** Woken by the table's stream: Lambda reads it with the function's role. */
  stream?: true;
  /** Object calls on the uploads bucket, per part (a presigned POST is signed with PutObject on uploads/). */
  files?: Partial<Record<FilePart, ObjectAction[]>>;
  /** Lists the checked files (the sweep deletes an event's). */
  listFiles?: true;
}

/**
 * What each handler's code calls, and nothing else: item calls on the table, each in the partitions
 * it touches, Query on the table or an index, and whether it sends mail (test/http/permissions.test.ts
 * records the calls and holds this to them). No function may delete the table, scan it or change its
 * settings; only put-event writes the events partition, so no participant-facing function can change
 * an event. The byEvent and byStatus indexes hold the registration lists: only the staff functions
 * that list or look up registrations by id query them.
 */
export const access: Record<FunctionName, Access> = {
  'get-event': { items: { events: ['GetItem'] }, query: [], mail: false },
  // Reads the event listing partition of the table, and IAM holds it to that partition.
  'list-events': { items: {}, query: ['table'], tableQuery: ['events'], mail: false },
  // Saving event settings may promote waitlisted registrations, which are mailed; a form change that
  // would move answered questions looks whether the event has registrations (byEvent, one key).
  'put-event': { items: { events: ['GetItem', 'PutItem'], event: ['GetItem', 'PutItem', 'UpdateItem'] }, query: [tableKeys.waitlistIndex, tableKeys.byEventIndex], mail: true },
  // Reads the event and any earlier registration, counts the mailbox, writes the registration with its
  // mail queued (the mail worker sends it), and the accreditation answers apart (or, keeping none, one
  // write that changes nothing: UpdateItem); reads the record of a checked upload a file answer names;
  // a nominee's link is checked against their nomination (GetItem of the delegations).
  // No Query: submit cannot read the list. No SES: it never waits on mail.
  'submit-registration': { items: { events: ['GetItem'], event: ['BatchGetItem', 'PutItem', 'UpdateItem'], accreditation: ['GetItem', 'PutItem', 'UpdateItem'], delegations: ['GetItem'] }, query: [], mail: false },
  // Signs a presigned POST for one key under uploads/ (the POST acts with this role's PutObject).
  'create-upload': { items: { events: ['GetItem'] }, query: [], mail: false, files: { uploads: ['PutObject'] } },
  // Reads the upload, deletes it, writes what passed under files/ and records it.
  'check-upload': { items: { events: ['GetItem'], accreditation: ['GetItem', 'PutItem'] }, query: [], mail: false, files: { uploads: ['GetObject', 'DeleteObject'], files: ['PutObject'] } },
  // Finds the registration by id (byEvent), its file answer and the file's record; signs a GET of the file.
  'get-registration-file': { items: { events: ['GetItem'], event: ['GetItem'], accreditation: ['GetItem'] }, query: [tableKeys.byEventIndex], mail: false, files: { files: ['GetObject'] } },
  // The page behind the e-mail link only reads: mail scanners open links.
  'show-confirm-page': { items: { events: ['GetItem'], event: ['GetItem'] }, query: [], mail: false },
  // Confirms (or purges an expired unconfirmed registration with its accreditation answers), takes a
  // seat or a queue number, mails the outcome.
  'confirm-registration': { items: { events: ['GetItem'], event: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], accreditation: ['DeleteItem'] }, query: [], mail: true },
  // Reads the event, queries byEvent (no status filter) or byStatus (a status filter); a sort the
  // indexes do not keep reads the page's registrations with BatchGetItem; for the accreditation group
  // also the answers kept apart. Writes nothing.
  'list-registrations': { items: { events: ['GetItem'], event: ['BatchGetItem'], accreditation: ['GetItem'] }, query: [tableKeys.byEventIndex, tableKeys.statusIndex], mail: false },
  // The event as stored, for the edit form.
  'get-event-settings': { items: { events: ['GetItem'] }, query: [], mail: false },
  // Finds the registration by id (byEvent) and reads it.
  'get-registration': { items: { events: ['GetItem'], event: ['GetItem'] }, query: [tableKeys.byEventIndex], mail: false },
  // Finds it by id, writes the correction; a changed category or country moves the counts. Reads the
  // accreditation answers for the form's rules, never writes them.
  'edit-registration': { items: { events: ['GetItem'], event: ['GetItem', 'PutItem', 'UpdateItem'], accreditation: ['GetItem'] }, query: [tableKeys.byEventIndex], mail: false },
  // Finds it by id, counts the mailbox (an UpdateItem of its slot, a BatchGetItem of the earlier ones), queues the mail on the registration: the mail worker sends it.
  'resend-registration-link': { items: { events: ['GetItem'], event: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'] }, query: [tableKeys.byEventIndex], mail: false },
  // Many approvals and rejections: what the two single decisions do, the waiting list included.
  'decide-registrations': { items: { events: ['GetItem'], event: ['GetItem', 'PutItem', 'UpdateItem'] }, query: [tableKeys.byEventIndex, tableKeys.waitlistIndex], mail: true },
  // Reads the token's claims only.
  'get-me': { items: {}, query: [], mail: false },
  // Finds the registration by id (byEvent), takes a seat or a queue number.
  'approve-registration': { items: { events: ['GetItem'], event: ['GetItem', 'PutItem', 'UpdateItem'] }, query: [tableKeys.byEventIndex], mail: true },
  // Also hands a freed seat to the head of the waiting list.
  'reject-registration': { items: { events: ['GetItem'], event: ['GetItem', 'PutItem', 'UpdateItem'] }, query: [tableKeys.byEventIndex, tableKeys.waitlistIndex], mail: true },
  // Reads the event and its counters only.
  'get-event-stats': { items: { events: ['GetItem'], event: ['GetItem'] }, query: [], mail: false },
  // Recounts from the registrations (byEvent) and tombstones (the event's partition), rewrites the
  // counters, may promote; repairs the delegations' places from their nominations (a Query of theirs),
  // a place given back going to the delegation's waiting list.
  'reconcile-event': {
    items: { events: ['GetItem'], event: ['GetItem', 'PutItem', 'UpdateItem'], delegations: ['GetItem', 'PutItem', 'UpdateItem'] },
    query: ['table', tableKeys.byEventIndex, tableKeys.waitlistIndex],
    tableQuery: ['event', 'delegations'],
    mail: true,
  },
  // The participant's own registration and waitlist position: reads only.
  'show-manage-page': { items: { events: ['GetItem'], event: ['GetItem'] }, query: [tableKeys.waitlistIndex], mail: false },
  'get-own-registration': { items: { events: ['GetItem'], event: ['GetItem'] }, query: [tableKeys.waitlistIndex], mail: false },
  // Corrects the accreditation answers too, so reads and writes them.
  'update-registration': { items: { events: ['GetItem'], event: ['GetItem', 'PutItem', 'UpdateItem'], accreditation: ['GetItem', 'PutItem'] }, query: [tableKeys.waitlistIndex], mail: false },
  // Frees the seat and may promote the head of the waiting list.
  'withdraw-registration': { items: { events: ['GetItem'], event: ['GetItem', 'PutItem', 'UpdateItem'] }, query: [tableKeys.waitlistIndex], mail: true },
  // Deletes the registration, its accreditation answers and files, leaves a tombstone (PutItem), frees the seat, may promote.
  'erase-registration': {
    items: { events: ['GetItem'], event: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], accreditation: ['GetItem', 'DeleteItem'] },
    query: [tableKeys.waitlistIndex],
    mail: true,
    files: { files: ['DeleteObject'] },
  },
  // The delegations (shared/store/delegation-store.ts) live in a partition of their own: the event by
  // delegation is a Query of it (delegations, focal points, nominations), and the nominees' own
  // registrations one BatchGetItem per hundred in the event's partition, which nothing here writes.
  'list-delegations': { items: { events: ['GetItem'], event: ['BatchGetItem'] }, query: ['table'], tableQuery: ['delegations'], mail: false },
  // Adds the entity's item if no entity has its id.
  'add-delegation': { items: { events: ['GetItem'], delegations: ['PutItem'] }, query: [], mail: false },
  // Reads the delegation, sets its quota.
  'update-delegation': { items: { events: ['GetItem'], delegations: ['GetItem', 'UpdateItem'] }, query: [], mail: false },
  // Checks every entity, writes each focal point with its mail queued (the mail worker sends it).
  'invite-focal-points': { items: { events: ['GetItem'], delegations: ['GetItem', 'PutItem'] }, query: [], mail: false },
  // The standing nominees (a Query of the partition) and their registrations (BatchGetItem); each unconfirmed one's
  // nomination read again and written with the reminder queued (the mail worker sends it).
  'remind-nominees': { items: { events: ['GetItem'], delegations: ['GetItem', 'PutItem'], event: ['BatchGetItem'] }, query: ['table'], tableQuery: ['delegations'], mail: false },
  // The delegation, its nominees and their registrations, then what the bulk approval does (find by id, take a seat, mail).
  'approve-delegation': { items: { events: ['GetItem'], delegations: ['GetItem'], event: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'] }, query: ['table', tableKeys.byEventIndex], tableQuery: ['delegations'], mail: true },
  // What list-delegations reads, written as a workbook.
  'export-delegations': { items: { events: ['GetItem'], event: ['BatchGetItem'] }, query: ['table'], tableQuery: ['delegations'], mail: false },
  // The focal point's page and its JSON: the link's focal point, the delegation, its nominees (a Query of the partition), their registrations.
  // The page also signs its letter form: a presigned POST of one PDF under uploads/ (the POST acts with this role's PutObject).
  'show-delegation-page': { items: { events: ['GetItem'], delegations: ['GetItem'], event: ['BatchGetItem'] }, query: ['table'], tableQuery: ['delegations'], mail: false, files: { uploads: ['PutObject'] } },
  'get-own-delegation': { items: { events: ['GetItem'], delegations: ['GetItem'], event: ['BatchGetItem'] }, query: ['table'], tableQuery: ['delegations'], mail: false },
  // Takes a place (UpdateItem of the delegation's places), writes the nomination with its invitation
  // queued; a form post gets the page back. The public functions of focal points write only the
  // delegations' partition: they cannot change a registration.
  'nominate-delegate': { items: { events: ['GetItem'], delegations: ['GetItem', 'PutItem', 'UpdateItem'], event: ['BatchGetItem'] }, query: ['table'], tableQuery: ['delegations'], mail: false },
  // Writes the withdrawal, gives the place back and to the delegation's waiting list (the invitation queued).
  'withdraw-nomination': { items: { events: ['GetItem'], delegations: ['GetItem', 'PutItem', 'UpdateItem'], event: ['BatchGetItem'] }, query: ['table'], tableQuery: ['delegations'], mail: false },
  // Reads the uploaded letter, deletes it, writes what passed under files/ (deleting a letter it replaces), records it on the delegation.
  'attach-nomination-letter': {
    items: { events: ['GetItem'], delegations: ['GetItem', 'UpdateItem'], event: ['BatchGetItem'] },
    query: ['table'],
    tableQuery: ['delegations'],
    mail: false,
    files: { uploads: ['GetObject', 'DeleteObject'], files: ['PutObject', 'DeleteObject'] },
  },
  // Reads the delegation, signs a GET of its letter.
  'get-nomination-letter': { items: { events: ['GetItem'], delegations: ['GetItem'] }, query: [], mail: false, files: { files: ['GetObject'] } },
  // Reads every registration holding a seat (byStatus, one partition per such status), the added entities' names and the nominations (a Query of the delegations).
  'get-participant-list': { items: { events: ['GetItem'] }, query: ['table', tableKeys.statusIndex], tableQuery: ['delegations'], mail: false },
  // Finds the registration by id (byEvent) and writes its letter.
  'get-visa-letter': { items: { events: ['GetItem'], event: ['GetItem'] }, query: [tableKeys.byEventIndex], mail: false },
  // The manage link's registration and its letter: reads only.
  'get-own-visa-letter': { items: { events: ['GetItem'], event: ['GetItem'] }, query: [], mail: false },
  'get-openapi': { items: {}, query: [], mail: false },
  'answer-unknown-route': { items: {}, query: [], mail: false },
  // Marks the registration with one conditional UpdateItem.
  'record-email-feedback': { items: { event: ['UpdateItem'] }, query: [], mail: false },
  // Finds registrations and delegation items (focal points, nominees) with mail due (outbox index), reads their event, writes fresh link hashes and a lease, sends, clears.
  'send-pending-mail': { items: { events: ['GetItem'], event: ['GetItem', 'PutItem'], delegations: ['GetItem', 'PutItem'] }, query: [tableKeys.outboxIndex], mail: true, stream: true },
  // Lists the events, reads each one's counters, and promotes from the head of its queue; deletes the
  // accreditation answers of the events past their retention period (Query their partition, DeleteItem).
  'settle-waiting-lists': {
    items: { events: ['GetItem'], event: ['GetItem', 'PutItem', 'UpdateItem'], accreditation: ['DeleteItem'] },
    query: ['table', tableKeys.waitlistIndex],
    tableQuery: ['events', 'accreditation'],
    mail: true,
    files: { files: ['DeleteObject'] },
    listFiles: true,
  },
};

/** Every item call a function may make, whatever the partition. */
export function itemActions(name: FunctionName): ItemAction[] {
  return [...new Set(Object.values(access[name].items).flat())];
}

/** The partition key patterns a function's Query of one part (the table or an index) may name. */
export function queryLeadingKeys(name: FunctionName, part: TablePart): string[] {
  if (part !== 'table') return [leadingKeys[part]];
  const partitions = access[name].tableQuery;
  if (!partitions?.length) throw new Error(`${name} queries the table but names no partition (tableQuery)`);
  return partitions.map((partition) => leadingKeys[partition]);
}

export const functionNames = Object.keys(access) as FunctionName[];

/**
 * The secrets each function reads at run time: every API function checks the origin header
 * (shared/http/route.ts), the list signs cursors. SNS and the schedule invoke the other two directly.
 */
export function secretsOf(name: FunctionName): SecretName[] {
  const api = name === 'answer-unknown-route' || routes.some((route) => route.handler === name);
  return [...(api ? (['origin'] as const) : []), ...(name === 'list-registrations' ? (['cursor'] as const) : [])];
}

/**
 * A log group kept for the retention setting, and a role of the function's own that may write only
 * to it (no AWS managed policy); the caller adds the calls the function makes. The logs hold no
 * personal data (shared/platform/log.ts) and expire anyway, so they go with the stack.
 */
export function logsAndRole(scope: Construct, ids: { logs: string; role: string }, description: string, logRetentionDays: number): { logGroup: logs.LogGroup; role: iam.Role } {
  const logGroup = new logs.LogGroup(scope, ids.logs, { retention: logRetentionDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
  const role = new iam.Role(scope, ids.role, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description });
  logGroup.grantWrite(role);
  return { logGroup, role };
}

export interface FunctionsProps {
  settings: StackSettings;
  table: RegistrationTable;
  email: Email;
  /** Read at run time by ARN (shared/platform/secrets.ts), never put in an environment. */
  secrets: Record<SecretName, secretsmanager.ISecret>;
  /** The site's URL (CloudFront), used for links when publicBaseUrl is not set. */
  siteUrl: string;
  /** The uploads bucket (infra/files.ts). */
  uploads: s3.IBucket;
}

export class Functions extends Construct {
  readonly byName: Record<FunctionName, NodejsFunction>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { settings, table, email } = props;
    const tableArn = table.table.tableArn;
    const environment: Record<string, string> = {
      TABLE_NAME: table.table.tableName,
      SENDER_ADDRESS: settings.senderAddress,
      PUBLIC_BASE_URL: settings.publicBaseUrl ?? props.siteUrl,
      SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
      CONFIRM_TOKEN_LIFETIME_HOURS: String(settings.confirmTokenLifetimeHours),
      ORGANIZER_GROUP: settings.organizerGroup,
      ACCREDITATION_GROUP: settings.accreditationGroup,
      UPLOADS_BUCKET: props.uploads.bucketName,
      MODERATOR_GROUP: settings.moderatorGroup,
      VIEWER_GROUP: settings.viewerGroup,
      LOG_LEVEL: 'info',
      // Stack traces in the logs point into the TypeScript sources, through the bundled source maps.
      NODE_OPTIONS: '--enable-source-maps',
    };

    const sendMail = new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: email.sendResources(),
      // Only as the configured sender, whatever else the identity would allow.
      conditions: { StringEquals: { 'ses:FromAddress': settings.senderAddress } },
    });
    const permissions = (name: FunctionName): iam.PolicyStatement[] => {
      const { items, query, mail, stream, files, listFiles } = access[name];
      const statements: iam.PolicyStatement[] = [];
      // One statement per partition and per queried part, each held by IAM to its partition keys.
      const inPartition = (patterns: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns } });
      for (const [partition, actions] of Object.entries(items) as [Partition, ItemAction[]][]) {
        statements.push(new iam.PolicyStatement({ actions: actions.map((action) => `dynamodb:${action}`), resources: [tableArn], conditions: inPartition([leadingKeys[partition]]) }));
      }
      for (const part of query) {
        statements.push(
          new iam.PolicyStatement({
            actions: ['dynamodb:Query'],
            resources: [part === 'table' ? tableArn : table.indexArn(part)],
            conditions: inPartition(queryLeadingKeys(name, part)),
          }),
        );
      }
      // One statement per part of the uploads bucket, on that part's keys alone.
      for (const [part, actions] of Object.entries(files ?? {}) as [FilePart, ObjectAction[]][]) {
        statements.push(new iam.PolicyStatement({ actions: actions.map((action) => `s3:${action}`), resources: [props.uploads.arnForObjects(`${filePrefixes[part]}*`)] }));
      }
      if (listFiles) {
        statements.push(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.uploads.bucketArn], conditions: { StringLike: { 's3:prefix': [`${fileKeys.checkedPrefix}*`] } } }));
      }
      if (mail) statements.push(sendMail);
      // What the stream's event source mapping reads, on this table's streams only (grantStreamRead
      // would allow ListStreams on every table of the account), named as AWS's own policy for it does.
      if (stream) statements.push(new iam.PolicyStatement({ actions: streamActions.map((action) => `dynamodb:${action}`), resources: [`${tableArn}/stream/*`] }));
      for (const secret of secretsOf(name)) {
        // GetSecretValue alone (grantRead would add DescribeSecret), on that one secret; its AWS managed
        // key needs no grant of its own.
        statements.push(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [props.secrets[secret].secretArn] }));
      }
      return statements;
    };

    const made: Partial<Record<FunctionName, NodejsFunction>> = {};
    for (const name of functionNames) {
      const spec: FunctionSpec = { ...apiDefaults, description: name === 'record-email-feedback' ? 'SES bounce and complaint events' : name === 'send-pending-mail' ? 'Sends queued mail (stream) and retries what SES did not take (schedule)' : name === 'settle-waiting-lists' ? 'Gives free seats to the waiting lists (schedule)' : routeOf(name), ...specOverrides[name] };
      const id = pascal(name);
      const { logGroup, role } = logsAndRole(this, { logs: `${id}Logs`, role: `${id}Role` }, `Runs the ${name} function of the registration pipeline`, settings.logRetentionDays);
      for (const statement of permissions(name)) role.addToPolicy(statement);
      const bucketId = Stack.of(this).getLogicalId(props.uploads.node.defaultChild as CfnElement);
      for (const part of Object.keys(access[name].files ?? {}) as FilePart[]) {
        Validations.of(role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${filePrefixes[part]}*]`,
          reason: `The objects under ${filePrefixes[part]} of the uploads bucket, named by random upload ids the function learns at run time; no other part of the bucket.`,
        });
      }
      if (access[name].stream) {
        Validations.of(role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(table.table.node.defaultChild as CfnElement)}.Arn>/stream/*]`,
          reason: "The streams of this one table: a stream's ARN changes whenever it is re-enabled, and AWS's own policy for a Lambda reading a table's stream names them so.",
        });
      }

      const fn = new NodejsFunction(this, id, {
        entry: join(projectRoot, 'functions', `${name}.ts`),
        handler: 'handler',
        projectRoot,
        depsLockFilePath: join(projectRoot, 'package-lock.json'),
        runtime,
        architecture: lambda.Architecture.ARM_64,
        description: spec.description,
        memorySize: spec.memorySize,
        timeout: spec.timeout,
        role,
        logGroup,
        loggingFormat: lambda.LoggingFormat.JSON,
        applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
        systemLogLevelV2: lambda.SystemLogLevel.WARN,
        environment: {
          ...environment,
          ...Object.fromEntries(secretsOf(name).map((secret) => [secretSettings[secret].arn, props.secrets[secret].secretArn])),
          ...(withFonts.has(name) ? { FONT_DIR: '/var/task/fonts' } : {}),
        },
        bundling: withFonts.has(name) ? bundlingWithFonts : bundling,
      });
      made[name] = fn;
    }
    this.byName = made as Record<FunctionName, NodejsFunction>;
  }
}

function pascal(name: string): string {
  return name
    .split('-')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function routeOf(name: FunctionName): string {
  const route = routes.find((entry) => entry.handler === name);
  return route ? routeKey(route) : name === 'answer-unknown-route' ? '$default: 404 and 405 in the API error shape' : name;
}
