/** SQS queue semantics: visibility timeout, redelivery, ApproximateReceiveCount, redrive to a DLQ (simulated time). */
import { createHash, randomUUID } from 'node:crypto';
import type { SimClock } from '../common/clock';

export const SQS_ACCOUNT_ID = '111122223333';
export const SQS_REGION = 'us-east-1';

export interface MessageAttributeValue {
	DataType: string;
	StringValue?: string;
	BinaryValue?: string;
}

export interface StoredMessage {
	MessageId: string;
	Body: string;
	MD5OfBody: string;
	MessageAttributes?: Record<string, MessageAttributeValue>;
	MD5OfMessageAttributes?: string;
	sentAt: number;
	visibleAt: number;
	receiveCount: number;
	firstReceiveAt?: number;
	receiptHandle?: string;
}

export interface Queue {
	name: string;
	url: string;
	arn: string;
	attributes: Record<string, string>;
	createdAt: number;
	messages: StoredMessage[];
	deletedCount: number;
}

export class SqsError extends Error {
	constructor(
		public readonly code: string,
		message: string,
		public readonly queryCode: string,
		public readonly status = 400,
	) {
		super(message);
	}
}

export function md5(data: Buffer | string): string {
	return createHash('md5').update(data).digest('hex');
}

/** MD5 of message attributes as SQS computes it (names sorted; length-prefixed name, type, transport byte, value). */
export function md5OfMessageAttributes(attrs: Record<string, MessageAttributeValue>): string {
	const parts: Buffer[] = [];
	const len = (b: Buffer) => {
		const l = Buffer.alloc(4);
		l.writeUInt32BE(b.length);
		return l;
	};
	for (const name of Object.keys(attrs).sort()) {
		const a = attrs[name];
		const n = Buffer.from(name, 'utf8');
		const t = Buffer.from(a.DataType, 'utf8');
		parts.push(len(n), n, len(t), t);
		if (a.BinaryValue !== undefined) {
			const v = Buffer.from(a.BinaryValue, 'base64');
			parts.push(Buffer.from([2]), len(v), v);
		} else {
			const v = Buffer.from(a.StringValue ?? '', 'utf8');
			parts.push(Buffer.from([1]), len(v), v);
		}
	}
	return md5(Buffer.concat(parts));
}

const DEFAULTS: Record<string, string> = {
	VisibilityTimeout: '30',
	MessageRetentionPeriod: '345600',
	DelaySeconds: '0',
	ReceiveMessageWaitTimeSeconds: '0',
	MaximumMessageSize: '262144',
};

export class QueueStore {
	queues = new Map<string, Queue>();
	private waiters = new Set<() => void>();

	constructor(
		private readonly clock: SimClock,
		public baseUrl: string,
	) {}

	now(): number {
		return Math.floor(this.clock.now());
	}

	create(name: string, attributes: Record<string, string> = {}): Queue {
		if (!/^[a-zA-Z0-9_-]{1,80}(\.fifo)?$/u.test(name)) throw new SqsError('InvalidParameterValue', `Invalid queue name ${name}`, 'InvalidParameterValue');
		const existing = this.queues.get(name);
		if (existing) {
			for (const [k, v] of Object.entries(attributes)) {
				if (existing.attributes[k] !== undefined && existing.attributes[k] !== v) {
					throw new SqsError('QueueNameExists', `A queue already exists with the same name and a different value for attribute ${k}`, 'QueueAlreadyExists');
				}
			}
			return existing;
		}
		if (attributes.RedrivePolicy) this.parseRedrive(attributes.RedrivePolicy);
		const q: Queue = {
			name,
			url: `${this.baseUrl}/${SQS_ACCOUNT_ID}/${name}`,
			arn: `arn:aws:sqs:${SQS_REGION}:${SQS_ACCOUNT_ID}:${name}`,
			attributes: { ...DEFAULTS, ...attributes },
			createdAt: this.now(),
			messages: [],
			deletedCount: 0,
		};
		this.queues.set(name, q);
		return q;
	}

	private parseRedrive(policy: string): { deadLetterTargetArn: string; maxReceiveCount: number } {
		try {
			const p = JSON.parse(policy) as { deadLetterTargetArn: string; maxReceiveCount: number | string };
			const max = Number(p.maxReceiveCount);
			if (!p.deadLetterTargetArn || !(max >= 1)) throw new Error('bad');
			return { deadLetterTargetArn: p.deadLetterTargetArn, maxReceiveCount: max };
		} catch {
			throw new SqsError('InvalidParameterValue', 'Value for parameter RedrivePolicy is invalid.', 'InvalidParameterValue');
		}
	}

	/** Queue by URL, name or ARN. */
	get(ref: string): Queue {
		const name = ref.split(/[/:]/u).pop() ?? '';
		const q = this.queues.get(name);
		if (!q) throw new SqsError('QueueDoesNotExist', 'The specified queue does not exist.', 'AWS.SimpleQueueService.NonExistentQueue');
		return q;
	}

