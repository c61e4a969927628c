/**
 * The port through which sign-in codes and password-reset links leave the system. Email (SMTP) and SMS providers are
 * third parties: the communication capability (issue 6) plugs real senders in here. In
 * development and tests the dev outbox keeps what would have been sent.
 */
export interface OutgoingCode {
  channel: 'email' | 'sms';
  to: string;
  purpose: string;
  /** A one-time sign-in code. */
  code?: string;
  /** A link carrying a one-time token (password reset). */
  link?: string;
  sentAt: Date;
}

export interface CodeSender {
  send(message: OutgoingCode): Promise<void>;
}

/** Keeps the last messages in memory (bounded) and reports each to a callback (the log). */
export class DevOutbox implements CodeSender {
  private readonly messages: OutgoingCode[] = [];

  constructor(
    private readonly onMessage: (message: OutgoingCode) => void = () => {},
    private readonly capacity = 200,
  ) {}

  async send(message: OutgoingCode): Promise<void> {
    this.messages.push(message);
    if (this.messages.length > this.capacity) this.messages.shift();
    this.onMessage(message);
  }

  /** Newest first. */
  list(): OutgoingCode[] {
    return [...this.messages].reverse();
  }

  /** The newest code sent to `to`, for tests and the console's dev outbox. */
  lastCodeFor(to: string): string | undefined {
    return this.list().find((message) => message.to === to && message.code)?.code;
  }

  /** The newest link sent to `to` (password reset), for tests. */
  lastLinkFor(to: string): string | undefined {
    return this.list().find((message) => message.to === to && message.link)?.link;
  }
}
