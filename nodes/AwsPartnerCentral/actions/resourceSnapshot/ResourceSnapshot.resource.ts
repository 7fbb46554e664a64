import { defineResource } from '../common/resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as list from './list.operation';

export const resourceSnapshot = defineResource('resourceSnapshot', [create, get, list], 'get');
