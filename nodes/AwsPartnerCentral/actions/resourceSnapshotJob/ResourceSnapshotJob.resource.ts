import { defineResource } from '../common/resource';
import * as create from './create.operation';
import * as deleteJob from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as start from './start.operation';
import * as stop from './stop.operation';

export const resourceSnapshotJob = defineResource(
	'resourceSnapshotJob',
	[create, start, stop, deleteJob, get, list],
	'get',
);
