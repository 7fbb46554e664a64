import { defineResource } from '../common/resource';
import * as get from './get.operation';

export const awsOpportunitySummary = defineResource('awsOpportunitySummary', [get], 'get');
