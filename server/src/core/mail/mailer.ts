import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../logger.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail through SMTP (nodemailer). Sending happens after the transaction commits. */
export class Mailer {
  private transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string, private readonly logger: Logger) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
    this.logger.info({ to: mail.to, subject: mail.subject }, 'e-mail sent');
  }

  /** Sends without failing the caller: the change that triggered the e-mail is already committed. */
  sendLater(mail: OutgoingMail): Promise<void> {
    return this.send(mail).catch((err: unknown) => {
      this.logger.error({ err, to: mail.to, subject: mail.subject }, 'e-mail could not be sent');
    });
  }

  close(): void {
    this.transport.close();
  }
}
