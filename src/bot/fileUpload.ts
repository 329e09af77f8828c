/**
 * Puts a whole file to the upload URL Teams handed out after the person accepted a file consent card
 * (a OneDrive upload session: one PUT with Content-Range for files this small).
 */
export async function uploadToTeams(uploadUrl: string, body: Buffer): Promise<void> {
  const response = await fetch(uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'content-length': String(body.length), 'content-range': `bytes 0-${body.length - 1}/${body.length}` },
    body: new Uint8Array(body),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`upload answered HTTP ${response.status}`);
}
