import { realpathSync } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves a built site folder on localhost (GET and HEAD only): a folder is served as its
 * index.html — a folder's URL without its trailing slash is redirected (301) to the URL with it,
 * query kept, so the pages' relative links resolve as they do from file:// — and only files whose real path (symbolic links resolved) is inside the folder are
 * served — anything else is 404, as is a file that cannot be read; a request never stops the
 * server. Resolves with the server once it listens.
 */
export function serveSite(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const root = realpathSync(dir);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.includes('\0')) {
      res.writeHead(400).end();
      return;
    }
    void send(root, pathname, req.url ?? '/', req.method === 'HEAD', res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

async function send(
  root: string,
  pathname: string,
  url: string,
  head: boolean,
  res: ServerResponse,
): Promise<void> {
  const file = await locate(root, pathname);
  if (file === null) return notFound(res);
  if (file.folder && !pathname.endsWith('/')) {
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    res.writeHead(301, { Location: `${path}/${query < 0 ? '' : url.slice(query)}` }).end();
    return;
  }
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file.path, 'r');
  } catch {
    return notFound(res);
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file.path)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
  });
  if (head) {
    await handle.close();
    res.end();
    return;
  }
  const stream = handle.createReadStream();
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

// The real path of the file to serve for a URL path (and whether the URL named its folder), or
// null when there is none inside the root.
async function locate(root: string, pathname: string): Promise<{ path: string; folder: boolean } | null> {
  try {
    let real = await realpath(join(root, pathname));
    if (real !== root && !real.startsWith(root + sep)) return null;
    const folder = (await stat(real)).isDirectory();
    if (folder) {
      real = await realpath(join(real, 'index.html'));
      if (!real.startsWith(root + sep)) return null;
    }
    return (await stat(real)).isFile() ? { path: real, folder } : null;
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 未找到 / not found');
}