	send(ref: string, body: string, delaySeconds?: number, messageAttributes?: Record<string, MessageAttributeValue>): StoredMessage {
		const q = this.get(ref);
		if (body.length === 0) throw new SqsError('InvalidParameterValue', 'The request must contain the parameter MessageBody.', 'MissingParameter');
		if (Buffer.byteLength(body) > Number(q.attributes.MaximumMessageSize)) {
			throw new SqsError('InvalidParameterValue', 'One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.', 'InvalidParameterValue');
		}
		const now = this.now();
		const delay = delaySeconds ?? Number(q.attributes.DelaySeconds);
		const msg: StoredMessage = {
			MessageId: randomUUID(),
			Body: body,
			MD5OfBody: md5(body),
			sentAt: now,
			visibleAt: now + delay * 1000,
			receiveCount: 0,
		};
		if (messageAttributes && Object.keys(messageAttributes).length) {
			msg.MessageAttributes = messageAttributes;
			msg.MD5OfMessageAttributes = md5OfMessageAttributes(messageAttributes);
		}
		q.messages.push(msg);
		for (const w of this.waiters) w();
		return msg;
	}

	/** Moves messages over maxReceiveCount to the dead-letter queue; drops expired ones. */
	private housekeep(q: Queue): void {
		const now = this.now();
		const retention = Number(q.attributes.MessageRetentionPeriod) * 1000;
		q.messages = q.messages.filter((m) => now - m.sentAt < retention);
		if (!q.attributes.RedrivePolicy) return;
		const { deadLetterTargetArn, maxReceiveCount } = this.parseRedrive(q.attributes.RedrivePolicy);
		const dlq = [...this.queues.values()].find((x) => x.arn === deadLetterTargetArn);
		if (!dlq) return;
		for (const m of [...q.messages]) {
			if (m.visibleAt <= now && m.receiveCount >= maxReceiveCount) {
				q.messages.splice(q.messages.indexOf(m), 1);
				dlq.messages.push({ ...m, visibleAt: now, receiptHandle: undefined });
			}
		}
	}

	receiveNow(q: Queue, max: number, visibilityTimeout?: number): StoredMessage[] {
		this.housekeep(q);
		const now = this.now();
		const vt = (visibilityTimeout ?? Number(q.attributes.VisibilityTimeout)) * 1000;
		const out: StoredMessage[] = [];
		for (const m of q.messages) {
			if (out.length >= max) break;
			if (m.visibleAt > now) continue;
			m.receiveCount += 1;
			m.firstReceiveAt ??= now;
			m.visibleAt = now + vt;
			m.receiptHandle = Buffer.from(`${q.name}|${m.MessageId}|${randomUUID()}`).toString('base64');
			out.push(m);
		}
		return out;
	}

	/** Long polling: waits up to waitSeconds of simulated time for at least one message. */
	async receive(ref: string, max: number, waitSeconds: number, visibilityTimeout?: number): Promise<StoredMessage[]> {
		const q = this.get(ref);
		const deadline = this.now() + waitSeconds * 1000;
		for (;;) {
			const got = this.receiveNow(q, max, visibilityTimeout);
			if (got.length || this.now() >= deadline) return got;
			const realWait = Math.min(this.clock.toRealMs(deadline - this.now()), 50);
			await new Promise<void>((resolve) => {
				const wake = () => {
					clearTimeout(timer);
					this.waiters.delete(wake);
					resolve();
				};
				const timer = setTimeout(wake, Math.max(1, realWait));
				this.waiters.add(wake);
			});
		}
	}

	private byHandle(ref: string, handle: string): { q: Queue; m: StoredMessage } {
		const q = this.get(ref);
		const m = q.messages.find((x) => x.receiptHandle === handle);
		if (!m) throw new SqsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`, 'ReceiptHandleIsInvalid');
		return { q, m };
	}

	delete(ref: string, handle: string): void {
		const q = this.get(ref);
		const idx = q.messages.findIndex((x) => x.receiptHandle === handle);
		if (idx < 0) {
			// Deleting an already-deleted message with a once-valid handle succeeds in SQS; unknown handles fail.
			let decoded = '';
			try {
				decoded = Buffer.from(handle, 'base64').toString('utf8');
			} catch {
				decoded = '';
			}
			if (!decoded.startsWith(`${q.name}|`)) throw new SqsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`, 'ReceiptHandleIsInvalid');
			return;
		}
		q.messages.splice(idx, 1);
		q.deletedCount++;
	}

	changeVisibility(ref: string, handle: string, seconds: number): void {
		if (seconds < 0 || seconds > 43200) throw new SqsError('InvalidParameterValue', 'VisibilityTimeout must be between 0 and 43200 seconds.', 'InvalidParameterValue');
		const { m } = this.byHandle(ref, handle);
		if (m.visibleAt <= this.now()) throw new SqsError('MessageNotInflight', 'The message is not in flight.', 'AWS.SimpleQueueService.MessageNotInflight');
		m.visibleAt = this.now() + seconds * 1000;
		if (seconds === 0) for (const w of this.waiters) w();
	}

	counts(q: Queue): { visible: number; inFlight: number; delayed: number } {
		this.housekeep(q);
		const now = this.now();
		let visible = 0;
		let inFlight = 0;
		let delayed = 0;
		for (const m of q.messages) {
			if (m.visibleAt <= now) visible++;
			else if (m.receiveCount > 0) inFlight++;
			else delayed++;
		}
		return { visible, inFlight, delayed };
	}
}
