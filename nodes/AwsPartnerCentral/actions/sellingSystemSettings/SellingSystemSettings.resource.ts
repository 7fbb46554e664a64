import { defineResource } from '../common/resource';
import * as get from './get.operation';
import * as put from './put.operation';

export const sellingSystemSettings = defineResource('sellingSystemSettings', [get, put], 'get');
