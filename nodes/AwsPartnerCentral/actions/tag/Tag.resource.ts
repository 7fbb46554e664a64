import { defineResource } from '../common/resource';
import * as add from './add.operation';
import * as list from './list.operation';
import * as remove from './remove.operation';

export const tag = defineResource('tag', [add, remove, list], 'list');
