import { defineResource } from '../common/resource';
import * as create from './create.operation';
import * as createContext from './createContext.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as listMembers from './listMembers.operation';
import * as listResourceAssociations from './listResourceAssociations.operation';
import * as updateContext from './updateContext.operation';

export const engagement = defineResource(
	'engagement',
	[create, get, list, listMembers, createContext, updateContext, listResourceAssociations],
	'get',
);
