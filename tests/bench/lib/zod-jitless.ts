/**
 * Imported first by idb-entry.ts, before any schema is defined: an extension page's CSP (script-src 'self')
 * forbids `new Function`, so zod runs jitless there (its own probe finds eval refused). Code evaluated through
 * DevTools would pass that probe at first and then fail under the CSP mid-run, hence the explicit setting.
 */
import { z } from 'zod';

z.config({ jitless: true });
