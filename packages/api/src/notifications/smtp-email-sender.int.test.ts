import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpEmailSender, type SmtpEmailSender } from './smtp-email-sender';

/**
 * A real SMTP conversation with an SMTP server in this process (the `smtp-server` package):
 * what arrives is parsed back with `mailparser`, as a mail client would read it.
 */
describe('the SMTP email adapter', () => {
  const received: { from: string; to: string[]; mail: ParsedMail }[] = [];
  let server: SMTPServer;
  let sender: SmtpEmailSender;
  let refusing: SmtpEmailSender;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback; nodemailer upgrades with STARTTLS whenever a server offers it.
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@refused.example')) {
          callback(new Error('550 no such mailbox'));
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              mail,
            });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('not listening');
    const { port } = address;
    sender = createSmtpEmailSender({
      url: `smtp://127.0.0.1:${port}`,
      from: '滨江区总工会 <no-reply@union.example.org>',
    });
    refusing = createSmtpEmailSender({
      url: `smtp://127.0.0.1:${port}`,
      from: 'no-reply@union.example.org',
    });
  });

  afterAll(async () => {
    sender.close();
    refusing.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers the plain-text part, the HTML part and the message headers', async () => {
    await sender.send({
      to: 'member@binjiang.example',
      subject: '活动提醒 / Event reminder',
      text: '明天上午 9 点，职工之家。\nTomorrow at 9, the workers’ hall.',
      html: '<p>明天上午 9 点，<strong>职工之家</strong>。</p>',
      headers: {
        'List-Unsubscribe': '<https://union.example.org/unsubscribe?t=abc>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.from).toBe('no-reply@union.example.org');
    expect(message?.to).toEqual(['member@binjiang.example']);
    const mail = message?.mail;
    expect(mail?.subject).toBe('活动提醒 / Event reminder');
    expect(mail?.from?.value).toEqual([
      { address: 'no-reply@union.example.org', name: '滨江区总工会' },
    ]);
    expect(mail?.text?.trim()).toBe('明天上午 9 点，职工之家。\nTomorrow at 9, the workers’ hall.');
    expect(mail?.html).toContain('<strong>职工之家</strong>');
    // Two alternatives of one message, text first, as mail clients expect.
    expect(mail?.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    // The raw header lines, as they travelled (mailparser also parses some into objects).
    const line = (key: string) => mail?.headerLines.find((header) => header.key === key)?.line;
    expect(line('list-unsubscribe')).toBe(
      'List-Unsubscribe: <https://union.example.org/unsubscribe?t=abc>',
    );
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('rejects when the server refuses the recipient, so the delivery job retries', async () => {
    await expect(
      refusing.send({ to: 'nobody@refused.example', subject: 's', text: 't', html: '<p>t</p>' }),
    ).rejects.toThrow(/550|no such mailbox/i);
  });
});
