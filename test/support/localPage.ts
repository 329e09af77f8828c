/** What the page gets when it opens: its conversation and the secret that binds it. */
export async function openLocalPage(url: string, user: string, lang: string): Promise<{ conversationId: string; secret: string }> {
  const html = await (await fetch(`${url}/?user=${encodeURIComponent(user)}&lang=${lang}`)).text();
  const json = /<script type="application\/json" id="webchat-config">([^<]*)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error('no page config');
  const config = JSON.parse(json) as { local: { conversationId: string; secret: string } };
  return config.local;
}
