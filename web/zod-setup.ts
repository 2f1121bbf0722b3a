// Imported first by the page script. Zod compiles fast parsers with `new Function` unless told not to;
// the page's Content-Security-Policy forbids eval, so the browser would log a violation on every load.
import * as z from 'zod/mini';

z.config({ jitless: true });
