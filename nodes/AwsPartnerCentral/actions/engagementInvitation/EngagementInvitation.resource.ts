import { defineResource } from '../common/resource';
import * as accept from './accept.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as reject from './reject.operation';

export const engagementInvitation = defineResource('engagementInvitation', [list, get, accept, reject, create], 'list');
