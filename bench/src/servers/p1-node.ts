// P1 reference: raw node:http answering GET /payload with the fixed 1 KB JSON.
import { createServer } from 'node:http';
import { PAYLOAD } from '../lib/payload';

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/payload') {
    // Serialized per request, as Hono's c.json() does, so both sides do the same work.
    const body = JSON.stringify(PAYLOAD);
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
    return;
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not a TCP server');
  process.stdout.write(`READY ${address.port}\n`);
});

// Exit normally on SIGTERM, so `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
