// P1 (and the P2 reference): a bare Hono route answering GET /payload with the fixed 1 KB JSON,
// on @hono/node-server as apps/server serves, with no middleware.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { PAYLOAD } from '../lib/payload';

const app = new Hono();
app.get('/payload', (c) => c.json(PAYLOAD));

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`READY ${info.port}\n`);
});

// Exit normally on SIGTERM, so `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
