import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The real entry point (src/index.ts main) as `npm run dev` starts it, in a child process. */
function startProcess(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'src/index.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('starting on a port that is taken', function () {
  this.timeout(60_000);
  let blocker: net.Server;
  let port = 0;
  let dataDir = '';

  before(async () => {
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    port = (blocker.address() as net.AddressInfo).port;
    dataDir = mkdtempSync(path.join(tmpdir(), 'gc-port-'));
  });
  after(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says in one line which port is taken and what to set, and exits non-zero without a stack trace', async () => {
    const { code, stderr } = await startProcess({ PORT: String(port), LOCAL_DATA_DIR: dataDir, LOG_LEVEL: 'silent', MicrosoftAppId: '', COSMOS_ENDPOINT: '' });
    expect(code).to.equal(1);
    const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.includes('DeprecationWarning') && !l.includes('--trace-deprecation'));
    expect(lines).to.deep.equal([
      `Port ${port} on 127.0.0.1 is already in use (another Group Coach or another program). Stop it, or set PORT to a free port, e.g. PORT=${port + 1} npm start.`,
    ]);
    expect(stderr).to.not.contain('EADDRINUSE').and.not.match(/^\s+at /m);
  });
});
