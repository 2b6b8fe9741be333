export * from './roles.js';
export * from './actions.js';
export * from './membership-rules.js';
export * from './password-policy.js';
export * from './task-rules.js';
export * from './approval-rules.js';
export * from './asset-rules.js';
export * from './gap-rules.js';
