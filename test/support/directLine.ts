import type { Activity } from 'botbuilder';

/** A Direct Line 3.0 client over fetch, as Web Chat's DirectLineJS uses it (polling). */
export class DirectLineTestClient {
  token = '';
  conversationId = '';
  userId = '';

  constructor(private readonly baseUrl: string) {}

  private url(path: string): string {
    return `${this.baseUrl}/v3/directline${path}`;
  }

  async request(method: string, path: string, options: { token?: string | null; body?: unknown } = {}) {
    const token = options.token === undefined ? this.token : options.token;
    const response = await fetch(this.url(path), {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  /** What the page does: get a token bound to a new conversation, then start it. */
  async start(locale?: string): Promise<{ conversationId: string; token: string; expires_in: number }> {
    const generated = await this.request('POST', '/tokens/generate', { token: null, body: locale ? { locale } : {} });
    if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
    this.token = generated.body.token as string;
    this.userId = generated.body.userId as string;
    const started = await this.request('POST', '/conversations');
    if (started.status !== 200) throw new Error(`POST /conversations answered ${started.status}`);
    this.conversationId = started.body.conversationId as string;
    return started.body as { conversationId: string; token: string; expires_in: number };
  }

  async post(activity: Partial<Activity>): Promise<{ status: number; body: Record<string, unknown> }> {
    return this.request('POST', `/conversations/${this.conversationId}/activities`, {
      body: { type: 'message', from: { id: this.userId }, ...activity },
    });
  }

  async poll(watermark = ''): Promise<{ activities: Activity[]; watermark: string }> {
    const { status, body } = await this.request('GET', `/conversations/${this.conversationId}/activities?watermark=${watermark}`);
    if (status !== 200) throw new Error(`GET activities answered ${status}`);
    return body as unknown as { activities: Activity[]; watermark: string };
  }

  /** Posts a message and returns what came back after the given watermark (the echo first, then the bot). */
  async say(text: string, watermark: string, extra: Partial<Activity> = {}) {
    const posted = await this.post({ text, ...extra });
    if (posted.status !== 200) throw new Error(`POST activities answered ${posted.status}`);
    return { id: posted.body.id as string, ...(await this.poll(watermark)) };
  }
}
