/** SQS simulator with the real @aws-sdk/client-sqs 3.1124.0 client. */
import {
	ChangeMessageVisibilityCommand,
	CreateQueueCommand,
	DeleteMessageCommand,
	GetQueueAttributesCommand,
	GetQueueUrlCommand,
	ReceiveMessageCommand,
	SendMessageCommand,
	SQSClient,
} from '@aws-sdk/client-sqs';
import { SimClock } from '../common/clock';
import { type SqsSimulatorHandle, startSqsSimulator } from './index';

let sqs: SqsSimulatorHandle;
let client: SQSClient;
const credentials = { accessKeyId: 'AKIAPCSIMULATOR00001', secretAccessKey: 'pc-simulator-secret' };

beforeAll(async () => {
	sqs = await startSqsSimulator({ clock: new SimClock(1) });
	client = new SQSClient({ endpoint: sqs.url, region: 'us-east-1', credentials, maxAttempts: 1 });
});
afterAll(async () => {
	client.destroy();
	await sqs.close();
});

async function newQueue(name: string, attributes?: Record<string, string>): Promise<string> {
	return (await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
}

describe('SQS simulator', () => {
	it('CreateQueue / GetQueueUrl; unknown queue -> QueueDoesNotExist', async () => {
		const url = await newQueue('basic');
		expect(url).toBe(`${sqs.url}/111122223333/basic`);
		expect((await client.send(new GetQueueUrlCommand({ QueueName: 'basic' }))).QueueUrl).toBe(url);
		await expect(client.send(new GetQueueUrlCommand({ QueueName: 'missing' }))).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
	});

	it('SendMessage / ReceiveMessage (MD5s verified by the SDK, attributes incl. ApproximateReceiveCount) / DeleteMessage', async () => {
		const url = await newQueue('send');
		const sent = await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '{"hello":"world"}', MessageAttributes: { kind: { DataType: 'String', StringValue: 'test' } } }));
		expect(sent.MessageId).toBeDefined();
		const r = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] }));
		expect(r.Messages).toHaveLength(1);
		expect(r.Messages![0]).toMatchObject({ Body: '{"hello":"world"}', Attributes: { ApproximateReceiveCount: '1' }, MessageAttributes: { kind: { StringValue: 'test' } } });
		await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: r.Messages![0].ReceiptHandle }));
		expect((await client.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toBeUndefined();
	});

	it('MaxNumberOfMessages limits the batch', async () => {
		const url = await newQueue('batch');
		for (let i = 0; i < 5; i++) await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: `m${i}` }));
		const r = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 3 }));
		expect(r.Messages?.map((m) => m.Body)).toEqual(['m0', 'm1', 'm2']);
	});

	it('visibility timeout hides a received message; it is redelivered with a higher ApproximateReceiveCount', async () => {
		const url = await newQueue('visibility', { VisibilityTimeout: '30' });
		await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'again' }));
		await client.send(new ReceiveMessageCommand({ QueueUrl: url }));
		expect((await client.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toBeUndefined();
		sqs.clock.advance(31_000);
		const r = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
		expect(r.Messages?.[0].Attributes?.ApproximateReceiveCount).toBe('2');
	});

	it('ReceiveMessage VisibilityTimeout and ChangeMessageVisibility(0) make a message visible again', async () => {
		const url = await newQueue('change');
		await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
		const r = await client.send(new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 600 }));
		await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: r.Messages![0].ReceiptHandle, VisibilityTimeout: 0 }));
		expect((await client.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages?.[0].Body).toBe('x');
	});

	it('long polling waits (WaitTimeSeconds) and returns as soon as a message arrives', async () => {
		const url = await newQueue('long');
		const t0 = Date.now();
		expect((await client.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }))).Messages).toBeUndefined();
		expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
		setTimeout(() => sqs.enqueue('long', 'late'), 200);
		const t1 = Date.now();
		const r = await client.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5 }));
		expect(r.Messages?.[0].Body).toBe('late');
		expect(Date.now() - t1).toBeLessThan(2000);
	});

	it('redrive policy moves a message to the dead-letter queue after maxReceiveCount receives', async () => {
		const dlqUrl = await newQueue('dlq');
		const dlqArn = (await client.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn;
		const url = await newQueue('work', { VisibilityTimeout: '1', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }) });
		await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'poison' }));
		for (let i = 0; i < 2; i++) {
			expect((await client.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toHaveLength(1);
			sqs.clock.advance(1500);
		}
		expect((await client.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toBeUndefined();
		const d = await client.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
		expect(d.Messages?.[0].Body).toBe('poison');
	});

	it('requires a valid SigV4 signature', async () => {
		const bad = new SQSClient({ endpoint: sqs.url, region: 'us-east-1', credentials: { ...credentials, secretAccessKey: 'nope' }, maxAttempts: 1 });
		await expect(bad.send(new GetQueueUrlCommand({ QueueName: 'basic' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
		const res = await fetch(sqs.url, { method: 'POST', headers: { 'x-amz-target': 'AmazonSQS.ListQueues', 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });
		expect(res.status).toBe(403);
	});

	it('admin: create queue, state, faults, reset', async () => {
		const call = async (method: string, path: string, body?: unknown) =>
			(await fetch(`${sqs.url}/__admin${path}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })).json() as Promise<Record<string, unknown>>;
		await call('POST', '/queues', { name: 'from-admin' });
		sqs.enqueue('from-admin', 'hi');
		const state = (await call('GET', '/state')) as { queues: { name: string; approximateNumberOfMessages: number }[] };
		expect(state.queues.find((q) => q.name === 'from-admin')?.approximateNumberOfMessages).toBe(1);
		await call('POST', '/faults', { operation: 'ReceiveMessage', kind: 'internal', count: 1 });
		await expect(client.send(new ReceiveMessageCommand({ QueueUrl: `${sqs.url}/111122223333/from-admin` }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
		expect((await client.send(new ReceiveMessageCommand({ QueueUrl: `${sqs.url}/111122223333/from-admin` }))).Messages?.[0].Body).toBe('hi');
		await call('POST', '/reset');
		expect(((await call('GET', '/state')) as { queues: unknown[] }).queues).toEqual([]);
	});
});
