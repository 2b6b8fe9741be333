import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface SinkMessage {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: Date;
}

/**
 * A local SMTP server that keeps what it receives in memory. Annex starts one when no
 * SMTP_URL is configured, so invitations are really sent through SMTP and can be read on the
 * loopback-only `/mailbox` page; the test harness uses the same sink.
 */
export class MailSink {
  readonly messages: SinkMessage[] = [];
  private server: SMTPServer;
  private listeners = new Set<(message: SinkMessage) => void>();
  port = 0;
  private received = 0;

  constructor(private readonly limit = 500) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          const parsed = await simpleParser(Buffer.concat(chunks));
          const message: SinkMessage = {
            id: ++this.received,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: (parsed.text ?? '').trimEnd(),
            receivedAt: new Date(),
          };
          this.messages.push(message);
          if (this.messages.length > this.limit) this.messages.shift();
          for (const listener of this.listeners) listener(message);
          callback();
        });
      },
    });
  }

  async start(port = 0, host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Resolves with the first message (already received or arriving) that matches. */
  waitFor(match: (message: SinkMessage) => boolean, timeoutMs = 5000): Promise<SinkMessage> {
    const found = this.messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error('no matching e-mail arrived'));
      }, timeoutMs);
      const listener = (message: SinkMessage) => {
        if (!match(message)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(message);
      };
      this.listeners.add(listener);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
