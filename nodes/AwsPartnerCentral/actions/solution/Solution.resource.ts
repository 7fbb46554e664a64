import { defineResource } from '../common/resource';
import * as list from './list.operation';

export const solution = defineResource('solution', [list], 'list');
