import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';

/** Web Chat's full bundle (Adaptive Cards included) from node_modules: no CDN, works offline. */
export function webChatBundlePath(): string {
  // The package's exports hide dist/; its main entry lives in lib/, next to it.
  return path.resolve(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** public/ next to this file when run from source; the source copy when run from the bundle in dist/src/ (or a tsc build). */
export function publicDir(): string {
  const candidates = [
    path.join(__dirname, 'public'),
    path.resolve(__dirname, '../../src/http/webchat/public'),
    path.resolve(__dirname, '../../../../src/http/webchat/public'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'page.js'))) ?? candidates[0]!;
}

interface Asset {
  type: string;
  body: Buffer;
  gzipped?: Buffer;
}

/** Read and compressed once, on first request; the Web Chat bundle shrinks from ~3.9 MB to ~1 MB for phones. */
function lazyAsset(file: () => string, type: string): () => Asset {
  let asset: Asset | undefined;
  return () => {
    if (!asset) {
      const body = readFileSync(file());
      asset = { type, body, gzipped: gzipSync(body) };
    }
    return asset;
  };
}

export function registerAssetRoutes() {
  const assets: Record<string, () => Asset> = {
    '/webchat/webchat.js': lazyAsset(webChatBundlePath, 'text/javascript; charset=utf-8'),
    '/webchat/page.js': lazyAsset(() => path.join(publicDir(), 'page.js'), 'text/javascript; charset=utf-8'),
    '/webchat/history.js': lazyAsset(() => path.join(publicDir(), 'history.js'), 'text/javascript; charset=utf-8'),
    '/webchat/answerFocus.js': lazyAsset(() => path.join(publicDir(), 'answerFocus.js'), 'text/javascript; charset=utf-8'),
    '/webchat/page.css': lazyAsset(() => path.join(publicDir(), 'page.css'), 'text/css; charset=utf-8'),
  };
  return (server: Server) => {
    for (const [route, load] of Object.entries(assets)) {
      server.get(route, (req: Request, res: Response, next) => {
        const asset = load();
        const gzip = Boolean(asset.gzipped) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        const body = gzip ? asset.gzipped! : asset.body;
        res.writeHead(200, {
          'content-type': asset.type,
          'content-length': String(body.length),
          'cache-control': 'public, max-age=3600',
          'x-content-type-options': 'nosniff',
          vary: 'Accept-Encoding',
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        });
        res.end(body);
        next();
      });
    }
  };
}
