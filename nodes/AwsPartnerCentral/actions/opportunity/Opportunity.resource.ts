import { defineResource } from '../common/resource';
import * as assign from './assign.operation';
import * as associate from './associate.operation';
import * as create from './create.operation';
import * as disassociate from './disassociate.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as submit from './submit.operation';
import * as update from './update.operation';

export const opportunity = defineResource(
	'opportunity',
	[create, get, list, update, submit, assign, associate, disassociate],
	'get',
);
