import { defineResource } from '../common/resource';
import * as get from './get.operation';
import * as list from './list.operation';
import * as start from './start.operation';

export const prospecting = defineResource('prospecting', [start, get, list], 'start');
