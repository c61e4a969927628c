export * from './errors';
export * from './locale';
export * from './org/org-unit';
export * from './policy';
export * from './validation';
export * from './audit';
export * from './access/roles';
export * from './identity/phone-number';
