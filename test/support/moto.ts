// moto_server, a Python emulator of AWS services, for the tests that talk to Secrets Manager and WAF
// over the wire (never a mock of the SDK). Where it is not installed those tests say so and skip,
// except under CI=true, where they fail, as the browser tests do without Chromium.
import { inject } from 'vitest';

export const motoEndpoint = inject('motoEndpoint');
export const motoAvailable = motoEndpoint !== '';
export const motoRequired = process.env.CI === 'true';
export const motoMissingMessage = 'moto_server not found. Install it with `pip install "moto[server]"`.';

if (!motoAvailable && !motoRequired) process.stderr.write(`\n${motoMissingMessage} The Secrets Manager and WAF tests are skipped.\n\n`);

/** Moto's endpoint with credentials it accepts (any), for clients made in a test; moto keeps each region apart. */
export const motoClientConfig = (region = 'eu-central-1') => ({
  endpoint: motoEndpoint,
  region,
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
});
