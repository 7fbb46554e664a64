/**
 * RESP2, the Redis wire protocol (https://redis.io/docs/latest/develop/reference/protocol-spec/): commands are sent
 * as arrays of bulk strings; replies are simple strings (+), errors (-), integers (:), bulk strings ($, -1 = nil) and
 * arrays (*, -1 = nil), nested.
 */
export type RedisReply = string | number | null | RedisReplyError | RedisReply[];

/** An error reply (`-ERR ...`, `-NOSCRIPT ...`): `code` is its first word. */
export class RedisReplyError extends Error {
	readonly code: string;

	constructor(line: string) {
		super(line);
		this.name = 'RedisReplyError';
		this.code = line.split(' ', 1)[0];
	}
}

export function encodeCommand(args: Array<string | number>): Buffer {
	const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
	for (const arg of args) {
		const b = Buffer.from(String(arg), 'utf8');
		parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
	}
	return Buffer.concat(parts);
}

interface Parsed {
	value: RedisReply;
	next: number;
}

/** Incremental reply parser: feed it socket data, it returns the replies completed so far, in order. */
export class RespParser {
	private buffer: Buffer = Buffer.alloc(0);

	push(chunk: Buffer): RedisReply[] {
		this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
		const replies: RedisReply[] = [];
		let offset = 0;
		for (;;) {
			const parsed = this.parse(offset);
			if (!parsed) break;
			replies.push(parsed.value);
			offset = parsed.next;
		}
		this.buffer = this.buffer.subarray(offset);
		return replies;
	}

	private line(offset: number): { text: string; next: number } | undefined {
		const end = this.buffer.indexOf('\r\n', offset);
		if (end < 0) return undefined;
		return { text: this.buffer.toString('utf8', offset, end), next: end + 2 };
	}

	private parse(offset: number): Parsed | undefined {
		if (offset >= this.buffer.length) return undefined;
		const type = String.fromCharCode(this.buffer[offset]);
		const head = this.line(offset + 1);
		if (!head) return undefined;
		switch (type) {
			case '+':
				return { value: head.text, next: head.next };
			case '-':
				return { value: new RedisReplyError(head.text), next: head.next };
			case ':':
				return { value: Number(head.text), next: head.next };
			case '$': {
				const length = Number(head.text);
				if (length < 0) return { value: null, next: head.next };
				if (this.buffer.length < head.next + length + 2) return undefined;
				return { value: this.buffer.toString('utf8', head.next, head.next + length), next: head.next + length + 2 };
			}
			case '*': {
				const count = Number(head.text);
				if (count < 0) return { value: null, next: head.next };
				const items: RedisReply[] = [];
				let next = head.next;
				for (let i = 0; i < count; i++) {
					const item = this.parse(next);
					if (!item) return undefined;
					items.push(item.value);
					next = item.next;
				}
				return { value: items, next };
			}
			default:
				throw new Error(`Unexpected reply from Redis (type byte "${type}"): is this a Redis server?`);
		}
	}
}
