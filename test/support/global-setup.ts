// One dynalite and one aws-ses-v2-local for the whole run, started by the tests themselves. Each test
// file gets its own table; mail is told apart by recipient address.
import type { TestProject } from 'vitest/node';
import { startDynalite, startSes } from '../../local/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sesEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynalite = await startDynalite({ port: 0 });
  const ses = await startSes({ port: 0 });
  project.provide('dynamodbEndpoint', dynalite.url);
  project.provide('sesEndpoint', ses.url);
  return async () => {
    await ses.stop();
    await dynalite.stop();
  };
}
