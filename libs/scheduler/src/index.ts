export { schedule } from './schedule';
export { awaitsPlacement } from './task-groups';
export { ASSIGNED_MESSAGE } from './task-changes';
